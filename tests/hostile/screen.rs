//! Driving the reader without a terminal and reading its screen back.

use briefing::library::Library;
use briefing::theme::Theme;
use briefing::tui::action::Action;
use briefing::tui::app::{App, Msg};
use briefing::tui::keymap::Keymap;
use briefing::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

pub fn app(lib: Library, w: u16, h: u16) -> App {
    App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

pub fn act(app: &mut App, actions: &[Action]) {
    for a in actions {
        app.update(Msg::Act(*a));
        app.tick();
    }
}

/// Types text into whatever box has focus, one key per character (control
/// characters included, as a paste could deliver them).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    for _ in 0..200 {
        app.tick();
        if !app.busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// Draws one frame the size of the app's area.
pub fn draw(app: &App) -> Buffer {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    t.backend().buffer().clone()
}

/// The screen as text, wide characters counted once.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf.cell((x, y)).map_or(" ", |c| c.symbol());
            skip = sym.width().saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

/// A character that could drive a terminal, or hide text from the reader.
/// A zero-width joiner may join an emoji sequence: whether one stands alone
/// is seen in its text, by [`briefing::sanitize::is_clean`].
pub fn is_control(c: char) -> bool {
    let u = u32::from(c);
    u < 0x20
        || u == 0x7f
        || (0x80..=0x9f).contains(&u)
        || (briefing::sanitize::is_unsafe(c) && c != '\u{200d}')
}

/// No cell holds a control character, and no cell's grapheme runs past the
/// right edge of the screen.
pub fn assert_sound(buf: &Buffer, what: &str) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let sym = buf.cell((x, y)).map_or("", |c| c.symbol());
            assert!(
                !sym.chars().any(is_control) && briefing::sanitize::is_clean(sym),
                "{what}: control character {sym:?} at {x},{y}:\n{}",
                text(buf)
            );
            assert!(
                x + sym.width() as u16 <= buf.area.width,
                "{what}: {sym:?} at {x},{y} runs past the edge {}:\n{}",
                buf.area.width,
                text(buf)
            );
        }
    }
}

/// Every view the reader has: each section of each brief with its panes,
/// then the finder, search results, timeline, compare and help overlays.
/// `check` sees every frame.
pub fn visit_every_view(app: &mut App, query: &str, check: &mut dyn FnMut(&App, &str)) {
    check(app, "start");
    let sections: usize = app.desk.lib.briefs.iter().map(|b| b.sections.len()).sum();
    for i in 0..=sections {
        act(app, &[Action::NextPillar]);
        check(app, &format!("pillar {i}"));
        act(app, &[Action::NextLink, Action::Open]);
        check(app, &format!("link from pillar {i}"));
    }
    act(
        app,
        &[Action::Top, Action::ToggleOutline, Action::TogglePanel],
    );
    check(app, "panes toggled");
    act(app, &[Action::Bottom, Action::FocusNext, Action::Down]);
    check(app, "bottom");
    act(
        app,
        &[
            Action::ToggleOutline,
            Action::TogglePanel,
            Action::FindFigure,
        ],
    );
    check(app, "finder");
    type_text(app, query);
    check(app, "finder with query");
    act(app, &[Action::Close, Action::Search]);
    type_text(app, query);
    check(app, "search box");
    act(app, &[Action::ToggleScope]);
    check(app, "library search results");
    act(app, &[Action::Close, Action::Close, Action::Timeline]);
    check(app, "timeline");
    act(app, &[Action::Bottom]);
    check(app, "timeline bottom");
    act(app, &[Action::Close, Action::Compare]);
    check(app, "compare tags");
    act(app, &[Action::Open]);
    check(app, "compare bars");
    act(app, &[Action::Close, Action::Close, Action::Help]);
    check(app, "help");
    act(app, &[Action::Bottom]);
    check(app, "help bottom");
    act(app, &[Action::Close]);
}

/// Every line of the reader fits its text area, but for the blocks that
/// scroll sideways (code, wide tables), which reach no further than the
/// layout says.
pub fn assert_fits(app: &App, what: &str) {
    let width = usize::from(app.desk.geometry.text.width).max(8);
    let layout = &app.desk.reader.layout;
    for i in 0..layout.len() {
        let w = layout.line(i).map_or(0, |l| l.width());
        let reach = layout.width + layout.overflow(i);
        assert!(
            w <= width + layout.overflow(i) && w <= reach,
            "{what}: line {i} of {w} in {width} columns"
        );
    }
}
