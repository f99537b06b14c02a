//! Answer or related: a ranked figure answers a query when its own
//! identity (value, id, label, tags, measure, kind, and the glossary terms
//! those call up) meets the query's distinctive words, weighted by how
//! rare each is, and it is the sort of number the question asks for.
//! One met only through its section, the body around it or its brief's
//! name is related. The thresholds come from the labelled questions of
//! `tests/lookup_queries.rs`.

use super::index::Traits;
use crate::model::FigureKind;
use crate::query::Query;

/// The share of the query's distinctive words (by rarity) an answer's
/// identity must meet. Read from the labelled set's sweep
/// (`the_answer_threshold_is_read_from_the_labelled_set`): from 0.35 to 0.5
/// the set does best; below 0.5 an unanswerable question gets an answer,
/// above it paraphrases lose theirs.
pub(super) const ANSWER_COVER: f32 = 0.5;
/// And an answer scores at least this share of the best answer: a
/// figure far behind it is related.
pub(super) const ANSWER_REL: f32 = 0.5;

/// What sort of number a question asks for, from its words.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Wanted {
    /// `when...`, `what year`, `which date`: a date, and no figure is one
    /// (dates are events, on the timeline).
    date: bool,
    /// `how many`, `number of`: a count of things or people, never a sum
    /// of money nor a share of something other than people polled.
    counted: bool,
}

impl Wanted {
    pub(super) fn of(q: &Query) -> Self {
        let norms: Vec<&str> = q.words.iter().map(|w| w.norm.as_str()).collect();
        let pair = |a: &[&str], b: &[&str]| {
            norms
                .windows(2)
                .any(|p| a.contains(&p[0]) && b.contains(&p[1]))
        };
        let date = norms.first() == Some(&"when")
            || norms.iter().any(|w| matches!(*w, "date" | "dated"))
            || pair(&["what", "which"], &["year", "month", "day"]);
        let counted = pair(&["how"], &["many"]) || norms.contains(&"number");
        Self { date, counted }
    }

    /// True if a figure like `e` can be what is asked for.
    pub(super) fn allows(self, e: &Traits) -> bool {
        if self.date {
            return false;
        }
        if self.counted {
            return match e.kind() {
                Some(FigureKind::Money) => false,
                Some(FigureKind::Share) => e.poll(),
                _ => true,
            };
        }
        true
    }
}
