//! What the cache keeps of a parsed file and how it is read back: a
//! summary a start reads for every file (the brief's outline, its digest
//! and its problems) and a detail read when the brief is first asked for
//! its figures, with the sentences that mention them.

use std::sync::Arc;
use std::sync::mpsc::TrySendError;

use rusqlite::params;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use std::path::PathBuf;

use super::{Cache, Key, Row};
use crate::diag::{Diagnostic, Pos, Severity};
use crate::library::Parsed;
use crate::model::{
    Brief, Detail, Digest, Event, Fetch, Fetched, Fetcher, Figure, Links, Mention, Meta, Origin,
    Sections, SourceFile,
};

/// What a parse of one file gave, as a start reads it: the brief's
/// outline without its text (read again from the file when opened) or
/// its detail.
#[derive(Serialize)]
struct Summary<'a> {
    /// The file's name as shown when it was parsed: its problems carry it.
    shown: &'a str,
    diags: Problems<'a>,
    brief: Option<Outline<'a>>,
    bad: bool,
    failed: Option<&'a str>,
}

#[derive(Serialize)]
struct Outline<'a> {
    meta: &'a Meta,
    /// The sections encoded on their own, decoded when first looked at
    /// (see [`Sections`]), and how many.
    sections: Vec<u8>,
    section_count: usize,
    /// The links encoded on their own, decoded when first looked at (see
    /// [`Links`]), and how many.
    links: Vec<u8>,
    link_count: usize,
    digest: &'a Digest,
    origin: &'a Origin,
    body_start: usize,
}

/// A brief's detail as stored, with the sentences that mention each
/// figure.
#[derive(Serialize)]
struct DetailRecord<'a> {
    figures: &'a [Figure],
    mentions: &'a [Mention],
    events: &'a [Event],
    said: &'a [String],
}

#[derive(Deserialize)]
struct OwnedSummary<'a> {
    shown: String,
    diags: OwnedProblems,
    #[serde(borrow)]
    brief: Option<OwnedOutline<'a>>,
    bad: bool,
    failed: Option<String>,
}

#[derive(Deserialize)]
struct OwnedOutline<'a> {
    meta: Meta,
    sections: &'a [u8],
    section_count: usize,
    links: &'a [u8],
    link_count: usize,
    digest: Digest,
    origin: Origin,
    body_start: usize,
}

#[derive(Deserialize)]
struct OwnedDetail {
    figures: Vec<Figure>,
    mentions: Vec<Mention>,
    events: Vec<Event>,
    said: Vec<String>,
}

/// A file's problems, each distinct path and message written once: a
/// library whose tag vocabulary lags has the same warning many times.
#[derive(Serialize)]
struct Problems<'a> {
    paths: Vec<&'a str>,
    messages: Vec<&'a str>,
    /// Severity, place, and the path's and message's places above.
    each: Vec<(Severity, Option<Pos>, u32, u32)>,
}

impl<'a> Problems<'a> {
    fn of(diags: &'a [Diagnostic]) -> Self {
        let mut paths = Distinct::default();
        let mut messages = Distinct::default();
        let each = diags
            .iter()
            .map(|d| {
                let p = paths.place(&d.path);
                (d.severity, d.pos, p, messages.place(&d.message))
            })
            .collect();
        Self {
            paths: paths.items,
            messages: messages.items,
            each,
        }
    }
}

/// Distinct strings in the order first met.
#[derive(Default)]
struct Distinct<'a> {
    items: Vec<&'a str>,
    at: FxHashMap<&'a str, u32>,
}

impl<'a> Distinct<'a> {
    /// Where `s` is among the items, added if new.
    fn place(&mut self, s: &'a str) -> u32 {
        *self.at.entry(s).or_insert_with(|| {
            self.items.push(s);
            u32::try_from(self.items.len() - 1).unwrap_or(u32::MAX)
        })
    }
}

#[derive(Deserialize)]
struct OwnedProblems {
    paths: Vec<String>,
    messages: Vec<String>,
    each: Vec<(Severity, Option<Pos>, u32, u32)>,
}

impl OwnedProblems {
    /// The problems, with one string per distinct path and message; the
    /// path `was` is named `now` (the file as this start shows it).
    /// `None` if a problem names a path or message that is not there.
    fn into_diags(self, was: &str, now: &str) -> Option<Vec<Diagnostic>> {
        let paths: Vec<Arc<str>> = self
            .paths
            .iter()
            .map(|p| Arc::from(if p == was { now } else { p.as_str() }))
            .collect();
        let messages: Vec<Arc<str>> = self.messages.into_iter().map(Arc::from).collect();
        // Made at its size: collected into an `Option`, the list grew from
        // nothing, three times over for a brief's 16 warnings, at 10,000
        // briefs a start.
        let mut diags = Vec::with_capacity(self.each.len());
        for (severity, pos, p, m) in self.each {
            diags.push(Diagnostic {
                severity,
                path: Arc::clone(paths.get(p as usize)?),
                pos,
                message: Arc::clone(messages.get(m as usize)?),
            });
        }
        Some(diags)
    }
}

