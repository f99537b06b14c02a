//! The state's API and the merge rules.

use super::*;

pub(super) fn place(section: &str, block: usize) -> Place {
    Place {
        section: section.into(),
        block,
    }
}

pub(super) fn mark(brief: &str, section: &str) -> Bookmark {
    Bookmark::new(brief, section, &format!("{brief} › {section}"))
}

pub(super) fn marked(s: &State) -> Vec<(&str, &str)> {
    s.bookmarks().iter().map(Bookmark::key).collect()
}

#[test]
fn marks_are_kept_per_brief_and_anchor_with_progress() {
    let mut s = State::default();
    assert!(!s.is_read("b", "one"));
    s.mark_read("b", "one");
    s.mark_read("b", "one");
    s.mark_read("b", "gone-section");
    s.mark_read("other", "two");
    assert!(s.is_read("b", "one") && !s.is_read("b", "two"));
    // Only the brief's sections as they are now count.
    assert_eq!(s.progress("b", ["one", "two", "three"]), (1, 3));
    assert_eq!(s.progress("nothing", ["one"]), (0, 1));
    assert!(s.toggle_reviewed("b", "two"));
    assert!(s.is_reviewed("b", "two") && !s.is_read("b", "two"));
    assert!(!s.toggle_reviewed("b", "two"));
    assert!(!s.is_reviewed("b", "two"));
}

#[test]
fn bookmarks_toggle_and_places_stay_bounded() {
    let mut s = State::default();
    s.set_place_at("first", place("", 0), 1);
    assert!(s.toggle_bookmark(mark("b", "s")));
    assert!(!s.toggle_bookmark(mark("b", "s")));
    assert!(s.bookmarks().is_empty());
    assert!(s.toggle_bookmark(mark("b", "s")));
    assert_eq!(s.remove_bookmark(0).map(|b| b.section), Some("s".into()));
    assert_eq!(s.remove_bookmark(0), None);
    for i in 0..MAX_PLACES + 10 {
        s.set_place_at(&format!("b{i}"), place("", i), 10 + i as u64);
    }
    assert_eq!(s.places.len(), MAX_PLACES);
    assert!(!s.places.contains_key("first"));
    assert_eq!(s.last(), Some(&*format!("b{}", MAX_PLACES + 9)));
}

/// Two states with a history: A and B started from the same file.
fn two_readers() -> (State, State) {
    let mut base = State::default();
    base.toggle_bookmark_at(mark("x", "shared"), 10);
    base.set_place_at("x", place("intro", 1), 10);
    base.marks_mut("x", "intro").reviewed = Some(Flag { on: true, at: 10 });
    (base.clone(), base)
}

#[test]
fn merge_keeps_both_readers_bookmarks_and_their_removals() {
    let (mut a, mut b) = two_readers();
    a.toggle_bookmark_at(mark("x", "from-a"), 20);
    b.toggle_bookmark_at(mark("y", "from-b"), 21);
    // B removes the shared bookmark; A, which still has it, must not bring
    // it back.
    b.remove_bookmark_at(0, 22);
    let mut ab = a.clone();
    ab.merge(&b);
    assert_eq!(marked(&ab), [("x", "from-a"), ("y", "from-b")]);
    // Re-made later, it is back.
    let mut again = a.clone();
    again.remove_bookmark_at(0, 15);
    again.toggle_bookmark_at(mark("x", "shared"), 30);
    ab.merge(&again);
    assert_eq!(
        marked(&ab),
        [("x", "from-a"), ("y", "from-b"), ("x", "shared")]
    );
}

#[test]
fn merge_takes_each_brief_s_place_from_the_last_writer() {
    let (mut a, mut b) = two_readers();
    a.set_place_at("x", place("later", 5), 40);
    b.set_place_at("x", place("earlier", 3), 30);
    b.set_place_at("y", place("only-b", 7), 35);
    a.merge(&b);
    assert_eq!(a.place("x"), Some(place("later", 5)));
    assert_eq!(a.place("y"), Some(place("only-b", 7)));
    assert_eq!(a.last(), Some("x"));
    b.set_place_at("y", place("only-b", 8), 50);
    a.merge(&b);
    assert_eq!(a.last(), Some("y"));
}

