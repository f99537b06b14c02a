//! Tracing figures to their source text: is each figure's value really there?
//!
//! Both the value and the source are normalized the same way before an exact
//! search: lower-case, curly quotes straightened, words split across a line
//! break by a hyphen joined, hyphens inside words dropped (`one-third` and
//! `one third` stay distinct, `one-\nthird` matches `one-third`), runs of white
//! space folded, `percent`/`per cent` written `%`, thousands separators dropped
//! and simple number words written as digits.

use std::ops::Range;
use std::path::Path;

use crate::diag::LineIndex;
use crate::model::Brief;
use crate::textfile::read_source;

/// Why a brief's source text could not be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceError {
    /// The brief names no `source_text`.
    Unnamed,
    /// `source_text` is a path, not a plain file name.
    NotPlain(String),
    /// No such file in the folder, or it could not be read.
    Missing { name: String, dir: String },
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unnamed => write!(f, "no source_text: its figures cannot be traced"),
            Self::NotPlain(n) => write!(f, "source_text \"{n}\" must be a plain file name"),
            Self::Missing { name, dir } => write!(f, "source text \"{name}\" not found in {dir}"),
        }
    }
}

/// The source text `brief` names, read from `dir`, with its file name.
pub fn source_of(brief: &Brief, dir: &Path) -> Result<(String, SourceText), SourceError> {
    let Some(name) = &brief.meta.source_text else {
        return Err(SourceError::Unnamed);
    };
    let plain = Path::new(name)
        .file_name()
        .filter(|n| Path::new(n) == Path::new(name));
    let Some(file_name) = plain else {
        return Err(SourceError::NotPlain(name.clone()));
    };
    let path = dir.join(file_name);
    let file =
        read_source(&path, &path.display().to_string(), dir).map_err(|_| SourceError::Missing {
            name: name.clone(),
            dir: dir.display().to_string(),
        })?;
    Ok((name.clone(), SourceText::new(file.text().to_string())))
}

/// A source text prepared for value look-ups.
pub struct SourceText {
    text: String,
    lines: LineIndex,
    norm: String,
    /// For each byte of `norm`, the byte offset in `text` it came from.
    map: Vec<usize>,
}

impl SourceText {
    pub fn new(text: String) -> Self {
        let (norm, map) = normalize(&text);
        Self {
            lines: LineIndex::new(&text),
            text,
            norm,
            map,
        }
    }

    /// The 1-based line where `value` first occurs as a whole token run.
    pub fn find(&self, value: &str) -> Option<usize> {
        self.span_of(value)
            .map(|r| self.lines.pos(&self.text, r.start).line)
    }

    /// The sentence or sentences around the first occurrence of `value`,
    /// with the value marked: what a reader is shown to check a figure.
    pub fn locate(&self, value: &str) -> Option<Passage> {
        let hit = self.span_of(value)?;
        let line = self.lines.pos(&self.text, hit.start).line;
        let from = sentence_start(&self.text, hit.start);
        let to = sentence_end(&self.text, hit.end);
        let before = fold_space(&self.text[from..hit.start]);
        let value = fold_space(&self.text[hit.clone()]);
        let after = fold_space(&self.text[hit.end..to]);
        let before = before.trim_start();
        let after = after.trim_end();
        let mut text = String::with_capacity(before.len() + value.len() + after.len());
        text.push_str(before);
        let start = text.len();
        text.push_str(&value);
        let highlight = start..text.len();
        text.push_str(after);
        Some(Passage {
            line,
            text,
            highlight,
        })
    }

    /// Byte range in the original text of the first whole-token match;
    /// for a qualified value (`less than 30 percent`) that the source
    /// writes with its qualifier shared by a list (`less than 10 percent
    /// and 30 percent`), the value's number there.
    fn span_of(&self, value: &str) -> Option<Range<usize>> {
        self.exact_span(value)
            .or_else(|| qualifier::shared(self, value))
    }

