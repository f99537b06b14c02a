//! Inputs the fuzz targets (`fuzz/fuzz_targets/`) found, kept in
//! `tests/fixtures/fuzz/TARGET/`: each is run through its target's own
//! checks (`fuzz/check.rs` for `parse_render`, `fuzz/check/TARGET.rs` for
//! the others). New inputs go in the target's folder as they are found.

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};

#[path = "../../fuzz/check.rs"]
mod check;
#[path = "../../fuzz/check/config.rs"]
mod config;
#[path = "../../fuzz/check/query.rs"]
mod query;
#[path = "../../fuzz/check/state.rs"]
mod state;

/// A target's checks of one input.
type Checks = fn(&[u8]);

/// Each target's folder of inputs, with its checks.
const TARGETS: [(&str, Checks); 5] = [
    ("parse_render", check::run),
    ("parse", check::parse::run),
    ("query", query::run),
    ("state", state::run),
    ("config", config::run),
];

#[test]
fn every_input_the_fuzzers_found_passes_its_checks() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    for (target, run) in TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            let data = std::fs::read(&path).expect("a fuzz input");
            eprintln!("{target}: {}", path.display());
            run(&data);
            seen += 1;
        }
    }
    assert!(seen > 0, "no inputs in {}", root.display());
}

/// The first crash: a long unbreakable line at 8 columns came out 10 wide,
/// since text kept ten columns whatever the width. Nesting deeper than the
/// width allows must not push lines past it either.
#[test]
fn narrow_widths_hold_long_words_and_deep_nesting() {
    let word = "\u{fffd}".repeat(60);
    let nested = "> > > - 1. - > quoted item with some words in it\n".repeat(3);
    let code = "> > - ```\n  > > let x = 1;\n";
    let text = format!("{word}\n\n{nested}\n{code}\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n");
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "narrow.md".into(),
        Origin::Embedded,
        text,
    ))]);
    let b = lib.briefs.first().expect("a brief");
    let d = doc::build(b);
    for width in 8..40 {
        let layout = Layout::new(&d, b.sections.len(), width, None);
        assert!(
            layout.max_width() <= width,
            "a line {} wide at {width}",
            layout.max_width()
        );
    }
}

/// Found by the `parse` target's seeds: a note of `show` (a link's
/// address) too long for one line went on indented under its text, past
/// the width, at every width.
#[test]
fn printed_notes_stay_within_the_width() {
    let brief = "# Notes\n\nSee [the report](https://example.org/a/very/long/path/to/the/report/that/goes/on/2024.pdf) and [this](https://e.org/b).\n";
    for width in 0u16..90 {
        let mut data = width.to_le_bytes().to_vec();
        data.extend_from_slice(brief.as_bytes());
        check::parse::run(&data);
    }
}

/// Found by the `query` target: a query of 300 words took seconds to rank
/// and explain (`figures QUERY --explain`), each figure's fields being read
/// into words again for every query word and every pair of them.
#[test]
fn a_long_query_ranks_and_explains_in_a_moment() {
    let query = "chip ".repeat(300);
    let started = std::time::Instant::now();
    query::run(query.as_bytes());
    let took = started.elapsed();
    // Seconds a word before; a moment now, even unoptimized on a busy machine.
    assert!(took.as_secs() < 20, "{took:?}");
}

/// Found by the `parse` target: a link's address holding control
/// characters was measured as written and printed sanitized (`^A`, two
/// columns each), so its note came out wider than the width.
#[test]
fn printed_notes_are_measured_as_printed() {
    let brief = "# Esc\n\n[t](<a\u{1}\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0b> \"\u{1b}]0;x\u{7}\").\n";
    for width in 0u16..60 {
        let mut data = width.to_le_bytes().to_vec();
        data.extend_from_slice(brief.as_bytes());
        check::parse::run(&data);
    }
}

/// Found by the `state` target's checks: a file edited by hand, with a
/// bookmark twice or out of order, loaded as it was, so merging it with
/// its own copy changed it (and a later save rewrote it). It now loads as
/// a merge leaves it.
#[test]
fn a_state_edited_by_hand_loads_as_a_merge_leaves_it() {
    for json in [
        r#"{"format":"briefing-state","version":2,"bookmarks":[{"brief":"a","section":"s","title":"A","at":6},{"brief":"a","section":"","title":"B","at":5}]}"#,
        r#"{"format":"briefing-state","version":2,"bookmarks":[{"brief":"a","section":"","title":"A","at":5},{"brief":"a","section":"","title":"B","at":6}]}"#,
        r#"{"format":"briefing-state","version":1,"last":null,"places":{},"bookmarks":[{"brief":"a","section":"","title":"A"},{"brief":"a","section":"","title":"B"}]}"#,
    ] {
        state::run(json.as_bytes());
    }
}
