//! The library's cache: a start takes unchanged files from it and parses
//! the rest; an edit, a deletion, a rename or a new file is seen; a damaged
//! cache is rebuilt quietly; a cache that cannot be written is not used;
//! two readers share one.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use briefing::library::cache::Cache;
use briefing::library::{Changed, Library};
use common::cached::{edit, library, load, reading_and_writer, summary};
use common::pty::{Home, Session};

#[test]
fn a_second_start_parses_nothing_and_reads_a_text_only_when_asked() {
    let dir = library();
    // Named through a link, and relative to it: the files' keys are as
    // given, their links resolve by their real paths.
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(dir.path(), elsewhere.path().join("lib")).unwrap();
    let given = elsewhere.path().join("lib");
    let cache = tempfile::tempdir().unwrap();
    let plain = Library::from_paths(std::slice::from_ref(&given));
    assert_eq!(plain.error_count(), 0, "{:?}", plain.diagnostics);
    let (first, parsed) = load(&given, cache.path());
    assert_eq!(parsed, 3, "alpha, beta and notes are parsed the first time");
    let (second, parsed) = load(&given, cache.path());
    assert_eq!(parsed, 0);
    assert_eq!(summary(&first), summary(&plain));
    assert_eq!(summary(&second), summary(&plain));
    // Links between briefs resolve from the cache as from a parse.
    assert_eq!(
        format!("{:?}", second.backlinks),
        format!("{:?}", plain.backlinks)
    );
    let alpha = &second.briefs[second.by_id("alpha").unwrap().0];
    assert!(!alpha.source.is_read(), "no text is read at start");
    let plain_alpha = &plain.briefs[plain.by_id("alpha").unwrap().0];
    assert_eq!(alpha.source.text(), plain_alpha.source.text());
    assert_eq!(alpha.source.body(), plain_alpha.source.body());
    assert!(alpha.source.is_read());
}

#[test]
fn one_folder_named_two_ways_shares_its_cache() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    // A warning the parse gives (kept in the cache with the file's name).
    edit(
        &dir.path().join("alpha.md"),
        "tags = [\"semiconductors\"]\n",
        "tags = [\"semiconductors\", \"okapis\"]\n",
    );
    let full = dir.path().to_path_buf();
    let dotted = dir.path().join(".");
    let (_, parsed) = load(&full, cache.path());
    assert_eq!(parsed, 3);
    // `briefing .` in the folder, then its full path, then again: the
    // files are the same files, read from the cache every time, and the
    // problems name them as this start names them.
    for given in [&dotted, &full, &dotted] {
        let plain = Library::from_paths(std::slice::from_ref(given));
        assert!(
            plain
                .diagnostics
                .iter()
                .any(|d| d.path.starts_with(&given.display().to_string())
                    && d.message.contains("okapis")),
            "{:?}",
            plain.diagnostics
        );
        let (lib, parsed) = load(given, cache.path());
        assert_eq!(parsed, 0, "{}", given.display());
        assert_eq!(summary(&lib), summary(&plain), "{}", given.display());
    }
}

#[test]
fn an_edit_a_deletion_a_rename_and_a_new_file_are_seen_on_the_next_start() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    load(dir.path(), cache.path());

    // A new title and a new figure.
    let alpha = dir.path().join("alpha.md");
    edit(
        &alpha,
        "title = \"Alpha: A Test Brief on Chips\"",
        "title = \"Alpha, retitled\"",
    );
    edit(
        &alpha,
        "[[figures]]\n",
        "[[figures]]\nid = \"new-figure\"\nvalue = \"12 percent\"\nlabel = \"a figure added by an edit\"\nsection = \"economy\"\nsource = \"Test Survey\"\n\n[[figures]]\n",
    );
    edit(
        &alpha,
        "## Economy\n",
        "## Economy\n\nAn edit adds [12 percent](fig:new-figure).\n",
    );
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 1, "only the edited file is parsed");
    let a = &lib.briefs[lib.by_id("alpha").unwrap().0];
    assert_eq!(a.meta.title, "Alpha, retitled");
    assert!(
        a.figures()
            .iter()
            .any(|f| f.id == "new-figure" && f.value == "12 percent")
    );
    assert_eq!(
        summary(&lib),
        summary(&Library::from_paths(&[dir.path().to_path_buf()]))
    );

    // A deletion and a rename.
    std::fs::remove_file(dir.path().join("notes.md")).unwrap();
    std::fs::rename(dir.path().join("beta.md"), dir.path().join("gamma.md")).unwrap();
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 1, "the renamed file is parsed under its new name");
    assert_eq!(
        summary(&lib),
        summary(&Library::from_paths(&[dir.path().to_path_buf()]))
    );
    assert!(
        lib.briefs
            .iter()
            .all(|b| !b.source.name.ends_with("notes.md"))
    );
    assert!(
        lib.briefs
            .iter()
            .any(|b| b.source.name.ends_with("gamma.md"))
    );
    assert_eq!(
        Cache::open(cache.path()).unwrap().len(),
        2,
        "the deleted and the renamed file are forgotten"
    );

    // A new file.
    std::fs::write(
        dir.path().join("delta.md"),
        "+++\nid = \"delta\"\ntitle = \"Delta\"\nshort_title = \"Delta\"\n+++\n\n## One\n\nText.\n",
    )
    .unwrap();
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 1);
    assert!(lib.by_id("delta").is_some());
    assert_eq!(
        summary(&lib),
        summary(&Library::from_paths(&[dir.path().to_path_buf()]))
    );
}

