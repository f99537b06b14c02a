//! The reader made the user's own: remapped keys, themes, colour off, the
//! saved place, bookmarks, live reload and the problems list.

use std::path::{Path, PathBuf};

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use super::{press, render, screen, section_title, type_text};
use crate::config::Config;
use crate::library::Library;
use crate::model::BriefIdx;
use crate::state::{self, State};
use crate::theme::Slot;
use crate::theme::Theme;
use crate::tui::app::*;
use crate::tui::views;
use ratatui::layout::Rect;

fn app_with(lib: Library, keymap: Keymap, theme: Theme) -> App {
    App::new(lib, keymap, theme, Rect::new(0, 0, 140, 40))
}

fn app() -> App {
    app_with(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
    )
}

/// The first cell (x, y) in `area` where `needle` starts.
fn find(buf: &Buffer, area: Rect, needle: &str) -> Option<(u16, u16)> {
    let first = needle.chars().next()?.to_string();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let hit = needle.chars().enumerate().all(|(i, c)| {
                let x = x + u16::try_from(i).unwrap_or(u16::MAX);
                buf.cell((x, y))
                    .is_some_and(|cell| cell.symbol() == c.to_string())
            });
            if hit && buf.cell((x, y)).is_some_and(|c| c.symbol() == first) {
                return Some((x, y));
            }
        }
    }
    None
}

#[test]
fn a_remapped_key_drives_its_action_and_the_help_shows_it() {
    let config = Config::parse(
        "[keys.global]\n\"z\" = \"timeline\"\n\"T\" = \"none\"\n\"ctrl-k\" = \"find_figure\"\n",
        "config.toml",
    )
    .expect("config");
    let mut keys = Keymap::default_keys();
    keys.apply(&config.keys).expect("valid keys");
    let mut a = app_with(Library::embedded(), keys, Theme::default_theme());
    press(&mut a, "T");
    assert!(!a.views.is_open(), "T is unbound");
    press(&mut a, "z");
    assert!(a.views.showing::<views::Timeline>());
    press(&mut a, "esc ctrl-k");
    assert!(a.views.showing::<views::Finder>());
    press(&mut a, "esc ? / T i m e l i n e");
    let help = screen(&a);
    let line = help
        .lines()
        .find(|l| l.contains("Timeline of every dated event"))
        .expect("the timeline action is listed");
    assert!(line.contains(" z "), "{line}");
    assert!(!line.contains(" T "), "{line}");
    press(&mut a, "esc esc ? / f i g u r e");
    let help = screen(&a);
    assert!(help.contains("ctrl-k"), "{help}");
}

#[test]
fn t_cycles_through_the_themes_and_every_theme_renders() {
    let mut a = app();
    // As at start: the built-in themes are read when `t` needs them.
    a.themes = crate::theme::Themes::new(Vec::new(), Theme::default_theme());
    let count = a.themes.clone().all().len();
    assert!(count >= 4, "dark, light, high-contrast and one more");
    let mut seen = Vec::new();
    let mut screens = Vec::new();
    for _ in 0..count {
        let buf = render(&a);
        // The brief's title is drawn in the theme's first heading style,
        // on the theme's own paper.
        let (x, y) = find(&buf, a.desk.geometry.text, "Digital Allies").expect("title on screen");
        let cell = buf.cell((x + 3, y)).expect("cell");
        let want = a.theme.heading(1);
        assert_eq!(cell.fg, want.fg.unwrap_or(Color::Reset), "{}", a.theme.name);
        assert!(cell.modifier.contains(Modifier::BOLD), "{}", a.theme.name);
        let paper = a.theme.get(Slot::Background).bg.unwrap_or(Color::Reset);
        let corner = buf
            .cell((
                a.desk.geometry.text.x + 1,
                a.desk.geometry.text.bottom() - 1,
            ))
            .expect("cell");
        assert_eq!(corner.bg, paper, "{}", a.theme.name);
        seen.push(a.theme.name.clone());
        screens.push(buf);
        press(&mut a, "t");
        assert_eq!(
            a.desk.message.as_deref(),
            Some(&*format!("theme: {}", a.theme.name))
        );
    }
    assert_eq!(a.theme.name, seen[0], "cycling comes round");
    for name in ["dark", "light", "high-contrast", "harbor"] {
        assert!(seen.iter().any(|s| s == name), "{name} in {seen:?}");
    }
    for (i, s) in screens.iter().enumerate().skip(1) {
        assert_ne!(*s, screens[0], "{} looks like {}", seen[i], seen[0]);
    }
}

