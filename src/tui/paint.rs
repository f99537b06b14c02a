//! Drawing helpers shared by the base layer (`ui`) and the views: cells
//! written one grapheme at a time, a pane's frame, short names. Nothing here
//! knows the app or the views.

pub mod cells;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Borders};

use crate::theme::{Slot, Theme};

/// A pane's frame: rounded borders, highlighted when focused, and a title
/// written by hand so it is clipped safely.
pub fn pane(frame: &mut Frame<'_>, theme: &Theme, area: Rect, title: &str, focused: bool) {
    let border = theme.get(if focused {
        Slot::BorderFocused
    } else {
        Slot::BorderUnfocused
    });
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(border);
    frame.render_widget(block, area);
    if area.width > 4 && !title.is_empty() {
        let buf = frame.buffer_mut();
        let x = cells::put(buf, area.x + 2, area.y, area.right() - 2, " ", border);
        let x = cells::put_truncated(
            buf,
            x,
            area.y,
            area.right().saturating_sub(3),
            title,
            theme.get(Slot::Title),
        );
        cells::put(buf, x, area.y, area.right() - 2, " ", border);
    }
}

/// "Center for a New American Security" → "CNAS"; short names stay.
pub fn short_publisher(p: &str) -> String {
    if p.chars().count() <= 16 {
        return p.to_owned();
    }
    let initials: String = p
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    if initials.len() >= 2 {
        initials
    } else {
        p.to_owned()
    }
}
