//! The one sanitizer every output path uses.
//!
//! Policy: C0 controls other than `\n` become caret notation (`^[`), DEL becomes
//! `^?`, C1 controls become `<U+009B>`-style tags, and bidi overrides/isolates and
//! zero-width characters are shown as `<U+202E>` tags. A zero-width joiner that
//! joins a grapheme (an emoji ZWJ sequence such as `👨‍👩‍👧‍👦`, or an Indic
//! conjunct) is part of that character and passes through; a lone one is shown.
//! Tabs become spaces (callers that know the column expand tabs to real tab
//! stops first). The output never contains a character that could drive a
//! terminal, and printable text passes through untouched.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

const ZWJ: char = '\u{200D}';

/// True for every character this module rewrites, but for a zero-width
/// joiner that joins its grapheme (see [`may_show`]).
pub fn is_unsafe(c: char) -> bool {
    let u = u32::from(c);
    (u < 0x20 && c != '\n') || u == 0x7f || (0x80..=0x9f).contains(&u) || is_invisible_format(c)
}

/// Bidi embeddings/overrides/isolates, marks, and zero-width characters.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
    )
}

fn push_visible(out: &mut String, c: char) {
    let u = u32::from(c);
    match c {
        '\t' => out.push(' '),
        '\u{7f}' => out.push_str("^?"),
        _ if u < 0x20 => {
            out.push('^');
            out.push(char::from(b'@' + u as u8));
        }
        _ => {
            use std::fmt::Write;
            let _ = write!(out, "<U+{u:04X}>");
        }
    }
}

/// What may reach the screen as it is: the one definition the sanitizer
/// and the checks of the screen share (a cell's symbol, a line, a whole
/// text). True when `text` holds no unsafe character ([`is_unsafe`])
/// other than zero-width joiners that join their grapheme: a joiner
/// passes when it follows a character that is no joiner and precedes a
/// visible one (not zero-width), and nothing else in its grapheme is
/// unsafe, as in an emoji sequence such as `👨‍👩‍👧‍👦`. A lone joiner, or
/// one in a grapheme with something else to show, is unsafe.
pub fn may_show(text: &str) -> bool {
    let mut zwj = false;
    for c in text.chars() {
        if c == ZWJ {
            zwj = true;
        } else if is_unsafe(c) {
            return false;
        }
    }
    !zwj || text
        .graphemes(true)
        .all(|g| !g.contains(ZWJ) || grapheme_joins(g))
}

/// True for a grapheme whose joiners all join it, and whose other
/// characters are all safe.
fn grapheme_joins(g: &str) -> bool {
    let chars: Vec<char> = g.chars().collect();
    let visible = |c: Option<&char>| {
        c.is_some_and(|&c| c != ZWJ && unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > 0)
    };
    chars.iter().enumerate().all(|(i, &c)| {
        if c == ZWJ {
            i > 0 && chars.get(i - 1) != Some(&ZWJ) && visible(chars.get(i + 1))
        } else {
            !is_unsafe(c)
        }
    })
}

/// Every character of `s`, each with whether it passes through as it is:
/// all of a grapheme that may be shown ([`may_show`]), else each
/// character that is not unsafe.
fn kept(s: &str) -> Box<dyn Iterator<Item = (char, bool)> + '_> {
    if s.contains(ZWJ) {
        Box::new(s.graphemes(true).flat_map(|g| {
            let whole = may_show(g);
            g.chars().map(move |c| (c, whole || !is_unsafe(c)))
        }))
    } else {
        Box::new(s.chars().map(|c| (c, !is_unsafe(c))))
    }
}

/// True when `s` holds nothing this module rewrites: what a sanitized
/// text is made of. The same as [`may_show`].
pub fn is_clean(s: &str) -> bool {
    may_show(s)
}

