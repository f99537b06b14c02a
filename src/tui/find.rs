//! State of the finding overlays: the figure finder, text search, the
//! timeline and the tag comparison.

use crate::lookup::{Finder, Hit, Index};
use crate::model::{BriefIdx, SectionRef};
use crate::search::{BlockHit, LineMatch};

#[derive(Default)]
pub struct FinderState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub cursor: usize,
    pub index: Option<Index>,
    pub engine: Finder,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Brief,
    Library,
}

#[derive(Debug, Default)]
pub struct SearchState {
    pub query: String,
    pub scope: Scope,
    /// Matches in the current layout, in reading order.
    pub matches: Vec<LineMatch>,
    pub current: Option<usize>,
    /// What `matches` was computed for: brief, width, query.
    pub(crate) computed_for: Option<(BriefIdx, usize, String)>,
    /// Library-wide hits, grouped by brief in library order.
    pub lib_hits: Vec<(BriefIdx, BlockHit)>,
    pub cursor: usize,
}

#[derive(Debug, Default)]
pub struct TimelineState {
    pub cursor: usize,
}

#[derive(Debug, Default)]
pub struct CompareState {
    /// The tag being compared; `None` shows the list of tags.
    pub tag: Option<String>,
    pub cursor: usize,
}

/// One row of the timeline: a year heading or an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimelineRow {
    Year(u16),
    Event { index: usize, to: SectionRef },
}
