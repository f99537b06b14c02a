//! The current place (bar, panel, outline), `n` from the view, `[` at the
//! title block, the outline's `h`, and the problems list after a reload.

use crate::tui::testkit::app_on;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::{press, screen, type_text};
use crate::library::Library;
use crate::model::BriefIdx;
use crate::tui::app::*;
use crate::tui::views;

/// A copy of the real briefs in `to`; the paths to reload from.
fn copy_of_briefs(to: &Path) -> Vec<PathBuf> {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    for e in std::fs::read_dir(&from).expect("briefs").flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
    }
    vec![to.to_path_buf()]
}

/// The reader on a copy of the briefs, reloaded after `colour = "red"`
/// went into one brief's front matter.
fn one_bad_key(w: u16, h: u16) -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let paths = copy_of_briefs(dir.path());
    let mut a = app_on(Library::from_paths(&paths), w, h);
    let file = dir.path().join("peninsula-plus.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replacen("\ntitle", "\ncolour = \"red\"\ntitle", 1),
    )
    .expect("write");
    let (lib, kept) = a.desk.lib.reload(&paths);
    a.reload(lib, &kept);
    (a, dir)
}

#[test]
fn a_problem_taller_than_the_list_scrolls() {
    let (mut a, _dir) = one_bad_key(40, 12);
    press(&mut a, "D");
    let s = screen(&a);
    assert!(s.contains("more ↓"), "{s}");
    assert!(!s.contains("`events`"), "{s}");
    press(&mut a, "j j j j j");
    let s = screen(&a);
    assert!(s.contains("`events`"), "{s}");
    assert!(!s.contains("more ↓"), "{s}");
    press(&mut a, "k k k k k");
    assert!(screen(&a).contains("peninsula-plus.md:3:1:"));
}

#[test]
fn one_bad_key_is_one_problem_shown_first_and_whole_and_enter_opens_it() {
    let (mut a, _dir) = one_bad_key(80, 24);
    let msg = a.desk.message.clone().unwrap_or_default();
    assert!(msg.starts_with("1 problem "), "{msg}");
    press(&mut a, "D");
    assert!(a.views.showing::<views::Problems>());
    let s = screen(&a);
    assert!(s.contains("Problems: 1 error, 0 warnings"), "{s}");
    // First, and whole: wrapped, down to the last of the expected keys.
    let first = s.lines().find(|l| l.contains(".md:")).unwrap_or_default();
    assert!(first.contains("peninsula-plus.md:3:1: error:"), "{s}");
    let flat: String = s
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("`figures`, `events`"), "{s}");
    assert!(!s.contains("missing brief"), "{s}");
    // Enter opens the brief at that line: its title block.
    a.desk.reader.open_brief(&a.desk.lib, BriefIdx(0));
    press(&mut a, "enter");
    assert!(!a.views.is_open());
    let id = &a.desk.lib.briefs[a.desk.reader.brief.0].meta.id;
    assert_eq!(id, "peninsula-plus");
    assert_eq!(a.desk.reader.top, 0);
    assert_eq!(a.desk.focus, Focus::Reader);
}

