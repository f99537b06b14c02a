//! The user's settings: `briefing/config.toml` in the XDG config folder, or
//! the file `--config` names. Everything is optional; a key this reader does
//! not know is an error naming the file and line, so a typo never silently
//! does nothing.
//!
//! ```toml
//! theme = "light"          # a built-in name, a user theme, or a path
//! measure = 80             # widest reading column, in cells
//! panel_width = 40         # width of the figures panel
//! mouse = false            # capture the mouse at start
//! citation = "markdown"    # how `y`/`Y` and `briefing cite` write a citation
//! sources = "/srv/reports" # folder of the briefs' source texts
//! hyperlinks = true        # links as OSC 8 hyperlinks
//!
//! [keys.reader]            # per mode: "chord" = "action"
//! "ctrl-f" = "find_figure"
//! "x" = "none"             # unbinds
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;
use serde::Deserialize;
use toml::Spanned;

use crate::diag::LineIndex;

/// Config files larger than this are refused.
const MAX_BYTES: u64 = 1 << 20;

pub const MEASURE_RANGE: std::ops::RangeInclusive<u16> = 20..=400;
pub const PANEL_RANGE: std::ops::RangeInclusive<u16> = 16..=120;

/// Where briefing keeps its files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dirs {
    /// `$XDG_CONFIG_HOME/briefing`: `config.toml` and `themes/`.
    pub config: Option<PathBuf>,
    /// `$XDG_STATE_HOME/briefing`: the saved place and bookmarks.
    pub state: Option<PathBuf>,
    /// `$XDG_CACHE_HOME/briefing`: the library's cache, which can always
    /// be deleted.
    pub cache: Option<PathBuf>,
}

impl Dirs {
    /// The XDG folders of this user (none if there is no home).
    pub fn xdg() -> Self {
        match etcetera::choose_base_strategy() {
            Ok(s) => Self {
                config: Some(s.config_dir().join("briefing")),
                state: s.state_dir().map(|d| d.join("briefing")),
                cache: Some(s.cache_dir().join("briefing")),
            },
            Err(_) => Self::default(),
        }
    }

    pub fn config_file(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join("config.toml"))
    }

    pub fn themes(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join("themes"))
    }

    pub fn state_file(&self) -> Option<PathBuf> {
        self.state.as_ref().map(|d| d.join("state.json"))
    }
}

/// One `"chord" = "action"` line of a `[keys.MODE]` table, unchecked: the
/// reader knows the modes, chords and actions, and checks them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyLine {
    pub mode: String,
    pub keys: String,
    pub action: String,
    /// Where the chord is.
    pub at: crate::diag::Place,
    /// Where the action is.
    pub action_at: crate::diag::Place,
    /// Where the `[keys.MODE]` name is.
    pub mode_at: crate::diag::Place,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub theme: Option<String>,
    pub measure: Option<u16>,
    pub panel_width: Option<u16>,
    pub mouse: Option<bool>,
    pub citation: Option<crate::cite::Format>,
    /// The folder of source texts, as written (relative to the config file's
    /// folder when relative).
    pub sources: Option<PathBuf>,
    pub hyperlinks: Option<bool>,
    pub keys: Vec<KeyLine>,
}

type KeyTables = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<String>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<String>,
    measure: Option<Spanned<u16>>,
    panel_width: Option<Spanned<u16>>,
    mouse: Option<bool>,
    citation: Option<crate::cite::Format>,
    sources: Option<PathBuf>,
    hyperlinks: Option<bool>,
    #[serde(default)]
    keys: KeyTables,
}

