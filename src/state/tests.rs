use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::*;

fn place(section: &str, block: usize) -> Place {
    Place {
        section: section.into(),
        block,
    }
}

fn mark(brief: &str, section: &str) -> Bookmark {
    Bookmark::new(brief, section, &format!("{brief} › {section}"))
}

fn marked(s: &State) -> Vec<(&str, &str)> {
    s.bookmarks().iter().map(Bookmark::key).collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn damaged_files(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains("state.json.damaged-"))
        .collect()
}

#[test]
fn state_round_trips_through_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("deep/er/state.json");
    let mut s = State::default();
    s.set_place("peninsula-plus", place("introduction", 12));
    s.toggle_bookmark(mark("digital-allies", "semiconductors"));
    s.mark_read("digital-allies", "semiconductors");
    s.toggle_reviewed("digital-allies", "alliance");
    s.set_theme("light");
    assert_eq!(s.save(&path).expect("saved"), None);
    let (back, warning) = State::load(&path);
    assert_eq!(warning, None);
    assert_eq!(back, s);
    assert_eq!(back.last(), Some("peninsula-plus"));
    assert_eq!(back.theme(), Some("light"));
    // Saving again replaces the file whole, leaving no temporary behind;
    // the lock is a file of its own.
    s.save(&path).expect("saved");
    assert_eq!(
        files_in(path.parent().expect("dir")),
        ["state.json", "state.lock"]
    );
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
    assert_eq!((ab.theme(), b.theme()), (Some("high-contrast"), Some("high-contrast")));
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
fn saves_of_two_readers_merge_through_the_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.json");
    let (mut a, _) = State::load(&path);
    let (mut b, _) = State::load(&path);
    a.toggle_bookmark(mark("x", "from-a"));
    a.save(&path).expect("a saved");
    b.toggle_bookmark(mark("y", "from-b"));
    b.toggle_reviewed("y", "s");
    b.save(&path).expect("b saved");
    // B now also has A's bookmark, and A gets B's when it saves again.
    assert_eq!(marked(&b), [("x", "from-a"), ("y", "from-b")]);
    a.save(&path).expect("a saved again");
    assert!(a.is_reviewed("y", "s"));
    // A removes B's bookmark; B's next save does not bring it back.
    a.remove_bookmark(1);
    a.save(&path).expect("a saved");
    b.mark_read("y", "s");
    b.save(&path).expect("b saved");
    let (disk, warning) = State::load(&path);
    assert_eq!(warning, None);
    assert_eq!(marked(&disk), [("x", "from-a")]);
    assert!(disk.is_read("y", "s"));
}

#[test]
fn concurrent_saves_lose_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.json");
    let threads: Vec<_> = (0..6)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut s = State::default();
                for i in 0..8 {
                    s.toggle_bookmark(mark(&format!("t{t}"), &format!("s{i}")));
                    s.mark_read(&format!("t{t}"), &format!("s{i}"));
                    s.save(&path).expect("saved");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("thread");
    }
    let (disk, warning) = State::load(&path);
    assert_eq!(warning, None);
    assert_eq!(disk.bookmarks().len(), 48);
    for t in 0..6 {
        let anchors: Vec<String> = (0..8).map(|i| format!("s{i}")).collect();
        let read = disk.progress(&format!("t{t}"), anchors.iter().map(String::as_str));
        assert_eq!(read, (8, 8));
    }
}

#[test]
fn a_save_waits_for_the_lock() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.json");
    let (held_tx, held_rx) = std::sync::mpsc::channel();
    let holder = {
        let path = path.clone();
        std::thread::spawn(move || {
            file::with_lock(&path, || {
                held_tx.send(()).expect("send");
                std::thread::sleep(Duration::from_millis(300));
                let mut s = State::default();
                s.toggle_bookmark(mark("held", "s"));
                file::write_atomic(path.parent().expect("dir"), &path, &s)
            })
        })
    };
    held_rx.recv().expect("held");
    let start = Instant::now();
    let mut s = State::default();
    s.toggle_bookmark(mark("waited", "s"));
    s.save(&path).expect("saved");
    assert!(start.elapsed() >= Duration::from_millis(200), "did not wait");
    holder.join().expect("thread").expect("held and written");
    // It waited, then merged with what the holder wrote (made later).
    assert_eq!(marked(&s), [("waited", "s"), ("held", "s")]);
}

