//! Ranking: each query word's weight over every distinct text (memoized
//! while it stays in the query), then every figure scored from its
//! fields, BM25-style.

use super::index::{Entry, Index};
use super::{FIELDS, Hit, SORTED};
use crate::query::{self, Analyzer, Kind, Query, QueryWord};

/// Field weights: value, id, label, tags, source, brief, section, text.
pub(super) const WEIGHTS: [f32; FIELDS] = [3.0, 1.0, 3.0, 1.5, 1.0, 0.5, 1.0, 1.5];
/// Weight of the glossary terms a figure's words call up.
pub(super) const GLOSS_WEIGHT: f32 = 1.2;
const K1: f32 = 1.2;
const B: f32 = 0.5;
/// A figure scoring below this share of the best is not listed.
const REL_FLOOR: f32 = 0.3;
/// Nor one covering less than this share of the query's needed words
/// (weighted by rarity).
const MIN_COVER: f32 = 0.3;
/// How many entries are ranked between two looks at the cancel flag.
pub(super) const CANCEL_EVERY: usize = 2048;
/// At most this many completions of a prefix are tried.
const MAX_COMPLETIONS: usize = 64;

/// How a query word met a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Exact,
    Prefix,
    Typo,
}

impl How {
    pub fn name(self) -> &'static str {
        match self {
            Self::Exact => "word",
            Self::Prefix => "prefix",
            Self::Typo => "typo",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Expansion {
    pub term: u32,
    pub quality: f32,
    pub how: How,
}

/// The terms a query word stands for: its own stem, the words it begins
/// (the library's most common first), and for a word the library lacks,
/// words one or two typos away.
pub(super) fn expand(index: &Index, w: &QueryWord) -> Vec<Expansion> {
    let mut out: Vec<Expansion> = Vec::new();
    let mut add = |term: u32, quality: f32, how: How| match out.iter_mut().find(|e| e.term == term)
    {
        Some(e) if e.quality < quality => {
            e.quality = quality;
            e.how = how;
        }
        Some(_) => {}
        None => out.push(Expansion { term, quality, how }),
    };
    let number = w.kind == Kind::Number;
    let exact = index
        .stems
        .get(&w.stem)
        .or_else(|| index.surface_term.get(&w.norm));
    if let Some(&t) = exact {
        add(t, 1.0, How::Exact);
    }
    let lo = index
        .surfaces
        .partition_point(|(s, _, _)| s.as_str() < w.norm.as_str());
    let mut completions: Vec<(u32, usize)> = index.surfaces[lo..]
        .iter()
        .take_while(|(s, _, _)| s.starts_with(w.norm.as_str()))
        .filter(|(s, _, num)| *num == number && s.len() > w.norm.len())
        .map(|(s, t, _)| (*t, s.chars().count()))
        .collect();
    let texts = |t: u32| index.term_texts.get(t as usize).copied().unwrap_or(0);
    completions.sort_by_key(|&(t, _)| std::cmp::Reverse(texts(t)));
    completions.truncate(MAX_COMPLETIONS);
    let most = completions
        .iter()
        .map(|&(t, _)| texts(t))
        .max()
        .unwrap_or(1)
        .max(1) as f32;
    let typed = w.norm.chars().count() as f32;
    for (t, len) in completions {
        let common = texts(t) as f32 / most;
        add(
            t,
            0.4 + 0.45 * common + 0.15 * typed / len as f32,
            How::Prefix,
        );
    }
    let chars = w.norm.chars().count();
    // A longer form of a library word (`japanese` for `japan`).
    if exact.is_none() && !number {
        let shortest = 4.max(chars * 3 / 5);
        for (i, _) in w.norm.char_indices().skip(shortest) {
            if let Some(&t) = index.surface_term.get(&w.norm[..i]) {
                add(t, 0.6, How::Prefix);
            }
        }
    }
    if exact.is_none() && !number && chars >= 4 {
        let first = w.norm.chars().next();
        let allowed = if chars <= 5 { 1 } else { 2 };
        for (s, t, num) in &index.surfaces {
            if *num || s.chars().next() != first || s.len().abs_diff(w.norm.len()) > allowed {
                continue;
            }
            let d = strsim::damerau_levenshtein(&w.norm, s);
            if d <= allowed {
                add(*t, if d <= 1 { 0.75 } else { 0.6 }, How::Typo);
            }
        }
    }
    out
}

/// One query word's weights over the index's texts and glossary terms.
pub(super) struct Memo {
    pub key: (String, Kind),
    pub exps: Vec<Expansion>,
    /// Per text: the best quality times the length-normalised count.
    pub tscore: Vec<f32>,
    /// Per glossary term: the best quality of a word of its names.
    pub gscore: Vec<f32>,
}

impl Memo {
    fn new(index: &Index, w: &QueryWord) -> Self {
        let exps = expand(index, w);
        let mut tscore = vec![0f32; index.texts.len()];
        for e in &exps {
            for (text, tf) in index.postings(e.term) {
                let len = index
                    .texts
                    .get(text as usize)
                    .map_or(1.0, |t| f32::from(t.len));
                let v = e.quality * f32::from(tf) / (1.0 - B + B * len / index.avg_len.max(1.0));
                if let Some(s) = tscore.get_mut(text as usize) {
                    *s = s.max(v);
                }
            }
        }
        let gscore = index
            .gloss_terms
            .iter()
            .map(|ts| {
                exps.iter()
                    .filter(|e| ts.binary_search(&e.term).is_ok())
                    .map(|e| e.quality)
                    .fold(0.0, f32::max)
            })
            .collect();
        Self {
            key: (w.norm.clone(), w.kind),
            exps,
            tscore,
            gscore,
        }
    }

    /// The word's weighted count in an entry, before saturation.
    pub fn tf(&self, index: &Index, e: &Entry) -> f32 {
        let mut tf = 0.0;
        for (f, &t) in e.fields.iter().enumerate() {
            tf += WEIGHTS[f] * self.tscore.get(t as usize).copied().unwrap_or(0.0);
        }
        let g = index
            .gloss(e)
            .iter()
            .map(|&g| self.gscore.get(usize::from(g)).copied().unwrap_or(0.0))
            .fold(0.0, f32::max);
        tf + GLOSS_WEIGHT * g
    }
}

pub(super) fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

pub(super) fn saturate(tf: f32) -> f32 {
    tf * (K1 + 1.0) / (tf + K1)
}

/// How much a word counts: filler words barely, words like `share` half.
pub(super) fn word_weight(w: &QueryWord) -> f32 {
    if w.filler {
        0.15
    } else if w.soft {
        0.5
    } else {
        1.0
    }
}

pub(super) fn needed(w: &QueryWord) -> bool {
    !w.filler && !w.soft
}

/// A reusable ranker. It remembers each query word's weights, so that the
/// words already typed cost nothing when one more is typed.
#[derive(Default)]
pub struct Finder {
    /// The index the memos belong to.
    index: Option<u64>,
    pub(super) an: Analyzer,
    pub(super) memos: Vec<Memo>,
    /// For highlighting: the query, and the terms its words stand for.
    hl: Option<(String, rustc_hash::FxHashSet<u32>)>,
}

impl Finder {
    /// Ranks the index by `query`, best first; ties keep library order.
    pub fn rank(&mut self, index: &Index, query: &str) -> Vec<Hit> {
        self.rank_until(index, query, &|| false).unwrap_or_default()
    }

    /// Makes sure there is a memo for every word of `q`, forgetting the
    /// others; returns each word's memo slot.
    pub(super) fn prepare(&mut self, index: &Index, q: &Query) -> Vec<usize> {
        if self.index != Some(index.id) {
            self.index = Some(index.id);
            self.memos.clear();
            self.hl = None;
        }
        self.memos.retain(|m| {
            q.words
                .iter()
                .any(|w| m.key.0 == w.norm && m.key.1 == w.kind)
        });
        q.words
            .iter()
            .map(|w| {
                self.memos
                    .iter()
                    .position(|m| m.key.0 == w.norm && m.key.1 == w.kind)
                    .unwrap_or_else(|| {
                        self.memos.push(Memo::new(index, w));
                        self.memos.len() - 1
                    })
            })
            .collect()
    }

    /// Like [`Finder::rank`], but gives up (returning `None`, and
    /// forgetting nothing it knew) as soon as `cancel` says so; it asks
    /// every couple of thousand figures.
    pub fn rank_until(
        &mut self,
        index: &Index,
        query: &str,
        cancel: &dyn Fn() -> bool,
    ) -> Option<Vec<Hit>> {
        let q = query::parse(query, &self.an);
        let slots = self.prepare(index, &q);
        let words = q.words.len();
        // Pass 1: each word's count in each figure that passes the filters.
        let mut cands: Vec<usize> = Vec::new();
        let mut tfs: Vec<f32> = Vec::new();
        let mut df = vec![0usize; words];
        for (i, e) in index.entries.iter().enumerate() {
            if i % CANCEL_EVERY == CANCEL_EVERY - 1 && cancel() {
                return None;
            }
            if !passes_filters(index, e, &q) {
                continue;
            }
            let at = tfs.len();
            let mut any = false;
            for (w, &slot) in slots.iter().enumerate() {
                let tf = self.memos[slot].tf(index, e);
                if tf > 0.0 {
                    any = true;
                    df[w] += 1;
                }
                tfs.push(tf);
            }
            if any || words == 0 {
                cands.push(i);
            } else {
                tfs.truncate(at);
            }
        }
        // Pass 2: scores, and how much of the query each figure covers.
        let n = index.entries.len();
        let idfs: Vec<f32> = df.iter().map(|&d| idf(n, d)).collect();
        let need: f32 = q
            .words
            .iter()
            .zip(&idfs)
            .filter(|(w, _)| needed(w))
            .map(|(_, i)| i)
            .sum();
        let mut hits: Vec<(usize, f32)> = Vec::with_capacity(cands.len());
        let mut best = 0f32;
        for (c, &i) in cands.iter().enumerate() {
            let row = &tfs[c * words..(c + 1) * words];
            let mut score = 0.0;
            let mut covered = 0.0;
            for ((w, &tf), &idf) in q.words.iter().zip(row).zip(&idfs) {
                if tf > 0.0 {
                    score += word_weight(w) * idf * saturate(tf);
                    if needed(w) {
                        covered += idf;
                    }
                }
            }
            if need > 0.0 && covered < MIN_COVER * need {
                continue;
            }
            best = best.max(score);
            hits.push((i, score));
        }
        hits.retain(|&(_, s)| s >= REL_FLOOR * best);
        let order = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if hits.len() > SORTED {
            hits.select_nth_unstable_by(SORTED, order);
        }
        let head = hits.len().min(SORTED);
        hits[..head].sort_by(order);
        Some(
            hits.into_iter()
                .map(|(i, score)| Hit {
                    figure: index.entries[i].figure,
                    entry: i,
                    score,
                })
                .collect(),
        )
    }

    /// Character indices of `field` (one of the entry's fields) holding a
    /// word the query matched, for highlighting.
    pub fn indices(&mut self, index: &Index, e: &Entry, field: usize, query: &str) -> Vec<u32> {
        if self.index != Some(index.id) {
            self.index = Some(index.id);
            self.memos.clear();
            self.hl = None;
        }
        if self.hl.as_ref().is_none_or(|(q, _)| q != query) {
            let q = query::parse(query, &self.an);
            let mut terms = rustc_hash::FxHashSet::default();
            for w in &q.words {
                for x in expand(index, w) {
                    terms.insert(x.term);
                }
            }
            self.hl = Some((query.to_owned(), terms));
        }
        let (Some((_, terms)), Some(text)) = (&self.hl, index.field(e, field)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for tok in query::words(text) {
            let hit = index
                .surface_term
                .get(&tok.norm)
                .is_some_and(|t| terms.contains(t));
            if hit {
                let start = text.get(..tok.range.start).map_or(0, |s| s.chars().count());
                let len = text.get(tok.range.clone()).map_or(0, |s| s.chars().count());
                out.extend((start..start + len).map(|c| c as u32));
            }
        }
        out
    }
}

pub(super) fn passes_filters(index: &Index, e: &Entry, q: &Query) -> bool {
    q.tags.iter().all(|t| index.tags(e).any(|ft| ft == t))
        && (q.briefs.is_empty()
            || index
                .briefs
                .get(e.figure.brief.0)
                .is_some_and(|(id, title)| {
                    q.briefs
                        .iter()
                        .any(|b| id.starts_with(b.as_str()) || title.starts_with(b.as_str()))
                }))
}