    /// Byte range in the original text of the first whole-token match.
    fn exact_span(&self, value: &str) -> Option<Range<usize>> {
        let (needle, _) = normalize(value);
        let needle = needle.trim();
        if needle.is_empty() {
            return None;
        }
        let bytes = self.norm.as_bytes();
        let mut from = 0;
        while let Some(i) = self.norm[from..].find(needle) {
            let start = from + i;
            let end = start + needle.len();
            if boundary_before(bytes, start) && boundary_after(bytes, start, end) {
                let first = self.map.get(start).copied().unwrap_or(0);
                // A normalized character may stand for several (`percent`
                // became `%`): the match runs up to where the next one came
                // from, less the blanks between.
                let next = self.map.get(end).copied().unwrap_or(self.text.len());
                let last = self.text[first..next.max(first)].trim_end().len();
                return Some(first..first + last);
            }
            from = start + needle.chars().next().map_or(1, char::len_utf8);
        }
        None
    }
}

/// Where a figure's value stands in its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// 1-based line of the value.
    pub line: usize,
    /// The sentence(s) around it, white space folded.
    pub text: String,
    /// The value within `text`.
    pub highlight: Range<usize>,
}

/// Longest passage shown on either side of a value, in bytes.
const PASSAGE_REACH: usize = 600;

/// The start of the sentence holding byte `at`: just after the last
/// sentence end (`. `, `? `, `! ` or a blank line) before it.
fn sentence_start(text: &str, at: usize) -> usize {
    let floor = floor_boundary(text, at.saturating_sub(PASSAGE_REACH));
    let window = &text[floor..at];
    let b = window.as_bytes();
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        let ends = matches!(b[i], b'.' | b'?' | b'!')
            && b.get(i + 1).is_some_and(u8::is_ascii_whitespace)
            && !is_abbreviation(&window[..i]);
        let blank = b[i] == b'\n'
            && i > 0
            && window[..i]
                .trim_end_matches([' ', '\t', '\r'])
                .ends_with('\n');
        if ends || blank {
            return floor + i + 1;
        }
    }
    floor
}

/// The end of the sentence holding byte `at`: just after its end mark.
fn sentence_end(text: &str, at: usize) -> usize {
    let ceil = ceil_boundary(text, (at + PASSAGE_REACH).min(text.len()));
    let window = &text[at..ceil];
    let b = window.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        let ends = matches!(c, b'.' | b'?' | b'!')
            && b.get(i + 1).is_none_or(u8::is_ascii_whitespace)
            && !is_abbreviation(&window[..i]);
        if ends {
            return at + i + 1;
        }
        if c == b'\n'
            && window[i + 1..]
                .trim_start_matches([' ', '\t', '\r'])
                .starts_with('\n')
        {
            return at + i;
        }
    }
    ceil
}

