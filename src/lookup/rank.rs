//! Ranking: each query word's weight over every distinct text (memoized
//! while it stays in the query), then every figure scored from its
//! fields, BM25-style.

use super::answer::{ANSWER_COVER, ANSWER_REL, Wanted};
use super::index::{Entry, Index};
use super::memo::{Memo, idf, needed, saturate, word_weight};
use super::{Hit, SORTED};
use crate::query::{self, Analyzer, Query};

/// A figure scoring below this share of the best is not listed.
const REL_FLOOR: f32 = 0.3;
/// Nor one covering less than this share of the query's needed words
/// (weighted by rarity).
const MIN_COVER: f32 = 0.3;
/// How many of the best hits are looked at for words side by side, in
/// which fields, and what a pair adds (times the pair's rarity).
const ADJACENT_TOP: usize = 50;
const ADJACENT_FIELDS: [usize; 4] = [1, 2, 6, 7];
const ADJACENT_WEIGHT: f32 = 0.5;
/// What being one of its brief's headline figures (chosen by the brief's
/// editor as what a reader must see first) weighs when two figures answer
/// a query about as well: it settles near-ties, never a clear answer.
const HEADLINE_PRIOR: f32 = 1.1;
/// How much of a figure's score rests on meeting the query in its own
/// identity rather than around it.
pub(super) const IDENTITY_PULL: f32 = 0.4;
/// How many entries are ranked between two looks at the cancel flag.
pub(super) const CANCEL_EVERY: usize = 2048;
/// How many texts' term sequences are kept between keystrokes.
const SEQUENCES_KEPT: usize = 4096;

/// One query word that can score, as the pass over every figure reads it.
struct Live<'a> {
    tf: &'a [f32],
    ident: &'a [bool],
    /// Its weight times its rarity.
    weight: f32,
    /// Its rarity if it is needed, else nothing.
    need: f32,
}

/// A reusable ranker. It remembers each query word's weights, so that the
/// words already typed cost nothing when one more is typed.
#[derive(Default)]
pub struct Finder {
    /// The index the memos belong to.
    pub(super) index: Option<u64>,
    pub(super) an: Analyzer,
    /// A finder being typed into: the last word of a query with no blank
    /// after it may be the start of a longer word.
    pub(super) typing: bool,
    /// The answer threshold, if not [`ANSWER_COVER`] (for the sweep that
    /// decides it).
    cover: Option<f32>,
    pub(super) memos: Vec<Memo>,
    /// For highlighting: the query, and the terms its words stand for.
    /// (The folded words standing for those terms: a small set, quick to
    /// ask while a frame is drawn.)
    pub(super) hl: Option<(String, rustc_hash::FxHashSet<String>)>,
    /// Highlights worked out for that query, by figure and field: a
    /// frame redrawn for the same hits costs a look-up.
    pub(super) hl_rows: super::QuickMap<(crate::model::FigureRef, usize), Vec<u32>>,
    /// Per figure, kept between rankings so a keystroke allocates none.
    sums: Sums,
    /// How many figures the last ranking listed (a guess at the next).
    last_hits: usize,
    /// Texts read as their terms in order (fillers left out), for words
    /// side by side: the best few figures change little from one
    /// keystroke to the next.
    sequences: super::QuickMap<u32, Vec<Option<u32>>>,
}

/// What the query's words add up to in each figure.
#[derive(Default)]
struct Sums {
    score: Vec<f32>,
    /// The rarity of the needed words it meets.
    covered: Vec<f32>,
    /// The same, met in its own identity.
    own: Vec<f32>,
}

impl Sums {
    fn reset(&mut self, n: usize) {
        for v in [&mut self.score, &mut self.covered, &mut self.own] {
            v.clear();
            v.resize(n, 0.0);
        }
    }
}

impl Finder {
    /// A finder for a query being typed (see [`Finder::typing`]).
    pub fn typing() -> Self {
        Self {
            typing: true,
            ..Self::default()
        }
    }

    /// The same finder with another answer threshold: the share of the
    /// query's distinctive words an answer's identity must meet. For
    /// deciding the threshold from labelled questions.
    #[doc(hidden)]
    #[must_use]
    pub fn answer_cover(mut self, cover: f32) -> Self {
        self.cover = Some(cover);
        self
    }

    /// Reads `query` as this finder reads queries.
    pub(super) fn parse(&self, query: &str) -> Query {
        query::parse_as(query, &self.an, self.typing)
    }

