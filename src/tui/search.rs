//! The search in the brief being read: the search line's query, where it
//! looks, and the matches the reader marks and `n` moves through.

use crate::model::BriefIdx;
use crate::search::LineMatch;

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
}

impl SearchState {
    /// "3/12": the current match and how many there are.
    pub fn count(&self) -> String {
        match self.current {
            Some(c) if !self.matches.is_empty() => format!("{}/{}", c + 1, self.matches.len()),
            _ => "0/0".to_owned(),
        }
    }
}
