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
use crate::lookup::Names;
use crate::model::{Brief, BriefIdx, Figure};
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::field::TextField;
use crate::tui::keymap::Mode;
use crate::tui::views::{Cx, Scene};

/// The most headline figures a card shows.
pub const MAX_FIGURES: usize = crate::model::HEADLINE;

/// A brief's headline figures: those marked `headline`, else its first
/// (known without reading the brief's detail).
pub fn headline_figures(b: &Brief) -> &[Figure] {
    &b.digest.headline
}

#[derive(Default)]
pub struct Home {
    /// The selected row: a brief's place among those shown.
    pub cursor: usize,
    /// True when the reader is below (home was opened over it), so closing
    /// home goes back to it.
    pub over_reader: bool,
    /// The depths of the history at which a brief was opened from home:
    /// going back past one of them comes home again.
    pub trail: Vec<usize>,
    /// What `/` typed to narrow the list, with its caret.
    filter: TextField,
    /// True while the filter line takes what is typed.
    typing: bool,
    /// The briefs the filter finds, best first; `None` shows every brief
    /// in library order.
    found: Option<Vec<BriefIdx>>,
    /// The library's names as words, made when first filtered.
    names: Option<Names>,
}

impl std::fmt::Debug for Home {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Home")
            .field("cursor", &self.cursor)
            .field("filter", &self.filter.value())
            .field("typing", &self.typing)
            .finish_non_exhaustive()
    }
}

/// The rows home shows: every brief, or those a filter found.
#[derive(Clone, Copy)]
pub struct Rows<'a> {
    found: Option<&'a [BriefIdx]>,
    all: usize,
}

