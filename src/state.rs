//! The saved place: the last brief read, the place in each brief, and the
//! bookmarks, kept as JSON in the XDG state folder. Places are stored by
//! brief id and section anchor, so they survive edits that renumber things;
//! a file that is corrupt or not ours is ignored with a warning.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

use serde::{Deserialize, Serialize};

/// Marks the file as ours.
const FORMAT: &str = "briefing-state";
const VERSION: u32 = 1;
/// State files larger than this are not read.
const MAX_BYTES: u64 = 4 << 20;
/// At most this many briefs keep a place (the least recent go first).
const MAX_PLACES: usize = 500;

/// Where a reader was in one brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Anchor of the section being read ("" for the brief's top).
    pub section: String,
    /// The block at the top of the pane, counted from the brief's start.
    pub block: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    pub brief: String,
    /// Section anchor ("" for the brief's top).
    pub section: String,
    /// The brief's short title and the section's title when it was marked,
    /// shown even if the brief is gone.
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    format: String,
    version: u32,
    /// Id of the brief read last.
    pub last: Option<String>,
    /// Brief id → place, and the order they were last read in.
    pub places: BTreeMap<String, Place>,
    #[serde(default)]
    recent: Vec<String>,
    pub bookmarks: Vec<Bookmark>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            last: None,
            places: BTreeMap::new(),
            recent: Vec::new(),
            bookmarks: Vec::new(),
        }
    }
}

impl State {
    /// Reads the state file. A missing file is an empty state; an unreadable,
    /// corrupt or foreign one is an empty state and a warning.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        let warn = |why: &str| {
            Some(format!(
                "{}: warning: saved place ignored: {why}",
                path.display()
            ))
        };
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (Self::default(), None),
            Err(e) => return (Self::default(), warn(&e.to_string())),
        };
        if !meta.is_file() {
            return (Self::default(), warn("not a regular file"));
        }
        if meta.len() > MAX_BYTES {
            return (
                Self::default(),
                warn(&format!("larger than {MAX_BYTES} bytes")),
            );
        }
        let text = match fs::read(path) {
            Ok(b) => b,
            Err(e) => return (Self::default(), warn(&e.to_string())),
        };
        match Self::parse(&text) {
            Ok(s) => (s, None),
            Err(why) => (Self::default(), warn(&why)),
        }
    }

    fn parse(bytes: &[u8]) -> Result<Self, String> {
        // Ours or not is decided before the shape is checked, so a foreign
        // file is named as such rather than as broken.
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON ({e})"))?;
        if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
            return Err("not a briefing state file".into());
        }
        let version = value.get("version").and_then(serde_json::Value::as_u64);
        if version != Some(u64::from(VERSION)) {
            return Err(format!(
                "written by another version of briefing (format {})",
                version.map_or_else(|| "?".to_owned(), |v| v.to_string())
            ));
        }
        serde_json::from_value(value).map_err(|e| format!("unexpected contents ({e})"))
    }

    /// Writes the state atomically: a temporary file in the same folder,
    /// flushed, then renamed over the old one. A crash leaves the old file
    /// or the new one, never half of one.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        fs::create_dir_all(dir)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        let json = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        tmp.write_all(&json)?;
        tmp.write_all(b"\n")?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }

    /// Records the place in `brief`, which becomes the last one read.
    pub fn set_place(&mut self, brief: &str, place: Place) {
        self.last = Some(brief.to_owned());
        self.places.insert(brief.to_owned(), place);
        self.recent.retain(|b| b != brief);
        self.recent.push(brief.to_owned());
        while self.recent.len() > MAX_PLACES {
            let old = self.recent.remove(0);
            self.places.remove(&old);
        }
    }

    /// Adds a bookmark, or removes it if it is there; true if added.
    pub fn toggle_bookmark(&mut self, mark: Bookmark) -> bool {
        if let Some(i) = self
            .bookmarks
            .iter()
            .position(|b| b.brief == mark.brief && b.section == mark.section)
        {
            self.bookmarks.remove(i);
            false
        } else {
            self.bookmarks.push(mark);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> State {
        let mut s = State::default();
        s.set_place(
            "peninsula-plus",
            Place {
                section: "introduction".into(),
                block: 12,
            },
        );
        s.toggle_bookmark(Bookmark {
            brief: "digital-allies".into(),
            section: "semiconductors".into(),
            title: "Digital Allies › Semiconductors".into(),
        });
        s
    }

    #[test]
    fn state_round_trips_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/state.json");
        let s = sample();
        s.save(&path).unwrap();
        let (back, warning) = State::load(&path);
        assert_eq!(warning, None);
        assert_eq!(back, s);
        assert_eq!(back.last.as_deref(), Some("peninsula-plus"));
        // Saving again replaces the file whole, leaving no temporary behind.
        s.save(&path).unwrap();
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["state.json"]);
    }

    #[test]
    fn corrupt_foreign_and_odd_files_are_ignored_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let (s, w) = State::load(&path);
        assert_eq!((s, w), (State::default(), None), "missing: no warning");
        for (bytes, why) in [
            (&b"{\"format\": \"briefing-state\", \"vers"[..], "not valid JSON"),
            (b"\xff\xfe garbage", "not valid JSON"),
            (b"{\"name\": \"someone else's\"}", "not a briefing state file"),
            (b"[1, 2, 3]", "not a briefing state file"),
            (
                b"{\"format\": \"briefing-state\", \"version\": 99}",
                "written by another version of briefing (format 99)",
            ),
            (
                b"{\"format\": \"briefing-state\", \"version\": 1, \"last\": 7, \"places\": {}, \"bookmarks\": []}",
                "unexpected contents",
            ),
        ] {
            fs::write(&path, bytes).unwrap();
            let (s, w) = State::load(&path);
            assert_eq!(s, State::default());
            let w = w.expect("a warning");
            assert!(
                w.starts_with(&format!("{}: warning: saved place ignored: {why}", path.display())),
                "{w}"
            );
        }
        let (_, w) = State::load(dir.path());
        assert!(w.expect("a warning").ends_with("not a regular file"));
    }

    #[test]
    fn bookmarks_toggle_and_places_stay_bounded() {
        let mut s = sample();
        let mark = s.bookmarks[0].clone();
        assert!(!s.toggle_bookmark(mark.clone()));
        assert!(s.bookmarks.is_empty());
        assert!(s.toggle_bookmark(mark));
        for i in 0..MAX_PLACES + 10 {
            s.set_place(
                &format!("b{i}"),
                Place {
                    section: String::new(),
                    block: i,
                },
            );
        }
        assert_eq!(s.places.len(), MAX_PLACES);
        assert!(!s.places.contains_key("peninsula-plus"));
        assert_eq!(s.last.as_deref(), Some(&*format!("b{}", MAX_PLACES + 9)));
    }
}
