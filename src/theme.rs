//! Themes are data: a palette of named colours and semantic style slots,
//! read from TOML. Widgets ask for a slot, never for a colour.

mod list;
mod style;

pub use list::Themes;
pub use style::style_of;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::Place;

/// Every place a style is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slot {
    Body,
    /// The whole screen, drawn first; its `bg` is the theme's paper.
    Background,
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

const SLOTS: [(Slot, &str); 35] = [
    (Slot::Body, "body"),
    (Slot::Background, "background"),
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
    inherits: Option<Spanned<String>>,
    #[serde(default)]
    palette: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    styles: BTreeMap<Spanned<String>, Spanned<StyleSpec>>,
}

/// A theme before its colours are resolved: what inheritance merges. Each
/// entry remembers where it was written, for error messages.
#[derive(Debug, Clone, Default)]
struct Spec {
    name: String,
    description: String,
    palette: BTreeMap<String, (String, Place)>,
    styles: BTreeMap<String, (StyleSpec, Place)>,
}

/// Loads the spec of the theme a theme `inherits` from.
type Parent<'a> = &'a dyn Fn(&str, usize) -> Result<Spec, String>;

/// How deep `inherits` may chain (which also ends cycles).
const MAX_INHERIT: usize = 8;

/// Theme files larger than this are refused.
const MAX_THEME_BYTES: u64 = 1 << 20;

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub description: String,
    styles: Vec<Style>,
    /// Colours off (`NO_COLOR`): modifiers only.
    pub monochrome: bool,
}

/// Where a theme comes from, for `briefing themes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    User(PathBuf),
}

