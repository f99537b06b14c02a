//! Finding figures: one ranking shared by the finder and `briefing
//! figures QUERY`.
//!
//! A query is read by [`crate::query`]: words folded, numbers in one
//! spelling, stems, filler words set apart; `#tag` keeps figures with that
//! tag and `@brief` figures of briefs whose id or short title starts with
//! it. A figure ranks by how much of the query it covers, BM25-style: each
//! word counts by how rare it is in the library and how strongly it
//! occurs in the figure's value, label, tags, source, brief, section, the
//! body sentences that mention it and the glossary terms its words call up
//! (so `furlough` finds "unpaid leave"). A word matches a term exactly (by
//! stem), as the prefix of one (`exp`, weighted toward the library's most
//! common completion), or as a typo of one word (`semicondctor`); never as
//! letters scattered across words. Figures far below the best are not
//! listed.

mod answer;
mod build;
mod entry;
mod explain;
mod highlight;
mod index;
mod inverse;
mod memo;
mod names;
mod rank;
pub mod stored;
mod table;
#[cfg(test)]
mod tests;

pub use explain::{Explanation, Reason, WordReason};
pub use index::{Entry, Index};
pub use names::Names;
pub use rank::Finder;
pub use table::Table;

use crate::library::Library;
use crate::model::FigureRef;

/// One ranked figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub figure: FigureRef,
    /// Where the figure sits in the index it was ranked in.
    pub entry: usize,
    pub score: f32,
    /// The figure answers the query: its own identity (value, label,
    /// tags, measure, kind) meets the query's distinctive words. Else it
    /// is only related.
    pub answer: bool,
}

impl Eq for Hit {}

/// The fields of a figure, in this order.
pub(crate) const FIELDS: usize = 10;
pub const FIELD_VALUE: usize = 0;
pub const FIELD_LABEL: usize = 2;
/// Field names, for explanations.
pub const FIELD_NAMES: [&str; FIELDS] = [
    "value", "id", "label", "tags", "source", "brief", "section", "text", "measure", "kind",
];
/// The fields that are the figure's own identity: a query met only
/// elsewhere (its section, the body around it, its brief's name) is
/// related, never answered.
pub(crate) const IDENTITY: [usize; 6] = [0, 1, 2, 3, 8, 9];

/// The index's own tables hash with `FxHash` (as rustc does): their keys
/// come from the briefs being read, not from a network.
pub(crate) type QuickMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// How many of the best hits are returned in sorted order.
pub const SORTED: usize = 500;

/// Convenience: rank the whole library once.
pub fn search(lib: &Library, query: &str) -> Vec<Hit> {
    Finder::default().rank(&Index::new(lib), query)
}

/// The percentage a value states ("77 percent", "82.6%", "more than 80
/// percent"), if it states one.
pub fn percent(value: &str) -> Option<f64> {
    let lower = value.to_lowercase();
    let at = lower
        .find('%')
        .or_else(|| lower.find("percent").or_else(|| lower.find("per cent")))?;
    let head = lower[..at].trim_end();
    let digits = head
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
        .count();
    head[head.len() - digits..]
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|p| (0.0..=1000.0).contains(p))
}
