//! What outlives a session: the saved place, bookmarks, read and reviewed
//! marks and the theme; and the lists of bookmarks and of problems in the
//! briefs.

use std::sync::Arc;

use super::Desk;
use crate::library::Library;
use crate::model::{BriefIdx, SectionIdx, SectionRef};
use crate::state::{self, Bookmark};
use crate::tui::panel::PanelState;
use crate::tui::reader::{Place, ReaderState};

impl Desk {
    /// The saved place of the reader in the current brief.
    pub(super) fn state_place(&self) -> Option<(String, state::Place)> {
        self.place_in_state(self.reader.place(), self.reader.section())
    }

    /// A reader's place (with the section it was in) as the saved state
    /// keeps it: by brief id and section anchor.
    pub fn place_in_state(&self, p: Place, section: SectionIdx) -> Option<(String, state::Place)> {
        let b = self.lib.brief(p.brief)?;
        Some((
            b.meta.id.clone(),
            state::Place {
                section: b
                    .section(section)
                    .map(|s| s.anchor.clone())
                    .unwrap_or_default(),
                block: p.block,
            },
        ))
    }

    /// Notes the place in the current brief in the saved state.
    pub fn note_place(&mut self) {
        if let Some(here) = self.state_place()
            && self.saved.noted.as_ref() != Some(&here)
        {
            self.saved.state.set_place(&here.0, here.1.clone());
            self.saved.noted = Some(here);
        }
    }

    /// Writes the saved state (if it is kept), merged with what other
    /// readers saved. `Ok(Some(note))` and the error are for the user: the
    /// note says where a damaged file was moved.
    pub fn save_state(&mut self) -> Result<Option<String>, String> {
        self.note_place();
        self.write_state()
    }

    /// [`Desk::save_state`] without noting the reader's place: what quitting
    /// the first screen's home keeps (marks, bookmarks, the theme).
    pub fn write_state(&mut self) -> Result<Option<String>, String> {
        let Some(path) = &self.saved.path else {
            return Ok(None);
        };
        self.saved.state.save(path).map_err(|e| {
            format!(
                "could not save the reading place to {}: {e}",
                path.display()
            )
        })
    }

    /// Goes where the saved state says the reader was: the last brief read,
    /// at its place. False if there is nowhere to go.
    pub fn restore_last(&mut self) -> bool {
        let last = self.saved.state.last();
        let found = last.and_then(|id| self.lib.briefs.iter().position(|x| x.meta.id == id));
        if let Some(b) = found {
            self.open_saved(BriefIdx(b));
        }
        // Where it opened is not a move of its own: a reader that stays
        // there does not take the place from one that read on.
        self.saved.noted = self.state_place();
        found.is_some()
    }

    /// Opens a brief at its saved place, or at its top.
    pub(super) fn open_saved(&mut self, brief: BriefIdx) {
        let saved = self
            .lib
            .brief(brief)
            .and_then(|b| Some((b, self.saved.state.place(&b.meta.id)?)));
        let Some((b, place)) = saved else {
            self.reader.go_section(
                &self.lib,
                SectionRef {
                    brief,
                    section: SectionIdx(0),
                },
            );
            self.outline_follow();
            return;
        };
        let found = b.section_by_anchor(&place.section);
        let section = found.unwrap_or(SectionIdx(0));
        self.reader
            .go_section(&self.lib, SectionRef { brief, section });
        // The block is trusted while it still lies in its section; if the
        // section is gone (its heading was renamed), the block alone says
        // where the reader was.
        let line = self.reader.layout.block_line(place.block);
        if found.is_none() || self.reader.layout.section_of(line) == section {
            self.reader.top = line;
            self.reader.clamp();
            self.reader.unanchor();
        }
        self.outline_follow();
    }

    /// Swaps in a reloaded library, keeping the reading place (by brief id
    /// and section anchor), the outline's expansion and the history.
    /// `key` names the key that lists the problems, for the message.
    pub fn reload(&mut self, lib: Library, kept: &[String], key: &str) {
        let here = self.state_place();
        self.note_place();
        let outline = self.outline.remap(&self.lib, &lib);
        let old = std::mem::replace(&mut self.lib, Arc::new(lib));
        let brief_of = |b: BriefIdx| {
            let id = &old.brief(b)?.meta.id;
            self.lib
                .briefs
                .iter()
                .position(|x| &x.meta.id == id)
                .map(BriefIdx)
        };
        self.history.remap(&brief_of);
        let width = self.reader.width();
        let height = self.reader.height;
        let brief = self.reader.place().brief;
        let brief = brief_of(brief).unwrap_or(BriefIdx(0));
        self.reader = ReaderState::new(brief);
        self.reader.height = height;
        self.reader.relayout(&self.lib, width);
        // A reload is shown whole at once, never as a preview.
        self.reader.finish();
        if here.is_some() {
            self.open_saved(brief);
        }
        self.outline = outline;
        self.after_new_library();
        let n = self.lib.diagnostics.len();
        let problems = crate::words::count(n, "problem", "problems");
        self.message = Some(match (n, kept) {
            (0, _) => "reloaded".into(),
            (_, []) => format!("reloaded with {problems}{key}"),
            (_, [one]) => format!(
                "{problems}{key}; showing the last good version of {}",
                file_name(one)
            ),
            (_, many) => format!(
                "{problems}{key}; showing the last good version of {} briefs",
                many.len()
            ),
        });
    }