#[test]
fn problems_list_errors_before_warnings_and_enter_goes_to_the_line() {
    let dir = tempfile::tempdir().expect("dir");
    let paths = copy_of_briefs(dir.path());
    let file = dir.path().join("digital-allies.md");
    let text = std::fs::read_to_string(&file).expect("read");
    // A dangling link late in the brief (an error), and a plain file
    // whose link is not a brief (a warning) that sorts first by name.
    let at = text.rfind("\n## ").expect("a pillar");
    let mut edited = text.clone();
    edited.insert_str(at, "\n\nSee [nowhere](#nowhere).\n");
    std::fs::write(&file, edited).expect("write");
    let mut notes = String::from("# Notes\n\n");
    for i in 0..60 {
        let _ = write!(notes, "Paragraph {i}.\n\n");
    }
    notes.push_str("The last one [links to a text](y.txt).\n");
    std::fs::write(dir.path().join("a-notes.md"), notes).expect("write");
    let mut a = app_on(Library::from_paths(&paths), 100, 30);
    let errors = a.desk.lib.error_count();
    assert_eq!(errors, 1, "{:?}", a.desk.lib.diagnostics);
    assert!(a.desk.lib.diagnostics.len() > errors);
    assert!(
        !a.desk.lib.diagnostics[0].is_error(),
        "by path, the warning is first"
    );
    press(&mut a, "D");
    let s = screen(&a);
    let rows: Vec<&str> = s.lines().filter(|l| l.contains(".md:")).collect();
    assert!(rows[0].contains("error"), "{s}");
    assert!(rows[1].contains("warning"), "{s}");
    // The error's brief did not load, so Enter names it instead.
    press(&mut a, "enter");
    let msg = a.desk.message.clone().unwrap_or_default();
    assert!(msg.contains("digital-allies.md did not load"), "{msg}");
    // The warning's brief did: Enter shows it at the warning's line.
    press(&mut a, "D j enter");
    assert_eq!(a.desk.lib.briefs[a.desk.reader.brief.0].meta.id, "a-notes");
    assert!(a.desk.reader.top > 0);
    assert!(screen(&a).contains("The last one links to a text"));
}

/// The section title the status bar's breadcrumb ends with.
fn bar_section(a: &App) -> String {
    screen(a).lines().last().unwrap_or_default().to_owned()
}

/// The section a selected link or figure lies in, by the brief's model.
fn selected_section(a: &App) -> Option<String> {
    let b = a.desk.lib.brief(a.desk.reader.brief)?;
    let s = match a.desk.reader.selected? {
        crate::doc::Role::Mention(m) => b.mentions().get(m as usize)?.section,
        crate::doc::Role::Link(l) => b.links.get(l as usize)?.section,
        _ => return None,
    };
    Some(b.section(s)?.title.clone())
}

#[test]
fn a_figure_jumped_to_drives_the_bar_the_panel_and_the_outline() {
    let lib = Library::embedded();
    let figures: Vec<_> = lib.figures().collect();
    let mut a = app_on(lib, 160, 45);
    for r in figures {
        a.desk.jump_to_figure(r);
        let want = selected_section(&a).expect("a figure is selected");
        let s = screen(&a);
        let bar = bar_section(&a);
        assert!(bar.contains(&want), "{r:?}: bar {bar:?}, want {want:?}");
        let panel_title = format!("╭─ {want}");
        let top = s.lines().next().unwrap_or_default();
        if want.chars().count() < 30 {
            assert!(top.contains(&panel_title), "{r:?}: {top:?} wants {want:?}");
        }
        let rows = a.desk.outline.rows(&a.desk.lib, a.desk.current());
        let here = a
            .desk
            .outline
            .current_row(&rows, &a.desk.lib, a.desk.current());
        let node = here.map(|i| rows[i].node);
        assert_eq!(
            node,
            Some(crate::tui::outline::Node::Section(a.desk.current()))
        );
        // The figure is in the panel, marked in its margin.
        let items = crate::tui::panel::items(&a.desk.lib, &a.desk.reader);
        assert!(
            crate::tui::panel::selected_item(&a.desk.lib, &a.desk.reader, &items).is_some(),
            "{r:?}"
        );
        assert!(s.contains('▌'), "{r:?}:\n{s}");
    }
}

#[test]
fn links_selected_down_the_brief_carry_the_bar_along() {
    let mut a = app_on(Library::embedded(), 80, 24);
    let first = bar_section(&a);
    // Glossary terms are selected too: go on to a link past the first
    // screen.
    for _ in 0..60 {
        press(&mut a, "l");
        if a.desk.reader.top > 0 && selected_section(&a).is_some() {
            break;
        }
    }
    a.desk.message = None;
    assert!(a.desk.reader.top > 0);
    let want = selected_section(&a).expect("a link is selected");
    let bar = bar_section(&a);
    assert!(bar.contains(&want), "bar {bar:?}, want {want:?}");
    assert_ne!(bar, first);
}

