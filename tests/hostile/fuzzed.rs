//! Inputs the fuzz target (`fuzz/fuzz_targets/parse_render.rs`) found, kept
//! in `tests/fixtures/fuzz/`: each is run through the target's own checks
//! (`fuzz/check.rs`). New crash inputs go in that folder as they are found.

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};

#[path = "../../fuzz/check.rs"]
mod check;

#[test]
fn every_input_the_fuzzer_found_passes_its_checks() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz") {
        let path = entry.expect("entry").path();
        let data = std::fs::read(&path).expect("a fuzz input");
        eprintln!("{}", path.display());
        check::run(&data);
        seen += 1;
    }
    assert!(seen > 0, "no inputs in {}", dir.display());
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
