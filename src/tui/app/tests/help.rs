//! The help as a user reads it: scrolled with the usual keys, saying where
//! it is, wrapped, and filtered with `/`.

use crate::tui::testkit::press;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::library::Library;
use crate::theme::Theme;
use crate::tui::app::{App, Msg};
use crate::tui::keymap::Keymap;
use crate::tui::ui;

fn app(w: u16, h: u16) -> App {
    App::new(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Key(KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )));
    }
}

fn screen(app: &App) -> String {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf.cell((x, y)).map_or(" ", |c| c.symbol());
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_key_can_be_scrolled_to_with_the_usual_keys() {
    let mut a = app(80, 24);
    press(&mut a, "?");
    let first = screen(&a);
    assert!(first.contains("1–20 of"), "where it is: {first}");
    assert!(!first.contains("Delete the selected bookmark"), "{first}");
    press(&mut a, "G");
    let last = screen(&a);
    assert!(last.contains("sections read of a brief"), "the end: {last}");
    assert!(last.contains(" of "), "{last}");
    for (down, up) in [
        ("j", "k"),
        ("down", "up"),
        ("pagedown", "pageup"),
        ("space", "pageup"),
        ("ctrl-d", "ctrl-u"),
    ] {
        press(&mut a, "g");
        assert_eq!(screen(&a), first, "g goes to the top");
        press(&mut a, down);
        assert_ne!(screen(&a), first, "{down} scrolls");
        press(&mut a, up);
        assert_eq!(screen(&a), first, "{up} scrolls back");
    }
    press(&mut a, "end");
    assert_eq!(screen(&a), last);
    // Past the end it stays at the end, and one key up moves at once.
    press(&mut a, "j j j k");
    assert_ne!(screen(&a), last);
    press(&mut a, "home");
    assert_eq!(screen(&a), first);
    assert!(a.views.is_open());
}

#[test]
fn long_descriptions_wrap_instead_of_being_cut() {
    let mut a = app(160, 45);
    press(&mut a, "?");
    press(&mut a, "/");
    type_text(&mut a, "follow the link");
    let s = screen(&a);
    assert!(
        s.contains("Open the node, follow the link, or jump to the figure"),
        "{s}"
    );
    let mut a = app(40, 20);
    press(&mut a, "? /");
    type_text(&mut a, "follow the link");
    let s = screen(&a);
    let help: String = s.lines().take(19).collect();
    assert!(!help.contains('…'), "nothing cut: {s}");
    for word in ["Open", "node,", "follow", "jump", "figure"] {
        assert!(s.contains(word), "{word}: {s}");
    }
}

#[test]
fn slash_filters_the_keys() {
    let mut a = app(80, 24);
    press(&mut a, "?");
    press(&mut a, "/");
    type_text(&mut a, "bookmark");
    let s = screen(&a);
    assert!(s.contains("/ bookmark"), "{s}");
    assert!(s.contains("List the bookmarks"), "{s}");
    assert!(s.contains("Delete the selected bookmark"), "{s}");
    assert!(!s.contains("Page down"), "{s}");
    // Enter keeps the filter and goes back to scrolling; j is no letter.
    press(&mut a, "enter j");
    assert!(screen(&a).contains("/ bookmark"));
    // Esc while typing clears it.
    press(&mut a, "/ esc");
    let s = screen(&a);
    assert!(s.contains("Page down"), "{s}");
    assert!(a.views.is_open(), "esc in the filter leaves the help open");
    press(&mut a, "/");
    type_text(&mut a, "zzzz");
    assert!(screen(&a).contains("No key matches."));
    press(&mut a, "enter esc");
    assert!(!a.views.is_open());
}

#[test]
fn the_lists_section_speaks_of_lists_and_home_has_its_keys() {
    let lines = crate::tui::views::help_lines(&Keymap::default_keys());
    let section = |title: &str| -> Vec<(String, String)> {
        lines
            .iter()
            .skip_while(|(k, _, h)| !(*h && k.starts_with(title)))
            .skip(1)
            .take_while(|(_, _, h)| !*h)
            .map(|(k, d, _)| (k.clone(), d.clone()))
            .collect()
    };
    let lists = section("Lists");
    assert!(!lists.is_empty());
    assert!(
        lists.iter().all(|(_, d)| !d.contains("outline")),
        "{lists:?}"
    );
    let home = section("Home");
    let says = |keys: &str, what: &str| {
        home.iter()
            .any(|(k, d)| k.contains(keys) && d.contains(what))
    };
    assert!(says("enter", "Open the selected brief"), "{home:?}");
    assert!(says("1–9", "Open brief N"), "{home:?}");
    assert!(says("/", "Filter the briefs by name"), "{home:?}");
    assert!(says("j", "next brief"), "{home:?}");
    assert!(says("backspace", "Back"), "{home:?}");
    assert!(says("H", "Home"), "{home:?}");
}
