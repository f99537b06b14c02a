//! The problems found in the briefs: errors first, then warnings, each
//! whole (wrapped to the width) with its `file:line:col`. Enter opens the
//! brief at the problem's line.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::list::{self, popup};
use super::{Command, Input, Outcome, View};
use crate::diag::Diagnostic;
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::views::{Cx, Scene};

#[derive(Debug, Default)]
pub struct Problems {
    /// The selected problem.
    cursor: usize,
    /// The first row shown: a problem taller than the list scrolls.
    scroll: usize,
}

const COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "open",
    },
    Command {
        action: Action::Close,
        label: "close",
    },
];

/// The library's problems in the order shown: errors, then warnings.
pub fn ordered(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    let mut v: Vec<&Diagnostic> = diags.iter().collect();
    v.sort_by_key(|d| !d.is_error());
    v
}

/// One screen row: the problem it belongs to and its text.
struct Row {
    problem: usize,
    text: String,
    error: bool,
}

/// Every problem wrapped to `width`, continuation rows indented.
fn rows(diags: &[&Diagnostic], width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        let text = d.to_string();
        let text = sanitize::line(&text);
        let ranges = crate::layout::wrap_ranges(&text, width.max(8));
        let Some(head) = ranges.first() else { continue };
        out.push(Row {
            problem: i,
            text: text[head.clone()].to_owned(),
            error: d.is_error(),
        });
        // The rest hangs under the first line, two columns in.
        let rest = text[head.end..].trim_start();
        for r in crate::layout::wrap_ranges(rest, width.saturating_sub(2).max(6)) {
            out.push(Row {
                problem: i,
                text: format!("  {}", &rest[r]),
                error: d.is_error(),
            });
        }
        out.push(Row {
            problem: usize::MAX,
            text: String::new(),
            error: false,
        });
    }
    out.pop();
    out
}

impl View for Problems {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Diagnostics)
    }

    fn open(&mut self, _cx: &mut Cx<'_>) {
        self.cursor = 0;
        self.scroll = 0;
    }

    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        match input {
            Input::Act(Action::Open) => {
                if let Some(d) = ordered(&cx.lib.diagnostics).get(self.cursor) {
                    let d = (*d).clone();
                    cx.open_problem(&d);
                }
                Outcome::Close
            }
            Input::Act(Action::Close | Action::Collapse) | Input::Click { .. } => Outcome::Close,
            Input::Act(a) if self.step(cx, a) => Outcome::Consumed,
            Input::Wheel { down, .. } => {
                self.step(cx, if down { Action::Down } else { Action::Up });
                Outcome::Consumed
            }
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw(frame, cx, area, self.cursor, self.scroll);
    }

    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<Position> {
        list::row_cursor(area, 110, self.cursor, cx.lib.diagnostics.len())
    }
}

impl Problems {
    /// Moves for a list action; true if it was one. `j` / `k` scroll
    /// through a problem taller than the list before leaving it.
    fn step(&mut self, cx: &Desk, a: Action) -> bool {
        let diags = ordered(&cx.lib.diagnostics);
        let Some(inner) = list::popup_area(cx.geometry.area, 110).map(list::inner) else {
            return list::move_cursor(&mut self.cursor, diags.len(), a, 1);
        };
        let rows = rows(&diags, usize::from(inner.width));
        let h = usize::from(inner.height).max(1);
        let span = |c: usize| {
            let first = rows.iter().position(|r| r.problem == c).unwrap_or(0);
            let last = rows.iter().rposition(|r| r.problem == c).unwrap_or(first);
            (first, last)
        };
        let (first, last) = span(self.cursor);
        match a {
            Action::Down if last >= self.scroll + h => self.scroll += 1,
            Action::Up if first < self.scroll => self.scroll -= 1,
            _ => {
                let page = (h / 3).max(1);
                if !list::move_cursor(&mut self.cursor, diags.len(), a, page) {
                    return false;
                }
                let (first, last) = span(self.cursor);
                if first < self.scroll {
                    // Coming up into a tall problem shows its end.
                    self.scroll = first.max((last + 1).saturating_sub(h));
                } else if last >= self.scroll + h {
                    self.scroll = first.min(last + 1 - h);
                }
            }
        }
        true
    }
}

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, cursor: usize, scroll: usize) {
    let diags = ordered(&cx.lib.diagnostics);
    let errors = cx.lib.error_count();
    let warnings = diags.len() - errors;
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    let title = if diags.is_empty() {
        "Problems".to_owned()
    } else {
        format!(
            "Problems: {}, {} · {}/{}",
            plural(errors, "error"),
            plural(warnings, "warning"),
            cursor + 1,
            diags.len()
        )
    };
    let Some(inner) = popup(frame, cx, area, &title, 110) else {
        return;
    };
    let theme = &cx.theme;
    let buf = frame.buffer_mut();
    if diags.is_empty() {
        cells::put_truncated(
            buf,
            inner.x,
            inner.y,
            inner.right(),
            "No problems: every brief loaded cleanly.",
            theme.get(Slot::Dim),
        );
        return;
    }
    let rows = rows(&diags, usize::from(inner.width));
    let h = usize::from(inner.height);
    let top = scroll.min(rows.len().saturating_sub(1));
    let more = rows.len() > top + h;
    for (i, row) in rows.iter().enumerate().skip(top).take(h) {
        let y = inner.y + u16::try_from(i - top).unwrap_or(0);
        let slot = if row.error {
            Slot::Error
        } else {
            Slot::Warning
        };
        cells::put_truncated(buf, inner.x, y, inner.right(), &row.text, theme.get(slot));
        if row.problem == cursor {
            cells::paint(
                buf,
                inner.x.saturating_sub(1),
                y,
                inner.right() + 1,
                theme.get(Slot::Selection),
            );
        }
    }
    if more {
        let y = inner.bottom();
        cells::put(
            buf,
            inner.right().saturating_sub(8),
            y,
            inner.right(),
            " more ↓ ",
            theme.get(Slot::Dim),
        );
    }
}
