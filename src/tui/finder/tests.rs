use super::*;
use crate::library::Library;

fn wait(state: &mut FinderState) {
    state.settle();
}

#[test]
fn the_worker_ranks_the_latest_query_like_the_inline_finder() {
    let lib = Library::embedded();
    let index = Arc::new(Index::new(&lib));
    let mut state = FinderState {
        index: Some(Arc::clone(&index)),
        background_from: 0,
        ..FinderState::default()
    };
    for q in ["c", "ch", "chi", "chip", "chip exp", "chip exp china"] {
        state.set_query(q);
    }
    assert!(state.worker.is_some(), "large indexes rank on the worker");
    wait(&mut state);
    assert_eq!(state.shown, "chip exp china");
    let inline = Finder::typing().rank(&index, "chip exp china");
    assert_eq!(state.hits, inline);
    assert!(!state.hits.is_empty());
}

#[test]
fn a_large_library_is_indexed_in_the_background() {
    let lib = Arc::new(Library::embedded());
    let mut state = FinderState::default();
    state.prepare(&lib);
    assert!(state.building.is_none(), "the embedded library is small");
    state.index_background_from = 0;
    state.prepare(&lib);
    assert!(state.building.is_some());
    assert!(state.take_index(&lib, true));
    assert!(state.building.is_none() && !state.indexing());
    let index = state.index.clone().expect("index");
    assert_eq!(index.entries.len(), lib.figures().count());
    state.set_query("chip exp china");
    assert_eq!(
        state.hits,
        Finder::typing().rank(&Index::new(&lib), "chip exp china")
    );
    // A new library forgets the index and builds its own.
    state.prepare(&lib);
    assert!(state.index.is_none() && state.building.is_some());
    assert_eq!(state.index_background_from, 0);
}

#[test]
fn a_failed_builder_leaves_the_index_to_be_built_at_once() {
    let lib = Arc::new(Library::embedded());
    let (build, tx) = IndexBuild::by_hand();
    let mut state = FinderState {
        building: Some(build),
        ..FinderState::default()
    };
    assert!(!state.take_index(&lib, false));
    assert!(state.indexing());
    drop(tx);
    assert!(state.take_index(&lib, false));
    assert!(state.index.is_some() && !state.indexing());
}

#[test]
fn a_large_library_whose_index_was_held_starts_it_when_the_finder_opens() {
    let lib = Arc::new(Library::embedded());
    let mut state = FinderState {
        index_background_from: 0,
        ..FinderState::default()
    };
    state.prepare(&lib);
    assert!(state.building.is_some());
    // Held while the library grows: nothing is being built.
    state.hold();
    assert!(state.building.is_none() && !state.indexing());
    // The finder opened: built in the background, not on the spot.
    assert!(!state.take_index(&lib, false));
    assert!(state.indexing());
    // Enter waits for it.
    assert!(state.take_index(&lib, true));
    assert!(state.index.is_some());
}

#[test]
fn a_dropped_builder_gives_up() {
    // Dropping the task raises the flag (see `task::tests`); the
    // build gives up when it is raised.
    let lib = Arc::new(Library::embedded());
    let build = build_index(Arc::clone(&lib), None).expect("thread");
    drop(build);
    assert!(Index::build_until(&lib, &|| true).is_none());
    assert!(Index::build_until(&lib, &|| false).is_some());
}

#[test]
fn small_indexes_rank_at_once() {
    let lib = Library::embedded();
    let mut state = FinderState {
        index: Some(Arc::new(Index::new(&lib))),
        ..FinderState::default()
    };
    state.set_query("77");
    assert!(state.worker.is_none());
    assert!(!state.pending());
    assert!(!state.hits.is_empty());
}

/// The project's briefs, copied into a folder of their own.
fn briefs_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let briefs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    for e in std::fs::read_dir(&briefs).expect("briefs").flatten() {
        std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copy");
    }
    dir
}

#[test]
fn an_index_built_in_the_background_is_kept_and_read_by_the_next_start() {
    let dir = briefs_folder();
    let cache = tempfile::tempdir().expect("temp dir");
    let start = |cache: &std::path::Path| {
        let lib = Arc::new(Library::from_paths(&[dir.path().to_path_buf()]));
        let mut state = FinderState {
            index_background_from: 0,
            store: Some(cache.to_path_buf()),
            ..FinderState::default()
        };
        state.prepare(&lib);
        assert!(state.indexing());
        assert!(state.take_index(&lib, true));
        state.index.expect("an index")
    };
    let first = start(cache.path());
    assert!(!first.is_stored(), "built on the first start");
    // Kept on a thread of its own once handed over.
    let kept = || {
        std::fs::read_dir(cache.path())
            .expect("cache")
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".idx"))
    };
    let until = std::time::Instant::now() + Duration::from_secs(20);
    while !kept() && std::time::Instant::now() < until {
        thread::sleep(Duration::from_millis(10));
    }
    assert!(kept(), "the index is kept in the cache's folder");
    let second = start(cache.path());
    assert!(second.is_stored(), "read from the cache on the next start");
    for q in ["chip exports china", "77", "#trade"] {
        let hits = Finder::typing().rank(&second, q);
        assert!(!hits.is_empty(), "{q}");
        assert_eq!(hits, Finder::typing().rank(&first, q), "{q}");
    }
    // A cache folder with no index kept builds one.
    let third = start(tempfile::tempdir().expect("temp dir").path());
    assert!(!third.is_stored());
}

#[test]
fn an_index_that_cannot_be_kept_says_why() {
    let dir = briefs_folder();
    // A "folder" that is a file: nothing can be written in it.
    let not_a_folder = dir.path().join("README.md");
    let lib = Arc::new(Library::from_paths(&[dir.path().to_path_buf()]));
    let mut state = FinderState {
        index_background_from: 0,
        store: Some(not_a_folder),
        ..FinderState::default()
    };
    state.prepare(&lib);
    assert!(state.take_index(&lib, true));
    assert!(state.index.is_some(), "the finder works all the same");
    let until = std::time::Instant::now() + Duration::from_secs(20);
    let mut why = None;
    while why.is_none() && std::time::Instant::now() < until {
        why = state.kept_news();
        thread::sleep(Duration::from_millis(5));
    }
    let why = why.expect("told why");
    assert!(why.contains("README.md"), "{why}");
    assert_eq!(state.kept_news(), None, "told once");
}
