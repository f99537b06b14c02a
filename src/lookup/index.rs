//! The finder's index: every figure's fields as distinct texts, their
//! words as terms (stems) with postings, and the glossary terms each
//! figure's words call up.

use std::borrow::Cow;

use std::sync::atomic::{AtomicU64, Ordering};

use super::QuickMap;
use super::build::Builder;
use super::table::Table;
use crate::library::Library;
use crate::model::FigureRef;
use crate::query::Kind;

pub use super::entry::Entry;
pub(super) use super::entry::{Span, Text, Traits, kind_code};

/// A glossary name of several words: its terms in order, and its term.
pub(super) type Phrase = (Vec<u32>, u16);

/// Folded words with their terms, sorted.
pub(super) type Vocab = Vec<(String, u32)>;

/// An index's tables, to make one of ([`Index::from_parts`]).
pub(super) struct Parts {
    pub entries: Table<Entry>,
    pub texts: Table<Text>,
    pub buf: Table<u8>,
    pub post_start: Table<u32>,
    pub post_text: Table<u32>,
    pub post_tf: Table<u8>,
    pub term_texts: Table<u32>,
    pub entry_gloss: Table<u16>,
    pub text_norm: Table<f32>,
    pub entry_tags: Table<u32>,
    pub traits: Table<Traits>,
    pub inverse: super::inverse::Inverse,
    pub stems: QuickMap<String, u32>,
    pub surfaces: Vocab,
    pub number_surfaces: Vocab,
    pub surface_term: QuickMap<String, u32>,
    pub gloss_names: Vec<String>,
    pub gloss_terms: Vec<Vec<u32>>,
    pub gloss_phrases: Vec<Phrase>,
    pub tag_names: Vec<String>,
    pub briefs: Vec<(String, String)>,
}

/// Hands out index ids.
static NEXT_INDEX_ID: AtomicU64 = AtomicU64::new(0);

/// Every figure of a library, prepared once.
#[derive(Clone)]
pub struct Index {
    /// Tells indexes apart, so a finder never reuses what it learnt from
    /// another (a reloaded library gets a new index).
    pub(super) id: u64,
    pub entries: Table<Entry>,
    pub(super) texts: Table<Text>,
    /// The texts, UTF-8.
    pub(super) buf: Table<u8>,
    /// Postings: for term `t`, `post_text[post_start[t]..post_start[t+1]]`
    /// are the texts holding it and `post_tf` how often.
    pub(super) post_start: Table<u32>,
    pub(super) post_text: Table<u32>,
    pub(super) post_tf: Table<u8>,
    /// Term ids by stem.
    pub(super) stems: QuickMap<String, u32>,
    /// Every folded word seen, sorted, with its term (for prefixes and
    /// typos) and whether it is a number.
    pub(super) surfaces: Vec<(String, u32)>,
    /// The same for numbers.
    pub(super) number_surfaces: Vec<(String, u32)>,
    /// Term ids by folded word.
    pub(super) surface_term: QuickMap<String, u32>,
    /// In how many texts each term occurs.
    pub(super) term_texts: Table<u32>,
    /// Per glossary term: its name and the terms of its one-word names,
    /// sorted.
    pub(super) gloss_names: Vec<String>,
    pub(super) gloss_terms: Vec<Vec<u32>>,
    /// Names of several words (question words left out), as their terms
    /// in order, with their glossary term: a query meets such a name only
    /// when it holds all of it, in order (`cost of U.S. troops` is not met
    /// by `troops` alone).
    pub(super) gloss_phrases: Vec<Phrase>,
    pub(super) entry_gloss: Table<u16>,
    /// Per text: what a count in it is multiplied by for its length
    /// (BM25's length normalisation), worked out once.
    pub(super) text_norm: Table<f32>,
    pub(super) entry_tags: Table<u32>,
    /// The distinct tags, lower-cased.
    pub(super) tag_names: Vec<String>,
    /// Per brief: its id and its short title lower-cased, for `@brief`.
    pub(super) briefs: Vec<(String, String)>,
    /// Texts and glossary terms to the entries using them.
    pub(super) inverse: super::inverse::Inverse,
    /// Per entry, what ranking asks of it.
    pub(super) traits: Table<Traits>,
}

