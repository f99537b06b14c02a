//! The app's side of the stack of views: each is handed the reading state
//! (a [`Cx`]) to handle an input or to open, and what the reading state
//! asked for (a [`Layer`]) is opened here.

use ratatui::layout::Position;

use super::App;
use crate::tui::action::Action;
use crate::tui::msg::Layer;
use crate::tui::views::{Cx, Input, Routed, Scene, Source, View};

impl App {
    /// What the views are handed to work on.
    fn cx(&mut self) -> (&mut crate::tui::views::Views, Cx<'_>) {
        (
            &mut self.views,
            Cx {
                desk: &mut self.desk,
                keymap: &self.keymap,
            },
        )
    }

    /// What the views draw from.
    pub fn scene(&self) -> Scene<'_> {
        Scene {
            desk: &self.desk,
            keymap: &self.keymap,
            theme: &self.theme,
        }
    }

    /// Opens the view that `a` opens, if there is one; true if so.
    pub(super) fn open_for(&mut self, a: Action) -> bool {
        let (views, mut cx) = self.cx();
        views.open_for(&mut cx, a)
    }

    /// Opens the view of type `T` on top.
    pub fn open_view<T: View>(&mut self) {
        let (views, mut cx) = self.cx();
        views.open::<T>(&mut cx);
    }

    /// Offers `input` to the open views, top first; true if one took it.
    /// An action a view handed down waits in `handed_down` for the base
    /// layer.
    pub(super) fn route(&mut self, input: Input) -> bool {
        let (views, mut cx) = self.cx();
        match views.route(&mut cx, input) {
            Routed::Ignored => false,
            Routed::Taken => true,
            Routed::HandedDown(a) => {
                self.handed_down = Some(a);
                true
            }
        }
    }

    /// Opens what the reading state asked for while it acted.
    pub(super) fn open_asked(&mut self) {
        let Some(layer) = self.desk.take_asked() else {
            return;
        };
        let (views, mut cx) = self.cx();
        match layer {
            Layer::Source => views.open::<Source>(&mut cx),
            Layer::Glossary(term) => views.open_glossary_at(&mut cx, term),
        }
    }

    /// Tells every view the library was reloaded.
    pub(super) fn reload_views(&mut self) {
        let (views, mut cx) = self.cx();
        views.reload(&mut cx);
    }

    /// Where the terminal cursor belongs: where the top view says.
    pub fn cursor(&self) -> Option<Position> {
        self.views.cursor(&self.scene())
    }
}
