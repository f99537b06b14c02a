//! The application state and its one `update`. Keys become [`Action`]s by a
//! pure keymap lookup; `update` is the only place state changes, and it
//! returns what the terminal must do instead of doing it.

mod copy;
mod keys;
mod mouse;
mod nav;
pub mod outside;
mod place;
mod reading;
pub mod saved;
mod search;

use std::sync::Arc;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Action;
use super::find::{FinderState, SearchState};
use super::geometry::{self, Geometry};
use super::keymap::{Keymap, Mode};
use super::outline::OutlineState;
use super::panel::PanelState;
use super::reader::{Place, ReaderState};
use super::views::{Input, Views};
use crate::library::Library;
use crate::model::{BriefIdx, SectionRef};
use crate::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Reader,
    Panel,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    SetMouse(bool),
    /// Put this text on the clipboard.
    Clipboard(String),
    /// Run what [`App::take_launch`] gives: a browser, an editor.
    Launch,
}

/// Input the app reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    Act(Action),
    Click { x: u16, y: u16 },
    Wheel { x: u16, y: u16, down: bool },
    Resize(Rect),
}

#[derive(Debug, Default)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// Renumbers the briefs after a reload, forgetting places whose brief
    /// is gone.
    pub fn remap(&mut self, brief: &dyn Fn(BriefIdx) -> Option<BriefIdx>) {
        for list in [&mut self.back, &mut self.forward] {
            list.retain_mut(|p| match brief(p.brief) {
                Some(b) => {
                    p.brief = b;
                    p.section = None;
                    true
                }
                None => false,
            });
        }
    }
}

pub struct App {
    /// Shared with the thread that builds the finder's index.
    pub lib: Arc<Library>,
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: Focus,
    /// Every view, and the stack of those open over the base layer.
    pub views: Views,
    pub outline: OutlineState,
    pub reader: ReaderState,
    pub panel: PanelState,
    pub history: History,
    pub geometry: Geometry,
    pub mouse: bool,
    /// Measure and panel width from the config.
    pub sizes: geometry::Sizes,
    /// The themes `t` cycles through.
    pub themes: Vec<Theme>,
    pub saved: crate::state::Saved,
    /// The reader's own choice of panes; `None` follows the width.
    pub show_outline: Option<bool>,
    pub show_panel: Option<bool>,
    /// The figure finder's index and ranking: built in the background
    /// before the finder first opens, and kept while it is closed.
    pub finder: FinderState,
    /// The search in the brief being read: the reader marks its matches
    /// and `n` moves through them after the search line closes.
    pub search: SearchState,
    pending: keys::PendingKeys,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// How `y` and `Y` write a citation.
    pub citation: crate::cite::Format,
    /// Where briefs disagree, found once per library.
    pub disagree: super::disagree::Disagreements,
    /// Source texts, links out and the editor.
    pub outside: outside::Outside,
    /// Marks sections read by the rule, with its clock.
    pub reading: super::marks::ReadTracker,
    words: reading::WordCounts,
}

impl App {
    pub fn new(lib: Library, keymap: Keymap, theme: Theme, area: Rect) -> Self {
        let reader = ReaderState::new(BriefIdx(0));
        let disagree = super::disagree::Disagreements::new(&lib);
        let mut app = Self {
            lib: Arc::new(lib),
            keymap,
            theme,
            focus: Focus::Reader,
            views: Views::default(),
            outline: OutlineState::default(),
            reader,
            panel: PanelState::default(),
            history: History::default(),
            geometry: Geometry::default(),
            mouse: true,
            sizes: geometry::Sizes::default(),
            themes: Vec::new(),
            saved: crate::state::Saved::default(),
            show_outline: None,
            show_panel: None,
            finder: FinderState::default(),
            search: SearchState::default(),
            pending: keys::PendingKeys::default(),
            message: None,
            citation: crate::cite::Format::default(),
            disagree,
            outside: outside::Outside::default(),
            reading: super::marks::ReadTracker::default(),
            words: reading::WordCounts::default(),
        };
        app.resize(area);
        if app.reader.width() == 0 {
            // No room for text yet: lay out at a usual width meanwhile.
            app.reader.relayout(&app.lib, 80);
        }
        app
    }

    /// Starts building the finder's index in the background if the
    /// library is large (see [`FinderState::build_in_background`]). The
    /// reader calls it once its first screen is drawn, so that the two do
    /// not share a core.
    pub fn index_in_background(&mut self) {
        self.finder.build_in_background(&self.lib);
    }

