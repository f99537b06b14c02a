//! Key chords, sequences and the per-mode keymap.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
    /// Timeline, compare and library search results.
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

/// One key with its modifiers. Letters carry their case; shift is implied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Chord {
    pub fn from_event(e: KeyEvent) -> Self {
        let mut mods =
            e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match e.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            c => c,
        };
        Self { code, mods }
    }

    /// Parses `ctrl-f`, `alt-left`, `G`, `]`, `enter`, `f5`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break;
            }
            mods |= m;
            rest = &rest[len..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" => KeyCode::Insert,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            f if f.len() > 1
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => {
                        let c = if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() {
                            mods.remove(KeyModifiers::SHIFT);
                            c.to_ascii_uppercase()
                        } else {
                            c
                        };
                        KeyCode::Char(c)
                    }
                    _ => return Err(format!("unknown key \"{s}\"")),
                }
            }
        };
        if let KeyCode::Char(_) = code {
            mods.remove(KeyModifiers::SHIFT);
        }
        Ok(Self { code, mods })
    }
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::F(n) => write!(f, "f{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// A chord sequence such as `g g`.
pub type Keys = Vec<Chord>;

pub fn parse_keys(s: &str) -> Result<Keys, String> {
    let keys: Result<Keys, String> = s.split_whitespace().map(Chord::parse).collect();
    let keys = keys?;
    if keys.is_empty() {
        return Err("empty key".into());
    }
    Ok(keys)
}

pub fn keys_to_string(k: &[Chord]) -> String {
    k.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a key press means so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The keys so far start a longer binding.
    Pending,
    None,
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {
    modes: BTreeMap<Mode, Vec<(Keys, Action)>>,
}

pub const DEFAULT_TOML: &str = include_str!("keymap.toml");

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
    /// reported, each naming the file, line and offending key.
    pub fn apply(&mut self, lines: &[KeyLine]) -> Result<(), Vec<String>> {
        let mut errors = Vec::new();
        for l in lines {
            let Some(mode) = Mode::parse(&l.mode) else {
                let e = format!(
                    "{}: error: unknown mode [keys.{}] (modes: {})",
                    l.mode_at,
                    l.mode,
                    Mode::ALL.map(Mode::name).join(", ")
                );
                if !errors.contains(&e) {
                    errors.push(e);
                }
                continue;
            };
            let keys = match parse_keys(&l.keys) {
                Ok(k) => k,
                Err(e) => {
                    errors.push(format!("{}: error: {e} in [keys.{}]", l.at, l.mode));
                    continue;
                }
            };
            if l.action == "none" {
                self.unbind(mode, &keys);
            } else if let Some(action) = Action::parse(&l.action) {
                self.bind(mode, keys, action);
            } else {
                errors.push(format!(
                    "{}: error: unknown action \"{}\" for key \"{}\" in [keys.{}]",
                    l.action_at, l.action, l.keys, l.mode
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
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

    /// Looks `keys` up in `mode`, then in the global bindings.
    pub fn lookup(&self, mode: Mode, keys: &[Chord]) -> Lookup {
        let mut pending = false;
        for m in [mode, Mode::Global] {
            if m == Mode::Global && mode.is_overlay() {
                // Overlays see only their own keys and quitting.
                if let Some((_, a)) = self
                    .list(m)
                    .iter()
                    .find(|(k, a)| k == keys && *a == Action::Quit)
                {
                    return Lookup::Action(*a);
                }
                continue;
            }
            for (k, a) in self.list(m) {
                if k == keys {
                    return Lookup::Action(*a);
                }
                if k.len() > keys.len() && k.starts_with(keys) {
                    pending = true;
                }
            }
        }
        if pending {
            Lookup::Pending
        } else {
            Lookup::None
        }
    }

    fn list(&self, mode: Mode) -> &[(Keys, Action)] {
        self.modes.get(&mode).map_or(&[], Vec::as_slice)
    }

    /// The bindings of a mode, in the order they were defined.
    pub fn bindings(&self, mode: Mode) -> impl Iterator<Item = &(Keys, Action)> + '_ {
        self.list(mode).iter()
    }

    /// The first key bound to `action` in `mode` or globally, for hints.
    pub fn key_for(&self, mode: Mode, action: Action) -> Option<String> {
        [mode, Mode::Global]
            .iter()
            .flat_map(|m| self.list(*m))
            .find(|(_, a)| *a == action)
            .map(|(k, _)| keys_to_string(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chords_parse_and_print() {
        for (s, shown) in [
            ("ctrl-f", "ctrl-f"),
            ("alt-left", "alt-←"),
            ("G", "G"),
            ("shift-g", "G"),
            ("]", "]"),
            ("enter", "enter"),
            ("shift-tab", "shift-tab"),
            ("f5", "f5"),
            ("-", "-"),
            ("space", "space"),
        ] {
            assert_eq!(
                Chord::parse(s).map(|c| c.to_string()),
                Ok(shown.to_owned()),
                "{s}"
            );
        }
        assert!(Chord::parse("hyper-x").is_err());
        assert_eq!(
            Chord::parse("ctrl--").map(|c| c.to_string()),
            Ok("ctrl--".to_owned())
        );
        assert_eq!(parse_keys("g g").map(|k| k.len()), Ok(2));
    }

    #[test]
    fn shift_from_terminal_is_folded_into_letters() {
        let e = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Chord::from_event(e), Chord::parse("G").unwrap());
    }

    #[test]
    fn default_keys_parse_and_resolve() {
        let k = match Keymap::shipped() {
            Ok(k) => k,
            Err((_, errors)) => panic!("the shipped keymap: {errors:?}"),
        };
        let key = |s: &str| parse_keys(s).unwrap();
        assert_eq!(
            k.lookup(Mode::Reader, &key("j")),
            Lookup::Action(Action::Down)
        );
        assert_eq!(
            k.lookup(Mode::Reader, &key("l")),
            Lookup::Action(Action::NextLink)
        );
        assert_eq!(
            k.lookup(Mode::Outline, &key("l")),
            Lookup::Action(Action::Expand)
        );
        assert_eq!(k.lookup(Mode::Help, &key("j")), Lookup::None);
        assert_eq!(
            k.lookup(Mode::Help, &key("ctrl-c")),
            Lookup::Action(Action::Quit)
        );
        assert_eq!(
            k.lookup(Mode::Reader, &key("3")),
            Lookup::Action(Action::Pillar(3))
        );
    }

    #[test]
    fn sequences_wait_for_their_second_key() {
        let mut k = Keymap::default();
        let lines = crate::config::keymap_lines("[reader]\n\"g g\" = \"top\"\n", "c.toml", &[]);
        k.apply(&lines.unwrap()).unwrap();
        let key = |s: &str| parse_keys(s).unwrap();
        assert_eq!(k.lookup(Mode::Reader, &key("g")), Lookup::Pending);
        assert_eq!(
            k.lookup(Mode::Reader, &key("g g")),
            Lookup::Action(Action::Top)
        );
    }

    #[test]
    fn config_lines_remap_unbind_and_report_every_mistake() {
        let config = crate::config::Config::parse(
            "[keys.reader]\n\"ctrl-f\" = \"find_figure\"\n\"f\" = \"none\"\n\"x\" = \"fly\"\n\"hyper-x\" = \"down\"\n[keys.nowhere]\n\"a\" = \"up\"\n",
            "c.toml",
        )
        .unwrap();
        let mut k = Keymap::default_keys();
        let errors = k.apply(&config.keys).unwrap_err();
        assert_eq!(
            errors,
            [
                "c.toml:4:7: error: unknown action \"fly\" for key \"x\" in [keys.reader]",
                "c.toml:5:1: error: unknown key \"hyper-x\" in [keys.reader]",
                "c.toml:6:7: error: unknown mode [keys.nowhere] (modes: global, reader, outline, panel, finder, search, list, help)",
            ]
        );
        let key = |s: &str| parse_keys(s).unwrap();
        assert_eq!(
            k.lookup(Mode::Reader, &key("ctrl-f")),
            Lookup::Action(Action::FindFigure)
        );
        // Unbound in the reader; the global binding still answers elsewhere.
        k.unbind(Mode::Global, &key("f"));
        assert_eq!(k.lookup(Mode::Reader, &key("f")), Lookup::None);
        assert_eq!(
            k.key_for(Mode::Reader, Action::FindFigure).as_deref(),
            Some("ctrl-f")
        );
    }

    #[test]
    fn keymap_files_skip_tables_and_name_the_place_of_mistakes() {
        let text =
            "[actions]\ndown = \"Scroll down\"\n[reader]\n\"j\" = \"down\"\n\"x\" = \"fly\"\n";
        let lines = crate::config::keymap_lines(text, "k.toml", &["actions"]).unwrap();
        assert_eq!(lines.len(), 2, "the descriptions are not bindings");
        let mut k = Keymap::default();
        let errors = k.apply(&lines).unwrap_err();
        assert_eq!(
            errors,
            ["k.toml:5:7: error: unknown action \"fly\" for key \"x\" in [keys.reader]"]
        );
        assert_eq!(
            k.lookup(Mode::Reader, &parse_keys("j").unwrap()),
            Lookup::Action(Action::Down)
        );
        let e = crate::config::keymap_lines("[reader\n", "k.toml", &[]).unwrap_err();
        assert!(e.starts_with("k.toml:1:"), "{e}");
    }
}
