//! What the `parse` fuzz target checks of one input, shared with the
//! regression test that replays the inputs it found
//! (`tests/hostile/fuzzed.rs`): the first two bytes are the width, the
//! rest a brief. The brief is split from its front matter and parsed,
//! built into blocks and laid out at that width, for the reader and as
//! `show` prints it, and every line of each layout is walked. No frames
//! are drawn, so it runs fast. Panics on the first failure.

use briefing::diag::Diagnostic;
use briefing::doc::{self, BlockKind, Doc};
use briefing::layout::{Layout, Notes};
use briefing::model::{Brief, LinkTarget, Origin, SourceFile};
use briefing::parse::parse_brief;
use briefing::sanitize;

/// Runs every check on `data`.
pub fn run(data: &[u8]) {
    let Some((size, rest)) = data.split_at_checked(2) else {
        return;
    };
    let width = usize::from(u16::from_le_bytes([size[0], size[1]]) % 400);
    let text = String::from_utf8_lossy(rest).into_owned();
    let lines = text.split('\n').count();
    let file = SourceFile::new("fuzz.md".into(), Origin::Embedded, text);
    let mut diags = Vec::new();
    let brief = parse_brief(file, &mut diags);
    check_diagnostics(&diags, lines);
    let Some(b) = brief else {
        return;
    };
    check_brief(&b);
    let d = doc::build(&b);
    let reader = Layout::new(&d, b.sections.len(), width, None);
    check_layout(&d, &reader, b.sections.len(), width, false);
    let printed = Layout::new(&d, b.sections.len(), width, Some(&notes(&b)));
    check_layout(&d, &printed, b.sections.len(), width, true);
}

/// Every problem names a place inside the file.
fn check_diagnostics(diags: &[Diagnostic], lines: usize) {
    for d in diags {
        if let Some(p) = d.pos {
            assert!(
                p.line >= 1 && p.line <= lines && p.col >= 1,
                "{d}: a place outside the file's {lines} lines"
            );
        }
        assert!(!d.message.is_empty(), "{d}: no message");
    }
}

/// Sections, figures, mentions and links point inside the brief.
fn check_brief(b: &Brief) {
    let len = b.source.text().len();
    assert!(!b.sections.is_empty(), "a brief without its preamble");
    for (i, s) in b.sections.iter().enumerate() {
        assert!(
            s.range.start <= s.range.end && s.range.end <= len,
            "section {i}: range {:?} outside {len} bytes",
            s.range
        );
        assert!(
            s.parent.is_none_or(|p| p.0 < i),
            "section {i}: parent after it"
        );
        for c in &s.children {
            assert!(
                c.0 > i && c.0 < b.sections.len(),
                "section {i}: child {}",
                c.0
            );
        }
    }
    for m in b.mentions() {
        assert!(m.range.end <= len, "a mention outside the file");
        assert!(m.section.0 < b.sections.len(), "a mention's section");
        assert!(
            m.figure.is_none_or(|f| b.figure(f).is_some()),
            "a mention of no figure"
        );
    }
    for l in &b.links {
        assert!(l.range.end <= len, "a link outside the file");
        assert!(l.section.0 < b.sections.len(), "a link's section");
    }
}

/// Note texts as `show` gives them, for links and mentions.
fn notes(b: &Brief) -> Notes {
    Notes {
        links: b
            .links
            .iter()
            .map(|l| match &l.target {
                LinkTarget::External(url) => url.clone(),
                LinkTarget::Refused(d) => format!("(not followed) {d}"),
                LinkTarget::Anchor(a) => format!("(missing) #{a}"),
                LinkTarget::Brief { path, .. } => format!("(missing) {path}"),
            })
            .collect(),
        mentions: b
            .mentions()
            .iter()
            .map(|m| {
                m.figure
                    .and_then(|f| b.figure(f))
                    .map_or_else(String::new, |f| format!("{}: {}", f.value, f.label))
            })
            .collect(),
        // As on a terminal: code continues after `↪`, tables keep to the
        // prose's width, so every printed line fits.
        whole_code: false,
        table_width: 0,
    }
}

/// What a layout must be: nothing on a line that may not reach the screen;
/// printed (`print`), every line fits the width once sanitized; for the
/// reader, every line fits but for the blocks it lists as reaching past
/// the width (code and tables, drawn clipped and scrolled sideways), whose
/// lines reach no further than it says. Targets, sections and blocks point
/// at lines that exist.
pub fn check_layout(d: &Doc, layout: &Layout, sections: usize, width: usize, print: bool) {
    let w = width.max(8);
    assert_eq!(layout.width, w, "laid out at another width");
    let n = layout.len();
    for i in 0..n {
        let Some(line) = layout.line(i) else {
            panic!("line {i} of {n} missing");
        };
        let lw = if print {
            briefing::layout::display_width(&sanitize::line(&line.plain()))
        } else {
            line.width()
        };
        let over = layout.overflow(i);
        let what = if print { "printed" } else { "reader" };
        if print || over == 0 {
            assert!(
                lw <= w,
                "{what} line {i} is {lw} wide, wider than {w}: {:?}",
                line.plain()
            );
        } else {
            assert!(
                lw <= w + over,
                "reader line {i} is {lw} wide, past the {} its block reaches: {:?}",
                w + over,
                line.plain()
            );
            let kind = d.blocks.get(layout.block_of(i)).map(|b| &b.kind);
            assert!(
                matches!(
                    kind,
                    Some(BlockKind::Code { .. } | BlockKind::Html(_) | BlockKind::Table(_))
                ),
                "reader line {i} reaches past {w} in a block that is not code or a table: {:?}",
                line.plain()
            );
        }
        for (piece, _) in line.spans() {
            assert!(
                sanitize::may_show(piece),
                "{what} line {i} holds what may not reach the screen: {piece:?}"
            );
        }
        assert!(
            layout.section_of(i).0 < sections.max(1),
            "line {i}: section"
        );
    }
    for t in layout.targets() {
        let lw = layout.line(t.line).map_or(0, |l| l.width());
        assert!(
            t.line < n && t.col + t.width <= lw,
            "target {t:?} outside its line ({lw} wide, {n} lines)"
        );
    }
    for s in 0..sections {
        let at = layout.section_line(briefing::model::SectionIdx(s));
        assert!(at <= n, "section {s} at line {at} of {n}");
    }
    for b in 0..layout.blocks() {
        assert!(layout.block_line(b) <= n, "block {b} past the end");
    }
}
