//! Read and reviewed marks, kept per brief id and section anchor (so they
//! survive edits that keep the anchor), and the rule that decides when a
//! section has been read.
//!
//! The rule: a section counts as read once its last line has been on
//! screen, and at least [`READ_LINES`] lines of it (all of it, if shorter)
//! have been on screen for as long as its words take at
//! [`WORDS_PER_MINUTE`], and never less than [`MIN_READ`]. The time adds up
//! over visits. Scrolling past in a second is not reading. The clock is
//! given to the [`ReadTracker`], so tests need not wait.
//!
//! This store lives in memory; the saved state can back it later through
//! the same small API.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::model::Brief;

/// The marks and the read rule, for the help: (glyph, text, heading).
pub fn legend() -> Vec<(String, String, bool)> {
    let rows: [(&str, &str); 5] = [
        (
            READ_GLYPH,
            "read: its end has been on screen, and 5 of its lines (all, if fewer) stayed on screen as long as its words take at 500 a minute, 2 s at least. Scrolling past does not count.",
        ),
        (
            REVIEWED_GLYPH,
            "reviewed: marked by hand (r, again to unmark)",
        ),
        ("≠", "another brief states this value or date differently"),
        (
            "▶",
            "the selected brief on home; the terminal cursor sits on every selection",
        ),
        ("7/12", "sections read of a brief (outline, home)"),
    ];
    let mut out = vec![
        (String::new(), String::new(), false),
        ("Marks".to_owned(), String::new(), true),
    ];
    out.extend(
        rows.into_iter()
            .map(|(g, t)| (g.to_owned(), t.to_owned(), false)),
    );
    out
}

/// Lines of a section that must be on screen at once for the time to count.
pub const READ_LINES: usize = 5;
/// The reading speed the rule assumes: a brisk reader's.
pub const WORDS_PER_MINUTE: u64 = 500;
/// The least time a section must be on screen to count as read.
pub const MIN_READ: Duration = Duration::from_secs(2);

/// The glyph of a read section.
pub const READ_GLYPH: &str = "✓";
/// The glyph of a reviewed section.
pub const REVIEWED_GLYPH: &str = "★";

/// The marks live in the saved state, which keeps them per brief and
/// section anchor across sessions and merges them with other readers'.
pub type Marks = crate::state::State;

/// How far a brief has been read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub read: usize,
    pub reviewed: usize,
    /// The sections that count: every section under a heading, or the
    /// whole text of a brief without headings.
    pub total: usize,
}

impl Progress {
    /// "✓ 3/12", "0/12", with "  ★ 1" when some are reviewed.
    pub fn label(self) -> String {
        self.spaced(" ", "  ")
    }

    /// "✓3/12", "0/12", with " ★1" when some are reviewed: for narrow rows.
    pub fn short(self) -> String {
        self.spaced("", " ")
    }

    fn spaced(self, glyph: &str, between: &str) -> String {
        let read = if self.read > 0 {
            format!("{READ_GLYPH}{glyph}")
        } else {
            String::new()
        };
        let reviewed = if self.reviewed > 0 {
            format!("{between}{REVIEWED_GLYPH}{glyph}{}", self.reviewed)
        } else {
            String::new()
        };
        format!("{read}{}/{}{reviewed}", self.read, self.total)
    }
}

/// The brief's progress over the sections it has now (marks whose anchor
/// is gone are kept but not counted).
pub fn progress(marks: &Marks, brief: &Brief) -> Progress {
    let id = &brief.meta.id;
    let mut p = Progress::default();
    for anchor in counted(brief) {
        p.total += 1;
        p.read += usize::from(marks.is_read(id, anchor));
        p.reviewed += usize::from(marks.is_reviewed(id, anchor));
    }
    p
}

/// The anchors of the sections that count towards progress.
pub fn counted(brief: &Brief) -> impl Iterator<Item = &str> {
    let headed = brief.sections.iter().any(|s| s.depth > 0);
    brief
        .sections
        .iter()
        .filter(move |s| !headed || s.depth > 0)
        .map(|s| s.anchor.as_str())
}

/// How long a text of `words` words takes to read under the rule.
pub fn time_to_read(words: usize) -> Duration {
    let words = u64::try_from(words).unwrap_or(u64::MAX);
    let ms = words.saturating_mul(60_000) / WORDS_PER_MINUTE;
    Duration::from_millis(ms).max(MIN_READ)
}

/// Where the time comes from.
pub type Clock = Box<dyn Fn() -> Instant + Send>;

/// One section's text on screen at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub anchor: String,
    /// Its lines on screen.
    pub lines: usize,
    /// All its lines.
    pub total: usize,
    /// True if its last line is on screen.
    pub end: bool,
    /// The words of the whole section.
    pub words: usize,
}

/// The text on screen: a brief and the sections it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub brief: String,
    pub sections: Vec<Shown>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Dwell {
    time: Duration,
    end: bool,
}

/// Watches what is on screen and marks sections read by the rule.
pub struct ReadTracker {
    clock: Clock,
    /// What has been on screen, and since when.
    screen: Option<(Instant, Screen)>,
    dwell: HashMap<(String, String), Dwell>,
}

impl Default for ReadTracker {
    fn default() -> Self {
        Self::new(Box::new(Instant::now))
    }
}

impl std::fmt::Debug for ReadTracker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadTracker")
            .field("screen", &self.screen)
            .field("dwell", &self.dwell.len())
            .finish_non_exhaustive()
    }
}

impl ReadTracker {
    pub fn new(clock: Clock) -> Self {
        Self {
            clock,
            screen: None,
            dwell: HashMap::new(),
        }
    }

    /// Notes what is on screen now (`None`: no text is), crediting what was
    /// on screen until now; true if a section became read.
    pub fn observe(&mut self, now_showing: Option<Screen>, marks: &mut Marks) -> bool {
        let now = (self.clock)();
        let mut changed = false;
        if let Some((since, shown)) = self.screen.take() {
            let elapsed = now.saturating_duration_since(since);
            for s in &shown.sections {
                let d = self
                    .dwell
                    .entry((shown.brief.clone(), s.anchor.clone()))
                    .or_default();
                d.end |= s.end;
                if s.lines >= READ_LINES.min(s.total.max(1)) {
                    d.time += elapsed;
                }
                if d.end
                    && d.time >= time_to_read(s.words)
                    && !marks.is_read(&shown.brief, &s.anchor)
                {
                    marks.mark_read(&shown.brief, &s.anchor);
                    changed = true;
                }
            }
        }
        self.screen = now_showing.map(|s| (now, s));
        changed
    }

    /// When a section on screen falls due to be marked read if the screen
    /// stays as it is: the loop wakes then, and not before. `None` when no
    /// section on screen can become read by waiting (its end has not been
    /// seen, too few of its lines show, or it is read already).
    pub fn next_due(&self, marks: &Marks) -> Option<Instant> {
        let (since, shown) = self.screen.as_ref()?;
        shown
            .sections
            .iter()
            .filter(|s| !marks.is_read(&shown.brief, &s.anchor))
            .filter(|s| s.lines >= READ_LINES.min(s.total.max(1)))
            .filter_map(|s| {
                let d = self
                    .dwell
                    .get(&(shown.brief.clone(), s.anchor.clone()))
                    .copied()
                    .unwrap_or_default();
                (d.end || s.end).then(|| *since + time_to_read(s.words).saturating_sub(d.time))
            })
            .min()
    }
}

#[cfg(test)]
mod tests;