#[test]
fn a_brief_with_errors_keeps_them_from_the_cache() {
    let dir = library();
    edit(&dir.path().join("beta.md"), "id = \"beta\"", "id = 7");
    let cache = tempfile::tempdir().unwrap();
    let plain = Library::from_paths(&[dir.path().to_path_buf()]);
    assert!(plain.error_count() > 0);
    load(dir.path(), cache.path());
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 0);
    assert_eq!(summary(&lib), summary(&plain));
}

#[test]
fn a_damaged_cache_is_rebuilt_quietly() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let plain = summary(&Library::from_paths(&[dir.path().to_path_buf()]));
    let (_, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 3);
    // Not a database at all.
    let file = cache.path().join("library.sqlite");
    for end in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(cache.path().join(format!("library.sqlite{end}")));
    }
    std::fs::write(&file, b"this is not a database, and never was").unwrap();
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 3, "everything is parsed again");
    assert_eq!(summary(&lib), plain);
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 0, "and kept again");
    assert_eq!(summary(&lib), plain);

    // A record that does not read back is parsed again.
    spoil_records(&file);
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 3);
    assert_eq!(summary(&lib), plain);
}

/// Spoils the stored records through SQLite itself, as a crash of some
/// other program might.
fn spoil_records(file: &Path) {
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.execute(
        "UPDATE files SET summary = x'ff00ff', detail = x'ff00ff'",
        [],
    )
    .unwrap();
}

#[test]
fn a_cache_folder_that_cannot_be_made_is_not_used() {
    let dir = library();
    let home = tempfile::tempdir().unwrap();
    // A file where the folder should be: nothing can be made below it,
    // whoever runs the test.
    let blocker = home.path().join("blocked");
    std::fs::write(&blocker, "a file").unwrap();
    let err = Cache::open(&blocker.join("briefing")).expect_err("an error");
    assert!(err.contains("cannot make"), "{err}");
    // The reader says so in one line and reads the library all the same.
    let h = Home::new();
    let lib = dir.path().to_str().unwrap();
    let s = Session::start_with(
        &h,
        &["-L", lib],
        &[("XDG_CACHE_HOME", blocker.to_str().unwrap())],
    );
    s.wait_for_ui("reading without the library cache: cannot make");
    let screen = s.screen();
    assert!(screen.contains("Alpha"), "{screen}");
    assert_eq!(
        screen.lines().filter(|l| l.contains("cache")).count(),
        1,
        "{screen}"
    );
}

#[test]
fn a_read_only_cache_file_is_not_used() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    load(dir.path(), cache.path());
    let file = cache.path().join("library.sqlite");
    let mut perms = std::fs::metadata(&file).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&file, perms).unwrap();
    let writable = std::fs::metadata(cache.path()).unwrap().permissions();
    std::fs::set_permissions(cache.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    // Whoever can still write (root can) just uses it; anyone else gets
    // an error to show, never a panic, and the library loads without it.
    let plain = summary(&Library::from_paths(&[dir.path().to_path_buf()]));
    match Cache::open(cache.path()) {
        Ok(c) => {
            let (lib, pending) = Library::from_paths_cached(
                &[dir.path().to_path_buf()],
                &c,
                None,
                Changed::ParseAll,
            );
            let _ = pending.write(&c);
            assert_eq!(summary(&lib), plain);
        }
        Err(e) => assert!(e.contains("cache"), "{e}"),
    }
    std::fs::set_permissions(cache.path(), writable).unwrap();
}

