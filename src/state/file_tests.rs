//! The state file: round trips, merging saves under the lock, damaged,
//! newer and unreadable files, and the first format.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::tests::{mark, marked, place};
use super::*;

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

/// How the warning says where a damaged file went.
fn moved_to(aside: &Path) -> String {
    format!(
        "damaged saved state moved to {} in {}",
        aside.file_name().expect("name").to_string_lossy(),
        aside.parent().expect("dir").display()
    )
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
    assert!(
        start.elapsed() >= Duration::from_millis(200),
        "did not wait"
    );
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
            w.starts_with(&format!("{} ({why}", moved_to(aside))),
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
    assert!(note.starts_with(&moved_to(&aside[0])), "{note}");
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
            "saved state from a newer briefing (format 3) left untouched: \
             nothing is read from or saved to {}",
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
    assert!(
        w.expect("a warning")
            .starts_with("saved state cannot be read (not a regular file): left as it is")
    );
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