#[test]
fn a_file_that_cannot_be_parsed_is_moved_aside_with_its_bytes() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.json");
    let big = vec![b' '; 5 << 20];
    for (bytes, why) in [
        (&b"{\"format\": \"briefing-state\", \"vers"[..], "not valid JSON"),
        (b"\xff\xfe garbage", "not valid JSON"),
        (b"{\"name\": \"someone else's\"}", "not a briefing state file"),
        (b"[1, 2, 3]", "not a briefing state file"),
        (b"{\"format\": \"briefing-state\"}", "no valid format version"),
        (
            b"{\"format\": \"briefing-state\", \"version\": 2, \"places\": 7}",
            "unexpected contents",
        ),
        (
            b"{\"format\": \"briefing-state\", \"version\": 1, \"last\": 7, \"places\": {}, \"bookmarks\": []}",
            "unexpected contents",
        ),
        (&big[..], "larger than"),
    ] {
        fs::write(&path, bytes).expect("write");
        let (s, w) = State::load(&path);
        assert_eq!(s, State::default());
        let w = w.expect("a warning");
        let aside = damaged_files(dir.path());
        assert_eq!(aside.len(), 1, "{w}");
        let aside = &aside[0];
        assert!(
            w.starts_with(&format!(
                "saved state could not be read, moved to {} ({why}",
                aside.display()
            )),
            "{w}"
        );
        assert_eq!(fs::read(aside).expect("aside"), bytes, "kept byte for byte");
        assert!(!path.exists(), "nothing in its place yet");
        fs::remove_file(aside).expect("rm");
    }
}

#[test]
fn a_file_damaged_while_reading_is_moved_aside_by_the_save() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.json");
    let (mut s, _) = State::load(&path);
    fs::write(&path, "{ broken").expect("write");
    s.toggle_bookmark(mark("b", "s"));
    let note = s.save(&path).expect("saved").expect("a note");
    let aside = damaged_files(dir.path());
    assert_eq!(aside.len(), 1);
    assert!(
        note.starts_with(&format!("saved state could not be read, moved to {}", aside[0].display())),
        "{note}"
    );
    assert_eq!(fs::read_to_string(&aside[0]).expect("aside"), "{ broken");
    assert_eq!(marked(&State::load(&path).0), [("b", "s")]);
    // A second damaged file in the same second gets a name of its own.
    fs::write(&path, "{ broken again").expect("write");
    s.save(&path).expect("saved").expect("a note");
    assert_eq!(damaged_files(dir.path()).len(), 2);
}

#[test]
fn a_newer_file_is_neither_read_nor_written() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.json");
    let newer = "{\"format\": \"briefing-state\", \"version\": 3, \"notes\": [\"keep me\"]}";
    fs::write(&path, newer).expect("write");
    let (mut s, w) = State::load(&path);
    assert_eq!(s, State::default());
    assert_eq!(
        w.as_deref(),
        Some(&*format!(
            "saved state {} is from a newer briefing (format 3): left untouched; \
             nothing is read from it or saved to it",
            path.display()
        ))
    );
    s.toggle_bookmark(mark("b", "s"));
    let e = s.save(&path).expect_err("not saved");
    assert_eq!(
        e.to_string(),
        "it is from a newer briefing (format 3) and is left untouched"
    );
    assert_eq!(fs::read_to_string(&path).expect("file"), newer);
    assert!(damaged_files(dir.path()).is_empty());
}

#[test]
fn a_file_that_cannot_be_read_is_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.json");
    fs::create_dir(&path).expect("a folder where the file goes");
    let (mut s, w) = State::load(&path);
    assert!(w.expect("a warning").ends_with("(not a regular file): left as it is; nothing will be saved"));
    assert!(s.save(&path).is_err());
    assert!(path.is_dir() && damaged_files(dir.path()).is_empty());
}

#[test]
fn a_first_format_file_is_read_in_its_order_and_rewritten() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("state.json");
    let v1 = r#"{
  "format": "briefing-state", "version": 1, "last": "b",
  "places": {"a": {"section": "x", "block": 3}, "b": {"section": "", "block": 0},
             "c": {"section": "y", "block": 9}},
  "recent": ["c", "b", "a"],
  "bookmarks": [{"brief": "b", "section": "z", "title": "B › Z"},
                {"brief": "a", "section": "x", "title": "A › X"}]
}"#;
    fs::write(&path, v1).expect("write");
    let (mut s, w) = State::load(&path);
    assert_eq!(w, None);
    assert_eq!(s.last(), Some("b"));
    assert_eq!(s.place("c"), Some(place("y", 9)));
    assert_eq!(marked(&s), [("b", "z"), ("a", "x")]);
    // The reader's own changes are newer than anything in it.
    s.set_place("a", place("x", 4));
    s.save(&path).expect("saved");
    let (back, _) = State::load(&path);
    assert_eq!(back.last(), Some("a"));
    assert_eq!(marked(&back), [("b", "z"), ("a", "x")]);
    let text = fs::read_to_string(&path).expect("file");
    assert!(text.contains("\"version\": 2"), "{text}");
}
