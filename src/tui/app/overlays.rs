//! The finding overlays: figure finder, search, timeline, compare, help.

use super::{App, Effect, Focus, Overlay};
use crate::model::{BriefIdx, FigureRef, SectionIdx, SectionRef};
use crate::search;
use crate::tui::action::Action;
use crate::tui::find::{Scope, TimelineRow};

/// Library search shows at most this many hits.
const MAX_HITS: usize = 500;

/// A row of the compare view.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareRow {
    Brief(BriefIdx),
    Figure {
        figure: FigureRef,
        percent: Option<f64>,
    },
}

impl App {
    pub(super) fn overlay_act(&mut self, o: Overlay, a: Action) -> Effect {
        if a == Action::Quit {
            return Effect::Quit;
        }
        match o {
            Overlay::Help { scroll } => self.help_act(a, scroll),
            Overlay::Finder => self.finder_act(a),
            Overlay::Search => self.search_act(a),
            Overlay::Results => self.results_act(a),
            Overlay::Timeline => self.timeline_act(a),
            Overlay::Compare => self.compare_act(a),
            Overlay::Bookmarks => self.bookmarks_act(a),
            Overlay::Diagnostics => self.diagnostics_act(a),
        }
        Effect::None
    }

    fn help_act(&mut self, a: Action, scroll: usize) {
        let step = usize::from(self.geometry.area.height / 2).max(1);
        self.overlay = match a {
            Action::Close | Action::Help => None,
            Action::Down => Some(Overlay::Help { scroll: scroll + 1 }),
            Action::Up => Some(Overlay::Help {
                scroll: scroll.saturating_sub(1),
            }),
            Action::PageDown => Some(Overlay::Help {
                scroll: scroll + step,
            }),
            Action::PageUp => Some(Overlay::Help {
                scroll: scroll.saturating_sub(step),
            }),
            _ => self.overlay,
        };
    }

    pub(super) fn list_page(&self) -> usize {
        usize::from(self.geometry.area.height.saturating_sub(6)).max(1)
    }