/// Sanitizes text that may span lines: newlines are kept.
pub fn text(s: &str) -> Cow<'_, str> {
    if may_show(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (c, keep) in kept(s) {
        if keep {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Sanitizes text that must stay on one line: newlines become `^J` as well.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.contains('\n') && may_show(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (c, keep) in kept(s) {
        if c == '\n' {
            out.push_str("^J");
        } else if keep {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Expands tabs to spaces at tab stops of `width`, counting display columns
/// of the sanitized text (so `^[` takes its two columns), and sanitizes. Used
/// for code blocks, where columns matter.
pub fn expand_tabs(s: &str, width: usize) -> Cow<'_, str> {
    if !s.contains('\t') {
        return text(s);
    }
    let width = width.max(1);
    let mut out = String::with_capacity(s.len() + 16);
    let mut col = 0usize;
    for (c, keep) in kept(s) {
        match c {
            _ if keep && c == ZWJ => out.push(c),
            '\t' => {
                let n = width - (col % width);
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' => {
                out.push('\n');
                col = 0;
            }
            _ if !keep => {
                let before = out.len();
                push_visible(&mut out, c);
                col += out.len() - before;
            }
            _ => {
                out.push(c);
                col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            }
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(text("a\x1b[2Jb"), "a^[[2Jb");
        assert_eq!(text("bell\x07"), "bell^G");
        assert_eq!(text("del\x7f"), "del^?");
        assert_eq!(text("c1\u{9b}31m"), "c1<U+009B>31m");
        assert_eq!(text("rtl\u{202e}x"), "rtl<U+202E>x");
        assert_eq!(text("zw\u{200b}j"), "zw<U+200B>j");
        assert_eq!(text("cr\r\n"), "cr^M\n");
    }

    #[test]
    fn joiners_inside_emoji_pass_and_lone_ones_show() {
        for emoji in [
            "👨\u{200d}👩\u{200d}👧\u{200d}👦",
            "🙇\u{200d}♂\u{fe0f}",
            "🏳\u{fe0f}\u{200d}🌈",
        ] {
            let s = format!("a {emoji} b");
            assert!(matches!(text(&s), Cow::Borrowed(_)), "{s:?}");
            assert_eq!(line(&s), s);
            assert_eq!(
                expand_tabs(&format!("\t{emoji}"), 4),
                format!("    {emoji}")
            );
            // The terminal draws the sequence as one wide character.
            assert_eq!(unicode_width::UnicodeWidthStr::width(emoji), 2, "{emoji:?}");
        }
        assert_eq!(text("a\u{200d}b"), "a<U+200D>b");
        assert_eq!(text("\u{200d}👩"), "<U+200D>👩");
        assert_eq!(text("👩\u{200d}"), "👩<U+200D>");
        // A joiner in a grapheme with something else to show is shown too.
        assert_eq!(text("👨\u{200c}\u{200d}👩"), "👨<U+200C><U+200D>👩");
        assert_eq!(text("x\u{202e}\u{200b}"), "x<U+202E><U+200B>");
    }

    #[test]
    fn what_may_show_is_what_the_sanitizer_keeps() {
        for g in [
            "a",
            "한",
            "🌞",
            "e\u{301}",
            "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        ] {
            assert!(may_show(g), "{g:?}");
        }
        for g in [
            "\x1b",
            "\u{9b}",
            "\u{202e}",
            "\u{200d}",
            "a\u{200d}",
            "👨\u{200d}\u{200d}👩",
        ] {
            assert!(!may_show(g), "{g:?}");
            assert!(may_show(&text(g)), "{g:?}");
        }
    }

    #[test]
    fn line_drops_newlines() {
        assert_eq!(line("a\nb"), "a^Jb");
    }

    #[test]
    fn printable_text_is_untouched() {
        let s = "Korea’s 60% — 한국 🌞 e\u{301}";
        assert!(matches!(text(s), Cow::Borrowed(_)));
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(expand_tabs("a\tb\n\tc", 4), "a   b\n    c");
        assert_eq!(expand_tabs("한\tx", 4), "한  x");
        // A control shown as `^[` takes two columns before the tab stop.
        assert_eq!(expand_tabs("\x1b\tx\u{202e}\ty", 4), "^[  x<U+202E>   y");
    }

    #[test]
    fn idempotent_and_clean() {
        let nasty: String = (0u32..0x250)
            .chain([0x200b, 0x202e, 0x2066, 0xfeff])
            .filter_map(char::from_u32)
            .collect();
        let once = text(&nasty).into_owned();
        assert_eq!(text(&once), once.as_str());
        assert!(!once.chars().any(is_unsafe));
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Characters a hostile or merely unusual brief may hold: printable
    /// ASCII, CJK, emoji with ZWJ and VS16, combining marks, every C0 and C1
    /// control, DEL, bidi controls, zero-width characters, and anything else.
    fn any_char() -> impl Strategy<Value = char> {
        prop_oneof![
            4 => proptest::char::range(' ', '~'),
            1 => proptest::char::range('\0', '\u{1f}'),
            1 => Just('\u{7f}'),
            1 => proptest::char::range('\u{80}', '\u{9f}'),
            1 => prop::sample::select(vec![
                '\u{200b}', '\u{200d}', '\u{200e}', '\u{202a}', '\u{202e}', '\u{2066}',
                '\u{2069}', '\u{061c}', '\u{feff}', '\u{2060}', '\u{fe0f}',
            ]),
            1 => prop::sample::select(vec!['한', '国', '🌞', '👩', '\u{301}', '\u{20dd}', 'é', '\t']),
            1 => any::<char>(),
        ]
    }

    fn any_text() -> impl Strategy<Value = String> {
        prop::collection::vec(any_char(), 0..64).prop_map(|v| v.into_iter().collect())
    }

    /// Text with no character the sanitizer rewrites.
    fn printable() -> impl Strategy<Value = String> {
        any_text().prop_map(|s| s.chars().filter(|&c| !is_unsafe(c)).collect())
    }

    fn is_control(c: char) -> bool {
        let u = u32::from(c);
        u < 0x20 || u == 0x7f || (0x80..=0x9f).contains(&u)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn sanitizing_is_idempotent(s in any_text()) {
            let once = text(&s).into_owned();
            prop_assert_eq!(text(&once).into_owned(), once);
            let once = line(&s).into_owned();
            prop_assert_eq!(line(&once).into_owned(), once);
            let once = expand_tabs(&s, 4).into_owned();
            prop_assert_eq!(expand_tabs(&once, 4).into_owned(), once);
        }

        #[test]
        fn sanitized_text_holds_no_control_character(s in any_text()) {
            let t = text(&s);
            prop_assert!(!t.chars().any(|c| is_control(c) && c != '\n'), "{:?}", t);
            prop_assert!(is_clean(&t), "{:?}", t);
            prop_assert!(!t.chars().any(|c| is_unsafe(c) && c != ZWJ), "{:?}", t);
            let l = line(&s);
            prop_assert!(!l.chars().any(is_control), "{:?}", l);
            let e = expand_tabs(&s, 4);
            prop_assert!(!e.chars().any(|c| is_control(c) && c != '\n'), "{:?}", e);
        }

        #[test]
        fn printable_text_passes_through(
            parts in prop::collection::vec((printable(), any_char()), 0..8),
            tail in printable(),
        ) {
            let mut whole = String::new();
            for (p, c) in &parts {
                whole.push_str(p);
                whole.push(*c);
            }
            whole.push_str(&tail);
            let clean: String = parts.iter().map(|(p, _)| p.as_str()).chain([tail.as_str()]).collect();
            prop_assert!(matches!(text(&clean), Cow::Borrowed(_)));
            prop_assert!(matches!(line(&tail.replace('\n', "")), Cow::Borrowed(_)));
            // Every printable run survives, in order.
            let out = text(&whole);
            let mut rest = out.as_ref();
            for p in parts.iter().map(|(p, _)| p).chain([&tail]) {
                let at = rest.find(p.as_str());
                prop_assert!(at.is_some(), "{:?} lost from {:?}", p, out);
                rest = &rest[at.unwrap_or(0) + p.len()..];
            }
        }

        #[test]
        fn tabs_land_on_tab_stops(
            v in prop::collection::vec(prop::sample::select(vec!['a', 'z', '\t', '한', '🌞', '\x1b', '\u{202e}', '\n']), 0..40),
        ) {
            let s: String = v.into_iter().collect();
            let out = expand_tabs(&s, 4);
            prop_assert!(!out.contains('\t'));
            // Each tab ends its run of spaces at a multiple of four columns.
            let mut col = 0usize;
            let mut out_chars = out.chars();
            for c in s.chars() {
                if c == '\t' {
                    let mut n = 0;
                    loop {
                        n += 1;
                        out_chars.next();
                        col += 1;
                        if col.is_multiple_of(4) {
                            break;
                        }
                    }
                    prop_assert!((1..=4).contains(&n));
                } else if c == '\n' {
                    prop_assert_eq!(out_chars.next(), Some(c));
                    col = 0;
                } else {
                    for shown in text(&c.to_string()).chars() {
                        prop_assert_eq!(out_chars.next(), Some(shown));
                        col += unicode_width::UnicodeWidthChar::width(shown).unwrap_or(0);
                    }
                }
            }
            prop_assert_eq!(out_chars.next(), None);
        }
    }
}
