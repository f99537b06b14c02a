//! The glossary: every term with its expansion and one-line definition;
//! under the term opened, the places the briefs mention it, each one
//! Enter away (with history, so Backspace comes back).

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::list::{self, popup};
use super::{Input, Outcome, View};
use crate::model::{BriefIdx, SectionRef};
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::views::{Cx, Scene};

/// A row of the glossary: a term, or a place that mentions the term
/// opened above it (`None`: no brief does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryRow {
    Term(usize),
    Place(usize, Option<SectionRef>),
}

/// The terms in alphabetical order (a leading "the" aside).
fn order(cx: &Desk) -> Vec<usize> {
    let key = |t: &crate::glossary::Term| {
        let f = crate::query::fold(&t.term);
        f.strip_prefix("the ")
            .map_or_else(|| f.clone(), str::to_owned)
    };
    let terms = &cx.lib.glossary.terms;
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_cached_key(|&i| key(&terms[i]));
    order
}

/// The rows, with the places of term `open` under it.
pub fn rows(cx: &Desk, open: Option<usize>) -> Vec<GlossaryRow> {
    let mut out = Vec::new();
    for t in order(cx) {
        out.push(GlossaryRow::Term(t));
        if open == Some(t) {
            let places = cx.lib.term_places(t);
            if places.is_empty() {
                out.push(GlossaryRow::Place(t, None));
            }
            out.extend(places.iter().map(|p| GlossaryRow::Place(t, Some(*p))));
        }
    }
    out
}

/// The cursor and the term opened stay between openings.
#[derive(Debug, Default)]
pub struct GlossaryView {
    pub cursor: usize,
    pub open: Option<usize>,
}

impl GlossaryView {
    /// Opens term `t` and puts the cursor on it.
    pub fn show_term(&mut self, cx: &Desk, t: usize) {
        self.open = Some(t);
        self.cursor = rows(cx, self.open)
            .iter()
            .position(|r| *r == GlossaryRow::Term(t))
            .unwrap_or(0);
    }
}

impl View for GlossaryView {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Glossary)
    }

    fn open(&mut self, cx: &mut Cx<'_>) {
        let len = rows(cx, self.open).len();
        self.cursor = self.cursor.min(len.saturating_sub(1));
    }

    fn reload(&mut self, _cx: &mut Cx<'_>, _open: bool) {
        self.open = None;
        self.cursor = 0;
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let rows = rows(cx, self.open);
        if list::move_cursor(&mut self.cursor, rows.len(), a, list::page(cx)) {
            return Outcome::Consumed;
        }
        match (a, rows.get(self.cursor)) {
            (Action::Open, Some(GlossaryRow::Term(t))) => {
                if self.open == Some(*t) {
                    self.open = None;
                    self.cursor = self::rows(cx, None)
                        .iter()
                        .position(|r| r == &GlossaryRow::Term(*t))
                        .unwrap_or(0);
                } else {
                    self.show_term(cx, *t);
                }
                Outcome::Consumed
            }
            (Action::Open, Some(GlossaryRow::Place(_, Some(to)))) => {
                cx.go(*to);
                Outcome::Close
            }
            (Action::Close | Action::Collapse, _) => Outcome::Close,
            (Action::Open, _) => Outcome::Consumed,
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw(frame, cx, area, self);
    }

    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<Position> {
        list::row_cursor(area, 110, self.cursor, rows(cx, self.open).len())
    }
}

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, v: &GlossaryView) {
    let hint = |a| cx.keymap.key_for(Mode::List, a).unwrap_or_default();
    let title = format!(
        "Glossary — {} to open a term or go to a place, {} to close",
        hint(Action::Open),
        hint(Action::Close)
    );
    let Some(inner) = popup(frame, cx, area, &title, 110) else {
        return;
    };
    let rows = rows(cx, v.open);
    let theme = &cx.theme;
    let buf = frame.buffer_mut();
    if rows.is_empty() {
        let empty = "The glossary is empty.";
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
    let terms = &cx.lib.glossary.terms;
    // A narrow box lists the terms and their expansions only.
    let wide = inner.width >= 60;
    let h = usize::from(inner.height);
    let first = list::window(v.cursor, h);
    for (i, row) in rows.iter().enumerate().skip(first).take(h) {
        let y = inner.y + u16::try_from(i - first).unwrap_or(0);
        let mut pieces: Vec<(String, Slot)> = Vec::new();
        match *row {
            GlossaryRow::Term(t) => {
                let Some(term) = terms.get(t) else { continue };
                let mark = if v.open == Some(t) { "▾ " } else { "▸ " };
                pieces.push((mark.to_owned(), Slot::Dim));
                pieces.push((term.term.clone(), Slot::FigureValue));
                if let Some(e) = &term.expansion {
                    pieces.push((format!("  {e}"), Slot::FigureLabel));
                }
                if wide {
                    pieces.push((format!(" — {}", term.definition), Slot::Dim));
                }
            }
            GlossaryRow::Place(_, Some(to)) => {
                let name = crate::tui::panel::place_name(&cx.lib, to, BriefIdx(usize::MAX));
                pieces.push((format!("    → {name}"), Slot::Link));
            }
            GlossaryRow::Place(_, None) => {
                pieces.push(("    no brief mentions it".to_owned(), Slot::Dim));
            }
        }
        let mut x = inner.x;
        for (text, slot) in &pieces {
            x = cells::put_truncated(
                buf,
                x,
                y,
                inner.right(),
                &sanitize::line(text),
                theme.get(*slot),
            );
        }
        if i == v.cursor {
            cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
        }
    }
}
