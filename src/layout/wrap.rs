//! Word wrapping with textwrap's line-breaking rules, returning byte ranges so
//! styles survive the wrap.

use std::ops::Range;

use textwrap::WordSeparator;
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

/// First-fit wrapping at textwrap's break opportunities, measured here with
/// unicode-width per string (textwrap sums per-character widths, which
/// undercounts emoji with VS16 and so overfills lines). Words wider than the
/// line are split between graphemes.
fn wrap_segment(seg: &str, base: usize, width: usize, out: &mut Vec<Range<usize>>) {
    if display_width(seg) <= width {
        let t = seg.trim_end();
        out.push(base..base + t.len());
        return;
    }
    let mut fill = Fill {
        base,
        width,
        line: None,
        line_w: 0,
        out,
    };
    for_each_word(seg, |word, whitespace| {
        let start = word.start;
        let text = &seg[word];
        let ww = display_width(text);
        if ww > width {
            for r in hard_wrap(text, width) {
                let w = display_width(&text[r.clone()]);
                fill.place(start + r.start..start + r.end, w);
            }
        } else {
            fill.place(start..start + text.len(), ww);
        }
        fill.line_w += whitespace;
    });
    let last = fill.line.take().unwrap_or(0..0);
    out.push(base + last.start..base + last.end);
}

/// The widest word of `text`: the narrowest a column holding it can get
/// without splitting one.
pub fn longest_word(text: &str) -> usize {
    let mut widest = 0;
    for seg in text.split('\n') {
        for_each_word(seg, |word, _| {
            widest = widest.max(display_width(&seg[word]));
        });
    }
    widest
}

/// Calls `f` with each word of `seg` (a byte range) and the width of the
/// white space after it, in order. Words end where the Unicode
/// line-breaking rules allow a break, except inside Korean words: Korean
/// is written with spaces, so it breaks only there (CSS `word-break:
/// keep-all` for Hangul), while Chinese and Japanese still break between
/// characters.
fn for_each_word(seg: &str, mut f: impl FnMut(Range<usize>, usize)) {
    if only_breaks_at_spaces(seg) {
        for word in WordSeparator::AsciiSpace.find_words(seg) {
            let start = offset_in(seg, word.word);
            f(start..start + word.word.len(), word.whitespace.len());
        }
        return;
    }
    let hangul = seg.chars().any(is_hangul);
    let mut held: Option<(Range<usize>, usize)> = None;
    for word in WordSeparator::UnicodeBreakProperties.find_words(seg) {
        let start = offset_in(seg, word.word);
        let range = start..start + word.word.len();
        let ws = display_width(word.whitespace);
        match held.as_mut() {
            Some((r, 0)) if hangul && keeps_together(&seg[r.clone()], word.word) => {
                r.end = range.end;
                held = held.map(|(r, _)| (r, ws));
            }
            _ => {
                if let Some((r, w)) = held.take() {
                    f(r, w);
                }
                held = Some((range, ws));
            }
        }
    }
    if let Some((r, w)) = held {
        f(r, w);
    }
}

/// True when no break may come between `before` and `after` under
/// keep-all: letters or digits meet, at least one of them Hangul.
fn keeps_together(before: &str, after: &str) -> bool {
    let (Some(a), Some(b)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    (is_hangul(a) || is_hangul(b)) && a.is_alphanumeric() && b.is_alphanumeric()
}

/// Hangul syllables and jamo.
fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
            | '\u{3130}'..='\u{318F}'
            | '\u{A960}'..='\u{A97F}'
            | '\u{AC00}'..='\u{D7FF}'
            | '\u{FFA0}'..='\u{FFDC}')
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

/// The line being filled, first fit.
struct Fill<'a> {
    base: usize,
    width: usize,
    line: Option<Range<usize>>,
    line_w: usize,
    out: &'a mut Vec<Range<usize>>,
}

impl Fill<'_> {
    fn place(&mut self, piece: Range<usize>, w: usize) {
        match self.line.as_mut() {
            Some(l) if self.line_w + w <= self.width => {
                l.end = piece.end;
                self.line_w += w;
            }
            _ => {
                if let Some(l) = self.line.take() {
                    self.out.push(self.base + l.start..self.base + l.end);
                }
                self.line = Some(piece);
                self.line_w = w;
            }
        }
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
        // Chinese and Japanese break between characters.
        assert_eq!(lines("中国和日本的合作", 8), ["中国和日", "本的合作"]);
        assert_eq!(lines("にほんごのぶん", 8), ["にほんご", "のぶん"]);
    }

    #[test]
    fn korean_breaks_only_at_spaces() {
        // Before: "예상이 맞았습니" / "다."
        assert_eq!(
            lines("그 예상이 맞았습니다.", 16),
            ["그 예상이", "맞았습니다."]
        );
        assert_eq!(lines("한국Korea와 미국", 12), ["한국Korea와", "미국"]);
        assert_eq!(longest_word("그 예상이 맞았습니다."), 11);
        assert_eq!(longest_word("中国和日本"), 2);
        assert_eq!(longest_word("supply-chain risk"), 12);
    }

    #[test]
    fn hard_wrap_keeps_graphemes() {
        let t = "a🌞b👨‍👩‍👧c";
        let parts: Vec<&str> = hard_wrap(t, 2).into_iter().map(|r| &t[r]).collect();
        assert_eq!(parts.concat(), t);
        assert!(parts.contains(&"👨‍👩‍👧"));
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
    fn emoji_with_vs16_count_two_columns() {
        // textwrap counts `❤️` as one column; the terminal shows two.
        let t = "❤\u{fe0f}❤\u{fe0f}❤\u{fe0f} ❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}";
        let got = lines(t, 7);
        assert_eq!(got.len(), 2, "{got:?}");
        for l in got {
            assert!(display_width(l) <= 7, "{l}");
        }
    }

    #[test]
    fn long_words_break_between_graphemes() {
        let t = "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301} x";
        assert_eq!(
            lines(t, 2),
            ["e\u{301}e\u{301}", "e\u{301}e\u{301}", "e\u{301}", "x"]
        );
    }
}
