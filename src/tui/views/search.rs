//! The search line: type to find text in the brief being read, enter to
//! go, tab to search the whole library instead. It lives in the status
//! bar; the matches are the reader's (`app.search`) and stay after it
//! closes, for `n` and `N`.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;

use super::field::TextField;
use super::{Command, Input, Outcome, Results, View};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::find::Scope;
use crate::tui::keymap::Mode;

const COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "go",
    },
    Command {
        action: Action::ToggleScope,
        label: "whole library",
    },
    Command {
        action: Action::Close,
        label: "cancel",
    },
];

#[derive(Debug, Default)]
pub struct SearchLine {
    /// The query as typed, with its caret; `app.search.query` follows it.
    field: TextField,
}

impl SearchLine {
    /// Where the query starts in the status bar, and how wide it may run:
    /// three fifths of the bar, less what comes before and after it.
    fn window(app: &App) -> (u16, u16) {
        let bar = app.geometry.status;
        let before = app
            .reader
            .progress()
            .map_or(0, |pct| format!(" laying out {pct}% ·").chars().count())
            + 2;
        let after = app.search.count().len() + 2;
        let room = (usize::from(bar.width) * 3 / 5).saturating_sub(before + after);
        let x = usize::from(bar.x) + before;
        (
            u16::try_from(x).unwrap_or(u16::MAX),
            u16::try_from(room.max(4)).unwrap_or(u16::MAX),
        )
    }
}

impl View for SearchLine {
    fn mode(&self) -> Mode {
        Mode::Search
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Search)
    }

    fn open(&mut self, app: &mut App) {
        self.field.set("");
        app.search.query.clear();
        app.search.computed_for = None;
        app.search.scope = Scope::Brief;
    }

    /// What is typed is searched for as it is typed (see `App::update`).
    fn handle(&mut self, app: &mut App, input: Input) -> Outcome {
        let s = &mut app.search;
        if let Some(changed) = self.field.edit(input) {
            if changed {
                self.field.value().clone_into(&mut s.query);
                s.computed_for = None;
            }
            return Outcome::Consumed;
        }
        match input {
            Input::Act(Action::Close) => {
                self.field.set("");
                s.query.clear();
                s.computed_for = None;
                Outcome::Close
            }
            Input::Act(Action::Open) => {
                app.refresh_search();
                app.goto_match_from_top();
                Outcome::Close
            }
            Input::Act(Action::ToggleScope) => {
                s.scope = Scope::Library;
                Outcome::replace::<Results>()
            }
            Input::Click { .. } => Outcome::Close,
            _ => Outcome::Ignored,
        }
    }

    /// The status bar draws the line (from [`View::status`]); this marks
    /// the caret in it.
    fn draw(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        if app.message.is_some() {
            return;
        }
        if let Some(p) = self.cursor(app, area)
            && let Some(cell) = frame.buffer_mut().cell_mut(p)
        {
            cell.modifier.insert(Modifier::REVERSED);
        }
    }

    fn status(&self, app: &App) -> Option<String> {
        let (_, width) = Self::window(app);
        Some(format!(
            " /{}  {}",
            self.field.visible(width),
            app.search.count()
        ))
    }

    /// The caret in the query, in the status bar.
    fn cursor(&self, app: &App, _area: Rect) -> Option<Position> {
        let (x, width) = Self::window(app);
        let bar = app.geometry.status;
        Some(Position {
            x: self
                .field
                .caret_x(x, width)
                .min(bar.right().saturating_sub(1)),
            y: bar.y,
        })
    }

    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }
}
