//! One query word's weights: the terms it stands for (its stem, the
//! words it begins, words a typo away), and its weight in every text,
//! glossary term and figure of the index, kept while the word stays in
//! the query.

use super::index::{Entry, Index};
use super::{FIELDS, IDENTITY};
use crate::query::{Kind, QueryWord, Unit};

/// Field weights: value, id, label, tags, source, brief, section, text,
/// measure, kind.
pub(super) const WEIGHTS: [f32; FIELDS] = [3.0, 1.0, 3.0, 1.5, 1.0, 0.5, 1.0, 1.5, 1.0, 0.5];
/// Weight of the glossary terms a figure's words call up.
pub(super) const GLOSS_WEIGHT: f32 = 1.2;
const K1: f32 = 1.2;
const B: f32 = 0.5;
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

/// What a memo is kept for: a word as typed, its kind, whether it may be
/// a prefix and its unit.
/// The last part: the glossary terms the word meets as part of a name of
/// several words the query holds whole.
pub(super) type Key = (String, Kind, bool, Option<Unit>, Vec<u16>);

pub(super) fn key(w: &QueryWord, phrases: Vec<u16>) -> Key {
    (w.norm.clone(), w.kind, w.prefix, w.unit, phrases)
}

/// Per word of `q`, the glossary terms it meets through a name of several
/// words that the query holds whole and in order (question words skipped):
/// `host nation support` meets the SMA, `troops` alone does not.
pub(super) fn phrases(index: &Index, q: &crate::query::Query) -> Vec<Vec<u16>> {
    let mut out = vec![Vec::new(); q.words.len()];
    let content: Vec<(usize, Option<u32>)> = q
        .words
        .iter()
        .enumerate()
        .filter(|(_, w)| !w.filler)
        .map(|(i, w)| {
            let t = index
                .stems
                .get(&w.stem)
                .or_else(|| index.surface_term.get(&w.norm))
                .copied();
            (i, t)
        })
        .collect();
    for (terms, g) in &index.gloss_phrases {
        for run in content.windows(terms.len()) {
            if run
                .iter()
                .zip(terms)
                .all(|((_, t), want)| *t == Some(*want))
            {
                for (i, _) in run {
                    if let Some(o) = out.get_mut(*i)
                        && !o.contains(g)
                    {
                        o.push(*g);
                    }
                }
            }
        }
    }
    for o in &mut out {
        o.sort_unstable();
    }
    out
}