#[test]
fn n_and_shift_n_go_to_the_next_match_from_where_the_reader_scrolled() {
    let mut a = app_on(Library::embedded(), 80, 24);
    press(&mut a, "/");
    type_text(&mut a, "alliance");
    press(&mut a, "enter");
    assert_eq!(
        a.desk.search.current,
        Some(0),
        "{:?} {}",
        a.desk.search.query,
        a.desk.search.matches.len()
    );
    let n = a.desk.search.matches.len();
    assert!(n > 4, "{n}");
    // Scrolled down: n takes the first match from the view.
    press(&mut a, "pagedown pagedown");
    let top = a.desk.reader.top;
    let want = a.desk.search.matches.iter().position(|m| m.line >= top);
    assert!(want.is_some_and(|i| i >= 2), "{want:?}");
    press(&mut a, "n");
    assert_eq!(a.desk.search.current, want);
    // At the end, N takes the last match above the view's bottom.
    press(&mut a, "G");
    let bottom = a.desk.reader.top + a.desk.reader.height;
    let want = a.desk.search.matches.iter().rposition(|m| m.line < bottom);
    assert!(want.is_some_and(|i| i + 1 == n), "{want:?}");
    press(&mut a, "N");
    assert_eq!(a.desk.search.current, want);
    // Below the last match, n goes round to the first and says so.
    press(&mut a, "G");
    assert!(
        a.desk
            .search
            .matches
            .iter()
            .all(|m| m.line < a.desk.reader.top)
    );
    press(&mut a, "n");
    assert_eq!(a.desk.search.current, Some(0));
    assert!(
        a.desk
            .message
            .as_deref()
            .is_some_and(|m| m.contains("back at the top"))
    );
    // On screen, n steps from the current match.
    press(&mut a, "g n");
    let first = a.desk.search.current.expect("a match");
    press(&mut a, "n");
    assert_eq!(a.desk.search.current, Some((first + 1) % n));
}

#[test]
fn left_bracket_stops_at_a_briefs_title_block_as_right_bracket_does() {
    let mut a = app_on(Library::embedded(), 160, 48);
    press(&mut a, "4");
    let last = a.desk.current();
    // Forward: the next brief's title block, then its first pillar.
    press(&mut a, "]");
    assert_eq!(a.desk.reader.brief, BriefIdx(1));
    assert_eq!((a.desk.reader.top, a.desk.current().section.0), (0, 0));
    press(&mut a, "]");
    let first = a.desk.current();
    assert!(a.desk.reader.top > 0);
    // Back: the title block again, then the last pillar before it.
    press(&mut a, "[");
    assert_eq!(a.desk.reader.brief, BriefIdx(1));
    assert_eq!((a.desk.reader.top, a.desk.current().section.0), (0, 0));
    press(&mut a, "[");
    assert_eq!(a.desk.current(), last);
    press(&mut a, "] ]");
    assert_eq!(a.desk.current(), first);
}