#[test]
fn two_readers_share_one_cache() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let plain = summary(&Library::from_paths(&[dir.path().to_path_buf()]));
    let paths: Vec<PathBuf> = vec![dir.path().to_path_buf()];
    let results: Vec<Vec<String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let mut seen = Vec::new();
                    for _ in 0..5 {
                        let c = Cache::open(cache.path()).unwrap_or_else(|e| panic!("{e}"));
                        let (lib, pending) =
                            Library::from_paths_cached(&paths, &c, None, Changed::ParseAll);
                        pending.write(&c).expect("write while another writes");
                        seen = summary(&lib);
                    }
                    seen
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for r in results {
        assert_eq!(r, plain);
    }
    let (_, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 0);
}

#[test]
fn a_file_changed_after_the_start_gives_no_stale_text() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    load(dir.path(), cache.path());
    let (lib, _) = load(dir.path(), cache.path());
    // Changed between the start and the opening of the brief: the text
    // read then would not match the sections kept, so none is given (the
    // watcher reads the library again).
    edit(
        &dir.path().join("alpha.md"),
        "## Economy",
        "## Economy and more",
    );
    let a = &lib.briefs[lib.by_id("alpha").unwrap().0];
    assert_eq!(a.source.text().as_str(), "");
}

#[test]
fn the_finder_is_built_from_the_cache_without_reading_a_text() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let plain = Library::from_paths(&[dir.path().to_path_buf()]);
    load(dir.path(), cache.path());
    let (lib, _) = load(dir.path(), cache.path());
    let index = briefing::lookup::Index::new(&lib);
    assert!(
        lib.briefs.iter().all(|b| !b.source.is_read()),
        "the sentences that mention each figure come from the cache"
    );
    let plain_index = briefing::lookup::Index::new(&plain);
    let ranked = |lib: &Library, index: &briefing::lookup::Index, q: &str| -> Vec<String> {
        briefing::lookup::Finder::default()
            .rank(index, q)
            .iter()
            .map(|h| {
                lib.briefs[h.figure.brief.0].figures()[h.figure.figure.0]
                    .id
                    .clone()
            })
            .collect()
    };
    for q in ["chips china", "poll america first", "troops"] {
        assert_eq!(
            ranked(&lib, &index, q),
            ranked(&plain, &plain_index, q),
            "{q}"
        );
        assert!(!ranked(&lib, &index, q).is_empty() || q == "troops", "{q}");
    }
}

#[test]
fn a_broken_edit_keeps_the_last_good_version_only_of_a_text_that_was_read() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    load(dir.path(), cache.path());
    let (lib, _) = load(dir.path(), cache.path());
    // Beta was opened (its text read); alpha was not.
    let beta = &lib.briefs[lib.by_id("beta").unwrap().0];
    let beta_text = beta.source.text().to_string();
    assert!(beta_text.contains("id = \"beta\""));
    edit(&dir.path().join("alpha.md"), "id = \"alpha\"", "id = 7");
    edit(&dir.path().join("beta.md"), "id = \"beta\"", "id = 8");
    let (after, kept) = lib.reload(&[dir.path().to_path_buf()]);
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].ends_with("beta.md"));
    let beta = &after.briefs[after.by_id("beta").unwrap().0];
    assert_eq!(beta.source.text().as_str(), beta_text);
    // Alpha is left out with its error, not kept as an empty brief.
    assert!(after.by_id("alpha").is_none());
    assert!(
        after
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.path.ends_with("alpha.md")),
        "{:?}",
        after.diagnostics
    );
}

#[test]
fn a_writer_commits_only_a_whole_load() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let paths = vec![dir.path().to_path_buf()];
    // A load that never ends (the reader killed while it loaded): nothing
    // is written.
    {
        let (reading, writer) = reading_and_writer(cache.path());
        let (_, pending) =
            Library::from_paths_cached(&paths, &reading, Some(&writer), Changed::ParseAll);
        assert_eq!(pending.parsed(), 3);
        drop(writer);
    }
    assert_eq!(Cache::open(cache.path()).unwrap().len(), 0);
    // A whole load is kept.
    let (reading, writer) = reading_and_writer(cache.path());
    let (lib, pending) =
        Library::from_paths_cached(&paths, &reading, Some(&writer), Changed::ParseAll);
    assert!(pending.is_empty(), "the files went to the writer");
    writer.finish(pending).wait().unwrap();
    let (again, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 0);
    assert_eq!(summary(&again), summary(&lib));
}

