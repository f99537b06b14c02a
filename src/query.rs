//! Query understanding, shared by the figure finder, `briefing figures`,
//! the glossary and text search: folding (case, diacritics, dashes,
//! quotes), words and numbers as tokens (`60%` = `60 percent` = `sixty
//! percent`, `$133bn` = `$133 billion`, `15k` = `15,000`), English
//! stemming (Snowball, from `rust-stemmers`) and the question and filler
//! words that a query never needs to match.

mod numbers;
#[cfg(test)]
mod tests;
mod words;

pub use numbers::{Unit, units, with_unit};
pub use words::is_light;
use words::{FILLER, SOFT};

use std::cell::RefCell;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// Distinct words a thread remembers the stems of before it starts again.
const STEMS_KEPT: usize = 100_000;

thread_local! {
    /// Stems already computed on this thread, by folded word: a library
    /// says the same few thousand words again and again, and stemming is
    /// the dearest step of reading a text's words.
    static STEMS: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
}

/// One character folded for matching: lower case, without diacritics,
/// every dash as `-`, every quote or apostrophe as `'` (or `"`). Always
/// one character for one, so positions carry over.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        };
    }
    fold_punct(nucleo_matcher::chars::normalize(
        c.to_lowercase().next().unwrap_or(c),
    ))
}

/// Dashes and quotes folded, case and letters kept (for a search that
/// respects the case the user typed).
pub fn fold_punct(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{02bc}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
        _ => c,
    }
}

/// A whole text folded with [`fold_char`].
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A number in one spelling: digits, no separators, `.` for decimals
    /// (`15,000` → `15000`, `sixty` → `60`, `15k` → `15000`).
    Number,
}

/// A word or number of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded word (`korea's` → `korea`, `U.S.` → `us`) or the number.
    pub norm: String,
    /// What matching compares: the English stem of a word, a number as is.
    pub stem: String,
    /// Where it stands in the text, in bytes (a merged token, `per cent`
    /// or `sixty-five`, covers all its parts).
    pub range: Range<usize>,
    pub kind: Kind,
}

/// Tokenizes and stems. Cheap to make; one per thread or per call.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Analyzer {
    /// The stem of a folded word.
    pub fn stem(&self, word: &str) -> String {
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return word.to_owned();
        }
        STEMS.with(|cell| {
            let Ok(mut stems) = cell.try_borrow_mut() else {
                return self.stemmer.stem(word).into_owned();
            };
            if let Some(s) = stems.get(word) {
                return s.clone();
            }
            let s = self.stemmer.stem(word).into_owned();
            if stems.len() >= STEMS_KEPT {
                stems.clear();
            }
            stems.insert(word.to_owned(), s.clone());
            s
        })
    }

    /// The tokens of `text`, in order.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = words(text);
        for t in &mut out {
            t.stem = match t.kind {
                Kind::Number => t.norm.clone(),
                Kind::Word => self.stem(&t.norm),
            };
        }
        out
    }
}

/// The tokens of `text` without their stems (`stem` is left empty): what
/// highlighting needs, at a fraction of the cost.
pub fn words(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for (norm, range) in raw_words(text) {
        numbers::push_word(&mut out, norm, range);
    }
    numbers::merge(&mut out);
    out
}

/// The tokens of `text` (see [`Analyzer::tokens`]).
pub fn tokens(text: &str) -> Vec<Token> {
    Analyzer::default().tokens(text)
}

/// Question and filler words: never needed for a match (`what`, `how
/// many`, `does`, `the`...).
pub fn is_filler(norm: &str) -> bool {
    FILLER.binary_search(&norm).is_ok()
}

/// Words that say what kind of number is wanted (`share`, `percent`,
/// `number`...): they count, but less, and a figure lacking them is not
/// thought to miss part of the question.
pub fn is_soft(stem: &str) -> bool {
    SOFT.binary_search(&stem).is_ok()
}

/// The words of a finder query: `#tag` and `@brief` filters apart.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub tags: Vec<String>,
    pub briefs: Vec<String>,
    pub words: Vec<QueryWord>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    pub norm: String,
    pub stem: String,
    pub kind: Kind,
    /// A question or filler word: it may match, it is never needed.
    pub filler: bool,
    /// See [`is_soft`].
    pub soft: bool,
    /// A number's unit (`40%`): it meets only numbers with that unit.
    pub unit: Option<Unit>,
    /// The word being typed (the last of a finder query with no blank
    /// after it): it may be the start of a longer library word.
    pub prefix: bool,
}