/// The terms a query word stands for: its own stem (a number with a unit:
/// that number with that unit only), the words it begins when it is the
/// word being typed (the library's most common first), and for a word the
/// library lacks, words one or two typos away. Never a shorter word.
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
    if w.filler {
        return out;
    }
    let number = w.kind == Kind::Number;
    if let (true, Some(u)) = (number, w.unit) {
        if let Some(&t) = index.stems.get(&crate::query::with_unit(&w.norm, u)) {
            add(t, 1.0, How::Exact);
        }
        return out;
    }
    let exact = index
        .stems
        .get(&w.stem)
        .or_else(|| index.surface_term.get(&w.norm));
    if let Some(&t) = exact {
        add(t, 1.0, How::Exact);
    }
    let list = if number {
        &index.number_surfaces
    } else {
        &index.surfaces
    };
    let lo = list.partition_point(|(s, _)| s.as_str() < w.norm.as_str());
    let typed_part = if w.prefix { &list[lo..] } else { &[][..] };
    let mut completions: Vec<(u32, usize)> = typed_part
        .iter()
        .take_while(|(s, _)| s.starts_with(w.norm.as_str()))
        .filter(|(s, _)| s.len() > w.norm.len())
        .take(4 * MAX_COMPLETIONS)
        .map(|(s, t)| (*t, s.chars().count()))
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
    if exact.is_none() && !number && chars >= 4 {
        let first = w.norm.chars().next();
        let allowed = if chars <= 5 { 1 } else { 2 };
        for (s, t) in &index.surfaces {
            if s.chars().next() != first || s.len().abs_diff(w.norm.len()) > allowed {
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
    pub key: Key,
    pub exps: Vec<Expansion>,
    /// Per text: the best quality times the length-normalised count.
    pub tscore: Vec<f32>,
    /// Per glossary term: the best quality of a word of its names.
    pub gscore: Vec<f32>,
    /// Per entry: the word's weighted count (see [`Memo::tf`]).
    pub entry_tf: Vec<f32>,
    /// How many entries hold the word.
    pub df: usize,
    /// Per entry: the word meets its identity (see [`super::IDENTITY`]).
    pub entry_ident: Vec<bool>,
}

impl Memo {
    pub fn new(index: &Index, w: &QueryWord, phrases: Vec<u16>) -> Self {
        let exps = expand(index, w);
        let mut tscore = vec![0f32; index.texts.len()];
        // The texts the word meets, each once.
        let mut touched: Vec<u32> = Vec::new();
        for e in &exps {
            for (text, tf) in index.postings(e.term) {
                let norm = index.text_norm.get(text as usize).copied().unwrap_or(1.0);
                let v = e.quality * f32::from(tf) * norm;
                if let Some(s) = tscore.get_mut(text as usize) {
                    if *s == 0.0 && v > 0.0 {
                        touched.push(text);
                    }
                    *s = s.max(v);
                }
            }
        }
        let gscore = index
            .gloss_terms
            .iter()
            .enumerate()
            .map(|(g, ts)| {
                let whole = u16::try_from(g).is_ok_and(|g| phrases.contains(&g));
                exps.iter()
                    .filter(|e| ts.binary_search(&e.term).is_ok())
                    .map(|e| e.quality)
                    .fold(if whole { 1.0 } else { 0.0 }, f32::max)
            })
            .collect();
        let mut m = Self {
            key: key(w, phrases),
            exps,
            tscore,
            gscore,
            entry_tf: Vec::new(),
            df: 0,
            entry_ident: Vec::new(),
        };
        // From the texts and glossary terms met to the entries using
        // them: the cost is what the word meets, not the library's size.
        let n = index.entries.len();
        let mut own = [false; FIELDS];
        for &f in &IDENTITY {
            own[f] = true;
        }
        m.entry_tf = vec![0.0; n];
        m.entry_ident = vec![false; n];
        let users: usize = touched
            .iter()
            .map(|&t| index.inverse.text_users(t as usize).len())
            .sum();
        if users > n * FIELDS / 2 {
            // A word met nearly everywhere (`s`, typed first): one pass
            // over the entries reads less than the users of its texts.
            for (e, (tf, id)) in index
                .entries
                .iter()
                .zip(m.entry_tf.iter_mut().zip(m.entry_ident.iter_mut()))
            {
                for (f, &t) in e.fields.iter().enumerate() {
                    let weight = m.tscore.get(t as usize).copied().unwrap_or(0.0);
                    if weight > 0.0 {
                        *tf += WEIGHTS[f] * weight;
                        *id |= own[f];
                    }
                }
            }
        } else {
            for &text in &touched {
                let weight = m.tscore.get(text as usize).copied().unwrap_or(0.0);
                for user in index.inverse.text_users(text as usize) {
                    let (entry, field) = (user.entry, usize::from(user.what));
                    if let (Some(tf), Some(id)) = (
                        m.entry_tf.get_mut(entry as usize),
                        m.entry_ident.get_mut(entry as usize),
                    ) {
                        *tf += WEIGHTS.get(field).copied().unwrap_or(0.0) * weight;
                        *id |= own.get(field).copied().unwrap_or(false);
                    }
                }
            }
        }
        // Each entry adds its best glossary term's weight once: the terms
        // met are taken best first and an entry seen is marked.
        let mut met: Vec<(usize, f32)> = m
            .gscore
            .iter()
            .enumerate()
            .filter(|&(_, &s)| s > 0.0)
            .map(|(g, &s)| (g, s))
            .collect();
        if !met.is_empty() {
            met.sort_by(|a, b| b.1.total_cmp(&a.1));
            let mut seen = vec![0u64; n.div_ceil(64)];
            for (g, s) in met {
                for user in index.inverse.gloss_users(g) {
                    let (e, ident) = (user.entry as usize, user.what != 0);
                    if let (Some(word), Some(tf), Some(id)) = (
                        seen.get_mut(e / 64),
                        m.entry_tf.get_mut(e),
                        m.entry_ident.get_mut(e),
                    ) {
                        let bit = 1u64 << (e % 64);
                        if *word & bit == 0 {
                            *word |= bit;
                            *tf += GLOSS_WEIGHT * s;
                        }
                        *id |= ident;
                    }
                }
            }
        }
        m.df = m.entry_tf.iter().filter(|&&t| t > 0.0).count();
        m
    }

    /// The best weight among glossary terms `gs`.
    fn gloss_max(&self, gs: &[u16]) -> f32 {
        gs.iter()
            .map(|&g| self.gscore.get(usize::from(g)).copied().unwrap_or(0.0))
            .fold(0.0, f32::max)
    }

    /// The word's weighted count in an entry, before saturation.
    pub fn tf(&self, index: &Index, e: &Entry) -> f32 {
        let mut tf = 0.0;
        for (f, &t) in e.fields.iter().enumerate() {
            tf += WEIGHTS[f] * self.tscore.get(t as usize).copied().unwrap_or(0.0);
        }
        tf + GLOSS_WEIGHT * self.gloss_max(index.gloss(e))
    }
}

/// BM25's length normalisation of a count in a text of `len` words.
pub(super) fn length_norm(len: f32, avg_len: f32) -> f32 {
    (1.0 - B + B * len / avg_len.max(1.0)).recip()
}

pub(super) fn idf(n: usize, df: usize) -> f32 {
    let (n, df) = (n as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

pub(super) fn saturate(tf: f32) -> f32 {
    tf * (K1 + 1.0) / (tf + K1)
}

/// How much a word counts: filler words not at all, words like `share`
/// half.
pub(super) fn word_weight(w: &QueryWord) -> f32 {
    if w.filler {
        0.0
    } else if w.soft {
        0.5
    } else {
        1.0
    }
}

pub(super) fn needed(w: &QueryWord) -> bool {
    !w.filler && !w.soft
}
