//! What the `parse_render` fuzz target checks of one input, shared with the
//! regression test that replays the inputs it found
//! (`tests/hostile/fuzzed.rs`): the first four bytes are the terminal's
//! width and height, the rest a brief. The brief lays out as the `parse`
//! target checks, and every view draws at that size with nothing on
//! screen that may not reach it (one definition with the sanitizer:
//! [`briefing::sanitize::may_show`]) and nothing wider than its area.
//! Panics on the first failure.

#[path = "check/parse.rs"]
#[allow(dead_code)]
pub mod parse;

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};
use briefing::sanitize;
use briefing::theme::Theme;
use briefing::tui::action::Action;
use briefing::tui::app::{App, Msg};
use briefing::tui::keymap::Keymap;
use briefing::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// The actions taken after the first frame, each followed by a frame.
const ACTIONS: [Action; 14] = [
    Action::NextPillar,
    Action::NextLink,
    Action::Open,
    Action::Bottom,
    Action::TogglePanel,
    Action::FindFigure,
    Action::Close,
    Action::Timeline,
    Action::Close,
    Action::Compare,
    Action::Open,
    Action::Close,
    Action::Close,
    Action::Help,
];

fn check_screen(app: &App, what: &str) {
    let area = app.desk.geometry.area;
    let Ok(mut t) = Terminal::new(TestBackend::new(area.width, area.height));
    let Ok(_) = t.draw(|f| ui::draw(f, app));
    let buf = t.backend().buffer();
    for cell in &buf.content {
        assert!(
            sanitize::may_show(cell.symbol()),
            "{what}: control character on screen: {:?}",
            cell.symbol()
        );
    }
    fits(buf, buf.area, what, "the screen");
    // With no view open over them, the reading text stays in its column.
    if !app.views.is_open() && !app.desk.geometry.too_small {
        fits(buf, app.desk.geometry.text, what, "the text");
    }
}

/// No cell of `area` holds a grapheme that runs past its right edge.
fn fits(buf: &Buffer, area: Rect, what: &str, name: &str) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let sym = buf.cell((x, y)).map_or("", |c| c.symbol());
            let w = u16::try_from(sym.width()).unwrap_or(u16::MAX);
            assert!(
                x.saturating_add(w) <= area.right(),
                "{what}: {sym:?} at {x},{y} runs past the right edge of {name} ({})",
                area.right()
            );
        }
    }
}

/// Runs every check on `data`.
pub fn run(data: &[u8]) {
    let Some((size, rest)) = data.split_at_checked(4) else {
        return;
    };
    let w = u16::from_le_bytes([size[0], size[1]]) % 400;
    let h = u16::from_le_bytes([size[2], size[3]]) % 150;
    let text = String::from_utf8_lossy(rest).into_owned();
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "fuzz.md".into(),
        Origin::Embedded,
        text,
    ))]);
    if let Some(b) = lib.briefs.first() {
        let d = doc::build(b);
        let width = usize::from(w);
        let layout = Layout::new(&d, b.sections.len(), width, None);
        parse::check_layout(&d, &layout, b.sections.len(), width, false);
    }
    let mut app = App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    );
    check_screen(&app, "first frame");
    for a in ACTIONS {
        app.update(Msg::Act(a));
        app.tick();
        check_screen(&app, &format!("after {a:?}"));
    }
}
