//! The stack of views: routing, what falls through, what is kept, and
//! where the cursor goes.

use crate::tui::testkit::press;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::library::Library;
use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Msg};
use crate::tui::keymap::Keymap;
use crate::tui::ui;
use crate::tui::views::*;

fn app() -> App {
    App::new(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, 140, 40),
    )
}

fn render(app: &App) -> Buffer {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    t.backend().buffer().clone()
}

fn symbol_at(buf: &Buffer, p: Position) -> String {
    buf.cell(p)
        .map_or_else(String::new, |c| c.symbol().to_owned())
}

#[test]
fn a_view_that_captures_input_lets_only_quitting_through() {
    let mut a = app();
    assert_eq!(a.act(Action::Help), Effect::None);
    assert!(a.views.showing::<Help>());
    let top = a.desk.reader.top;
    for other in [Action::Timeline, Action::PageDown, Action::NextPillar] {
        assert_eq!(a.act(other), Effect::None);
        assert!(a.views.showing::<Help>(), "{other:?} stayed with the help");
    }
    assert_eq!(a.desk.reader.top, top, "the reader below did not move");
    a.update(Msg::Wheel {
        x: 70,
        y: 20,
        down: true,
    });
    assert_eq!(a.desk.reader.top, top, "nor did the wheel reach it");
    assert_eq!(a.act(Action::Quit), Effect::Quit);
}

#[test]
fn the_search_line_gives_way_to_the_library_results() {
    let mut a = app();
    press(&mut a, "/");
    assert!(a.views.showing::<SearchLine>());
    press(&mut a, "C h i p tab");
    assert!(a.views.showing::<Results>());
    assert_eq!(a.views.stack().count(), 1, "replaced, not stacked");
    assert!(!a.views.get::<Results>().expect("results").hits.is_empty());
    a.update(Msg::Click { x: 1, y: 1 });
    assert!(!a.views.is_open(), "a click closes it");
}

#[test]
fn what_a_view_keeps_survives_closing_it() {
    let mut a = app();
    press(&mut a, "T j j");
    let cursor = a.views.get::<Timeline>().expect("timeline").cursor;
    press(&mut a, "esc T");
    assert_eq!(a.views.get::<Timeline>().expect("timeline").cursor, cursor);
    // The help starts at its top each time.
    press(&mut a, "esc");
    a.update(Msg::Resize(Rect::new(0, 0, 100, 20)));
    press(&mut a, "?");
    let first = render(&a);
    a.act(Action::PageDown);
    assert_ne!(render(&a), first, "it scrolled");
    press(&mut a, "esc ?");
    assert_eq!(render(&a), first);
}

#[test]
fn the_cursor_sits_after_what_is_typed() {
    let mut a = app();
    assert_eq!(a.cursor(), None, "the reader has no text cursor");
    press(&mut a, "f c h i p");
    let at = a.cursor().expect("the finder's cursor");
    let buf = render(&a);
    assert_eq!(symbol_at(&buf, at), " ");
    assert!(
        buf.cell(at)
            .is_some_and(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
    );
    assert_eq!(
        symbol_at(
            &buf,
            Position {
                x: at.x - 1,
                y: at.y
            }
        ),
        "p"
    );
    press(&mut a, "esc / a l l");
    let at = a.cursor().expect("the search line's cursor");
    assert_eq!(at.y, a.desk.geometry.status.y);
    let buf = render(&a);
    assert_eq!(symbol_at(&buf, at), " ");
    assert!(
        buf.cell(at)
            .is_some_and(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
    );
    assert_eq!(
        symbol_at(
            &buf,
            Position {
                x: at.x - 1,
                y: at.y
            }
        ),
        "l"
    );
}

#[test]
fn every_view_is_opened_by_its_own_action() {
    let views = Views::default();
    let openers: Vec<Action> = views
        .all()
        .filter_map(crate::tui::views::View::opened_by)
        .collect();
    for (i, a) in openers.iter().enumerate() {
        assert!(!openers[..i].contains(a), "{a:?} opens two views");
    }
    assert_eq!(
        openers.len(),
        views.all().count() - 2,
        "all but the results and the source passage"
    );
}