#[test]
fn without_colour_nothing_is_coloured_and_emphasis_still_shows() {
    for name in Theme::builtin_names() {
        let mut theme = Theme::builtin(name).expect("theme");
        theme.monochrome = true;
        let mut a = app_with(Library::embedded(), Keymap::default_keys(), theme);
        // A figure mention on screen, a selected link, a search match.
        press(&mut a, "3");
        // The pillar's heading (the selected link may lie deeper).
        let heading = section_title(&a);
        press(&mut a, "l");
        let buf = render(&a);
        for cell in buf.content() {
            assert_eq!(cell.fg, Color::Reset, "{name}: a coloured cell");
            assert_eq!(cell.bg, Color::Reset, "{name}: a coloured background");
        }
        let reversed = buf
            .content()
            .iter()
            .filter(|c| c.modifier.contains(Modifier::REVERSED))
            .count();
        assert!(reversed > 0, "{name}: the selection stands out by reverse");
        let (x, y) = find(&buf, a.desk.geometry.text, &heading).expect("heading");
        let title = buf.cell((x, y)).expect("cell");
        assert!(
            title.modifier.contains(Modifier::BOLD),
            "{name}: headings bold"
        );
        let link = a.theme.get(Slot::Link);
        assert!(
            link.add_modifier.contains(Modifier::UNDERLINED),
            "{name}: links underlined"
        );
        let value = a.theme.get(Slot::Mention);
        assert!(
            !value.add_modifier.is_empty(),
            "{name}: figure mentions have a modifier"
        );
    }
}

fn saved_app(dir: &Path) -> App {
    let mut a = app();
    a.desk.saved = crate::state::Saved {
        state: State::default(),
        path: Some(dir.join("state.json")),
        noted: None,
        fresh: false,
    };
    a
}

#[test]
fn bookmarks_are_marked_listed_opened_and_deleted_and_saved_at_once() {
    let dir = tempfile::tempdir().expect("dir");
    let mut a = saved_app(dir.path());
    press(&mut a, "3 m");
    let marked = section_title(&a);
    assert!(
        a.desk
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("bookmarked: Digital Allies › ")),
        "{:?}",
        a.desk.message
    );
    let (on_disk, warning) = State::load(&dir.path().join("state.json"));
    assert_eq!(warning, None);
    assert_eq!(on_disk.bookmarks().len(), 1);
    press(&mut a, "] ] ] m");
    assert_eq!(a.desk.saved.state.bookmarks().len(), 2);
    press(&mut a, "'");
    assert!(a.views.showing::<views::Bookmarks>());
    let listed = screen(&a);
    assert!(
        listed.contains(&format!("Digital Allies › {marked}")),
        "{listed}"
    );
    press(&mut a, "enter");
    assert!(!a.views.is_open());
    assert_eq!(section_title(&a), marked);
    press(&mut a, "' j d");
    assert_eq!(a.desk.saved.state.bookmarks().len(), 1);
    let (on_disk, _) = State::load(&dir.path().join("state.json"));
    assert_eq!(on_disk.bookmarks().len(), 1);
    press(&mut a, "d esc");
    let closed = screen(&a);
    assert!(a.desk.saved.state.bookmarks().is_empty());
    press(&mut a, "'");
    let screen_empty = screen(&a);
    assert!(
        screen_empty.contains("No bookmarks yet: m marks"),
        "{screen_empty}\n{closed}"
    );
}

#[test]
fn the_reader_reopens_where_it_was_and_each_brief_at_its_own_place() {
    let dir = tempfile::tempdir().expect("dir");
    let mut a = saved_app(dir.path());
    press(&mut a, "] ] ] ] ] ]");
    press(&mut a, "j j j");
    let (brief, section, top) = (a.desk.reader.brief, section_title(&a), a.desk.reader.top);
    assert_ne!(brief, BriefIdx(0), "moved on to another brief");
    a.desk.save_state().expect("saved");

    let mut b = saved_app(dir.path());
    let (state, warning) = State::load(&dir.path().join("state.json"));
    assert_eq!(warning, None);
    b.desk.saved.state = state;
    assert!(b.desk.restore_last());
    assert_eq!(b.desk.reader.brief, brief);
    assert_eq!(section_title(&b), section);
    assert_eq!(b.desk.reader.top, top);
    // The first brief was left at its pillar 3.
    let first = b.desk.saved.state.place(&b.desk.lib.briefs[0].meta.id);
    assert!(first.is_some_and(|p| p.block > 0));

    // A place in a section that is gone falls back to the block.
    let mut c = saved_app(dir.path());
    c.desk.saved.state.set_place(
        "peninsula-plus",
        state::Place {
            section: "no-such-section".into(),
            block: 3,
        },
    );
    assert!(c.desk.restore_last());
    assert_eq!(
        c.desk.lib.briefs[c.desk.reader.brief.0].meta.id,
        "peninsula-plus"
    );
    // And a brief that is gone opens nothing.
    c.desk.saved.state.set_place(
        "gone",
        state::Place {
            section: String::new(),
            block: 0,
        },
    );
    assert!(!c.desk.restore_last());
}

fn copy_fixture_library(to: &Path) -> PathBuf {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    for f in ["alpha.md", "beta.md", "notes.md"] {
        std::fs::copy(from.join(f), to.join(f)).expect("copy");
    }
    to.to_path_buf()
}

