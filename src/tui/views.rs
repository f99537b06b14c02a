//! The views opened over the reader: one module each, one line each in
//! [`registry`].
//!
//! A view owns its state, answers the [`Input`]s it understands (an
//! [`Action`] from the keymap, typed text, a click or the wheel) with an
//! [`Outcome`], draws itself into the area it is given, says where the
//! terminal cursor belongs and lists the commands it offers. The reader,
//! outline and panel are the base layer below them (`tui/app`); the app
//! keeps the open views in a stack and offers each input to the top view
//! first. What a view ignores falls through to the layer below, unless the
//! view captures input (as every overlay does today): then only quitting
//! gets past it. A view never reaches into another view: it opens one by
//! its type ([`Outcome::Replace`], [`Outcome::Push`]).
//!
//! Every view lives as long as the app, so what it keeps between openings
//! (the timeline's cursor, the tag being compared) survives closing it.
//!
//! To add a view: write `views/NAME.rs` with a type that implements
//! [`View`] (its [`View::opened_by`] names the action that opens it from
//! the reader), and add it to [`registry`].

pub mod bookmarks;
pub mod compare;
pub mod conflicts;
mod cx;
pub mod finder;
pub mod glossary;
pub mod help;
pub mod home;
pub mod list;
pub mod measures;
pub mod problems;
pub mod results;
mod rowfit;
pub mod search;
pub mod source;
pub mod timeline;

use std::any::{Any, TypeId};

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

pub use bookmarks::{BookmarkRow, Bookmarks};
pub use compare::{Compare, CompareRow};
pub use conflicts::{ConflictRow, ConflictsView};
pub use finder::Finder;
pub use glossary::{GlossaryRow, GlossaryView};
pub use help::{Help, help_lines};
pub use home::Home;
pub use measures::Measures;
pub use problems::Problems;
pub use results::Results;
pub use search::SearchLine;
pub use source::{Found, Source};
pub use timeline::{Timeline, TimelineRow};

pub use super::msg::Input;
pub use cx::{Cx, Routed, Scene};

use super::action::Action;
use super::keymap::Mode;

/// Every view, one line each.
fn registry() -> Vec<Box<dyn View>> {
    vec![
        Box::new(Help::default()),
        Box::new(Finder),
        Box::new(SearchLine::default()),
        Box::new(Results::default()),
        Box::new(Timeline::default()),
        Box::new(Compare::default()),
        Box::new(Bookmarks::default()),
        Box::new(Problems::default()),
        Box::new(Measures::default()),
        Box::new(ConflictsView::default()),
        Box::new(Source::default()),
        Box::new(Home::default()),
        Box::new(GlossaryView::default()),
    ]
}

/// A view's answer to an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not for this view: the layer below gets it.
    Ignored,
    /// Handled; the view stays open.
    Consumed,
    /// Handled, and the view closes.
    Close,
    /// Handled: the view closes and the view of this type opens in its
    /// place (see [`Outcome::replace`]).
    Replace(TypeId),
    /// Handled: the view of this type opens above it.
    Push(TypeId),
    /// Not handled here, but not to be offered to the views below either:
    /// the base layer applies this action (the app's own, such as the next
    /// theme, which a view cannot reach).
    Act(Action),
}

impl Outcome {
    pub fn replace<T: View>() -> Self {
        Self::Replace(TypeId::of::<T>())
    }

    pub fn push<T: View>() -> Self {
        Self::Push(TypeId::of::<T>())
    }
}

/// A command a view offers: the action and a short label for the status
/// bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    pub action: Action,
    pub label: &'static str,
}