impl Config {
    /// Reads the config: `explicit` if given (it must exist), else the
    /// default file if there is one.
    pub fn load(explicit: Option<&Path>, dirs: &Dirs) -> Result<Self, String> {
        let (path, required) = match explicit {
            Some(p) => (p.to_path_buf(), true),
            None => match dirs.config_file() {
                Some(p) => (p, false),
                None => return Ok(Self::default()),
            },
        };
        let shown = path.display().to_string();
        let text = match read_small(&path) {
            Ok(t) => t,
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self::default());
            }
            Err(e) => return Err(format!("{shown}: error: {e}")),
        };
        let mut c = Self::parse(&text, &shown)?;
        if let (Some(src), Some(dir)) = (&c.sources, path.parent())
            && src.is_relative()
        {
            c.sources = Some(dir.join(src));
        }
        c.path = Some(path);
        Ok(c)
    }

    /// Parses config text; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Self, String> {
        let lines = LineIndex::new(text);
        let at = |off: usize| {
            let p = lines.pos(text, off.min(text.len()));
            format!("{path}:{}:{}", p.line, p.col)
        };
        let first = |m: &str| m.trim().lines().next().unwrap_or("invalid TOML").to_owned();
        // Every mistake at once, one a line.
        let repaired = crate::frontmatter::repair::deserialize::<File>(text).map_err(|e| {
            format!(
                "{}: error: {}",
                at(e.span().map_or(0, |s| s.start)),
                first(e.message())
            )
        })?;
        let mut errors: Vec<String> = repaired
            .errors
            .iter()
            .map(|(span, m)| format!("{}: error: {}", at(span.start), first(m)))
            .collect();
        let Some(file) = repaired.value else {
            return Err(errors.join("\n"));
        };
        let mut ranged = |v: Option<Spanned<u16>>,
                          name: &str,
                          range: std::ops::RangeInclusive<u16>|
         -> Option<u16> {
            match v {
                Some(v) if !range.contains(v.get_ref()) => {
                    errors.push(format!(
                        "{}: error: `{name}` must be from {} to {}, not {}",
                        at(v.span().start),
                        range.start(),
                        range.end(),
                        v.get_ref()
                    ));
                    None
                }
                v => v.map(Spanned::into_inner),
            }
        };
        let measure = ranged(file.measure, "measure", MEASURE_RANGE);
        let panel_width = ranged(file.panel_width, "panel_width", PANEL_RANGE);
        if !errors.is_empty() {
            return Err(errors.join("\n"));
        }
        let keys = key_lines(file.keys, &lines.places(text, path));
        Ok(Self {
            path: None,
            theme: file.theme,
            measure,
            panel_width,
            mouse: file.mouse,
            citation: file.citation,
            sources: file.sources,
            hyperlinks: file.hyperlinks,
            keys,
        })
    }
}

/// Reads a keymap file of `[MODE]` tables of `"chord" = "action"` (the
/// shipped `keymap.toml`); tables named in `skip` are not bindings. The
/// reader applies its lines as it applies a config's `[keys.MODE]` lines.
pub fn keymap_lines(text: &str, path: &str, skip: &[&str]) -> Result<Vec<KeyLine>, String> {
    let lines = LineIndex::new(text);
    let at = |off: usize| {
        let p = lines.pos(text, off.min(text.len()));
        format!("{path}:{}:{}", p.line, p.col)
    };
    let mut tables: KeyTables = toml::from_str(text).map_err(|e| {
        format!(
            "{}: error: {}",
            at(e.span().map_or(0, |s| s.start)),
            e.message().lines().next().unwrap_or("invalid TOML")
        )
    })?;
    tables.retain(|mode, _| !skip.contains(&mode.get_ref().as_str()));
    Ok(key_lines(tables, &lines.places(text, path)))
}

/// The lines of `[MODE]` tables in the file's order (a later line
/// overrides an earlier one); `at` names a byte offset's place.
fn key_lines(tables: KeyTables, at: &dyn Fn(usize) -> crate::diag::Place) -> Vec<KeyLine> {
    let mut keys = Vec::new();
    for (mode, table) in tables {
        let mode_at = at(mode.span().start);
        for (chord, action) in table {
            keys.push((
                chord.span().start,
                KeyLine {
                    mode: mode.get_ref().clone(),
                    keys: chord.get_ref().clone(),
                    action: action.get_ref().clone(),
                    at: at(chord.span().start),
                    action_at: at(action.span().start),
                    mode_at: mode_at.clone(),
                },
            ));
        }
    }
    keys.sort_by_key(|(start, _)| *start);
    keys.into_iter().map(|(_, k)| k).collect()
}