#[test]
fn merge_unites_marks_and_keeps_an_unmark() {
    let (mut a, mut b) = two_readers();
    a.marks_mut("x", "one").read = Some(Flag { on: true, at: 20 });
    b.marks_mut("x", "two").read = Some(Flag { on: true, at: 21 });
    // B clears the review A still has.
    b.marks_mut("x", "intro").reviewed = Some(Flag { on: false, at: 22 });
    a.merge(&b);
    assert!(a.is_read("x", "one") && a.is_read("x", "two"));
    assert!(!a.is_reviewed("x", "intro"));
    assert_eq!(a.progress("x", ["intro", "one", "two"]), (2, 3));
}

#[test]
fn merge_takes_the_theme_chosen_last() {
    let (mut a, mut b) = two_readers();
    a.theme = Some(ThemeChoice {
        name: "light".into(),
        at: 5,
    });
    b.theme = Some(ThemeChoice {
        name: "high-contrast".into(),
        at: 6,
    });
    let mut ab = a.clone();
    ab.merge(&b);
    b.merge(&a);
    assert_eq!(
        (ab.theme(), b.theme()),
        (Some("high-contrast"), Some("high-contrast"))
    );
}

#[test]
fn merge_is_the_same_either_way_and_twice_is_once() {
    let (mut a, mut b) = two_readers();
    // Equal times: the removal and the clear win, then the larger value.
    a.remove_bookmark_at(0, 20);
    b.toggle_bookmark_at(mark("x", "shared"), 20);
    a.set_place_at("x", place("a", 1), 20);
    b.set_place_at("x", place("b", 1), 20);
    a.marks_mut("x", "intro").reviewed = Some(Flag { on: true, at: 20 });
    b.marks_mut("x", "intro").reviewed = Some(Flag { on: false, at: 20 });
    a.toggle_bookmark_at(mark("z", "same-time"), 25);
    b.toggle_bookmark_at(Bookmark::new("z", "same-time", "other title"), 25);
    let mut ab = a.clone();
    ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab, ba);
    assert!(ab.bookmarks().iter().all(|m| m.section != "shared"));
    assert_eq!(ab.place("x"), Some(place("b", 1)));
    assert!(!ab.is_reviewed("x", "intro"));
    let twice = {
        let mut t = ab.clone();
        t.merge(&b);
        t.merge(&ab);
        t
    };
    assert_eq!(twice, ab);
}

#[test]
fn old_removals_are_forgotten_recent_ones_kept() {
    let mut s = State::default();
    s.toggle_bookmark_at(mark("b", "old"), 1);
    s.remove_bookmark_at(0, 2);
    s.toggle_bookmark_at(mark("b", "new"), 1);
    s.remove_bookmark_at(0, FORGET_AFTER_MS);
    s.marks_mut("b", "old").reviewed = Some(Flag { on: false, at: 3 });
    s.marks_mut("b", "kept").read = Some(Flag { on: true, at: 3 });
    s.forget_old_removals(FORGET_AFTER_MS + 10);
    assert_eq!(s.removed_bookmarks.len(), 1);
    assert_eq!(s.removed_bookmarks[0].section, "new");
    assert!(s.marks("b", "old").is_none());
    assert!(s.is_read("b", "kept"));
}

#[test]
fn the_place_set_last_is_the_last_one_even_within_one_millisecond() {
    let mut s = State::default();
    for id in ["zeta", "alpha", "mid", "alpha", "beta"] {
        s.set_place(id, place("", 0));
        assert_eq!(s.last(), Some(id), "after setting {id}");
    }
}