/// The commands of the reader, which the overlays show too.
pub const GLOBAL_COMMANDS: &[Command] = &[
    Command {
        action: Action::Help,
        label: "help",
    },
    Command {
        action: Action::FocusNext,
        label: "pane",
    },
    Command {
        action: Action::NextPillar,
        label: "pillar",
    },
    Command {
        action: Action::NextLink,
        label: "link",
    },
    Command {
        action: Action::Back,
        label: "back",
    },
    Command {
        action: Action::Quit,
        label: "quit",
    },
    Command {
        action: Action::ClearSearch,
        label: "clear search",
    },
];

/// The commands of a list (timeline, compare, results...).
pub const LIST_COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "open",
    },
    Command {
        action: Action::Close,
        label: "close",
    },
    Command {
        action: Action::Quit,
        label: "quit",
    },
];

pub trait View: Any {
    /// The keymap mode its keys are looked up in.
    fn mode(&self) -> Mode;

    /// The action that opens it from the reader, if any.
    fn opened_by(&self) -> Option<Action> {
        None
    }

    /// Called each time it opens.
    fn open(&mut self, _cx: &mut Cx<'_>) {}

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome;

    /// Draws it over the whole screen `area`.
    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect);

    /// Where the terminal cursor belongs while it is on top.
    fn cursor(&self, _cx: &Scene<'_>, _area: Rect) -> Option<Position> {
        None
    }

    /// The status bar's text while it is on top (instead of the place).
    fn status(&self, _cx: &Scene<'_>) -> Option<String> {
        None
    }

    /// The commands it offers, for the status bar's hints.
    fn commands(&self) -> &'static [Command] {
        if self.mode() == Mode::List {
            LIST_COMMANDS
        } else {
            GLOBAL_COMMANDS
        }
    }

    /// True if what it ignores stops here (but quitting): a modal view.
    fn captures(&self) -> bool {
        true
    }

    /// The library was reloaded; `open` says if it is open.
    fn reload(&mut self, _cx: &mut Cx<'_>, _open: bool) {}

    /// True if command `a` does something now (a hint is shown only
    /// then).
    fn enabled(&self, _cx: &Scene<'_>, _a: Action) -> bool {
        true
    }
}

fn as_any(v: &dyn View) -> &dyn Any {
    v
}

/// Every view, and the stack of those open (bottom first, with the mode
/// each reported as it opened).
pub struct Views {
    all: Vec<Box<dyn View>>,
    open: Vec<(usize, Mode)>,
}

impl Default for Views {
    fn default() -> Self {
        Self {
            all: registry(),
            open: Vec::new(),
        }
    }
}

impl Views {
    pub fn is_open(&self) -> bool {
        !self.open.is_empty()
    }

    /// The mode of the top view: what it says now (a view may change it
    /// while open, as the help does while its filter is typed), or while
    /// it is taken out to handle an input, the mode it opened in.
    pub fn mode(&self) -> Option<Mode> {
        let (i, m) = self.open.last()?;
        Some(self.all.get(*i).map_or(*m, |v| v.mode()))
    }

    /// The view of type `T`, open or not.
    pub fn get<T: View>(&self) -> Option<&T> {
        self.all
            .iter()
            .find_map(|v| as_any(v.as_ref()).downcast_ref::<T>())
    }

    /// True if the top view is a `T`.
    pub fn showing<T: View>(&self) -> bool {
        self.top().is_some_and(|v| as_any(v).is::<T>())
    }

    pub fn top(&self) -> Option<&dyn View> {
        let (i, _) = self.open.last()?;
        self.all.get(*i).map(AsRef::as_ref)
    }

    /// The open views, bottom first.
    pub fn stack(&self) -> impl Iterator<Item = &dyn View> {
        self.open
            .iter()
            .filter_map(|(i, _)| self.all.get(*i).map(AsRef::as_ref))
    }

    /// The view of type `T`, open or not, to change what it keeps.
    pub fn get_mut<T: View>(&mut self) -> Option<&mut T> {
        self.all
            .iter_mut()
            .find_map(|v| (v.as_mut() as &mut dyn Any).downcast_mut::<T>())
    }

