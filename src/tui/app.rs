//! The app: the shell around the reading state. It holds the reading state
//! ([`Desk`]), the keymap, the themes, the mouse setting and the stack of
//! views, and has the one [`App::update`] through which every input
//! changes anything: keys become [`Action`]s by a pure keymap lookup, the
//! open views are offered each input first (top first), and what they let
//! through reaches the reading state. `update` returns what the terminal
//! must do instead of doing it.
//!
//! A view is handed the reading state (and the keymap) to work on, never
//! the app: it opens another view by answering with an [`Outcome`], and
//! the reading state asks for a layer through [`Desk::ask`].

mod again;
mod home;
mod keys;
mod layers;
mod whole;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use ratatui::layout::Rect;

use super::action::Action;
use super::desk::Desk;
use super::keymap::{Chord, Keymap, Lookup, Mode};
use super::views::{Finder, Input, Views};
use crate::library::Library;
use crate::theme::Theme;

pub use super::desk::Focus;
pub use super::msg::{Effect, Msg};
pub use whole::Whole;

pub struct App {
    /// What is read and where.
    pub desk: Desk,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The themes `t` cycles through.
    pub themes: crate::theme::Themes,
    pub mouse: bool,
    /// Every view, and the stack of those open over the base layer.
    pub views: Views,
    pending: keys::PendingKeys,
    /// An action a view handed down to the base layer (see
    /// [`super::views::Outcome::Act`]).
    handed_down: Option<Action>,
    /// Something on screen may have changed since the last frame.
    dirty: bool,
    /// The files and folders the library is read from (none for the
    /// embedded library).
    pub watch: Vec<PathBuf>,
    /// The library cache's folder, for reading the library again after a
    /// change (none: read every file).
    pub cache: Option<PathBuf>,
    /// The cache's writer storing the files the start left for later:
    /// the library is read again through the cache as they come in.
    pub catchup: Option<Arc<crate::library::cache::Progress>>,
    /// When the library was last read again for files coming in, and how
    /// long that took: it is not read again sooner than thrice that, so a
    /// large library stays responsive while it grows.
    caught_up: Option<(Instant, std::time::Duration)>,
    /// The writer a reload started, storing what changed (not waited for:
    /// what it has not stored when the reader quits is parsed next time).
    storing: Option<crate::library::cache::Finishing>,
    /// The whole of a long file opened on its own, while its first
    /// sections are shown (see [`crate::library::head`]).
    pub whole: Option<Whole>,
    /// The whole of such a file had errors and gave no brief: the reader
    /// ends and its problems are told.
    pub unreadable: Option<Library>,
}

impl App {
    pub fn new(lib: Library, keymap: Keymap, theme: Theme, area: Rect) -> Self {
        Self::with_desk(Desk::new(lib, area, false), keymap, theme)
    }

    /// The app as the event loop runs it: the glossary's terms are marked
    /// once the first screen is up, off the path to it.
    pub fn for_terminal(lib: Library, keymap: Keymap, theme: Theme, area: Rect) -> Self {
        Self::with_desk(Desk::new(lib, area, true), keymap, theme)
    }

    fn with_desk(desk: Desk, keymap: Keymap, theme: Theme) -> Self {
        Self {
            desk,
            keymap,
            theme,
            themes: crate::theme::Themes::default(),
            mouse: true,
            views: Views::default(),
            pending: keys::PendingKeys::default(),
            handed_down: None,
            dirty: true,
            watch: Vec::new(),
            cache: None,
            catchup: None,
            caught_up: None,
            storing: None,
            whole: None,
            unreadable: None,
        }
    }

    /// The whole screen is to be drawn again (the terminal was lent out).
    pub fn redraw(&mut self) {
        self.dirty = true;
    }

    /// True if the screen may have changed since the last call: the event
    /// loop draws only then.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    /// Where keys are looked up: the top view's mode, or the focused
    /// pane's.
    pub fn mode(&self) -> Mode {
        self.views.mode().unwrap_or(match self.desk.focus {
            Focus::Outline => Mode::Outline,
            Focus::Reader => Mode::Reader,
            Focus::Panel => Mode::Panel,
        })
    }

