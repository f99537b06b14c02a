//! What goes into the reader's one `update` ([`Msg`]), what a view is
//! offered of it ([`Input`]), and what comes out for the event loop to do
//! ([`Effect`]).

use std::time::Instant;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::action::Action;

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    SetMouse(bool),
    /// Put this text on the clipboard.
    Clipboard(String),
    /// Run what the reading state's `take_launch` gives: a browser, an
    /// editor.
    Launch,
}

/// Input the app reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    Act(Action),
    Click {
        x: u16,
        y: u16,
    },
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    Resize(Rect),
    /// Time passed or background work may have finished: take in what is
    /// done and act on what fell due by this instant.
    Tick(Instant),
}

/// A layer the reading state asks the app to open (the reading state does
/// not know the views; the app does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// The source passage of the figure traced last.
    Source,
    /// The glossary, at this term.
    Glossary(usize),
}

/// What a view is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Act(Action),
    /// A character typed into a view whose mode takes text.
    Type(char),
    /// Backspace in a view whose mode takes text.
    Erase,
    Click {
        x: u16,
        y: u16,
    },
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    /// An editing key (Ctrl-U, Alt-Backspace, ←...) in a view whose mode
    /// takes text, that its mode does not bind.
    Edit(KeyEvent),
}