    /// Moves a list cursor for a list action; true if it was one.
    pub(super) fn move_cursor(cursor: &mut usize, len: usize, a: Action, page: usize) -> bool {
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

    pub(super) fn type_char(&mut self, c: char) {
        match self.overlay {
            Some(Overlay::Finder) => {
                self.finder.query.push(c);
                self.refresh_finder();
            }
            Some(Overlay::Search) => {
                self.search.query.push(c);
                self.search.computed_for = None;
            }
            _ => {}
        }
    }

    pub(super) fn delete_char(&mut self) {
        match self.overlay {
            Some(Overlay::Finder) => {
                self.finder.query.pop();
                self.refresh_finder();
            }
            Some(Overlay::Search) => {
                self.search.query.pop();
                self.search.computed_for = None;
            }
            _ => {}
        }
    }

    // ----- figure finder -----

    /// Opens the finder. An index still being built in the background
    /// is not waited for: the finder says so, takes what is typed, and
    /// ranks it when the index comes in (see [`App::tick`]).
    pub(super) fn open_finder(&mut self) {
        self.finder.take_index(&self.lib, false);
        self.overlay = Some(Overlay::Finder);
        self.refresh_finder();
    }

    fn refresh_finder(&mut self) {
        self.finder.refresh();
    }

    fn finder_act(&mut self, a: Action) {
        let page = self.list_page();
        let len = self.finder.hits.len();
        if Self::move_cursor(&mut self.finder.cursor, len, a, page) {
            return;
        }
        match a {
            Action::Close => self.overlay = None,
            Action::Open => {
                if self.finder.take_index(&self.lib, true) {
                    self.refresh_finder();
                }
                self.finder.settle();
                if let Some(hit) = self.finder.hits.get(self.finder.cursor).copied() {
                    self.overlay = None;
                    self.jump_to_figure(hit.figure);
                }
            }
            _ => {}
        }
    }

    /// Opens a figure's passage with the figure highlighted.
    pub fn jump_to_figure(&mut self, r: FigureRef) {
        let Some(m) = self
            .lib
            .brief(r.brief)
            .and_then(|b| b.mentions.iter().position(|m| m.figure == Some(r.figure)))
        else {
            return;
        };
        self.remember();
        self.reader.open_brief(&self.lib, r.brief);
        self.reader.show_mention(u32::try_from(m).unwrap_or(0));
        if self.geometry.reader.is_some() {
            self.focus = Focus::Reader;
        }
        self.outline_follow();
    }

    // ----- search -----

    pub(super) fn open_search(&mut self) {
        self.search.query.clear();
        self.search.computed_for = None;
        self.search.scope = Scope::Brief;
        self.overlay = Some(Overlay::Search);
    }

    fn search_act(&mut self, a: Action) {
        match a {
            Action::Close => {
                self.overlay = None;
                self.search.query.clear();
                self.search.computed_for = None;
            }
            Action::Open => {
                self.overlay = None;
                self.refresh_search();
                self.goto_match_from_top();
            }
            Action::ToggleScope => {
                self.search.scope = Scope::Library;
                self.run_library_search();
                self.overlay = Some(Overlay::Results);
            }
            _ => {}
        }
    }

    /// Recomputes the matches in the current layout if the brief, the width
    /// or the query changed.
    pub fn refresh_search(&mut self) {
        let key = (
            self.reader.brief,
            self.reader.width(),
            self.search.query.clone(),
        );
        if self.search.computed_for.as_ref() == Some(&key) {
            return;
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
        if self.overlay == Some(Overlay::Search) {
            self.goto_match_from_top();
        }
    }

    fn goto_match_from_top(&mut self) {
        let top = self.reader.top;
        if let Some(i) = self.search.matches.iter().position(|m| m.line >= top) {
            self.search.current = Some(i);
            let line = self.search.matches[i].line;
            self.reader.ensure_visible(line);
        } else if !self.search.matches.is_empty() {
            self.search.current = Some(0);
            let line = self.search.matches[0].line;
            self.reader.ensure_visible(line);
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
        let cur = self.search.current.unwrap_or(0);
        let next = if forward {
            (cur + 1) % n
        } else {
            (cur + n - 1) % n
        };
        self.search.current = Some(next);
        let line = self.search.matches[next].line;
        let h = self.reader.height.max(1);
        if line < self.reader.top || line >= self.reader.top + h {
            self.reader.top = line.saturating_sub(h / 3);
            self.reader.clamp();
        }
    }

    fn run_library_search(&mut self) {
        let mut hits = Vec::new();
        if !self.search.query.is_empty() {
            for bi in 0..self.lib.briefs.len() {
                let doc = self.reader.doc(&self.lib, BriefIdx(bi));
                for h in search::doc_hits(&doc, &self.search.query, MAX_HITS - hits.len()) {
                    hits.push((BriefIdx(bi), h));
                }
                if hits.len() >= MAX_HITS {
                    break;
                }
            }
        }
        self.search.lib_hits = hits;
        self.search.cursor = 0;
    }

    fn results_act(&mut self, a: Action) {
        let page = self.list_page();
        let len = self.search.lib_hits.len();
        if Self::move_cursor(&mut self.search.cursor, len, a, page) {
            return;
        }
        match a {
            Action::Close | Action::Collapse => self.overlay = None,
            Action::Open => {
                let Some((b, hit)) = self.search.lib_hits.get(self.search.cursor).cloned() else {
                    return;
                };
                self.overlay = None;
                self.remember();
                self.reader.open_brief(&self.lib, b);
                self.reader.top = self.reader.layout.block_line(hit.block);
                self.reader.clamp();
                self.search.computed_for = None;
                self.refresh_search();
                self.goto_match_from_top();
                self.outline_follow();
            }
            _ => {}
        }
    }

    // ----- timeline -----

    pub(super) fn open_timeline(&mut self) {
        self.overlay = Some(Overlay::Timeline);
        let rows = self.timeline_rows();
        if !matches!(
            rows.get(self.timeline.cursor),
            Some(TimelineRow::Event { .. })
        ) {
            self.timeline.cursor = rows
                .iter()
                .position(|r| matches!(r, TimelineRow::Event { .. }))
                .unwrap_or(0);
        }
    }

    pub fn timeline_rows(&self) -> Vec<TimelineRow> {
        let mut rows = Vec::new();
        let mut year = None;
        for (i, (b, e)) in self.lib.events().into_iter().enumerate() {
            if year != Some(e.date.year) {
                year = Some(e.date.year);
                rows.push(TimelineRow::Year(e.date.year));
            }
            rows.push(TimelineRow::Event {
                index: i,
                to: SectionRef {
                    brief: b,
                    section: e.section.unwrap_or(SectionIdx(0)),
                },
            });
        }
        rows
    }

    fn timeline_act(&mut self, a: Action) {
        let rows = self.timeline_rows();
        let page = self.list_page();
        let before = self.timeline.cursor;
        if Self::move_cursor(&mut self.timeline.cursor, rows.len(), a, page) {
            // Year headings are skipped in the direction of travel.
            let down = self.timeline.cursor >= before;
            while let Some(TimelineRow::Year(_)) = rows.get(self.timeline.cursor) {
                if down && self.timeline.cursor + 1 < rows.len() {
                    self.timeline.cursor += 1;
                } else if !down && self.timeline.cursor > 0 {
                    self.timeline.cursor -= 1;
                } else {
                    self.timeline.cursor = before;
                    break;
                }
            }
            return;
        }
        match a {
            Action::Close | Action::Collapse => self.overlay = None,
            Action::Open => {
                if let Some(TimelineRow::Event { to, .. }) = rows.get(self.timeline.cursor) {
                    self.overlay = None;
                    self.go(*to);
                }
            }
            _ => {}
        }
    }

    // ----- compare -----

    pub(super) fn open_compare(&mut self) {
        self.overlay = Some(Overlay::Compare);
    }

    pub fn compare_rows(&self, tag: &str) -> Vec<CompareRow> {
        let mut rows = Vec::new();
        for (bi, b) in self.lib.briefs.iter().enumerate() {
            let mut first = true;
            for (fi, f) in b.figures.iter().enumerate() {
                if !f.tags.iter().any(|t| t == tag) {
                    continue;
                }
                if first {
                    rows.push(CompareRow::Brief(BriefIdx(bi)));
                    first = false;
                }
                rows.push(CompareRow::Figure {
                    figure: FigureRef {
                        brief: BriefIdx(bi),
                        figure: crate::model::FigureIdx(fi),
                    },
                    percent: crate::lookup::percent(&f.value),
                });
            }
        }
        rows
    }

    fn compare_act(&mut self, a: Action) {
        let page = self.list_page();
        match self.compare.tag.clone() {
            None => {
                let tags = self.lib.figure_tags();
                if Self::move_cursor(&mut self.compare.cursor, tags.len(), a, page) {
                    return;
                }
                match a {
                    Action::Close | Action::Collapse => self.overlay = None,
                    Action::Open => {
                        if let Some((t, _)) = tags.get(self.compare.cursor) {
                            self.compare.tag = Some(t.clone());
                            self.compare.cursor = 1;
                        }
                    }
                    _ => {}
                }
            }
            Some(tag) => {
                let rows = self.compare_rows(&tag);
                if Self::move_cursor(&mut self.compare.cursor, rows.len(), a, page) {
                    if let Some(CompareRow::Brief(_)) = rows.get(self.compare.cursor) {
                        let down = matches!(
                            a,
                            Action::Down | Action::PageDown | Action::HalfPageDown | Action::Bottom
                        );
                        if down && self.compare.cursor + 1 < rows.len() {
                            self.compare.cursor += 1;
                        } else if self.compare.cursor > 0 {
                            self.compare.cursor -= 1;
                        } else {
                            self.compare.cursor = 1.min(rows.len().saturating_sub(1));
                        }
                    }
                    return;
                }
                match a {
                    Action::Close => self.overlay = None,
                    Action::Collapse => {
                        let tags = self.lib.figure_tags();
                        self.compare.cursor = tags.iter().position(|(t, _)| *t == tag).unwrap_or(0);
                        self.compare.tag = None;
                    }
                    Action::Open => {
                        if let Some(CompareRow::Figure { figure, .. }) =
                            rows.get(self.compare.cursor)
                        {
                            let f = *figure;
                            self.overlay = None;
                            self.jump_to_figure(f);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
