//! The library search's results: every passage of every brief that
//! matches the search line's query, grouped by brief.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::list::{self, popup, put_marked, window};
use super::rowfit;
use super::{Input, Outcome, View};
use crate::model::BriefIdx;
use crate::sanitize;
use crate::search::{self, BlockHit};
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::views::{Cx, Scene};

/// Library search shows at most this many hits.
const MAX_HITS: usize = 500;

/// A row of the results list: the hit it shows (none for a brief heading),
/// its text, and where the match sits in it.
type ResultRow = (Option<usize>, String, Option<(usize, usize)>);

#[derive(Debug, Default)]
pub struct Results {
    /// The hits, grouped by brief in library order.
    pub hits: Vec<(BriefIdx, BlockHit)>,
    pub cursor: usize,
}

impl View for Results {
    fn mode(&self) -> Mode {
        Mode::List
    }

    /// Searches the library for the search line's query.
    fn open(&mut self, cx: &mut Cx<'_>) {
        let query = &cx.desk.search.query;
        let mut hits = Vec::new();
        if !query.is_empty() {
            // A library read through the cache reads only the briefs its
            // word index says may hold the query.
            let briefs = cx
                .desk
                .lib
                .search_candidates(query)
                .unwrap_or_else(|| (0..cx.desk.lib.briefs.len()).map(BriefIdx).collect());
            for bi in briefs {
                // Built for the search alone: its blocks are the reader's,
                // without the glossary's marks (which place nothing) and
                // without being kept (a search may read thousands).
                let Some(brief) = cx.desk.lib.brief(bi) else {
                    continue;
                };
                let doc = crate::doc::build_with_lead(brief);
                for h in search::doc_hits(&doc, query, MAX_HITS - hits.len()) {
                    hits.push((bi, h));
                }
                if hits.len() >= MAX_HITS {
                    break;
                }
            }
        }
        self.hits = hits;
        self.cursor = 0;
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        if list::move_cursor(&mut self.cursor, self.hits.len(), a, list::page(cx)) {
            return Outcome::Consumed;
        }
        match a {
            Action::Close | Action::Collapse => Outcome::Close,
            Action::Open => {
                let Some((b, hit)) = self.hits.get(self.cursor).cloned() else {
                    return Outcome::Consumed;
                };
                cx.remember();
                cx.desk.reader.open_brief(&cx.desk.lib, b);
                cx.reader.top = cx.reader.layout.block_line(hit.block);
                cx.reader.clamp();
                cx.search.computed_for = None;
                cx.refresh_search();
                cx.goto_match_from_top();
                cx.outline_follow();
                Outcome::Close
            }
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw(frame, cx, area, self);
    }

    /// On the selected hit's row, counting the briefs' heading rows.
    fn cursor(&self, _cx: &Scene<'_>, area: Rect) -> Option<Position> {
        let headings = |hits: &[(BriefIdx, BlockHit)]| {
            let mut briefs: Vec<BriefIdx> = hits.iter().map(|(b, _)| *b).collect();
            briefs.dedup();
            briefs.len()
        };
        let upto = self.hits.get(..=self.cursor)?;
        let row = self.cursor + headings(upto);
        list::row_cursor(area, 120, row, self.hits.len() + headings(&self.hits))
    }

    fn reload(&mut self, _cx: &mut Cx<'_>, _open: bool) {
        self.hits.clear();
    }
}

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, view: &Results) {
    let title = format!(
        "Search the library: \"{}\" — {}",
        sanitize::line(&cx.search.query),
        crate::words::count(view.hits.len(), "hit", "hits")
    );
    let Some(inner) = popup(frame, cx, area, &title, 120) else {
        return;
    };
    let theme = &cx.theme;
    // Rows: brief headings, then hits.
    let mut rows: Vec<ResultRow> = Vec::new();
    let mut last = None;
    for (i, (b, h)) in view.hits.iter().enumerate() {
        if last != Some(*b) {
            last = Some(*b);
            let name = cx
                .lib
                .brief(*b)
                .map_or(String::new(), crate::model::Brief::display_name);
            rows.push((None, name, None));
        }
        rows.push((Some(i), h.context.clone(), Some(h.at)));
    }
    let rows_h = usize::from(inner.height);
    let cursor_row = rows
        .iter()
        .position(|r| r.0 == Some(view.cursor))
        .unwrap_or(0);
    let first = window(cursor_row, rows_h);
    for (ri, (hit, text, at)) in rows.iter().enumerate().skip(first).take(rows_h) {
        let y = inner.y + u16::try_from(ri - first).unwrap_or(0);
        match (hit, at) {
            (Some(i), Some((s, n))) => {
                let hl: Vec<u32> = (*s..s + n).map(|c| c as u32).collect();
                // Where the hit is: its section, kept whole before the
                // context is cut.
                let section = view
                    .hits
                    .get(*i)
                    .and_then(|(b, h)| cx.lib.brief(*b)?.section(h.section))
                    .filter(|s| s.depth > 0)
                    .map_or_else(String::new, |s| format!("  · {}", sanitize::line(&s.title)));
                let text = sanitize::line(text);
                let room = usize::from(inner.right().saturating_sub(inner.x + 2));
                let (text_room, _) = rowfit::split(
                    room,
                    unicode_width::UnicodeWidthStr::width(text.as_ref()),
                    unicode_width::UnicodeWidthStr::width(section.as_str()),
                );
                let end = put_marked(
                    frame,
                    inner.x + 2,
                    y,
                    inner.x + 2 + u16::try_from(text_room).unwrap_or(0),
                    &text,
                    &hl,
                    theme.get(Slot::Body),
                    theme.get(Slot::SearchMatch),
                );
                cells::put_truncated(
                    frame.buffer_mut(),
                    end,
                    y,
                    inner.right(),
                    &section,
                    theme.get(Slot::Dim),
                );
                if *i == view.cursor {
                    cells::paint(
                        frame.buffer_mut(),
                        inner.x,
                        y,
                        inner.right(),
                        theme.get(Slot::Selection),
                    );
                }
            }
            _ => {
                cells::put_truncated(
                    frame.buffer_mut(),
                    inner.x,
                    y,
                    inner.right(),
                    &sanitize::line(text),
                    theme.get(Slot::Heading2),
                );
            }
        }
    }
    if rows.is_empty() {
        cells::put(
            frame.buffer_mut(),
            inner.x,
            inner.y,
            inner.right(),
            "Nothing found.",
            theme.get(Slot::Dim),
        );
    }
}
