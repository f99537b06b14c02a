//! The timeline: every dated event of the library, by year. An event
//! another brief dates differently is marked, with the other date.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::list::{self, popup};
use super::rowfit;
use super::{Input, Outcome, View};
use crate::model::{SectionIdx, SectionRef};
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::conflicts::GLYPH;
use crate::tui::desk::Desk;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::views::{Cx, Scene};

/// One row of the timeline: a year heading or an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineRow {
    Year(u16),
    Event { index: usize, to: SectionRef },
}

/// The timeline's rows: each year, then its events. A happening several
/// briefs date (one `key`) is one row, at its earliest date; the other
/// dates, when they differ, stand in its note.
pub fn rows(cx: &Desk) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    let mut year = None;
    let mut keys: Vec<&str> = Vec::new();
    let events = cx.lib.events();
    for (i, (b, e)) in events.iter().enumerate() {
        if let Some(k) = e.key.as_deref() {
            if keys.contains(&k) {
                continue;
            }
            keys.push(k);
        }
        let b = *b;
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

/// The cursor stays where it was between openings.
#[derive(Debug, Default)]
pub struct Timeline {
    pub cursor: usize,
}

impl View for Timeline {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Timeline)
    }

    fn open(&mut self, cx: &mut Cx<'_>) {
        let rows = rows(cx);
        if !matches!(rows.get(self.cursor), Some(TimelineRow::Event { .. })) {
            self.cursor = rows
                .iter()
                .position(|r| matches!(r, TimelineRow::Event { .. }))
                .unwrap_or(0);
        }
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
            // Year headings are skipped in the direction of travel; at an
            // end (the first row is a year: `g`), the other way.
            let down = self.cursor >= before;
            let is_event = |i: usize| matches!(rows.get(i), Some(TimelineRow::Event { .. }));
            let at = self.cursor;
            let ahead = if down {
                (at..rows.len()).find(|&i| is_event(i))
            } else {
                (0..=at).rev().find(|&i| is_event(i))
            };
            let behind = if down {
                (0..=at).rev().find(|&i| is_event(i))
            } else {
                (at..rows.len()).find(|&i| is_event(i))
            };
            self.cursor = ahead.or(behind).unwrap_or(before);
            return Outcome::Consumed;
        }
        match a {
            Action::Close | Action::Collapse => Outcome::Close,
            Action::Open => {
                if let Some(TimelineRow::Event { to, .. }) = rows.get(self.cursor) {
                    cx.go(*to);
                    return Outcome::Close;
                }
                Outcome::Consumed
            }
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw(frame, cx, area, self.cursor);
    }

    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<Position> {
        let rows = rows(cx);
        if self.cursor >= rows.len() {
            return None;
        }
        let inner = list::inner(list::popup_area(area, 110)?);
        let (_, heights) = heights(cx, &rows, inner.width);
        let first = rowfit::first_row(&heights, self.cursor, usize::from(inner.height));
        let above: usize = heights.get(first..self.cursor)?.iter().sum();
        Some(Position {
            x: inner.x,
            y: inner.y + u16::try_from(above).ok()?,
        })
    }
}

/// Where a row's event stands: its brief and section, by name.
fn place(cx: &Desk, to: SectionRef) -> String {
    sanitize::line(&crate::tui::panel::place_name(
        &cx.lib,
        to,
        crate::model::BriefIdx(usize::MAX),
    ))
    .into_owned()
}

/// Whether events take two lines each (what happened, then where) at
/// `width`, which they do unless every one fits whole on one; and each
/// row's height.
fn heights(cx: &Desk, rows: &[TimelineRow], width: u16) -> (bool, Vec<usize>) {
    let events = cx.lib.events();
    let room = usize::from(width.saturating_sub(15));
    let two = rowfit::lines(
        width,
        room,
        rows.iter().filter_map(|r| match r {
            TimelineRow::Event { index, to } => {
                let (_, e) = events.get(*index)?;
                Some((
                    unicode_width::UnicodeWidthStr::width(sanitize::line(&e.label).as_ref()),
                    unicode_width::UnicodeWidthStr::width(place(cx, *to).as_str()) + 4,
                ))
            }
            TimelineRow::Year(_) => None,
        }),
    ) == 2;
    let heights = rows
        .iter()
        .map(|r| match r {
            TimelineRow::Event { .. } if two => 2,
            _ => 1,
        })
        .collect();
    (two, heights)
}

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, cursor: usize) {
    let Some(inner) = popup(
        frame,
        cx,
        area,
        "Timeline — enter to open, esc to close",
        110,
    ) else {
        return;
    };
    let theme = &cx.theme;
    let rows = rows(cx);
    let events = cx.lib.events();
    let rows_h = usize::from(inner.height);
    let (two, heights) = heights(cx, &rows, inner.width);
    let first = rowfit::first_row(&heights, cursor, rows_h);
    let buf = frame.buffer_mut();
    let mut y = inner.y;
    for (ri, row) in rows.iter().enumerate().skip(first) {
        if usize::from(y - inner.y) + heights[ri] > rows_h {
            break;
        }
        match row {
            TimelineRow::Year(year) => {
                cells::put(
                    buf,
                    inner.x,
                    y,
                    inner.right(),
                    &year.to_string(),
                    theme.get(Slot::Heading1),
                );
            }
            TimelineRow::Event { index, to } => {
                let Some((brief, e)) = events.get(*index) else {
                    continue;
                };
                let bar = theme.get(Slot::Border);
                let x = cells::put(buf, inner.x + 2, y, inner.right(), "│ ", bar);
                let x = cells::put(
                    buf,
                    x,
                    y,
                    inner.right(),
                    &format!("{:<11}", e.date.to_string()),
                    theme.get(Slot::FigureValue),
                );
                // A disagreeing event is marked and names the other side.
                let note = crate::tui::conflicts::event_ref(&cx.lib, *brief, e)
                    .and_then(|r| cx.conflicts.event_note(&cx.lib, r));
                let place = match &note {
                    Some(n) => format!("{}  {n}", place(cx, *to)),
                    None => place(cx, *to),
                };
                let label = match &note {
                    Some(_) => format!("{GLYPH} {}", sanitize::line(&e.label)),
                    None => sanitize::line(&e.label).into_owned(),
                };
                if two {
                    cells::put_truncated(buf, x, y, inner.right(), &label, theme.get(Slot::Body));
                    let under = cells::put(buf, inner.x + 2, y + 1, inner.right(), "│ ", bar);
                    cells::put_truncated(
                        buf,
                        under + 2,
                        y + 1,
                        inner.right(),
                        &place,
                        theme.get(Slot::Dim),
                    );
                } else {
                    rowfit::put_pair(
                        buf,
                        x,
                        y,
                        inner.right(),
                        &label,
                        theme.get(Slot::Body),
                        &format!("  · {place}"),
                        theme.get(Slot::Dim),
                    );
                }
                if ri == cursor {
                    for dy in 0..heights[ri] {
                        let yy = y + u16::try_from(dy).unwrap_or(0);
                        cells::paint(buf, inner.x, yy, inner.right(), theme.get(Slot::Selection));
                    }
                }
            }
        }
        y += u16::try_from(heights[ri]).unwrap_or(1);
    }
}
