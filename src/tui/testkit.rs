//! What the reader's tests share: an app on a library at a size, keys
//! pressed by name, and the screen as text.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::app::{App, Msg};
use super::keymap::{Keymap, parse_keys};
use super::ui;
use crate::library::Library;
use crate::theme::Theme;

/// The reader on `lib` in a `w`×`h` terminal, default keys and theme.
pub fn app_on(lib: Library, w: u16, h: u16) -> App {
    App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

/// Presses each of the space-separated chords (`j`, `ctrl-d`, `enter`).
pub fn press(app: &mut App, keys: &str) {
    for k in keys.split_whitespace() {
        let chord = parse_keys(k).expect("key")[0];
        app.update(Msg::Key(KeyEvent::new(chord.code, chord.mods)));
    }
}

/// The screen as text, a wide character once.
pub fn screen(app: &App) -> String {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..area.height {
        let mut skip = 0;
        for x in 0..area.width {
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
