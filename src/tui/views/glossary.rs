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
use crate::tui::app::App;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;

/// A row of the glossary: a term, or a place that mentions the term
/// opened above it (`None`: no brief does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlossaryRow {
    Term(usize),
    Place(usize, Option<SectionRef>),
}

/// The terms in alphabetical order (a leading "the" aside).
fn order(app: &App) -> Vec<usize> {
    let key = |t: &crate::glossary::Term| {
        let f = crate::query::fold(&t.term);
        f.strip_prefix("the ")
            .map_or_else(|| f.clone(), str::to_owned)
    };
    let terms = &app.lib.glossary.terms;
    let mut order: Vec<usize> = (0..terms.len()).collect();
    order.sort_by_cached_key(|&i| key(&terms[i]));
    order
}

/// The rows, with the places of term `open` under it.
pub fn rows(app: &App, open: Option<usize>) -> Vec<GlossaryRow> {
    let mut out = Vec::new();
    for t in order(app) {
        out.push(GlossaryRow::Term(t));
        if open == Some(t) {
            let places = app.lib.term_places(t);
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
    pub fn show_term(&mut self, app: &App, t: usize) {
        self.open = Some(t);
        self.cursor = rows(app, self.open)
            .iter()
            .position(|r| *r == GlossaryRow::Term(t))
            .unwrap_or(0);
    }
}

impl App {
    /// Opens the glossary at term `t` (Enter on a term in the text).
    pub fn open_glossary_at(&mut self, t: usize) {
        let mut v = self
            .views
            .get_mut::<GlossaryView>()
            .map(std::mem::take)
            .unwrap_or_default();
        v.show_term(self, t);
        if let Some(slot) = self.views.get_mut::<GlossaryView>() {
            *slot = v;
        }
        self.open_view::<GlossaryView>();
    }
}

impl View for GlossaryView {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Glossary)
    }

    fn open(&mut self, app: &mut App) {
        let len = rows(app, self.open).len();
        self.cursor = self.cursor.min(len.saturating_sub(1));
    }

    fn reload(&mut self, _app: &mut App, _open: bool) {
        self.open = None;
        self.cursor = 0;
    }

    fn handle(&mut self, app: &mut App, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let rows = rows(app, self.open);
        if list::move_cursor(&mut self.cursor, rows.len(), a, list::page(app)) {
            return Outcome::Consumed;
        }
        match (a, rows.get(self.cursor)) {
            (Action::Open, Some(GlossaryRow::Term(t))) => {
                if self.open == Some(*t) {
                    self.open = None;
                    self.cursor = self::rows(app, None)
                        .iter()
                        .position(|r| r == &GlossaryRow::Term(*t))
                        .unwrap_or(0);
                } else {
                    self.show_term(app, *t);
                }
                Outcome::Consumed
            }
            (Action::Open, Some(GlossaryRow::Place(_, Some(to)))) => {
                app.go(*to);
                Outcome::Close
            }
            (Action::Close | Action::Collapse, _) => Outcome::Close,
            (Action::Open, _) => Outcome::Consumed,
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        draw(frame, app, area, self);
    }

    fn cursor(&self, app: &App, area: Rect) -> Option<Position> {
        list::row_cursor(area, 110, self.cursor, rows(app, self.open).len())
    }
}

fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, v: &GlossaryView) {
    let hint = |a| app.keymap.key_for(Mode::List, a).unwrap_or_default();
    let title = format!(
        "Glossary — {} to open a term or go to a place, {} to close",
        hint(Action::Open),
        hint(Action::Close)
    );
    let Some(inner) = popup(frame, app, area, &title, 110) else {
        return;
    };
    let rows = rows(app, v.open);
    let theme = &app.theme;
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
    let terms = &app.lib.glossary.terms;
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
                let name = crate::tui::panel::place_name(&app.lib, to, BriefIdx(usize::MAX));
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

#[cfg(test)]
mod tests;
