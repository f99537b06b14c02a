//! Home over a library of thousands: a list that pages, says which part
//! of it shows, and narrows to the briefs whose names meet what `/` types.

use super::type_text;
use crate::library::Library;
use crate::model::{BriefIdx, Origin, SourceFile};
use crate::tui::app::App;
use crate::tui::testkit::{app_on, press, screen};
use crate::tui::views::{Home, Results};

const TOPICS: [&str; 5] = [
    "shipbuilding",
    "semiconductors",
    "nuclear",
    "visas",
    "minerals",
];

/// `n` small briefs: "Brief 7: nuclear", one topic each in turn, and one
/// of them on batteries alone.
fn library(n: usize) -> Library {
    let files = (0..n)
        .map(|i| {
            let topic = if i == n / 2 {
                "batteries"
            } else {
                TOPICS[i % TOPICS.len()]
            };
            let text = format!(
                "+++\nid = \"brief-{i}\"\ntitle = \"Brief {i} on {topic}\"\n\
                 short_title = \"Brief {i}: {topic}\"\npublisher = \"Wilson Center\"\n\
                 published = \"20{:02}\"\n+++\n\n# One\n\nText on {topic}.\n",
                10 + i % 15
            );
            Ok(SourceFile::new(
                format!("brief-{i}.md"),
                Origin::Embedded,
                text,
            ))
        })
        .collect();
    Library::from_files(files)
}

fn home(n: usize, w: u16, h: u16) -> App {
    let mut a = app_on(library(n), w, h);
    a.open_view::<Home>();
    a
}

fn cursor(a: &App) -> usize {
    a.views.get::<Home>().map_or(usize::MAX, |h| h.cursor)
}

/// The brief selected: the row's brief.
fn selected(a: &App) -> Option<String> {
    let h = a.views.get::<Home>()?;
    let b = h.rows(a.desk.lib.briefs.len()).get(h.cursor)?;
    a.desk.lib.brief(b).map(|b| b.meta.id.clone())
}

#[test]
fn a_long_list_pages_and_says_which_part_shows() {
    for (w, h) in [(120, 40), (40, 12)] {
        let mut a = home(3000, w, h);
        let s = screen(&a);
        let title = s.lines().next().unwrap_or("");
        assert!(title.contains("3000 briefs"), "{w}×{h}: {s}");
        assert!(title.contains(" · 1–"), "which part shows, {w}×{h}: {s}");
        press(&mut a, "pagedown");
        let page = cursor(&a);
        assert!(page > 1, "a page is more than one brief at {w}×{h}");
        press(&mut a, "pagedown");
        assert_eq!(cursor(&a), 2 * page, "{w}×{h}");
        let s = screen(&a);
        assert!(s.contains(&format!("Brief {}: ", 2 * page)), "{w}×{h}: {s}");
        press(&mut a, "G");
        assert_eq!(cursor(&a), 2999);
        let s = screen(&a);
        assert!(s.contains("Brief 2999: "), "{w}×{h}: {s}");
        assert!(s.lines().next().unwrap_or("").contains("–3000"), "{s}");
        press(&mut a, "pageup g");
        assert_eq!(cursor(&a), 0);
    }
}

#[test]
fn typing_after_slash_narrows_the_list_and_enter_opens_the_best() {
    let mut a = home(3000, 120, 40);
    press(&mut a, "/");
    type_text(&mut a, "batteris");
    let s = screen(&a);
    assert!(s.contains("1 of 3000 meet \"batteris\""), "{s}");
    assert!(s.contains("Brief 1500: batteries"), "{s}");
    assert!(!s.contains("Brief 0: "), "{s}");
    press(&mut a, "enter");
    assert!(!a.views.is_open(), "enter opens the brief");
    assert_eq!(a.desk.reader.brief, BriefIdx(1500));
    // Home again keeps the filter, on the brief just left.
    press(&mut a, "H");
    assert_eq!(selected(&a).as_deref(), Some("brief-1500"));
    assert!(screen(&a).contains("1 of 3000 meet"));
}

