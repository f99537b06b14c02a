//! Finding figures: one fuzzy ranking shared by the finder and
//! `briefing figures QUERY`.
//!
//! A query is words. `#tag` keeps figures with that tag, `@brief` keeps
//! figures of briefs whose id or short title starts with it, and every other
//! word must match (fuzzily, with nucleo) at least one field of the figure.
//! Each word scores by its best field, weighted: the value and the figure's
//! own words (id, label) count most, then tags, source, brief and section.

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::library::Library;
use crate::model::FigureRef;

/// One ranked figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub figure: FigureRef,
    /// Where the figure sits in the index it was ranked in.
    pub entry: usize,
    pub score: u32,
}

const FIELDS: usize = 7;
/// Value, id words, label, tags, source, brief title, section title.
const WEIGHTS: [u32; FIELDS] = [3, 2, 2, 1, 1, 1, 1];
pub const FIELD_VALUE: usize = 0;
pub const FIELD_LABEL: usize = 2;

/// A figure prepared for matching. What it holds lies in its index's
/// shared buffers, so a library of a hundred thousand figures costs a
/// handful of allocations, not a dozen per figure.
#[derive(Clone)]
pub struct Entry {
    pub figure: FigureRef,
    /// Each field as an index into [`Index::texts`]: figures of one brief
    /// share their brief title, section and often tags and source, and a
    /// string shared by many is scored once per word.
    fields: [u32; FIELDS],
    /// Which of a-z and 0-9 occur anywhere: a word needing a character the
    /// figure lacks cannot match, and costs one AND to rule out.
    mask: u64,
    /// The value, lower-cased, in [`Index::lower`].
    value_lower: Range<usize>,
    /// The tags, as indices into [`Index::tag_names`], in
    /// [`Index::entry_tags`].
    tags: Range<usize>,
}

/// One distinct field text.
#[derive(Clone)]
struct Text {
    /// Where its bytes lie in [`Index::ascii`] (ASCII text) or its
    /// characters in [`Index::wide`] (the rest).
    at: Range<usize>,
    ascii: bool,
    /// The characters it holds (see [`char_mask`]).
    mask: u64,
}

/// Hands out index ids.
static NEXT_INDEX_ID: AtomicU64 = AtomicU64::new(0);

/// Every figure of a library, prepared once.
pub struct Index {
    /// Tells indexes apart, so a finder never reuses what it learnt from
    /// another (a reloaded library gets a new index).
    id: u64,
    pub entries: Vec<Entry>,
    /// The distinct field texts.
    texts: Vec<Text>,
    ascii: Vec<u8>,
    /// Non-ASCII texts as nucleo matches them: a character per grapheme.
    wide: Vec<char>,
    /// Every entry's value, lower-cased, end to end.
    lower: String,
    entry_tags: Vec<u32>,
    /// The distinct tags, lower-cased.
    tag_names: Vec<String>,
    /// Per brief: its id and its short title lower-cased, for `@brief`.
    briefs: Vec<(String, String)>,
}

/// The index's own tables hash with `FxHash` (as rustc does): their keys
/// come from the briefs being read, not from a network.
type QuickMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Gathers the field texts while an index is built. Texts that figures
/// share (values, tags, sources) are kept once each; ids and labels, which
/// are nearly always a figure's own, are kept without looking for an equal
/// one: a table of every text would be as large as the library, and
/// looking in it costs a cache miss or three per field.
#[derive(Default)]
struct Texts<'a> {
    values: QuickMap<&'a str, u32>,
    tags: QuickMap<Cow<'a, str>, u32>,
    others: QuickMap<&'a str, u32>,
    list: Vec<Text>,
    ascii: Vec<u8>,
    wide: Vec<char>,
    /// A figure's tags joined, before it is known to be new.
    joined: String,
}

/// Which shared table a text goes in.
#[derive(Clone, Copy)]
enum Shared {
    Value,
    Other,
}