impl Rows<'_> {
    pub fn len(&self) -> usize {
        self.found.map_or(self.all, <[BriefIdx]>::len)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The brief shown in row `row`.
    pub fn get(&self, row: usize) -> Option<BriefIdx> {
        match self.found {
            Some(f) => f.get(row).copied(),
            None => (row < self.all).then_some(BriefIdx(row)),
        }
    }

    /// The row showing brief `b`, if it is shown.
    fn row_of(&self, b: BriefIdx) -> Option<usize> {
        match self.found {
            Some(f) => f.iter().position(|x| *x == b),
            None => (b.0 < self.all).then_some(b.0),
        }
    }
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
        action: Action::Search,
        label: "filter",
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

/// The filter line's commands.
const TYPING: &[Command] = &[
    Command {
        action: Action::Open,
        label: "open",
    },
    Command {
        action: Action::ToggleScope,
        label: "search the library",
    },
    Command {
        action: Action::Close,
        label: "clear",
    },
];

impl Home {
    /// The rows shown now.
    pub fn rows(&self, all: usize) -> Rows<'_> {
        Rows {
            found: self.found.as_deref(),
            all,
        }
    }

    /// What the filter line holds.
    pub fn filter(&self) -> &str {
        self.filter.value()
    }

    /// Finds the briefs the filter meets, and selects the best.
    fn refilter(&mut self, cx: &Cx<'_>) {
        let query = self.filter.value().trim();
        self.found = if query.is_empty() {
            None
        } else {
            let names = self.names.get_or_insert_with(|| Names::new(&cx.lib));
            Some(names.find(query))
        };
        self.cursor = 0;
    }

    fn clear_filter(&mut self, cx: &Cx<'_>) {
        let selected = self.rows(cx.lib.briefs.len()).get(self.cursor);
        self.filter.set("");
        self.typing = false;
        self.found = None;
        // The brief selected stays selected among them all.
        self.cursor = selected.map_or(0, |b| b.0);
    }

    /// Input while the filter line is open: what is typed narrows the
    /// list, the arrows move in it, Enter opens, Tab searches the whole
    /// library for it, Esc clears it.
    fn typed(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        if matches!(input, Input::Erase) && self.filter.value().is_empty() {
            self.typing = false;
            return Outcome::Consumed;
        }
        if let Some(changed) = self.filter.edit(input) {
            if changed {
                self.refilter(cx);
            }
            return Outcome::Consumed;
        }
        let Input::Act(a) = input else {
            return Outcome::Ignored;
        };
        let n = self.rows(cx.lib.briefs.len()).len();
        let page = draw::per_page(cx, self);
        if list::move_cursor(&mut self.cursor, n, a, page) {
            return Outcome::Consumed;
        }
        match a {
            Action::Open => {
                self.typing = false;
                self.open_selected(cx)
            }
            Action::Close => {
                self.clear_filter(cx);
                Outcome::Consumed
            }
            Action::ToggleScope => {
                let query = self.filter.value().trim().to_owned();
                if query.is_empty() {
                    return Outcome::Consumed;
                }
                self.typing = false;
                let s = &mut cx.search;
                s.query = query;
                s.computed_for = None;
                s.scope = crate::tui::search::Scope::Library;
                Outcome::push::<super::Results>()
            }
            _ => Outcome::Consumed,
        }
    }

    /// The brief in the selected row.
    fn selected(&self, cx: &Cx<'_>) -> Option<BriefIdx> {
        self.rows(cx.lib.briefs.len())
            .get(self.cursor)
            .filter(|b| cx.lib.brief(*b).is_some())
    }

    fn open_selected(&mut self, cx: &mut Cx<'_>) -> Outcome {
        let Some(b) = self.selected(cx) else {
            return Outcome::Consumed;
        };
        if let Some(depth) = cx.open_from_home(b) {
            self.trail.push(depth);
        }
        Outcome::Close
    }

    fn leave(&mut self, cx: &mut Cx<'_>) -> Outcome {
        if self.found.is_some() {
            // Back first takes the filter away.
            self.clear_filter(cx);
            Outcome::Consumed
        } else if self.over_reader {
            Outcome::Close
        } else {
            cx.message = Some("nothing to go back to: enter opens a brief".into());
            Outcome::Consumed
        }
    }

    fn act(&mut self, cx: &mut Cx<'_>, a: Action) -> Outcome {
        let n = self.rows(cx.lib.briefs.len()).len();
        let a = match a {
            Action::NextLink => Action::Down,
            Action::PrevLink => Action::Up,
            a => a,
        };
        let page = draw::per_page(cx, self);
        if list::move_cursor(&mut self.cursor, n, a, page) {
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
            // `/` narrows the list to the briefs whose names meet what
            // is typed.
            Action::Search => {
                self.clear_filter(cx);
                self.typing = true;
                Outcome::Consumed
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
        if self.typing {
            Mode::Finder
        } else {
            Mode::Reader
        }
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Home)
    }

    fn open(&mut self, cx: &mut Cx<'_>) {
        let rows = self.rows(cx.lib.briefs.len());
        self.cursor = rows.row_of(cx.reader.brief).unwrap_or(0);
        self.over_reader = false;
        self.typing = false;
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let n = self.rows(cx.lib.briefs.len()).len();
        match input {
            Input::Click { x, y } => match draw::row_at(cx, self, Position { x, y }) {
                Some(row) => {
                    self.cursor = row;
                    self.typing = false;
                    self.open_selected(cx)
                }
                None => Outcome::Consumed,
            },
            Input::Wheel { down, .. } => {
                let a = if down { Action::Down } else { Action::Up };
                list::move_cursor(&mut self.cursor, n, a, 1);
                Outcome::Consumed
            }
            input if self.typing => self.typed(cx, input),
            Input::Act(a) => self.act(cx, a),
            Input::Type(_) | Input::Erase | Input::Edit(_) => Outcome::Ignored,
        }
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw::draw(frame, cx, area, self);
    }

    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<Position> {
        if self.typing {
            return Some(self.caret(cx));
        }
        draw::cursor_at(cx, area, self)
    }

    fn status(&self, cx: &Scene<'_>) -> Option<String> {
        let n = cx.lib.briefs.len();
        if self.typing || self.found.is_some() {
            let shown = self.rows(n).len();
            let (_, width) = Self::window(cx);
            return Some(format!(
                " /{}  {} of {}",
                self.filter.visible(width),
                shown,
                crate::words::count(n, "brief", "briefs")
            ));
        }
        let what = if cx.lib.embedded { "Library" } else { "Briefs" };
        Some(format!(
            " Home · {what} · {}",
            crate::words::count(n, "brief", "briefs")
        ))
    }

    fn commands(&self) -> &'static [Command] {
        if self.typing { TYPING } else { COMMANDS }
    }

    fn reload(&mut self, cx: &mut Cx<'_>, _open: bool) {
        self.names = None;
        if self.found.is_some() {
            let query = self.filter.value().trim().to_owned();
            let names = self.names.insert(Names::new(&cx.lib));
            self.found = Some(names.find(&query));
        }
        let n = self.rows(cx.lib.briefs.len()).len();
        self.cursor = self.cursor.min(n.saturating_sub(1));
        self.trail.clear();
    }
}

impl Home {
    /// Where the filter starts in the status bar, and how wide it may run.
    fn window(cx: &Desk) -> (u16, u16) {
        let bar = cx.geometry.status;
        // Three fifths of the bar, less the `/` before; the count follows.
        let room = (usize::from(bar.width) * 3 / 5).saturating_sub(2);
        (bar.x + 2, u16::try_from(room.max(4)).unwrap_or(u16::MAX))
    }

    /// The filter's caret, in the status bar.
    fn caret(&self, cx: &Desk) -> Position {
        let (x, width) = Self::window(cx);
        let bar = cx.geometry.status;
        Position {
            x: self
                .filter
                .caret_x(x, width)
                .min(bar.right().saturating_sub(1)),
            y: bar.y,
        }
    }
}
