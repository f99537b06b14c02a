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
        let l = layout(md, w);
        assert!(l.max_width() <= w.max(10), "width {w}: {}", l.max_width());
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