impl<'a> Texts<'a> {
    /// Adds `t` as a new text, with `-` and `_` read as spaces if
    /// `spaced`.
    fn push(&mut self, t: &str, spaced: bool) -> (u32, u64) {
        let mask = char_mask(t);
        let ascii = t.is_ascii();
        let at = if ascii {
            let start = self.ascii.len();
            if spaced {
                self.ascii.extend(
                    t.bytes()
                        .map(|c| if matches!(c, b'-' | b'_') { b' ' } else { c }),
                );
            } else {
                self.ascii.extend_from_slice(t.as_bytes());
            }
            start..self.ascii.len()
        } else {
            let start = self.wide.len();
            if spaced {
                self.wide.extend(nucleo_matcher::chars::graphemes(
                    &t.replace(['-', '_'], " "),
                ));
            } else {
                self.wide.extend(nucleo_matcher::chars::graphemes(t));
            }
            start..self.wide.len()
        };
        let id = u32::try_from(self.list.len()).unwrap_or(u32::MAX);
        self.list.push(Text { at, ascii, mask });
        (id, mask)
    }

    fn known(&self, id: u32) -> (u32, u64) {
        (id, self.list.get(id as usize).map_or(0, |t| t.mask))
    }

    /// The id of a text figures share, adding it if it is new.
    fn shared(&mut self, which: Shared, t: &'a str) -> (u32, u64) {
        let table = match which {
            Shared::Value => &self.values,
            Shared::Other => &self.others,
        };
        if let Some(&id) = table.get(t) {
            return self.known(id);
        }
        let added = self.push(t, false);
        match which {
            Shared::Value => self.values.insert(t, added.0),
            Shared::Other => self.others.insert(t, added.0),
        };
        added
    }

    /// The id of a figure's tags, joined by spaces.
    fn tags(&mut self, tags: &'a [String]) -> (u32, u64) {
        let key = match tags {
            [] => Cow::Borrowed(""),
            [one] => Cow::Borrowed(one.as_str()),
            many => {
                self.joined.clear();
                for (i, t) in many.iter().enumerate() {
                    if i > 0 {
                        self.joined.push(' ');
                    }
                    self.joined.push_str(t);
                }
                if let Some(&id) = self.tags.get(self.joined.as_str()) {
                    return self.known(id);
                }
                Cow::Owned(self.joined.clone())
            }
        };
        if let Some(&id) = self.tags.get(key.as_ref()) {
            return self.known(id);
        }
        let added = self.push(&key, false);
        self.tags.insert(key, added.0);
        added
    }
}

impl Index {
    pub fn new(lib: &Library) -> Self {
        Self::build_until(lib, &|| false).unwrap_or_else(Self::empty)
    }

