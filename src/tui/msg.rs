//! What goes into the reader's one `update` ([`Msg`]), what a view is
//! offered of it ([`Input`]), and what comes out for the event loop to do
//! ([`Effect`]).

use std::path::PathBuf;
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
    /// Run this outside the reader (a browser, an editor), then tell the
    /// app how it went through [`Msg::Said`] (and [`Msg::FilesChanged`]
    /// after the editor).
    Launch(Launch),
}

/// Something to run outside the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launch {
    /// An `http:`, `https:` or `mailto:` address, for the system's opener.
    Url(String),
    /// A brief's file, for `$VISUAL`/`$EDITOR`, at a 1-based line.
    Edit { path: PathBuf, line: usize },
}

/// Input the app reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The event loop has drawn the first screen.
    FirstScreen,
    /// Files of the library changed (the watcher saw it, or the editor
    /// returned): read the library again.
    FilesChanged,
    /// What came of something run outside the reader, for the status bar.
    Said(String),
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