/// True when the text before a full stop ends in an abbreviation or an
/// initial (`U.S`, `Dr`, `No`) rather than a sentence.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(['"', '\'', '\u{201c}', '\u{2018}']);
    bare.contains('.')
        || (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
        || matches!(
            bare,
            "Mr" | "Mrs" | "Ms" | "Dr" | "No" | "St" | "Gen" | "Rep" | "Sen" | "vs" | "etc"
        )
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Runs of white space as one space.
fn fold_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn boundary_before(b: &[u8], start: usize) -> bool {
    if start == 0 {
        return true;
    }
    let prev = b[start - 1];
    if prev.is_ascii_alphanumeric() || prev >= 0x80 {
        return false;
    }
    // "7.5%" must not yield "5%".
    !(matches!(prev, b'.' | b'/') && start >= 2 && b[start - 2].is_ascii_digit())
}

fn boundary_after(b: &[u8], start: usize, end: usize) -> bool {
    match b.get(end) {
        None => true,
        Some(&next) => {
            if next.is_ascii_alphanumeric() || next >= 0x80 {
                return false;
            }
            // "7" must not match the "7" of "7.5"; a footnote number glued
            // after a word ("test.7") is no decimal.
            let ends_in_digit = end > start && b[end - 1].is_ascii_digit();
            !(ends_in_digit
                && matches!(next, b'.' | b',' | b'/')
                && b.get(end + 1).is_some_and(u8::is_ascii_digit))
        }
    }
}

/// Normalized text plus, per output byte, the input offset it came from.
pub fn normalize(text: &str) -> (String, Vec<usize>) {
    let mut chars: Vec<(char, usize)> = Vec::with_capacity(text.len());
    let src: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < src.len() {
        let (off, c) = src[i];
        let c = match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{00A0}' => ' ',
            c => c,
        };
        if c == '-' || c == '\u{2010}' || c == '\u{00AD}' {
            // A hyphen ending a line joins the word parts around it; one
            // between letters or digits is dropped.
            let mut j = i + 1;
            while j < src.len() && matches!(src[j].1, ' ' | '\t' | '\r') {
                j += 1;
            }
            if j < src.len() && src[j].1 == '\n' {
                let mut k = j + 1;
                while k < src.len() && src[k].1.is_whitespace() {
                    k += 1;
                }
                i = k;
                continue;
            }
            let prev_word = chars.last().is_some_and(|(p, _)| p.is_alphanumeric());
            let next_word = src.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            if prev_word && next_word {
                i += 1;
                continue;
            }
        }
        if c.is_whitespace() {
            if chars.last().is_some_and(|(p, _)| *p != ' ') {
                chars.push((' ', off));
            }
        } else if c == ','
            && last_is_digit(&chars)
            && src.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit())
        {
            // thousands separator: dropped
        } else {
            for l in c.to_lowercase() {
                chars.push((l, off));
            }
        }
        i += 1;
    }
    let words = fold_words(&chars);
    let mut norm = String::with_capacity(words.len());
    let mut map = Vec::with_capacity(words.len());
    for (c, off) in words {
        let before = norm.len();
        norm.push(c);
        map.extend(std::iter::repeat_n(off, norm.len() - before));
    }
    (norm, map)
}

fn last_is_digit(chars: &[(char, usize)]) -> bool {
    chars.last().is_some_and(|(c, _)| c.is_ascii_digit())
}

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("onethird", "1/3"),
    ("twothirds", "2/3"),
    ("onequarter", "1/4"),
    ("onefourth", "1/4"),
    ("threequarters", "3/4"),
    ("onehalf", "1/2"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("sixty", "60"),
    ("seventy", "70"),
    ("eighty", "80"),
    ("ninety", "90"),
    ("hundred", "100"),
];

/// Word-level rewrites: `percent` → `%` (glued to the number), number words →
/// digits.
fn fold_words(chars: &[(char, usize)]) -> Vec<(char, usize)> {
    let mut out: Vec<(char, usize)> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].0.is_alphabetic() || (i > 0 && chars[i - 1].0.is_alphanumeric()) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j].0.is_alphanumeric() {
            j += 1;
        }
        let word: String = chars[i..j].iter().map(|(c, _)| *c).collect();
        let off = chars[i].1;
        if word == "percent"
            || (word == "per"
                && chars.get(j).is_some_and(|(c, _)| *c == ' ')
                && chars[j + 1..]
                    .iter()
                    .take(4)
                    .map(|(c, _)| *c)
                    .eq("cent".chars())
                && chars.get(j + 5).is_none_or(|(c, _)| !c.is_alphanumeric()))
        {
            if out.last().is_some_and(|(c, _)| *c == ' ') {
                out.pop();
            }
            out.push(('%', off));
            i = if word == "per" { j + 5 } else { j };
            continue;
        }
        if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
            out.extend(digits.chars().map(|c| (c, off)));
        } else {
            out.extend_from_slice(&chars[i..j]);
        }
        i = j;
    }
    out
}

mod qualifier;
mod quote;
#[cfg(test)]
mod tests;

pub use quote::Quote;

pub use qualifier::QUALIFIERS;
