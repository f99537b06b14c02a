//! What the reader can select or reach on the page: links, figure
//! mentions, notes and glossary terms, cycled through and scrolled into
//! view, and the one under a cell.

use super::ReaderState;
use crate::doc::Role;

impl ReaderState {
    /// Selects the next (or previous) link, figure mention or note after
    /// the current one, starting from the top of the pane, scrolling it
    /// into view. Glossary terms have their own way in:
    /// [`Self::cycle_term`].
    pub fn cycle_link(&mut self, forward: bool) -> bool {
        self.cycle(forward, |r| !matches!(r, Role::Term { .. }))
    }

    /// Selects the next (or previous) glossary term, as
    /// [`Self::cycle_link`] selects links.
    pub fn cycle_term(&mut self, forward: bool) -> bool {
        self.cycle(forward, |r| matches!(r, Role::Term { .. }))
    }

    fn cycle(&mut self, forward: bool, wanted: impl Fn(Role) -> bool) -> bool {
        let mut groups: Vec<(usize, Role)> = Vec::new();
        for t in self.layout.targets().iter().filter(|t| wanted(t.role)) {
            if groups.last().is_none_or(|(_, r)| *r != t.role) {
                groups.push((t.line, t.role));
            }
        }
        if groups.is_empty() {
            return false;
        }
        let current = self
            .selected
            .and_then(|s| groups.iter().position(|(_, r)| *r == s));
        let next = match (current, forward) {
            (Some(i), true) => (i + 1 < groups.len()).then_some(i + 1),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => groups.iter().position(|(l, _)| *l >= self.top),
            (None, false) => groups
                .iter()
                .rposition(|(l, _)| *l < self.top + self.height.max(1)),
        };
        let Some(i) = next else {
            return false;
        };
        let (line, role) = groups[i];
        self.selected = Some(role);
        self.highlight = None;
        self.ensure_visible(line);
        self.reveal(role);
        true
    }

    /// Scrolls a wide block sideways so target `role` shows whole.
    fn reveal(&mut self, role: Role) {
        let Some(t) = self.layout.targets().iter().find(|t| t.role == role) else {
            return;
        };
        if self.layout.overflow(t.line) == 0 {
            return;
        }
        let width = self.width().max(1);
        if t.col < self.hscroll {
            self.hscroll = t.col;
        } else if t.col + t.width > self.hscroll + width {
            self.hscroll = (t.col + t.width).saturating_sub(width);
        }
    }

    /// How far line `i` is shifted left: the sideways scroll, as far as
    /// its block reaches past the pane.
    pub fn shift(&self, i: usize) -> usize {
        self.hscroll.min(self.layout.overflow(i))
    }

    /// Scrolls the wide blocks on screen sideways by `delta` columns;
    /// false when none is on screen.
    pub fn scroll_sideways(&mut self, delta: isize) -> bool {
        let reach = (self.top..self.top + self.height.max(1))
            .map(|i| self.layout.overflow(i))
            .max()
            .unwrap_or(0);
        if reach == 0 {
            return false;
        }
        self.hscroll = self
            .hscroll
            .min(reach)
            .saturating_add_signed(delta)
            .min(reach);
        true
    }

    /// Puts the note of footnote `n` on screen (a third of the way down);
    /// false when it has none.
    pub fn show_footnote(&mut self, n: u32) -> bool {
        self.finish();
        let Some(line) = self.layout.footnote_line(n) else {
            return false;
        };
        self.top = line.saturating_sub(self.height / 3);
        self.clamp();
        self.anchor = None;
        self.highlight = None;
        self.selected = None;
        true
    }

    pub fn ensure_visible(&mut self, line: usize) {
        if line < self.top {
            self.top = line;
        } else if line >= self.top + self.height.max(1) {
            self.top = line + 1 - self.height.max(1);
        }
        self.clamp();
    }

    /// Puts the mention `m` on screen (a third of the way down) and
    /// highlights it.
    pub fn show_mention(&mut self, m: u32) {
        self.finish();
        let role = Role::Mention(m);
        if let Some(t) = self.layout.targets().iter().find(|t| t.role == role) {
            self.top = t.line.saturating_sub(self.height / 3);
            self.clamp();
        }
        self.highlight = Some(role);
        self.selected = Some(role);
    }

    /// The link or mention at a cell of the text (relative to the text area).
    pub fn target_at(&self, line: usize, col: usize) -> Option<Role> {
        let col = col + self.shift(line);
        self.layout
            .targets()
            .iter()
            .find(|t| t.line == line && col >= t.col && col < t.col + t.width)
            .map(|t| t.role)
    }
}