    /// Ranks the index by `query`: answers first, then related figures,
    /// each best first; ties keep library order.
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
            self.hl_rows.clear();
            self.sequences.clear();
        }
        let keys: Vec<_> = q
            .words
            .iter()
            .zip(super::memo::phrases(index, q))
            .map(|(w, p)| super::memo::key(w, p))
            .collect();
        self.memos.retain(|m| keys.contains(&m.key));
        q.words
            .iter()
            .zip(keys)
            .map(|(w, k)| {
                self.memos
                    .iter()
                    .position(|m| m.key == k)
                    .unwrap_or_else(|| {
                        self.memos.push(Memo::new(index, w, k.4));
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
        let q = self.parse(query);
        let slots = self.prepare(index, &q);
        let words = q.words.len();
        let n = index.entries.len();
        let filtered = !q.tags.is_empty() || !q.briefs.is_empty();
        // Pass 1, with filters only: which figures pass, and the words'
        // counts among them.
        let mut passing: Vec<bool> = Vec::new();
        let mut df: Vec<usize> = slots.iter().map(|&s| self.memos[s].df).collect();
        if filtered {
            df.fill(0);
            passing.reserve(n);
            for (i, e) in index.entries.iter().enumerate() {
                if i % CANCEL_EVERY == CANCEL_EVERY - 1 && cancel() {
                    return None;
                }
                let ok = passes_filters(index, e, &q);
                passing.push(ok);
                if ok {
                    for (w, &s) in slots.iter().enumerate() {
                        if self.memos[s].entry_tf.get(i).is_some_and(|&t| t > 0.0) {
                            df[w] += 1;
                        }
                    }
                }
            }
        }
        // Pass 2: scores, and how much of the query each figure covers.
        let idfs: Vec<f32> = df.iter().map(|&d| idf(n, d)).collect();
        let need_word: Vec<bool> = q.words.iter().map(needed).collect();
        // A word the library lacks altogether cannot be covered: it does
        // not keep a figure from being listed, but it keeps every figure
        // from being an answer.
        let need: f32 = (0..words)
            .filter(|&w| need_word[w] && df[w] > 0)
            .map(|w| idfs[w])
            .sum();
        let need_all: f32 = (0..words)
            .filter(|&w| need_word[w])
            .map(|w| if df[w] > 0 { idfs[w] } else { idf(n, 0) })
            .sum();
        let content = q.words.iter().any(|w| !w.filler);
        // Needed words, none of them in the library, or nothing but
        // question words: nothing is what was asked for (`33 percent`
        // does not list every percentage).
        if (need == 0.0 && need_word.contains(&true)) || (words > 0 && !content) {
            return Some(Vec::new());
        }
        let wanted = Wanted::of(&q);
        let cover = self.cover.unwrap_or(ANSWER_COVER);
        let weights: Vec<f32> = q.words.iter().map(word_weight).collect();
        // The words that can score: question words and words the library
        // lacks are left out of the pass over every figure.
        let live: Vec<Live<'_>> = (0..words)
            .filter(|&w| weights[w] > 0.0 && df[w] > 0)
            .map(|w| {
                let m = &self.memos[slots[w]];
                Live {
                    tf: m.entry_tf.as_slice(),
                    ident: m.entry_ident.as_slice(),
                    weight: weights[w] * idfs[w],
                    need: if need_word[w] { idfs[w] } else { 0.0 },
                }
            })
            .collect();
        let per_need = if need_all > 0.0 {
            need_all.recip()
        } else {
            0.0
        };
        // Column by column: each word adds to every figure at once (a loop
        // the compiler vectorises), then one pass reads the sums.
        let mut sums = std::mem::take(&mut self.sums);
        sums.reset(n);
        for l in &live {
            let chunks =
                l.tf.chunks(CANCEL_EVERY)
                    .zip(l.ident.chunks(CANCEL_EVERY))
                    .zip(sums.score.chunks_mut(CANCEL_EVERY))
                    .zip(sums.covered.chunks_mut(CANCEL_EVERY))
                    .zip(sums.own.chunks_mut(CANCEL_EVERY));
            for ((((tf, ident), score), covered), own) in chunks {
                if cancel() {
                    self.sums = sums;
                    return None;
                }
                for ((((tf, ident), score), covered), own) in
                    tf.iter().zip(ident).zip(score).zip(covered).zip(own)
                {
                    let met = f32::from(u8::from(*tf > 0.0));
                    *score += l.weight * saturate(*tf);
                    *covered += l.need * met;
                    *own += l.need * met * f32::from(u8::from(*ident));
                }
            }
        }
        // Being a headline figure weighs on the whole score, the bonus for
        // words side by side included (see `adjacent_bonus`).
        let prior = if words > 0 { HEADLINE_PRIOR } else { 1.0 };
        let mut hits: Vec<(usize, f32, bool)> = Vec::with_capacity(self.last_hits);
        for (i, ((&score, &covered), &own)) in sums
            .score
            .iter()
            .zip(&sums.covered)
            .zip(&sums.own)
            .enumerate()
        {
            if filtered && !passing.get(i).copied().unwrap_or(false) {
                continue;
            }
            let any = score > 0.0;
            if words > 0 && (!any || (need > 0.0 && covered < MIN_COVER * need)) {
                continue;
            }
            let own = if need_all > 0.0 { own * per_need } else { 1.0 };
            // Of two figures the query covers alike, the one whose own
            // words it meets ranks first.
            let mut score = score * (1.0 - IDENTITY_PULL + IDENTITY_PULL * own);
            let Some(traits) = index.traits.get(i) else {
                continue;
            };
            if traits.headline() {
                score *= prior;
            }
            hits.push((i, score, own >= cover && wanted.allows(traits)));
        }
        self.sums = sums;
        self.last_hits = hits.len();
        self.adjacent_bonus(index, &q, &slots, &idfs, prior, &mut hits);
        let best = hits.iter().map(|h| h.1).fold(0.0, f32::max);
        // One pass for the floor and the best answer.
        let floor = REL_FLOOR * best;
        let mut best_answer = 0f32;
        hits.retain(|&(_, s, answer)| {
            let keep = s >= floor;
            if keep && answer {
                best_answer = best_answer.max(s);
            }
            keep
        });
        let far = ANSWER_REL * best_answer;
        if hits.iter().any(|h| h.2 && h.1 < far) {
            for h in &mut hits {
                h.2 = h.2 && h.1 >= far;
            }
        }
        // Answers first, then related; each best first.
        let order = |a: &(usize, f32, bool), b: &(usize, f32, bool)| {
            b.2.cmp(&a.2).then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0))
        };
        if hits.len() > SORTED {
            hits.select_nth_unstable_by(SORTED, order);
        }
        let head = hits.len().min(SORTED);
        hits[..head].sort_by(order);
        Some(
            hits.into_iter()
                .filter_map(|(i, score, answer)| {
                    Some(Hit {
                        figure: index.traits.get(i)?.figure(),
                        entry: i,
                        score,
                        answer,
                    })
                })
                .collect(),
        )
    }

    /// Raises the best few hits by the pairs of query words (fillers
    /// skipped) that stand side by side in one of their texts, as typed:
    /// `chip exp` in "chip exports".
    fn adjacent_bonus(
        &mut self,
        index: &Index,
        q: &Query,
        slots: &[usize],
        idfs: &[f32],
        prior: f32,
        hits: &mut [(usize, f32, bool)],
    ) {
        let content: Vec<usize> = (0..q.words.len()).filter(|&w| !q.words[w].filler).collect();
        if content.len() < 2 || hits.is_empty() {
            return;
        }
        let order = |a: &(usize, f32, bool), b: &(usize, f32, bool)| {
            b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
        };
        let top = hits.len().min(ADJACENT_TOP);
        if hits.len() > top {
            hits.select_nth_unstable_by(top - 1, order);
        }
        let mut seqs = std::mem::take(&mut self.sequences);
        if seqs.len() > SEQUENCES_KEPT {
            seqs.clear();
        }
        let quality = |w: usize, term: u32| {
            self.memos[slots[w]]
                .exps
                .iter()
                .find(|x| x.term == term)
                .map(|x| x.quality)
        };
        for h in &mut hits[..top] {
            let Some(e) = index.entries.get(h.0) else {
                continue;
            };
            // Each field's terms, read once for all the pairs. Filler
            // words between two query words do not part them: "imports
            // from China" has `import` by `china`.
            for &f in &ADJACENT_FIELDS {
                if let Some(&t) = e.fields.get(f)
                    && !seqs.contains_key(&t)
                {
                    let terms = index.field(e, f).map_or_else(Vec::new, |text| {
                        query::words(text)
                            .iter()
                            .filter(|t| !query::is_filler(&t.norm))
                            .map(|t| index.surface_term.get(&t.norm).copied())
                            .collect()
                    });
                    seqs.insert(t, terms);
                }
            }
            let fields: Vec<&[Option<u32>]> = ADJACENT_FIELDS
                .iter()
                .filter_map(|&f| seqs.get(e.fields.get(f)?).map(Vec::as_slice))
                .collect();
            let mut bonus = 0f32;
            for pair in content.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let mut best = 0f32;
                for terms in &fields {
                    for w in terms.windows(2) {
                        if let (Some(x), Some(y)) = (w[0], w[1])
                            && let (Some(qa), Some(qb)) = (quality(a, x), quality(b, y))
                        {
                            best = best.max(qa.min(qb));
                        }
                    }
                }
                bonus += best * ADJACENT_WEIGHT * (idfs[a] + idfs[b]) / 2.0;
            }
            if index
                .traits
                .get(h.0)
                .is_some_and(super::index::Traits::headline)
            {
                bonus *= prior;
            }
            h.1 += bonus;
        }
        self.sequences = seqs;
    }
}

pub(super) fn passes_filters(index: &Index, e: &Entry, q: &Query) -> bool {
    q.tags.iter().all(|t| index.tags(e).any(|ft| ft == t))
        && (q.briefs.is_empty()
            || index
                .briefs
                .get(e.figure().brief.0)
                .is_some_and(|(id, title)| {
                    q.briefs
                        .iter()
                        .any(|b| id.starts_with(b.as_str()) || title.starts_with(b.as_str()))
                }))
}