/// Parses a query as a whole (`briefing figures`, `cite`): no word is
/// taken for the start of a longer one.
pub fn parse(q: &str, an: &Analyzer) -> Query {
    parse_as(q, an, false)
}

/// Parses a query; with `typing` (the finder), its last word, unless a
/// blank follows it, is the word being typed and may be a prefix.
/// Question and filler words are marked: they never score.
pub fn parse_as(q: &str, an: &Analyzer, typing: bool) -> Query {
    let mut query = Query::default();
    let mut plain = String::new();
    for w in q.split_whitespace() {
        if let Some(t) = w.strip_prefix('#') {
            // A bare `#` is a tag still being typed: no constraint yet.
            if !t.is_empty() {
                query.tags.push(t.to_lowercase());
            }
        } else if let Some(b) = w.strip_prefix('@') {
            if !b.is_empty() {
                query.briefs.push(b.to_lowercase());
            }
        } else {
            plain.push_str(w);
            plain.push(' ');
        }
    }
    let toks = an.tokens(&plain);
    let units = units(&toks);
    let last_typed = typing
        && !q.ends_with(char::is_whitespace)
        && q.split_whitespace()
            .last()
            .is_some_and(|w| !w.starts_with(['#', '@']));
    let n = toks.len();
    query.words = toks
        .into_iter()
        .zip(units)
        .enumerate()
        .map(|(i, (t, unit))| QueryWord {
            filler: t.kind == Kind::Word && is_filler(&t.norm),
            soft: t.kind == Kind::Word && (is_soft(&t.stem) || is_light(&t.norm)),
            prefix: last_typed && i + 1 == n,
            norm: t.norm,
            stem: t.stem,
            kind: t.kind,
            unit,
        })
        .collect();
    query
}

/// Splits `text` into folded words with their byte ranges. A word is a run
/// of letters and digits; inside one, an apostrophe is dropped (`don't`),
/// a possessive `'s` ends it (`Korea's`), `.` and `,` inside a number are
/// kept for [`numbers`] to read (`82.6`, `15,000`), and an initialism's
/// dots are dropped (`U.S.` → `us`). `%` and currency signs are words of
/// their own (`percent`, `dollar`...).
fn raw_words(text: &str) -> Vec<(String, Range<usize>)> {
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, fold_char(c)))
        .collect();
    let at = |i: usize| chars.get(i).map_or(' ', |&(_, c)| c);
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut word = String::new();
    let mut start = 0;
    // Characters of the word since its last dot (for initialisms).
    let mut seg = 0usize;
    let mut i = 0;
    let flush = |word: &mut String, out: &mut Vec<(String, Range<usize>)>, start, end| {
        if !word.is_empty() {
            out.push((std::mem::take(word), start..end));
        }
    };
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_alphanumeric() {
            if word.is_empty() {
                start = b;
                seg = 0;
            }
            word.push(c);
            seg += 1;
            i += 1;
            continue;
        }
        let in_number = !word.is_empty() && word.bytes().all(|x| x.is_ascii_digit() || x == b'.');
        let next = at(i + 1);
        match c {
            '\'' if !word.is_empty() => {
                if next == 's' && !at(i + 2).is_alphanumeric() {
                    flush(&mut word, &mut out, start, b);
                    i += 2;
                    continue;
                }
                if next.is_alphanumeric() {
                    i += 1;
                    continue;
                }
            }
            '.' if in_number && next.is_ascii_digit() && !word.contains('.') => {
                word.push('.');
                i += 1;
                continue;
            }
            ',' if in_number
                && !word.contains('.')
                && (1..=3).all(|k| at(i + k).is_ascii_digit())
                && !at(i + 4).is_ascii_digit() =>
            {
                i += 1;
                continue;
            }
            '.' if seg == 1
                && word.chars().all(char::is_alphabetic)
                && next.is_alphabetic()
                && !at(i + 2).is_alphanumeric() =>
            {
                seg = 0;
                i += 1;
                continue;
            }
            _ => {}
        }
        flush(&mut word, &mut out, start, b);
        let sign = match c {
            '%' => Some("percent"),
            '$' => Some("dollar"),
            '€' => Some("euro"),
            '£' => Some("pound"),
            '₩' => Some("won"),
            _ => None,
        };
        if let Some(s) = sign {
            out.push((s.to_owned(), b..end_of(i + 1)));
        }
        i += 1;
    }
    flush(&mut word, &mut out, start, text.len());
    out
}
