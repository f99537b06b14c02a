//! Themes are data: a palette of named colours and semantic style slots,
//! read from TOML. Widgets ask for a slot, never for a colour.

use std::collections::BTreeMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// Every place a style is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slot {
    Body,
    Heading1,
    Heading2,
    Heading3,
    Heading4,
    Emphasis,
    Strong,
    Code,
    CodeBlock,
    Marker,
    Border,
    Dim,
    Link,
    LinkSelected,
    Mention,
    MentionHighlight,
    Footnote,
    FigureValue,
    FigureLabel,
    FigureSource,
    PanelHeading,
    OutlineBrief,
    OutlineSection,
    OutlineCurrent,
    Selection,
    BorderFocused,
    BorderUnfocused,
    Title,
    Status,
    StatusKey,
    SearchMatch,
    Bar,
    Error,
    Warning,
}

const SLOTS: [(Slot, &str); 34] = [
    (Slot::Body, "body"),
    (Slot::Heading1, "heading1"),
    (Slot::Heading2, "heading2"),
    (Slot::Heading3, "heading3"),
    (Slot::Heading4, "heading4"),
    (Slot::Emphasis, "emphasis"),
    (Slot::Strong, "strong"),
    (Slot::Code, "code"),
    (Slot::CodeBlock, "code_block"),
    (Slot::Marker, "marker"),
    (Slot::Border, "border"),
    (Slot::Dim, "dim"),
    (Slot::Link, "link"),
    (Slot::LinkSelected, "link_selected"),
    (Slot::Mention, "mention"),
    (Slot::MentionHighlight, "mention_highlight"),
    (Slot::Footnote, "footnote"),
    (Slot::FigureValue, "figure_value"),
    (Slot::FigureLabel, "figure_label"),
    (Slot::FigureSource, "figure_source"),
    (Slot::PanelHeading, "panel_heading"),
    (Slot::OutlineBrief, "outline_brief"),
    (Slot::OutlineSection, "outline_section"),
    (Slot::OutlineCurrent, "outline_current"),
    (Slot::Selection, "selection"),
    (Slot::BorderFocused, "border_focused"),
    (Slot::BorderUnfocused, "border_unfocused"),
    (Slot::Title, "title"),
    (Slot::Status, "status"),
    (Slot::StatusKey, "status_key"),
    (Slot::SearchMatch, "search_match"),
    (Slot::Bar, "bar"),
    (Slot::Error, "error"),
    (Slot::Warning, "warning"),
];

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: Option<String>,
    description: Option<String>,
    inherits: Option<String>,
    #[serde(default)]
    palette: BTreeMap<String, String>,
    #[serde(default)]
    styles: BTreeMap<String, StyleSpec>,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub description: String,
    styles: Vec<Style>,
    /// Colours off (`NO_COLOR`): modifiers only.
    pub monochrome: bool,
}

impl Theme {
    pub fn get(&self, slot: Slot) -> Style {
        let s = self.styles.get(slot as usize).copied().unwrap_or_default();
        if self.monochrome {
            // Without colour, what had a background (selections, matches, bars)
            // is shown reversed so it still stands out.
            let m = Style::default().add_modifier(s.add_modifier);
            if s.bg.is_some() {
                m.add_modifier(Modifier::REVERSED)
            } else {
                m
            }
        } else {
            s
        }
    }

    pub fn heading(&self, level: u8) -> Style {
        self.get(match level {
            0 | 1 => Slot::Heading1,
            2 => Slot::Heading2,
            3 => Slot::Heading3,
            _ => Slot::Heading4,
        })
    }

    /// The built-in theme named `name`.
    pub fn builtin(name: &str) -> Result<Self, String> {
        let (file, text) = crate::embedded::THEMES
            .iter()
            .find(|(f, _)| f.trim_end_matches(".toml") == name)
            .ok_or_else(|| format!("no built-in theme \"{name}\" (try `briefing themes`)"))?;
        Self::parse(text, file, &|n| Self::builtin(n))
    }

    /// The default theme, which the embedded files always provide.
    pub fn default_theme() -> Self {
        Self::builtin("dark").unwrap_or_else(|_| Self {
            name: "plain".into(),
            description: String::new(),
            styles: vec![Style::default(); SLOTS.len()],
            monochrome: false,
        })
    }