    /// Takes in the whole of a brief whose first sections alone were
    /// shown (see [`crate::library::head`]). The reader is where it
    /// opened, at the top: input waits for the whole, so nothing moved.
    pub fn adopt_whole(&mut self, lib: Library) {
        let outline = self.outline.remap(&self.lib, &lib);
        self.lib = Arc::new(lib);
        let width = self.reader.width();
        let height = self.reader.height;
        let defer = self.reader.defer_terms;
        self.reader = ReaderState::new(BriefIdx(0));
        self.reader.height = height;
        self.reader.defer_terms = defer;
        self.reader.relayout(&self.lib, width);
        self.outline = outline;
        self.outline_follow();
        self.after_new_library();
        self.saved.noted = self.state_place();
    }

    /// What a library swapped in makes stale: the panel, the finder's
    /// index, the disagreements, the search's matches.
    fn after_new_library(&mut self) {
        self.panel = PanelState::default();
        self.finder.prepare(&self.lib);
        self.conflicts = crate::tui::conflicts::Conflicts::new(&self.lib);
        self.search.computed_for = None;
    }

    // ----- bookmarks -----

    pub(super) fn toggle_bookmark(&mut self) {
        let cur = self.current();
        let Some(b) = self.lib.brief(cur.brief) else {
            return;
        };
        let section = b.section(cur.section);
        let title = match section {
            Some(s) if cur.section.0 > 0 => format!("{} › {}", b.meta.short_title, s.title),
            _ => b.meta.short_title.clone(),
        };
        let anchor = section.map_or("", |s| s.anchor.as_str());
        let mark = Bookmark::new(&b.meta.id, anchor, &title);
        let added = self.saved.state.toggle_bookmark(mark);
        let verb = if added {
            "bookmarked"
        } else {
            "bookmark removed"
        };
        self.message = Some(match self.save_state() {
            Ok(None) => format!("{verb}: {title}{}", self.unkept()),
            Ok(Some(e)) | Err(e) => format!("{verb}: {title}; {e}"),
        });
    }

    /// What a mark's message adds under `--fresh`: that it goes at quit.
    pub(super) fn unkept(&self) -> &'static str {
        if self.saved.fresh {
            " (--fresh: not kept after you quit)"
        } else {
            ""
        }
    }

    // ----- read and reviewed marks -----

    /// Marks the section `at` as read (written with the state).
    pub fn mark_read(&mut self, at: SectionRef) {
        let lib = Arc::clone(&self.lib);
        if let Some((brief, anchor)) = ids(&lib, at) {
            self.saved.state.mark_read(brief, anchor);
        }
    }

    /// Marks or unmarks the section `at` as reviewed, and saves at once;
    /// the status bar says which. `None` if there is no such section.
    pub fn toggle_reviewed_at(&mut self, at: SectionRef) -> Option<bool> {
        let lib = Arc::clone(&self.lib);
        let (brief, anchor) = ids(&lib, at)?;
        let on = self.saved.state.toggle_reviewed(brief, anchor);
        let verb = if on {
            "reviewed"
        } else {
            "review mark removed"
        };
        let title = lib.brief(at.brief)?.section(at.section)?.title.clone();
        self.message = Some(match self.save_state() {
            Ok(None) => format!("{verb}: {title}{}", self.unkept()),
            Ok(Some(e)) | Err(e) => format!("{verb}: {title}; {e}"),
        });
        Some(on)
    }

    pub fn is_read(&self, at: SectionRef) -> bool {
        ids(&self.lib, at).is_some_and(|(b, a)| self.saved.state.is_read(b, a))
    }

    pub fn is_reviewed(&self, at: SectionRef) -> bool {
        ids(&self.lib, at).is_some_and(|(b, a)| self.saved.state.is_reviewed(b, a))
    }

    /// How many of a brief's sections (its pillars and what is under them,
    /// not the title block) are read, of how many.
    pub fn progress(&self, brief: BriefIdx) -> (usize, usize) {
        self.lib.brief(brief).map_or((0, 0), |b| {
            let anchors = b.sections.iter().filter(|s| s.depth > 0);
            let anchors = anchors.map(|s| s.anchor.as_str());
            self.saved.state.progress(&b.meta.id, anchors)
        })
    }
}

/// The brief id and section anchor of a section, as the state keeps them.
fn ids(lib: &Library, at: SectionRef) -> Option<(&str, &str)> {
    let b = lib.brief(at.brief)?;
    Some((&b.meta.id, &b.section(at.section)?.anchor))
}

/// The last part of a path, for short messages.
fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