/// How many summaries are decoded at a time.
const CHUNK: usize = 128;

/// A summary read, to decode: the file's place in the load and its key.
type Raw = (usize, Key, Vec<u8>);

/// The parse of `key`'s file from its stored summary, as a brief whose
/// detail is read from `cache` when asked for; `None` if it does not read
/// back (the file is parsed).
fn decode(key: Key, data: &[u8], cache: &Cache) -> Option<Parsed> {
    let r: OwnedSummary = postcard::from_bytes(data).ok()?;
    // The library may be named another way than when the file was parsed
    // (its folder given by a relative path, then a full one): its
    // problems name it as it is shown now.
    let diags = r.diags.into_diags(&r.shown, &key.shown)?;
    let brief = r.brief.map(|p| {
        let fetch = cache.fetcher(&key);
        let source = SourceFile::deferred(key.shown, p.origin, p.body_start, key.stamp);
        let links = Links::packed(p.links.into(), p.link_count);
        let sections = Sections::encoded(p.sections.into(), p.section_count);
        Brief::deferred(p.meta, sections, links, p.digest, source, fetch)
    });
    Some(Parsed {
        diags,
        brief: brief.map(|b| (b, r.bad)),
        failed: r.failed,
    })
}

impl Cache {
    /// The stored parse of each file of `roots` that `wanted` names (by
    /// file id: its place in the load and its key), if the row is of the
    /// file as the key says. The rows are read in one pass (a query per
    /// file costs a large library's start more than the rows) and decoded
    /// [`CHUNK`] at a time: with `workers` above one, a helper decodes
    /// while the rows are read (at most four chunks of raw summaries are
    /// held at once), then both decode what is left.
    pub(in crate::library) fn kept(
        &self,
        roots: &[PathBuf],
        mut wanted: FxHashMap<String, (usize, Key)>,
        workers: usize,
    ) -> Vec<(usize, Parsed)> {
        let decode_chunk = |chunk: Vec<Raw>| -> Vec<(usize, Parsed)> {
            chunk
                .into_iter()
                .filter_map(|(n, key, data)| decode(key, &data, self).map(|p| (n, p)))
                .collect()
        };
        // The rows are read on this thread while a helper decodes the
        // chunks already read; once all are read, this thread decodes too.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Raw>>(2);
        let rx = std::sync::Mutex::new(rx);
        let take = || {
            rx.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .recv()
                .ok()
        };
        let mut out = Vec::new();
        std::thread::scope(|scope| {
            let helper = (workers > 1)
                .then(|| {
                    std::thread::Builder::new()
                        .name("briefing-decode".into())
                        .spawn_scoped(scope, || {
                            let mut done = Vec::new();
                            while let Some(chunk) = take() {
                                done.extend(decode_chunk(chunk));
                            }
                            done
                        })
                        .ok()
                })
                .flatten();
            let hand = |chunk: Vec<Raw>, out: &mut Vec<(usize, Parsed)>| {
                // With no helper, or the helper behind, this thread
                // decodes the chunk itself.
                let chunk = if helper.is_some() {
                    match tx.try_send(chunk) {
                        Ok(()) => return,
                        Err(TrySendError::Full(c) | TrySendError::Disconnected(c)) => c,
                    }
                } else {
                    chunk
                };
                out.extend(decode_chunk(chunk));
            };
            self.read_rows(roots, &mut wanted, |chunk| hand(chunk, &mut out));
            drop(tx);
            while let Some(chunk) = take() {
                out.extend(decode_chunk(chunk));
            }
            if let Some(h) = helper {
                match h.join() {
                    Ok(done) => out.extend(done),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        });
        out
    }

    /// Reads the summaries of `wanted` under `roots` (those whose row is of
    /// the file as its key says), handing them on [`CHUNK`] at a time.
    fn read_rows(
        &self,
        roots: &[PathBuf],
        wanted: &mut FxHashMap<String, (usize, Key)>,
        mut hand: impl FnMut(Vec<Raw>),
    ) {
        let conn = self.conn();
        let mut chunk = Vec::with_capacity(CHUNK);
        if let Ok(mut q) =
            conn.prepare_cached("SELECT id, len, modified, summary FROM files WHERE root = ?1")
        {
            for root in roots {
                let Ok(mut rows) = q.query(params![root.display().to_string()]) else {
                    continue;
                };
                while let Ok(Some(row)) = rows.next() {
                    let Ok(id) = row.get_ref(0).and_then(|v| Ok(v.as_str()?)) else {
                        continue;
                    };
                    let Some((n, key)) = wanted.remove(id) else {
                        continue;
                    };
                    let len = row
                        .get::<_, i64>(1)
                        .ok()
                        .and_then(|l| u64::try_from(l).ok());
                    let modified = row.get::<_, i64>(2).ok();
                    if (len, modified) != (Some(key.stamp.len), Some(key.stamp.modified)) {
                        continue;
                    }
                    let Ok(data) = row.get_ref(3).and_then(|v| Ok(v.as_blob()?.to_vec())) else {
                        continue;
                    };
                    chunk.push((n, key, data));
                    if chunk.len() == CHUNK {
                        hand(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK)));
                    }
                }
            }
        }
        if !chunk.is_empty() {
            hand(chunk);
        }
    }

