//! Gathering an index's texts and terms: each distinct word stemmed
//! once, each text's glossary terms found by term ids.

use std::borrow::Cow;
use std::ops::Range;

use super::QuickMap;
use super::index::{Span, Text};
use crate::query::{Analyzer, Kind};

/// Collects texts and terms while an index is built.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) an: Analyzer,
    pub(super) shared: QuickMap<Box<str>, u32>,
    pub(super) texts: Vec<Text>,
    pub(super) buf: String,
    /// Per text, its (term, count) pairs in `tt`.
    pub(super) tt_at: Vec<Range<u32>>,
    pub(super) tt: Vec<(u32, u8)>,
    /// Per text, the glossary terms it calls up, in `tg`.
    pub(super) tg_at: Vec<Range<u32>>,
    pub(super) tg: Vec<u16>,
    pub(super) stems: QuickMap<String, u32>,
    pub(super) surface_term: QuickMap<String, u32>,
    pub(super) numbers: rustc_hash::FxHashSet<String>,
    /// Each term's stem.
    pub(super) term_stems: Vec<String>,
    /// The glossary's names as terms, with the capitals each word needs
    /// and the glossary term; and the names by their first term.
    pub(super) gnames: Vec<(Vec<u32>, Vec<Option<String>>, u16)>,
    pub(super) gfirst: QuickMap<u32, Vec<usize>>,
    pub(super) scratch: Vec<(u32, u8)>,
}

impl Builder {
    pub(super) fn term(&mut self, stem: &str, norm: &str, number: bool) -> u32 {
        let next = u32::try_from(self.stems.len()).unwrap_or(u32::MAX);
        let t = *self.stems.entry(stem.to_owned()).or_insert_with(|| {
            self.term_stems.push(stem.to_owned());
            next
        });
        if !self.surface_term.contains_key(norm) {
            self.surface_term.insert(norm.to_owned(), t);
            if number {
                self.numbers.insert(norm.to_owned());
            }
        }
        t
    }

    /// A number with its unit (`40#percent`), a term beside the bare
    /// number that no prefix or typo reaches.
    fn unit_term(&mut self, stem: String) -> u32 {
        let next = u32::try_from(self.stems.len()).unwrap_or(u32::MAX);
        *self.stems.entry(stem).or_insert_with_key(|k| {
            self.term_stems.push(k.clone());
            next
        })
    }

    /// Takes the glossary's names in, as terms.
    pub(super) fn glossary(&mut self, g: &crate::glossary::Glossary) {
        for (stems, caps, term) in g.name_stems() {
            let ts: Vec<u32> = stems
                .iter()
                .map(|st| {
                    let number = st.bytes().all(|b| b.is_ascii_digit() || b == b'.');
                    self.term(st, st, number)
                })
                .collect();
            if let Some(&first) = ts.first() {
                let at = self.gnames.len();
                self.gfirst.entry(first).or_default().push(at);
                self.gnames
                    .push((ts, caps.to_vec(), u16::try_from(term).unwrap_or(u16::MAX)));
            }
        }
    }

    /// The glossary terms whose names stand in `text` (words `toks`,
    /// terms `tids`), longest name first, without repeats.
    fn glossary_terms(&self, text: &str, toks: &[crate::query::Token], tids: &[u32]) -> Vec<u16> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tids.len() {
            let best = self
                .gfirst
                .get(&tids[i])
                .into_iter()
                .flatten()
                .filter_map(|&n| self.gnames.get(n))
                .filter(|(ts, caps, _)| {
                    tids.get(i..i + ts.len())
                        .is_some_and(|w| w == ts.as_slice())
                        && caps.iter().zip(&toks[i..]).all(|(c, t)| {
                            c.as_ref().is_none_or(|c| {
                                text.get(t.range.clone()).is_some_and(|w| {
                                    w.chars().filter(|c| c.is_uppercase()).eq(c.chars())
                                })
                            })
                        })
                })
                .max_by(|a, b| a.0.len().cmp(&b.0.len()).then(b.2.cmp(&a.2)));
            match best {
                Some((ts, _, g)) => {
                    out.push(*g);
                    i += ts.len();
                }
                None => i += 1,
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn count(&mut self, t: u32) {
        match self.scratch.iter_mut().find(|(x, _)| *x == t) {
            Some((_, n)) => *n = n.saturating_add(1),
            None => self.scratch.push((t, 1)),
        }
    }

    /// The id of text `s`, adding it if it is new (and `share`d texts
    /// are looked up first).
    pub(super) fn text(&mut self, s: Cow<'_, str>, share: bool) -> u32 {
        if share && let Some(&id) = self.shared.get(s.as_ref()) {
            return id;
        }
        let id = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        // Each distinct word is stemmed once: its term is known after.
        let toks = crate::query::words(&s);
        self.scratch.clear();
        let mut tids = Vec::with_capacity(toks.len());
        for tok in &toks {
            let t = if let Some(&t) = self.surface_term.get(&tok.norm) {
                t
            } else {
                let number = tok.kind == Kind::Number;
                let stem = if number {
                    tok.norm.clone()
                } else {
                    self.an.stem(&tok.norm)
                };
                self.term(&stem, &tok.norm, number)
            };
            tids.push(t);
            self.count(t);
        }
        for (tok, unit) in toks.iter().zip(crate::query::units(&toks)) {
            if let Some(u) = unit {
                let t = self.unit_term(crate::query::with_unit(&tok.norm, u));
                self.count(t);
            }
        }
        let start = self.tt.len() as u32;
        self.tt.extend_from_slice(&self.scratch);
        self.tt_at.push(start..self.tt.len() as u32);
        let start = self.tg.len() as u32;
        let found = self.glossary_terms(&s, &toks, &tids);
        self.tg.extend(found);
        self.tg_at.push(start..self.tg.len() as u32);
        let at = self.buf.len() as u32;
        self.buf.push_str(&s);
        self.texts.push(Text {
            at: Span {
                start: at,
                end: self.buf.len() as u32,
            },
            len: u16::try_from(toks.len()).unwrap_or(u16::MAX),
            _pad: 0,
        });
        if share {
            self.shared.insert(s.into(), id);
        }
        id
    }
}
