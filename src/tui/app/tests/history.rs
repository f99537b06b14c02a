//! Back and forward, like a browser: the screen follows at once, and home
//! is a place in the history too.

use crate::library::Library;
use crate::tui::testkit::{app_on, press, screen};
use crate::tui::views;

fn type_text(a: &mut crate::tui::app::App, text: &str) {
    for c in text.chars() {
        let k = if c == ' ' {
            "space".to_owned()
        } else {
            c.to_string()
        };
        press(a, &k);
    }
}

fn status(s: &str) -> String {
    s.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn forward_brings_the_status_bar_and_panel_along() {
    let mut a = app_on(Library::embedded(), 120, 40);
    press(&mut a, "esc 5 f");
    type_text(&mut a, "america first");
    press(&mut a, "enter");
    let there = screen(&a);
    press(&mut a, "backspace");
    let back = screen(&a);
    assert_ne!(status(&back), status(&there), "{back}");
    press(&mut a, "alt-right");
    let again = screen(&a);
    assert_eq!(status(&again), status(&there), "{again}");
    for (x, y) in again.lines().zip(there.lines()) {
        assert_eq!(x, y);
    }
}

#[test]
fn forward_from_home_goes_to_the_brief_left_and_home_selects_it() {
    let mut a = app_on(Library::embedded(), 120, 40);
    a.open_view::<views::Home>();
    press(&mut a, "3");
    let third = a.desk.reader.brief;
    assert!(!a.views.is_open());
    press(&mut a, "backspace");
    assert!(a.views.showing::<views::Home>());
    assert_eq!(
        a.views.get::<views::Home>().map(|h| h.cursor),
        Some(third.0),
        "home selects the brief just left"
    );
    press(&mut a, "alt-right");
    assert!(!a.views.is_open(), "forward leaves home");
    assert_eq!(a.desk.reader.brief, third);
    // And back comes home again.
    press(&mut a, "backspace");
    assert!(a.views.showing::<views::Home>());
}

#[test]
fn marking_the_glossary_after_the_first_screen_keeps_the_place() {
    let mut a = app_on(Library::embedded(), 120, 40);
    press(&mut a, "esc");
    a.desk.reader.defer_terms = true;
    let stc = a.desk.lib.by_id("strategic-tech-cooperation").expect("stc");
    let at = a
        .desk
        .lib
        .target("strategic-tech-cooperation#domestic-support")
        .expect("target");
    assert_eq!(at.brief, stc);
    a.desk.go(at);
    let top = a.desk.reader.top;
    assert!(top > 0);
    a.first_screen_shown();
    a.tick();
    assert!(!a.desk.reader.terms_pending());
    assert_eq!(a.desk.reader.top, top, "the terms came, the place stayed");
}

#[test]
fn home_is_a_full_context_for_the_bar_the_search_and_its_cards() {
    let mut a = app_on(Library::embedded(), 80, 24);
    a.open_view::<views::Home>();
    for over in ["?", "T"] {
        press(&mut a, over);
        let s = screen(&a);
        assert!(status(&s).starts_with(" Home · "), "over home, {over}: {s}");
        press(&mut a, "esc");
    }
    // Every card fits at 80×24: the last selected, the first still shows.
    press(&mut a, "G");
    let s = screen(&a);
    assert!(s.contains("Digital Allies"), "{s}");
    // `/` filters the briefs by name; Tab searches the library for what
    // was typed.
    press(&mut a, "/");
    type_text(&mut a, "china");
    assert_eq!(
        status(&screen(&a)).trim_end().split("  ").next(),
        Some(" /china"),
        "the filter line in the bar"
    );
    press(&mut a, "tab");
    assert!(a.views.showing::<views::Results>(), "{}", screen(&a));
    assert_eq!(a.desk.search.query, "china");
}

#[test]
fn the_timeline_shows_a_happening_two_briefs_date_once_with_both_dates() {
    let a = app_on(Library::embedded(), 140, 40);
    let rows = views::timeline::rows(&a.desk);
    let events = a.desk.lib.events();
    let nss: Vec<_> = rows
        .iter()
        .filter_map(|r| match r {
            views::TimelineRow::Event { index, .. } => events.get(*index),
            views::TimelineRow::Year(_) => None,
        })
        .filter(|(_, e)| e.key.as_deref() == Some("us-national-security-strategy-2022"))
        .collect();
    assert_eq!(nss.len(), 1, "one row for the NSS");
    let mut a = app_on(Library::embedded(), 200, 150);
    press(&mut a, "esc T");
    let s = screen(&a);
    assert!(s.contains("≠ 2022-11 in Strategic Tech Cooperation"), "{s}");
    assert!(
        !s.contains("≠ 2022-10"),
        "the other side is no row of its own: {s}"
    );
}
