//! Why a figure ranked: which query words matched which fields, through
//! which words of the figure, and which glossary terms were called up.

use serde::Serialize;

use super::memo::{GLOSS_WEIGHT, WEIGHTS, idf, saturate, word_weight};
use super::rank::{Finder, IDENTITY_PULL, passes_filters};
use super::{FIELD_NAMES, Hit, Index};
use crate::query;

/// One way a query word met the figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// The field (`label`, `text`, ...), or `glossary`.
    pub field: &'static str,
    /// The figure's word it met (for the glossary: the term).
    pub matched: String,
    /// `word` (same stem), `prefix`, `typo`, or for the glossary how the
    /// word met one of the term's names.
    pub how: &'static str,
}

/// What one query word contributed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordReason {
    pub word: String,
    /// A question or filler word (never needed) or a word like `share`
    /// (counts half).
    pub filler: bool,
    pub soft: bool,
    /// How rare the word is in the library (higher counts more).
    pub rarity: f32,
    /// It met the figure's own identity (value, id, label, tags,
    /// measure, kind, or a glossary term those call up), which is what
    /// makes an answer.
    pub identity: bool,
    pub score: f32,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub score: f32,
    /// The figure answers the query (else it is only related).
    pub answer: bool,
    pub words: Vec<WordReason>,
}

impl Finder {
    /// Explains `hit`'s rank for `query` (ranked in `index`).
    pub fn explain(&mut self, index: &Index, hit: &Hit, query: &str) -> Option<Explanation> {
        let e = index.hit(hit)?;
        let q = self.parse(query);
        let slots = self.prepare(index, &q);
        let n = index.entries.len();
        // The figure's fields, each read into its words once for all the
        // query's words; and what a word met, once per distinct word.
        let fields: Vec<(&'static str, &str, Vec<query::Token>)> = FIELD_NAMES
            .iter()
            .enumerate()
            .filter(|&(f, _)| WEIGHTS[f] != 0.0)
            .filter_map(|(f, name)| {
                let text = index.field(e, f)?;
                Some((*name, text, query::words(text)))
            })
            .collect();
        let mut met: Vec<Option<(f32, Vec<Reason>)>> = vec![None; self.memos.len()];
        let mut words = Vec::new();
        let mut total = 0.0;
        let (mut own, mut need_all) = (0f32, 0f32);
        for (w, &slot) in q.words.iter().zip(&slots) {
            let memo = &self.memos[slot];
            let tf = memo.tf(index, e);
            let (rarity, reasons) = if let Some(known) = met.get(slot).cloned().flatten() {
                known
            } else {
                let df = index
                    .entries
                    .iter()
                    .filter(|x| passes_filters(index, x, &q) && memo.tf(index, x) > 0.0)
                    .count();
                let known = (idf(n, df), self.reasons(index, e, slot, &fields));
                if let Some(m) = met.get_mut(slot) {
                    *m = Some(known.clone());
                }
                known
            };
            let score = if tf > 0.0 {
                word_weight(w) * rarity * saturate(tf)
            } else {
                0.0
            };
            total += score;
            if super::memo::needed(w) {
                need_all += rarity;
                if tf > 0.0 && memo.entry_ident.get(hit.entry).copied().unwrap_or(false) {
                    own += rarity;
                }
            }
            let identity = memo.entry_ident.get(hit.entry).copied().unwrap_or(false);
            words.push(WordReason {
                identity,
                word: w.norm.clone(),
                filler: w.filler,
                soft: w.soft && !w.filler,
                rarity,
                score,
                reasons,
            });
        }
        let own = if need_all > 0.0 { own / need_all } else { 1.0 };
        Some(Explanation {
            answer: hit.answer,
            score: total * (1.0 - IDENTITY_PULL + IDENTITY_PULL * own),
            words,
        })
    }

    /// The ways the word of memo `slot` met entry `e`: in its `fields`
    /// (name, text, words), and through the glossary.
    fn reasons(
        &self,
        index: &Index,
        e: &super::Entry,
        slot: usize,
        fields: &[(&'static str, &str, Vec<query::Token>)],
    ) -> Vec<Reason> {
        let memo = &self.memos[slot];
        let mut reasons = Vec::new();
        for (name, text, tokens) in fields {
            for (tok, unit) in tokens.iter().zip(query::units(tokens)) {
                // A number with its unit is indexed as both.
                let with_unit = unit.and_then(|u| index.stems.get(&query::with_unit(&tok.norm, u)));
                let Some(t) = index.surface_term.get(&tok.norm) else {
                    continue;
                };
                let met = |x: &&super::memo::Expansion| x.term == *t || Some(&x.term) == with_unit;
                if let Some(x) = memo.exps.iter().find(met) {
                    let matched = text.get(tok.range.clone()).unwrap_or("").to_owned();
                    if !reasons
                        .iter()
                        .any(|r: &Reason| r.field == *name && r.matched == matched)
                    {
                        reasons.push(Reason {
                            field: name,
                            matched,
                            how: x.how.name(),
                        });
                    }
                }
            }
        }
        if GLOSS_WEIGHT > 0.0 {
            for &g in index.gloss(e) {
                let g = usize::from(g);
                if memo.gscore.get(g).is_some_and(|&s| s > 0.0) {
                    let terms = &index.gloss_terms[g];
                    let how = memo
                        .exps
                        .iter()
                        .filter(|x| terms.binary_search(&x.term).is_ok())
                        .map(|x| x.how.name())
                        .next()
                        .unwrap_or("word");
                    reasons.push(Reason {
                        field: "glossary",
                        matched: index.gloss_names.get(g).cloned().unwrap_or_default(),
                        how,
                    });
                }
            }
        }
        reasons
    }
}
