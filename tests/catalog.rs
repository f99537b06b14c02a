//! A library of thousands opens from its cache without reading any
//! brief's detail: home, the outline, link targets and the library's
//! disagreements come from each brief's summary; a brief's figures,
//! mentions and events are read from the cache when it is first asked for
//! them, and from the file if the cache lost them.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use briefing::library::{Changed, Library};
use common::cached::{library, load, summary};
use common::pty::{Home, Session};

/// The detail of every brief, as a string to compare.
fn details(lib: &Library) -> Vec<String> {
    lib.briefs
        .iter()
        .map(|b| {
            let d = b.detail();
            format!(
                "{} {:?} {:?} {:?} {:?}",
                b.meta.id,
                d.figures
                    .iter()
                    .map(|f| (&f.id, f.section))
                    .collect::<Vec<_>>(),
                d.mentions
                    .iter()
                    .map(|m| (&m.figure_id, m.range.clone()))
                    .collect::<Vec<_>>(),
                d.events
                    .iter()
                    .map(|e| (&e.label, e.date))
                    .collect::<Vec<_>>(),
                b.said()
            )
        })
        .collect()
}

#[test]
fn a_later_start_reads_no_detail_and_home_and_the_disagreements_come_from_the_summaries() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let plain = Library::from_paths(&[dir.path().to_path_buf()]);
    load(dir.path(), cache.path());
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 0);
    assert!(lib.briefs.iter().all(|b| !b.has_detail()), "no detail read");
    // What home shows of each brief, and how many figures it has.
    for (a, b) in lib.briefs.iter().zip(&plain.briefs) {
        let ids = |x: &briefing::model::Brief| {
            x.digest
                .headline
                .iter()
                .map(|f| format!("{}={}", f.id, f.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(a), ids(b), "{}", a.meta.id);
        assert_eq!(a.digest.figures, b.figures().len());
    }
    assert_eq!(lib.figures().count(), plain.figures().count());
    assert_eq!(
        briefing::conflicts::find(&lib),
        briefing::conflicts::find(&plain)
    );
    assert_eq!(
        briefing::conflicts::measures(&lib),
        briefing::conflicts::measures(&plain)
    );
    assert!(
        lib.briefs.iter().all(|b| !b.has_detail()),
        "disagreements and measures read no detail"
    );
    // The finder's index lends each brief's detail and keeps none.
    let _ = briefing::lookup::Index::new(&lib);
    assert!(lib.briefs.iter().all(|b| !b.has_detail()));
    // Asked for, the detail is the parse's, and no text is read for it.
    assert_eq!(details(&lib), details(&plain));
    assert!(lib.briefs.iter().all(|b| !b.source.is_read()));
    assert_eq!(summary(&lib), summary(&plain));
}

#[test]
fn a_detail_the_cache_lost_is_read_from_the_file() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let plain = Library::from_paths(&[dir.path().to_path_buf()]);
    load(dir.path(), cache.path());
    let (spoilt, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 0);
    let (deleted, _) = load(dir.path(), cache.path());
    // Another program spoils every stored detail while the reader runs,
    // then deletes every row.
    let conn = rusqlite::Connection::open(cache.path().join("library.sqlite")).unwrap();
    conn.execute("UPDATE files SET detail = x'ff00ff'", [])
        .unwrap();
    assert_eq!(details(&spoilt), details(&plain));
    assert!(
        spoilt.briefs.iter().all(|b| b.source.is_read()),
        "each file was parsed again for its detail"
    );
    conn.execute("DELETE FROM files", []).unwrap();
    assert_eq!(details(&deleted), details(&plain));
}

#[test]
fn a_detail_is_of_the_file_as_the_start_saw_it() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let plain = Library::from_paths(&[dir.path().to_path_buf()]);
    load(dir.path(), cache.path());
    let (lib, _) = load(dir.path(), cache.path());
    common::cached::edit(
        &dir.path().join("alpha.md"),
        "## Economy",
        "## Economy and more",
    );
    // The outline and the detail are one snapshot: the figures are those
    // the sections were read with, and no text of the newer file is
    // mixed in (the watcher reads the library again).
    assert_eq!(details(&lib), details(&plain));
    let alpha = &lib.briefs[lib.by_id("alpha").unwrap().0];
    assert_eq!(alpha.source.text().as_str(), "");
}