    /// The place being read.
    pub fn current(&self) -> SectionRef {
        SectionRef {
            brief: self.reader.brief,
            section: self.reader.section(),
        }
    }

    pub fn outline_visible(&self) -> bool {
        self.show_outline
            .unwrap_or_else(|| geometry::defaults(self.geometry.area.width).0)
    }

    pub fn panel_visible(&self) -> bool {
        self.show_panel
            .unwrap_or_else(|| geometry::defaults(self.geometry.area.width).1)
    }

    /// Recomputes the panes for `area` and lays the brief out to fit.
    pub fn resize(&mut self, area: Rect) {
        self.geometry.area = area;
        self.geometry = geometry::compute(
            area,
            self.outline_visible(),
            self.panel_visible(),
            self.sizes,
        );
        let text = self.geometry.text;
        self.reader.height = usize::from(text.height);
        if text.width > 0 {
            self.reader.relayout(&self.lib, usize::from(text.width));
        }
        self.reader.clamp();
        self.fix_focus();
    }

    fn fix_focus(&mut self) {
        let visible = |f: Focus, g: &Geometry| match f {
            Focus::Outline => g.outline.is_some(),
            Focus::Reader => g.reader.is_some(),
            Focus::Panel => g.panel.is_some(),
        };
        if !visible(self.focus, &self.geometry) {
            self.focus = [Focus::Reader, Focus::Outline, Focus::Panel]
                .into_iter()
                .find(|f| visible(*f, &self.geometry))
                .unwrap_or(Focus::Reader);
        }
    }

    /// Where keys are looked up: the top view's mode, or the focused
    /// pane's.
    pub fn mode(&self) -> Mode {
        self.views.mode().unwrap_or(match self.focus {
            Focus::Outline => Mode::Outline,
            Focus::Reader => Mode::Reader,
            Focus::Panel => Mode::Panel,
        })
    }

    /// Takes in work finished in the background; true if the screen
    /// changed.
    pub fn tick(&mut self) -> bool {
        let indexed = self.finder.building.is_some() && self.finder.take_index(&self.lib, false);
        if indexed && self.mode() == Mode::Finder {
            self.finder.refresh();
        }
        let found = self.finder.receive();
        let read = self.observe_reading();
        self.reader.receive() || found || indexed || read
    }

    /// True while background work is under way, so the loop should look
    /// for its results soon.
    pub fn busy(&self) -> bool {
        self.finder.worker.is_some() && self.finder.pending()
            || self.finder.indexing() && self.mode() == Mode::Finder
            || self.reader.progress().is_some()
    }

    pub fn update(&mut self, msg: Msg) -> Effect {
        if let Some(effect) = self.answer(msg) {
            return effect;
        }
        if !matches!(msg, Msg::Resize(_)) {
            // Input acts on the whole brief, not on its preview.
            self.reader.finish();
        }
        // The place in a brief is kept whenever the reader leaves it; only
        // then is it turned into ids (taken here, it costs two copies).
        let (before, section) = (self.reader.place(), self.reader.section());
        let effect = match msg {
            Msg::Key(k) => self.key(k),
            Msg::Act(a) => self.act(a),
            Msg::Click { .. } | Msg::Wheel { .. } if self.geometry.too_small => Effect::None,
            Msg::Click { x, y } => {
                self.message = None;
                self.click(x, y);
                Effect::None
            }
            Msg::Wheel { x, y, down } => {
                self.wheel(x, y, down);
                Effect::None
            }
            Msg::Resize(area) => {
                self.resize(area);
                Effect::None
            }
        };
        // While the search line is open, the matches follow what is typed.
        if self.refresh_search() && self.mode() == Mode::Search {
            self.goto_match_from_top();
        }
        if self.reader.brief != before.brief
            && let Some((id, place)) = self.place_in_state(before, section)
        {
            self.saved.state.set_place(&id, place);
        }
        effect
    }