    /// The one place state changes: applies `msg` and says what the event
    /// loop must do.
    pub fn update(&mut self, msg: Msg) -> Effect {
        match msg {
            Msg::Tick(now) => return self.on_tick(now),
            Msg::FirstScreen => {
                let effect = self.read_whole();
                self.desk.first_screen_shown();
                self.prepare_search();
                return effect;
            }
            Msg::FilesChanged => {
                // Everything is read again: the whole being parsed is of
                // an older file.
                self.whole = None;
                self.files_changed();
                return Effect::None;
            }
            Msg::Said(said) => {
                self.desk.message = Some(said);
                self.dirty = true;
                return Effect::None;
            }
            _ => {}
        }
        if msg == Msg::Resize(self.desk.geometry.area) {
            // A wake-up from another thread (see `tui::wake`): nothing
            // changed size.
            return Effect::None;
        }
        self.dirty = true;
        // Input acts on the whole brief, never on its first part alone.
        if self.take_whole(true) == Effect::Quit {
            return Effect::Quit;
        }
        // Input comes after the first screen: the terms it may reach are
        // marked before it acts.
        self.desk.reader.defer_terms = false;
        self.desk.reader.mark_terms(&self.desk.lib);
        if let Some(effect) = self.desk.answer(&msg) {
            return effect;
        }
        if !matches!(msg, Msg::Resize(_)) && !self.to_end(&msg) {
            // Input acts on the whole brief, not on its preview (but the
            // end of it is shown before the whole is laid out).
            self.desk.reader.finish();
        }
        // The place in a brief is kept whenever the reader leaves it; only
        // then is it turned into ids (taken here, it costs two copies).
        let (before, section) = (self.desk.reader.place(), self.desk.reader.section());
        let small = self.desk.geometry.too_small;
        let effect = match msg {
            Msg::Key(k) => self.key(k),
            Msg::Act(a) => self.act(a),
            Msg::Click { .. } | Msg::Wheel { .. } if small => Effect::None,
            Msg::Click { x, y } => {
                self.desk.message = None;
                if !self.route(Input::Click { x, y }) {
                    self.desk.click(x, y);
                }
                Effect::None
            }
            Msg::Wheel { x, y, down } => {
                if !self.route(Input::Wheel { x, y, down }) {
                    self.desk.wheel(x, y, down);
                }
                Effect::None
            }
            Msg::Resize(area) => {
                self.desk.resize(area);
                Effect::None
            }
            Msg::Tick(_) | Msg::FirstScreen | Msg::FilesChanged | Msg::Said(_) => Effect::None,
        };
        self.open_asked();
        // While the search line is open, the matches follow what is typed.
        if self.desk.refresh_search() && self.mode() == Mode::Search {
            self.desk.goto_match_from_top();
        }
        if self.desk.reader.brief != before.brief
            && let Some((id, place)) = self.desk.place_in_state(before, section)
        {
            self.desk.saved.state.set_place(&id, place);
        }
        effect
    }

    /// True if `msg` takes the reader to the end of the brief, which it
    /// shows without waiting for the whole to be laid out.
    fn to_end(&self, msg: &Msg) -> bool {
        if self.views.is_open() || !self.pending.is_empty() || self.mode() != Mode::Reader {
            return false;
        }
        match msg {
            Msg::Act(a) => *a == Action::Bottom,
            Msg::Key(k) => {
                let chord = Chord::from_event(*k);
                self.keymap.lookup(Mode::Reader, &[chord]) == Lookup::Action(Action::Bottom)
            }
            _ => false,
        }
    }

    /// Time passed: work finished in the background is taken in, a read
    /// mark that fell due is set, and a key sequence left waiting acts
    /// alone.
    fn on_tick(&mut self, now: Instant) -> Effect {
        if self.take_whole(false) == Effect::Quit {
            return Effect::Quit;
        }
        self.catch_up();
        let finder = self.views.showing::<Finder>();
        let changed = self.desk.tick(finder, self.views.is_open());
        let waiting = !self.pending.is_empty();
        let effect = self.expire_keys(now);
        self.open_asked();
        // A sequence that ran out changes the status bar, acted or not.
        self.dirty |= changed || (waiting && self.pending.is_empty());
        effect
    }

