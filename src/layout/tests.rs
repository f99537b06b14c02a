use std::fmt::Write as _;

use super::*;
use crate::model::{Origin, SourceFile};

fn layout(md: &str, width: usize) -> Layout {
    let mut d = Vec::new();
    let file = SourceFile::new("t.md".into(), Origin::Embedded, md.into());
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    let doc = crate::doc::build(&brief);
    Layout::new(&doc, brief.sections.len(), width, None)
}

fn text(l: &Layout) -> Vec<String> {
    (0..l.len())
        .filter_map(|i| l.line(i))
        .map(|l| l.plain())
        .collect()
}

#[test]
fn paragraphs_wrap_with_hanging_list_indents() {
    let l = layout("- a list item that is long enough to wrap\n", 20);
    assert_eq!(
        text(&l),
        ["• a list item that", "  is long enough to", "  wrap"]
    );
}

#[test]
fn wide_tables_degrade_to_records() {
    let md =
        "| Country | Share of exports | Notes |\n|---|---|---|\n| Korea | 60% | most to China |\n";
    let l = layout(md, 20);
    assert_eq!(
        text(&l),
        [
            "Country: Korea",
            "Share of exports:",
            "60%",
            "Notes: most to China"
        ]
    );
    let l = layout(md, 60);
    assert_eq!(text(&l)[0], "Country │ Share of exports │ Notes");
}

#[test]
fn no_line_is_wider_than_the_width() {
    let md = "# 한국과 미국의 기술 협력에 관한 보고서\n\n한국과미국의기술협력은반도체공급망을중심으로확대되고있다 🌞👨‍👩‍👧 e\u{301}\n\n| 국가 | 비율 |\n|---|---|\n| 한국 | 60% |\n\n```\n\tcode\tx\n```\n";
    for w in [8, 11, 20, 33] {
        let p = printed(md, w);
        let widest = p.iter().map(|l| display_width(l)).max().unwrap_or(0);
        assert!(widest <= w.max(10), "width {w}: {widest}");
        // On screen only a block that scrolls sideways may be wider.
        let l = layout(md, w);
        for i in 0..l.len() {
            let lw = l.line(i).map_or(0, |x| x.width());
            assert!(lw <= w.max(10) + l.overflow(i), "width {w}, line {i}: {lw}");
        }
    }
}

#[test]
fn sections_and_targets_are_tracked() {
    let md = "Lead\n\n## One\n\nSee [two](#two).\n\n## Two\n\nEnd.\n";
    let l = layout(md, 40);
    assert_eq!(l.section_line(crate::model::SectionIdx(1)), 2);
    assert_eq!(
        l.line(l.section_line(crate::model::SectionIdx(2)))
            .map(|x| x.plain()),
        Some("Two".into())
    );
    assert_eq!(l.section_of(5), crate::model::SectionIdx(1));
    let t = l.targets()[0];
    assert_eq!((t.line, t.col, t.width), (5, 4, 3));
    assert_eq!(t.role, crate::doc::Role::Link(0));
}

#[test]
fn hard_breaks_and_rules() {
    let l = layout("one  \ntwo\n\n---\n", 12);
    assert_eq!(text(&l), ["one", "two", "", "────────────"]);
}

/// A long body of pillars with lists, tables, quotes, code and links.
fn long_body(sections: usize) -> String {
    let mut md = String::from("Lead paragraph with a [link](#pillar-1).\n\n");
    for i in 0..sections {
        let _ = write!(
            md,
            "## Pillar {i}\n\nSome *text* that runs long enough to wrap over more than one line of the pane, with `code` and **strong** words.\n\n- one\n- two\n  - deep\n\n> quoted text\n\n| a | b |\n|---|---|\n| {i} | x |\n\n```\ncode {i}\n```\n\n"
        );
    }
    md
}

