//! Home: every brief of the library as a card (short title, publisher,
//! year, bottom line, pillars, reading progress and headline figures), or
//! a list at narrow widths. The first screen of a fresh reader on a
//! library; `H` comes back to it from anywhere.

mod draw;

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::finder::Finder;
use super::help::Help;
use super::list;
use super::problems::Problems;
use super::{Bookmarks, Compare, Timeline};
use super::{Command, Input, Outcome, View};
use crate::model::{Brief, BriefIdx, Figure};
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::views::{Cx, Scene};

/// The most headline figures a card shows.
pub const MAX_FIGURES: usize = 3;

/// A brief's headline figures: those marked `headline`, else its first.
pub fn headline_figures(b: &Brief) -> Vec<&Figure> {
    let marked: Vec<&Figure> = b.figures.iter().filter(|f| f.headline).collect();
    let figures = if marked.is_empty() {
        b.figures.iter().collect()
    } else {
        marked
    };
    figures.into_iter().take(MAX_FIGURES).collect()
}

#[derive(Debug, Default)]
pub struct Home {
    /// The selected brief.
    pub cursor: usize,
    /// True when the reader is below (home was opened over it), so closing
    /// home goes back to it.
    pub over_reader: bool,
    /// The depths of the history at which a brief was opened from home:
    /// going back past one of them comes home again.
    pub trail: Vec<usize>,
}

const COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "open",
    },
    Command {
        action: Action::Help,
        label: "help",
    },
    Command {
        action: Action::FindFigure,
        label: "figures",
    },
    Command {
        action: Action::Quit,
        label: "quit",
    },
];

impl Home {
    fn open_selected(&mut self, cx: &mut Cx<'_>) -> Outcome {
        if cx.lib.brief(BriefIdx(self.cursor)).is_none() {
            return Outcome::Consumed;
        }
        if let Some(depth) = cx.open_from_home(BriefIdx(self.cursor)) {
            self.trail.push(depth);
        }
        Outcome::Close
    }

    fn leave(&self, cx: &mut Cx<'_>) -> Outcome {
        if self.over_reader {
            Outcome::Close
        } else {
            cx.message = Some("nothing to go back to: enter opens a brief".into());
            Outcome::Consumed
        }
    }

    fn act(&mut self, cx: &mut Cx<'_>, a: Action) -> Outcome {
        let n = cx.lib.briefs.len();
        let a = match a {
            Action::NextLink => Action::Down,
            Action::PrevLink => Action::Up,
            a => a,
        };
        if list::move_cursor(&mut self.cursor, n, a, 1) {
            return Outcome::Consumed;
        }
        match a {
            Action::Open | Action::Expand => self.open_selected(cx),
            Action::Pillar(k) if usize::from(k) <= n => {
                self.cursor = usize::from(k) - 1;
                self.open_selected(cx)
            }
            Action::Back | Action::Close | Action::Collapse => self.leave(cx),
            // Forward to the brief left for home, like a browser; back
            // from there comes home again.
            Action::Forward if cx.can(a) => {
                cx.act(a);
                self.trail.push(cx.history_depth());
                Outcome::Close
            }
            Action::Help => Outcome::push::<Help>(),
            // Search the selected brief: home makes way for it, as Enter
            // would (back comes home again).
            Action::Search if cx.lib.brief(BriefIdx(self.cursor)).is_some() => {
                if let Some(depth) = cx.open_from_home(BriefIdx(self.cursor)) {
                    self.trail.push(depth);
                }
                Outcome::replace::<super::search::SearchLine>()
            }
            Action::FindFigure => Outcome::push::<Finder>(),
            Action::Timeline => Outcome::push::<Timeline>(),
            Action::Compare => Outcome::push::<Compare>(),
            Action::Bookmarks => Outcome::push::<Bookmarks>(),
            Action::Diagnostics => Outcome::push::<Problems>(),
            Action::Conflicts => Outcome::push::<super::ConflictsView>(),
            Action::CycleTheme => {
                // The views are out of the app while one handles an input,
                // so this reaches the base layer only.
                cx.act(a);
                Outcome::Consumed
            }
            _ => Outcome::Ignored,
        }
    }
}

impl View for Home {
    /// A screen, not an overlay: the reader's keys and the global ones.
    fn mode(&self) -> Mode {
        Mode::Reader
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Home)
    }

    fn open(&mut self, cx: &mut Cx<'_>) {
        self.cursor = cx.reader.brief.0.min(cx.lib.briefs.len().saturating_sub(1));
        self.over_reader = false;
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        match input {
            Input::Act(a) => self.act(cx, a),
            Input::Click { x, y } => match draw::brief_at(cx, Position { x, y }) {
                Some(b) => {
                    self.cursor = b;
                    self.open_selected(cx)
                }
                None => Outcome::Consumed,
            },
            Input::Wheel { down, .. } => {
                let a = if down { Action::Down } else { Action::Up };
                list::move_cursor(&mut self.cursor, cx.lib.briefs.len(), a, 1);
                Outcome::Consumed
            }
            Input::Type(_) | Input::Erase | Input::Edit(_) => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw::draw(frame, cx, area, self.cursor);
    }

    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<Position> {
        draw::cursor_at(cx, area, self.cursor)
    }

    fn status(&self, cx: &Scene<'_>) -> Option<String> {
        let n = cx.lib.briefs.len();
        let what = if cx.lib.embedded { "Library" } else { "Briefs" };
        Some(format!(
            " Home · {what} · {}",
            crate::words::count(n, "brief", "briefs")
        ))
    }

    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }

    fn reload(&mut self, cx: &mut Cx<'_>, _open: bool) {
        self.cursor = self.cursor.min(cx.lib.briefs.len().saturating_sub(1));
        self.trail.clear();
    }
}
