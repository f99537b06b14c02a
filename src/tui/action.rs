//! The one action vocabulary: keys, the config file and the help overlay
//! all speak it.

use std::fmt;

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
}

/// Name and description of every action (`pillar_N` stands for nine).
const TABLE: &[(Action, &str, &str)] = &[
    (Action::Quit, "quit", "Quit briefing"),
    (Action::Help, "help", "Show the keys"),
    (
        Action::FocusNext,
        "focus_next",
        "Next pane: outline, reader, panel",
    ),
    (Action::FocusPrev, "focus_prev", "Previous pane"),
    (Action::Down, "down", "Move or scroll down"),
    (Action::Up, "up", "Move or scroll up"),
    (Action::PageDown, "page_down", "Page down"),
    (Action::PageUp, "page_up", "Page up"),
    (Action::HalfPageDown, "half_page_down", "Half a page down"),
    (Action::HalfPageUp, "half_page_up", "Half a page up"),
    (Action::Top, "top", "Go to the top"),
    (Action::Bottom, "bottom", "Go to the bottom"),
    (
        Action::NextPillar,
        "next_pillar",
        "Next pillar (across briefs at the end)",
    ),
    (Action::PrevPillar, "prev_pillar", "Previous pillar"),
    (
        Action::Open,
        "open",
        "Open the node, follow the link, or jump to the figure",
    ),
    (
        Action::NextLink,
        "next_link",
        "Select the next link or figure in the text",
    ),
    (
        Action::PrevLink,
        "prev_link",
        "Select the previous link or figure in the text",
    ),
    (Action::Expand, "expand", "Expand the outline node"),
    (Action::Collapse, "collapse", "Collapse the outline node"),
    (Action::Back, "back", "Back to where you were"),
    (Action::Forward, "forward", "Forward again"),
    (
        Action::TogglePanel,
        "toggle_panel",
        "Show or hide the figures panel",
    ),
    (
        Action::ToggleOutline,
        "toggle_outline",
        "Show or hide the outline",
    ),
    (
        Action::ToggleMouse,
        "toggle_mouse",
        "Mouse on/off (off lets you select text)",
    ),
    (Action::Close, "close", "Close the overlay"),
    (
        Action::FindFigure,
        "find_figure",
        "Find a figure anywhere in the library",
    ),
    (
        Action::Search,
        "search",
        "Search the text (tab: this brief / the library)",
    ),
    (Action::NextMatch, "next_match", "Next search match"),
    (Action::PrevMatch, "prev_match", "Previous search match"),
    (
        Action::ToggleScope,
        "toggle_scope",
        "Search this brief or the whole library",
    ),
    (
        Action::Timeline,
        "timeline",
        "Timeline of every dated event",
    ),
    (
        Action::Compare,
        "compare",
        "Compare the figures that share a tag",
    ),
];

impl Action {
    pub fn name(self) -> String {
        match self {
            Self::Pillar(n) => format!("pillar_{n}"),
            _ => TABLE
                .iter()
                .find(|(a, _, _)| *a == self)
                .map_or_else(String::new, |(_, n, _)| (*n).to_owned()),
        }
    }

    pub fn description(self) -> String {
        match self {
            Self::Pillar(n) => format!("Jump to pillar {n}"),
            _ => TABLE
                .iter()
                .find(|(a, _, _)| *a == self)
                .map_or_else(String::new, |(_, _, d)| (*d).to_owned()),
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
        TABLE
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(a, _, _)| *a)
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
    fn names_round_trip() {
        for (a, name, desc) in TABLE {
            assert_eq!(Action::parse(name), Some(*a));
            assert_eq!(a.name(), *name);
            assert!(!desc.is_empty());
        }
        assert_eq!(Action::parse("pillar_3"), Some(Action::Pillar(3)));
        assert_eq!(Action::parse("pillar_0"), None);
        assert_eq!(Action::parse("fly"), None);
    }
}
