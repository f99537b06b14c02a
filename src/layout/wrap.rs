//! Word wrapping with textwrap's line-breaking rules, returning byte ranges so
//! styles survive the wrap.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn offset_in(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

/// Wraps `text` to `width` columns. Each range is one output line (trailing
/// white space dropped); `\n` forces a break.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut base = 0;
    for seg in text.split('\n') {
        wrap_segment(seg, base, width, &mut out);
        base += seg.len() + 1;
    }
    out
}

fn wrap_segment(seg: &str, base: usize, width: usize, out: &mut Vec<Range<usize>>) {
    if display_width(seg) <= width {
        let t = seg.trim_end();
        out.push(base..base + t.len());
        return;
    }
    let separator = if only_breaks_at_spaces(seg) {
        WordSeparator::AsciiSpace
    } else {
        WordSeparator::UnicodeBreakProperties
    };
    let words: Vec<Word<'_>> = separator.find_words(seg).collect();
    let words = break_words(words, width);
    if words.is_empty() {
        out.push(base..base);
        return;
    }
    for line in wrap_first_fit(&words, &[width as f64]) {
        let (Some(first), Some(last)) = (line.first(), line.last()) else {
            continue;
        };
        let start = offset_in(seg, first.word);
        let end = offset_in(seg, last.word) + last.word.len();
        out.push(base + start..base + end.max(start));
    }
}

/// True when the Unicode line-breaking rules (UAX #14) allow a break only
/// after spaces in `seg`: ASCII letters, digits, spaces, and `.,:;` not
/// after a space (they allow no break after them before a letter or digit,
/// and none before them). Such text is split by the much cheaper space
/// separator with the same result.
fn only_breaks_at_spaces(seg: &str) -> bool {
    let mut prev = b'a';
    seg.bytes().all(|b| {
        let ok = b.is_ascii_alphanumeric()
            || b == b' '
            || (matches!(b, b'.' | b',' | b':' | b';') && prev != b' ');
        prev = b;
        ok
    })
}

/// Splits `text` into pieces of at most `width` columns, never inside a
/// grapheme. A grapheme wider than `width` gets a piece of its own.
pub fn hard_wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut w = 0;
    for (i, g) in text.grapheme_indices(true) {
        let gw = display_width(g);
        if w + gw > width && i > start {
            out.push(start..i);
            start = i;
            w = 0;
        }
        w += gw;
    }
    out.push(start..text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str, w: usize) -> Vec<&str> {
        wrap_ranges(t, w).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn wraps_words() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
        assert_eq!(lines("short", 10), ["short"]);
        assert_eq!(lines("a\nb c", 10), ["a", "b c"]);
    }

    #[test]
    fn long_words_are_broken() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn cjk_breaks_between_characters() {
        let t = "한국과미국의기술협력";
        for l in lines(t, 6) {
            assert!(display_width(l) <= 6, "{l}");
        }
    }

    #[test]
    fn plain_ascii_breaks_as_the_unicode_rules_do() {
        const ALPHABET: &[u8] = b"ab1 .,:;Zz9xyqcdef ";
        let mut seed = 7u64;
        let mut checked = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 58) as usize + 1;
            for _ in 0..len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push(char::from(ALPHABET[(seed >> 33) as usize % ALPHABET.len()]));
            }
            if !only_breaks_at_spaces(&text) {
                continue;
            }
            checked += 1;
            let unicode: Vec<_> = WordSeparator::UnicodeBreakProperties
                .find_words(&text)
                .collect();
            let ascii: Vec<_> = WordSeparator::AsciiSpace.find_words(&text).collect();
            assert_eq!(unicode, ascii, "{text:?}");
        }
        assert!(checked > 500, "only {checked} samples");
        assert!(!only_breaks_at_spaces("supply-chain"));
        assert!(!only_breaks_at_spaces("wow!yes"));
        assert!(!only_breaks_at_spaces("a : b"));
        assert!(!only_breaks_at_spaces("한국"));
    }

    #[test]
    fn hard_wrap_keeps_graphemes() {
        let t = "a🌞b👨‍👩‍👧c";
        let parts: Vec<&str> = hard_wrap(t, 2).into_iter().map(|r| &t[r]).collect();
        assert_eq!(parts.concat(), t);
        assert!(parts.contains(&"👨‍👩‍👧"));
    }
}