    fn empty() -> Self {
        Self {
            id: NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed),
            entries: Vec::new(),
            texts: Vec::new(),
            ascii: Vec::new(),
            wide: Vec::new(),
            lower: String::new(),
            entry_tags: Vec::new(),
            tag_names: Vec::new(),
            briefs: Vec::new(),
        }
    }

    /// Like [`Index::new`], but gives up (`None`) as soon as `cancel`
    /// says so; it asks once per brief.
    pub fn build_until(lib: &Library, cancel: &dyn Fn() -> bool) -> Option<Self> {
        let mut texts = Texts::default();
        let mut entries = Vec::with_capacity(lib.briefs.iter().map(|b| b.figures.len()).sum());
        let mut lower = String::new();
        let mut entry_tags = Vec::new();
        let mut tag_ids: QuickMap<&str, u32> = QuickMap::default();
        let mut tag_names = Vec::new();
        let mut briefs = Vec::with_capacity(lib.briefs.len());
        for (bi, b) in lib.briefs.iter().enumerate() {
            if cancel() {
                return None;
            }
            briefs.push((b.meta.id.clone(), b.meta.short_title.to_lowercase()));
            let title = texts.shared(Shared::Other, &b.meta.short_title);
            // Each section's title, added when a figure first names it.
            let mut sections: Vec<Option<(u32, u64)>> = vec![None; b.sections.len()];
            let no_section = texts.shared(Shared::Other, "");
            for (fi, f) in b.figures.iter().enumerate() {
                let section = match f.section.and_then(|s| Some((s.0, b.sections.get(s.0)?))) {
                    Some((s, sec)) => {
                        *sections[s].get_or_insert_with(|| texts.shared(Shared::Other, &sec.title))
                    }
                    None => no_section,
                };
                let parts = [
                    texts.shared(Shared::Value, &f.value),
                    texts.push(&f.id, true),
                    texts.push(&f.label, false),
                    texts.tags(&f.tags),
                    texts.shared(Shared::Other, &f.source),
                    title,
                    section,
                ];
                let start = lower.len();
                if f.value.is_ascii() {
                    lower.extend(f.value.bytes().map(|c| char::from(c.to_ascii_lowercase())));
                } else {
                    lower.push_str(&f.value.to_lowercase());
                }
                let value_lower = start..lower.len();
                let start = entry_tags.len();
                for t in &f.tags {
                    let next = u32::try_from(tag_names.len()).unwrap_or(u32::MAX);
                    entry_tags.push(*tag_ids.entry(t.as_str()).or_insert_with(|| {
                        tag_names.push(t.to_lowercase());
                        next
                    }));
                }
                entries.push(Entry {
                    figure: FigureRef {
                        brief: crate::model::BriefIdx(bi),
                        figure: crate::model::FigureIdx(fi),
                    },
                    fields: parts.map(|(id, _)| id),
                    mask: parts.iter().fold(0, |m, (_, part)| m | part),
                    value_lower,
                    tags: start..entry_tags.len(),
                });
            }
        }
        Some(Self {
            id: NEXT_INDEX_ID.fetch_add(1, Ordering::Relaxed),
            entries,
            texts: texts.list,
            ascii: texts.ascii,
            wide: texts.wide,
            lower,
            entry_tags,
            tag_names,
            briefs,
        })
    }

    pub fn entry(&self, r: FigureRef) -> Option<&Entry> {
        self.entries.iter().find(|e| e.figure == r)
    }

    /// The entry a hit came from.
    pub fn hit(&self, h: &Hit) -> Option<&Entry> {
        self.entries.get(h.entry).filter(|e| e.figure == h.figure)
    }

    /// The text of one field of an entry.
    pub fn field(&self, e: &Entry, field: usize) -> Option<Utf32Str<'_>> {
        let id = *e.fields.get(field)?;
        self.texts.get(id as usize).and_then(|t| self.text(t))
    }

    fn text(&self, t: &Text) -> Option<Utf32Str<'_>> {
        if t.ascii {
            self.ascii.get(t.at.clone()).map(Utf32Str::Ascii)
        } else {
            self.wide.get(t.at.clone()).map(Utf32Str::Unicode)
        }
    }

    /// The entry's value, lower-cased.
    fn value_lower(&self, e: &Entry) -> &str {
        self.lower.get(e.value_lower.clone()).unwrap_or("")
    }

    /// The entry's tags, lower-cased.
    fn tags(&self, e: &Entry) -> impl Iterator<Item = &str> {
        self.entry_tags
            .get(e.tags.clone())
            .unwrap_or(&[])
            .iter()
            .filter_map(|&t| self.tag_names.get(t as usize).map(String::as_str))
    }
}
struct Query {
    tags: Vec<String>,
    briefs: Vec<String>,
    words: Vec<String>,
    atoms: Vec<Atom>,
    masks: Vec<u64>,
}

/// Bits for the ASCII letters and digits in `s`, case-folded.
fn char_mask(s: &str) -> u64 {
    let mut m = 0u64;
    for b in s.bytes() {
        match b {
            b'a'..=b'z' => m |= 1 << (b - b'a'),
            b'A'..=b'Z' => m |= 1 << (b - b'A'),
            b'0'..=b'9' => m |= 1 << (26 + b - b'0'),
            _ => {}
        }
    }
    m
}

