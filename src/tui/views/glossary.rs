//! The glossary: every term with its expansion and one-line definition;
//! under the term opened, the places the briefs mention it, each one
//! Enter away (with history, so Backspace comes back). Typing filters the
//! terms; the selected term's definition shows whole below the list.

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
    matching(cx, open, "")
}

/// True if term `t` is found by `filter`: in its names, expansion,
/// synonyms or definition, case and accents aside.
fn found(cx: &Desk, t: usize, filter: &str) -> bool {
    let want = crate::query::fold(filter.trim());
    if want.is_empty() {
        return true;
    }
    cx.lib.glossary.terms.get(t).is_some_and(|term| {
        term.all_names()
            .chain(std::iter::once(term.definition.as_str()))
            .any(|n| crate::query::fold(n).contains(&want))
    })
}

/// [`rows`] of the terms `filter` finds.
fn matching(cx: &Desk, open: Option<usize>, filter: &str) -> Vec<GlossaryRow> {
    let mut out = Vec::new();
    for t in order(cx).into_iter().filter(|&t| found(cx, t, filter)) {
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
    /// What is typed: the terms it finds are listed.
    pub filter: String,
}

impl GlossaryView {
    /// Opens term `t` and puts the cursor on it.
    pub fn show_term(&mut self, cx: &Desk, t: usize) {
        self.open = Some(t);
        if !found(cx, t, &self.filter) {
            self.filter.clear();
        }
        self.cursor = matching(cx, self.open, &self.filter)
            .iter()
            .position(|r| *r == GlossaryRow::Term(t))
            .unwrap_or(0);
    }
}

impl View for GlossaryView {
    /// Typing filters, so the keys are the finder's (arrows, Enter, Esc).
    fn mode(&self) -> Mode {
        Mode::Finder
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Glossary)
    }

    fn open(&mut self, cx: &mut Cx<'_>) {
        let len = matching(cx, self.open, &self.filter).len();
        self.cursor = self.cursor.min(len.saturating_sub(1));
    }

    fn reload(&mut self, _cx: &mut Cx<'_>, _open: bool) {
        self.open = None;
        self.cursor = 0;
        self.filter.clear();
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Type(c) => {
                    self.filter.push(c);
                    self.cursor = 0;
                    Outcome::Consumed
                }
                // Backspace takes back what was typed, then goes back.
                Input::Erase if self.filter.pop().is_some() => {
                    self.cursor = 0;
                    Outcome::Consumed
                }
                Input::Click { .. } | Input::Erase => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let rows = matching(cx, self.open, &self.filter);
        if list::move_cursor(&mut self.cursor, rows.len(), a, list::page(cx)) {
            return Outcome::Consumed;
        }
        match (a, rows.get(self.cursor)) {
            (Action::Open, Some(GlossaryRow::Term(t))) => {
                if self.open == Some(*t) {
                    self.open = None;
                    self.cursor = matching(cx, None, &self.filter)
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
        let rows = matching(cx, self.open, &self.filter);
        let inner = list::inner(list::popup_area(area, 110)?);
        let (list_h, _) = split(cx, inner, &rows, self.cursor);
        let first = first_row(&rows, self.cursor, usize::from(list_h), self.open);
        let y = inner.y + u16::try_from(self.cursor.checked_sub(first)?).ok()?;
        (y < inner.y + list_h).then_some(Position { x: inner.x, y })
    }
}

/// The first row shown: the cursor's row in view and, when the cursor is
/// on the term opened, its places under it too, as far as they fit.
fn first_row(rows: &[GlossaryRow], cursor: usize, h: usize, open: Option<usize>) -> usize {
    let first = list::window(cursor, h);
    let Some(t) = open.filter(|t| rows.get(cursor) == Some(&GlossaryRow::Term(*t))) else {
        return first;
    };
    let last = rows
        .iter()
        .rposition(|r| matches!(r, GlossaryRow::Place(p, _) if *p == t))
        .unwrap_or(cursor);
    if last >= first + h {
        cursor.min(last + 1 - h).max(first)
    } else {
        first
    }
}

/// The selected term's definition, wrapped at `width`.
fn definition(cx: &Desk, rows: &[GlossaryRow], cursor: usize, width: u16) -> Vec<String> {
    let t = match rows.get(cursor) {
        Some(GlossaryRow::Term(t) | GlossaryRow::Place(t, _)) => *t,
        None => return Vec::new(),
    };
    let Some(term) = cx.lib.glossary.terms.get(t) else {
        return Vec::new();
    };
    let text = sanitize::line(&term.definition).into_owned();
    textwrap::wrap(&text, usize::from(width).max(8))
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// The list's height and the definition's lines below it (after a rule),
/// when the box is tall enough to keep three rows of list.
fn split(cx: &Desk, inner: Rect, rows: &[GlossaryRow], cursor: usize) -> (u16, Vec<String>) {
    let def = definition(cx, rows, cursor, inner.width);
    let need = u16::try_from(def.len())
        .unwrap_or(u16::MAX)
        .saturating_add(1);
    if inner.height >= need.saturating_add(3) {
        (inner.height - need, def)
    } else {
        (inner.height, Vec::new())
    }
}

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, v: &GlossaryView) {
    let hint = |a| cx.keymap.key_for(Mode::Finder, a).unwrap_or_default();
    let title = if v.filter.is_empty() {
        format!(
            "Glossary — type to filter, {} to open a term or go to a place, {} to close",
            hint(Action::Open),
            hint(Action::Close)
        )
    } else {
        format!("Glossary — {}", sanitize::line(&v.filter))
    };
    let Some(inner) = popup(frame, cx, area, &title, 110) else {
        return;
    };
    let rows = matching(cx, v.open, &v.filter);
    let theme = &cx.theme;
    let (list_h, def) = split(cx, inner, &rows, v.cursor);
    let buf = frame.buffer_mut();
    if rows.is_empty() {
        let empty = if v.filter.is_empty() {
            "The glossary is empty."
        } else {
            "No term matches."
        };
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
    let h = usize::from(list_h);
    let first = first_row(&rows, v.cursor, h, v.open);
    // The selected term's definition, whole, under a rule.
    let mut y = inner.y + list_h;
    if !def.is_empty() {
        cells::put(
            buf,
            inner.x,
            y,
            inner.right(),
            &"─".repeat(usize::from(inner.width)),
            theme.get(Slot::Border),
        );
        for line in &def {
            y += 1;
            cells::put_truncated(buf, inner.x, y, inner.right(), line, theme.get(Slot::Body));
        }
    }
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
