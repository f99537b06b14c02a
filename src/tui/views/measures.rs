//! Compare by measure: pick a quantity (a figure's `measure`), then see
//! every brief's figure for it, ordered by as-of (`conflicts::measures`),
//! with a bar for a share and the number alone for any other kind. A
//! figure another brief states differently for the same as-of is marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::compare::measure_cell;
use super::list::{self, popup, window};
use super::{Command, Compare, Input, Outcome, View};
use crate::conflicts;
use crate::model::FigureRef;
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::conflicts::GLYPH;
use crate::tui::desk::Desk;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::views::{Cx, Scene};

/// Every measure with its figures (oldest as-of first), the measures
/// stated most often first.
pub fn all(cx: &Desk) -> Vec<(String, Vec<FigureRef>)> {
    let mut all = conflicts::measures(&cx.lib);
    all.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    all
}

/// The measure and the cursor stay as they were between openings.
#[derive(Debug, Default)]
pub struct Measures {
    /// The measure being compared; `None` shows the list of measures.
    pub measure: Option<String>,
    pub cursor: usize,
}

const COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "open",
    },
    Command {
        action: Action::Measures,
        label: "by tag",
    },
    Command {
        action: Action::Collapse,
        label: "pick another",
    },
    Command {
        action: Action::Close,
        label: "close",
    },
];

impl View for Measures {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Measures)
    }

    fn open(&mut self, cx: &mut Cx<'_>) {
        let n = self.len(cx);
        self.cursor = self.cursor.min(n.saturating_sub(1));
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let n = self.len(cx);
        if list::move_cursor(&mut self.cursor, n, a, list::page(cx)) {
            return Outcome::Consumed;
        }
        match (a, self.measure.clone()) {
            (Action::Close, _) | (Action::Collapse, None) => Outcome::Close,
            (Action::Measures, _) => Outcome::replace::<Compare>(),
            (Action::Open, None) => {
                if let Some((m, _)) = all(cx).get(self.cursor) {
                    self.measure = Some(m.clone());
                    self.cursor = 0;
                }
                Outcome::Consumed
            }
            (Action::Open, Some(m)) => {
                if let Some(r) = Self::figures(cx, &m).get(self.cursor) {
                    cx.jump_to_figure(*r);
                    return Outcome::Close;
                }
                Outcome::Consumed
            }
            (Action::Collapse, Some(m)) => {
                self.cursor = all(cx).iter().position(|(x, _)| *x == m).unwrap_or(0);
                self.measure = None;
                Outcome::Consumed
            }
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        match &self.measure {
            None => self.draw_list(frame, cx, area),
            Some(m) => self.draw_figures(frame, cx, area, m),
        }
    }

    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }

    fn reload(&mut self, cx: &mut Cx<'_>, _open: bool) {
        if let Some(m) = &self.measure
            && Self::figures(cx, m).is_empty()
        {
            self.measure = None;
        }
        self.cursor = self.cursor.min(self.len(cx).saturating_sub(1));
    }
}

impl Measures {
    fn figures(cx: &Desk, measure: &str) -> Vec<FigureRef> {
        conflicts::measures(&cx.lib)
            .into_iter()
            .find(|(m, _)| m == measure)
            .map(|(_, refs)| refs)
            .unwrap_or_default()
    }

    /// The rows shown now.
    fn len(&self, cx: &Desk) -> usize {
        match &self.measure {
            None => all(cx).len(),
            Some(m) => Self::figures(cx, m).len(),
        }
    }

