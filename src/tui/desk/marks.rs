//! Read marks and the way home: what the reader notes of the text on
//! screen for the read rule, the reviewed mark, and the moves between home
//! and the reader.

use std::collections::HashMap;
use std::sync::Arc;

use super::{Desk, Focus};
use crate::model::{Brief, BriefIdx, SectionIdx, SectionRef};
use crate::tui::marks::{REVIEWED_GLYPH, Screen, Shown};
use crate::tui::outline::Node;

/// The words of the sections of a brief, by section index, for the text
/// it was counted in: each counted the first time it is on screen (a
/// long brief's every section at once would hold up a keystroke).
#[derive(Debug, Default)]
pub struct WordCounts {
    counted: HashMap<String, (usize, Vec<Option<usize>>)>,
}

impl WordCounts {
    fn of(&mut self, b: &Brief, s: SectionIdx) -> usize {
        // The source text is shared and replaced whole on reload, so its
        // address says whether the count is still good.
        let key = Arc::as_ptr(b.source.text()) as usize;
        let entry = self
            .counted
            .entry(b.meta.id.clone())
            .or_insert_with(|| (key, Vec::new()));
        if entry.0 != key || entry.1.len() != b.sections.len() {
            *entry = (key, vec![None; b.sections.len()]);
        }
        let Some(slot) = entry.1.get_mut(s.0) else {
            return 0;
        };
        *slot.get_or_insert_with(|| {
            b.section(s)
                .and_then(|x| b.source.text().get(x.range.clone()))
                .map_or(0, |t| t.split_whitespace().count())
        })
    }
}

impl Desk {
    /// The read and reviewed marks (kept in the saved state).
    pub fn marks(&self) -> &super::super::marks::Marks {
        &self.saved.state
    }

    /// Tells the read rule what text is on screen now (none while a view
    /// `covered` the reader); true if a section became read.
    pub fn observe_reading(&mut self, covered: bool) -> bool {
        let screen = self.reading_screen(covered);
        self.reading.observe(screen, &mut self.saved.state)
    }

    /// The sections of the text on screen, or `None` when no text is (a
    /// view covers it, or the brief is still being laid out).
    fn reading_screen(&mut self, covered: bool) -> Option<Screen> {
        if covered || self.geometry.reader.is_none() || self.reader.progress().is_some() {
            return None;
        }
        let lib = Arc::clone(&self.lib);
        let b = lib.brief(self.reader.brief)?;
        let layout = &self.reader.layout;
        let top = self.reader.top;
        let bottom = (top + self.reader.height).min(layout.len());
        let mut sections = Vec::new();
        let mut line = top;
        while line < bottom {
            let s = layout.section_of(line);
            let start = if s.0 == 0 { 0 } else { layout.section_line(s) };
            let next = if s.0 + 1 < b.sections.len() {
                layout.section_line(SectionIdx(s.0 + 1))
            } else {
                layout.len()
            };
            let end = if next > line { next } else { layout.len() };
            let shown_end = end.min(bottom);
            sections.push(Shown {
                anchor: b.section(s).map(|x| x.anchor.clone()).unwrap_or_default(),
                lines: shown_end - line,
                total: end.saturating_sub(start).max(1),
                end: end <= bottom,
                words: self.words.of(b, s),
            });
            line = shown_end;
        }
        Some(Screen {
            brief: b.meta.id.clone(),
            sections,
        })
    }

    /// The section `r` marks: the outline's row while the outline has
    /// focus, else the one being read.
    fn review_target(&self) -> Option<SectionRef> {
        if self.focus == Focus::Outline {
            let rows = self.outline.rows(&self.lib, self.current());
            return match rows.get(self.outline.cursor)?.node {
                Node::Section(s) => Some(s),
                Node::Brief(_) => None,
            };
        }
        Some(self.current())
    }

    /// `r`: marks or unmarks a section as reviewed.
    pub(super) fn toggle_reviewed(&mut self) {
        let target = self.review_target();
        let Some((b, s)) = target.and_then(|t| {
            let b = self.lib.brief(t.brief)?;
            Some((b, b.section(t.section)?))
        }) else {
            self.message = Some("select a section to mark it reviewed".into());
            return;
        };
        if s.depth == 0 && b.sections.len() > 1 {
            self.message = Some("the opening is not a section: move into one to mark it".into());
            return;
        }
        let (id, anchor) = (b.meta.id.clone(), s.anchor.clone());
        let title = crate::sanitize::line(&s.title).into_owned();
        let on = self.saved.state.toggle_reviewed(&id, &anchor);
        let said = if on {
            format!("{REVIEWED_GLYPH} reviewed: {title}")
        } else {
            format!("no longer reviewed: {title}")
        };
        // A deliberate mark is kept at once, not only when the reader quits.
        self.message = Some(match self.save_state() {
            Ok(None) => format!("{said}{}", self.unkept()),
            Ok(Some(e)) | Err(e) => format!("{said}; {e}"),
        });
    }

    /// Opens brief `b` where it was last read. Returns the depth of the
    /// history when the reader moved, so going back past it comes home.
    pub fn open_from_home(&mut self, b: BriefIdx) -> Option<usize> {
        let moved = b != self.reader.brief;
        if moved {
            self.remember();
            self.open_saved(b);
        }
        if self.geometry.reader.is_some() {
            self.focus = Focus::Reader;
        }
        moved.then_some(self.history.back.len())
    }
}