#[test]
fn a_writer_that_cannot_store_says_why_when_it_ends() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let paths = vec![dir.path().to_path_buf()];
    let (reading, writer) = reading_and_writer(cache.path());
    let progress = writer.progress();
    let (_, pending) =
        Library::from_paths_cached(&paths, &reading, Some(&writer), Changed::ParseAll);
    // Another program takes the table away before the writer stores.
    let file = cache.path().join("library.sqlite");
    rusqlite::Connection::open(&file)
        .unwrap()
        .execute_batch("DROP TABLE files;")
        .unwrap();
    let ended = writer.finish(pending).wait();
    assert!(ended.is_err(), "{ended:?}");
    assert!(progress.is_done());
    let why = progress.failure().expect("a reason");
    assert!(why.contains("cannot write the cache"), "{why}");
    assert_eq!(progress.counts().0, 0, "nothing was stored");
}

#[test]
fn the_reader_keeps_its_cache_and_shows_an_edit_on_the_next_start() {
    let dir = library();
    let h = Home::new();
    let lib = dir.path().to_str().unwrap();
    let mut s = Session::start(&h, &["-L", lib]);
    s.wait_for_ui("Alpha  Test Institute");
    s.keys("q");
    s.wait_exit();
    // Counted through SQLite: `Cache::open` from this test program would
    // empty a cache another build wrote.
    let file = h.cache().join("briefing").join("library.sqlite");
    let rows: i64 = rusqlite::Connection::open(&file)
        .unwrap()
        .query_row("SELECT count(*) FROM files", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 3, "the first start wrote the cache before it ended");
    edit(
        &dir.path().join("alpha.md"),
        "short_title = \"Alpha\"",
        "short_title = \"Alpha Edited\"",
    );
    let mut s = Session::start(&h, &["-L", lib]);
    s.wait_for_ui("Alpha Edited  Test Institute");
    s.keys("q");
    s.wait_exit();
}

#[test]
fn a_writer_stopped_early_keeps_whole_files_and_the_next_start_parses_the_rest() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let paths = vec![dir.path().to_path_buf()];
    let plain = summary(&Library::from_paths(&paths));
    let (reading, writer) = reading_and_writer(cache.path());
    let (_, pending) =
        Library::from_paths_cached(&paths, &reading, Some(&writer), Changed::ParseAll);
    // Stopped at once: anywhere from none to all of the files are kept,
    // each whole.
    writer.finish(pending).stop().unwrap();
    let kept = Cache::open(cache.path()).unwrap().len();
    assert!(kept <= 3);
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 3 - kept);
    assert_eq!(summary(&lib), plain);
    let (lib, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 0);
    assert_eq!(summary(&lib), plain);
}

#[test]
fn the_watcher_reads_only_what_changed_through_the_cache() {
    let dir = library();
    let cache = tempfile::tempdir().unwrap();
    let paths = vec![dir.path().to_path_buf()];
    load(dir.path(), cache.path());
    let (lib, _) = load(dir.path(), cache.path());
    let c = Cache::open(cache.path()).unwrap();

    // A good edit: the new title is there, and the untouched briefs'
    // texts are still unread.
    edit(
        &dir.path().join("alpha.md"),
        "short_title = \"Alpha\"",
        "short_title = \"Alpha Two\"",
    );
    let (after, kept) = lib.reload_cached(&paths, &c, Changed::ParseAll);
    assert!(kept.is_empty());
    assert_eq!(summary(&after), summary(&Library::from_paths(&paths)));
    let a = &after.briefs[after.by_id("alpha").unwrap().0];
    assert_eq!(a.meta.short_title, "Alpha Two");
    let b = &after.briefs[after.by_id("beta").unwrap().0];
    assert!(!b.source.is_read(), "beta did not change and was not read");
    // And it is stored: the next start parses nothing.
    let (_, parsed) = load(dir.path(), cache.path());
    assert_eq!(parsed, 0);

    // A broken edit of a brief being read keeps its last good version, as
    // a reload without the cache does.
    let (lib, _) = load(dir.path(), cache.path());
    let text = lib.briefs[lib.by_id("alpha").unwrap().0]
        .source
        .text()
        .to_string();
    edit(&dir.path().join("alpha.md"), "id = \"alpha\"", "id = 9");
    let (after, kept) = lib.reload_cached(&paths, &c, Changed::ParseAll);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let a = &after.briefs[after.by_id("alpha").unwrap().0];
    assert_eq!(a.source.text().as_str(), text);
    assert!(after.error_count() > 0);
}
