//! Key chords, sequences and the per-mode keymap.

use std::collections::BTreeMap;

mod chord;

pub use chord::{Chord, Keys, keys_to_string, parse_keys};

use super::action::Action;
use crate::config::KeyLine;

/// Where keys are looked up: the focused pane or an overlay, then `Global`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mode {
    Global,
    Outline,
    Reader,
    Panel,
    Help,
    /// The figure finder's input.
    Finder,
    /// The search input line.
    Search,
    /// Every list opened over the reader: timeline, compare, measures,
    /// conflicts, bookmarks, problems, library search results, the source
    /// passage and the glossary. (Home is a screen of its own and takes the
    /// reader's keys.)
    List,
}

impl Mode {
    pub const ALL: [Self; 8] = [
        Self::Global,
        Self::Reader,
        Self::Outline,
        Self::Panel,
        Self::Finder,
        Self::Search,
        Self::List,
        Self::Help,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Outline => "outline",
            Self::Reader => "reader",
            Self::Panel => "panel",
            Self::Help => "help",
            Self::Finder => "finder",
            Self::Search => "search",
            Self::List => "list",
        }
    }

    /// Overlays see only their own keys (and quitting).
    pub fn is_overlay(self) -> bool {
        matches!(self, Self::Help | Self::Finder | Self::Search | Self::List)
    }

    /// Modes whose printable keys are typed into an input.
    pub fn takes_text(self) -> bool {
        matches!(self, Self::Finder | Self::Search)
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// What a key press means so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys so far start a longer binding. If they are also bound on
    /// their own, that action is what they mean when no longer binding
    /// follows (another key, or a pause).
    Pending(Option<Action>),
    None,
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    modes: BTreeMap<Mode, Vec<(Keys, Action)>>,
}

pub use super::action::DEFAULT_TOML;

impl Keymap {
    /// The shipped keymap.
    pub fn default_keys() -> Self {
        // The embedded file is tested to load; fall back to what did load
        // rather than panic if it ever did not.
        Self::shipped().unwrap_or_else(|(k, _)| k)
    }

    /// The shipped keymap, or what loaded of it and what went wrong. Its
    /// `[actions]` table describes the actions; those are not bindings.
    fn shipped() -> Result<Self, (Self, Vec<String>)> {
        let mut k = Self::default();
        let lines = match crate::config::keymap_lines(DEFAULT_TOML, "keymap.toml", &["actions"]) {
            Ok(lines) => lines,
            Err(e) => return Err((k, vec![e])),
        };
        match k.apply(&lines) {
            Ok(()) => Ok(k),
            Err(errors) => Err((k, errors)),
        }
    }

