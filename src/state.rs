//! The saved state: the place in each brief, the bookmarks, the read and
//! reviewed marks and the theme, kept as JSON in the XDG state folder.
//! Everything is stored by brief id and section anchor, so it survives
//! edits that renumber things.
//!
//! Several readers may run at once: every entry carries the time it was
//! last changed (removals included), and a save merges with the file on
//! disk under a lock, the newer entry winning (see [`State::merge`]).

mod file;
#[cfg(test)]
mod file_tests;
mod merge;
mod saved;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

pub use saved::Saved;

/// Marks the file as ours.
const FORMAT: &str = "briefing-state";
/// The format this build writes; it reads this one and older ones.
const VERSION: u32 = 2;
/// At most this many briefs keep a place (the least recent go first).
const MAX_PLACES: usize = 500;
/// Removals (of bookmarks and marks) are remembered this long, so another
/// reader still running cannot bring the entry back; then forgotten.
const FORGET_AFTER_MS: u64 = 90 * 24 * 60 * 60 * 1000;

/// Where a reader was in one brief.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// Anchor of the section being read ("" for the brief's top).
    pub section: String,
    /// The block at the top of the pane, counted from the brief's start.
    pub block: usize,
}

/// A place as stored: with the time it was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceEntry {
    section: String,
    block: usize,
    #[serde(default)]
    at: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bookmark {
    pub brief: String,
    /// Section anchor ("" for the brief's top).
    pub section: String,
    /// The brief's short title and the section's title when it was marked,
    /// shown even if the brief is gone.
    pub title: String,
    /// When it was made (milliseconds since 1970); the list is in this order.
    #[serde(default)]
    at: u64,
}

impl Bookmark {
    pub fn new(brief: &str, section: &str, title: &str) -> Self {
        Self {
            brief: brief.to_owned(),
            section: section.to_owned(),
            title: title.to_owned(),
            at: 0,
        }
    }

    fn key(&self) -> (&str, &str) {
        (&self.brief, &self.section)
    }
}

/// A bookmark that was removed, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Removed {
    brief: String,
    section: String,
    at: u64,
}

/// A mark that is set or cleared, and when that last changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flag {
    on: bool,
    at: u64,
}

/// The marks of one section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Marks {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    read: Option<Flag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reviewed: Option<Flag>,
}

/// The theme chosen with `t`, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeChoice {
    name: String,
    at: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    format: String,
    version: u32,
    /// Brief id → place. The brief read last is the one whose place was
    /// set last.
    #[serde(default)]
    places: BTreeMap<String, PlaceEntry>,
    #[serde(default)]
    bookmarks: Vec<Bookmark>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    removed_bookmarks: Vec<Removed>,
    /// Brief id → section anchor → marks.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    marks: BTreeMap<String, BTreeMap<String, Marks>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    theme: Option<ThemeChoice>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            places: BTreeMap::new(),
            bookmarks: Vec::new(),
            removed_bookmarks: Vec::new(),
            marks: BTreeMap::new(),
            theme: None,
        }
    }
}

/// Milliseconds since 1970 by the system clock.
fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// The time for a change to an entry last changed at `prev`: now, but
/// always after `prev`, so a change wins over the one before it even if
/// the clock went back.
/// A time after `prev`, and never before the clock.
fn stamp(prev: Option<u64>) -> u64 {
    now_ms().max(prev.map_or(0, |p| p.saturating_add(1)))
}

impl State {
    /// Id of the brief read last.
    pub fn last(&self) -> Option<&str> {
        self.places
            .iter()
            .max_by_key(|(id, p)| (p.at, *id))
            .map(|(id, _)| id.as_str())
    }

    /// The place in `brief`, if one was saved.
    pub fn place(&self, brief: &str) -> Option<Place> {
        self.places.get(brief).map(|p| Place {
            section: p.section.clone(),
            block: p.block,
        })
    }

    /// Records the place in `brief`, which becomes the last one read.
    pub fn set_place(&mut self, brief: &str, place: Place) {
        // Later than every place kept, so that two places set within one
        // millisecond still say which came last.
        let at = stamp(self.places.values().map(|p| p.at).max());
        self.set_place_at(brief, place, at);
    }

    fn set_place_at(&mut self, brief: &str, place: Place, at: u64) {
        let entry = PlaceEntry {
            section: place.section,
            block: place.block,
            at,
        };
        self.places.insert(brief.to_owned(), entry);
        self.bound_places();
    }

