//! What the reader's first screen needs besides the library, made on a
//! thread of its own while the main thread reads the library: the
//! screen's buffers (two full screens of cells, a hundred-odd fresh pages
//! at 120×40) and the keymap (the shipped one is a TOML file to parse,
//! with the config's lines over it). Nothing here touches the terminal.

use std::io::{self, IsTerminal};
use std::sync::mpsc;

use super::keymap::Keymap;
use super::terminal::{self, Term};
use crate::config::KeyLine;

/// The screen and the keymap being made, in that order, on one thread:
/// the screen needs nothing, the keymap the config's lines. (A thread
/// each, with the main thread, were three on two cores, and each slower
/// for it.)
pub struct Prepared {
    keys_tx: Option<mpsc::SyncSender<Vec<KeyLine>>>,
    keymap: mpsc::Receiver<Result<Keymap, Vec<String>>>,
    screen: mpsc::Receiver<Term>,
    /// The config's lines, to make the keymap here if the thread could
    /// not.
    keys: Vec<KeyLine>,
}

/// Starts making the screen (if the output is a terminal), then the
/// keymap once [`Prepared::keymap_from`] gives its lines.
pub fn start() -> Prepared {
    let (screen_tx, screen) = mpsc::sync_channel(1);
    let (keys_tx, keys_rx) = mpsc::sync_channel::<Vec<KeyLine>>(1);
    let (keymap_tx, keymap) = mpsc::sync_channel(1);
    // If no thread starts, the senders go with it, and each is made where
    // it is asked for.
    let spawned = std::thread::Builder::new()
        .name("briefing-prepare".into())
        .spawn(move || {
            if io::stdout().is_terminal()
                && let Ok(t) = ratatui::crossterm::terminal::size().and_then(terminal::screen)
            {
                let _ = screen_tx.send(t);
            }
            drop(screen_tx);
            if let Ok(keys) = keys_rx.recv() {
                let _ = keymap_tx.send(super::keymap(&keys));
            }
        });
    Prepared {
        keys_tx: spawned.is_ok().then_some(keys_tx),
        keymap,
        screen,
        keys: Vec::new(),
    }
}

impl Prepared {
    /// Gives the config's `keys` lines for the keymap.
    pub fn keymap_from(&mut self, keys: &[KeyLine]) {
        self.keys = keys.to_vec();
        // If the thread is gone, the keymap is made here when asked for.
        if let Some(tx) = self.keys_tx.take() {
            let _ = tx.send(keys.to_vec());
        }
    }

    /// The default keys with the config's lines applied, or every mistake
    /// in them (see [`super::keymap`]); waits for it.
    pub fn keymap(&mut self) -> Result<Keymap, Vec<String>> {
        // Lines never given are none: the keymap is the shipped one.
        self.keys_tx.take();
        self.keymap
            .recv()
            .unwrap_or_else(|_| super::keymap(&self.keys))
    }

    /// The screen made ahead, if one was; waits for it.
    pub fn screen(&self) -> Option<Term> {
        self.screen.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Action;
    use crate::tui::keymap::{Lookup, Mode, parse_keys};

    #[test]
    fn the_keymap_is_made_with_the_configs_lines_and_their_mistakes_told() {
        let c =
            crate::config::Config::parse("[keys.reader]\n\"ctrl-f\" = \"find_figure\"\n", "c.toml")
                .expect("config");
        let mut prepared = start();
        prepared.keymap_from(&c.keys);
        let keymap = prepared.keymap().expect("keymap");
        let ctrl_f = parse_keys("ctrl-f").expect("keys");
        assert_eq!(
            keymap.lookup(Mode::Reader, &ctrl_f),
            Lookup::Action(Action::FindFigure)
        );
        let bad = crate::config::Config::parse("[keys.reader]\n\"ctrl-f\" = \"fly\"\n", "c.toml")
            .expect("config");
        let mut prepared = start();
        prepared.keymap_from(&bad.keys);
        let errors = prepared.keymap().expect_err("a mistake");
        // With no lines given, the shipped keymap.
        assert!(start().keymap().is_ok());
        assert!(
            errors[0].starts_with("c.toml:2:12: error: unknown action \"fly\""),
            "{errors:?}"
        );
    }

    #[test]
    fn no_screen_is_made_when_the_output_is_not_a_terminal() {
        // Tests run with their output captured.
        if io::stdout().is_terminal() {
            return;
        }
        assert!(start().screen().is_none());
    }
}
