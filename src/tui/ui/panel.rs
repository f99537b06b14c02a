//! The figures and cross-references panel.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::sanitize;
use crate::theme::Slot;
use crate::tui::app::{App, Focus};
use crate::tui::paint::cells;
use crate::tui::panel;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let focused = app.focus == Focus::Panel;
    let section = app
        .lib
        .brief(app.reader.brief)
        .and_then(|b| b.section(app.reader.section()))
        .map_or_else(String::new, |s| sanitize::line(&s.title).into_owned());
    crate::tui::paint::pane(frame, &app.theme, area, &section, focused);
    let inner = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    };
    let rows = panel::rows(
        &app.lib,
        &app.reader,
        usize::from(inner.width),
        &app.disagree,
    );
    let cursor = app.panel.cursor;
    // The figure selected in the text is marked in the margin.
    let marked = panel::selected_item(&app.lib, &app.reader, &panel::items(&app.lib, &app.reader));
    // Keep the selected item in view.
    let mut offset = app.panel.offset.min(rows.len().saturating_sub(1));
    // A term selected in the text heads the panel: show it.
    if !focused && panel::term::selected(&app.lib, &app.reader).is_some() {
        offset = 0;
    }
    let keep = if focused { Some(cursor) } else { marked };
    if let Some(item) = keep
        && let Some(first) = rows.iter().position(|r| r.item == Some(item))
    {
        let h = usize::from(inner.height.max(1));
        if first < offset || first >= offset + h {
            offset = first.saturating_sub(1);
        }
    }
    let buf = frame.buffer_mut();
    for (i, r) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(inner.height))
    {
        let y = inner.y + u16::try_from(i - offset).unwrap_or(0);
        let mut x = inner.x;
        for (text, slot) in &r.pieces {
            x = cells::put_truncated(buf, x, y, inner.right(), text, app.theme.get(*slot));
        }
        if marked.is_some() && r.item == marked {
            cells::put(
                buf,
                inner.x.saturating_sub(1),
                y,
                inner.x,
                "▌",
                app.theme.get(Slot::Mention),
            );
        }
        if focused && r.item == Some(cursor) {
            cells::paint(
                buf,
                inner.x.saturating_sub(1),
                y,
                inner.right() + 1,
                app.theme.get(Slot::Selection),
            );
        }
    }
}
