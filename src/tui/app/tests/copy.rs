use super::{press, screen};
use crate::doc::Role;
use crate::library::Library;
use crate::model::{FigureIdx, FigureRef, Origin, SourceFile};
use crate::theme::Theme;
use crate::tui::app::{App, Effect, Focus};
use crate::tui::keymap::Keymap;
use ratatui::layout::Rect;

fn app(w: u16, h: u16) -> App {
    App::new(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

const CHIP: &str = "60 percent: share of Korea's semiconductor exports that go to China (incl. \
                    Hong Kong). Council on Foreign Relations, \"Strengthening Strategic Technology \
                    Cooperation Between South Korea and the United States\", Economic Security.";

fn figure(a: &App, brief: &str, id: &str) -> FigureRef {
    let b = a.desk.lib.by_id(brief).expect("brief");
    let i = a
        .desk
        .lib
        .brief(b)
        .expect("brief")
        .figures
        .iter()
        .position(|f| f.id == id)
        .expect("figure");
    FigureRef {
        brief: b,
        figure: FigureIdx(i),
    }
}

fn copied(e: Effect) -> String {
    match e {
        Effect::Clipboard(t) => t,
        other => panic!("nothing copied: {other:?}"),
    }
}

#[test]
fn y_copies_the_figure_selected_in_the_text_with_its_citation() {
    let mut a = app(160, 45);
    let chip = figure(&a, "strategic-tech-cooperation", "chip-exports-china");
    a.desk.jump_to_figure(chip);
    assert!(matches!(a.desk.reader.selected, Some(Role::Mention(_))));
    assert_eq!(copied(press(&mut a, "y")), CHIP);
    assert_eq!(
        a.desk.message.as_deref(),
        Some("Copied 60 percent with its citation")
    );
    assert!(
        screen(&a).contains(" Copied 60 percent with its citation"),
        "the status bar says it"
    );
    a.desk.citation = crate::cite::Format::Markdown;
    let md = copied(press(&mut a, "y"));
    assert!(
        md.starts_with("**60 percent**: share of Korea"),
        "the configured format: {md}"
    );
}

#[test]
fn y_in_the_panel_copies_the_figure_under_its_cursor_else_the_first() {
    let mut a = app(160, 45);
    let chip = figure(&a, "strategic-tech-cooperation", "chip-exports-china");
    a.desk.jump_to_figure(chip);
    // Nothing selected in the text: the panel's first figure, the one
    // jumped to.
    a.desk.reader.selected = None;
    assert_eq!(a.desk.figure_to_copy(), Some(chip));
    a.desk.focus = Focus::Panel;
    press(&mut a, "j");
    let second = a.desk.figure_to_copy().expect("a figure");
    assert_ne!(second, chip, "the panel's cursor moved on");
    let value = a
        .desk
        .lib
        .brief(second.brief)
        .and_then(|b| b.figure(second.figure))
        .expect("figure")
        .value
        .clone();
    let text = copied(press(&mut a, "y"));
    assert!(text.starts_with(&format!("{value}: ")), "{text}");
}

#[test]
fn capital_y_copies_the_paragraph_being_read() {
    let mut a = app(160, 45);
    let chip = figure(&a, "strategic-tech-cooperation", "chip-exports-china");
    a.desk.jump_to_figure(chip);
    let text = copied(press(&mut a, "Y"));
    assert!(text.starts_with('"'), "{text}");
    assert!(
        text.contains("60 percent"),
        "the selection's paragraph: {text}"
    );
    assert!(
        text.ends_with("Council on Foreign Relations, \"Strengthening Strategic Technology Cooperation Between South Korea and the United States\", Economic Security."),
        "{text}"
    );
    let said = a.desk.message.clone().unwrap_or_default();
    assert!(said.starts_with("Copied the paragraph \""), "{said}");
    assert!(said.ends_with("\" with its citation"), "{said}");
    // Without a selection, the first paragraph from the top of the pane.
    press(&mut a, "g");
    let top = copied(press(&mut a, "Y"));
    assert_ne!(top, text);
    assert!(top.starts_with('"'), "{top}");
}

#[test]
fn nothing_to_copy_is_said_and_copies_nothing() {
    let notes = SourceFile::new(
        "notes.md".into(),
        Origin::Embedded,
        "# Notes\n\nJust *plain* text.\n".into(),
    );
    let mut a = App::new(
        Library::from_files(vec![Ok(notes)]),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, 100, 30),
    );
    assert_eq!(press(&mut a, "y"), Effect::None);
    assert_eq!(a.desk.message.as_deref(), Some("no figure here to copy"));
    assert_eq!(
        copied(press(&mut a, "Y")),
        "\"Just plain text.\" \"Notes\"."
    );
}