/// The reader on a copy of the fixture library in `dir`: the app, the
/// paths it reloads from, and the copy's folder.
fn reloadable(dir: &Path) -> (App, Vec<PathBuf>, PathBuf) {
    let root = copy_fixture_library(dir);
    let paths = vec![root.clone()];
    let a = app_with(
        Library::from_paths(&paths),
        Keymap::default_keys(),
        Theme::default_theme(),
    );
    (a, paths, root)
}

#[test]
fn the_finder_works_after_a_reload_with_a_new_index() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut a, paths, root) = reloadable(dir.path());
    // Indexed in the background, as a large library is.
    a.desk.finder.index_background_from = 0;
    a.first_screen_shown();
    press(&mut a, "f");
    type_text(&mut a, "s");
    if a.desk.finder.take_index(&a.desk.lib, true) {
        a.desk.finder.refresh();
    }
    let before = a.desk.finder.hits.len();
    assert!(before > 0);
    let old = a.desk.finder.index.clone().expect("index");

    // A figure added: the reload brings a new index, built afresh.
    let alpha = root.join("alpha.md");
    let text = std::fs::read_to_string(&alpha).expect("read");
    let figure = "[[figures]]\nid = \"extra\"\nvalue = \"99 s\"\nlabel = \"an extra\"\nsection = \"economy\"\nsource = \"s\"\n\n+++";
    let edited = text.replacen("\n+++", &format!("\n{figure}"), 1).replacen(
        "## Opinion",
        "See [the extra](fig:extra).\n\n## Opinion",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&alpha, &edited).expect("write");
    let (lib, kept) = a.desk.lib.reload(&paths);
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
    a.reload(lib, &kept);
    // The old index is gone and a new one is being built (with the finder
    // open, the reload may already have taken it in if the build was quick).
    assert!(
        a.desk
            .finder
            .index
            .as_ref()
            .is_none_or(|i| !std::sync::Arc::ptr_eq(i, &old)),
        "the old index is gone"
    );
    assert!(
        a.desk.finder.building.is_some() || a.desk.finder.index.is_some(),
        "the new one is being built"
    );
    press(&mut a, "esc f");
    type_text(&mut a, "s");
    if a.desk.finder.take_index(&a.desk.lib, true) {
        a.desk.finder.refresh();
    }
    let index = a.desk.finder.index.clone().expect("index");
    assert!(!std::sync::Arc::ptr_eq(&old, &index));
    assert_eq!(index.entries.len(), a.desk.lib.figures().count());
    assert_eq!(a.desk.finder.hits.len(), before + 1);
    // Every hit is an entry of the new index, ranked as a fresh finder would.
    assert_eq!(
        a.desk.finder.hits,
        crate::lookup::Finder::typing().rank(&index, "s")
    );
    for h in &a.desk.finder.hits {
        assert!(index.hit(h).is_some());
    }
}

#[test]
fn a_reload_keeps_the_place_the_outline_and_lists_new_problems() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut a, paths, root) = reloadable(dir.path());
    press(&mut a, "] ]");
    assert_eq!(section_title(&a), "Opinion");
    // Open Beta in the outline as well.
    press(&mut a, "shift-tab G l tab");
    let rows_before = a.desk.outline.rows(&a.desk.lib, a.desk.current()).len();

    // A paragraph added above: the reader stays in its section.
    let alpha = root.join("alpha.md");
    let original = std::fs::read_to_string(&alpha).expect("read");
    let edited = original.replacen("## Economy", "A new opening paragraph.\n\n## Economy", 1);
    std::fs::write(&alpha, &edited).expect("write");
    let (lib, kept) = a.desk.lib.reload(&paths);
    assert!(kept.is_empty());
    a.reload(lib, &kept);
    assert_eq!(section_title(&a), "Opinion");
    assert_eq!(
        a.desk.outline.rows(&a.desk.lib, a.desk.current()).len(),
        rows_before
    );
    assert_eq!(a.desk.message.as_deref(), Some("reloaded"));
    assert!(screen(&a).contains("Opinion"));

    // A broken link: the problem is reported and listed, the reader stays.
    std::fs::write(
        &alpha,
        edited.replacen("## Opinion", "See [x](#nowhere).\n\n## Opinion", 1),
    )
    .expect("write");
    let (lib, kept) = a.desk.lib.reload(&paths);
    a.reload(lib, &kept);
    let msg = a.desk.message.clone().unwrap_or_default();
    assert_eq!(
        msg,
        "1 problem (D lists them); showing the last good version of alpha.md"
    );
    // The brief being edited stays, as it was last good.
    assert_eq!(section_title(&a), "Opinion");
    assert!(screen(&a).contains("Opinion"));
    press(&mut a, "D");
    assert!(a.views.showing::<views::Problems>());
    let problems = screen(&a);
    assert!(
        problems.contains("Problems: 1 error, 0 warnings"),
        "{problems}"
    );
    assert!(problems.contains("alpha.md:"), "{problems}");
    assert!(problems.contains("#nowhere"), "{problems}");
}
