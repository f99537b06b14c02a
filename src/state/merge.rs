//! Merging two saved states, entry by entry: the newer change wins.
//!
//! An entry is a brief's place, a bookmark (by brief and section), a
//! section's read mark, its reviewed mark, or the theme. Each side says when
//! it last changed the entry, and removing a bookmark or clearing a mark is a
//! change like any other (it is kept, with its time, as a removal). So:
//!
//! - places: per brief, the one set last;
//! - bookmarks: the union, less those whose latest change is a removal;
//! - read and reviewed marks: per section and kind, the latest set or clear;
//! - theme: the one chosen last.
//!
//! At equal times a removal or clear wins, then the larger value, so the
//! merge gives the same result in either order, and merging twice changes
//! nothing.

use std::collections::BTreeMap;

use super::{FORGET_AFTER_MS, Flag, State};

impl State {
    /// Merges `other` into this state (see the module's rules).
    pub fn merge(&mut self, other: &State) {
        for (id, theirs) in &other.places {
            let newer = self.places.get(id).is_none_or(|mine| {
                (theirs.at, &theirs.section, theirs.block) > (mine.at, &mine.section, mine.block)
            });
            if newer {
                self.places.insert(id.clone(), theirs.clone());
            }
        }
        self.bound_places();
        self.merge_bookmarks(other);
        for (brief, sections) in &other.marks {
            for (anchor, theirs) in sections {
                let mine = self.marks_mut(brief, anchor);
                mine.read = newer_flag(mine.read, theirs.read);
                mine.reviewed = newer_flag(mine.reviewed, theirs.reviewed);
            }
        }
        let key = |t: &super::ThemeChoice| (t.at, t.name.clone());
        if other.theme.as_ref().map(key) > self.theme.as_ref().map(key) {
            self.theme.clone_from(&other.theme);
        }
    }

    /// The state in the form a merge leaves it, as read from a file that
    /// may have been edited by hand: each bookmark once (its latest
    /// change), in the order they were made, and at most `MAX_PLACES`
    /// places. Merging a copy of it then changes nothing.
    pub(super) fn tidy(mut self) -> Self {
        let copy = self.clone();
        self.merge(&copy);
        self
    }

    fn merge_bookmarks(&mut self, other: &State) {
        /// The latest change to one bookmark: (time, removed, title).
        type Change = (u64, bool, String);
        let mut latest: BTreeMap<(String, String), Change> = BTreeMap::new();
        let mut note = |brief: &str, section: &str, change: Change| {
            let slot = latest
                .entry((brief.to_owned(), section.to_owned()))
                .or_insert_with(|| change.clone());
            if change > *slot {
                *slot = change;
            }
        };
        for s in [&*self, other] {
            for b in &s.bookmarks {
                note(&b.brief, &b.section, (b.at, false, b.title.clone()));
            }
            for r in &s.removed_bookmarks {
                note(&r.brief, &r.section, (r.at, true, String::new()));
            }
        }
        self.bookmarks.clear();
        self.removed_bookmarks.clear();
        for ((brief, section), (at, removed, title)) in latest {
            if removed {
                self.removed_bookmarks
                    .push(super::Removed { brief, section, at });
            } else {
                self.bookmarks.push(super::Bookmark {
                    brief,
                    section,
                    title,
                    at,
                });
            }
        }
        self.bookmarks
            .sort_by(|a, b| (a.at, a.key()).cmp(&(b.at, b.key())));
    }

    /// Forgets removals older than `FORGET_AFTER_MS` before `now`.
    pub(super) fn forget_old_removals(&mut self, now: u64) {
        let keep = |at: u64| at.saturating_add(FORGET_AFTER_MS) >= now;
        self.removed_bookmarks.retain(|r| keep(r.at));
        let cleared = |f: Option<Flag>| f.filter(|f| f.on || keep(f.at));
        for sections in self.marks.values_mut() {
            for m in sections.values_mut() {
                m.read = cleared(m.read);
                m.reviewed = cleared(m.reviewed);
            }
            sections.retain(|_, m| m.read.is_some() || m.reviewed.is_some());
        }
        self.marks.retain(|_, sections| !sections.is_empty());
    }
}

/// The later of two changes to a mark; at the same time, the clear.
fn newer_flag(mine: Option<Flag>, theirs: Option<Flag>) -> Option<Flag> {
    let key = |f: Option<Flag>| f.map(|f| (f.at, !f.on));
    if key(theirs) > key(mine) {
        theirs
    } else {
        mine
    }
}