/// `n` small briefs in a folder, each linking to the next.
fn many(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        let text = format!(
            "+++\nid = \"b{i:03}\"\ntitle = \"Brief number {i:03}\"\nshort_title = \"Brief {i:03}\"\n\
             publisher = \"Test Institute\"\n{}\n[[figures]]\nid = \"f\"\nvalue = \"{i} percent\"\n\
             label = \"a share\"\nsection = \"one\"\nsource = \"Test Institute\"\n+++\n\n\
             # One\n\nSee [{i} percent](fig:f) and [the next](b{:03}.md#one).\n{}",
            if i == n / 3 {
                "bottom_line = \"The narwhal case stands.\"\n"
            } else {
                ""
            },
            (i + 1) % n,
            if i == n / 2 {
                "\nOnly this one speaks of **semiconductors** and zebrafish.\n"
            } else {
                ""
            }
        );
        std::fs::write(dir.path().join(format!("b{i:03}.md")), text).unwrap();
    }
    dir
}

#[test]
fn a_first_start_of_many_briefs_opens_on_the_first_and_takes_in_the_rest_as_they_are_stored() {
    let dir = many(1500);
    let h = Home::new();
    let lib = dir.path().to_str().unwrap();
    let mut s = Session::start(&h, &["-L", lib]);
    // Home comes up with the first briefs parsed, the rest left to the
    // cache's writer.
    // The bar counts what is read (the screen may be caught mid-frame,
    // so the count is waited for).
    s.wait_for_ui("/1500 ·");
    let first = s.screen();
    let stored: usize = first
        .lines()
        .find_map(|l| l.trim().strip_prefix("reading "))
        .and_then(|t| t.split('/').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    assert!(
        stored < 1500,
        "home opens before every brief is read: {first}"
    );
    let shown: usize = first
        .lines()
        .find_map(|l| l.trim().strip_prefix("Briefs · "))
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        (1..=1500).contains(&shown),
        "home lists what is in: {first}"
    );
    // Then the whole library, without a key pressed, and the bar says so.
    s.wait_for("Briefs · 1500 briefs");
    s.wait_for("library read: 1500 briefs");
    // Links to briefs that came in later resolve, and no problem was
    // reported for them meanwhile.
    assert!(!s.screen().contains("problem"), "{}", s.screen());
    s.keys("q");
    s.wait_exit();
    // The next start reads them all from the cache at once.
    let mut s = Session::start(&h, &["-L", lib]);
    s.wait_for_ui("Briefs · 1500 briefs");
    assert!(
        !s.screen().contains("/1500 ·"),
        "nothing left to read: {}",
        s.screen()
    );
    s.keys("q");
    s.wait_exit();
}

#[test]
fn a_load_that_leaves_many_for_later_reports_no_broken_link_to_them() {
    let dir = many(100);
    let cache = tempfile::tempdir().unwrap();
    let c = briefing::library::cache::Cache::open(cache.path()).unwrap();
    let (lib, pending) = Library::from_paths_cached(
        &[dir.path().to_path_buf()],
        &c,
        None,
        briefing::library::Changed::LeaveMany,
    );
    assert_eq!(pending.parsed(), briefing::library::FIRST_FILES);
    assert_eq!(pending.later(), 100 - briefing::library::FIRST_FILES);
    assert_eq!(lib.briefs.len(), briefing::library::FIRST_FILES);
    assert_eq!(lib.error_count(), 0, "{:?}", lib.diagnostics);
    // A link to a brief that is in resolves; one to a brief left for
    // later waits, unresolved, without a word.
    let b0 = &lib.briefs[0];
    assert!(b0.links.iter().all(|l| l.resolved.is_some()));
    let last = &lib.briefs[briefing::library::FIRST_FILES - 1];
    assert!(last.links.iter().all(|l| l.resolved.is_none()));
}

