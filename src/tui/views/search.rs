//! The search line: type to find text in the brief being read, enter to
//! go, tab to search the whole library instead. It lives in the status
//! bar; the matches are the reader's (`app.search`) and stay after it
//! closes, for `n` and `N`.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::{Input, Outcome, Results, View};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::find::Scope;
use crate::tui::keymap::Mode;

#[derive(Debug, Default)]
pub struct SearchLine;

impl View for SearchLine {
    fn mode(&self) -> Mode {
        Mode::Search
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Search)
    }

    fn open(&mut self, app: &mut App) {
        app.search.query.clear();
        app.search.computed_for = None;
        app.search.scope = Scope::Brief;
    }

    /// What is typed is searched for as it is typed (see `App::update`).
    fn handle(&mut self, app: &mut App, input: Input) -> Outcome {
        let s = &mut app.search;
        match input {
            Input::Type(c) => {
                s.query.push(c);
                s.computed_for = None;
            }
            Input::Erase => {
                s.query.pop();
                s.computed_for = None;
            }
            Input::Act(Action::Close) => {
                s.query.clear();
                s.computed_for = None;
                return Outcome::Close;
            }
            Input::Act(Action::Open) => {
                app.refresh_search();
                app.goto_match_from_top();
                return Outcome::Close;
            }
            Input::Act(Action::ToggleScope) => {
                s.scope = Scope::Library;
                return Outcome::replace::<Results>();
            }
            Input::Click { .. } => return Outcome::Close,
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    /// Drawn by the status bar, from [`View::status`].
    fn draw(&self, _frame: &mut Frame<'_>, _app: &App, _area: Rect) {}

    fn status(&self, app: &App) -> Option<String> {
        Some(format!(
            " /{}▏  {}  (enter: go, tab: whole library, esc: cancel)",
            app.search.query,
            app.search.count()
        ))
    }

    /// Just after the query, in the status bar.
    fn cursor(&self, app: &App, _area: Rect) -> Option<Position> {
        let bar = app.geometry.status;
        let progress = app
            .reader
            .progress()
            .map_or(0, |pct| format!(" laying out {pct}% ·").chars().count());
        let typed = unicode_width::UnicodeWidthStr::width(
            crate::sanitize::line(&app.search.query).as_ref(),
        );
        let x = usize::from(bar.x) + progress + 2 + typed;
        Some(Position {
            x: u16::try_from(x)
                .unwrap_or(u16::MAX)
                .min(bar.right().saturating_sub(1)),
            y: bar.y,
        })
    }
}