impl Index {
    pub fn new(lib: &Library) -> Self {
        Self::build_until(lib, &|| false).unwrap_or_else(|| {
            let g = crate::glossary::Glossary::default();
            Self::finish(
                Builder::default(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                (Vec::new(), Vec::new()),
                &g,
            )
        })
    }

    /// Like [`Index::new`], but gives up (`None`) as soon as `cancel`
    /// says so; it asks once per brief.
    pub fn build_until(lib: &Library, cancel: &dyn Fn() -> bool) -> Option<Self> {
        let briefs = &lib.briefs;
        let g = &lib.glossary;
        let mut bd = Builder::default();
        bd.glossary(g);
        let mut entries = Vec::with_capacity(briefs.iter().map(|b| b.digest.figures).sum());
        let mut entry_tags = Vec::new();
        let mut entry_gloss: Vec<u16> = Vec::new();
        let mut tag_ids: QuickMap<String, u32> = QuickMap::default();
        let mut tag_names = Vec::new();
        let mut brief_names = Vec::with_capacity(briefs.len());
        let mut union: Vec<u16> = Vec::new();
        for (bi, b) in briefs.iter().enumerate() {
            if cancel() {
                return None;
            }
            brief_names.push((b.meta.id.clone(), b.meta.short_title.to_lowercase()));
            let title = if b.meta.title == b.meta.short_title {
                Cow::Borrowed(b.meta.title.as_str())
            } else {
                Cow::Owned(format!("{} {}", b.meta.short_title, b.meta.title))
            };
            let title = bd.text(title, true);
            let mut sections: Vec<Option<u32>> = vec![None; b.sections.len()];
            // A brief whose detail was not read lends it for this pass
            // only: the index holds what it needs, not every figure.
            b.with_detail(|detail, said| {
                for (fi, f) in detail.figures.iter().enumerate() {
                    let section = match f.section {
                        Some(s) if s.0 < sections.len() => {
                            if let Some(t) = sections[s.0] {
                                t
                            } else {
                                {
                                    let names: Vec<&str> = b
                                        .breadcrumb(s)
                                        .iter()
                                        .filter_map(|&i| b.section(i).map(|x| x.title.as_str()))
                                        .collect();
                                    let t = bd.text(Cow::Owned(names.join(" › ")), true);
                                    sections[s.0] = Some(t);
                                    t
                                }
                            }
                        }
                        _ => bd.text(Cow::Borrowed(""), true),
                    };
                    let fields = [
                        bd.text(Cow::Borrowed(f.value.as_str()), true),
                        bd.text(Cow::Owned(f.id.replace(['-', '_'], " ")), false),
                        bd.text(Cow::Borrowed(f.label.as_str()), false),
                        bd.text(Cow::Owned(f.tags.join(" ")), true),
                        bd.text(Cow::Borrowed(f.source.as_str()), true),
                        title,
                        section,
                        bd.text(Cow::Owned(said.get(fi).cloned().unwrap_or_default()), false),
                        bd.text(
                            Cow::Owned(f.measure.as_deref().unwrap_or("").replace(['-', '_'], " ")),
                            true,
                        ),
                        bd.text(Cow::Borrowed(f.kind.map_or("", |k| k.name())), true),
                    ];
                    let start = entry_tags.len() as u32;
                    for t in &f.tags {
                        let next = u32::try_from(tag_names.len()).unwrap_or(u32::MAX);
                        let id = if let Some(id) = tag_ids.get(t.as_str()) {
                            *id
                        } else {
                            tag_names.push(t.to_lowercase());
                            tag_ids.insert(t.clone(), next);
                            next
                        };
                        entry_tags.push(id);
                    }
                    let called = |fs: &mut dyn Iterator<Item = &u32>, union: &mut Vec<u16>| {
                        union.clear();
                        for &t in fs {
                            if let Some(r) = bd.tg_at.get(t as usize) {
                                union.extend_from_slice(&bd.tg[r.start as usize..r.end as usize]);
                            }
                        }
                        union.sort_unstable();
                        union.dedup();
                    };
                    called(&mut fields.iter(), &mut union);
                    let gs = entry_gloss.len() as u32;
                    entry_gloss.extend_from_slice(&union);
                    let ge = entry_gloss.len() as u32;
                    called(
                        &mut super::IDENTITY.iter().filter_map(|&i| fields.get(i)),
                        &mut union,
                    );
                    entry_gloss.extend_from_slice(&union);
                    entries.push(Entry {
                        traits: Traits {
                            brief: u32::try_from(bi).unwrap_or(u32::MAX),
                            figure: u32::try_from(fi).unwrap_or(u32::MAX),
                            kind: kind_code(f.kind),
                            poll: u8::from(f.tags.iter().any(|t| t == "public-opinion")),
                            headline: u8::from(f.headline),
                            _pad: 0,
                        },
                        fields,
                        tags: Span {
                            start,
                            end: entry_tags.len() as u32,
                        },
                        gloss: Span { start: gs, end: ge },
                        ident_gloss: Span {
                            start: ge,
                            end: entry_gloss.len() as u32,
                        },
                    });
                }
            });
        }
        // The glossary's words are terms too, so a query reaches them.
        let mut gloss_terms = Vec::with_capacity(g.terms.len());
        let mut gloss_phrases = Vec::new();
        for (gi, t) in g.terms.iter().enumerate() {
            let mut ts: Vec<u32> = Vec::new();
            for name in t.all_names() {
                let words: Vec<u32> = bd
                    .an
                    .tokens(name)
                    .into_iter()
                    .filter(|tok| !crate::query::is_filler(&tok.norm))
                    .map(|tok| bd.term(&tok.stem, &tok.norm, tok.kind == Kind::Number))
                    .collect();
                match words.as_slice() {
                    [] => {}
                    [one] => ts.push(*one),
                    _ => gloss_phrases.push((words, u16::try_from(gi).unwrap_or(u16::MAX))),
                }
            }
            ts.sort_unstable();
            ts.dedup();
            gloss_terms.push(ts);
        }
        Some(Self::finish(
            bd,
            entries,
            entry_tags,
            entry_gloss,
            tag_names,
            brief_names,
            (gloss_terms, gloss_phrases),
            g,
        ))
    }

    #[allow(clippy::too_many_arguments)]
    fn finish(
        bd: Builder,
        entries: Vec<Entry>,
        entry_tags: Vec<u32>,
        entry_gloss: Vec<u16>,
        tag_names: Vec<String>,
        briefs: Vec<(String, String)>,
        (gloss_terms, gloss_phrases): (Vec<Vec<u32>>, Vec<Phrase>),
        g: &crate::glossary::Glossary,
    ) -> Self {
        let terms = bd.stems.len();
        let mut count = vec![0u32; terms + 1];
        for &(t, _) in &bd.tt {
            count[t as usize + 1] += 1;
        }
        for i in 1..count.len() {
            count[i] += count[i - 1];
        }
        let post_start = count.clone();
        let mut fill = count;
        let mut post_text = vec![0u32; bd.tt.len()];
        let mut post_tf = vec![0u8; bd.tt.len()];
        for (text, r) in bd.tt_at.iter().enumerate() {
            for &(t, tf) in &bd.tt[r.start as usize..r.end as usize] {
                let at = fill[t as usize] as usize;
                post_text[at] = text as u32;
                post_tf[at] = tf;
                fill[t as usize] += 1;
            }
        }
        let term_texts: Vec<u32> = post_start.windows(2).map(|w| w[1] - w[0]).collect();
        let (mut number_surfaces, mut surfaces): (Vocab, Vocab) = bd
            .surface_term
            .iter()
            .map(|(s, &t)| (s.clone(), t))
            .partition(|(s, _)| bd.numbers.contains(s));
        surfaces.sort_unstable();
        number_surfaces.sort_unstable();
        let words: usize = bd.texts.iter().map(|t| usize::from(t.len)).sum();
        let avg_len = words as f32 / bd.texts.len().max(1) as f32;
        let text_norm: Vec<f32> = bd
            .texts
            .iter()
            .map(|t| super::memo::length_norm(f32::from(t.len), avg_len))
            .collect();
        let inverse =
            super::inverse::Inverse::new(&entries, bd.texts.len(), g.terms.len(), &entry_gloss);
        let traits: Vec<Traits> = entries.iter().map(|e| e.traits).collect();
        Self::from_parts(Parts {
            traits: traits.into(),
            inverse,
            entries: entries.into(),
            text_norm: text_norm.into(),
            texts: bd.texts.into(),
            buf: bd.buf.into_bytes().into(),
            post_start: post_start.into(),
            post_text: post_text.into(),
            post_tf: post_tf.into(),
            stems: bd.stems,
            surfaces,
            number_surfaces,
            surface_term: bd.surface_term,
            term_texts: term_texts.into(),
            gloss_names: g.terms.iter().map(|t| t.term.clone()).collect(),
            gloss_terms,
            gloss_phrases,
            entry_gloss: entry_gloss.into(),
            entry_tags: entry_tags.into(),
            tag_names,
            briefs,
        })
    }

    /// An index of these tables, with an id of its own.
    pub(super) fn from_parts(p: Parts) -> Self {
        Self {
            id: NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed),
            entries: p.entries,
            texts: p.texts,
            buf: p.buf,
            post_start: p.post_start,
            post_text: p.post_text,
            post_tf: p.post_tf,
            stems: p.stems,
            surfaces: p.surfaces,
            number_surfaces: p.number_surfaces,
            surface_term: p.surface_term,
            term_texts: p.term_texts,
            gloss_names: p.gloss_names,
            gloss_terms: p.gloss_terms,
            gloss_phrases: p.gloss_phrases,
            entry_gloss: p.entry_gloss,
            text_norm: p.text_norm,
            entry_tags: p.entry_tags,
            tag_names: p.tag_names,
            briefs: p.briefs,
            inverse: p.inverse,
            traits: p.traits,
        }
    }

