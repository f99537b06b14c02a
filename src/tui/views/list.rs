//! What the list views share: the centred popup, the scrolling window, the
//! cursor's moves, highlighted text, and a list of simple rows.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Clear;

use crate::sanitize;
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::paint::{cells, pane};
use crate::tui::views::Scene;

/// The box of a popup of at most `max_w` columns over `area`, or `None`
/// when there is no room.
pub fn popup_area(area: Rect, max_w: u16) -> Option<Rect> {
    let w = area.width.saturating_sub(4).min(max_w);
    let h = area.height.saturating_sub(2);
    if w < 20 || h < 5 {
        return None;
    }
    Some(Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    })
}

/// The inside of a popup box.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x + 2,
        y: r.y + 1,
        width: r.width.saturating_sub(4),
        height: r.height.saturating_sub(2),
    }
}

/// A centred box over the screen; returns its inner area.
pub fn popup(
    frame: &mut Frame<'_>,
    cx: &Scene<'_>,
    area: Rect,
    title: &str,
    max_w: u16,
) -> Option<Rect> {
    let r = popup_area(area, max_w)?;
    frame.render_widget(Clear, r);
    frame
        .buffer_mut()
        .set_style(r, cx.theme.get(Slot::Background));
    pane(frame, cx.theme, r, title, true);
    Some(inner(r))
}

/// First row to show so `cursor` stays in a window of `height` rows.
pub fn window(cursor: usize, height: usize) -> usize {
    cursor.saturating_sub(height.saturating_sub(1))
}

/// Where the terminal cursor goes in a popup list of `len` rows drawn by
/// [`popup`] and [`window`]: at the start of row `row`; `None` when the
/// list is empty.
pub fn row_cursor(area: Rect, max_w: u16, row: usize, len: usize) -> Option<Position> {
    if row >= len {
        return None;
    }
    let inner = inner(popup_area(area, max_w)?);
    let h = usize::from(inner.height);
    let shown = row.checked_sub(window(row, h))?;
    Some(Position {
        x: inner.x,
        y: inner.y + u16::try_from(shown).ok()?,
    })
}

/// Says why a list is empty, in its first row.
pub fn empty_note(buf: &mut ratatui::buffer::Buffer, cx: &Scene<'_>, inner: Rect, note: &str) {
    cells::put_truncated(
        buf,
        inner.x,
        inner.y,
        inner.right(),
        note,
        cx.theme.get(crate::theme::Slot::Dim),
    );
}

/// Rows a page key moves a list cursor by.
pub fn page(cx: &Desk) -> usize {
    usize::from(cx.geometry.area.height.saturating_sub(6)).max(1)
}

/// Moves a list cursor for a list action; true if it was one.
pub fn move_cursor(cursor: &mut usize, len: usize, a: Action, page: usize) -> bool {
    let last = len.saturating_sub(1);
    *cursor = match a {
        Action::Down => (*cursor + 1).min(last),
        Action::Up => cursor.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => (*cursor + page).min(last),
        Action::PageUp | Action::HalfPageUp => cursor.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return false,
    };
    true
}

/// Writes `text` with the characters at `hl` (char indices) highlighted,
/// ending with `…` if it does not fit before `max_x`.
#[allow(clippy::too_many_arguments)]
pub fn put_marked(
    frame: &mut Frame<'_>,
    x: u16,
    y: u16,
    max_x: u16,
    text: &str,
    hl: &[u32],
    base: Style,
    mark: Style,
) -> u16 {
    let buf = frame.buffer_mut();
    let max_x = max_x.min(buf.area.right());
    let fits = x as usize + unicode_width::UnicodeWidthStr::width(text) <= max_x as usize;
    // Without room for all of it, stop one cell early for the ellipsis.
    let stop = if fits { max_x } else { max_x.saturating_sub(1) };
    let mut x = x;
    for (i, c) in text.chars().enumerate() {
        let st = if hl.binary_search(&(i as u32)).is_ok() {
            base.patch(mark)
        } else {
            base
        };
        let mut tmp = [0u8; 4];
        let nx = cells::put(buf, x, y, stop, c.encode_utf8(&mut tmp), st);
        if nx == x && unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > 0 {
            break;
        }
        x = nx;
    }
    if fits {
        x
    } else {
        cells::put(buf, x, y, max_x, "…", base)
    }
}

/// One row of a simple list: its text in a style, and dim text after it.
pub struct SimpleRow {
    pub text: String,
    pub style: Slot,
    pub after: String,
}

/// A popup list of simple rows with a cursor, or `empty` when there are none.
pub fn simple_list(
    frame: &mut Frame<'_>,
    cx: &Scene<'_>,
    area: Rect,
    title: &str,
    rows: &[SimpleRow],
    cursor: usize,
    empty: &str,
) {
    let Some(inner) = popup(frame, cx, area, title, 110) else {
        return;
    };
    let theme = &cx.theme;
    let buf = frame.buffer_mut();
    if rows.is_empty() {
        cells::put_truncated(
            buf,
            inner.x,
            inner.y,
            inner.right(),
            empty,
            theme.get(Slot::Dim),
        );
        return;
    }
    let h = usize::from(inner.height);
    let first = window(cursor, h);
    for (i, row) in rows.iter().enumerate().skip(first).take(h) {
        let y = inner.y + u16::try_from(i - first).unwrap_or(0);
        let x = cells::put_truncated(
            buf,
            inner.x,
            y,
            inner.right(),
            &sanitize::line(&row.text),
            theme.get(row.style),
        );
        cells::put_truncated(
            buf,
            x,
            y,
            inner.right(),
            &sanitize::line(&row.after),
            theme.get(Slot::Dim),
        );
        if i == cursor {
            cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
        }
    }
}