#[test]
fn outline_h_closes_the_pillar_being_read_and_the_node_holding_the_cursor() {
    use crate::tui::outline::Node;
    let mut a = app_on(Library::embedded(), 160, 48);
    let brief = &a.desk.lib.briefs[0];
    let nth = brief
        .pillars()
        .position(|p| brief.section(p).is_some_and(|s| !s.children.is_empty()))
        .expect("a pillar with sections");
    press(&mut a, &(nth + 1).to_string());
    let pillar = a.desk.current();
    press(&mut a, "backtab");
    assert_eq!(a.desk.focus, Focus::Outline);
    let row = |a: &App| {
        let rows = a.desk.outline.rows(&a.desk.lib, a.desk.current());
        let i = rows
            .iter()
            .position(|r| r.node == Node::Section(pillar))
            .expect("the pillar's row");
        (i, rows[i], rows.len())
    };
    let (i, r, len) = row(&a);
    assert_eq!(a.desk.outline.cursor, i);
    assert!(r.expanded);
    press(&mut a, "h");
    let (_, r, shorter) = row(&a);
    assert!(!r.expanded, "the pillar being read closes");
    assert!(shorter < len);
    press(&mut a, "l");
    assert!(row(&a).1.expanded);
    // On a section inside it, h closes the pillar and moves there.
    press(&mut a, "j");
    assert_eq!(a.desk.outline.cursor, i + 1);
    press(&mut a, "h");
    let (_, r, _) = row(&a);
    assert!(!r.expanded);
    assert_eq!(a.desk.outline.cursor, i);
    // And once more: the brief holding it closes.
    press(&mut a, "h");
    let rows = a.desk.outline.rows(&a.desk.lib, a.desk.current());
    assert_eq!(rows[a.desk.outline.cursor].node, Node::Brief(pillar.brief));
    assert!(!rows[a.desk.outline.cursor].expanded);
}

#[test]
fn finder_rows_at_80_columns_keep_brief_section_and_source() {
    let mut a = app_on(Library::embedded(), 80, 24);
    press(&mut a, "f");
    type_text(&mut a, "chip");
    let s = screen(&a);
    let hits: Vec<_> = a.desk.finder.hits.iter().take(4).copied().collect();
    assert_eq!(hits.len(), 4);
    for h in hits {
        let b = &a.desk.lib.briefs[h.figure.brief.0];
        let fig = &b.figures()[h.figure.figure.0];
        let section = fig
            .section
            .and_then(|x| b.section(x))
            .map(|x| x.title.clone());
        // A source longer than the row is cut at its end, never dropped.
        let source: String = fig.source.chars().take(20).collect();
        let want = format!(
            "{} › {} · {}",
            b.meta.short_title,
            section.unwrap_or_default(),
            source
        );
        assert!(s.contains(&want), "{want:?} in\n{s}");
    }
}

#[test]
fn timeline_rows_at_80_columns_keep_brief_and_section() {
    let mut a = app_on(Library::embedded(), 80, 24);
    press(&mut a, "T");
    let s = screen(&a);
    let events = a.desk.lib.events();
    for (b, e) in events.iter().take(4) {
        let brief = &a.desk.lib.briefs[b.0];
        let section = e
            .section
            .and_then(|x| brief.section(x))
            .map(|x| x.title.clone());
        let want = format!(
            "{} › {}",
            brief.meta.short_title,
            section.unwrap_or_default()
        );
        assert!(s.contains(&want), "{want:?} in\n{s}");
    }
}

#[test]
fn library_search_results_name_the_section() {
    let mut a = app_on(Library::embedded(), 100, 30);
    press(&mut a, "/");
    type_text(&mut a, "alliance");
    press(&mut a, "tab");
    assert!(a.views.showing::<views::Results>());
    let s = screen(&a);
    let named = s.lines().filter(|l| l.contains("…  · ")).count();
    assert!(named >= 3, "{s}");
    assert!(s.contains("· Technology and the Alliance"), "{s}");
}

#[test]
fn a_match_shown_at_the_end_of_a_brief_names_its_own_section_in_the_bar() {
    let mut a = app_on(Library::embedded(), 120, 40);
    press(&mut a, "5");
    press(&mut a, "/");
    type_text(&mut a, "alliance");
    press(&mut a, "enter G N");
    let line = a.desk.search.matches[a.desk.search.current.expect("a match")].line;
    let b = a.desk.lib.brief(a.desk.reader.brief).expect("brief");
    let want = b
        .section(a.desk.reader.layout.section_of(line))
        .expect("section")
        .title
        .clone();
    assert!(
        bar_section(&a).contains(&format!("› {want}")),
        "{want}: {}",
        bar_section(&a)
    );
    let last = b.sections.last().expect("a section").title.clone();
    assert_ne!(
        want, last,
        "the match is not in the last section, which the end of the brief would name"
    );
}
