//! Keys through the real binary: a sequence that waits for its next key
//! and acts alone after a pause, and the terminal cursor in a text field.
#![allow(clippy::expect_used)]

mod common;

use std::fs;

use common::pty::{Home, Session};

fn write_config(home: &Home, text: &str) {
    let dir = home.config().join("briefing");
    fs::create_dir_all(&dir).expect("dir");
    fs::write(dir.join("config.toml"), text).expect("write");
}

#[test]
fn a_sequence_waits_for_its_next_key_then_acts_alone_after_a_pause() {
    let home = Home::new();
    write_config(&home, "[keys.global]\n\"g g\" = \"bottom\"\n");
    let mut s = Session::start(&home, &["--fresh"]);
    s.wait_for_ui("q quit");
    s.past_home();
    s.keys("gg");
    s.wait_for("100%");
    s.keys("g");
    s.wait_for("g…  g bottom · alone: top");
    // Nothing follows: after a second, g goes to the top on its own.
    s.wait_for(" 0% ");
    s.wait_gone("g…");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn the_terminal_cursor_sits_at_the_caret_of_a_text_field() {
    let home = Home::new();
    let mut s = Session::start(&home, &["--fresh"]);
    s.wait_for_ui("q quit");
    s.past_home();
    s.keys("f");
    s.wait_for("Find a figure");
    s.keys("chip exports");
    s.wait_for("› chip exports");
    let caret = |s: &Session| s.with_screen(|sc| (sc.hide_cursor(), sc.cursor_position()));
    let (hidden, (row, col)) = caret(&s);
    assert!(!hidden, "the cursor shows in a text field");
    let line: String = s
        .screen()
        .lines()
        .nth(usize::from(row))
        .unwrap_or_default()
        .to_owned();
    let before: String = line.chars().take(usize::from(col)).collect();
    assert!(before.ends_with("› chip exports"), "{line:?} at {col}");
    // Ctrl-A: the caret goes to the start of the query.
    s.keys("\x01");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while caret(&s).1.1 == col && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let (_, (_, start)) = caret(&s);
    assert_eq!(col - start, 12, "back by the 12 columns of the query");
    s.keys("\x1b");
    s.wait_gone("Find a figure");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !caret(&s).0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(caret(&s).0, "no cursor in the reader");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}
