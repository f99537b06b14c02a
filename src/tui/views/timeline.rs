//! The timeline: every dated event of the library, by year.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::list::{self, popup, window};
use super::{Input, Outcome, View};
use crate::model::{SectionIdx, SectionRef};
use crate::sanitize;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Mode;
use crate::tui::theme::Slot;
use crate::tui::ui::cells;

/// One row of the timeline: a year heading or an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineRow {
    Year(u16),
    Event { index: usize, to: SectionRef },
}

/// The timeline's rows: each year, then its events.
pub fn rows(app: &App) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    let mut year = None;
    for (i, (b, e)) in app.lib.events().into_iter().enumerate() {
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

    fn open(&mut self, app: &mut App) {
        let rows = rows(app);
        if !matches!(rows.get(self.cursor), Some(TimelineRow::Event { .. })) {
            self.cursor = rows
                .iter()
                .position(|r| matches!(r, TimelineRow::Event { .. }))
                .unwrap_or(0);
        }
    }

    fn handle(&mut self, app: &mut App, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let rows = rows(app);
        let before = self.cursor;
        if list::move_cursor(&mut self.cursor, rows.len(), a, list::page(app)) {
            // Year headings are skipped in the direction of travel.
            let down = self.cursor >= before;
            while let Some(TimelineRow::Year(_)) = rows.get(self.cursor) {
                if down && self.cursor + 1 < rows.len() {
                    self.cursor += 1;
                } else if !down && self.cursor > 0 {
                    self.cursor -= 1;
                } else {
                    self.cursor = before;
                    break;
                }
            }
            return Outcome::Consumed;
        }
        match a {
            Action::Close | Action::Collapse => Outcome::Close,
            Action::Open => {
                if let Some(TimelineRow::Event { to, .. }) = rows.get(self.cursor) {
                    app.go(*to);
                    return Outcome::Close;
                }
                Outcome::Consumed
            }
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        draw(frame, app, area, self.cursor);
    }

    fn cursor(&self, app: &App, area: Rect) -> Option<Position> {
        list::row_cursor(area, 110, self.cursor, rows(app).len())
    }
}

fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, cursor: usize) {
    let Some(inner) = popup(
        frame,
        app,
        area,
        "Timeline — enter to open, esc to close",
        110,
    ) else {
        return;
    };
    let theme = &app.theme;
    let rows = rows(app);
    let events = app.lib.events();
    let rows_h = usize::from(inner.height);
    let first = window(cursor, rows_h);
    let buf = frame.buffer_mut();
    for (ri, row) in rows.iter().enumerate().skip(first).take(rows_h) {
        let y = inner.y + u16::try_from(ri - first).unwrap_or(0);
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
            TimelineRow::Event { index, .. } => {
                let Some((b, e)) = events.get(*index) else {
                    continue;
                };
                let x = cells::put(
                    buf,
                    inner.x + 2,
                    y,
                    inner.right(),
                    "│ ",
                    theme.get(Slot::Border),
                );
                let x = cells::put(
                    buf,
                    x,
                    y,
                    inner.right(),
                    &format!("{:<11}", e.date.to_string()),
                    theme.get(Slot::FigureValue),
                );
                let x = cells::put_truncated(
                    buf,
                    x,
                    y,
                    inner.right(),
                    &sanitize::line(&e.label),
                    theme.get(Slot::Body),
                );
                let short = app
                    .lib
                    .brief(*b)
                    .map_or("", |x| x.meta.short_title.as_str());
                cells::put_truncated(
                    buf,
                    x,
                    y,
                    inner.right(),
                    &format!("  · {}", sanitize::line(short)),
                    theme.get(Slot::Dim),
                );
                if ri == cursor {
                    cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
                }
            }
        }
    }
}