impl Theme {
    pub fn get(&self, slot: Slot) -> Style {
        let s = self.styles.get(slot as usize).copied().unwrap_or_default();
        if self.monochrome && slot == Slot::Background {
            Style::default()
        } else if self.monochrome {
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
        Self::load(name, None)
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

    /// A theme by name (built-in, then `user_dir/NAME.toml`) or by path
    /// (anything with a `/` or ending in `.toml`).
    pub fn load(name_or_path: &str, user_dir: Option<&Path>) -> Result<Self, String> {
        let spec = load_spec(name_or_path, user_dir, 0)?;
        build(spec)
    }

    /// Every theme there is: the built-in ones, then the user's
    /// `themes/*.toml`, by name. A user theme that does not load is
    /// returned as its error.
    pub fn available(user_dir: Option<&Path>) -> Vec<(Origin, Result<Self, String>)> {
        let mut out: Vec<(Origin, Result<Self, String>)> = Self::builtin_names()
            .into_iter()
            .map(|n| (Origin::BuiltIn, Self::builtin(n)))
            .collect();
        out.extend(
            Self::users(user_dir)
                .into_iter()
                .map(|(p, t)| (Origin::User(p), t)),
        );
        out
    }

    /// The user's own themes: each `*.toml` file of `user_dir`, in the
    /// order of their names.
    pub fn users(user_dir: Option<&Path>) -> Vec<(PathBuf, Result<Self, String>)> {
        let mut out = Vec::new();
        let Some(dir) = user_dir else {
            return out;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return out;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for p in files {
            let theme = Self::load(&p.to_string_lossy(), user_dir);
            out.push((p, theme));
        }
        out
    }

    /// Parses theme text; `parent` loads the theme it inherits from.
    #[cfg(test)]
    fn parse(text: &str, path: &str, parent: Parent<'_>, depth: usize) -> Result<Self, String> {
        build(parse_spec(text, path, parent, depth)?)
    }
}

/// `path:line:col` of a byte offset.
fn parse_spec(text: &str, path: &str, parent: Parent<'_>, depth: usize) -> Result<Spec, String> {
    // Every entry is given its place: the lines are found once.
    let lines = crate::diag::LineIndex::new(text);
    let at = lines.places(text, path);
    let file: ThemeFile = toml::from_str(text).map_err(|e| {
        format!(
            "{}: error: {}",
            at(e.span().map_or(0, |s| s.start)),
            e.message().lines().next().unwrap_or("invalid TOML")
        )
    })?;
    let mut spec = match &file.inherits {
        Some(p) => parent(p.get_ref(), depth + 1).map_err(|e| {
            format!(
                "{}: error: cannot inherit from \"{}\": {e}",
                at(p.span().start),
                p.get_ref()
            )
        })?,
        None => Spec::default(),
    };
    for (key, value) in file.palette {
        let place = at(value.span().start);
        spec.palette
            .insert(key.into_inner(), (value.into_inner(), place));
    }
    for (key, value) in file.styles {
        let place = at(key.span().start);
        let key = key.into_inner();
        if !SLOTS.iter().any(|(_, n)| *n == key) {
            return Err(format!("{place}: error: unknown style slot `{key}`"));
        }
        spec.styles.insert(key, (value.into_inner(), place));
    }
    spec.name = file.name.unwrap_or_else(|| {
        Path::new(path)
            .file_stem()
            .map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned())
    });
    match (file.description, &file.inherits) {
        (Some(d), _) => spec.description = d,
        // Not the parent's words: they describe another theme.
        (None, Some(p)) => spec.description = format!("{} with changes of its own", p.get_ref()),
        (None, None) => {}
    }
    Ok(spec)
}

/// Resolves a spec's colours into styles.
fn build(spec: Spec) -> Result<Theme, String> {
    for (name, (raw, place)) in &spec.palette {
        Color::from_str(raw)
            .map_err(|_| format!("{place}: error: palette `{name}`: unknown colour \"{raw}\""))?;
    }
    let mut styles = vec![Style::default(); SLOTS.len()];
    for (key, (style, place)) in &spec.styles {
        if let Some((slot, _)) = SLOTS.iter().find(|(_, n)| n == key) {
            styles[*slot as usize] = build_style(style, &spec.palette)
                .map_err(|e| format!("{place}: error: style `{key}`: {e}"))?;
        }
    }
    Ok(Theme {
        name: spec.name,
        description: spec.description,
        styles,
        monochrome: false,
    })
}

/// True if `s` names a file rather than a theme.
fn is_path(s: &str) -> bool {
    s.contains(['/', '\\'])
        || Path::new(s)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

fn load_spec(name_or_path: &str, user_dir: Option<&Path>, depth: usize) -> Result<Spec, String> {
    if depth > MAX_INHERIT {
        return Err(format!(
            "themes inherit more than {MAX_INHERIT} deep (is there a cycle?)"
        ));
    }
    let parent = |n: &str, d: usize| load_spec(n, user_dir, d);
    if !is_path(name_or_path) {
        if let Some((file, text)) = crate::embedded::THEMES
            .iter()
            .find(|(f, _)| f.trim_end_matches(".toml") == name_or_path)
        {
            return parse_spec(text, file, &parent, depth);
        }
        let user = user_dir.map(|d| d.join(format!("{name_or_path}.toml")));
        return match user.filter(|p| p.is_file()) {
            Some(p) => load_spec(&p.to_string_lossy(), user_dir, depth),
            None => Err(format!(
                "no theme named \"{name_or_path}\" (see `briefing themes`)"
            )),
        };
    }
    let path = Path::new(name_or_path);
    let text = read_small(path).map_err(|e| format!("{name_or_path}: error: {e}"))?;
    parse_spec(&text, name_or_path, &parent, depth)
}

/// Reads a small text file: a regular file, at most [`MAX_THEME_BYTES`].
fn read_small(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".into());
    }
    if meta.len() > MAX_THEME_BYTES {
        return Err(format!("larger than {MAX_THEME_BYTES} bytes"));
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|_| "not UTF-8".to_owned())
}

fn color(name: &str, palette: &BTreeMap<String, (String, Place)>) -> Result<Color, String> {
    let raw = palette.get(name).map_or(name, |(c, _)| c.as_str());
    Color::from_str(raw).map_err(|_| format!("unknown colour \"{raw}\""))
}

fn build_style(
    spec: &StyleSpec,
    palette: &BTreeMap<String, (String, Place)>,
) -> Result<Style, String> {
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
mod tests;