    /// Applies one action: the open views are offered it first, top
    /// first; what they let through reaches the base layer.
    pub fn act(&mut self, a: Action) -> Effect {
        // Nothing is drawn but "terminal too small": no key acts unseen.
        if self.geometry.too_small && a != Action::Quit {
            return Effect::None;
        }
        if a == Action::Home {
            self.go_home();
            return Effect::None;
        }
        if self.route(Input::Act(a)) || self.open_for(a) {
            return Effect::None;
        }
        match a {
            Action::Quit => return Effect::Quit,
            Action::Close => {}
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::TogglePanel => self.show_side(Focus::Panel, !self.panel_visible()),
            Action::ToggleOutline => self.show_side(Focus::Outline, !self.outline_visible()),
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some(if self.mouse {
                    "mouse on".into()
                } else {
                    "mouse off: select text with the terminal".into()
                });
                return Effect::SetMouse(self.mouse);
            }
            Action::Back => self.back(),
            Action::Forward => self.forward(),
            Action::NextPillar => self.next_pillar(true),
            Action::PrevPillar => self.next_pillar(false),
            Action::Pillar(n) => self.pillar(n),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::CycleTheme => self.cycle_theme(),
            Action::Bookmark => self.toggle_bookmark(),
            Action::CopyFigure => return self.copy_figure(),
            Action::CopyParagraph => return self.copy_paragraph(),
            Action::ClearSearch => self.clear_search(),
            Action::Edit => return self.edit(),
            Action::Reviewed => self.toggle_reviewed(),
            _ => match self.focus {
                Focus::Reader => self.reader_act(a),
                Focus::Outline => self.outline_act(a),
                Focus::Panel => self.panel_act(a),
            },
        }
        Effect::None
    }

    /// Shows or hides a side pane (`Focus::Outline` or `Focus::Panel`).
    /// Focus stays where it was while that pane shows (hiding the focused
    /// pane gives it back to the reader); a pane that covers the reader on
    /// a narrow screen takes it. Below the wide layout the two side panes take
    /// turns, so the text keeps a readable width.
    pub(super) fn show_side(&mut self, pane: Focus, on: bool) {
        let narrow = self.geometry.area.width < geometry::WIDE;
        match pane {
            Focus::Panel => {
                self.show_panel = Some(on);
                if on && narrow {
                    self.show_outline = Some(false);
                }
            }
            Focus::Outline => {
                self.show_outline = Some(on);
                if on && narrow {
                    self.show_panel = Some(false);
                }
            }
            Focus::Reader => {}
        }
        self.resize(self.geometry.area);
        if on && pane == Focus::Outline {
            self.outline_follow();
        }
        self.fix_focus();
    }

    fn cycle_focus(&mut self, forward: bool) {
        let g = &self.geometry;
        let order: Vec<Focus> = [
            (Focus::Outline, g.outline.is_some()),
            (Focus::Reader, g.reader.is_some()),
            (Focus::Panel, g.panel.is_some()),
        ]
        .into_iter()
        .filter(|(_, v)| *v)
        .map(|(f, _)| f)
        .collect();
        let Some(i) = order.iter().position(|f| *f == self.focus) else {
            return;
        };
        let n = order.len();
        self.focus = order[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
        if self.focus == Focus::Outline {
            self.outline_follow();
        }
    }

    /// Moves the outline cursor to the node being read.
    pub fn outline_follow(&mut self) {
        let rows = self.outline.rows(&self.lib, self.current());
        if let Some(i) = self.outline.current_row(&rows, &self.lib, self.current()) {
            self.outline.cursor = i;
            if let Some(r) = self.geometry.outline {
                self.outline
                    .scroll_to(i, usize::from(r.height.saturating_sub(2)));
            }
        }
    }

    /// How many places `back` can return to.
    pub fn history_depth(&self) -> usize {
        self.history.back.len()
    }

    pub(crate) fn remember(&mut self) {
        self.history.back.push(self.reader.place());
        self.history.forward.clear();
    }

    fn back(&mut self) {
        let home = self.home_is_behind();
        if let Some(p) = self.history.back.pop() {
            self.history.forward.push(self.reader.place());
            self.reader.go_place(&self.lib, p);
        } else {
            self.message = Some("nothing to go back to".into());
        }
        if home {
            self.return_home();
        }
    }

    fn forward(&mut self) {
        if let Some(p) = self.history.forward.pop() {
            self.history.back.push(self.reader.place());
            self.reader.go_place(&self.lib, p);
        }
    }

    /// Goes to a section, remembering where we were.
    pub fn go(&mut self, to: SectionRef) {
        self.remember();
        self.reader.go_section(&self.lib, to);
        self.outline_follow();
    }
}

#[cfg(test)]
mod place_tests;
#[cfg(test)]
mod settings_tests;
#[cfg(test)]
mod tests;
