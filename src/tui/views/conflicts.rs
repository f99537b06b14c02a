//! Where briefs disagree: each disagreement (a measure with different
//! values for one as-of, an event key with different dates) with every
//! side under it; Enter goes to a side's passage, Backspace comes back.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::list::{self, popup, window};
use super::{Command, Input, Outcome, View};
use crate::conflicts::{Conflict, EventRef};
use crate::model::{FigureRef, SectionIdx, SectionRef};
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::conflicts::GLYPH;
use crate::tui::desk::Desk;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::panel::place_name;
use crate::tui::views::{Cx, Scene};

/// One row: a disagreement, or one of its sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictRow {
    Head(usize),
    Figure(FigureRef),
    Event(EventRef),
}

pub fn rows(cx: &Desk) -> Vec<ConflictRow> {
    let mut out = Vec::new();
    for (i, c) in cx.conflicts.all().iter().enumerate() {
        out.push(ConflictRow::Head(i));
        match c {
            Conflict::Figure { sides, .. } => {
                out.extend(sides.iter().map(|s| ConflictRow::Figure(*s)));
            }
            Conflict::Event { sides, .. } => {
                out.extend(sides.iter().map(|s| ConflictRow::Event(*s)));
            }
        }
    }
    out
}

/// The cursor stays where it was between openings.
#[derive(Debug, Default)]
pub struct ConflictsView {
    pub cursor: usize,
}

const COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "go to this side",
    },
    Command {
        action: Action::Close,
        label: "close",
    },
];

impl View for ConflictsView {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Conflicts)
    }

    fn open(&mut self, cx: &mut Cx<'_>) {
        self.settle(&rows(cx), true);
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let rows = rows(cx);
        let before = self.cursor;
        if list::move_cursor(&mut self.cursor, rows.len(), a, list::page(cx)) {
            self.settle(&rows, self.cursor >= before);
            return Outcome::Consumed;
        }
        match a {
            Action::Close | Action::Collapse => Outcome::Close,
            Action::Open => match rows.get(self.cursor) {
                Some(ConflictRow::Figure(r)) => {
                    cx.jump_to_figure(*r);
                    Outcome::Close
                }
                Some(ConflictRow::Event(r)) => {
                    let section = cx
                        .lib
                        .brief(r.brief)
                        .and_then(|b| b.events().get(r.event))
                        .and_then(|e| e.section)
                        .unwrap_or(SectionIdx(0));
                    cx.go(SectionRef {
                        brief: r.brief,
                        section,
                    });
                    if cx.geometry.reader.is_some() {
                        cx.focus = crate::tui::desk::Focus::Reader;
                    }
                    Outcome::Close
                }
                _ => Outcome::Consumed,
            },
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw(frame, cx, area, self.cursor);
    }

    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }

    fn reload(&mut self, cx: &mut Cx<'_>, _open: bool) {
        self.settle(&rows(cx), true);
    }
}

impl ConflictsView {
    /// Keeps the cursor on a side, moving past headings in the direction
    /// of travel.
    fn settle(&mut self, rows: &[ConflictRow], down: bool) {
        let side = |i: usize| !matches!(rows.get(i), Some(ConflictRow::Head(_)) | None);
        if side(self.cursor) {
            return;
        }
        let after = (self.cursor..rows.len()).find(|i| side(*i));
        let before = (0..self.cursor.min(rows.len())).rev().find(|i| side(*i));
        self.cursor = if down {
            after.or(before)
        } else {
            before.or(after)
        }
        .unwrap_or(0);
    }
}

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, cursor: usize) {
    let Some(inner) = popup(frame, cx, area, "Where briefs disagree", 110) else {
        return;
    };
    let theme = &cx.theme;
    let rows = rows(cx);
    let buf = frame.buffer_mut();
    if rows.is_empty() {
        list::empty_note(
            buf,
            cx,
            inner,
            "No disagreements: every measure and every keyed event agrees across briefs.",
        );
        return;
    }
    let rows_h = usize::from(inner.height);
    let first = window(cursor, rows_h);
    // Every side names its brief, the one being read too.
    let here = crate::model::BriefIdx(usize::MAX);
    for (at, row) in rows.iter().enumerate().skip(first).take(rows_h) {
        let y = inner.y + u16::try_from(at - first).unwrap_or(0);
        let right = inner.right();
        match *row {
            ConflictRow::Head(c) => {
                let Some(c) = cx.conflicts.all().get(c) else {
                    continue;
                };
                let what = match c {
                    Conflict::Figure { as_of, .. } => {
                        format!("  values differ as of {}", sanitize::line(as_of))
                    }
                    Conflict::Event { .. } => "  dates differ".to_owned(),
                };
                let x = cells::put(buf, inner.x, y, right, GLYPH, theme.get(Slot::Warning));
                let x = cells::put(
                    buf,
                    x + 1,
                    y,
                    right,
                    &sanitize::line(&c.label(&cx.lib)),
                    theme.get(Slot::Heading2),
                );
                cells::put_truncated(buf, x, y, right, &what, theme.get(Slot::Dim));
            }
            ConflictRow::Figure(r) => {
                let Some(b) = cx.lib.brief(r.brief) else {
                    continue;
                };
                let Some(f) = b.figure(r.figure) else {
                    continue;
                };
                let to = SectionRef {
                    brief: r.brief,
                    section: f.section.unwrap_or(SectionIdx(0)),
                };
                side(
                    buf,
                    cx,
                    inner,
                    y,
                    &f.value,
                    &place_name(&cx.lib, to, here),
                    &f.label,
                );
            }
            ConflictRow::Event(r) => {
                let Some(b) = cx.lib.brief(r.brief) else {
                    continue;
                };
                let Some(e) = b.events().get(r.event) else {
                    continue;
                };
                let to = SectionRef {
                    brief: r.brief,
                    section: e.section.unwrap_or(SectionIdx(0)),
                };
                let date = e.date.to_string();
                side(
                    buf,
                    cx,
                    inner,
                    y,
                    &date,
                    &place_name(&cx.lib, to, here),
                    &e.label,
                );
            }
        }
        if at == cursor {
            cells::paint(buf, inner.x, y, right, theme.get(Slot::Selection));
        }
    }
}

/// A side: its value or date, where it stands, and what it says.
fn side(
    buf: &mut ratatui::buffer::Buffer,
    cx: &Scene<'_>,
    inner: Rect,
    y: u16,
    value: &str,
    place: &str,
    label: &str,
) {
    let theme = &cx.theme;
    let right = inner.right();
    // A column for the values where there is room for one.
    let pad = if inner.width < 60 { 0 } else { 11 };
    let x = cells::put(
        buf,
        inner.x + 2,
        y,
        right,
        &format!("{:<pad$}", sanitize::line(value)),
        theme.get(Slot::FigureValue),
    );
    let x = cells::put_truncated(
        buf,
        x + 1,
        y,
        right,
        &sanitize::line(place),
        theme.get(Slot::Link),
    );
    cells::put_truncated(
        buf,
        x,
        y,
        right,
        &format!("  {}", sanitize::line(label)),
        theme.get(Slot::Dim),
    );
}