#[test]
fn every_word_must_meet_and_the_arrows_move_among_those_found() {
    let mut a = home(3000, 120, 40);
    press(&mut a, "/");
    type_text(&mut a, "nuclear 2012");
    let s = screen(&a);
    // Every fifth brief is on nuclear, one in fifteen of 2012 (and all
    // of those on nuclear): those are listed, no other.
    let found: Vec<String> = a
        .views
        .get::<Home>()
        .map(|h| {
            let rows = h.rows(a.desk.lib.briefs.len());
            (0..rows.len())
                .filter_map(|r| rows.get(r))
                .filter_map(|b| a.desk.lib.brief(b))
                .map(|b| b.meta.title.clone())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(found.len(), 200, "{s}");
    assert!(found.iter().all(|t| t.contains("nuclear")), "{found:?}");
    // A title that holds a word counts more than a year: Brief 2012 first,
    // then the others in library order.
    assert_eq!(selected(&a).as_deref(), Some("brief-2012"));
    press(&mut a, "down down");
    assert_eq!(cursor(&a), 2);
    assert_eq!(selected(&a).as_deref(), Some("brief-17"));
    // Esc clears the filter and keeps the brief selected among them all.
    press(&mut a, "esc");
    assert_eq!(selected(&a).as_deref(), Some("brief-17"));
    assert_eq!(cursor(&a), 17);
    assert!(
        screen(&a)
            .lines()
            .next()
            .unwrap_or("")
            .contains("3000 briefs")
    );
}

#[test]
fn nothing_found_says_so_and_backspace_takes_back_what_was_typed() {
    let mut a = home(300, 80, 24);
    press(&mut a, "/");
    type_text(&mut a, "zzzz");
    let s = screen(&a);
    assert!(
        s.contains("no brief's name meets \"zzzz\": Tab searches their text"),
        "{s}"
    );
    press(&mut a, "enter");
    assert!(a.views.showing::<Home>(), "nothing to open");
    let s = screen(&a);
    assert!(
        s.contains("no brief's name meets \"zzzz\": Esc shows them all"),
        "the filter line is closed, Tab is no longer the search's: {s}"
    );
    press(&mut a, "/ backspace backspace backspace backspace");
    assert!(
        screen(&a)
            .lines()
            .next()
            .unwrap_or("")
            .contains("300 briefs")
    );
    // Backspace on an empty filter leaves the line; then `j` moves again.
    press(&mut a, "backspace j");
    assert_eq!(cursor(&a), 1);
}

#[test]
fn tab_searches_the_whole_library_for_what_was_typed() {
    let mut a = home(300, 120, 40);
    press(&mut a, "/");
    type_text(&mut a, "minerals");
    press(&mut a, "tab");
    assert!(a.views.showing::<Results>(), "{}", screen(&a));
    assert_eq!(a.desk.search.query, "minerals");
    assert!(screen(&a).contains("Text on minerals"), "{}", screen(&a));
}

/// Briefs `b{i}` for each `i` of `range`, in files of `dir` that sort in
/// that order.
fn small_briefs(dir: &std::path::Path, range: std::ops::Range<usize>) {
    for i in range {
        let text = format!("+++\nid = \"b{i}\"\ntitle = \"B {i}\"\n+++\n\n# One\n\nText.\n");
        std::fs::write(dir.join(format!("b{i:03}.md")), text).expect("write");
    }
}

#[test]
fn a_cache_that_could_not_keep_the_library_is_said_when_it_is_all_read() {
    use crate::library::cache::{Cache, Writer};
    use crate::library::{Changed, Library};
    let dir = tempfile::tempdir().expect("dir");
    small_briefs(dir.path(), 0..40);
    let cache = tempfile::tempdir().expect("cache");
    let paths = vec![dir.path().to_path_buf()];
    let reading = Cache::open(cache.path()).expect("open");
    let writer = Writer::start(Cache::open(cache.path()).expect("open")).expect("writer");
    let progress = writer.progress();
    let (lib, pending) =
        Library::from_paths_cached(&paths, &reading, Some(&writer), Changed::LeaveMany);
    assert_eq!(lib.briefs.len(), crate::library::FIRST_FILES);
    rusqlite::Connection::open(cache.path().join("library.sqlite"))
        .expect("sqlite")
        .execute_batch("DROP TABLE files;")
        .expect("drop");
    assert!(writer.finish(pending).wait().is_err());
    let mut a = app_on(lib, 100, 30);
    a.open_view::<Home>();
    a.watch = paths;
    a.cache = Some(cache.path().to_path_buf());
    a.catchup = Some(progress);
    a.tick();
    // The rest was read here, and the bar says why the cache has none of it.
    assert_eq!(a.desk.lib.briefs.len(), 40);
    assert!(a.catchup.is_none());
    let message = a.desk.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("library read: 40 briefs; the cache could not keep it (cannot write"),
        "{message}"
    );
}

#[test]
fn a_folder_of_new_reports_comes_in_behind_home_as_at_a_first_start() {
    use crate::library::cache::Cache;
    use crate::library::{Changed, Library};
    use crate::tui::app::Msg;
    let dir = tempfile::tempdir().expect("dir");
    small_briefs(dir.path(), 0..10);
    let cache = tempfile::tempdir().expect("cache");
    let paths = vec![dir.path().to_path_buf()];
    let c = Cache::open(cache.path()).expect("open");
    let (lib, pending) = Library::from_paths_cached(&paths, &c, None, Changed::ParseAll);
    pending.write(&c).expect("store");
    let mut a = app_on(lib, 100, 30);
    a.open_view::<Home>();
    a.watch = paths;
    a.cache = Some(cache.path().to_path_buf());
    // A hundred reports dropped into the folder while the reader runs.
    small_briefs(dir.path(), 10..110);
    a.update(Msg::FilesChanged);
    // The first few are in at once, the others are being read.
    assert_eq!(a.desk.lib.briefs.len(), 10 + crate::library::FIRST_FILES);
    assert!(a.catchup.is_some(), "the rest come in behind home");
    let until = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while a.catchup.is_some() && std::time::Instant::now() < until {
        a.tick();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(a.desk.lib.briefs.len(), 110);
    assert_eq!(a.desk.message.as_deref(), Some("library read: 110 briefs"));
    // A single edit is read at once, with nothing left for later.
    std::fs::write(
        dir.path().join("b005.md"),
        "+++\nid = \"b5\"\ntitle = \"B five\"\n+++\n\n# One\n\nText.\n",
    )
    .expect("edit");
    a.update(Msg::FilesChanged);
    assert!(a.catchup.is_none());
    let b5 = a.desk.lib.by_id("b5").and_then(|b| a.desk.lib.brief(b));
    assert_eq!(b5.map(|b| b.meta.title.as_str()), Some("B five"));
}
