//! Qualifiers ("more than", "about"...) stay in a figure's value as the
//! source writes them. A source may give one qualifier to a list of
//! values ("less than 10 percent and 30 percent"): each value of the list
//! is then traced with it.

use std::ops::Range;

use super::{SourceText, boundary_after, boundary_before, normalize};

/// The qualifiers a value may start with, longest first.
pub const QUALIFIERS: &[&str] = &[
    "approximately",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "roughly",
    "nearly",
    "almost",
    "around",
    "about",
    "over",
    "under",
    "some",
];

/// A value split into its qualifier and the rest (`more than`, `75
/// percent`), if it starts with one.
pub fn split(value: &str) -> Option<(&str, &str)> {
    let v = value.trim_start();
    QUALIFIERS.iter().find_map(|q| {
        let head = v.get(..q.len())?;
        let rest = v.get(q.len()..)?;
        (head.eq_ignore_ascii_case(q) && rest.starts_with(char::is_whitespace))
            .then(|| (head, rest.trim_start()))
    })
}

/// Where the source writes `value` (qualified) as one of a list under one
/// qualifier: `<qualifier> <number> and|or|, <rest of value>`.
pub(super) fn shared(src: &SourceText, value: &str) -> Option<Range<usize>> {
    let (qualifier, rest) = split(value)?;
    let (qualifier, _) = normalize(qualifier);
    let (needle, _) = normalize(rest);
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    let bytes = src.norm.as_bytes();
    let mut from = 0;
    while let Some(i) = src.norm[from..].find(needle) {
        let start = from + i;
        let end = start + needle.len();
        if boundary_before(bytes, start)
            && boundary_after(bytes, start, end)
            && listed_under(&src.norm[..start], qualifier.trim())
        {
            let first = src.map.get(start).copied().unwrap_or(0);
            let next = src.map.get(end).copied().unwrap_or(src.text.len());
            let last = src.text[first..next.max(first)].trim_end().len();
            return Some(first..first + last);
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// True when `before` ends with `<qualifier> <number> and ` (or `or`, or
/// a comma): the qualifier governs the list the value ends.
fn listed_under(before: &str, qualifier: &str) -> bool {
    let b = before.trim_end();
    let Some(b) = b
        .strip_suffix(" and")
        .or_else(|| b.strip_suffix(" or"))
        .or_else(|| b.strip_suffix(','))
    else {
        return false;
    };
    let b = b.trim_end();
    let number = b
        .bytes()
        .rev()
        .take_while(|c| c.is_ascii_digit() || matches!(c, b'.' | b'%' | b'/' | b'$'))
        .count();
    if number == 0
        || !b.as_bytes()[b.len() - number..]
            .iter()
            .any(u8::is_ascii_digit)
    {
        return false;
    }
    let b = b[..b.len() - number].trim_end();
    b.strip_suffix(qualifier)
        .is_some_and(|head| head.is_empty() || head.ends_with(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qualifier_shared_by_a_list_is_traced_for_each_value() {
        let s = SourceText::new(
            "Japan and Taiwan are much less dependent, with less than 10 percent\nand 30 percent of imports. It grew 30 percent."
                .to_owned(),
        );
        assert_eq!(s.find("less than 10 percent"), Some(1));
        assert_eq!(s.find("less than 30 percent"), Some(2));
        let p = s.locate("less than 30 percent").expect("passage");
        assert_eq!(&p.text[p.highlight.clone()], "30 percent");
        // Not a qualifier the source gives.
        assert_eq!(s.find("more than 30 percent"), None);
        assert_eq!(s.find("about 30 percent"), None);
    }
}
