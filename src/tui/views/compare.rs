//! The comparison: pick a tag, then see the figures that share it, brief
//! by brief, with bars for shares (any other kind shows its number). The
//! same quantity across briefs is compared by measure (`measures.rs`),
//! one key away.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;

use super::list::{self, popup, window};
use super::{Command, Input, Measures, Outcome, View};
use crate::model::{BriefIdx, FigureIdx, FigureRef};
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::views::{Cx, Scene};

/// A row of the compare view.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareRow {
    Brief(BriefIdx),
    Figure {
        figure: FigureRef,
        percent: Option<f64>,
    },
}

/// The figures tagged `tag`, each brief's under its name.
pub fn rows(cx: &Desk, tag: &str) -> Vec<CompareRow> {
    let mut rows = Vec::new();
    for (bi, b) in cx.lib.briefs.iter().enumerate() {
        let mut first = true;
        for (fi, f) in b.figures().iter().enumerate() {
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
                    figure: FigureIdx(fi),
                },
                percent: f
                    .is_share()
                    .then(|| crate::lookup::percent(&f.value))
                    .flatten(),
            });
        }
    }
    rows
}

/// The tag and the cursor stay as they were between openings.
#[derive(Debug, Default)]
pub struct Compare {
    /// The tag being compared; `None` shows the list of tags.
    pub tag: Option<String>,
    pub cursor: usize,
}

impl View for Compare {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Compare)
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let page = list::page(cx);
        match self.tag.clone() {
            None => self.tags_act(cx, a, page),
            Some(tag) => self.figures_act(cx, a, page, &tag),
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw(frame, cx, area, self);
    }

    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }

    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<Position> {
        let len = match &self.tag {
            None => cx.lib.figure_tags().len(),
            Some(t) => rows(cx, t).len(),
        };
        list::row_cursor(area, 110, self.cursor, len)
    }
}