    /// True for an index read from the cache's file (its arrays mapped),
    /// false for one built in memory.
    pub fn is_stored(&self) -> bool {
        self.entries.is_mapped()
    }

    pub fn entry(&self, r: FigureRef) -> Option<&Entry> {
        self.entries.iter().find(|e| e.figure() == r)
    }

    /// The entry a hit came from.
    pub fn hit(&self, h: &super::Hit) -> Option<&Entry> {
        self.entries.get(h.entry).filter(|e| e.figure() == h.figure)
    }

    /// The text of one field of an entry.
    pub fn field(&self, e: &Entry, field: usize) -> Option<&str> {
        let t = self.texts.get(*e.fields.get(field)? as usize)?;
        std::str::from_utf8(self.buf.get(t.at.range())?).ok()
    }

    /// The entry's tags, lower-cased.
    pub(super) fn tags(&self, e: &Entry) -> impl Iterator<Item = &str> {
        self.entry_tags
            .get(e.tags.range())
            .unwrap_or(&[])
            .iter()
            .filter_map(|&t| self.tag_names.get(t as usize).map(String::as_str))
    }

    /// The glossary terms an entry's words call up.
    pub(super) fn gloss(&self, e: &Entry) -> &[u16] {
        self.entry_gloss.get(e.gloss.range()).unwrap_or(&[])
    }

    /// The texts holding term `t`, with counts.
    pub(super) fn postings(&self, t: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let t = t as usize;
        let r = match (self.post_start.get(t), self.post_start.get(t + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        let texts = self.post_text.get(r.clone()).unwrap_or(&[]);
        let tfs = self.post_tf.get(r).unwrap_or(&[]);
        texts.iter().copied().zip(tfs.iter().copied())
    }
}
