//! Finding figures: one fuzzy ranking shared by the finder and
//! `briefing figures QUERY`.
//!
//! A query is words. `#tag` keeps figures with that tag, `@brief` keeps
//! figures of briefs whose id or short title starts with it, and every other
//! word must match (fuzzily, with nucleo) at least one field of the figure.
//! Each word scores by its best field, weighted: the value and the figure's
//! own words (id, label) count most, then tags, source, brief and section.

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};

use crate::library::Library;
use crate::model::FigureRef;

/// One ranked figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub figure: FigureRef,
    pub score: u32,
}

const FIELDS: usize = 7;
/// Value, id words, label, tags, source, brief title, section title.
const WEIGHTS: [u32; FIELDS] = [3, 2, 2, 1, 1, 1, 1];
pub const FIELD_VALUE: usize = 0;
pub const FIELD_LABEL: usize = 2;

/// A figure prepared for matching.
pub struct Entry {
    pub figure: FigureRef,
    fields: [Utf32String; FIELDS],
    /// Which of a-z and 0-9 occur anywhere: a word needing a character the
    /// figure lacks cannot match, and costs one AND to rule out.
    mask: u64,
    value_lower: String,
    tags: Vec<String>,
    brief_id: String,
    brief_title: String,
}

/// Every figure of a library, prepared once.
pub struct Index {
    pub entries: Vec<Entry>,
}

impl Index {
    pub fn new(lib: &Library) -> Self {
        let mut entries = Vec::new();
        for r in lib.figures() {
            let (Some(b), Some(f)) = (
                lib.brief(r.brief),
                lib.brief(r.brief).and_then(|b| b.figure(r.figure)),
            ) else {
                continue;
            };
            let section = f
                .section
                .and_then(|s| b.section(s))
                .map_or("", |s| s.title.as_str());
            let texts = [
                f.value.clone(),
                f.id.replace(['-', '_'], " "),
                f.label.clone(),
                f.tags.join(" "),
                f.source.clone(),
                b.meta.short_title.clone(),
                section.to_owned(),
            ];
            let joined = texts.join(" | ");
            let mask = char_mask(&joined);
            let fields = texts.map(|t| Utf32String::from(t.as_str()));
            entries.push(Entry {
                figure: r,
                fields,
                mask,
                value_lower: f.value.to_lowercase(),
                tags: f.tags.iter().map(|t| t.to_lowercase()).collect(),
                brief_id: b.meta.id.clone(),
                brief_title: b.meta.short_title.to_lowercase(),
            });
        }
        Self { entries }
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

/// A reusable searcher. It remembers the last query so that typing more
/// only re-scores the figures that still matched.
pub struct Finder {
    matcher: Matcher,
    last: Option<(String, Vec<usize>)>,
}

impl Default for Finder {
    fn default() -> Self {
        Self {
            matcher: Matcher::new(Config::DEFAULT),
            last: None,
        }
    }
}

impl Finder {
    /// Ranks the index by `query`, best first; ties keep library order.
    pub fn rank(&mut self, index: &Index, query: &str) -> Vec<Hit> {
        let q = parse_query(query);
        // A query that only extends the last one can only match fewer.
        // Filters match whole tags and prefixes of briefs, so only plain
        // words narrow safely.
        let pool: Vec<usize> = match &self.last {
            Some((prev, hits))
                if !prev.is_empty()
                    && query.starts_with(prev.as_str())
                    && !prev.contains(['#', '@'])
                    && !query[prev.len()..].contains(['#', '@']) =>
            {
                hits.clone()
            }
            _ => (0..index.entries.len()).collect(),
        };
        let mut hits: Vec<(usize, u32)> = Vec::with_capacity(pool.len());
        for i in pool {
            let e = &index.entries[i];
            if !passes_filters(e, &q) || q.masks.iter().any(|m| e.mask & m != *m) {
                continue;
            }
            if let Some(score) = self.score(e, &q) {
                hits.push((i, score));
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
        hits.into_iter()
            .map(|(i, score)| Hit {
                figure: index.entries[i].figure,
                score,
            })
            .collect()
    }

    fn score(&mut self, e: &Entry, q: &Query) -> Option<u32> {
        let mut total = 0u32;
        for (atom, word) in q.atoms.iter().zip(&q.words) {
            let mut best = None;
            for (f, field) in e.fields.iter().enumerate() {
                if let Some(s) = atom.score(field.slice(..), &mut self.matcher) {
                    let s = u32::from(s) * WEIGHTS[f];
                    best = Some(best.map_or(s, |b: u32| b.max(s)));
                }
            }
            total += best?;
            // A number that is the value itself beats one inside it.
            if e.value_lower.starts_with(word.as_str()) {
                let rest = &e.value_lower[word.len()..];
                if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
                    total += 200;
                }
            }
        }
        Some(total)
    }

    /// Character indices of `field` (one of the entry's fields) matched by
    /// the query's words, for highlighting.
    pub fn indices(&mut self, e: &Entry, field: usize, query: &str) -> Vec<u32> {
        let q = parse_query(query);
        let mut out = Vec::new();
        if let Some(f) = e.fields.get(field) {
            for atom in &q.atoms {
                atom.indices(f.slice(..), &mut self.matcher, &mut out);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn passes_filters(e: &Entry, q: &Query) -> bool {
    q.tags.iter().all(|t| e.tags.iter().any(|ft| ft == t))
        && (q.briefs.is_empty()
            || q.briefs.iter().any(|b| {
                e.brief_id.starts_with(b.as_str()) || e.brief_title.starts_with(b.as_str())
            }))
}

impl Index {
    pub fn entry(&self, r: FigureRef) -> Option<&Entry> {
        self.entries.iter().find(|e| e.figure == r)
    }
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
    let start = head
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(0, |i| i + 1);
    head[start..]
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
        assert_eq!(hits.len(), 1);
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
    fn percentages_are_read_from_values() {
        assert_eq!(percent("77 percent"), Some(77.0));
        assert_eq!(percent("82.6%"), Some(82.6));
        assert_eq!(percent("more than 80 percent"), Some(80.0));
        assert_eq!(percent("approximately 40 per cent"), Some(40.0));
        assert_eq!(percent("$133 billion"), None);
        assert_eq!(percent("15,000"), None);
    }
}
