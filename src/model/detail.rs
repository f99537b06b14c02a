//! What a brief holds beyond its outline, and what of it is always at
//! hand. A brief's figures, the places its text mentions them and its
//! events are its [`Detail`]: parsed with the brief, or, for a brief the
//! library's cache knew, read from the cache when first asked for. Its
//! [`Digest`] (the headline figures home shows, the measured figures and
//! keyed events that disagreements are found among, and how many of each
//! there are) is kept with the outline, so a library of thousands opens
//! without reading any brief's detail.

use std::sync::Arc;

use super::{Event, Figure, FigureIdx, Mention, SourceFile};
use crate::date::PartialDate;

/// The most headline figures a brief is summed up by (home's cards).
pub const HEADLINE: usize = 3;

/// A brief's figures, mentions and events.
#[derive(Debug, Clone, Default)]
pub struct Detail {
    pub figures: Vec<Figure>,
    pub mentions: Vec<Mention>,
    pub events: Vec<Event>,
}

/// A figure that states a measure: what disagreements are found among.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Measured {
    pub figure: FigureIdx,
    pub measure: String,
    pub as_of: Option<String>,
    pub value: String,
}

/// An event with a key shared across briefs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Keyed {
    pub event: usize,
    pub key: String,
    pub date: PartialDate,
}

/// What of a brief's detail is always at hand.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Digest {
    /// Its headline figures: those marked `headline`, else its first; at
    /// most [`HEADLINE`].
    pub headline: Vec<Figure>,
    pub figures: usize,
    pub events: usize,
    pub measured: Vec<Measured>,
    pub keyed: Vec<Keyed>,
}

impl Digest {
    pub fn of(d: &Detail) -> Self {
        let marked: Vec<&Figure> = d.figures.iter().filter(|f| f.headline).collect();
        let headline = if marked.is_empty() {
            d.figures.iter().take(HEADLINE).cloned().collect()
        } else {
            marked.into_iter().take(HEADLINE).cloned().collect()
        };
        let measured = d
            .figures
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                Some(Measured {
                    figure: FigureIdx(i),
                    measure: f.measure.clone()?,
                    as_of: f.as_of.clone(),
                    value: f.value.clone(),
                })
            })
            .collect();
        let keyed = d
            .events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                Some(Keyed {
                    event: i,
                    key: e.key.clone()?,
                    date: e.date,
                })
            })
            .collect();
        Self {
            headline,
            figures: d.figures.len(),
            events: d.events.len(),
            measured,
            keyed,
        }
    }
}

/// A brief's detail with, if known, the sentences that mention each
/// figure (see [`super::Brief::said`]).
pub type Fetched = (Detail, Option<Vec<String>>);

/// Where a brief's detail is read from when it was not parsed with it:
/// the library's cache, or else the file parsed again.
pub trait Fetch: Send + Sync + std::fmt::Debug {
    /// The detail of the brief read from `source`; `None` when it cannot
    /// be had (the file changed or went away since the library was read).
    fn fetch(&self, source: &SourceFile) -> Option<Fetched>;
}

/// A shared [`Fetch`].
pub type Fetcher = Arc<dyn Fetch>;
