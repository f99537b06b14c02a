//! The search in the brief being read: its matches, found again when the
//! brief, the width or the query changes, and `n` / `N` through them.

use super::Desk;
use crate::search;

impl Desk {
    /// Recomputes the matches in the current layout if the brief, the width
    /// or the query changed; true if it did.
    pub fn refresh_search(&mut self) -> bool {
        let key = (
            self.reader.brief,
            self.reader.width(),
            self.search.query.clone(),
        );
        if self.search.computed_for.as_ref() == Some(&key) {
            return false;
        }
        let mut matches = Vec::new();
        if !self.search.query.is_empty() {
            // Each block's lines are searched together, so a phrase the
            // wrapping split is still found.
            let layout = &self.reader.layout;
            let mut block: Vec<(usize, String)> = Vec::new();
            for i in 0..=layout.len() {
                let line = layout.line(i);
                let same = line.is_some()
                    && block
                        .first()
                        .is_some_and(|(first, _)| layout.block_of(*first) == layout.block_of(i));
                if !same && !block.is_empty() {
                    matches.extend(search::block_matches(&block, &self.search.query));
                    block.clear();
                }
                if let Some(line) = line {
                    block.push((i, line.plain()));
                }
            }
        }
        self.search.current = if matches.is_empty() { None } else { Some(0) };
        self.search.matches = matches;
        self.search.computed_for = Some(key);
        true
    }

    /// Shows the first match at or below the top of the screen (or the
    /// first of all).
    pub(crate) fn goto_match_from_top(&mut self) {
        let top = self.reader.top;
        if let Some(i) = self.search.matches.iter().position(|m| m.line >= top) {
            self.search.current = Some(i);
            let line = self.search.matches[i].line;
            self.reader.ensure_visible(line);
            self.reader.anchor_line(line);
        } else if !self.search.matches.is_empty() {
            self.search.current = Some(0);
            let line = self.search.matches[0].line;
            self.reader.ensure_visible(line);
            self.reader.anchor_line(line);
        }
    }

    pub(super) fn next_match(&mut self, forward: bool) {
        self.refresh_search();
        let n = self.search.matches.len();
        if n == 0 {
            self.message = Some(if self.search.query.is_empty() {
                "no search yet: press / to search".into()
            } else {
                format!(
                    "no match for \"{}\"",
                    crate::sanitize::line(&self.search.query)
                )
            });
            return;
        }
        let (top, h) = (self.reader.top, self.reader.height.max(1));
        let seen = |i: usize| {
            let line = self.search.matches[i].line;
            line >= top && line < top + h
        };
        // From the current match while it is on screen, else from the
        // view, as less and vim do.
        let next = match self.search.current.filter(|i| seen(*i)) {
            Some(cur) if forward => (cur + 1) % n,
            Some(cur) => (cur + n - 1) % n,
            None if forward => self
                .search
                .matches
                .iter()
                .position(|m| m.line >= top)
                .unwrap_or(0),
            None => self
                .search
                .matches
                .iter()
                .rposition(|m| m.line < top + h)
                .unwrap_or(n - 1),
        };
        self.search.current = Some(next);
        let line = self.search.matches[next].line;
        if forward && line < top {
            self.message = Some("search went past the end: back at the top".into());
        } else if !forward && line >= top + h {
            self.message = Some("search went past the top: back at the end".into());
        }
        if line < self.reader.top || line >= self.reader.top + h {
            self.reader.top = line.saturating_sub(h / 3);
            self.reader.clamp();
        }
        // The match is where the reader is: the bar and panel follow it.
        self.reader.anchor_line(line);
    }
}
