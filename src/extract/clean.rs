//! Cleaning text for the clean text: Unicode compatibility forms folded
//! (ligatures, full-width digits, non-breaking spaces), footnote marks in
//! superscript dropped, control and invisible characters removed, white
//! space folded; and wrapped lines joined back into paragraphs.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// One line of clean text from any text: superscript footnote marks
/// dropped (NFKC would glue them to the word: `Section 232¹` → `2321`),
/// then NFKC, no control or invisible characters, one space between words.
pub fn line(s: &str) -> String {
    if is_nfkc_quick(s.chars()) == IsNormalized::Yes && !s.chars().any(is_superscript_mark) {
        return fold(s.chars());
    }
    fold(s.chars().filter(|c| !is_superscript_mark(*c)).nfkc())
}

/// Characters as one line: no control or invisible character, one space
/// between words.
fn fold(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in chars {
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Superscript digits and signs: in reports, footnote marks.
fn is_superscript_mark(c: char) -> bool {
    matches!(
        c,
        '\u{00B9}' | '\u{00B2}' | '\u{00B3}' | '\u{2070}'..='\u{207F}'
    )
}

/// Soft hyphens, zero-width characters, bidi controls, BOMs, private use.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFC}'
        | '\u{E000}'..='\u{F8FF}' | '\u{FFFD}')
}

/// Appends `next` (one wrapped line) to the paragraph `para`: a hyphen at
/// the end of a word is undone when the next line goes on in lower case
/// (`anni-` + `versary`), kept without a space otherwise (`U.S.-` + `Korea`).
pub fn join(para: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let trimmed = para.trim_end().len();
    para.truncate(trimmed);
    if para.is_empty() {
        para.push_str(next);
        return;
    }
    let hyphen = para.ends_with('-') || para.ends_with('\u{2010}');
    let before = para.trim_end_matches(['-', '\u{2010}']).chars().next_back();
    let word_before = before.is_some_and(char::is_alphabetic);
    let first = next.chars().next();
    if hyphen && !para.ends_with("--") && (word_before || !first.is_some_and(char::is_lowercase)) {
        if word_before && first.is_some_and(char::is_lowercase) {
            para.pop();
            if para.ends_with('\u{2010}') {
                para.pop();
            }
        }
        para.push_str(next);
    } else {
        para.push(' ');
        para.push_str(next);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_spaces_fold() {
        assert_eq!(
            line("  e\u{FB03}cient\u{00A0}use\tof  it "),
            "efficient use of it"
        );
    }

    #[test]
    fn superscript_marks_go_before_nfkc() {
        assert_eq!(line("Section 232\u{00B9} tariffs"), "Section 232 tariffs");
    }

    #[test]
    fn controls_and_bidi_go() {
        assert_eq!(line("a\u{1b}[2Jb\u{202E}c\u{200B}d"), "a [2Jbcd");
    }

    #[test]
    fn hyphens_at_line_ends() {
        let mut p = String::from("the 70th anni-");
        join(&mut p, "versary of the U.S.-");
        join(&mut p, "Korea alliance");
        assert_eq!(p, "the 70th anniversary of the U.S.-Korea alliance");
    }
}
