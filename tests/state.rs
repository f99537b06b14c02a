//! The saved state through the real binary: two readers at once, a damaged
//! file, a file from a newer briefing, and the theme chosen with `t`.
#![allow(clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::pty::{Home, Session};

fn state_file(home: &Home) -> PathBuf {
    home.state().join("briefing/state.json")
}

fn write_state(home: &Home, bytes: &[u8]) -> PathBuf {
    let path = state_file(home);
    fs::create_dir_all(path.parent().expect("dir")).expect("dir");
    fs::write(&path, bytes).expect("write");
    path
}

fn damaged_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains("state.json.damaged-"))
        .collect()
}

/// The bookmark a reader just made, from its status bar.
fn bookmarked(s: &Session) -> String {
    s.wait_for("bookmarked: ");
    let screen = s.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("bookmarked: "))
        .expect("status line");
    let title = line.split("bookmarked: ").nth(1).expect("title");
    // The hints follow after a wide gap.
    title.split("  ").next().expect("title").trim().to_owned()
}

/// Esc closes the list (on its own, so it is not read as Alt-q), q quits.
fn close_and_quit(s: &mut Session) {
    s.keys("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn two_readers_at_once_keep_both_bookmarks() {
    let home = Home::new();
    let mut a = Session::start(&home, &[]);
    let mut b = Session::start(&home, &[]);
    a.past_home();
    b.past_home();
    a.keys("3m");
    let from_a = bookmarked(&a);
    b.keys("4m");
    let from_b = bookmarked(&b);
    assert_ne!(from_a, from_b);
    // A quits first, B last: B had never seen A's bookmark.
    a.keys("q");
    assert_eq!(a.wait_exit(), 0);
    b.keys("q");
    assert_eq!(b.wait_exit(), 0);
    let state = fs::read_to_string(state_file(&home)).expect("saved");
    for title in [&from_a, &from_b] {
        assert!(state.contains(&format!("\"{title}\"")), "{title}: {state}");
    }
    // A third reader lists both.
    let mut c = Session::start(&home, &[]);
    c.past_home();
    c.keys("'");
    c.wait_for(&from_a);
    c.wait_for(&from_b);
    close_and_quit(&mut c);
}

#[test]
fn a_reader_left_idle_does_not_take_back_the_place_another_read_on_to() {
    let home = Home::new();
    let mut idle = Session::start(&home, &[]);
    let mut b = Session::start(&home, &[]);
    idle.past_home();
    b.past_home();
    b.keys("3");
    b.wait_for("╭─ The Indo-Pacific");
    b.keys("q");
    assert_eq!(b.wait_exit(), 0);
    idle.keys("q");
    assert_eq!(idle.wait_exit(), 0);
    let mut c = Session::start(&home, &[]);
    c.wait_for("╭─ The Indo-Pacific");
    c.keys("q");
    assert_eq!(c.wait_exit(), 0);
}

#[test]
fn a_bookmark_deleted_in_one_reader_does_not_come_back_from_another() {
    let home = Home::new();
    let mut a = Session::start(&home, &[]);
    a.past_home();
    a.keys("3m");
    let title = bookmarked(&a);
    let mut b = Session::start(&home, &[]);
    b.past_home();
    // B deletes it; A, which still has it, quits last.
    b.keys("'");
    b.wait_for(&title);
    b.keys("d");
    b.wait_for("No bookmarks yet");
    close_and_quit(&mut b);
    a.keys("q");
    assert_eq!(a.wait_exit(), 0);
    let mut c = Session::start(&home, &[]);
    c.past_home();
    c.keys("'");
    c.wait_for("No bookmarks yet");
    close_and_quit(&mut c);
}

#[test]
fn a_damaged_state_file_is_moved_aside_and_the_reader_says_where() {
    let home = Home::new();
    let path = write_state(&home, b"{\"format\": \"briefing-state\", \"bookm");
    let mut s = Session::start(&home, &[]);
    // Home, the first screen, says where the damaged file went.
    s.wait_for("damaged saved state moved to state.json.damaged-");
    let aside = damaged_files(path.parent().expect("dir"));
    assert_eq!(aside.len(), 1);
    let name = aside[0]
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    // Waited for, not read once: a screen caught mid-frame is blank.
    s.wait_for(&format!("damaged saved state moved to {name}"));
    assert_eq!(
        fs::read(&aside[0]).expect("aside"),
        b"{\"format\": \"briefing-state\", \"bookm"
    );
    s.past_home();
    s.keys("3m");
    let title = bookmarked(&s);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    // On stderr, whole; and a new file holds the new bookmark.
    s.wait_for(&format!(
        "briefing: damaged saved state moved to {name} in {} (not valid JSON",
        path.parent().expect("dir").display()
    ));
    let state = fs::read_to_string(&path).expect("saved");
    assert!(state.contains(&format!("\"{title}\"")), "{state}");
}

#[test]
fn a_state_file_from_a_newer_briefing_is_left_untouched() {
    let home = Home::new();
    let newer = b"{\"format\": \"briefing-state\", \"version\": 99, \"bookmarks\": \"new\"}";
    let path = write_state(&home, newer);
    let mut s = Session::start(&home, &[]);
    s.wait_for("saved state from a newer briefing (format 99) left untouched");
    s.past_home();
    s.keys("3m");
    s.wait_for("could not save the reading place to");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.wait_for(&format!(
        "briefing: saved state from a newer briefing (format 99) left untouched: \
         nothing is read from or saved to {}",
        path.display()
    ));
    s.wait_for("it is from a newer briefing (format 99) and is left untouched");
    assert_eq!(fs::read(&path).expect("file"), newer);
    assert!(damaged_files(path.parent().expect("dir")).is_empty());
}

/// The theme `t` says it switched to.
fn press_t(s: &mut Session) -> String {
    s.keys("t");
    s.wait_for("theme: ");
    let screen = s.screen();
    let line = screen
        .lines()
        .find(|l| l.contains("theme: "))
        .expect("status line");
    let name = line.split("theme: ").nth(1).expect("name");
    name.split_whitespace().next().expect("name").to_owned()
}

#[test]
fn the_theme_chosen_with_t_comes_back_unless_the_config_names_one() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.past_home();
    let chosen = press_t(&mut s);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);

    // Restored: the next `t` moves on from the chosen theme, not from the
    // default one.
    let mut s = Session::start(&home, &[]);
    s.past_home();
    assert_ne!(press_t(&mut s), chosen);
    s.keys("tq");
    assert_eq!(s.wait_exit(), 0);

    // A theme in the config wins.
    let config = home.config().join("briefing");
    fs::create_dir_all(&config).expect("dir");
    fs::write(config.join("config.toml"), "theme = \"dark\"\n").expect("config");
    let mut s = Session::start(&home, &[]);
    s.past_home();
    assert_eq!(press_t(&mut s), chosen);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}
