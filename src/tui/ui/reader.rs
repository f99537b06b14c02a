//! The reading pane: only the lines on screen are drawn.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::doc::Role;
use crate::theme::{Slot, style_of};
use crate::tui::desk::Focus;
use crate::tui::paint::cells;
use crate::tui::views::Scene;

pub fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
    let r = &cx.reader;
    let title = cx.lib.brief(r.brief).map_or_else(String::new, |b| {
        crate::sanitize::line(&b.meta.short_title).into_owned()
    });
    crate::tui::paint::pane(frame, cx.theme, area, &title, cx.focus == Focus::Reader);
    let text = cx.geometry.text;
    let theme = &cx.theme;
    let buf = frame.buffer_mut();
    for row in 0..text.height {
        let i = r.top + usize::from(row);
        let Some(line) = r.layout.line(i) else {
            break;
        };
        let y = text.y + row;
        let mut x = text.x;
        let shift = r.shift(i);
        let mut skip = shift;
        for (piece, style) in line.spans() {
            let mut st = style_of(theme, style);
            if Some(style.role) == r.highlight && matches!(style.role, Role::Mention(_)) {
                st = st.patch(theme.get(Slot::MentionHighlight));
            } else if Some(style.role) == r.selected
                && matches!(
                    style.role,
                    Role::Link(_) | Role::Mention(_) | Role::FootnoteRef(_) | Role::Term { .. }
                )
            {
                st = st.patch(theme.get(Slot::LinkSelected));
            }
            let (piece, blank) = skip_columns(piece, &mut skip);
            x = cells::put(buf, x, y, text.right(), &" ".repeat(blank), st);
            x = cells::put(buf, x, y, text.right(), piece, st);
        }
        // A line cut at either edge says so.
        let dim = theme.get(Slot::Dim);
        if shift > 0 && line.width() > 0 && text.width > 1 {
            cells::put(buf, text.x, y, text.right(), "←", dim);
        }
        if line.width() > shift + usize::from(text.width) && text.width > 1 {
            cells::put(buf, text.right() - 1, y, text.right(), "→", dim);
        }
    }
    // Search matches on screen; the current one stands out.
    let search = &cx.search;
    for (i, m) in search.matches.iter().enumerate() {
        let mut st = theme.get(Slot::SearchMatch);
        if Some(i) == search.current {
            st = st.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        }
        let head = crate::search::Segment {
            line: m.line,
            col: m.col,
            width: m.width,
        };
        for seg in std::iter::once(head).chain(m.tail) {
            if seg.line < r.top || seg.line >= r.top + usize::from(text.height) {
                continue;
            }
            let shift = r.shift(seg.line);
            let (col, width) = if seg.col >= shift {
                (seg.col - shift, seg.width)
            } else {
                (0, (seg.col + seg.width).saturating_sub(shift))
            };
            let y = text.y + u16::try_from(seg.line - r.top).unwrap_or(0);
            let x = text
                .x
                .saturating_add(u16::try_from(col).unwrap_or(u16::MAX));
            let end = x
                .saturating_add(u16::try_from(width).unwrap_or(0))
                .min(text.right());
            cells::paint(buf, x, y, end, st);
        }
    }
    // The first part of a brief alone gives no share of the whole.
    let total = r.layout.len();
    if total > r.height && area.height > 2 && !cx.lib.partial {
        let pct = if r.max_top() == 0 {
            100
        } else {
            r.top * 100 / r.max_top()
        };
        let label = format!(" {pct}% ");
        let w = u16::try_from(label.len()).unwrap_or(0);
        if area.width > w + 4 {
            cells::put(
                buf,
                area.right() - w - 2,
                area.bottom() - 1,
                area.right() - 2,
                &label,
                theme.get(Slot::Dim),
            );
        }
        let mut state = ScrollbarState::new(r.max_top() + 1).position(r.top);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None)
            .thumb_style(theme.get(Slot::BorderFocused))
            .style(theme.get(Slot::Border));
        frame.render_stateful_widget(bar, area.inner(Margin::new(0, 1)), &mut state);
    }
}

/// `text` without its first `skip` columns, taking them off `skip`, and
/// how many blank columns stand for a wide character cut in two.
fn skip_columns<'a>(text: &'a str, skip: &mut usize) -> (&'a str, usize) {
    if *skip == 0 {
        return (text, 0);
    }
    for (i, g) in text.grapheme_indices(true) {
        if *skip == 0 {
            return (&text[i..], 0);
        }
        let w = UnicodeWidthStr::width(g);
        if w > *skip {
            let blank = w - *skip;
            *skip = 0;
            return (&text[i + g.len()..], blank);
        }
        *skip -= w;
    }
    ("", 0)
}
