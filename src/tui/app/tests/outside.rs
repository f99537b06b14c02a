//! Links out and the editor, as the app decides them: what the status bar
//! asks, what is launched, what is refused.

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::library::Library;
use crate::theme::Theme;
use crate::tui::app::{App, Effect, Msg};
use crate::tui::desk::outside::Launch;
use crate::tui::keymap::{Keymap, parse_keys};
use crate::tui::ui;

fn app(lib: Library, w: u16, h: u16) -> App {
    App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

fn fixtures(w: u16, h: u16) -> App {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    app(Library::from_paths(&[dir]), w, h)
}

fn press(app: &mut App, keys: &str) -> Effect {
    let mut last = Effect::None;
    for k in keys.split_whitespace() {
        let chord = parse_keys(k).expect("key")[0];
        last = app.update(Msg::Key(KeyEvent::new(chord.code, chord.mods)));
    }
    last
}

fn buffer(app: &App) -> ratatui::buffer::Buffer {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    t.backend().buffer().clone()
}

fn status_line(app: &App) -> String {
    let buf = buffer(app);
    let y = app.desk.geometry.status.y;
    (0..buf.area.width)
        .filter_map(|x| buf.cell((x, y)))
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

/// Alpha's Opinion section, its link out selected.
fn on_the_link(w: u16) -> App {
    let mut a = fixtures(w, 30);
    press(&mut a, "2");
    while a.desk.reader.selected != Some(crate::doc::Role::Link(2)) {
        assert!(a.desk.reader.cycle_link(true), "no link to example.org");
    }
    a
}

#[test]
fn enter_on_a_link_out_asks_first_and_y_opens_it() {
    let mut a = on_the_link(120);
    assert_eq!(press(&mut a, "enter"), Effect::None);
    let s = status_line(&a);
    assert!(
        s.contains("Open https://example.org in your browser? y/n"),
        "{s}"
    );
    assert_eq!(
        press(&mut a, "y"),
        Effect::Launch(Launch::Url("https://example.org".into()))
    );
    assert!(
        !matches!(press(&mut a, "y"), Effect::Launch(_)),
        "asked once"
    );
}

#[test]
fn any_other_answer_says_no_and_is_spent_on_it() {
    let mut a = on_the_link(120);
    press(&mut a, "enter");
    let top = a.desk.reader.top;
    // `j` would scroll; as the answer it only says no.
    assert_eq!(press(&mut a, "j"), Effect::None);
    assert_eq!(a.desk.reader.top, top);
    assert!(status_line(&a).contains("not opened"));
    assert!(
        !matches!(press(&mut a, "y"), Effect::Launch(_)),
        "no question any more"
    );
    // A click says no too, and does what a click does.
    press(&mut a, "enter");
    a.update(Msg::Click { x: 0, y: 0 });
    assert!(!matches!(press(&mut a, "y"), Effect::Launch(_)));
}

#[test]
fn at_40_columns_the_question_still_shows_y_n() {
    let mut a = on_the_link(40);
    // A long address, as a brief may hold.
    let long = format!("https://example.org/{}", "a".repeat(80));
    a.desk.ask_open(&long);
    let s = status_line(&a);
    assert!(s.contains("y/n"), "{s}");
    assert!(s.contains("Open https://exa"), "{s}");
}

#[test]
fn an_address_with_control_characters_is_refused() {
    let mut a = on_the_link(120);
    a.desk.ask_open("https://example.org/\u{1b}]0;pwned\u{7}");
    let s = status_line(&a);
    assert!(s.contains("not opened"), "{s}");
    assert!(!s.contains('\u{1b}'));
    assert!(!matches!(press(&mut a, "y"), Effect::Launch(_)));
}

#[test]
fn hyperlinks_wrap_links_out_only_when_asked() {
    let mut a = on_the_link(120);
    a.desk.reader.selected = None;
    let plain = buffer(&a);
    let osc = |b: &ratatui::buffer::Buffer| {
        b.content()
            .iter()
            .filter(|c| c.symbol().starts_with("\u{1b}]8;;"))
            .map(|c| c.symbol().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(osc(&plain).is_empty(), "off by default");
    a.desk.outside.hyperlinks = true;
    let linked = osc(&buffer(&a));
    assert_eq!(
        linked,
        ["\u{1b}]8;;https://example.org\u{1b}\\the site\u{1b}]8;;\u{1b}\\"]
    );
    // Under a view, the text is left plain.
    press(&mut a, "?");
    assert!(osc(&buffer(&a)).is_empty());
}

#[test]
fn e_edits_a_brief_file_at_the_line_on_screen() {
    // Low enough that the section can come to the top.
    let mut a = fixtures(120, 10);
    press(&mut a, "1");
    let Effect::Launch(Launch::Edit { path, line }) = press(&mut a, "e") else {
        panic!("no edit");
    };
    assert!(
        path.ends_with("tests/fixtures/library/alpha.md"),
        "{path:?}"
    );
    let text = std::fs::read_to_string(&path).expect("alpha.md");
    let at = text.lines().nth(line - 1).expect("the line");
    assert!(at.starts_with("## Economy"), "line {line}: {at}");
}

#[test]
fn an_embedded_brief_cannot_be_edited() {
    let mut a = app(Library::embedded(), 120, 30);
    assert_eq!(press(&mut a, "e"), Effect::None);
    assert!(status_line(&a).contains("cannot be edited"));
}