#[test]
fn a_preview_of_the_first_sections_lays_out_as_the_whole_does() {
    let md = long_body(60);
    let mut d = Vec::new();
    let file = SourceFile::new("t.md".into(), Origin::Embedded, md);
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    let full = crate::doc::build(&brief);
    let cut = crate::doc::prefix_cut(&brief, 2_000).expect("a cut");
    assert!(cut < brief.source.body().len() / 2);
    let starts = crate::doc::section_starts(&brief);
    let preview = crate::doc::build_text(
        &brief.source.body()[..cut],
        brief.source.body_start,
        &starts,
        None,
    );
    assert_eq!(preview.blocks[..], full.blocks[..preview.blocks.len()]);
    for width in [20, 80, 120] {
        let whole = Layout::new(&full, brief.sections.len(), width, None);
        let part = Layout::new(&preview, brief.sections.len(), width, None);
        assert!(part.len() > 40 && part.len() < whole.len());
        assert_eq!(text(&part)[..], text(&whole)[..part.len()]);
        assert_eq!(part.targets()[..], whole.targets()[..part.targets().len()]);
        let progress = crate::doc::Progress::default();
        let tracked = Layout::with_progress(&full, brief.sections.len(), width, &progress);
        assert_eq!(text(&tracked), text(&whole));
    }
}

#[test]
fn no_cut_when_no_section_starts_late_enough() {
    let mut d = Vec::new();
    let file = SourceFile::new("t.md".into(), Origin::Embedded, long_body(3));
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    assert_eq!(crate::doc::prefix_cut(&brief, 100_000), None);
    let first = crate::doc::prefix_cut(&brief, 1).expect("a cut");
    assert!(brief.source.body()[first..].starts_with("## Pillar 0"));
}

#[test]
fn a_body_parsed_in_pieces_gives_the_same_blocks() {
    let mut d = Vec::new();
    let file = SourceFile::new("t.md".into(), Origin::Embedded, long_body(40));
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    let starts = crate::doc::section_starts(&brief);
    let (body, base) = (brief.source.body(), brief.source.body_start);
    let whole = crate::doc::build_in_chunks(body, base, &starts, None, usize::MAX);
    for chunk in [1, 500, 3_000] {
        let pieces = crate::doc::build_in_chunks(body, base, &starts, None, chunk);
        assert_eq!(pieces.blocks, whole.blocks, "pieces of {chunk}");
    }
    // Footnotes refer across pieces: such a body is parsed whole.
    let md = format!("{}See[^n].\n\n[^n]: The note.\n", long_body(10));
    let file = SourceFile::new("n.md".into(), Origin::Embedded, md);
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    let starts = crate::doc::section_starts(&brief);
    let (body, base) = (brief.source.body(), brief.source.body_start);
    assert_eq!(
        crate::doc::build_in_chunks(body, base, &starts, None, 1).blocks,
        crate::doc::build_in_chunks(body, base, &starts, None, usize::MAX).blocks
    );
}

#[test]
fn a_layout_streamed_piece_by_piece_equals_the_whole() {
    let mut d = Vec::new();
    let md = format!("{}Closing [note](#pillar-0).\n", long_body(40));
    let file = SourceFile::new("t.md".into(), Origin::Embedded, md);
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    let starts = crate::doc::section_starts(&brief);
    let (body, base) = (brief.source.body(), brief.source.body_start);
    let full = crate::doc::build(&brief);
    for width in [20, 120] {
        let whole = Layout::new(&full, brief.sections.len(), width, None);
        let mut pieces = 0;
        let mut stream = super::Stream::new(brief.sections.len(), width, None);
        crate::doc::build_pieces(body, base, &starts, None, 2_000, |piece| {
            pieces += 1;
            stream.add(&piece.blocks);
            std::ops::ControlFlow::Continue(())
        });
        assert!(pieces > 3, "{pieces} pieces");
        let streamed = stream.finish();
        assert_eq!(text(&streamed), text(&whole), "at {width}");
        assert_eq!(streamed.targets(), whole.targets());
        assert_eq!(streamed.blocks(), full.blocks.len());
        for s in 0..brief.sections.len() {
            let s = crate::model::SectionIdx(s);
            assert_eq!(streamed.section_line(s), whole.section_line(s));
        }
    }
}

#[test]
fn a_build_stops_when_its_sink_says_so() {
    let mut d = Vec::new();
    let file = SourceFile::new("t.md".into(), Origin::Embedded, long_body(40));
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    let starts = crate::doc::section_starts(&brief);
    let (body, base) = (brief.source.body(), brief.source.body_start);
    let mut seen = Vec::new();
    crate::doc::build_pieces(body, base, &starts, None, 2_000, |piece| {
        seen.push(piece.blocks.len());
        std::ops::ControlFlow::Break(())
    });
    assert_eq!(seen.len(), 1, "one piece, then it stopped");
    assert!(seen[0] > 0 && seen[0] < crate::doc::build(&brief).blocks.len());
}

