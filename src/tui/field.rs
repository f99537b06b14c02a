//! A one-line text field (the finder's query, the search line, the help's
//! filter): editing by `tui-input`, with the keys of a shell line, and a
//! window that scrolls so the caret stays in view.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use ratatui::style::{Modifier, Style};
use tui_input::backend::crossterm::to_input_request;
use tui_input::{Input as Line, InputRequest};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::msg::Input;
use crate::sanitize;
use crate::tui::paint::cells;

#[derive(Debug, Default, Clone)]
pub struct TextField {
    line: Line,
}

impl TextField {
    pub fn value(&self) -> &str {
        self.line.value()
    }

    /// Replaces the text; the caret goes to its end.
    pub fn set(&mut self, value: &str) {
        self.line = Line::new(value.chars().filter(|c| !sanitize::is_unsafe(*c)).collect());
    }

    /// Applies a typing or editing input; `None` if it is neither, else
    /// whether the text changed (not just the caret).
    pub fn edit(&mut self, input: Input) -> Option<bool> {
        let request = match input {
            // Nothing that would have to be shown escaped gets in, so the
            // text drawn is the text edited, column for column.
            Input::Type(c) if sanitize::is_unsafe(c) => return Some(false),
            Input::Type(c) => InputRequest::InsertChar(c),
            Input::Erase => InputRequest::DeletePrevChar,
            // As in a shell, Ctrl-U deletes what is before the caret.
            Input::Edit(k)
                if k.code == KeyCode::Char('u') && k.modifiers == KeyModifiers::CONTROL =>
            {
                InputRequest::DeleteFromStart
            }
            Input::Edit(k) => to_input_request(&Event::Key(k))?,
            _ => return None,
        };
        Some(self.line.handle(request).is_some_and(|c| c.value))
    }

    /// The columns scrolled off to the left in a window `width` wide, the
    /// last column kept for the caret at the end.
    fn scroll(&self, width: u16) -> usize {
        self.line
            .visual_scroll(usize::from(width.saturating_sub(1).max(1)))
    }

    /// The caret's column in a window starting at `x`, `width` wide.
    pub fn caret_x(&self, x: u16, width: u16) -> u16 {
        let col = self.line.visual_cursor().saturating_sub(self.scroll(width));
        x.saturating_add(u16::try_from(col).unwrap_or(u16::MAX))
            .min(x.saturating_add(width.saturating_sub(1)))
    }

    /// What shows of the text in a window `width` wide.
    pub fn visible(&self, width: u16) -> String {
        let skip = self.scroll(width);
        let mut col = 0;
        let mut out = String::new();
        for g in self.value().graphemes(true) {
            let w = g.width();
            if col >= skip && col + w <= skip + usize::from(width) {
                out.push_str(g);
            }
            col += w;
        }
        out
    }

    /// Draws what fits of the text in `width` columns from `x`, the caret
    /// in reverse video; returns the column after the text.
    pub fn draw(&self, buf: &mut Buffer, x: u16, y: u16, width: u16, style: Style) -> u16 {
        let end = cells::put(
            buf,
            x,
            y,
            x.saturating_add(width),
            &self.visible(width),
            style,
        );
        let caret = self.caret_x(x, width);
        if let Some(cell) = buf.cell_mut((caret, y)) {
            if caret >= end {
                cell.set_symbol(" ");
            }
            cell.set_style(style.add_modifier(Modifier::REVERSED));
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyEvent;
    use ratatui::layout::Rect;

    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Input {
        Input::Edit(KeyEvent::new(code, mods))
    }

    fn typed(text: &str) -> TextField {
        let mut f = TextField::default();
        for c in text.chars() {
            f.edit(Input::Type(c));
        }
        f
    }

    #[test]
    fn the_keys_of_a_shell_line_edit() {
        let mut f = typed("chip exports china");
        assert_eq!(
            f.edit(key(KeyCode::Char('w'), KeyModifiers::CONTROL)),
            Some(true)
        );
        assert_eq!(f.value(), "chip exports ");
        f.edit(key(KeyCode::Backspace, KeyModifiers::ALT));
        assert_eq!(f.value(), "chip ");
        f.edit(key(KeyCode::Home, KeyModifiers::NONE));
        f.edit(Input::Type('>'));
        assert_eq!(f.value(), ">chip ");
        f.edit(key(KeyCode::Char('e'), KeyModifiers::CONTROL));
        f.edit(key(KeyCode::Left, KeyModifiers::NONE));
        f.edit(Input::Erase);
        assert_eq!(f.value(), ">chi ");
        f.edit(key(KeyCode::Char('a'), KeyModifiers::CONTROL));
        f.edit(key(KeyCode::Right, KeyModifiers::NONE));
        f.edit(key(KeyCode::End, KeyModifiers::NONE));
        f.edit(Input::Type('x'));
        assert_eq!(f.value(), ">chi x");
        assert_eq!(
            f.edit(key(KeyCode::Char('u'), KeyModifiers::CONTROL)),
            Some(true)
        );
        assert_eq!(f.value(), "");
        assert_eq!(f.edit(Input::Act(crate::tui::action::Action::Down)), None);
        f.edit(Input::Type('\u{1b}'));
        f.edit(Input::Type('\u{202e}'));
        assert_eq!(f.value(), "", "nothing that would drive the terminal");
    }

    #[test]
    fn a_long_text_scrolls_so_the_caret_stays_in_view() {
        let f = typed("the quick brown fox jumps");
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let end = f.draw(&mut buf, 0, 0, 10, Style::default());
        let shown: String = (0..10)
            .map(|x| buf.cell((x, 0)).map_or(" ", |c| c.symbol()))
            .collect();
        assert_eq!(shown, "fox jumps ", "the end of what is typed shows");
        assert_eq!(end, 9);
        assert_eq!(f.caret_x(0, 10), 9);
        let caret = buf.cell((9, 0)).map(|c| c.modifier);
        assert_eq!(caret, Some(Modifier::REVERSED));
        // Back at the start, the start shows.
        let mut f = f;
        f.edit(key(KeyCode::Home, KeyModifiers::NONE));
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        f.draw(&mut buf, 0, 0, 10, Style::default());
        let shown: String = (0..10)
            .map(|x| buf.cell((x, 0)).map_or(" ", |c| c.symbol()))
            .collect();
        assert_eq!(shown, "the quick ");
        assert_eq!(f.caret_x(0, 10), 0);
    }
}
