//! Finding figures: one fuzzy ranking shared by the finder and
//! `briefing figures QUERY`.
//!
//! A query is words: `#tag` keeps figures with that tag, `@brief` keeps
//! figures of briefs whose id or short title starts with it, and the other
//! words are matched fuzzily (all of them) against value, label, tags, source,
//! brief title and section title.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::library::Library;
use crate::model::FigureRef;

/// One ranked figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub figure: FigureRef,
    pub score: u32,
}

/// The text a figure is matched against.
pub fn haystack(lib: &Library, r: FigureRef) -> String {
    let Some(b) = lib.brief(r.brief) else {
        return String::new();
    };
    let Some(f) = b.figure(r.figure) else {
        return String::new();
    };
    let section = f
        .section
        .and_then(|s| b.section(s))
        .map_or("", |s| s.title.as_str());
    format!(
        "{} {} {} {} {} {}",
        f.value,
        f.label,
        f.tags.join(" "),
        f.source,
        b.meta.short_title,
        section
    )
}

struct Query {
    tags: Vec<String>,
    briefs: Vec<String>,
    pattern: Option<Pattern>,
    words: Vec<String>,
}

fn parse_query(q: &str) -> Query {
    let mut tags = Vec::new();
    let mut briefs = Vec::new();
    let mut words = Vec::new();
    for w in q.split_whitespace() {
        if let Some(t) = w.strip_prefix('#').filter(|t| !t.is_empty()) {
            tags.push(t.to_lowercase());
        } else if let Some(b) = w.strip_prefix('@').filter(|b| !b.is_empty()) {
            briefs.push(b.to_lowercase());
        } else {
            words.push(w.to_owned());
        }
    }
    let text = words.join(" ");
    let pattern = (!text.is_empty())
        .then(|| Pattern::parse(&text, CaseMatching::Smart, Normalization::Smart));
    Query {
        tags,
        briefs,
        pattern,
        words,
    }
}

/// A reusable searcher (the matcher keeps scratch buffers).
pub struct Finder {
    matcher: Matcher,
    buf: Vec<char>,
}

impl Default for Finder {
    fn default() -> Self {
        Self {
            matcher: Matcher::new(Config::DEFAULT),
            buf: Vec::new(),
        }
    }
}

impl Finder {
    /// Ranks `candidates` (figure and haystack) by `query`, best first; ties
    /// keep library order.
    pub fn rank(
        &mut self,
        lib: &Library,
        candidates: &[(FigureRef, String)],
        query: &str,
    ) -> Vec<Hit> {
        let q = parse_query(query);
        let mut hits: Vec<Hit> = Vec::new();
        for (r, hay) in candidates {
            if !Self::passes_filters(lib, *r, &q) {
                continue;
            }
            let score = match &q.pattern {
                None => 0,
                Some(p) => {
                    let Some(s) = p.score(Utf32Str::new(hay, &mut self.buf), &mut self.matcher)
                    else {
                        continue;
                    };
                    s + bonus(lib, *r, &q.words)
                }
            };
            hits.push(Hit { figure: *r, score });
        }
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
        hits
    }

    /// Character indices of `hay` matched by `query` (for highlighting).
    pub fn indices(&mut self, hay: &str, query: &str) -> Vec<u32> {
        let q = parse_query(query);
        let mut out = Vec::new();
        if let Some(p) = q.pattern {
            p.indices(
                Utf32Str::new(hay, &mut self.buf),
                &mut self.matcher,
                &mut out,
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn passes_filters(lib: &Library, r: FigureRef, q: &Query) -> bool {
        let (Some(b), Some(f)) = (
            lib.brief(r.brief),
            lib.brief(r.brief).and_then(|b| b.figure(r.figure)),
        ) else {
            return false;
        };
        let tags_ok = q
            .tags
            .iter()
            .all(|t| f.tags.iter().any(|ft| ft.eq_ignore_ascii_case(t)));
        let brief_ok = q.briefs.is_empty()
            || q.briefs.iter().any(|want| {
                b.meta.id.starts_with(want.as_str())
                    || b.meta.short_title.to_lowercase().starts_with(want.as_str())
            });
        tags_ok && brief_ok
    }
}

/// Extra weight for the fields a reader means first: a query word that starts
/// the value, or stands as a whole word in the label.
fn bonus(lib: &Library, r: FigureRef, words: &[String]) -> u32 {
    let Some(f) = lib.brief(r.brief).and_then(|b| b.figure(r.figure)) else {
        return 0;
    };
    let value = f.value.to_lowercase();
    let label = f.label.to_lowercase();
    let mut bonus = 0;
    for w in words {
        let w = w.to_lowercase();
        if value.starts_with(&w) {
            bonus += 40;
            if value.split_whitespace().next() == Some(w.trim_end_matches('%')) {
                bonus += 20;
            }
        }
        if label
            .split(|c: char| !c.is_alphanumeric())
            .any(|lw| lw.starts_with(&w))
        {
            bonus += 16;
        }
    }
    bonus
}

/// Every figure of the library with its haystack, in library order.
pub fn candidates(lib: &Library) -> Vec<(FigureRef, String)> {
    lib.figures().map(|r| (r, haystack(lib, r))).collect()
}

/// Convenience: rank the whole library.
pub fn search(lib: &Library, query: &str) -> Vec<Hit> {
    Finder::default().rank(lib, &candidates(lib), query)
}