/// Reads a small text file: a regular file of at most [`MAX_BYTES`].
fn read_small(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidInput, "not a regular file"));
    }
    if meta.len() > MAX_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("larger than {MAX_BYTES} bytes"),
        ));
    }
    let bytes = std::fs::read(path)?;
    String::from_utf8(bytes).map_err(|_| Error::new(ErrorKind::InvalidData, "not UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_parses() {
        let c = Config::parse(
            "theme = \"light\"\nmeasure = 80\npanel_width = 40\nmouse = false\n\n[keys.reader]\n\"ctrl-f\" = \"find_figure\"\n\"g g\" = \"top\"\n",
            "c.toml",
        )
        .unwrap();
        assert_eq!(c.theme.as_deref(), Some("light"));
        assert_eq!(c.measure, Some(80));
        assert_eq!(c.panel_width, Some(40));
        assert_eq!(c.mouse, Some(false));
        assert_eq!(c.keys.len(), 2);
        assert_eq!(c.keys[0].mode, "reader");
        assert_eq!(c.keys[0].keys, "ctrl-f");
        assert_eq!(c.keys[0].action, "find_figure");
        assert_eq!(c.keys[0].at.to_string(), "c.toml:7:1");
        assert_eq!(c.keys[0].action_at.to_string(), "c.toml:7:12");
        assert_eq!(c.keys[0].mode_at.to_string(), "c.toml:6:7");
    }

    #[test]
    fn mistakes_name_the_file_line_and_key() {
        let e = Config::parse("theme = \"light\"\ncolour = true\n", "c.toml").unwrap_err();
        assert!(
            e.starts_with("c.toml:2:1: error: unknown field `colour`"),
            "{e}"
        );
        let e = Config::parse("measure = 5\n", "c.toml").unwrap_err();
        assert_eq!(
            e,
            "c.toml:1:11: error: `measure` must be from 20 to 400, not 5"
        );
        let e = Config::parse("mouse = \"yes\"\n", "c.toml").unwrap_err();
        assert!(e.starts_with("c.toml:1:9: error: invalid type"), "{e}");
        let e = Config::parse("[keys]\nreader = 3\n", "c.toml").unwrap_err();
        assert!(e.starts_with("c.toml:2:10: error: invalid type"), "{e}");
    }

    #[test]
    fn every_mistake_of_the_file_is_reported_at_once() {
        let e = Config::parse(
            "theme = 5\nmeasure = 900\ncolour = \"x\"\nmouse = \"yes\"\n",
            "c.toml",
        )
        .unwrap_err();
        let lines: Vec<&str> = e.lines().collect();
        assert_eq!(lines.len(), 4, "{e}");
        assert!(
            lines[0].starts_with("c.toml:1:9: error: invalid type"),
            "{e}"
        );
        assert!(
            lines[1].starts_with("c.toml:3:1: error: unknown field `colour`"),
            "{e}"
        );
        assert!(
            lines[2].starts_with("c.toml:4:9: error: invalid type"),
            "{e}"
        );
        assert_eq!(
            lines[3],
            "c.toml:2:11: error: `measure` must be from 20 to 400, not 900"
        );
    }

    #[test]
    fn a_missing_default_file_is_no_config_but_a_missing_explicit_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let dirs = Dirs {
            config: Some(dir.path().to_path_buf()),
            state: None,
            cache: None,
        };
        assert_eq!(Config::load(None, &dirs), Ok(Config::default()));
        let missing = dir.path().join("nope.toml");
        let e = Config::load(Some(&missing), &dirs).unwrap_err();
        assert!(
            e.starts_with(&format!("{}: error: ", missing.display())),
            "{e}"
        );
        std::fs::write(dir.path().join("config.toml"), "mouse = false\n").unwrap();
        let c = Config::load(None, &dirs).unwrap();
        assert_eq!(c.mouse, Some(false));
        assert_eq!(c.path, Some(dir.path().join("config.toml")));
    }
}