    /// Keeps the `MAX_PLACES` most recent places.
    fn bound_places(&mut self) {
        let Some(extra) = self.places.len().checked_sub(MAX_PLACES) else {
            return;
        };
        let mut by_age: Vec<(u64, String)> = self
            .places
            .iter()
            .map(|(id, p)| (p.at, id.clone()))
            .collect();
        by_age.sort_unstable();
        for (_, id) in by_age.into_iter().take(extra) {
            self.places.remove(&id);
        }
    }

    /// The bookmarks, oldest first.
    pub fn bookmarks(&self) -> &[Bookmark] {
        &self.bookmarks
    }

    /// Adds a bookmark, or removes it if it is there; true if added.
    pub fn toggle_bookmark(&mut self, mark: Bookmark) -> bool {
        let prev = self.bookmark_time(&mark.brief, &mark.section);
        self.toggle_bookmark_at(mark, stamp(prev))
    }

    fn toggle_bookmark_at(&mut self, mut mark: Bookmark, at: u64) -> bool {
        if let Some(i) = self.bookmarks.iter().position(|b| b.key() == mark.key()) {
            self.remove_bookmark_at(i, at);
            return false;
        }
        self.removed_bookmarks
            .retain(|r| (r.brief.as_str(), r.section.as_str()) != mark.key());
        mark.at = at;
        self.bookmarks.push(mark);
        true
    }

    /// Removes the `index`th bookmark of [`State::bookmarks`]; the removal
    /// is remembered so that a merge does not bring it back.
    pub fn remove_bookmark(&mut self, index: usize) -> Option<Bookmark> {
        let prev = self.bookmarks.get(index)?.at;
        self.remove_bookmark_at(index, stamp(Some(prev)))
    }

    fn remove_bookmark_at(&mut self, index: usize, at: u64) -> Option<Bookmark> {
        if index >= self.bookmarks.len() {
            return None;
        }
        let gone = self.bookmarks.remove(index);
        self.removed_bookmarks.push(Removed {
            brief: gone.brief.clone(),
            section: gone.section.clone(),
            at,
        });
        Some(gone)
    }

    /// When the bookmark at (brief, section) was last made or removed.
    fn bookmark_time(&self, brief: &str, section: &str) -> Option<u64> {
        let live = self.bookmarks.iter().find(|b| b.key() == (brief, section));
        let removed = self
            .removed_bookmarks
            .iter()
            .find(|r| r.brief == brief && r.section == section);
        live.map(|b| b.at).max(removed.map(|r| r.at))
    }

    /// Marks a section as read (once read, it stays read).
    pub fn mark_read(&mut self, brief: &str, anchor: &str) {
        let marks = self.marks_mut(brief, anchor);
        if marks.read.is_some_and(|f| f.on) {
            return;
        }
        let at = stamp(marks.read.map(|f| f.at));
        marks.read = Some(Flag { on: true, at });
    }

    /// Marks a section as reviewed, or clears the mark; true if now marked.
    pub fn toggle_reviewed(&mut self, brief: &str, anchor: &str) -> bool {
        let marks = self.marks_mut(brief, anchor);
        let on = !marks.reviewed.is_some_and(|f| f.on);
        let at = stamp(marks.reviewed.map(|f| f.at));
        marks.reviewed = Some(Flag { on, at });
        on
    }

    fn marks_mut(&mut self, brief: &str, anchor: &str) -> &mut Marks {
        self.marks
            .entry(brief.to_owned())
            .or_default()
            .entry(anchor.to_owned())
            .or_default()
    }

    fn marks(&self, brief: &str, anchor: &str) -> Option<&Marks> {
        self.marks.get(brief)?.get(anchor)
    }

    pub fn is_read(&self, brief: &str, anchor: &str) -> bool {
        self.marks(brief, anchor)
            .and_then(|m| m.read)
            .is_some_and(|f| f.on)
    }

    pub fn is_reviewed(&self, brief: &str, anchor: &str) -> bool {
        self.marks(brief, anchor)
            .and_then(|m| m.reviewed)
            .is_some_and(|f| f.on)
    }

    /// How many of `anchors` (a brief's sections as they are now) are read,
    /// and how many there are. Marks of sections that are gone do not count.
    pub fn progress<'a>(
        &self,
        brief: &str,
        anchors: impl IntoIterator<Item = &'a str>,
    ) -> (usize, usize) {
        anchors.into_iter().fold((0, 0), |(read, total), a| {
            (read + usize::from(self.is_read(brief, a)), total + 1)
        })
    }

    /// The theme chosen last with `t`.
    pub fn theme(&self) -> Option<&str> {
        self.theme.as_ref().map(|t| t.name.as_str())
    }

    pub fn set_theme(&mut self, name: &str) {
        let at = stamp(self.theme.as_ref().map(|t| t.at));
        self.theme = Some(ThemeChoice {
            name: name.to_owned(),
            at,
        });
    }
}