    /// Where the brief of `key`'s file reads its detail from: its row.
    fn fetcher(&self, key: &Key) -> Fetcher {
        Arc::new(Stored {
            cache: self.clone(),
            id: key.id(),
        })
    }

    /// What to store of one file's parse.
    pub(in crate::library) fn record(key: Key, parsed: &Parsed) -> Option<Row> {
        let (sections, links) = match &parsed.brief {
            Some((b, _)) => (Sections::encode(&b.sections)?, Links::encode(&b.links)?),
            None => (Vec::new(), Vec::new()),
        };
        let summary = Summary {
            shown: &key.shown,
            diags: Problems::of(&parsed.diags),
            brief: parsed.brief.as_ref().map(|(b, _)| Outline {
                meta: &b.meta,
                sections,
                section_count: b.sections.count(),
                links,
                link_count: b.links.count(),
                digest: &b.digest,
                origin: &b.source.origin,
                body_start: b.source.body_start,
            }),
            bad: parsed.brief.as_ref().is_some_and(|(_, bad)| *bad),
            failed: parsed.failed.as_deref(),
        };
        let detail = match &parsed.brief {
            Some((b, _)) => postcard::to_stdvec(&DetailRecord {
                figures: b.figures(),
                mentions: b.mentions(),
                events: b.events(),
                said: b.said(),
            }),
            None => postcard::to_stdvec(&DetailRecord {
                figures: &[],
                mentions: &[],
                events: &[],
                said: &[],
            }),
        }
        .ok()?;
        let summary = postcard::to_stdvec(&summary).ok()?;
        let body = parsed
            .brief
            .as_ref()
            .filter(|(b, _)| b.source.is_read())
            .map(|(b, _)| searched_text(b));
        Some(Row {
            key,
            summary,
            detail,
            body,
        })
    }

    /// The stored detail of row `id`, if its file is still as `source`
    /// read it.
    fn stored_detail(&self, id: &str, source: &SourceFile) -> Option<Fetched> {
        let stamp = source.stamp()?;
        let data: Vec<u8> = self
            .conn()
            .prepare_cached("SELECT detail FROM files WHERE id = ?1 AND len = ?2 AND modified = ?3")
            .ok()?
            .query_row(
                params![id, i64::try_from(stamp.len).ok()?, stamp.modified],
                |r| r.get(0),
            )
            .ok()?;
        let d: OwnedDetail = postcard::from_bytes(&data).ok()?;
        let detail = Detail {
            figures: d.figures,
            mentions: d.mentions,
            events: d.events,
        };
        Some((detail, Some(d.said)))
    }
}

/// One file's row, where its brief's detail is kept.
struct Stored {
    cache: Cache,
    id: String,
}

impl std::fmt::Debug for Stored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Stored")
            .field("cache", &self.cache)
            .field("id", &self.id)
            .finish()
    }
}

impl Fetch for Stored {
    /// The stored detail, or else the file parsed again (a row written
    /// over by another reader's newer parse, or lost): the cache never
    /// holds the only copy.
    fn fetch(&self, source: &SourceFile) -> Option<Fetched> {
        if let Some(kept) = self.cache.stored_detail(&self.id, source) {
            return Some(kept);
        }
        let text = source.text();
        if text.is_empty() {
            return None;
        }
        let file = SourceFile::new(
            source.name.clone(),
            source.origin.clone(),
            text.as_str().to_owned(),
        );
        let mut diags = Vec::new();
        let brief = crate::library::parse_guarded(file, &mut diags)?;
        let said = brief.said().to_vec();
        let detail = brief.detail().clone();
        Some((detail, Some(said)))
    }
}

/// What a search of the whole library reads of a brief, for the word
/// index: its body, and the metadata its lead shows above the body (the
/// front matter's figures and events are left out: a search never shows
/// them).
fn searched_text(b: &Brief) -> String {
    let m = &b.meta;
    let mut out = String::with_capacity(b.source.body().len() + 1024);
    out.push_str(b.source.body());
    for t in [&m.title, &m.short_title]
        .into_iter()
        .chain(&m.publisher)
        .chain(&m.authors)
        .chain(&m.summary)
        .chain(&m.bottom_line)
        .chain(&m.takeaways)
        .chain(&m.tags)
    {
        out.push('\n');
        out.push_str(t);
    }
    out
}
