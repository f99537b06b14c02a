use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::*;

/// A brief of `figures` figures and `sections` sections of about 1 KB,
/// each mentioning a figure and linking to the one before; `body_top`
/// opens the body, `body_end` closes it.
pub(crate) fn long_brief(
    figures: usize,
    sections: usize,
    body_top: &str,
    body_end: &str,
) -> String {
    let mut s = String::from(
        "+++\nid = \"long\"\ntitle = \"A long brief\"\nshort_title = \"Long\"\nsummary = \"Many sections.\"\n\n",
    );
    for i in 0..figures {
        let _ = write!(
            s,
            "[[figures]]\nid = \"f{i}\"\nvalue = \"{i}%\"\nlabel = \"share {i}\"\nsection = \"section-{}\"\nsource = \"Generated\"\n\n",
            i % sections.max(1)
        );
    }
    s.push_str("+++\n\n");
    s.push_str(body_top);
    for i in 0..sections {
        let _ = write!(s, "## Section {i}\n\n");
        for _ in 0..8 {
            s.push_str(
                "Words of the section run on about trade, chips and the alliance in a paragraph ",
            );
            s.push_str("long enough to wrap across a line or two of the reader.\n");
        }
        s.push('\n');
        for f in (i..figures).step_by(sections.max(1)) {
            let _ = write!(s, "A share of [{f} percent](fig:f{f}) stands here. ");
        }
        let _ = write!(
            s,
            "See [the one before](#section-{}).\n\n",
            i.saturating_sub(1)
        );
    }
    s.push_str(body_end);
    s
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

/// The first part of the file, and the whole, read as the reader reads
/// them.
fn both(path: &Path) -> (Option<Library>, Library) {
    let mut opened = Opened::read(&[path.to_path_buf()]);
    let head = opened.head.take();
    (head, opened.whole())
}

/// What a section is, its text included: the same in the first part as
/// in the whole.
fn sections(lib: &Library) -> Vec<(u8, u8, String, String, Option<usize>, String)> {
    let b = &lib.briefs[0];
    let text = b.source.text();
    b.sections
        .iter()
        .map(|s| {
            (
                s.level,
                s.depth,
                s.title.clone(),
                s.anchor.clone(),
                s.parent.map(|p| p.0),
                text[s.range.clone()].to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_first_part_reads_as_the_same_part_of_the_whole() {
    let dir = tempfile::tempdir().expect("dir");
    // 3,000 figures: the front matter runs far past the first piece read.
    let path = write(dir.path(), "long.md", &long_brief(3000, 300, "", ""));
    let (head, whole) = both(&path);
    assert!(
        whole.diagnostics.is_empty(),
        "{:?}",
        whole.diagnostics.iter().take(3).collect::<Vec<_>>()
    );
    let head = head.expect("a long file has a first part");
    assert!(head.partial && !whole.partial);
    assert!(head.diagnostics.is_empty());
    let (h, w) = (&head.briefs[0], &whole.briefs[0]);
    assert_eq!(h.meta.id, w.meta.id);
    assert_eq!(h.meta.title, w.meta.title);
    assert_eq!(h.meta.short_title, w.meta.short_title);
    assert_eq!(h.meta.summary, w.meta.summary);
    // No figure is known before the whole is read.
    assert!(h.figures().is_empty());
    assert_eq!(w.figures().len(), 3000);
    let (hs, ws) = (sections(&head), sections(&whole));
    assert!(hs.len() > 5 && hs.len() < 80, "{} sections", hs.len());
    assert_eq!(hs[..], ws[..hs.len()]);
    // The links and mentions there, read alike.
    let links = |b: &Brief, n: usize| -> Vec<(String, Option<usize>)> {
        b.links
            .iter()
            .filter(|l| l.section.0 < n)
            .map(|l| (l.text.clone(), l.resolved.map(|r| r.section.0)))
            .collect()
    };
    assert_eq!(links(h, hs.len()), links(w, hs.len()));
    let mentions = |b: &Brief, n: usize| -> Vec<(String, usize)> {
        b.mentions()
            .iter()
            .filter(|m| m.section.0 < n)
            .map(|m| (m.figure_id.clone(), m.section.0))
            .collect()
    };
    assert_eq!(mentions(h, hs.len()), mentions(w, hs.len()));
}

#[test]
fn the_first_part_holds_what_the_screen_can_show() {
    assert_eq!(body_for_screen(120, 40), 4800);
    assert_eq!(body_for_screen(160, 45), 7200);
    // A tiny screen still gets a few screens' worth; a huge one is bounded.
    assert_eq!(body_for_screen(40, 12), HEAD_BODY_LEAST);
    assert_eq!(body_for_screen(1000, 1000), HEAD_MOST / 2);
    let dir = tempfile::tempdir().expect("dir");
    let path = write(dir.path(), "long.md", &long_brief(300, 300, "", ""));
    let whole = Opened::read(std::slice::from_ref(&path)).whole();
    let mut body_len = Vec::new();
    for (cols, rows) in [(40, 12), (120, 40), (160, 45), (300, 100)] {
        let least = body_for_screen(cols, rows);
        let head = Opened::read_with(std::slice::from_ref(&path), least)
            .head
            .expect("first part");
        let b = &head.briefs[0];
        let body = b.source.body().len();
        // At least what was asked for, cut at a heading soon after, and
        // read exactly as the same part of the whole.
        assert!(body >= least && body < least + 2048, "{body} for {least}");
        let hs = sections(&head);
        assert_eq!(hs[..], sections(&whole)[..hs.len()]);
        body_len.push(body);
    }
    assert!(body_len.windows(2).all(|w| w[0] < w[1]), "{body_len:?}");
}

#[test]
fn a_file_without_front_matter_has_a_first_part_too() {
    let dir = tempfile::tempdir().expect("dir");
    let text = long_brief(0, 200, "", "");
    let body = &text[text.find("\n+++\n").expect("fence") + 5..];
    let path = write(dir.path(), "plain.md", body);
    let (head, whole) = both(&path);
    let head = head.expect("first part");
    assert_eq!(head.briefs[0].meta.title, whole.briefs[0].meta.title);
    let hs = sections(&head);
    assert_eq!(hs[..], sections(&whole)[..hs.len()]);
}

#[test]
fn a_short_file_is_read_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let path = write(dir.path(), "short.md", &long_brief(5, 20, "", ""));
    assert!(std::fs::metadata(&path).expect("meta").len() < HEAD_MIN_FILE);
    assert!(both(&path).0.is_none());
}

#[test]
fn a_reference_or_footnote_anywhere_keeps_the_file_whole() {
    let dir = tempfile::tempdir().expect("dir");
    // Defined at the very end, used at the top: the first part would
    // show the brackets as they are written.
    for (top, end) in [
        (
            "See [the report][r] first.\n\n",
            "\n[r]: https://example.org\n",
        ),
        ("A claim.[^1]\n\n", "\n[^1]: Its source.\n"),
        ("See [r] first.\n\n", "\n[r]: https://example.org\n"),
        ("- [ ] a task\n\n", ""),
    ] {
        let path = write(dir.path(), "refs.md", &long_brief(10, 200, top, end));
        let (head, whole) = both(&path);
        assert!(head.is_none(), "{top:?} gave a first part");
        assert_eq!(whole.briefs.len(), 1);
    }
}

#[test]
fn a_title_heading_waits_for_the_whole_only_when_another_may_follow() {
    let dir = tempfile::tempdir().expect("dir");
    // A lone `#` heading is the title, in the first part and the whole.
    let path = write(
        dir.path(),
        "titled.md",
        &long_brief(10, 200, "# The title\n\n", ""),
    );
    let (head, whole) = both(&path);
    let head = head.expect("first part");
    let hs = sections(&head);
    assert_eq!(hs[0].3, "the-title");
    assert_eq!(hs[..], sections(&whole)[..hs.len()]);
    // Another far on makes both sections: only the whole can tell.
    for end in ["\n# Part two\n\nMore.\n", "\nPart two\n===\n\nMore.\n"] {
        let path = write(
            dir.path(),
            "parts.md",
            &long_brief(10, 200, "# The title\n\n", end),
        );
        let (head, whole) = both(&path);
        assert!(head.is_none(), "{end:?}");
        assert!(whole.briefs[0].sections[0].anchor.is_empty());
    }
}

#[test]
fn front_matter_the_first_part_cannot_read_is_left_to_the_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let good = long_brief(10, 200, "", "");
    let cases = [
        // Never closed.
        good.replacen("+++\n\n##", "\n##", 1),
        // A key misspelt: the whole says where.
        good.replacen("short_title", "shrot_title", 1),
        // Not TOML.
        good.replacen("summary = \"Many sections.\"", "summary = \"Many", 1),
    ];
    for text in cases {
        let path = write(dir.path(), "bad.md", &text);
        let (head, whole) = both(&path);
        assert!(head.is_none());
        assert!(whole.briefs.is_empty());
        assert!(
            whole
                .diagnostics
                .iter()
                .any(crate::diag::Diagnostic::is_error)
        );
    }
}

#[test]
fn bytes_that_are_not_utf8_at_the_top_leave_the_file_whole() {
    let dir = tempfile::tempdir().expect("dir");
    let mut bytes = long_brief(10, 200, "", "").into_bytes();
    let at = bytes.len() / 100;
    bytes[at] = 0xff;
    let path = dir.path().join("bad.md");
    std::fs::write(&path, bytes).expect("write");
    let (head, whole) = both(&path);
    assert!(head.is_none());
    assert!(whole.briefs.is_empty());
}

#[test]
fn only_a_line_first_level_heading_counts() {
    assert!(may_hold_h1(b"text\n# Part\n"));
    assert!(may_hold_h1(b"text\n   #\n"));
    assert!(may_hold_h1(b"Part\n===\n"));
    assert!(!may_hold_h1(
        b"text\n## Part\n#hashtag\n    # code\na = b\n"
    ));
    assert!(is_fence(b"+++"));
    assert!(is_fence(b"+++ \r"));
    assert!(!is_fence(b"++++"));
    assert!(!is_fence(b"+++ x"));
}
