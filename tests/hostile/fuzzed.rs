//! Inputs the fuzz target (`fuzz/fuzz_targets/parse_render.rs`) found, kept
//! in `tests/fixtures/fuzz/`: each is run through the target's own checks.
//! The first four bytes are the terminal's width and height, the rest a
//! brief. New crash inputs go in that folder as they are found.

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};
use briefing::tui::action::Action;

use crate::screen::{self, assert_sound};

fn library(text: String) -> Library {
    Library::from_files(vec![Ok(SourceFile::new(
        "fuzz.md".into(),
        Origin::Embedded,
        text,
    ))])
}

/// What `parse_render` checks: the brief lays out within its width, and
/// every view draws soundly at the chosen size.
fn check(data: &[u8], what: &str) {
    let Some((size, rest)) = data.split_at_checked(4) else {
        return;
    };
    let w = u16::from_le_bytes([size[0], size[1]]) % 400;
    let h = u16::from_le_bytes([size[2], size[3]]) % 150;
    let lib = library(String::from_utf8_lossy(rest).into_owned());
    if let Some(b) = lib.briefs.first() {
        let d = doc::build(b);
        let width = usize::from(w).max(8);
        let layout = Layout::new(&d, b.sections.len(), width, None);
        assert!(
            layout.max_width() <= width,
            "{what}: a line wider than {width}"
        );
    }
    let mut app = screen::app(lib, w, h);
    assert_sound(&screen::draw(&app), what);
    for a in [
        Action::NextPillar,
        Action::NextLink,
        Action::Open,
        Action::Bottom,
        Action::TogglePanel,
        Action::FindFigure,
        Action::Close,
        Action::Timeline,
        Action::Close,
        Action::Compare,
        Action::Open,
        Action::Close,
        Action::Close,
        Action::Help,
    ] {
        screen::act(&mut app, &[a]);
        assert_sound(&screen::draw(&app), &format!("{what} after {a:?}"));
    }
}

#[test]
fn every_input_the_fuzzer_found_passes_its_checks() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz") {
        let path = entry.expect("entry").path();
        let data = std::fs::read(&path).expect("a fuzz input");
        check(&data, &path.display().to_string());
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
    let lib = library(text);
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