/// How many of the best hits are returned in sorted order.
pub const SORTED: usize = 500;

/// How many entries are ranked between two looks at the cancel flag.
const CANCEL_EVERY: usize = 2048;

fn parse_query(q: &str) -> Query {
    let mut tags = Vec::new();
    let mut briefs = Vec::new();
    let mut words = Vec::new();
    for w in q.split_whitespace() {
        if let Some(t) = w.strip_prefix('#') {
            // A bare `#` is a tag still being typed: no constraint yet.
            if !t.is_empty() {
                tags.push(t.to_lowercase());
            }
        } else if let Some(b) = w.strip_prefix('@') {
            if !b.is_empty() {
                briefs.push(b.to_lowercase());
            }
        } else {
            words.push(w.to_lowercase());
        }
    }
    let atoms = words
        .iter()
        .map(|w| {
            Atom::new(
                w,
                CaseMatching::Smart,
                Normalization::Smart,
                AtomKind::Fuzzy,
                false,
            )
        })
        .collect();
    let masks = words.iter().map(|w| char_mask(w)).collect();
    Query {
        tags,
        briefs,
        words,
        atoms,
        masks,
    }
}

/// Not yet scored, in a word's memo of string scores.
const UNSCORED: u32 = u32::MAX;
/// Scored, and the word does not match.
const NO_MATCH: u32 = u32::MAX - 1;

/// One word's scores against the index's distinct strings, filled in as
/// they are needed.
struct Memo {
    word: String,
    scores: Vec<u32>,
}

/// A reusable searcher. It remembers the last query so that typing more
/// only re-scores the figures that still matched, and each word's scores
/// so that the words already typed cost a table look-up.
#[derive(Default)]
pub struct Finder {
    matcher: Option<Matcher>,
    /// The index `last` and `memos` belong to.
    index: Option<u64>,
    last: Option<(String, Vec<usize>)>,
    memos: Vec<Memo>,
}

