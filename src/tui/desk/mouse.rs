//! Mouse input the open views let through (the app offers it to them
//! first): the wheel scrolls the pane under the pointer, and a click
//! selects (and opens) outline nodes, panel items and links.

use ratatui::layout::{Position, Rect};

use super::{Desk, Focus};
use crate::doc::Role;
use crate::tui::panel;

fn inside(r: Option<Rect>, x: u16, y: u16) -> Option<Rect> {
    r.filter(|r| r.contains(Position { x, y }))
}

impl Desk {
    pub fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let step: isize = if down { 3 } else { -3 };
        if inside(self.geometry.outline, x, y).is_some() {
            let rows = self.outline.rows(&self.lib, self.current()).len();
            self.outline.offset = self
                .outline
                .offset
                .saturating_add_signed(step)
                .min(rows.saturating_sub(1));
        } else if inside(self.geometry.panel, x, y).is_some() {
            self.panel.offset = self.panel.offset.saturating_add_signed(step);
        } else if inside(self.geometry.reader, x, y).is_some() {
            self.reader.scroll(step);
        }
    }

    pub fn click(&mut self, x: u16, y: u16) {
        if let Some(r) = inside(self.geometry.outline, x, y) {
            self.focus = Focus::Outline;
            let row = self.outline.offset + usize::from(y.saturating_sub(r.y + 1));
            let rows = self.outline.rows(&self.lib, self.current());
            if y > r.y && row < rows.len() {
                self.outline.cursor = row;
                self.outline_act(crate::tui::action::Action::Open);
            }
        } else if let Some(r) = inside(self.geometry.panel, x, y) {
            self.focus = Focus::Panel;
            let line = self.panel.offset + usize::from(y.saturating_sub(r.y + 1));
            let rows = panel::rows(
                &self.lib,
                &self.reader,
                usize::from(r.width.saturating_sub(4)),
                &self.conflicts,
            );
            if let Some(Some(i)) = rows.get(line).map(|row| row.item) {
                self.panel.cursor = i;
                if let Some(item) = panel::items(&self.lib, &self.reader).get(i).copied() {
                    self.open_item(item);
                }
            }
        } else if inside(self.geometry.reader, x, y).is_some() {
            self.focus = Focus::Reader;
            let t = self.geometry.text;
            if x < t.x || y < t.y {
                return;
            }
            let line = self.reader.top + usize::from(y - t.y);
            let col = usize::from(x - t.x);
            match self.reader.target_at(line, col) {
                Some(Role::Link(i)) => {
                    self.reader.selected = Some(Role::Link(i));
                    self.follow_link(self.reader.brief, i as usize);
                }
                Some(role @ Role::Mention(_)) => {
                    self.reader.selected = Some(role);
                    self.act(crate::tui::action::Action::Open);
                }
                Some(role @ Role::Term { .. }) => self.reader.selected = Some(role),
                _ => {}
            }
        }
    }
}
