//! The sentences of a brief's body that mention each figure.

use std::ops::Range;

use crate::model::{Brief, Mention};

/// The sentence of `text` around `range`: from the end of the previous
/// sentence, paragraph, list item or heading to the end of this one, with
/// link destinations left out.
pub fn sentence(text: &str, range: Range<usize>) -> String {
    const REACH: usize = 600;
    let bytes = text.as_bytes();
    let ends = |i: usize| {
        matches!(bytes.get(i), Some(b'.' | b'!' | b'?'))
            && bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace)
            && !bytes
                .get(i.wrapping_sub(1))
                .is_some_and(u8::is_ascii_uppercase)
    };
    let breaks = |i: usize| bytes.get(i) == Some(&b'\n') && bytes.get(i + 1) == Some(&b'\n');
    let mut start = range.start.min(text.len());
    let floor = start.saturating_sub(REACH);
    while start > floor && !ends(start - 1) && !breaks(start - 1) {
        start -= 1;
    }
    let mut end = range.end.min(text.len());
    let ceil = (end + REACH).min(text.len());
    while end < ceil && !ends(end) && !breaks(end) {
        end += 1;
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let s = text.get(start..end).unwrap_or("");
    // `[text](destination)`: keep the text.
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i]);
        rest = &rest[i + 2..];
        rest = rest.find(')').map_or("", |j| &rest[j + 1..]);
    }
    out.push_str(rest);
    out
}

/// Per figure of `b` (of which there are `figures`), the sentences of the
/// body that mention it at `mentions`.
pub(super) fn sentences_of(b: &Brief, mentions: &[Mention], figures: usize) -> Vec<String> {
    let mut out = vec![String::new(); figures];
    let mut seen: Vec<Vec<usize>> = vec![Vec::new(); figures];
    for m in mentions {
        let Some(f) = m.figure else { continue };
        let (Some(o), Some(s)) = (out.get_mut(f.0), seen.get_mut(f.0)) else {
            continue;
        };
        if s.iter()
            .any(|&at| at <= m.range.start && m.range.start - at < 400)
        {
            continue;
        }
        s.push(m.range.start);
        o.push_str(&sentence(b.source.text(), m.range.clone()));
        o.push('\n');
    }
    out
}