#[test]
fn the_lead_stands_under_the_title_as_a_quote() {
    let md = "+++\nid = \"b\"\ntitle = \"B\"\nbottom_line = \"Chips bind the allies.\"\ntakeaways = [\"One thing.\", \"Another thing.\", \"A third.\"]\n+++\n# B\n\nIntro.\n\n## Pillar\n\nText.\n";
    let mut d = Vec::new();
    let file = SourceFile::new("b.md".into(), Origin::Embedded, md.into());
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    let doc = crate::doc::build_with_lead(&brief);
    let l = Layout::new(&doc, brief.sections.len(), 40, None);
    let lines = text(&l);
    let at = |s: &str| lines.iter().position(|l| l.contains(s));
    assert_eq!(lines[0], "B");
    assert_eq!(
        at("│ Bottom line. Chips bind the allies."),
        Some(3),
        "{lines:#?}"
    );
    assert!(at("│ • One thing.").is_some(), "{lines:#?}");
    assert!(at("│ Takeaways") < at("│ • A third.") && at("│ • A third.") < at("Intro."));
    // Without a lead the plain build is unchanged.
    assert!(
        text(&Layout::new(&crate::doc::build(&brief), 2, 40, None))
            .iter()
            .all(|l| !l.contains("Bottom line"))
    );
}
fn printed(md: &str, width: usize) -> Vec<String> {
    let mut d = Vec::new();
    let file = SourceFile::new("t.md".into(), Origin::Embedded, md.into());
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    let doc = crate::doc::build(&brief);
    let notes = Notes::default();
    text(&Layout::new(
        &doc,
        brief.sections.len(),
        width,
        Some(&notes),
    ))
}

const LONG_CODE: &str =
    "Run:\n\n```\nbriefing show brief-id#section-slug --width 100\nok\n```\n\nAfter.\n";

#[test]
fn code_lines_are_never_reflowed_on_screen() {
    let l = layout(LONG_CODE, 30);
    assert_eq!(
        text(&l),
        [
            "Run:",
            "",
            "  briefing show brief-id#section-slug --width 100",
            "  ok",
            "",
            "After."
        ]
    );
    // The code block's lines reach past the width, together; prose does not.
    assert_eq!(l.overflow(2), 49 - 30);
    assert_eq!(l.overflow(3), 49 - 30);
    assert_eq!(l.overflow(0), 0);
    assert_eq!(l.overflow(5), 0);
}

#[test]
fn printed_code_lines_go_on_after_a_mark() {
    assert_eq!(
        printed(LONG_CODE, 30),
        [
            "Run:",
            "",
            "  briefing show brief-id#secti",
            "↪ on-slug --width 100",
            "  ok",
            "",
            "After."
        ]
    );
}

const WIDE_TABLE: &str = "| Partner | Sector | Headquarters | Pledged investment |\n|---|---|---|---|\n| Samsung Electronics | Semiconductor | Washington, D.C. | $17 billion in Taylor, Texas |\n| Hyundai | Electric vehicles | Seoul | $5.5 billion |\n";

#[test]
fn table_columns_fit_their_longest_words() {
    // Natural widths fit: nothing wraps.
    let l = layout(WIDE_TABLE, 160);
    assert_eq!(
        text(&l)[0],
        "Partner             │ Sector            │ Headquarters     │ Pledged investment"
    );
    // Squeezed: cells wrap between words, never inside one.
    for width in [55, 60, 70, 80] {
        let l = layout(WIDE_TABLE, width);
        let all = text(&l).join("\n");
        assert!(l.max_width() <= width, "{width}: {all}");
        for word in [
            "Semiconductor",
            "Washington,",
            "Electronics",
            "Headquarters",
        ] {
            assert!(all.contains(word), "{width}: {word} split in\n{all}");
        }
    }
}

const WIDER_TABLE: &str = "| Partner | Sector | Headquarters | Pledged investment | Announced | Employment |\n|---|---|---|---|---|---|\n| Samsung Electronics | Semiconductor | Washington, D.C. | $17 billion | November 2021 | 2,000 |\n";

