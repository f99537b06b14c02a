//! The reader's side of the saved state: marks by section, the theme, and
//! a place another reader saved since.

use crate::tui::app::App;
use std::path::Path;

use ratatui::layout::Rect;

use super::press;
use crate::library::Library;
use crate::model::{BriefIdx, SectionIdx, SectionRef};
use crate::state::Saved;
use crate::state::{Place, State};
use crate::theme::Theme;
use crate::tui::keymap::Keymap;

fn saved_app(dir: &Path) -> App {
    let mut a = App::new(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, 140, 40),
    );
    a.desk.saved = Saved {
        state: State::default(),
        path: Some(dir.join("state.json")),
        noted: None,
        fresh: false,
    };
    a
}

fn on_disk(dir: &Path) -> State {
    let (state, warning) = State::load(&dir.join("state.json"));
    assert_eq!(warning, None);
    state
}

#[test]
fn sections_are_marked_read_and_reviewed_by_anchor_and_counted() {
    let dir = tempfile::tempdir().expect("dir");
    let mut a = saved_app(dir.path());
    let brief = &a.desk.lib.briefs[0];
    let (id, total) = (
        brief.meta.id.clone(),
        brief.sections.iter().filter(|s| s.depth > 0).count(),
    );
    let anchor = brief.sections[2].anchor.clone();
    let title = brief.sections[2].title.clone();
    let at = SectionRef {
        brief: BriefIdx(0),
        section: SectionIdx(2),
    };
    assert_eq!(a.desk.progress(BriefIdx(0)), (0, total));
    a.desk.mark_read(at);
    assert!(a.desk.is_read(at) && !a.desk.is_reviewed(at));
    assert_eq!(a.desk.progress(BriefIdx(0)), (1, total));
    assert_eq!(a.desk.toggle_reviewed_at(at), Some(true));
    assert_eq!(
        a.desk.message.as_deref(),
        Some(&*format!("reviewed: {title}"))
    );
    // Reviewing saves at once, the read mark with it.
    let disk = on_disk(dir.path());
    assert!(disk.is_reviewed(&id, &anchor) && disk.is_read(&id, &anchor));
    assert_eq!(a.desk.toggle_reviewed_at(at), Some(false));
    assert_eq!(
        a.desk.message.as_deref(),
        Some(&*format!("review mark removed: {title}"))
    );
    assert!(!on_disk(dir.path()).is_reviewed(&id, &anchor));
    let nowhere = SectionRef {
        brief: BriefIdx(0),
        section: SectionIdx(9999),
    };
    assert_eq!(a.desk.toggle_reviewed_at(nowhere), None);
    assert!(!a.desk.is_read(nowhere));
}

#[test]
fn the_theme_chosen_with_t_is_kept_in_the_state() {
    let dir = tempfile::tempdir().expect("dir");
    let mut a = saved_app(dir.path());
    a.themes = crate::theme::Themes::loaded(vec![
        Theme::default_theme(),
        Theme::load("light", None).expect("light"),
    ]);
    press(&mut a, "t");
    assert_eq!(a.theme.name, "light");
    a.desk.save_state().expect("saved");
    assert_eq!(on_disk(dir.path()).theme(), Some("light"));
}

#[test]
fn a_reader_that_stayed_put_keeps_the_place_another_saved_since() {
    let dir = tempfile::tempdir().expect("dir");
    let mut a = saved_app(dir.path());
    a.desk.restore_last();
    let id = a.desk.lib.briefs[0].meta.id.clone();
    let mut other = State::default();
    let theirs = Place {
        section: "elsewhere".into(),
        block: 7,
    };
    other.set_place(&id, theirs.clone());
    other.save(&dir.path().join("state.json")).expect("saved");
    a.desk.save_state().expect("saved");
    assert_eq!(on_disk(dir.path()).place(&id), Some(theirs.clone()));
    // Once it moves, its place is the newer one.
    press(&mut a, "3");
    a.desk.save_state().expect("saved");
    assert_ne!(on_disk(dir.path()).place(&id), Some(theirs));
}

#[test]
fn under_fresh_a_mark_says_it_will_not_be_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let mut a = saved_app(dir.path());
    press(&mut a, "3 m");
    let said = a.desk.message.clone().unwrap_or_default();
    assert!(!said.contains("--fresh"), "{said}");
    a.desk.saved = Saved {
        fresh: true,
        ..Saved::default()
    };
    press(&mut a, "] m");
    let said = a.desk.message.clone().unwrap_or_default();
    assert!(
        said.starts_with("bookmarked: ") && said.ends_with("(--fresh: not kept after you quit)"),
        "{said}"
    );
    press(&mut a, "r");
    let said = a.desk.message.clone().unwrap_or_default();
    assert!(
        said.contains("reviewed: ") && said.ends_with("(--fresh: not kept after you quit)"),
        "{said}"
    );
}