#[test]
fn the_word_index_narrows_a_library_search_to_the_briefs_that_can_hold_it() {
    let dir = many(60);
    let cache = tempfile::tempdir().unwrap();
    let c = briefing::library::cache::Cache::open(cache.path()).unwrap();
    let paths = [dir.path().to_path_buf()];
    let (_, pending) = Library::from_paths_cached(&paths, &c, None, Changed::ParseAll);
    pending.write(&c).unwrap();
    let (lib, _) = Library::from_paths_cached(&paths, &c, None, Changed::ParseAll);
    let only = |q: &str| -> Option<Vec<String>> {
        lib.search_candidates(q)
            .map(|v| v.iter().map(|b| lib.briefs[b.0].meta.id.clone()).collect())
    };
    let one = Some(vec!["b030".to_owned()]);
    // A word, a part of a word (inside it too), a phrase across markup,
    // another case.
    for q in [
        "zebrafish",
        "conductor",
        "semiconductors and zebra",
        "ZebraFish",
    ] {
        assert_eq!(only(q), one, "{q}");
    }
    assert_eq!(only("okapi"), Some(Vec::new()), "a word no brief holds");
    // The lead above the body (its bottom line) is searched too.
    assert_eq!(only("narwhal"), Some(vec!["b020".to_owned()]));
    // Parts it cannot judge, or that most briefs hold, narrow nothing.
    assert_eq!(only("—"), None);
    assert_eq!(only("the next"), None);
    assert_eq!(only("the next zebrafish"), one);
    assert_eq!(only("Séoul").map(|v| v.len()), None);
    // A file the index does not cover yet is read all the same.
    std::fs::write(
        dir.path().join("new.md"),
        "+++\nid = \"new\"\ntitle = \"New\"\n+++\n\n# One\n\nNothing here.\n",
    )
    .unwrap();
    let (lib, _) = Library::from_paths_cached(&paths, &c, None, Changed::ParseAll);
    let found: Vec<&str> = lib
        .search_candidates("zebrafish")
        .unwrap()
        .iter()
        .map(|b| lib.briefs[b.0].meta.id.as_str())
        .collect();
    assert_eq!(found, ["b030", "new"]);
    // An edit that takes the word out, and a deletion, are seen by the
    // index once stored.
    common::cached::edit(&dir.path().join("b030.md"), "zebrafish", "goldfish");
    std::fs::remove_file(dir.path().join("b020.md")).unwrap();
    let (_, pending) = Library::from_paths_cached(&paths, &c, None, Changed::ParseAll);
    pending.write(&c).unwrap();
    let (lib, _) = Library::from_paths_cached(&paths, &c, None, Changed::ParseAll);
    let ids = |q: &str| candidate_ids(&lib, q);
    assert_eq!(ids("zebrafish"), Vec::<String>::new());
    assert_eq!(ids("goldfish"), ["b030"]);
    assert_eq!(ids("narwhal"), Vec::<String>::new(), "b020 is gone");
    // The words read for a search are kept, but not past a store made
    // through another connection (a writer's, another reader's).
    common::cached::edit(&dir.path().join("b031.md"), "\n# ", "\nA quagga.\n\n# ");
    let other = briefing::library::cache::Cache::open(cache.path()).unwrap();
    let (_, pending) = Library::from_paths_cached(&paths, &other, None, Changed::ParseAll);
    pending.write(&other).unwrap();
    let (lib, _) = Library::from_paths_cached(&paths, &c, None, Changed::ParseAll);
    let ids = |q: &str| candidate_ids(&lib, q);
    assert_eq!(ids("goldfish"), ["b030"]);
    assert_eq!(ids("quagga"), ["b031"]);
}

/// The ids of the briefs a library search for `q` reads.
fn candidate_ids(lib: &Library, q: &str) -> Vec<String> {
    lib.search_candidates(q)
        .unwrap()
        .iter()
        .map(|b| lib.briefs[b.0].meta.id.clone())
        .collect()
}

#[test]
fn a_library_search_in_the_reader_finds_a_rare_word_through_the_index() {
    let dir = many(150);
    let h = Home::new();
    let lib = dir.path().to_str().unwrap();
    let mut s = Session::start(&h, &["-L", lib]);
    s.wait_for("library read: 150 briefs");
    s.keys("q");
    s.wait_exit();
    let mut s = Session::start(&h, &["-L", lib]);
    s.wait_for_ui("Briefs · 150 briefs");
    s.keys("/zebrafish\t");
    s.wait_for("Search the library: \"zebrafish\" — 1 hit");
    assert!(s.screen().contains("│ Brief 075 "), "{}", s.screen());
    s.keys("\x1b");
    s.wait_gone("Search the library");
    // `/` starts a new filter, not the last one.
    s.keys("/okapi\t");
    s.wait_for("Search the library: \"okapi\" — 0 hits");
    s.keys("\x1b");
    s.wait_gone("Search the library");
    s.keys("q");
    s.wait_exit();
}