    /// Applies the `[keys.MODE]` lines of a config file over these
    /// bindings. The action `none` unbinds a key. Every mistake is
    /// reported, each naming the file, line and offending key; so is a
    /// keymap that leaves no key to quit with, at the line that took the
    /// last one away.
    pub fn apply(&mut self, lines: &[KeyLine]) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        let mut quit_lost_at = None;
        // Only the reader's and the global bindings quit from the reader:
        // a line for another mode leaves that as it was.
        let mut could_quit = self.can_quit();
        for l in lines {
            if let Err(e) = self.apply_line(l) {
                if !errors.contains(&e) {
                    errors.push(e);
                }
            } else if matches!(Mode::parse(&l.mode), Some(Mode::Reader | Mode::Global)) {
                let can_quit = self.can_quit();
                if could_quit && !can_quit {
                    quit_lost_at = Some(l);
                }
                could_quit = can_quit;
            }
        }
        if let Some(l) = quit_lost_at.filter(|_| !self.can_quit()) {
            errors.push(format!(
                "{}: error: \"{}\" = \"{}\" in [keys.{}] leaves no key to quit with; bind one, e.g. [keys.global] \"q\" = \"quit\"",
                l.at, l.keys, l.action, l.mode
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn apply_line(&mut self, l: &KeyLine) -> Result<(), String> {
        let Some(mode) = Mode::parse(&l.mode) else {
            return Err(format!(
                "{}: error: unknown mode [keys.{}] (modes: {})",
                l.mode_at,
                l.mode,
                Mode::ALL.map(Mode::name).join(", ")
            ));
        };
        let keys = parse_keys(&l.keys)
            .map_err(|e| format!("{}: error: {e} in [keys.{}]", l.at, l.mode))?;
        if l.action == "none" {
            self.unbind(mode, &keys);
        } else if let Some(action) = Action::parse(&l.action) {
            self.bind(mode, keys, action);
        } else {
            return Err(format!(
                "{}: error: unknown action \"{}\" for key \"{}\" in [keys.{}]",
                l.action_at, l.action, l.keys, l.mode
            ));
        }
        Ok(())
    }

    /// True if some key quits from the reader (where every other place
    /// leads back to).
    pub fn can_quit(&self) -> bool {
        self.key_for(Mode::Reader, Action::Quit).is_some()
    }

    pub fn unbind(&mut self, mode: Mode, keys: &[Chord]) {
        if let Some(list) = self.modes.get_mut(&mode) {
            list.retain(|(k, _)| k != keys);
        }
    }

    pub fn bind(&mut self, mode: Mode, keys: Keys, action: Action) {
        let list = self.modes.entry(mode).or_default();
        list.retain(|(k, _)| *k != keys);
        list.push((keys, action));
    }

    /// The modes `mode` looks keys up in, with the global bindings each
    /// may use: overlays see only their own keys and quitting.
    fn layers(mode: Mode) -> [(Mode, bool); 2] {
        [(mode, true), (Mode::Global, !mode.is_overlay())]
    }

    /// Looks `keys` up in `mode`, then in the global bindings. Keys bound
    /// on their own that also start a longer binding wait for the rest
    /// ([`Lookup::Pending`] with the action they mean alone).
    pub fn lookup(&self, mode: Mode, keys: &[Chord]) -> Lookup {
        let mut exact = None;
        let mut longer = false;
        for (m, all) in Self::layers(mode) {
            for (k, a) in self.list(m) {
                if !all && *a != Action::Quit {
                    continue;
                }
                if k == keys {
                    exact = exact.or(Some(*a));
                } else if k.len() > keys.len() && k.starts_with(keys) {
                    longer = true;
                }
            }
        }
        match (exact, longer) {
            (_, true) => Lookup::Pending(exact),
            (Some(a), false) => Lookup::Action(a),
            (None, false) => Lookup::None,
        }
    }

    /// The longer bindings that `keys` start in `mode`: what each of
    /// them does, with the keys still to press.
    pub fn continuations(&self, mode: Mode, keys: &[Chord]) -> Vec<(Keys, Action)> {
        let mut out: Vec<(Keys, Action)> = Vec::new();
        for (m, _) in Self::layers(mode) {
            for (k, _) in self.list(m) {
                if k.len() > keys.len() && k.starts_with(keys) {
                    let rest = k[keys.len()..].to_vec();
                    if let Lookup::Action(a) = self.lookup(mode, k)
                        && !out.iter().any(|(r, _)| *r == rest)
                    {
                        out.push((rest, a));
                    }
                }
            }
        }
        out
    }

    fn list(&self, mode: Mode) -> &[(Keys, Action)] {
        self.modes.get(&mode).map_or(&[], Vec::as_slice)
    }

    /// The bindings of a mode, in the order they were defined.
    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &(Keys, Action)> + '_ {
        self.list(mode).iter()
    }

    /// The first key that does `action` in `mode` now, for hints: a key
    /// the mode binds to something else, or an overlay does not see, is
    /// not offered.
    pub fn key_for(&self, mode: Mode, action: Action) -> Option<String> {
        Self::layers(mode)
            .iter()
            .flat_map(|(m, _)| self.list(*m))
            .find(|(k, a)| {
                *a == action
                    && !(mode.takes_text() && is_typed(k))
                    && matches!(self.lookup(mode, k),
                        Lookup::Action(b) | Lookup::Pending(Some(b)) if b == action)
            })
            .map(|(k, _)| keys_to_string(k))
    }
}

/// True for a key that a text field takes as typing (a character, or
/// Backspace), so it never reaches the keymap there.
fn is_typed(keys: &[Chord]) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    match keys {
        [c] => match c.code {
            KeyCode::Char(_) => !c.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT),
            KeyCode::Backspace => c.mods.is_empty(),
            _ => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests;
