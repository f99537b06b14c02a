//! Numbers that are no statistic: parts of links, DOIs and ISBNs, footnote
//! marks, names with digits (`G20`, `5G`, `Chip 4`), labels (`Section 232`,
//! `page 4`), dates and list numbers.

use std::ops::Range;

use super::events::month;
use super::tokens::{Kind, Tok};
use super::vocab;

/// Byte ranges of `s` that hold links, DOIs or ISBNs: nothing in them is
/// scanned.
pub fn masked(s: &str) -> Vec<Range<usize>> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    for key in [
        "http://", "https://", "www.", "doi:", "doi.org", "isbn", "issn", "10.",
    ] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let start = from + i;
            let prev_ok = start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric();
            let doi_prefix = key != "10." || is_doi_at(&lower[start..]);
            let end = if key.starts_with("isbn") || key == "issn" {
                identifier_end(s, start + key.len())
            } else {
                s[start..]
                    .find(char::is_whitespace)
                    .map_or(s.len(), |e| start + e)
            };
            let inside = out.iter().any(|r: &Range<usize>| r.contains(&start));
            if prev_ok && doi_prefix && !inside {
                out.push(start..end);
            }
            from = end.max(start + key.len());
        }
    }
    out
}

/// `10.1000/xyz`: a DOI's prefix, a slash within the first word.
fn is_doi_at(s: &str) -> bool {
    let word = s.split_whitespace().next().unwrap_or("");
    let digits = word[3..].chars().take_while(char::is_ascii_digit).count();
    digits >= 4 && word[3 + digits..].starts_with('/')
}

/// The end of an ISBN's digits after its label (`ISBN: 978-1-2345-6789-0`).
fn identifier_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i < b.len()
        && matches!(
            b[i],
            b':' | b' ' | b'-' | b'0'..=b'9' | b'X' | b'x' | b'(' | b')'
        )
    {
        i += 1;
    }
    i
}

pub fn in_mask(mask: &[Range<usize>], t: &Tok<'_>) -> bool {
    mask.iter().any(|r| r.start <= t.start && t.start < r.end)
}

/// True when the number at `i` is a name, label, footnote mark, date or
/// list number rather than a quantity. Units (a percent sign, a currency)
/// are judged by the caller before this.
pub fn is_lookalike(toks: &[Tok<'_>], i: usize, end: usize) -> bool {
    glued_name(toks, i, end)
        || footnote_mark(toks, i)
        || labelled(toks, i)
        || date_part(toks, i, end)
        || list_number(toks, i, end)
}

/// `5G`, `G7 20`, `F-35`, `Chip4`: letters glued to the digits.
fn glued_name(toks: &[Tok<'_>], i: usize, end: usize) -> bool {
    let t = &toks[i];
    if t.kind != Kind::Num {
        return false;
    }
    let before = i.checked_sub(1).map(|p| &toks[p]).filter(|_| !t.spaced);
    let glued_before = before.is_some_and(|p| {
        p.is_word()
            || (p.text == "-"
                && i >= 2
                && !p.spaced
                && toks[i - 2].is_word()
                && toks[i - 2].text.chars().all(char::is_uppercase))
    });
    let after = toks.get(i + 1).filter(|a| !a.spaced && a.is_word());
    let glued_after = end == i + 1
        && after.is_some_and(|a| {
            let lower = a.lower();
            !matches!(
                lower.split('-').next().unwrap_or(""),
                "th" | "st"
                    | "nd"
                    | "rd"
                    | "s"
                    | "bn"
                    | "mn"
                    | "m"
                    | "b"
                    | "k"
                    | "tn"
                    | "trn"
                    | "x"
            )
        });
    glued_before || glued_after
}

/// A number glued after a full stop, comma, quote or bracket: a footnote
/// mark (`agreements.38`).
fn footnote_mark(toks: &[Tok<'_>], i: usize) -> bool {
    let t = &toks[i];
    if t.spaced || i == 0 {
        return false;
    }
    let p = &toks[i - 1];
    p.kind == Kind::Sym
        && !matches!(
            p.text,
            "$" | "€"
                | "£"
                | "¥"
                | "₩"
                | "("
                | "["
                | "~"
                | "-"
                | "\u{2013}"
                | "\u{2014}"
                | "/"
                | "#"
        )
}

/// `Section 232`, `page 4`, `No. 5`, `Chip 4`: a label word or a capitalised
/// name just before.
fn labelled(toks: &[Tok<'_>], i: usize) -> bool {
    let mut p = i;
    // Skip `.` of `No.` and `(` of `Article (5)`.
    while p > 0 && matches!(toks[p - 1].text, "." | "(" | "§") {
        if toks[p - 1].text == "§" {
            return true;
        }
        p -= 1;
    }
    let Some(w) = p.checked_sub(1).map(|q| &toks[q]) else {
        return false;
    };
    if !w.is_word() {
        return false;
    }
    let lower = w.lower();
    if vocab::is_label_word(&lower) {
        return true;
    }
    // A capitalised word that is not the sentence's first, a qualifier or a
    // month: a name such as `Chip 4` or `Title 42`.
    let capital = w.text.starts_with(char::is_uppercase);
    capital
        && p - 1 > 0
        && month(&lower).is_none()
        && !vocab::QUALIFIERS.contains(&lower.as_str())
        && !matches!(lower.as_str(), "i" | "us" | "u" | "s")
}

/// `March 22`, `22 March`, `22, 2022`.
fn date_part(toks: &[Tok<'_>], i: usize, end: usize) -> bool {
    let before_month = i > 0 && month(&toks[i - 1].lower()).is_some();
    let after_month = toks.get(end).is_some_and(|t| month(&t.lower()).is_some());
    before_month || after_month
}

/// `1.` or `(a)` opening a sentence.
fn list_number(toks: &[Tok<'_>], i: usize, end: usize) -> bool {
    let first = i == 0 || (i == 1 && toks[0].text == "(");
    first && end == i + 1 && toks.get(end).is_some_and(|t| matches!(t.text, "." | ")"))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn look(s: &str, word: &str) -> bool {
        let t = tokenize(s);
        let i = t.iter().position(|t| t.text == word).unwrap_or(0);
        is_lookalike(&t, i, i + 1)
    }

    #[test]
    fn lookalikes() {
        assert!(look("under Section 232 tariffs", "232"));
        assert!(look("the Chip 4 alliance", "4"));
        assert!(look("deploy 5G networks", "5"));
        assert!(look("trade agreements.38 It also", "38"));
        assert!(look("on March 22, 2022", "22"));
        assert!(look("see page 14 for more", "14"));
        assert!(!look("about 40,000 troops", "40,000"));
        assert!(!look("The 40,000 troops", "40,000"));
    }

    #[test]
    fn masks() {
        let s = "See https://x.org/a/2023 and doi:10.1000/182 or ISBN 978-3-16-148410-0.";
        let m = masked(s);
        assert_eq!(m.len(), 3);
    }
}
