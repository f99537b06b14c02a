//! The search line: type to find text in the brief being read, enter to
//! go, tab to search the whole library instead. It lives in the status
//! bar; the matches are the reader's (`cx.search`) and stay after it
//! closes, for `n` and `N`.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;

use super::{Command, Input, Outcome, Results, View};
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::field::TextField;
use crate::tui::keymap::Mode;
use crate::tui::search::Scope;
use crate::tui::views::{Cx, Scene};

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
    /// The query as typed, with its caret; `cx.search.query` follows it.
    field: TextField,
}

impl SearchLine {
    /// Where the query starts in the status bar, and how wide it may run:
    /// three fifths of the bar, less what comes before and after it.
    fn window(cx: &Desk) -> (u16, u16) {
        let bar = cx.geometry.status;
        let before = cx
            .reader
            .progress()
            .map_or(0, |pct| format!(" laying out {pct}% ·").chars().count())
            + 2;
        let after = cx.search.count().len() + 2;
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

    fn open(&mut self, cx: &mut Cx<'_>) {
        self.field.set("");
        cx.search.query.clear();
        cx.search.computed_for = None;
        cx.search.scope = Scope::Brief;
    }

    /// What is typed is searched for as it is typed (the app refreshes the
    /// matches after each input).
    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let s = &mut cx.search;
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
                cx.refresh_search();
                cx.goto_match_from_top();
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
    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        if cx.message.is_some() {
            return;
        }
        if let Some(p) = self.cursor(cx, area)
            && let Some(cell) = frame.buffer_mut().cell_mut(p)
        {
            cell.modifier.insert(Modifier::REVERSED);
        }
    }

    fn status(&self, cx: &Scene<'_>) -> Option<String> {
        let (_, width) = Self::window(cx);
        Some(format!(
            " /{}  {}",
            self.field.visible(width),
            cx.search.count()
        ))
    }

    /// The caret in the query, in the status bar.
    fn cursor(&self, cx: &Scene<'_>, _area: Rect) -> Option<Position> {
        let (x, width) = Self::window(cx);
        let bar = cx.geometry.status;
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
