//! The one action vocabulary: keys, the config file and the help overlay
//! all speak it.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

pub const DEFAULT_TOML: &str = include_str!("keymap.toml");

/// What each action does, from the `[actions]` table of the shipped keymap.
fn descriptions() -> &'static HashMap<String, String> {
    static DESCRIPTIONS: OnceLock<HashMap<String, String>> = OnceLock::new();
    DESCRIPTIONS.get_or_init(|| {
        #[derive(serde::Deserialize)]
        struct Shipped {
            #[serde(default)]
            actions: HashMap<String, String>,
        }
        toml::from_str::<Shipped>(DEFAULT_TOML)
            .map(|s| s.actions)
            .unwrap_or_default()
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextPillar,
    PrevPillar,
    Pillar(u8),
    Open,
    NextLink,
    PrevLink,
    NextTerm,
    PrevTerm,
    ScrollRight,
    ScrollLeft,
    Expand,
    Collapse,
    Back,
    Forward,
    TogglePanel,
    ToggleOutline,
    ToggleMouse,
    Close,
    FindFigure,
    Search,
    NextMatch,
    PrevMatch,
    ToggleScope,
    Timeline,
    Compare,
    CycleTheme,
    Bookmark,
    Bookmarks,
    Delete,
    Diagnostics,
    CopyFigure,
    CopyParagraph,
    Conflicts,
    Measures,
    ClearSearch,
    Edit,
    Home,
    Reviewed,
    Glossary,
}

/// The name of every action (`pillar_N` stands for nine). What each does
/// is said in the shipped keymap file, `[actions]`.
const TABLE: &[(Action, &str)] = &[
    (Action::Quit, "quit"),
    (Action::Help, "help"),
    (Action::FocusNext, "focus_next"),
    (Action::FocusPrev, "focus_prev"),
    (Action::Down, "down"),
    (Action::Up, "up"),
    (Action::PageDown, "page_down"),
    (Action::PageUp, "page_up"),
    (Action::HalfPageDown, "half_page_down"),
    (Action::HalfPageUp, "half_page_up"),
    (Action::Top, "top"),
    (Action::Bottom, "bottom"),
    (Action::NextPillar, "next_pillar"),
    (Action::PrevPillar, "prev_pillar"),
    (Action::Open, "open"),
    (Action::NextLink, "next_link"),
    (Action::PrevLink, "prev_link"),
    (Action::NextTerm, "next_term"),
    (Action::PrevTerm, "prev_term"),
    (Action::ScrollRight, "scroll_right"),
    (Action::ScrollLeft, "scroll_left"),
    (Action::Expand, "expand"),
    (Action::Collapse, "collapse"),
    (Action::Back, "back"),
    (Action::Forward, "forward"),
    (Action::TogglePanel, "toggle_panel"),
    (Action::ToggleOutline, "toggle_outline"),
    (Action::ToggleMouse, "toggle_mouse"),
    (Action::Close, "close"),
    (Action::FindFigure, "find_figure"),
    (Action::Search, "search"),
    (Action::NextMatch, "next_match"),
    (Action::PrevMatch, "prev_match"),
    (Action::ToggleScope, "toggle_scope"),
    (Action::Timeline, "timeline"),
    (Action::Compare, "compare"),
    (Action::CycleTheme, "cycle_theme"),
    (Action::Bookmark, "bookmark"),
    (Action::Bookmarks, "bookmarks"),
    (Action::Delete, "delete"),
    (Action::Diagnostics, "diagnostics"),
    (Action::CopyFigure, "copy_figure"),
    (Action::CopyParagraph, "copy_paragraph"),
    (Action::Conflicts, "conflicts"),
    (Action::Measures, "measures"),
    (Action::ClearSearch, "clear_search"),
    (Action::Edit, "edit"),
    (Action::Home, "home"),
    (Action::Reviewed, "reviewed"),
    (Action::Glossary, "glossary"),
];

impl Action {
    pub fn name(self) -> String {
        match self {
            Self::Pillar(n) => format!("pillar_{n}"),
            _ => TABLE
                .iter()
                .find(|(a, _)| *a == self)
                .map_or_else(String::new, |(_, n)| (*n).to_owned()),
        }
    }

    pub fn description(self) -> String {
        match self {
            Self::Pillar(n) => format!("Jump to pillar {n}"),
            _ => descriptions()
                .get(self.name().as_str())
                .cloned()
                .unwrap_or_default(),
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        if let Some(n) = name.strip_prefix("pillar_") {
            return n
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=9).contains(n))
                .map(Self::Pillar);
        }
        TABLE.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_the_shipped_file_describes_each() {
        for (a, name) in TABLE {
            assert_eq!(Action::parse(name), Some(*a));
            assert_eq!(a.name(), *name);
            assert!(!a.description().is_empty(), "{name} has no description");
        }
        for name in descriptions().keys() {
            assert!(
                Action::parse(name).is_some(),
                "[actions] {name} is no action"
            );
        }
        assert_eq!(Action::parse("pillar_3"), Some(Action::Pillar(3)));
        assert_eq!(Action::parse("pillar_0"), None);
        assert_eq!(Action::parse("fly"), None);
    }
}
