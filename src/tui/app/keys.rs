//! From a key press to what it does: text typed into the open text field,
//! the editing keys of a shell line, and key sequences (`g g`) that wait
//! for their next key, as in vim and helix.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::backend::crossterm::to_input_request;

use super::App;
use crate::tui::action::Action;
use crate::tui::keymap::{Chord, Lookup};
use crate::tui::msg::Effect;
use crate::tui::views::Input;

/// How long keys that are bound on their own, and also start a longer
/// binding, wait for the rest before they act alone (vim's `timeoutlen`).
pub const SEQUENCE_TIMEOUT: Duration = Duration::from_secs(1);

/// The keys of a sequence pressed so far.
#[derive(Debug, Default)]
pub struct PendingKeys {
    keys: Vec<Chord>,
    /// What they do if nothing longer follows.
    alone: Option<Action>,
    since: Option<Instant>,
}

impl PendingKeys {
    fn clear(&mut self) {
        *self = Self::default();
    }

    pub(super) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

impl App {
    /// The keys of an unfinished sequence, for the status bar.
    pub fn pending_keys(&self) -> &[Chord] {
        &self.pending.keys
    }

    /// What the unfinished sequence does if no key follows.
    pub fn pending_alone(&self) -> Option<Action> {
        self.pending.alone
    }

    pub(super) fn key(&mut self, k: KeyEvent) -> Effect {
        self.desk.message = None;
        self.key_on_its_own(k)
    }

    fn key_on_its_own(&mut self, k: KeyEvent) -> Effect {
        let chord = Chord::from_event(k);
        if self.pending.is_empty() && self.mode().takes_text() && self.type_key(k, chord) {
            return Effect::None;
        }
        self.pending.keys.push(chord);
        match self.keymap.lookup(self.mode(), &self.pending.keys) {
            Lookup::Action(a) => {
                self.pending.clear();
                self.act(a)
            }
            Lookup::Pending(alone) => {
                self.pending.alone = alone;
                self.pending.since = Some(Instant::now());
                Effect::None
            }
            Lookup::None => {
                // This key ends the sequence: the keys before it do what
                // they do alone, then it counts on its own.
                let first = self.pending.keys.len() > 1;
                let alone = self.pending.alone;
                self.pending.clear();
                if !first {
                    return self.edit_key(k);
                }
                if let Some(a) = alone {
                    let effect = self.act(a);
                    if effect != Effect::None {
                        return effect;
                    }
                }
                self.key_on_its_own(k)
            }
        }
    }

    /// A character or Backspace in a text field; true if it was one.
    fn type_key(&mut self, k: KeyEvent, chord: Chord) -> bool {
        let plain = !chord
            .mods
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let input = match k.code {
            KeyCode::Char(c) if plain => Input::Type(c),
            KeyCode::Backspace if k.modifiers.is_empty() => Input::Erase,
            _ => return false,
        };
        self.route(input);
        true
    }

    /// A key the keymap does not bind: in a text field, the editing keys
    /// of a shell line (Ctrl-U, Ctrl-W, Alt-Backspace, Home/End, ←/→,
    /// Ctrl-A/Ctrl-E...).
    fn edit_key(&mut self, k: KeyEvent) -> Effect {
        if self.mode().takes_text() && to_input_request(&Event::Key(k)).is_some() {
            self.route(Input::Edit(k));
        }
        Effect::None
    }

    /// When the sequence being typed acts alone if no key follows.
    pub(super) fn keys_due(&self) -> Option<Instant> {
        self.pending.since.map(|t| t + SEQUENCE_TIMEOUT)
    }

    /// Ends a sequence left waiting since before `now - SEQUENCE_TIMEOUT`:
    /// its keys do what they do alone, if anything.
    pub(super) fn expire_keys(&mut self, now: Instant) -> Effect {
        let Some(since) = self.pending.since else {
            return Effect::None;
        };
        if now.duration_since(since) < SEQUENCE_TIMEOUT {
            return Effect::None;
        }
        let alone = self.pending.alone;
        self.pending.clear();
        alone.map_or(Effect::None, |a| self.act(a))
    }
}

#[cfg(test)]
mod tests;
