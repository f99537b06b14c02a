//! Tracing figures to their source text: is each figure's value really there?
//!
//! Both the value and the source are normalized the same way before an exact
//! search: lower-case, curly quotes straightened, words split across a line
//! break by a hyphen joined, hyphens inside words dropped (`one-third` and
//! `one third` stay distinct, `one-\nthird` matches `one-third`), runs of white
//! space folded, `percent`/`per cent` written `%`, thousands separators dropped
//! and simple number words written as digits.

use crate::diag::LineIndex;

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
                let offset = self.map.get(start).copied().unwrap_or(0);
                return Some(self.lines.pos(&self.text, offset).line);
            }
            from = start + needle.chars().next().map_or(1, char::len_utf8);
        }
        None
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn src(t: &str) -> SourceText {
        SourceText::new(t.to_owned())
    }

    #[test]
    fn percent_forms() {
        let s = src("Korea exports 60 percent of its chips\nand 77.5 per cent more; 82.6% agree.");
        assert_eq!(s.find("60%"), Some(1));
        assert_eq!(s.find("60 percent"), Some(1));
        assert_eq!(s.find("77.5 percent"), Some(2));
        assert_eq!(s.find("82.6 percent"), Some(2));
        assert_eq!(s.find("5 percent"), None);
        assert_eq!(s.find("6%"), None);
        assert_eq!(s.find("0 percent"), None);
    }

    #[test]
    fn money_separators_and_hyphenation() {
        let s = src(
            "worth $133\nbillion, with 15,000 troops and one-\nthird of trade; it quadru-\npled",
        );
        assert_eq!(s.find("$133 billion"), Some(1));
        assert_eq!(s.find("15000"), Some(2));
        assert_eq!(s.find("15,000"), Some(2));
        assert_eq!(s.find("one-third"), Some(2));
        assert_eq!(s.find("quadrupled"), Some(3));
        assert_eq!(s.find("1/3"), Some(2));
        assert_eq!(s.find("5,000"), None);
    }

    #[test]
    fn number_words_and_boundaries() {
        let s = src("In five years, twenty-five states; Forty years later");
        assert_eq!(s.find("five"), Some(1));
        assert_eq!(s.find("5 years"), Some(1));
        assert_eq!(s.find("forty years"), Some(1));
        assert_eq!(s.find("six"), None);
        let s = src("preparing a seventh nuclear test.7 While");
        assert_eq!(s.find("seventh nuclear test"), Some(1));
        assert_eq!(s.find(""), None);
    }
}
