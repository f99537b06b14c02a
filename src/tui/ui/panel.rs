//! The figures and cross-references panel.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::sanitize;
use crate::theme::Slot;
use crate::tui::desk::Focus;
use crate::tui::paint::cells;
use crate::tui::panel;
use crate::tui::views::Scene;

pub fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
    let focused = cx.focus == Focus::Panel;
    let section = cx
        .lib
        .brief(cx.reader.brief)
        .and_then(|b| b.section(cx.reader.section()))
        .map_or_else(String::new, |s| sanitize::line(&s.title).into_owned());
    crate::tui::paint::pane(frame, cx.theme, area, &section, focused);
    let inner = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    };
    let rows = panel::rows(&cx.lib, &cx.reader, usize::from(inner.width), &cx.conflicts);
    let cursor = cx.panel.cursor;
    // The figure selected in the text is marked in the margin.
    let marked = panel::selected_item(&cx.lib, &cx.reader, &panel::items(&cx.lib, &cx.reader));
    // Keep the selected item in view.
    let mut offset = cx.panel.offset.min(rows.len().saturating_sub(1));
    // A term selected in the text heads the panel: show it.
    if !focused && panel::term::selected(&cx.lib, &cx.reader).is_some() {
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
            x = cells::put_truncated(buf, x, y, inner.right(), text, cx.theme.get(*slot));
        }
        if marked.is_some() && r.item == marked {
            cells::put(
                buf,
                inner.x.saturating_sub(1),
                y,
                inner.x,
                "▌",
                cx.theme.get(Slot::Mention),
            );
        }
        if focused && r.item == Some(cursor) {
            cells::paint(
                buf,
                inner.x.saturating_sub(1),
                y,
                inner.right() + 1,
                cx.theme.get(Slot::Selection),
            );
        }
    }
}
