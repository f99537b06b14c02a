//! Home as the first screen, in the real binary: a fresh reader on the
//! library opens on it, a single file opens as itself, a saved place
//! reopens, and the terminal cursor sits on the selection.
#![allow(clippy::expect_used)]

mod common;

use common::pty::{Home, Session};

#[test]
fn a_fresh_reader_opens_on_home_with_the_headline_figures() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.wait_for("Library · 5 briefs");
    s.wait_for("q quit");
    let screen = s.screen();
    // The library's headline figures, on the first screen at 120×40.
    assert!(
        screen.contains("60 percent  share of Korea's semiconductor exports that go to China"),
        "{screen}"
    );
    assert!(
        screen.contains(
            "77 percent  Koreans who regard the CHIPS and Science Act as an America-First"
        ),
        "{screen}"
    );
    // The cursor is shown, on the selected card's glyph.
    s.with_screen(|sc| {
        assert!(!sc.hide_cursor(), "the cursor shows on home");
        assert_eq!(sc.cursor_position(), (2, 2));
        assert_eq!(sc.cell(2, 2).expect("cell").contents(), "▶");
    });
    // Quitting home leaves no place, so home comes again.
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    let mut s = Session::start(&home, &[]);
    s.wait_for("Library · 5 briefs");
    // Open the last brief; its place is saved and reopened, home one key away.
    s.keys("G\r");
    s.wait_for("╭─ Strategic Tech Cooperation");
    // The frame and the cursor's hiding arrive in turn: wait for both.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !s.with_screen(vt100::Screen::hide_cursor) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    s.with_screen(|sc| assert!(sc.hide_cursor(), "nothing selected: no cursor"));
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    let mut s = Session::start(&home, &[]);
    s.wait_for("╭─ Strategic Tech Cooperation");
    s.keys("H");
    s.wait_for("Library · 5 briefs");
    s.keys("\x7f");
    s.wait_gone("Library · 5 briefs");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_single_file_opens_as_itself() {
    let home = Home::new();
    let mut s = Session::start(&home, &["tests/fixtures/library/notes.md"]);
    s.wait_for("tab pane");
    assert!(!s.screen().contains("Briefs · "), "{}", s.screen());
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}
