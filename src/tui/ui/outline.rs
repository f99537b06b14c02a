//! The outline pane.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::sanitize;
use crate::theme::Slot;
use crate::tui::desk::Focus;
use crate::tui::outline::Node;
use crate::tui::paint::{cells, short_publisher};
use crate::tui::views::Scene;

pub fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
    let focused = cx.focus == Focus::Outline;
    let title = if cx.lib.embedded { "Library" } else { "Briefs" };
    crate::tui::paint::pane(frame, cx.theme, area, title, focused);
    let current = cx.current();
    let rows = cx.outline.rows(&cx.lib, current);
    let here = cx.outline.current_row(&rows, &cx.lib, current);
    let inner = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    // Keep the node being read in view when the outline is not focused.
    let offset = if focused {
        cx.outline.offset
    } else {
        here.map_or(cx.outline.offset, |h| {
            let h_rows = usize::from(inner.height.max(1));
            if h < cx.outline.offset || h >= cx.outline.offset + h_rows {
                h.saturating_sub(h_rows / 3)
            } else {
                cx.outline.offset
            }
        })
    };
    let theme = &cx.theme;
    let buf = frame.buffer_mut();
    for (i, row) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(inner.height))
    {
        let y = inner.y + u16::try_from(i - offset).unwrap_or(0);
        let is_here = Some(i) == here;
        let mut x = inner.x + u16::from(row.depth) * 2;
        let glyph = match (row.has_children, row.expanded) {
            (true, true) => "▾ ",
            (true, false) => "▸ ",
            _ => "  ",
        };
        x = cells::put(buf, x, y, inner.right(), glyph, theme.get(Slot::Marker));
        let marks = super::marks::outline_marks(cx, row.node);
        let right = super::marks::put_right(buf, cx, &marks, y, x, inner.right());
        match row.node {
            Node::Brief(b) => {
                let Some(brief) = cx.lib.brief(b) else {
                    continue;
                };
                let style = if is_here {
                    theme.get(Slot::OutlineCurrent)
                } else {
                    theme.get(Slot::OutlineBrief)
                };
                x = cells::put_truncated(
                    buf,
                    x,
                    y,
                    right,
                    &sanitize::line(&brief.meta.short_title),
                    style,
                );
                let mut meta = String::new();
                if let Some(d) = brief.meta.published {
                    meta.push(' ');
                    meta.push_str(&d.year.to_string());
                }
                if let Some(p) = &brief.meta.publisher {
                    meta.push_str(" · ");
                    meta.push_str(&short_publisher(p));
                }
                cells::put_truncated(
                    buf,
                    x,
                    y,
                    right,
                    &sanitize::line(&meta),
                    theme.get(Slot::Dim),
                );
            }
            Node::Section(s) => {
                let Some(sec) = cx.lib.brief(s.brief).and_then(|b| b.section(s.section)) else {
                    continue;
                };
                let style = if is_here {
                    theme.get(Slot::OutlineCurrent)
                } else if sec.depth == 1 {
                    theme.get(Slot::Body)
                } else {
                    theme.get(Slot::OutlineSection)
                };
                cells::put_truncated(buf, x, y, right, &sanitize::line(&sec.title), style);
            }
        }
        if focused && i == cx.outline.cursor {
            cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
        }
    }
}
