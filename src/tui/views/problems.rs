//! The problems found in the briefs as they were loaded.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::list::{self, SimpleRow, simple_list};
use super::{Input, Outcome, View};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Mode;
use crate::tui::theme::Slot;

#[derive(Debug, Default)]
pub struct Problems {
    cursor: usize,
}

impl View for Problems {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Diagnostics)
    }

    fn open(&mut self, _app: &mut App) {
        self.cursor = 0;
    }

    fn handle(&mut self, app: &mut App, input: Input) -> Outcome {
        match input {
            Input::Act(a)
                if list::move_cursor(
                    &mut self.cursor,
                    app.lib.diagnostics.len(),
                    a,
                    list::page(app),
                ) =>
            {
                Outcome::Consumed
            }
            Input::Act(Action::Close | Action::Collapse | Action::Open) | Input::Click { .. } => {
                Outcome::Close
            }
            _ => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        draw(frame, app, area, self.cursor);
    }

    fn cursor(&self, app: &App, area: Rect) -> Option<Position> {
        list::row_cursor(area, 110, self.cursor, app.lib.diagnostics.len())
    }
}

fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, cursor: usize) {
    let rows: Vec<SimpleRow> = app
        .lib
        .diagnostics
        .iter()
        .map(|d| SimpleRow {
            text: d.to_string(),
            style: if d.is_error() {
                Slot::Error
            } else {
                Slot::Warning
            },
            after: String::new(),
        })
        .collect();
    let title = format!("Problems in the briefs ({}) — esc to close", rows.len());
    simple_list(
        frame,
        app,
        area,
        &title,
        &rows,
        cursor,
        "No problems: every brief loaded cleanly.",
    );
}