    fn draw_list(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        let Some(inner) = popup(frame, cx, area, "Compare by measure — pick one", 110) else {
            return;
        };
        let theme = &cx.theme;
        let measures = all(cx);
        let buf = frame.buffer_mut();
        if measures.is_empty() {
            list::empty_note(
                buf,
                cx,
                inner,
                "No figure names a measure: give figures `measure = \"slug\"`.",
            );
            return;
        }
        let h = usize::from(inner.height);
        let first = window(self.cursor, h);
        for (i, (m, refs)) in measures.iter().enumerate().skip(first).take(h) {
            let y = inner.y + u16::try_from(i - first).unwrap_or(0);
            let differ = cx.conflicts.all().iter().any(
                |c| matches!(c, crate::conflicts::Conflict::Figure { measure, .. } if measure == m),
            );
            let x = if differ {
                cells::put(
                    buf,
                    inner.x,
                    y,
                    inner.right(),
                    GLYPH,
                    theme.get(Slot::Warning),
                )
            } else {
                inner.x
            };
            let x = cells::put(
                buf,
                x.max(inner.x + 2),
                y,
                inner.right(),
                &sanitize::line(&crate::conflicts::measure_label(&cx.lib, m)),
                theme.get(Slot::Link),
            );
            let briefs = {
                let mut b: Vec<_> = refs.iter().map(|r| r.brief).collect();
                b.dedup();
                b.len()
            };
            let n = refs.len();
            let after = format!(
                "  {n} figure{} · {briefs} brief{}",
                if n == 1 { "" } else { "s" },
                if briefs == 1 { "" } else { "s" }
            );
            cells::put_truncated(buf, x, y, inner.right(), &after, theme.get(Slot::Dim));
            if i == self.cursor {
                cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
            }
        }
    }

    fn draw_figures(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, measure: &str) {
        let name = crate::conflicts::measure_label(&cx.lib, measure);
        let title = format!("Measure: {} — by as-of", sanitize::line(&name));
        let Some(inner) = popup(frame, cx, area, &title, 110) else {
            return;
        };
        let theme = &cx.theme;
        let refs = Self::figures(cx, measure);
        let rows_h = usize::from(inner.height);
        let first = window(self.cursor, rows_h);
        let bar_w = 24u16.min(inner.width / 4);
        // The values line up in a column as wide as the widest (within reason).
        let value_w = refs
            .iter()
            .filter_map(|r| cx.lib.brief(r.brief)?.figure(r.figure))
            .map(|f| unicode_width::UnicodeWidthStr::width(sanitize::line(&f.value).as_ref()))
            .max()
            .unwrap_or(0)
            .clamp(8, 24);
        for (row, r) in refs.iter().enumerate().skip(first).take(rows_h) {
            let y = inner.y + u16::try_from(row - first).unwrap_or(0);
            let Some((brief, f)) = cx
                .lib
                .brief(r.brief)
                .and_then(|b| Some((b, b.figure(r.figure)?)))
            else {
                continue;
            };
            let as_of = f.as_of.as_deref().unwrap_or("—");
            let x = cells::put(
                frame.buffer_mut(),
                inner.x,
                y,
                inner.right(),
                &format!("{:<8}", sanitize::line(as_of)),
                theme.get(Slot::FigureSource),
            );
            let bar = Rect {
                x: x + 1,
                y,
                width: bar_w.min(inner.right().saturating_sub(x + 1)),
                height: 1,
            };
            let share = f
                .is_share()
                .then(|| crate::lookup::percent(&f.value))
                .flatten();
            measure_cell(frame, cx, bar, share, f);
            let buf = frame.buffer_mut();
            let x = cells::put(
                buf,
                bar.right() + 1,
                y,
                inner.right(),
                &format!("{:<value_w$}", sanitize::line(&f.value)),
                theme.get(Slot::FigureValue),
            );
            let note = cx.conflicts.figure_note(&cx.lib, *r);
            let note_w = note
                .as_deref()
                .map_or(0, |text| unicode_width::UnicodeWidthStr::width(text) + 2);
            let stop = inner
                .right()
                .saturating_sub(u16::try_from(note_w).unwrap_or(0));
            // The brief first: across briefs is what this view is for.
            let said = format!("{} · {}", brief.meta.short_title, f.label);
            let x = cells::put_truncated(
                buf,
                x + 2,
                y,
                stop.max(x + 2),
                &sanitize::line(&said),
                theme.get(Slot::FigureLabel),
            );
            if let Some(text) = note {
                cells::put_truncated(
                    buf,
                    x + 2,
                    y,
                    inner.right(),
                    &text,
                    theme.get(Slot::Warning),
                );
            }
            if row == self.cursor {
                cells::paint(
                    buf,
                    inner.x,
                    y,
                    inner.right(),
                    theme.get(Slot::Selection).add_modifier(Modifier::BOLD),
                );
            }
        }
    }
}
