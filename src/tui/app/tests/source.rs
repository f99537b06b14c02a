//! The source passage on the test fixtures, and on the embedded library
//! where its source texts are at hand.

use crate::tui::testkit::{press, screen};
use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::library::Library;
use crate::theme::Theme;
use crate::tui::app::{App, Focus};
use crate::tui::keymap::Keymap;
use crate::tui::ui;
use crate::tui::views::*;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn app_on(lib: Library, sources: Option<PathBuf>, w: u16, h: u16) -> App {
    let mut a = App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    );
    a.desk.outside.sources = sources;
    a
}

fn fixtures(sources: Option<PathBuf>) -> App {
    let lib = Library::from_paths(&[manifest().join("tests/fixtures/library")]);
    app_on(lib, sources, 100, 24)
}

fn found(app: &App) -> Option<Found> {
    app.views.get::<Source>().and_then(Source::found).cloned()
}

/// Enter on the first figure filed under pillar `n` of the brief, in the
/// panel.
fn trace_first_figure(app: &mut App, pillar: &str) {
    press(app, pillar);
    app.desk.show_side(Focus::Panel, true);
    app.desk.focus = Focus::Panel;
    let section = app.desk.reader.section();
    let brief = app.desk.lib.brief(app.desk.reader.brief).expect("brief");
    let at = crate::tui::panel::items(&app.desk.lib, &app.desk.reader)
        .iter()
        .position(|it| {
            matches!(it, crate::tui::panel::Item::Figure { figure, .. }
                if brief.figure(*figure).is_some_and(|f| f.section == Some(section)))
        })
        .expect("a figure of the section in the panel");
    press(app, "g");
    for _ in 0..at {
        press(app, "j");
    }
    press(app, "enter");
}

#[test]
fn enter_on_a_figure_shows_its_passage_with_file_and_line() {
    let mut a = fixtures(Some(manifest().join("tests/fixtures/sources")));
    trace_first_figure(&mut a, "1");
    assert!(a.views.showing::<Source>());
    let Some(Found::Passage {
        file,
        line,
        text,
        value,
    }) = found(&a)
    else {
        panic!("no passage: {:?}", found(&a));
    };
    assert_eq!((file.as_str(), line), ("alpha.txt", 1));
    assert_eq!(&text[value], "60 percent");
    assert!(text.starts_with("Korea exports"), "{text}");
    let s = screen(&a);
    assert!(s.contains("alpha.txt:1"), "{s}");
    insta::assert_snapshot!(s);
    // The value is marked in the passage.
    let area = a.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, &a)).expect("draw");
    let mark = a.theme.get(crate::theme::Slot::MentionHighlight);
    assert!(mark.bg.is_some(), "the theme marks with a background");
    let buf = t.backend().buffer();
    let marked: String = (0..area.height)
        .flat_map(|y| (0..area.width).map(move |x| (x, y)))
        .filter_map(|p| buf.cell(p))
        .filter(|c| Some(c.bg) == mark.bg)
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert_eq!(marked, "60 percent", "only the value is marked");
    // Esc closes it; the figure stays highlighted in the text.
    press(&mut a, "esc");
    assert!(!a.views.is_open());
    assert!(a.desk.reader.highlight.is_some());
}

#[test]
fn the_second_pillar_figure_is_found_on_the_second_line() {
    let mut a = fixtures(Some(manifest().join("tests/fixtures/sources")));
    trace_first_figure(&mut a, "2");
    assert!(matches!(found(&a), Some(Found::Passage { line: 2, .. })));
    assert!(screen(&a).contains("alpha.txt:2"));
}

#[test]
fn without_sources_it_says_how_to_give_them() {
    let mut a = fixtures(None);
    trace_first_figure(&mut a, "1");
    assert_eq!(found(&a), Some(Found::NoSources));
    let s = screen(&a);
    assert!(s.contains("--sources DIR"), "{s}");
    assert!(s.contains("config.toml"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn a_value_not_in_the_source_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("alpha.txt"), "Nothing of the kind here.\n").expect("write");
    let mut a = fixtures(Some(dir.path().to_path_buf()));
    trace_first_figure(&mut a, "1");
    assert_eq!(
        found(&a),
        Some(Found::Missing {
            file: "alpha.txt".into()
        })
    );
    let s = screen(&a);
    assert!(s.contains("“60 percent” was not found in alpha.txt"), "{s}");
}

#[test]
fn a_brief_without_a_source_text_says_so() {
    let mut a = fixtures(Some(manifest().join("tests/fixtures/sources")));
    // Beta, the second brief, names no source text.
    press(&mut a, "] ] ]");
    assert_eq!(
        a.desk
            .lib
            .brief(a.desk.reader.brief)
            .map(|b| b.meta.id.as_str()),
        Some("beta")
    );
    trace_first_figure(&mut a, "1");
    assert!(
        matches!(found(&a), Some(Found::Unavailable(ref e)) if e.contains("no source_text")),
        "{:?}",
        found(&a)
    );
    assert!(screen(&a).contains("No source passage: no source_text"));
}

#[test]
fn a_source_text_is_read_once() {
    let dir = tempfile::tempdir().expect("dir");
    let src = manifest().join("tests/fixtures/sources/alpha.txt");
    std::fs::copy(&src, dir.path().join("alpha.txt")).expect("copy");
    let mut a = fixtures(Some(dir.path().to_path_buf()));
    trace_first_figure(&mut a, "1");
    assert!(matches!(found(&a), Some(Found::Passage { line: 1, .. })));
    press(&mut a, "esc");
    // Gone from the disk, it is still at hand for the brief's other figure.
    std::fs::remove_file(dir.path().join("alpha.txt")).expect("remove");
    trace_first_figure(&mut a, "2");
    assert!(
        matches!(found(&a), Some(Found::Passage { line: 2, .. })),
        "{:?}\n{}",
        found(&a),
        screen(&a)
    );
}

/// The embedded library against its own source texts, where they are.
fn seeds() -> Option<PathBuf> {
    let beside = manifest().join("../shared/seeds");
    if beside.is_dir() {
        return Some(beside);
    }
    std::env::var_os("BRIEFING_SEEDS")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
}

#[test]
fn the_embedded_library_traces_to_its_seeds() {
    let Some(dir) = seeds() else {
        eprintln!("no ../shared/seeds: skipped");
        return;
    };
    let mut a = app_on(Library::embedded(), Some(dir), 120, 30);
    // The first figure mentioned in the library, jumped to, leads the
    // panel.
    let first = a
        .desk
        .lib
        .briefs
        .iter()
        .enumerate()
        .find_map(|(i, b)| {
            Some(crate::model::FigureRef {
                brief: crate::model::BriefIdx(i),
                figure: b.mentions().iter().find_map(|m| m.figure)?,
            })
        })
        .expect("a figure mentioned");
    a.desk.jump_to_figure(first);
    a.desk.show_side(Focus::Panel, true);
    a.desk.focus = Focus::Panel;
    press(&mut a, "g enter");
    assert_eq!(a.desk.outside.traced, Some(first));
    let want = a
        .desk
        .lib
        .brief(first.brief)
        .and_then(|b| b.meta.source_text.clone())
        .expect("the brief names its source");
    let Some(Found::Passage { file, .. }) = found(&a) else {
        panic!("no passage: {:?}", found(&a));
    };
    assert_eq!(file, want);
    insta::assert_snapshot!(screen(&a));
}
