//! What a view is handed: the reading state to work on ([`Cx`]) or to draw
//! from ([`Scene`]), never the app; and what became of an input offered to
//! the views ([`Routed`]).

use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::keymap::Keymap;

/// What a view works on while it handles an input: the reading state, and
/// the keymap to name keys by. Never the app: what a view wants of the app
/// it says in its [`Outcome`].
pub struct Cx<'a> {
    pub desk: &'a mut Desk,
    pub keymap: &'a Keymap,
}

/// What a view draws from: the reading state, the keymap and the theme.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    pub desk: &'a Desk,
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
}

impl std::ops::Deref for Cx<'_> {
    type Target = Desk;
    fn deref(&self) -> &Desk {
        self.desk
    }
}

impl std::ops::DerefMut for Cx<'_> {
    fn deref_mut(&mut self) -> &mut Desk {
        self.desk
    }
}

impl std::ops::Deref for Scene<'_> {
    type Target = Desk;
    fn deref(&self) -> &Desk {
        self.desk
    }
}

/// What became of an input offered to the open views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routed {
    /// No view took it: the base layer gets it.
    Ignored,
    /// A view took it.
    Taken,
    /// A view handed this action down to the base layer.
    HandedDown(Action),
}