impl Finder {
    /// Ranks the index by `query`, best first; ties keep library order.
    pub fn rank(&mut self, index: &Index, query: &str) -> Vec<Hit> {
        self.rank_until(index, query, &|| false).unwrap_or_default()
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
        let q = parse_query(query);
        if self.index != Some(index.id) {
            self.index = Some(index.id);
            self.last = None;
            self.memos.clear();
        }
        // A query that only extends the last one can only match fewer.
        // Filters match whole tags and prefixes of briefs, so only plain
        // words narrow safely.
        let narrowing = match &self.last {
            Some((prev, _)) => {
                !prev.is_empty()
                    && query.starts_with(prev.as_str())
                    && !prev.contains(['#', '@'])
                    && !query[prev.len()..].contains(['#', '@'])
            }
            None => false,
        };
        let all;
        let pool: &[usize] = match &self.last {
            Some((_, hits)) if narrowing => hits,
            _ => {
                all = (0..index.entries.len()).collect::<Vec<_>>();
                &all
            }
        };
        // Keep the memos of the words still in the query; start the rest.
        self.memos.retain(|m| q.words.contains(&m.word));
        let slots: Vec<usize> = q
            .words
            .iter()
            .map(|w| {
                self.memos
                    .iter()
                    .position(|m| &m.word == w)
                    .unwrap_or_else(|| {
                        self.memos.push(Memo {
                            word: w.clone(),
                            scores: vec![UNSCORED; index.texts.len()],
                        });
                        self.memos.len() - 1
                    })
            })
            .collect();
        let matcher = self
            .matcher
            .get_or_insert_with(|| Matcher::new(Config::DEFAULT));
        let mut hits: Vec<(usize, u32)> = Vec::with_capacity(pool.len());
        for (n, &i) in pool.iter().enumerate() {
            if n % CANCEL_EVERY == CANCEL_EVERY - 1 && cancel() {
                return None;
            }
            let Some(e) = index.entries.get(i) else {
                continue;
            };
            if !passes_filters(index, e, &q) || q.masks.iter().any(|m| e.mask & m != *m) {
                continue;
            }
            let mut total = 0u32;
            let mut all_words = true;
            for (w, &slot) in slots.iter().enumerate() {
                let memo = &mut self.memos[slot];
                let Some(best) = best_field(index, e, &q, w, memo, matcher) else {
                    all_words = false;
                    break;
                };
                total += best + value_bonus(index, e, &q.words[w]);
            }
            if all_words {
                hits.push((i, total));
            }
        }
        self.last = Some((query.to_owned(), hits.iter().map(|(i, _)| *i).collect()));
        // Only the best are sorted; the rest follow unordered (a list shows
        // a screenful, and typing more narrows).
        let order = |a: &(usize, u32), b: &(usize, u32)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
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

    /// Character indices of `field` (one of the entry's fields) matched by
    /// the query's words, for highlighting.
    pub fn indices(&mut self, index: &Index, e: &Entry, field: usize, query: &str) -> Vec<u32> {
        let q = parse_query(query);
        let mut out = Vec::new();
        let matcher = self
            .matcher
            .get_or_insert_with(|| Matcher::new(Config::DEFAULT));
        if let Some(f) = index.field(e, field) {
            for atom in &q.atoms {
                atom.indices(f, matcher, &mut out);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The best weighted score of word `w` over the entry's fields, or `None`
/// if it matches none. Scores of shared strings come from the memo.
fn best_field(
    index: &Index,
    e: &Entry,
    q: &Query,
    w: usize,
    memo: &mut Memo,
    matcher: &mut Matcher,
) -> Option<u32> {
    let need = q.masks[w];
    let mut best = None;
    for (f, &id) in e.fields.iter().enumerate() {
        let id = id as usize;
        let Some(cached) = memo.scores.get(id).copied() else {
            continue;
        };
        let score = if cached == UNSCORED {
            let text = index
                .texts
                .get(id)
                .filter(|t| t.mask & need == need)
                .and_then(|t| index.text(t));
            let s = text.map_or(NO_MATCH, |text| {
                q.atoms[w].score(text, matcher).map_or(NO_MATCH, u32::from)
            });
            memo.scores[id] = s;
            s
        } else {
            cached
        };
        if score != NO_MATCH {
            let s = score * WEIGHTS[f];
            best = Some(best.map_or(s, |b: u32| b.max(s)));
        }
    }
    best
}

/// A number that is the value itself beats one inside it.
fn value_bonus(index: &Index, e: &Entry, word: &str) -> u32 {
    match index.value_lower(e).strip_prefix(word) {
        Some(rest) if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') => 200,
        _ => 0,
    }
}

fn passes_filters(index: &Index, e: &Entry, q: &Query) -> bool {
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

/// Convenience: rank the whole library once.
pub fn search(lib: &Library, query: &str) -> Vec<Hit> {
    Finder::default().rank(&Index::new(lib), query)
}

/// The percentage a value states ("77 percent", "82.6%", "more than 80
/// percent"), if it states one.
pub fn percent(value: &str) -> Option<f64> {
    let lower = value.to_lowercase();
    let at = lower
        .find('%')
        .or_else(|| lower.find("percent").or_else(|| lower.find("per cent")))?;
    let head = lower[..at].trim_end();
    let digits = head
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b','))
        .count();
    head[head.len() - digits..]
        .replace(',', "")
        .parse::<f64>()
        .ok()
        .filter(|p| (0.0..=1000.0).contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(lib: &Library, q: &str) -> String {
        let hits = search(lib, q);
        let h = hits.first().expect("a hit");
        lib.brief(h.figure.brief)
            .and_then(|b| b.figure(h.figure.figure))
            .map(|f| f.id.clone())
            .unwrap_or_default()
    }

    #[test]
    fn the_real_library_ranks_the_intended_figure_first() {
        let lib = Library::embedded();
        assert_eq!(top(&lib, "77"), "chips-act-america-first");
        assert_eq!(top(&lib, "chips poll"), "chips-act-america-first");
        assert_eq!(top(&lib, "chip exp china"), "chip-exports-china");
        assert_eq!(top(&lib, "visa"), "e4-visa-spots");
        assert_eq!(top(&lib, "stationing cost"), "korea-stationing-cost-share");
    }

    #[test]
    fn filters_by_tag_and_brief() {
        let lib = Library::embedded();
        let hits = search(&lib, "#public-opinion");
        assert!(hits.len() >= 5);
        for h in &hits {
            let f = lib
                .brief(h.figure.brief)
                .and_then(|b| b.figure(h.figure.figure))
                .expect("figure");
            assert!(f.tags.iter().any(|t| t == "public-opinion"));
        }
        let hits = search(&lib, "@peninsula");
        assert_eq!(hits.len(), 2);
        assert!(!search(&lib, "#public-opinion @renew poll").is_empty());
        assert!(search(&lib, "zzzzqqq").is_empty());
    }

    #[test]
    fn typing_more_narrows_incrementally() {
        let lib = Library::embedded();
        let index = Index::new(&lib);
        let mut f = Finder::default();
        let a = f.rank(&index, "c");
        let b = f.rank(&index, "ch");
        let c = f.rank(&index, "chi");
        assert!(a.len() >= b.len() && b.len() >= c.len());
        let fresh = Finder::default().rank(&index, "chi");
        assert_eq!(c, fresh);
    }

    #[test]
    fn a_finder_forgets_what_it_learnt_from_another_index() {
        let lib = Library::embedded();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
        let other = Library::from_paths(&[dir]);
        let (a, b) = (Index::new(&lib), Index::new(&other));
        let mut f = Finder::default();
        let _ = f.rank(&a, "c");
        let narrowed = f.rank(&b, "ch");
        assert_eq!(narrowed, Finder::default().rank(&b, "ch"));
        for h in &narrowed {
            assert!(
                b.hit(h).is_some(),
                "every hit is an entry of the index ranked"
            );
        }
    }

    #[test]
    fn cancelling_gives_up_and_keeps_what_was_known() {
        let lib = Library::embedded();
        let index = Index::new(&lib);
        let before = Finder::default().rank(&index, "chi");
        // An always-cancelled run over more than one cancel period gives up.
        let big = Index {
            id: u64::MAX,
            entries: (0..CANCEL_EVERY * 2)
                .map(|i| index.entries[i % index.entries.len()].clone())
                .collect(),
            texts: index.texts.clone(),
            ascii: index.ascii.clone(),
            wide: index.wide.clone(),
            lower: index.lower.clone(),
            entry_tags: index.entry_tags.clone(),
            tag_names: index.tag_names.clone(),
            briefs: index.briefs.clone(),
        };
        let mut g = Finder::default();
        assert!(g.rank_until(&big, "chi", &|| true).is_none());
        let after = g.rank(&big, "chi");
        assert_eq!(after, Finder::default().rank(&big, "chi"));
        assert!(after.len() >= before.len());
    }

    #[test]
    fn percentages_are_read_from_values() {
        assert_eq!(percent("77 percent"), Some(77.0));
        assert_eq!(percent("82.6%"), Some(82.6));
        assert_eq!(percent("more than 80 percent"), Some(80.0));
        assert_eq!(percent("approximately 40 per cent"), Some(40.0));
        assert_eq!(percent("$133 billion"), None);
        // A wide character just before the number or the sign.
        assert_eq!(percent("한%"), None);
        assert_eq!(percent("약40%"), Some(40.0));
        assert_eq!(percent("15,000"), None);
    }
}
