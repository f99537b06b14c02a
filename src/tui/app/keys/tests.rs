//! Keys as a user presses them: sequences that wait, text fields that edit
//! like a shell line, hints that name only what works, and panes that
//! leave the focus where it was.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::super::tests::{press, screen, type_text};
use super::*;
use crate::config::Config;
use crate::library::Library;
use crate::theme::Theme;
use crate::tui::app::Focus;
use crate::tui::keymap::Keymap;
use crate::tui::views;

fn app_with(keys: &str, w: u16, h: u16) -> App {
    let mut keymap = Keymap::default_keys();
    let config = Config::parse(keys, "config.toml").expect("config");
    keymap.apply(&config.keys).expect("valid keys");
    App::new(
        Library::embedded(),
        keymap,
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

fn app(w: u16, h: u16) -> App {
    app_with("", w, h)
}

fn status(a: &App) -> String {
    screen(a).lines().last().unwrap_or_default().to_owned()
}

fn key(a: &mut App, code: KeyCode, mods: KeyModifiers) {
    a.update(super::super::Msg::Key(KeyEvent::new(code, mods)));
}

#[test]
fn a_sequence_whose_first_key_is_bound_waits_for_the_second() {
    let mut a = app_with("[keys.global]\n\"g g\" = \"bottom\"\n", 140, 40);
    press(&mut a, "] ]");
    let middle = a.desk.reader.top;
    assert!(middle > 0);
    press(&mut a, "g");
    assert_eq!(a.desk.reader.top, middle, "g waits");
    let bar = status(&a);
    assert!(bar.contains("g…"), "the bar shows the key waiting: {bar}");
    assert!(bar.contains("g bottom"), "{bar}");
    assert!(bar.contains("alone: top"), "{bar}");
    press(&mut a, "g");
    assert_eq!(
        a.desk.reader.top,
        a.desk.reader.max_top(),
        "g g went to the bottom"
    );
    assert!(!status(&a).contains('…'));

    // Another key ends the wait: g does what it does alone, then the key.
    press(&mut a, "g j");
    assert_eq!(a.desk.reader.top, 1, "g went to the top, then j scrolled");

    // So does a pause.
    press(&mut a, "G g");
    let bottom = a.desk.reader.top;
    assert_eq!(a.expire_keys(Instant::now()), Effect::None);
    assert_eq!(a.desk.reader.top, bottom, "not yet");
    let later = Instant::now() + SEQUENCE_TIMEOUT + Duration::from_millis(1);
    a.expire_keys(later);
    assert_eq!(a.desk.reader.top, 0, "alone, g went to the top");
    assert!(a.pending_keys().is_empty());
}

#[test]
fn a_sequence_that_only_starts_bindings_is_dropped_by_a_key_that_ends_none() {
    let mut a = app_with("[keys.global]\n\"z z\" = \"bottom\"\n", 140, 40);
    press(&mut a, "z j");
    assert_eq!(a.desk.reader.top, 1, "j still scrolls");
    press(&mut a, "z z");
    assert_eq!(a.desk.reader.top, a.desk.reader.max_top());
    press(&mut a, "z");
    a.expire_keys(Instant::now() + SEQUENCE_TIMEOUT);
    assert!(a.pending_keys().is_empty());
}

#[test]
fn text_fields_edit_like_a_shell_line() {
    let mut a = app(140, 40);
    press(&mut a, "f");
    type_text(&mut a, "chip exp china");
    key(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(a.desk.finder.query(), "chip exp ");
    key(&mut a, KeyCode::Backspace, KeyModifiers::ALT);
    assert_eq!(a.desk.finder.query(), "chip ");
    key(&mut a, KeyCode::Home, KeyModifiers::NONE);
    type_text(&mut a, "#");
    key(&mut a, KeyCode::End, KeyModifiers::NONE);
    key(&mut a, KeyCode::Left, KeyModifiers::NONE);
    key(&mut a, KeyCode::Char('a'), KeyModifiers::CONTROL);
    key(&mut a, KeyCode::Right, KeyModifiers::NONE);
    key(&mut a, KeyCode::Char('e'), KeyModifiers::CONTROL);
    assert_eq!(a.desk.finder.query(), "#chip ");
    key(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(a.desk.finder.query(), "");
    assert!(
        a.views.showing::<views::Finder>(),
        "ctrl-u edited, it did not scroll"
    );

    // The same keys in the search line.
    press(&mut a, "esc /");
    type_text(&mut a, "alliance cost");
    key(&mut a, KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(a.desk.search.query, "alliance ");
    key(&mut a, KeyCode::Home, KeyModifiers::NONE);
    key(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(a.desk.search.query, "alliance ", "nothing before the caret");
    key(&mut a, KeyCode::Char('e'), KeyModifiers::CONTROL);
    key(&mut a, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(a.desk.search.query, "");
}

#[test]
fn a_long_query_scrolls_so_what_is_typed_shows() {
    let mut a = app(60, 20);
    press(&mut a, "/");
    type_text(
        &mut a,
        "the alliance between the two countries is strong zz",
    );
    let bar = status(&a);
    assert!(bar.contains("strong zz"), "the end shows: {bar}");
    let at = a.cursor().expect("cursor");
    let buf = super::super::tests::render(&a);
    let left = buf.cell((at.x - 1, at.y)).map(|c| c.symbol().to_owned());
    assert_eq!(left.as_deref(), Some("z"), "the caret follows the text");
    press(&mut a, "esc f");
    type_text(
        &mut a,
        "semiconductor exports to china and hong kong by year zz",
    );
    let s = screen(&a);
    assert!(s.contains("by year zz"), "{s}");
}

#[test]
fn esc_closes_the_finder_and_the_search_and_forgets_the_query() {
    let mut a = app(140, 40);
    press(&mut a, "f");
    type_text(&mut a, "chip");
    press(&mut a, "esc");
    assert_eq!(a.desk.finder.query(), "");
    press(&mut a, "f");
    assert!(screen(&a).contains("› "), "open again, empty");
    assert_eq!(a.desk.finder.query(), "");
    press(&mut a, "esc /");
    type_text(&mut a, "alliance");
    press(&mut a, "esc");
    assert!(a.desk.search.matches.is_empty());
}

#[test]
fn esc_in_the_reader_clears_the_search_highlights() {
    let mut a = app(140, 40);
    press(&mut a, "/");
    type_text(&mut a, "alliance");
    press(&mut a, "enter");
    assert!(!a.desk.search.matches.is_empty());
    assert!(status(&a).contains("esc clear search"), "{}", status(&a));
    press(&mut a, "esc");
    assert!(a.desk.search.matches.is_empty(), "highlights gone");
    assert_eq!(a.desk.search.query, "");
    assert!(!status(&a).contains("/alliance"));
    assert!(!status(&a).contains("esc"), "nothing left to clear");
}

#[test]
fn hints_come_from_the_live_keymap() {
    let mut a = app_with(
        "[keys.global]\n\"q\" = \"none\"\n\"ctrl-c\" = \"none\"\n\"Q\" = \"quit\"\n\"?\" = \"none\"\n\"f1\" = \"help\"\n",
        140,
        40,
    );
    let bar = status(&a);
    assert!(bar.contains("Q quit") && bar.contains("f1 help"), "{bar}");
    assert!(!bar.contains("q quit") && !bar.contains("? help"), "{bar}");
    // A key the reader binds to something else is not offered for quit.
    a.keymap.bind(
        crate::tui::keymap::Mode::Reader,
        crate::tui::keymap::parse_keys("Q").expect("key"),
        Action::Bookmark,
    );
    assert!(!status(&a).contains("quit"), "{}", status(&a));
    // In an overlay, keys it does not see are not offered.
    press(&mut a, "f1");
    let bar = status(&a);
    assert!(!bar.contains("pillar") && !bar.contains("pane"), "{bar}");
    assert!(bar.contains("esc close"), "{bar}");
}

#[test]
fn hints_name_only_keys_that_do_something_now() {
    let mut a = app(140, 40);
    let bar = status(&a);
    assert!(bar.contains("tab pane"), "{bar}");
    assert!(!bar.contains("back"), "nothing to go back to: {bar}");
    press(&mut a, "tab");
    assert!(!status(&a).contains("link"), "l expands in the outline");
    for w in [60, 40] {
        let a = app(w, 20);
        let bar = status(&a);
        assert!(!bar.contains("tab"), "one pane at {w}: {bar}");
    }
}

#[test]
fn showing_a_pane_leaves_the_focus_in_the_reader() {
    let mut a = app(100, 30);
    assert!(!a.desk.panel_visible());
    press(&mut a, "p");
    assert!(a.desk.panel_visible());
    assert_eq!(
        a.desk.focus,
        Focus::Reader,
        "p shows the panel, focus stays"
    );
    press(&mut a, "j");
    assert_eq!(a.desk.reader.top, 1, "j still scrolls the text");
    press(&mut a, "tab");
    assert_eq!(a.desk.focus, Focus::Panel);
    press(&mut a, "p");
    assert_eq!(
        a.desk.focus,
        Focus::Reader,
        "hiding it gives the focus back"
    );
    press(&mut a, "o o");
    assert_eq!(a.desk.focus, Focus::Reader);
    // Where a pane covers the reader, it takes the focus, and gives it
    // back when hidden.
    let mut a = app(60, 20);
    press(&mut a, "o");
    assert_eq!(a.desk.focus, Focus::Outline);
    press(&mut a, "o");
    assert_eq!(a.desk.focus, Focus::Reader);
}

#[test]
fn deleting_a_bookmark_says_so() {
    let mut a = app(140, 40);
    press(&mut a, "] m '");
    assert_eq!(a.desk.saved.state.bookmarks().len(), 1);
    press(&mut a, "d");
    assert!(a.desk.saved.state.bookmarks().is_empty());
    let bar = status(&a);
    assert!(bar.contains("bookmark deleted: "), "{bar}");
}

#[test]
fn too_small_names_the_size_it_needs() {
    let a = app(20, 6);
    let s = screen(&a);
    assert!(s.contains("terminal too small"), "{s}");
    assert!(s.contains("needs 30×8"), "{s}");
    assert!(s.contains("now 20×6"), "{s}");
}

#[test]
fn no_key_acts_unseen_while_the_terminal_is_too_small() {
    let mut a = app(20, 6);
    let (brief, top) = (a.desk.reader.brief, a.desk.reader.top);
    press(&mut a, "5 G f");
    assert_eq!((a.desk.reader.brief, a.desk.reader.top), (brief, top));
    assert!(!a.views.is_open(), "nothing opened unseen");
    assert_eq!(press(&mut a, "q"), Effect::Quit, "quitting still works");
}

#[test]
fn a_waiting_sequence_is_a_deadline_for_the_loop() {
    let mut a = app_with("[keys.global]\n\"g g\" = \"bottom\"\n", 120, 40);
    assert_eq!(a.next_due(), None, "nothing waits: the loop may sleep");
    let before = Instant::now();
    press(&mut a, "g");
    let due = a.next_due().expect("the sequence acts alone in a moment");
    assert!(due >= before + SEQUENCE_TIMEOUT && due <= Instant::now() + SEQUENCE_TIMEOUT);
    press(&mut a, "g");
    assert_eq!(a.next_due(), None, "the sequence is done");
}
