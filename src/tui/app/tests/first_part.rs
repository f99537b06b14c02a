//! A long file opened on its own: its first part shows at once, and the
//! whole takes its place when it is read, or when a key needs it.

use std::path::PathBuf;

use super::*;
use crate::library::head::{Opened, tests::long_brief};

/// The reader on the first part of a long file written from `text`, the
/// whole not yet read (as the event loop has it before its first frame).
fn first_part_app(text: &str) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let path: PathBuf = dir.path().join("long.md");
    std::fs::write(&path, text).expect("write");
    let mut opened = Opened::read(std::slice::from_ref(&path));
    let head = opened.head.take().expect("a first part");
    let mut a = App::new(
        head,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, 120, 40),
    );
    a.watch = vec![path];
    a.whole = Some(Whole::ToRead(Box::new(opened)));
    (a, dir)
}

/// Ticks until the whole has come in (or ten seconds have passed).
fn wait_for_whole(a: &mut App) {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while a.whole.is_some() && std::time::Instant::now() < until {
        a.tick();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn the_first_part_says_what_is_still_being_read_until_the_whole_comes() {
    let (mut a, _dir) = first_part_app(&long_brief(600, 300, "", ""));
    let s = screen(&a);
    assert!(s.contains("Reading the brief's"), "{s}");
    assert!(s.contains("figures and links…"), "{s}");
    assert!(s.contains("reading the rest"), "{s}");
    // No count of sections and no share of the whole it does not know.
    assert!(
        s.lines().any(|l| l.contains("▾ Long") && l.contains("…│")),
        "{s}"
    );
    assert!(!s.contains("/300") && !s.contains(" 0% "), "{s}");
    assert!(s.contains("Section 0"), "{s}");
    // Nothing of the panel's list is shown without the rest of it.
    assert!(!s.contains("SEE ALSO") && !s.contains("FIGURES"), "{s}");
    // The first screen is up: the whole is read on a thread, and taken
    // in by a tick.
    assert_eq!(a.update(Msg::FirstScreen), Effect::None);
    assert!(matches!(a.whole, Some(Whole::Reading(_))));
    wait_for_whole(&mut a);
    assert!(a.whole.is_none());
    let s = screen(&a);
    assert!(!a.desk.lib.partial);
    assert!(!s.contains("figures and links…"), "{s}");
    assert!(!s.contains("reading the rest"), "{s}");
    assert!(s.contains("0/300"), "{s}");
    assert!(s.contains("SEE ALSO"), "{s}");
    assert!(s.contains(" 0% "), "{s}");
    assert_eq!(a.desk.lib.briefs[0].figures().len(), 600);
    assert_eq!(a.desk.message, None);
}

#[test]
fn a_key_acts_on_the_whole() {
    let (mut a, _dir) =
        first_part_app(&long_brief(50, 300, "", "## The very end\n\nLast words.\n"));
    assert!(!screen(&a).contains("Last words."));
    // The end lies far past the first part: the key waits for the whole.
    press(&mut a, "G");
    assert!(a.whole.is_none());
    assert!(!a.desk.lib.partial);
    let s = screen(&a);
    assert!(s.contains("Last words."), "{s}");
    assert!(s.contains("100%"), "{s}");
}

#[test]
fn a_whole_with_errors_ends_the_reader_with_its_problems() {
    // A figure far down is never mentioned: the whole gives no brief.
    let text = long_brief(50, 300, "", "").replacen(
        "+++\n\n##",
        "[[figures]]\nid = \"lost\"\nvalue = \"1%\"\nlabel = \"lost\"\nsection = \"section-299\"\nsource = \"Generated\"\n+++\n\n##",
        1,
    );
    let (mut a, _dir) = first_part_app(&text);
    assert!(screen(&a).contains("Section 0"));
    assert_eq!(press(&mut a, "j"), Effect::Quit);
    let lib = a
        .unreadable
        .take()
        .expect("the whole is kept for its problems");
    assert!(lib.briefs.is_empty());
    assert!(
        lib.diagnostics
            .iter()
            .any(|d| d.message.contains("`lost` is never mentioned")),
        "{:?}",
        lib.diagnostics
    );
}

#[test]
fn a_changed_file_drops_the_whole_being_read() {
    let (mut a, dir) = first_part_app(&long_brief(50, 300, "", ""));
    std::fs::write(dir.path().join("long.md"), long_brief(50, 10, "", "")).expect("write");
    a.update(Msg::FilesChanged);
    assert!(a.whole.is_none());
    assert!(!a.desk.lib.partial);
    assert!(screen(&a).contains("0/10"));
}

#[test]
fn the_first_part_says_so_at_every_size() {
    for (w, h) in [(160, 45), (80, 24), (40, 12)] {
        let (mut a, _dir) = first_part_app(&long_brief(50, 300, "", ""));
        a.update(Msg::Resize(Rect::new(0, 0, w, h)));
        // A resize is input: it waits for the whole, which then shows.
        assert!(!a.desk.lib.partial);
        let (mut a, _dir) = first_part_app(&long_brief(50, 300, "", ""));
        a.desk.resize(Rect::new(0, 0, w, h));
        let s = screen(&a);
        assert!(s.contains("reading the rest"), "{w}×{h}:\n{s}");
        assert!(s.contains("Section 0"), "{w}×{h}:\n{s}");
    }
}
