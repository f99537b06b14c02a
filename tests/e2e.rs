//! End to end: the real binary in a pseudo-terminal, the screen read back
//! through a terminal emulator.
#![allow(clippy::expect_used)]

mod common;

use common::long_brief;
use common::pty::{Home, Session};

#[test]
fn open_a_brief_jump_pillars_and_quit_cleanly() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    // A fresh reader opens on home; enter opens the first brief.
    s.wait_for("Library · 5 briefs");
    s.wait_for("q quit");
    s.keys("\r");
    s.wait_for("tab pane");
    s.keys("]");
    s.wait_for("Digital Allies › Technology and the Alliance");
    s.keys("]]");
    s.wait_for("Digital Allies › The Indo-Pacific Dimension");
    s.keys("2");
    s.wait_for("Digital Allies › Sector by Sector");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_burst_of_resizes_ends_in_a_screen_of_the_last_size() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.wait_for("q quit");
    s.keys("\r");
    s.wait_for("tab pane");
    for (rows, cols) in [(30, 100), (50, 160), (24, 80), (12, 40), (35, 90), (20, 70)] {
        s.resize(rows, cols);
    }
    s.keys("]");
    s.wait_for("Technology and the Alliance");
    // The panes' bottom borders sit on row 19 and the status bar on row
    // 20, the last of the last size (drawn for another size, rows would
    // pile up on the emulator's last row instead).
    let rows: Vec<String> = s.with_screen(|screen| screen.rows(0, 70).collect());
    assert!(
        rows[18].starts_with('╰'),
        "no border on row 19:\n{}",
        s.screen()
    );
    assert!(
        rows[19].contains("help"),
        "status bar not on row 20:\n{}",
        s.screen()
    );
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn follow_a_cross_reference_and_come_back() {
    let home = Home::new();
    let mut s = Session::start(
        &home,
        &["read", "strategic-tech-cooperation#domestic-support"],
    );
    s.wait_for("Strategic Tech Cooperation › Tenets of Enduring Alliances › Domestic Support");
    // The first link, to the Wilson Center brief: `l` steps over the
    // glossary terms before it.
    s.keys("l");
    s.keys("\r");
    s.wait_for("Global Strategic Partnership ›");
    s.keys("\x7f");
    // Back where the link was selected, and the bar says where it goes.
    s.wait_for("Domestic Support · link → Global Strategic Partnership");
    s.keys("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn the_figures_panel_follows_the_section() {
    let home = Home::new();
    let mut s = Session::start(
        &home,
        &["read", "strategic-tech-cooperation#domestic-support"],
    );
    s.wait_for("77 percent");
    s.wait_for("Dong-A Ilbo poll");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn find_a_figure_and_open_its_passage() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.wait_for("? help");
    s.keys("f");
    s.wait_for("Find a figure");
    s.keys("chip exp china");
    s.wait_for("› chip exp china");
    s.wait_for("60 percent");
    s.keys("\r");
    s.wait_for("Threats. Decoupling from China");
    // The bar names the section and the figure selected in it.
    s.wait_for("Economic Security · figure 60 percent");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn ask_the_finder_a_question_and_land_on_the_passage() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.wait_for("? help");
    s.keys("f");
    s.wait_for("Find a figure");
    s.keys("what share of korea's chip exports go to china");
    s.wait_for("60 percent");
    s.keys("\r");
    s.wait_for("Strategic Tech Cooperation › Economic Security");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

// Case 12: the terminal comes back as it was however the reader ends.

#[test]
fn terminal_restored_after_an_error() {
    let home = Home::new();
    let mut s = Session::start_with(&home, &[], &[("BRIEFING_TEST_FAULT", "error")]);
    assert_eq!(s.wait_exit(), 1);
    s.assert_restored();
    s.wait_for("briefing: BRIEFING_TEST_FAULT=error");
}

#[test]
fn terminal_untouched_by_an_error_before_the_reader_starts() {
    let home = Home::new();
    let mut s = Session::start(&home, &["read", "no-such-brief"]);
    assert_eq!(s.wait_exit(), 2);
    s.assert_restored();
    s.wait_for("no brief with id \"no-such-brief\"");
}

#[test]
fn terminal_restored_after_a_panic_and_the_message_shown() {
    let home = Home::new();
    let mut s = Session::start_with(&home, &[], &[("BRIEFING_TEST_FAULT", "panic")]);
    assert_eq!(s.wait_exit(), 101);
    s.assert_restored();
    // Printed after leaving the alternate screen, so it is still there.
    s.wait_for("BRIEFING_TEST_FAULT=panic: failing on purpose");
}

#[test]
fn terminal_restored_after_sigterm() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.wait_for_ui("? help");
    s.signal("-TERM");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn terminal_restored_after_sighup() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.wait_for_ui("? help");
    s.signal("-HUP");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn a_long_file_opens_and_its_figures_follow() {
    let home = Home::new();
    let path = home.path().join("long.md");
    std::fs::write(&path, long_brief(400, "")).expect("write");
    let mut s = Session::start(&home, &[path.to_str().expect("utf-8")]);
    // The whole comes in: the panel lists the section's figure and the
    // outline counts every section.
    s.wait_for("0/400");
    s.wait_for("5%");
    s.keys("G");
    s.wait_for("Section 399");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
    // A place saved past the first part: the next start opens there, not
    // at the top, the whole read before the first screen.
    let mut s = Session::start(&home, &[path.to_str().expect("utf-8")]);
    s.wait_for("Section 399");
    assert!(!s.screen().contains("Section 1\n"), "{}", s.screen());
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_long_file_whose_whole_has_errors_ends_with_them_told() {
    let home = Home::new();
    let path = home.path().join("long.md");
    // A figure never mentioned, far past the first part.
    let lost = "\n[[figures]]\nid = \"lost\"\nvalue = \"1%\"\nlabel = \"lost\"\nsection = \"section-399\"\nsource = \"Generated\"\n";
    std::fs::write(&path, long_brief(400, lost)).expect("write");
    let mut s = Session::start(&home, &[path.to_str().expect("utf-8")]);
    assert_eq!(s.wait_exit(), 1);
    s.wait_for("`lost` is never mentioned");
    s.wait_for("no brief to read");
    s.assert_restored();
}
