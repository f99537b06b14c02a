//! What the `state` fuzz target checks of one input, shared with the
//! regression test that replays the inputs it found
//! (`tests/hostile/fuzzed.rs`): the input is a saved state file
//! (`state.json`), in a folder of its own. It is loaded; another reader
//! then leaves a second copy of the same bytes there, and the state is
//! saved over it, merging with that copy. No panic; a file that is not
//! taken in is moved aside whole or left as it was, never lost; a save
//! writes a file that loads back as what was saved; merging is the same
//! in either order and merging a copy changes nothing. Panics on the
//! first failure.

use std::fs;
use std::path::{Path, PathBuf};

use briefing::state::{Bookmark, Place, State};

/// A folder of its own for each input: in memory where there is one.
fn folder() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let made = if shm.is_dir() {
        tempfile::Builder::new()
            .prefix("fuzz-state")
            .tempdir_in(shm)
    } else {
        tempfile::Builder::new().prefix("fuzz-state").tempdir()
    };
    match made {
        Ok(d) => d,
        Err(e) => panic!("no temporary folder: {e}"),
    }
}

/// The files beside the state that hold its damaged copies.
fn set_aside(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("state.json.damaged-"))
        })
        .collect()
}

/// Runs every check on `data`.
pub fn run(data: &[u8]) {
    let dir = folder();
    let path = dir.path().join("state.json");
    let write = |bytes: &[u8]| {
        if let Err(e) = fs::write(&path, bytes) {
            panic!("cannot write {}: {e}", path.display());
        }
    };
    write(data);
    let (mut state, warning) = State::load(&path);
    let aside = set_aside(dir.path());
    if path.exists() {
        assert!(aside.is_empty(), "moved aside and still there");
        assert_eq!(
            fs::read(&path).ok().as_deref(),
            Some(data),
            "load changed the file"
        );
    } else {
        // Not taken in: moved aside whole, and the reader told where.
        assert_eq!(aside.len(), 1, "the file is gone, not set aside: {aside:?}");
        assert_eq!(
            fs::read(&aside[0]).ok().as_deref(),
            Some(data),
            "set aside changed"
        );
        let name = aside[0]
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let told = warning.as_deref().unwrap_or("");
        assert!(
            name.is_some_and(|n| told.contains(&n)),
            "the warning does not say where: {told:?}"
        );
    }
    check_merge(&state);
    // Another reader saves the same bytes; this one saves over them.
    let taken = warning.is_none();
    write(data);
    if let Ok(note) = state.save(&path) {
        let (back, again) = State::load(&path);
        assert_eq!(again, None, "a saved file does not load cleanly");
        assert_eq!(
            back, state,
            "the file saved does not load back as the state"
        );
        let aside_now = set_aside(dir.path());
        if note.is_some() {
            assert_eq!(
                aside_now.len(),
                aside.len() + 1,
                "a note, but nothing set aside"
            );
        }
        for a in &aside_now {
            assert_eq!(fs::read(a).ok().as_deref(), Some(data), "set aside changed");
        }
    } else {
        // Refused (a newer or unreadable file): left as it was.
        assert!(!taken, "a file loaded cleanly cannot be saved over");
        let now = fs::read(&path).ok();
        assert_eq!(now.as_deref(), Some(data), "a refused save wrote");
    }
}

/// Merging a copy changes nothing; merging two states gives the same in
/// either order.
fn check_merge(state: &State) {
    let mut same = state.clone();
    same.merge(state);
    assert_eq!(&same, state, "merging a copy changed the state");
    let mut other = state.clone();
    other.set_place(
        "fuzz",
        Place {
            section: "s".into(),
            block: 3,
        },
    );
    other.toggle_bookmark(Bookmark::new("fuzz", "", "Fuzz"));
    if let Some(first) = state.bookmarks().first() {
        other.toggle_bookmark(first.clone());
    }
    other.mark_read("fuzz", "s");
    other.toggle_reviewed("fuzz", "");
    other.set_theme("light");
    let mut one = state.clone();
    one.merge(&other);
    let mut two = other.clone();
    two.merge(state);
    assert_eq!(one, two, "merging in one order differs from the other");
    let _ = (
        state.last(),
        state.theme(),
        state.progress("fuzz", ["s", ""]),
    );
}
