//! Finding briefs by name as it is typed: home's filter. A brief's names
//! are its short title, title, id, publisher, authors, tags and year. The
//! words are matched as the finder matches them ([`crate::query`]): folded,
//! by stem, as the prefix of a word, or as a typo of one (`semicondctor`);
//! every word typed must meet the brief, and the briefs it meets best, in
//! their titles first, come first.

use crate::library::Library;
use crate::model::{Brief, BriefIdx};
use crate::query::{Analyzer, Kind};

/// How much a word met in each kind of name counts.
const TITLE: f32 = 3.0;
const ID: f32 = 2.0;
const BYLINE: f32 = 1.5;
const TAG: f32 = 1.0;

/// One distinct word of the briefs' names.
struct Word {
    norm: String,
    stem: String,
}

/// Every brief's names as words, made once per library. Each distinct
/// word is kept once: a key weighs a word typed against each distinct
/// word (thousands), not against every brief's every word (hundreds of
/// thousands at 10,000 briefs, whose publishers, tags and years repeat).
pub struct Names {
    words: Vec<Word>,
    /// Per brief, its words (places in `words`) with their weights.
    briefs: Vec<Vec<(u32, f32)>>,
    analyzer: Analyzer,
}

impl Names {
    pub fn new(lib: &Library) -> Self {
        let analyzer = Analyzer::default();
        let mut words = Vec::new();
        let mut at: crate::lookup::QuickMap<String, u32> = crate::lookup::QuickMap::default();
        let briefs = lib
            .briefs
            .iter()
            .map(|b| {
                words_of(&analyzer, b)
                    .into_iter()
                    .map(|(w, weight)| {
                        let place = *at.entry(w.norm.clone()).or_insert_with(|| {
                            words.push(w);
                            u32::try_from(words.len() - 1).unwrap_or(u32::MAX)
                        });
                        (place, weight)
                    })
                    .collect()
            })
            .collect();
        Self {
            words,
            briefs,
            analyzer,
        }
    }

    /// How many briefs there are.
    pub fn len(&self) -> usize {
        self.briefs.len()
    }

    /// True if the library has no brief.
    pub fn is_empty(&self) -> bool {
        self.briefs.is_empty()
    }

    /// The briefs `query` meets, best first (in library order when they
    /// meet it alike). A query of no words meets every brief, in order.
    pub fn find(&self, query: &str) -> Vec<BriefIdx> {
        let wanted = self.analyzer.tokens(query);
        if wanted.is_empty() {
            return (0..self.briefs.len()).map(BriefIdx).collect();
        }
        // How well each word typed meets each distinct word.
        let met: Vec<Vec<f32>> = wanted
            .iter()
            .map(|w| {
                self.words
                    .iter()
                    .map(|n| quality(&w.norm, &w.stem, w.kind, n))
                    .collect()
            })
            .collect();
        let mut scored: Vec<(f32, usize)> = self
            .briefs
            .iter()
            .enumerate()
            .filter_map(|(i, words)| {
                let mut sum = 0.0;
                for q in &met {
                    let best = words
                        .iter()
                        .map(|&(n, weight)| q.get(n as usize).copied().unwrap_or(0.0) * weight)
                        .fold(0.0f32, f32::max);
                    if best <= 0.0 {
                        return None;
                    }
                    sum += best;
                }
                Some((sum, i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| BriefIdx(i)).collect()
    }
}

/// A brief's names as weighted words.
fn words_of(an: &Analyzer, b: &Brief) -> Vec<(Word, f32)> {
    let m = &b.meta;
    let mut out = Vec::new();
    let mut add = |text: &str, weight: f32| {
        for t in an.tokens(text) {
            out.push((
                Word {
                    norm: t.norm,
                    stem: t.stem,
                },
                weight,
            ));
        }
    };
    add(&m.short_title, TITLE);
    add(&m.title, TITLE);
    add(&m.id.replace(['-', '_'], " "), ID);
    if let Some(p) = &m.publisher {
        add(p, BYLINE);
    }
    for a in &m.authors {
        add(a, BYLINE);
    }
    for t in &m.tags {
        add(&t.replace('-', " "), TAG);
    }
    if let Some(d) = m.published {
        add(&d.year.to_string(), TAG);
    }
    out
}

/// How well a word typed meets a word of the names, from 0 (not at all)
/// to 1 (the same word): by stem, as a prefix, or as a typo.
fn quality(norm: &str, stem: &str, kind: Kind, name: &Word) -> f32 {
    if name.norm == norm {
        return 1.0;
    }
    if kind == Kind::Number {
        return if name.norm.starts_with(norm) {
            0.7
        } else {
            0.0
        };
    }
    if name.stem == stem {
        return 0.9;
    }
    if name.norm.starts_with(norm) {
        let typed = norm.chars().count() as f32;
        let whole = name.norm.chars().count().max(1) as f32;
        return 0.6 + 0.3 * typed / whole;
    }
    let chars = norm.chars().count();
    if chars >= 4 && name.norm.chars().next() == norm.chars().next() {
        let allowed = if chars <= 5 { 1 } else { 2 };
        if name.norm.len().abs_diff(norm.len()) <= allowed
            && strsim::damerau_levenshtein(norm, &name.norm) <= allowed
        {
            return 0.5;
        }
    }
    0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> (Library, Names) {
        let lib = Library::embedded();
        let names = Names::new(&lib);
        (lib, names)
    }

    fn ids<'a>(lib: &'a Library, found: &[BriefIdx]) -> Vec<&'a str> {
        found
            .iter()
            .filter_map(|b| lib.brief(*b).map(|b| b.meta.id.as_str()))
            .collect()
    }

    #[test]
    fn nothing_typed_keeps_every_brief_in_order() {
        let (lib, n) = names();
        let all = n.find("  ");
        assert_eq!(all.len(), lib.briefs.len());
        assert!(all.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_meet_by_prefix_stem_and_typo_and_all_must_meet() {
        let (lib, n) = names();
        for q in ["digital", "digi", "Digital Allies", "digitl allies"] {
            let found = n.find(q);
            assert!(!found.is_empty(), "{q}");
            let first = lib.brief(found[0]).map(|b| b.meta.short_title.clone());
            assert_eq!(first.as_deref(), Some("Digital Allies"), "{q}");
        }
        assert!(n.find("digital zzzz").is_empty(), "every word must meet");
        assert!(n.find("qqqq").is_empty());
    }

    #[test]
    fn a_publisher_or_a_year_finds_its_briefs() {
        let (lib, n) = names();
        let year = lib.briefs[0].meta.published.map(|d| d.year);
        let by_year = n.find(&year.unwrap_or_default().to_string());
        assert!(by_year.contains(&BriefIdx(0)));
        for b in &by_year {
            let of = lib.brief(*b).and_then(|b| b.meta.published).map(|d| d.year);
            assert_eq!(of, year, "{:?}", ids(&lib, &by_year));
        }
        let publisher = lib.briefs[0].meta.publisher.clone().unwrap_or_default();
        let word = publisher.split_whitespace().last().unwrap_or_default();
        let found = n.find(word);
        assert!(
            found.contains(&BriefIdx(0)),
            "{word}: {:?}",
            ids(&lib, &found)
        );
    }
}