    /// Closes every open view.
    pub fn close_all(&mut self) {
        self.open.clear();
    }

    fn index_of(&self, t: TypeId) -> Option<usize> {
        self.all
            .iter()
            .position(|v| as_any(v.as_ref()).type_id() == t)
    }

    /// Every view, open or not.
    pub fn all(&self) -> impl Iterator<Item = &dyn View> {
        self.all.iter().map(AsRef::as_ref)
    }

    /// The view that `a` opens from the reader.
    fn opened_by(&self, a: Action) -> Option<usize> {
        self.all.iter().position(|v| v.opened_by() == Some(a))
    }

    /// Opens the view that `a` opens, if there is one; true if so.
    pub fn open_for(&mut self, cx: &mut Cx<'_>, a: Action) -> bool {
        let Some(i) = self.opened_by(a) else {
            return false;
        };
        self.open_at(cx, i);
        true
    }

    /// Opens the view of type `T` on top.
    pub fn open<T: View>(&mut self, cx: &mut Cx<'_>) {
        if let Some(i) = self.index_of(TypeId::of::<T>()) {
            self.open_at(cx, i);
        }
    }

    fn open_at(&mut self, cx: &mut Cx<'_>, i: usize) {
        let mode = self.all.get_mut(i).map(|v| {
            v.open(cx);
            v.mode()
        });
        if let Some(mode) = mode {
            self.open.push((i, mode));
        }
    }

    /// Offers `input` to the open views, top first, and carries out what
    /// the one that took it answered.
    pub fn route(&mut self, cx: &mut Cx<'_>, input: Input) -> Routed {
        let went = cx.history_depth();
        let mut answer = None;
        for depth in (0..self.open.len()).rev() {
            let Some(view) = self.all.get_mut(self.open[depth].0) else {
                continue;
            };
            match view.handle(cx, input) {
                Outcome::Ignored if view.captures() && input != Input::Act(Action::Quit) => {
                    answer = Some((depth, Outcome::Consumed));
                }
                Outcome::Ignored => continue,
                o => answer = Some((depth, o)),
            }
            break;
        }
        let Some((depth, outcome)) = answer else {
            return Routed::Ignored;
        };
        let mut routed = Routed::Taken;
        match outcome {
            Outcome::Ignored | Outcome::Consumed => {}
            Outcome::Act(a) => routed = Routed::HandedDown(a),
            Outcome::Close => {
                self.open.remove(depth);
            }
            Outcome::Replace(t) => {
                self.open.remove(depth);
                if let Some(i) = self.index_of(t) {
                    self.open_at(cx, i);
                }
            }
            Outcome::Push(t) => {
                if let Some(i) = self.index_of(t) {
                    self.open_at(cx, i);
                }
            }
        }
        // A view opened over home that took the reader somewhere (a figure,
        // an event) leaves home too: the reader is what is wanted now.
        if cx.history_depth() != went
            && let Some(home) = self.index_of(TypeId::of::<Home>())
        {
            self.open.retain(|(i, _)| *i != home);
        }
        routed
    }

    /// Tells every view the library was reloaded.
    pub fn reload(&mut self, cx: &mut Cx<'_>) {
        for (i, v) in self.all.iter_mut().enumerate() {
            let open = self.open.iter().any(|(j, _)| *j == i);
            v.reload(cx, open);
        }
    }

    /// Where the terminal cursor belongs: where the top view says.
    pub fn cursor(&self, cx: &Scene<'_>) -> Option<Position> {
        self.top()?.cursor(cx, cx.geometry.area)
    }

    /// Opens the glossary at term `t` (Enter on a term in the text).
    pub fn open_glossary_at(&mut self, cx: &mut Cx<'_>, t: usize) {
        if let Some(g) = self.get_mut::<GlossaryView>() {
            g.show_term(cx.desk, t);
        }
        self.open::<GlossaryView>(cx);
    }
}
