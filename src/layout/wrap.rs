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
    let words: Vec<Word<'_>> = WordSeparator::UnicodeBreakProperties
        .find_words(seg)
        .collect();
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
    fn hard_wrap_keeps_graphemes() {
        let t = "a🌞b👨‍👩‍👧c";
        let parts: Vec<&str> = hard_wrap(t, 2).into_iter().map(|r| &t[r]).collect();
        assert_eq!(parts.concat(), t);
        assert!(parts.contains(&"👨‍👩‍👧"));
    }
}
