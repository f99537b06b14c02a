//! The one sanitizer every output path uses.
//!
//! Policy: C0 controls other than `\n` become caret notation (`^[`), DEL becomes
//! `^?`, C1 controls become `<U+009B>`-style tags, and bidi overrides/isolates and
//! zero-width characters are shown as `<U+202E>` tags. Tabs become spaces (callers
//! that know the column expand tabs to real tab stops first). The output never
//! contains a character that could drive a terminal, and printable text passes
//! through untouched.

use std::borrow::Cow;

/// True for every character this module rewrites.
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

/// Sanitizes text that may span lines: newlines are kept.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Sanitizes text that must stay on one line: newlines become `^J` as well.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\n' || is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c == '\n' {
            out.push_str("^J");
        } else if is_unsafe(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Expands tabs to spaces at tab stops of `width`, counting display columns,
/// then sanitizes. Used for code blocks, where columns matter.
pub fn expand_tabs(s: &str, width: usize) -> Cow<'_, str> {
    if !s.contains('\t') {
        return text(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut col = 0usize;
    for c in s.chars() {
        match c {
            '\t' => {
                let n = width - (col % width);
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\n' => {
                out.push('\n');
                col = 0;
            }
            _ => {
                out.push(c);
                col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            }
        }
    }
    match text(&out) {
        Cow::Borrowed(_) => Cow::Owned(out),
        Cow::Owned(o) => Cow::Owned(o),
    }
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
