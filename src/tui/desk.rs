//! The reading state: the library and everything about reading it (the
//! reader, outline and panel, where the reader has been, the saved state,
//! the finder's and the search's state, read marks, conflicts), with the
//! panes' geometry the text is laid out in and the status message it says.
//! It knows neither the views nor the terminal: the app (`tui/app`) holds
//! it beside them, and a view is handed it to work on. What it wants of the
//! app (a layer opened) it asks through [`Desk::ask`].

mod copy;
mod keep;
mod marks;
mod mouse;
mod nav;
pub mod outside;
mod place;
mod search;

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Action;
use super::conflicts::Conflicts;
use super::finder::FinderState;
use super::geometry::{self, Geometry};
use super::msg::{Effect, Layer};
use super::outline::OutlineState;
use super::panel::PanelState;
use super::reader::{Place, ReaderState};
use super::search::SearchState;
use crate::library::Library;
use crate::model::{BriefIdx, SectionRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Reader,
    Panel,
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

/// Everything about what is read and where: see the module doc.
pub struct Desk {
    /// Shared with the thread that builds the finder's index.
    pub lib: Arc<Library>,
    pub focus: Focus,
    pub outline: OutlineState,
    pub reader: ReaderState,
    pub panel: PanelState,
    pub history: History,
    /// The panes: the reader's text is laid out to its width.
    pub geometry: Geometry,
    /// Measure and panel width from the config.
    pub sizes: geometry::Sizes,
    pub saved: crate::state::Saved,
    /// The reader's own choice of panes; `None` follows the width.
    pub show_outline: Option<bool>,
    pub show_panel: Option<bool>,
    /// The figure finder's index and ranking: built in the background
    /// before the finder first opens, and kept while it is closed. Its
    /// query is the finder's text field's, copied here as it changes.
    pub finder: FinderState,
    /// The search in the brief being read: the reader marks its matches
    /// and `n` moves through them after the search line closes.
    pub search: SearchState,
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// How `y` and `Y` write a citation.
    pub citation: crate::cite::Format,
    /// Where briefs disagree, found once per library.
    pub conflicts: Conflicts,
    /// Source texts, links out and the editor.
    pub outside: outside::Outside,
    /// Marks sections read by the rule, with its clock.
    pub reading: super::marks::ReadTracker,
    words: marks::WordCounts,
    /// A layer asked of the app, taken by it after each update.
    asked: Option<Layer>,
}

impl Desk {
    /// The reading state on `lib` in a terminal of `area`. With
    /// `defer_terms`, the first screen is shown before the glossary's terms
    /// are marked (see [`Self::first_screen_shown`]).
    pub fn new(lib: Library, area: Rect, defer_terms: bool) -> Self {
        let mut reader = ReaderState::new(BriefIdx(0));
        reader.defer_terms = defer_terms;
        let conflicts = Conflicts::new(&lib);
        let mut app = Self {
            lib: Arc::new(lib),
            focus: Focus::Reader,
            outline: OutlineState::default(),
            reader,
            panel: PanelState::default(),
            history: History::default(),
            geometry: Geometry::default(),
            sizes: geometry::Sizes::default(),
            saved: crate::state::Saved::default(),
            show_outline: None,
            show_panel: None,
            finder: FinderState::default(),
            search: SearchState::default(),
            message: None,
            citation: crate::cite::Format::default(),
            conflicts,
            outside: outside::Outside::default(),
            reading: super::marks::ReadTracker::default(),
            words: marks::WordCounts::default(),
            asked: None,
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

    /// Asks the app to open `layer` once this update is done.
    pub fn ask(&mut self, layer: Layer) {
        self.asked = Some(layer);
    }

    /// The layer asked for since the last call, if any.
    pub fn take_asked(&mut self) -> Option<Layer> {
        self.asked.take()
    }

    /// Takes in work finished in the background; true if the screen
    /// changed. `finder_open`: the finder shows, so a fresh index ranks
    /// its query at once; `covered`: a view covers the reader, so no text
    /// is being read.
    pub fn tick(&mut self, finder_open: bool, covered: bool) -> bool {
        let indexed = self.finder.building.is_some() && self.finder.take_index(&self.lib, false);
        if indexed && finder_open {
            self.finder.refresh();
        }
        let found = self.finder.receive();
        let unkept = self.finder.kept_news().map(|why| {
            self.message = Some(format!(
                "the finder's index could not be kept for the next start: {why}"
            ));
        });
        let read = self.observe_reading(covered);
        // The first part of a brief waits for the whole's glossary.
        let terms = !self.lib.partial && self.reader.mark_terms(&self.lib);
        self.reader.receive() || found || indexed || read || terms || unkept.is_some()
    }

    /// True while background work is under way, so the loop should look
    /// for its results soon.
    pub fn busy(&self, finder_open: bool) -> bool {
        self.finder.worker.is_some() && self.finder.pending()
            || self.finder.indexing() && finder_open
            || self.reader.progress().is_some()
            || self.reader.terms_pending()
    }

    /// The first screen is up: the glossary's terms may be marked now and
    /// the finder's index built (see [`Self::index_in_background`]).
    pub fn first_screen_shown(&mut self) {
        self.reader.defer_terms = false;
        self.index_in_background();
    }

    /// When a read mark falls due if the screen stays as it is (see
    /// [`super::marks::ReadTracker::next_due`]).
    pub fn next_due(&self) -> Option<std::time::Instant> {
        self.reading.next_due(&self.saved.state)
    }

    /// The base layer's share of an action: what the views let through
    /// and the app does not keep for itself.
    pub fn act(&mut self, a: Action) -> Effect {
        match a {
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::TogglePanel => self.show_side(Focus::Panel, !self.panel_visible()),
            Action::ToggleOutline => self.show_side(Focus::Outline, !self.outline_visible()),
            Action::Back => self.back(),
            Action::Forward => self.forward(),
            Action::NextPillar => self.next_pillar(true),
            Action::PrevPillar => self.next_pillar(false),
            Action::Pillar(n) => self.pillar(n),
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
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

    /// True if `a` does something from the base layer now, for hints.
    pub fn can(&self, a: Action) -> bool {
        let g = &self.geometry;
        let panes = [g.outline, g.reader, g.panel]
            .iter()
            .filter(|p| p.is_some())
            .count();
        match a {
            Action::FocusNext | Action::FocusPrev => panes > 1,
            Action::Back => !self.history.back.is_empty(),
            Action::Forward => !self.history.forward.is_empty(),
            Action::NextLink | Action::PrevLink | Action::NextTerm | Action::PrevTerm => {
                self.focus == Focus::Reader
            }
            Action::NextMatch | Action::PrevMatch | Action::ClearSearch => {
                !self.search.query.is_empty()
            }
            _ => true,
        }
    }

    /// Esc in the reader: the search is over, its highlights go.
    pub(super) fn clear_search(&mut self) {
        if self.search.query.is_empty() {
            return;
        }
        self.search.query.clear();
        self.search.matches.clear();
        self.search.current = None;
        self.search.computed_for = None;
    }

    /// Shows or hides a side pane (`Focus::Outline` or `Focus::Panel`).
    /// Focus stays where it was while that pane shows (hiding the focused
    /// pane gives it back to the reader); a pane that covers the reader on
    /// a narrow screen takes it. Below the wide layout the two side panes take
    /// turns, so the text keeps a readable width.
    pub fn show_side(&mut self, pane: Focus, on: bool) {
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
        if let Some(p) = self.history.back.pop() {
            self.history.forward.push(self.reader.place());
            self.reader.go_place(&self.lib, p);
            self.outline_follow();
        } else {
            self.message = Some("nothing to go back to".into());
        }
    }

    fn forward(&mut self) {
        if let Some(p) = self.history.forward.pop() {
            self.history.back.push(self.reader.place());
            self.reader.go_place(&self.lib, p);
            self.outline_follow();
        }
    }

    /// Goes to a section, remembering where we were.
    pub fn go(&mut self, to: SectionRef) {
        self.remember();
        self.reader.go_section(&self.lib, to);
        self.outline_follow();
    }
}
