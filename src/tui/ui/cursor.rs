//! Where the terminal cursor goes, so screen readers and magnifiers follow
//! the selection: on the top view's own spot, else on the selected outline
//! row, link or figure in the text, or panel row of the focused pane.
//! Where nothing is selected it stays hidden.

use ratatui::layout::{Position, Rect};

use crate::tui::app::{App, Focus};
use crate::tui::panel;

/// The cursor's place, or `None` to hide it.
pub fn position(app: &App) -> Option<Position> {
    let at = if app.views.is_open() {
        app.cursor()
    } else {
        match app.desk.focus {
            Focus::Outline => outline(app),
            Focus::Reader => reader(app),
            Focus::Panel => panel_row(app),
        }
    };
    at.filter(|p| app.desk.geometry.area.contains(*p))
}

/// Inside a pane's border.
fn inner(r: Rect, pad: u16) -> Rect {
    Rect {
        x: r.x + pad,
        y: r.y + 1,
        width: r.width.saturating_sub(2 * pad),
        height: r.height.saturating_sub(2),
    }
}

fn outline(app: &App) -> Option<Position> {
    let area = inner(app.desk.geometry.outline?, 1);
    let rows = app.desk.outline.rows(&app.desk.lib, app.desk.current());
    let row = rows.get(app.desk.outline.cursor)?;
    let shown = app
        .desk
        .outline
        .cursor
        .checked_sub(app.desk.outline.offset)?;
    let y = area.y + u16::try_from(shown).ok().filter(|d| *d < area.height)?;
    Some(Position {
        x: area.x + u16::from(row.depth) * 2,
        y,
    })
}

fn reader(app: &App) -> Option<Position> {
    app.desk.geometry.reader?;
    let r = &app.desk.reader;
    let sel = r.selected?;
    let text = app.desk.geometry.text;
    let t =
        r.layout.targets().iter().find(|t| {
            t.role == sel && t.line >= r.top && t.line < r.top + usize::from(text.height)
        })?;
    Some(Position {
        x: text.x + u16::try_from(t.col).ok()?,
        y: text.y + u16::try_from(t.line - r.top).ok()?,
    })
}

/// Mirrors the panel's drawing: the selected item's first row, scrolled
/// into view the same way.
fn panel_row(app: &App) -> Option<Position> {
    let area = inner(app.desk.geometry.panel?, 2);
    let rows = panel::rows(
        &app.desk.lib,
        &app.desk.reader,
        usize::from(area.width),
        &app.desk.conflicts,
    );
    let first = rows
        .iter()
        .position(|r| r.item == Some(app.desk.panel.cursor))?;
    let mut offset = app.desk.panel.offset.min(rows.len().saturating_sub(1));
    let h = usize::from(area.height.max(1));
    if first < offset || first >= offset + h {
        offset = first.saturating_sub(1);
    }
    let y = area.y + u16::try_from(first - offset).ok()?;
    Some(Position { x: area.x, y })
}
