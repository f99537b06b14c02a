//! Drawing of the base layer (outline, reader, panel, status bar):
//! everything here reads `&App` and writes only to the frame. Each view
//! draws itself (`tui/views`).

pub mod cursor;
mod hints;
mod hyperlink;
mod marks;
mod outline;
mod panel;
mod reader;
mod selected;
mod status;

use crate::tui::paint::cells;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::App;
use crate::theme::Slot;

pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let g = app.desk.geometry;
    frame
        .buffer_mut()
        .set_style(area, app.theme.get(Slot::Background));
    if g.too_small || g.area != area {
        too_small(frame, app, area);
        return;
    }
    let scene = app.scene();
    if let Some(r) = g.outline {
        outline::draw(frame, &scene, r);
    }
    if let Some(r) = g.reader {
        reader::draw(frame, &scene, r);
        // Not under a view: its cells would be covered by the sequence.
        if app.desk.outside.hyperlinks && !app.views.is_open() {
            hyperlink::mark(frame.buffer_mut(), &scene);
        }
    }
    if let Some(r) = g.panel {
        panel::draw(frame, &scene, r);
    }
    status::draw(frame, app, g.status);
    for view in app.views.stack() {
        view.draw(frame, &scene, area);
    }
    if let Some(p) = cursor::position(app) {
        frame.set_cursor_position(p);
    }
}

fn too_small(frame: &mut Frame<'_>, app: &App, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lines = [
        "terminal too small".to_owned(),
        format!(
            "needs {}×{}",
            super::geometry::MIN_WIDTH,
            super::geometry::MIN_HEIGHT
        ),
        format!("now {}×{}", area.width, area.height),
    ];
    let buf = frame.buffer_mut();
    let rows = u16::try_from(lines.len()).unwrap_or(0).min(area.height);
    let top = area.y + (area.height - rows) / 2;
    for (i, msg) in lines.iter().take(usize::from(rows)).enumerate() {
        let y = top + u16::try_from(i).unwrap_or(0);
        let w = u16::try_from(msg.chars().count())
            .unwrap_or(0)
            .min(area.width);
        let x = area.x + (area.width - w) / 2;
        cells::put_truncated(buf, x, y, area.right(), msg, app.theme.get(Slot::Warning));
    }
}