/// The keys of both comparisons.
pub const COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "open",
    },
    Command {
        action: Action::Measures,
        label: "by measure",
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

impl Compare {
    /// On the list of tags.
    fn tags_act(&mut self, cx: &Desk, a: Action, page: usize) -> Outcome {
        let tags = cx.lib.figure_tags();
        if list::move_cursor(&mut self.cursor, tags.len(), a, page) {
            return Outcome::Consumed;
        }
        match a {
            Action::Close | Action::Collapse => Outcome::Close,
            Action::Measures => Outcome::replace::<Measures>(),
            Action::Open => {
                if let Some((t, _)) = tags.get(self.cursor) {
                    self.tag = Some(t.clone());
                    self.cursor = 1;
                }
                Outcome::Consumed
            }
            _ => Outcome::Ignored,
        }
    }

    /// On the figures of `tag`; brief headings are skipped.
    fn figures_act(&mut self, cx: &mut Cx<'_>, a: Action, page: usize, tag: &str) -> Outcome {
        let rows = rows(cx, tag);
        if list::move_cursor(&mut self.cursor, rows.len(), a, page) {
            if let Some(CompareRow::Brief(_)) = rows.get(self.cursor) {
                let down = matches!(
                    a,
                    Action::Down | Action::PageDown | Action::HalfPageDown | Action::Bottom
                );
                if down && self.cursor + 1 < rows.len() {
                    self.cursor += 1;
                } else if self.cursor > 0 {
                    self.cursor -= 1;
                } else {
                    self.cursor = 1.min(rows.len().saturating_sub(1));
                }
            }
            return Outcome::Consumed;
        }
        match a {
            Action::Close => Outcome::Close,
            Action::Measures => Outcome::replace::<Measures>(),
            Action::Collapse => {
                let tags = cx.lib.figure_tags();
                self.cursor = tags.iter().position(|(t, _)| t == tag).unwrap_or(0);
                self.tag = None;
                Outcome::Consumed
            }
            Action::Open => {
                if let Some(CompareRow::Figure { figure, .. }) = rows.get(self.cursor) {
                    cx.jump_to_figure(*figure);
                    return Outcome::Close;
                }
                Outcome::Consumed
            }
            _ => Outcome::Ignored,
        }
    }
}

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, view: &Compare) {
    let title = match &view.tag {
        None => "Compare figures — pick a tag".to_owned(),
        Some(t) => format!("Compare: #{} — h to pick another tag", sanitize::line(t)),
    };
    let Some(inner) = popup(frame, cx, area, &title, 110) else {
        return;
    };
    let theme = &cx.theme;
    let rows_h = usize::from(inner.height);
    let first = window(view.cursor, rows_h);
    let Some(tag) = &view.tag else {
        let buf = frame.buffer_mut();
        for (i, (t, n)) in cx
            .lib
            .figure_tags()
            .iter()
            .enumerate()
            .skip(first)
            .take(rows_h)
        {
            let y = inner.y + u16::try_from(i - first).unwrap_or(0);
            let x = cells::put(
                buf,
                inner.x,
                y,
                inner.right(),
                &format!("#{}", sanitize::line(t)),
                theme.get(Slot::Link),
            );
            cells::put(
                buf,
                x,
                y,
                inner.right(),
                &format!("  {n} figure{}", if *n == 1 { "" } else { "s" }),
                theme.get(Slot::Dim),
            );
            if i == view.cursor {
                cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
            }
        }
        return;
    };
    let rows = rows(cx, tag);
    let bar_w = 24u16.min(inner.width / 3);
    // The values line up in a column as wide as the widest (a qualifier
    // included: `more than 77.5 percent`), within reason.
    let value_w = rows
        .iter()
        .filter_map(|r| match r {
            CompareRow::Figure { figure, .. } => cx.lib.brief(figure.brief)?.figure(figure.figure),
            CompareRow::Brief(_) => None,
        })
        .map(|f| unicode_width::UnicodeWidthStr::width(sanitize::line(&f.value).as_ref()))
        .max()
        .unwrap_or(0)
        .clamp(8, 24);
    for (i, row) in rows.iter().enumerate().skip(first).take(rows_h) {
        let y = inner.y + u16::try_from(i - first).unwrap_or(0);
        match row {
            CompareRow::Brief(b) => {
                let name = cx
                    .lib
                    .brief(*b)
                    .map_or(String::new(), crate::model::Brief::display_name);
                cells::put_truncated(
                    frame.buffer_mut(),
                    inner.x,
                    y,
                    inner.right(),
                    &sanitize::line(&name),
                    theme.get(Slot::Heading2),
                );
            }
            CompareRow::Figure { figure, percent } => {
                let Some(f) = cx
                    .lib
                    .brief(figure.brief)
                    .and_then(|b| b.figure(figure.figure))
                else {
                    continue;
                };
                let bar = Rect {
                    x: inner.x + 2,
                    y,
                    width: bar_w,
                    height: 1,
                };
                measure_cell(frame, cx, bar, *percent, f);
                let buf = frame.buffer_mut();
                let x = cells::put(
                    buf,
                    bar.right() + 1,
                    y,
                    inner.right(),
                    &format!("{:<value_w$}", sanitize::line(&f.value)),
                    theme.get(Slot::FigureValue),
                );
                cells::put_truncated(
                    buf,
                    x + 1,
                    y,
                    inner.right(),
                    &sanitize::line(&f.label),
                    theme.get(Slot::FigureLabel),
                );
                if i == view.cursor {
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
}

/// What stands in a figure's measure column: a bar for a share of
/// `percent`, else the name of the figure's kind, never a bar that would
/// pass a growth rate or a margin off as a share.
pub fn measure_cell(
    frame: &mut Frame<'_>,
    cx: &Scene<'_>,
    area: Rect,
    percent: Option<f64>,
    f: &crate::model::Figure,
) {
    match (percent, f.kind) {
        (Some(p), _) => bar_of(frame, cx, area, p),
        (None, Some(k)) => {
            cells::put(
                frame.buffer_mut(),
                area.x,
                area.y,
                area.right(),
                k.name(),
                cx.theme.get(Slot::Dim),
            );
        }
        (None, None) => {}
    }
}

/// A bar for a share of `p` percent in `area`, drawn as the panel draws
/// one.
pub fn bar_of(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, p: f64) {
    let buf = frame.buffer_mut();
    let mut x = area.x;
    for (text, slot) in crate::tui::panel::bar(p, usize::from(area.width)) {
        x = cells::put(buf, x, area.y, area.right(), &text, cx.theme.get(slot));
    }
}