    /// One turn of time, now, through [`App::update`]: true if the screen
    /// changed. For drivers without an event loop (tests, the fuzzer).
    pub fn tick(&mut self) -> bool {
        self.dirty = false;
        self.update(Msg::Tick(Instant::now()));
        self.take_dirty()
    }

    /// The event loop has drawn the first screen: what was kept off its
    /// path (the glossary's terms, the finder's index) may start, so that
    /// neither shares a core with it.
    pub fn first_screen_shown(&mut self) {
        self.update(Msg::FirstScreen);
    }

    /// True while background work is under way, so the loop should look
    /// for its results soon.
    pub fn busy(&self) -> bool {
        self.desk.busy(self.views.showing::<Finder>())
            || self.catchup.as_ref().is_some_and(|p| p.has_news())
    }

    /// The next moment something falls due with no input: a key sequence
    /// acting alone, or a read mark (only while no view covers the text).
    /// `None`: nothing will change until something happens.
    pub fn next_due(&self) -> Option<Instant> {
        let mark = (!self.views.is_open())
            .then(|| self.desk.next_due())
            .flatten();
        match (self.keys_due(), mark) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Applies one action: the open views are offered it first, top
    /// first; what they let through reaches the base layer.
    pub fn act(&mut self, a: Action) -> Effect {
        // Nothing is drawn but "terminal too small": no key acts unseen.
        if self.desk.geometry.too_small && a != Action::Quit {
            return Effect::None;
        }
        if a == Action::Home {
            self.go_home();
            return Effect::None;
        }
        if self.route(Input::Act(a)) {
            return match self.handed_down.take() {
                Some(b) => self.base(b),
                None => Effect::None,
            };
        }
        if self.open_for(a) {
            return Effect::None;
        }
        self.base(a)
    }

    /// An action on the base layer: the app's own, else the reading
    /// state's.
    fn base(&mut self, a: Action) -> Effect {
        match a {
            Action::Quit => Effect::Quit,
            Action::Close => Effect::None,
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.desk.message = Some(if self.mouse {
                    "mouse on".into()
                } else {
                    "mouse off: select text with the terminal".into()
                });
                Effect::SetMouse(self.mouse)
            }
            Action::CycleTheme => {
                self.cycle_theme();
                Effect::None
            }
            Action::Back => {
                let home = self.home_is_behind();
                let left = self.desk.reader.brief;
                let effect = self.desk.act(a);
                if home {
                    self.return_home();
                    // Home selects the brief just left, as a browser's
                    // back shows the link just followed.
                    if let Some(h) = self.views.get_mut::<crate::tui::views::Home>() {
                        h.cursor = left.0;
                    }
                }
                effect
            }
            _ => self.desk.act(a),
        }
    }

    /// True if `a` does something now, for the status bar's hints.
    pub fn can(&self, a: Action) -> bool {
        self.desk.can(a)
    }

    /// `t`: the next theme, remembered in the saved state.
    fn cycle_theme(&mut self) {
        let themes = self.themes.all();
        if themes.is_empty() {
            self.desk.message = Some("no other theme".into());
            return;
        }
        let next = themes
            .iter()
            .position(|t| t.name == self.theme.name)
            .map_or(0, |i| (i + 1) % themes.len());
        let monochrome = self.theme.monochrome;
        self.theme = themes[next].clone();
        self.theme.monochrome = monochrome;
        self.desk.saved.state.set_theme(&self.theme.name);
        self.desk.message = Some(format!("theme: {}", self.theme.name));
    }

    /// Swaps in a reloaded library (see [`Desk::reload`]) and tells every
    /// view.
    fn reload(&mut self, lib: Library, kept: &[String]) {
        let key = self
            .keymap
            .key_for(self.mode(), Action::Diagnostics)
            .map_or_else(String::new, |k| format!(" ({k} lists them)"));
        self.desk.reload(lib, kept, &key);
        self.prepare_search();
        self.reload_views();
        self.dirty = true;
    }

    /// Has the cache's word list read for the library search, unless the
    /// library is still growing (it would be read again at each step).
    fn prepare_search(&self) {
        if self.catchup.is_none() {
            self.desk.lib.prepare_search();
        }
    }
}

#[cfg(test)]
mod tests;
