//! Statistic candidates in a sentence: shares, changes, counts, money,
//! durations, ranks and other quantities, each with the value exactly as
//! written (qualifier included), its kind and a suggested label.

mod units;

use serde::Serialize;

use super::lookalike;
use super::numbers::{self, Number};
use super::tokens::{Tok, tokenize};
use super::vocab;
use crate::model::FigureKind;

/// Where a sentence stands in the clean text.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// 1-based line of the clean text.
    pub line: usize,
    pub sentence: &'a str,
    /// The heading it sits under, if any.
    pub heading: Option<&'a str>,
}

/// One statistic candidate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub value: String,
    pub kind: FigureKind,
    pub line: usize,
    pub sentence: String,
    pub heading: Option<String>,
    pub id: String,
    pub label: String,
}

/// A quantity found: tokens `[start, end)` hold the value; `noun_end` marks
/// the counted noun after it, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
    /// Tokens after the value that say what it counts (`troops`).
    pub noun_end: usize,
}

impl Hit {
    fn new(start: usize, end: usize, kind: FigureKind) -> Self {
        Self {
            start,
            end,
            kind,
            noun_end: end,
        }
    }
}

/// The statistic candidates of one sentence.
pub fn scan(at: &Place<'_>) -> Vec<Candidate> {
    let toks = tokenize(at.sentence);
    let mask = lookalike::masked(at.sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if lookalike::in_mask(&mask, &toks[i]) {
            i += 1;
            continue;
        }
        match find_at(&toks, i) {
            Some(mut hit) => {
                hit.start = qualifier_start(&toks, hit.start);
                let value = &at.sentence[toks[hit.start].start..toks[hit.end - 1].end];
                out.push(Candidate {
                    value: value.to_owned(),
                    kind: hit.kind,
                    line: at.line,
                    sentence: at.sentence.to_owned(),
                    heading: at.heading.map(str::to_owned),
                    id: String::new(),
                    label: super::label::suggest(at.sentence, &toks, &hit),
                });
                i = hit.end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// A quantity starting at token `i`, if there is one.
fn find_at(toks: &[Tok<'_>], i: usize) -> Option<Hit> {
    if !units::may_start(&toks[i]) {
        return None;
    }
    units::money_prefixed(toks, i)
        .or_else(|| units::word_forms(toks, i))
        .or_else(|| number_at(toks, i))
}

/// A number at `i` and what follows it.
fn number_at(toks: &[Tok<'_>], i: usize) -> Option<Hit> {
    let n = numbers::read(toks, i)?;
    if let Some(hit) = units::one_in(toks, i, &n) {
        return Some(hit);
    }
    let (n2, end) = range_end(toks, &n);
    if let Some(hit) = units::after(toks, i, end, &n2) {
        if hit.kind == FigureKind::Share
            || hit.kind == FigureKind::Change
            || hit.kind == FigureKind::Money
            || !lookalike::is_lookalike(toks, i, n.end)
        {
            return Some(hit);
        }
        return None;
    }
    if lookalike::is_lookalike(toks, i, n.end) {
        return None;
    }
    units::counted(toks, i, &n)
}

/// `20–30 percent`, `20 to 30 percent`: the second number of a range, when
/// one follows; else the number itself.
fn range_end(toks: &[Tok<'_>], n: &Number) -> (Number, usize) {
    let j = n.end;
    let joins = toks
        .get(j)
        .is_some_and(|t| matches!(t.text, "-" | "\u{2013}" | "\u{2014}" | "to"));
    if joins
        && let Some(m) = numbers::read(toks, j + 1)
        && !(n.year_like && m.year_like)
        && m.words == n.words
    {
        return (m, m.end);
    }
    (*n, n.end)
}

/// The first token of a qualifier ending just before `start`, or `start`.
pub(crate) fn qualifier_start(toks: &[Tok<'_>], start: usize) -> usize {
    // Most words end no qualifier: look at the last word first.
    let Some(last) = start.checked_sub(1).map(|p| toks[p].text) else {
        return start;
    };
    for q in vocab::QUALIFIERS {
        let tail = q.rsplit(' ').next().unwrap_or(q).trim_end_matches('.');
        if !last.eq_ignore_ascii_case(tail) {
            continue;
        }
        let n = q.matches(' ').count() + 1;
        if start < n {
            continue;
        }
        let from = start - n;
        // A qualifier glued to what stands before it (`3below`) is none.
        let fits = toks[from].spaced
            && toks[from..start]
                .iter()
                .zip(q.split(' '))
                .all(|(t, w)| t.text.eq_ignore_ascii_case(w.trim_end_matches('.')));
        if fits {
            return from;
        }
    }
    start
}

/// The kind of a percentage: a change when words around it say so.
pub(crate) fn percent_kind(toks: &[Tok<'_>], start: usize, end: usize) -> FigureKind {
    let qs = qualifier_start(toks, start);
    let before = toks[qs.saturating_sub(3)..qs]
        .iter()
        .any(|t| vocab::is_change_verb(&t.lower()));
    let after = toks
        .get(end)
        .is_some_and(|t| vocab::is_change_word(&t.lower()));
    if before || after {
        FigureKind::Change
    } else {
        FigureKind::Share
    }
}

#[cfg(test)]
mod tests;