    /// Names of the built-in themes.
    pub fn builtin_names() -> Vec<&'static str> {
        crate::embedded::THEMES
            .iter()
            .map(|(f, _)| f.trim_end_matches(".toml"))
            .collect()
    }

    /// Parses a theme file; `parent` loads the theme it inherits from.
    pub fn parse(
        text: &str,
        path: &str,
        parent: &dyn Fn(&str) -> Result<Self, String>,
    ) -> Result<Self, String> {
        let at = |offset: Option<usize>| {
            let off = offset.unwrap_or(0).min(text.len());
            let pos = crate::diag::LineIndex::new(text).pos(text, off);
            format!("{path}:{}:{}", pos.line, pos.col)
        };
        let file: ThemeFile = toml::from_str(text).map_err(|e| {
            format!(
                "{}: error: {}",
                at(e.span().map(|s| s.start)),
                e.message().lines().next().unwrap_or("invalid TOML")
            )
        })?;
        let base = match &file.inherits {
            Some(p) => parent(p)?,
            None => Self {
                name: String::new(),
                description: String::new(),
                styles: vec![Style::default(); SLOTS.len()],
                monochrome: false,
            },
        };
        let mut styles = base.styles;
        for (key, spec) in &file.styles {
            let Some((slot, _)) = SLOTS.iter().find(|(_, n)| n == key) else {
                return Err(format!("{path}: error: unknown style slot `{key}`"));
            };
            styles[*slot as usize] = build_style(spec, &file.palette)
                .map_err(|e| format!("{path}: error: style `{key}`: {e}"))?;
        }
        Ok(Self {
            name: file.name.unwrap_or_else(|| {
                path.rsplit('/')
                    .next()
                    .unwrap_or(path)
                    .trim_end_matches(".toml")
                    .to_owned()
            }),
            description: file.description.unwrap_or(base.description),
            styles,
            monochrome: false,
        })
    }
}

fn color(name: &str, palette: &BTreeMap<String, String>) -> Result<Color, String> {
    let raw = palette.get(name).map_or(name, String::as_str);
    Color::from_str(raw).map_err(|_| format!("unknown colour \"{raw}\""))
}

fn build_style(spec: &StyleSpec, palette: &BTreeMap<String, String>) -> Result<Style, String> {
    let mut s = Style::default();
    if let Some(fg) = &spec.fg {
        s = s.fg(color(fg, palette)?);
    }
    if let Some(bg) = &spec.bg {
        s = s.bg(color(bg, palette)?);
    }
    for m in &spec.modifiers {
        s = s.add_modifier(match m.as_str() {
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" => Modifier::UNDERLINED,
            "reversed" => Modifier::REVERSED,
            "crossed_out" => Modifier::CROSSED_OUT,
            other => return Err(format!("unknown modifier \"{other}\"")),
        });
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_parses_and_sets_every_slot() {
        for name in Theme::builtin_names() {
            let file = crate::embedded::THEMES
                .iter()
                .find(|(f, _)| f.trim_end_matches(".toml") == name)
                .map(|(_, t)| *t)
                .unwrap_or_default();
            let parsed: ThemeFile = toml::from_str(file).expect("toml");
            if parsed.inherits.is_none() {
                for (_, slot) in SLOTS {
                    assert!(parsed.styles.contains_key(slot), "{name} lacks {slot}");
                }
            }
            let t = Theme::builtin(name).expect("theme");
            assert_ne!(t.get(Slot::Heading1), Style::default(), "{name}");
        }
    }

    #[test]
    fn bad_themes_name_the_problem() {
        let no = |_: &str| Err("none".to_owned());
        let e =
            Theme::parse("[styles]\nbody = { fg = \"nocolour\" }\n", "t.toml", &no).unwrap_err();
        assert_eq!(
            e,
            "t.toml: error: style `body`: unknown colour \"nocolour\""
        );
        let e = Theme::parse("[styles]\nbodyy = {}\n", "t.toml", &no).unwrap_err();
        assert_eq!(e, "t.toml: error: unknown style slot `bodyy`");
        let e = Theme::parse("colour = 1\n", "t.toml", &no).unwrap_err();
        assert!(
            e.starts_with("t.toml:1:1: error: unknown field `colour`"),
            "{e}"
        );
    }

    #[test]
    fn monochrome_keeps_only_modifiers() {
        let mut t = Theme::default_theme();
        t.monochrome = true;
        let s = t.get(Slot::LinkSelected);
        assert_eq!(s.fg, None);
        assert!(s.add_modifier.contains(Modifier::BOLD));
        assert!(s.add_modifier.contains(Modifier::REVERSED));
    }
}