#[test]
fn a_table_whose_words_cannot_fit_scrolls_on_screen_and_is_records_in_print() {
    let l = layout(WIDER_TABLE, 60);
    let lines = text(&l);
    assert!(lines[0].starts_with("Partner "), "{lines:?}");
    assert!(l.max_width() > 60, "{lines:?}");
    assert_eq!(l.overflow(0), l.max_width() - 60);
    assert_eq!(l.overflow(1), l.overflow(0));
    assert!(lines.join("\n").contains("Semiconductor"));
    let p = printed(WIDER_TABLE, 60);
    assert_eq!(p[0], "Partner: Samsung Electronics");
    assert!(p.iter().all(|l| display_width(l) <= 60), "{p:?}");
    // Too narrow to scroll a table: records on screen too.
    assert_eq!(
        text(&layout(WIDE_TABLE, 40))[0],
        "Partner: Samsung Electronics"
    );
}

#[test]
fn footnotes_show_at_the_end_of_their_section_and_are_targets() {
    let md = "## One\n\nA claim[^src] here.\n\nMore.\n\n## Two\n\nOther[^b].\n\n[^src]: The source.\n[^b]: Second note.\n";
    let l = layout(md, 40);
    let lines = text(&l);
    let claim = lines
        .iter()
        .position(|x| x == "A claim[src] here.")
        .expect("ref");
    let note = lines
        .iter()
        .position(|x| x == "[src] The source.")
        .expect("note");
    let two = lines.iter().position(|x| x == "Two").expect("two");
    assert!(claim < note && note < two, "{lines:?}");
    assert_eq!(l.footnote_line(0), Some(note));
    assert_eq!(lines.last().map(String::as_str), Some("[b] Second note."));
    let t = l
        .targets()
        .iter()
        .find(|t| t.role == crate::doc::Role::FootnoteRef(0))
        .expect("a target");
    assert_eq!((t.line, t.col, t.width), (claim, 7, 5));
}

#[test]
fn inline_html_renders_as_text() {
    let md = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd>.<br>H<sub>2</sub>O, x<sup>2</sup>, <b>bold</b> <!-- hidden --> <span class=\"x\">kept</span> <a href=\"https://e.org\">site</a>\n\n<!-- a comment block -->\n\n<div align=\"center\">\n<b>Centered</b> text\n</div>\n";
    let l = layout(md, 80);
    assert_eq!(
        text(&l),
        [
            "Press Ctrl+C.",
            "H₂O, x², bold kept site (https://e.org)",
            "",
            "Centered text"
        ]
    );
    let line = l.line(0).expect("line");
    let kbd = line.spans().find(|(t, _)| *t == "Ctrl").expect("kbd");
    assert_ne!(kbd.1.flags & crate::doc::flags::CODE, 0);
}

#[test]
fn emoji_joined_by_zwj_are_one_character() {
    let l = layout(
        "A family 👨\u{200d}👩\u{200d}👧\u{200d}👦 and 🙇\u{200d}♂\u{fe0f} bows.\n",
        80,
    );
    assert_eq!(
        text(&l),
        ["A family 👨\u{200d}👩\u{200d}👧\u{200d}👦 and 🙇\u{200d}♂\u{fe0f} bows."]
    );
    assert_eq!(l.max_width(), 24);
    assert!(!text(&layout("lone\u{200d}joiner\n", 80))[0].contains('\u{200d}'));
}

#[test]
fn korean_paragraphs_break_at_spaces() {
    let l = layout("그 예상이 맞았습니다. 中国和日本的合作\n", 16);
    assert_eq!(text(&l), ["그 예상이", "맞았습니다. 中国", "和日本的合作"]);
}

#[test]
fn every_role_and_flag_survives_a_span() {
    use crate::doc::{Role, Style};
    let roles = [
        Role::Text,
        Role::Heading(6),
        Role::CodeBlock,
        Role::Marker,
        Role::Border,
        Role::Link(u32::MAX),
        Role::Mention(7),
        Role::FootnoteRef(3),
        Role::Image,
        Role::Html,
        Role::Dim,
        Role::Term {
            term: u16::MAX,
            nth: 513,
        },
    ];
    for role in roles {
        for flags in [0, 1, 15] {
            let style = Style { role, flags };
            assert_eq!(super::Span::new(9, style).style(), style);
        }
    }
}
