//! Highlighting: the characters of a figure's field that hold a word
//! the query matched, worked out once per query and figure.

use super::index::{Entry, Index};
use super::memo::expand;
use super::rank::Finder;
use crate::query;

impl Finder {
    /// Character indices of `field` (one of the entry's fields) holding a
    /// word the query matched, for highlighting.
    pub fn indices(&mut self, index: &Index, e: &Entry, field: usize, query: &str) -> Vec<u32> {
        if self.index != Some(index.id) {
            self.index = Some(index.id);
            self.memos.clear();
            self.hl = None;
            self.hl_rows.clear();
        }
        if self.hl.as_ref().is_none_or(|(q, _)| q != query) {
            let q = self.parse(query);
            let mut terms = rustc_hash::FxHashSet::default();
            let mut words = rustc_hash::FxHashSet::default();
            for w in &q.words {
                for x in expand(index, w) {
                    terms.insert(x.term);
                }
                if w.kind == query::Kind::Number {
                    // Numbers are many: only those the word begins.
                    let list = &index.number_surfaces;
                    let lo = list.partition_point(|(s, _)| s.as_str() < w.norm.as_str());
                    words.extend(
                        list[lo..]
                            .iter()
                            .take_while(|(s, _)| s.starts_with(w.norm.as_str()))
                            .take(256)
                            .map(|(s, _)| s.clone()),
                    );
                }
            }
            words.extend(
                index
                    .surfaces
                    .iter()
                    .filter(|(_, t)| terms.contains(t))
                    .map(|(s, _)| s.clone()),
            );
            self.hl = Some((query.to_owned(), words));
            self.hl_rows.clear();
        }
        if let Some(v) = self.hl_rows.get(&(e.figure(), field)) {
            return v.clone();
        }
        let (Some((_, words)), Some(text)) = (&self.hl, index.field(e, field)) else {
            return Vec::new();
        };
        let hit = |norm: &str| words.contains(norm);
        let mut out = Vec::new();
        if text.is_ascii() {
            // The common case, on the keystroke's path: ASCII words folded
            // in one reused buffer (`15,000` → `15000`, `U.S.` → `us`,
            // `Korea's` → `korea`), as the tokenizer would.
            let mut word = String::new();
            for (at, w) in ascii_words(text) {
                word.clear();
                let b = w.as_bytes();
                let keep = b.strip_suffix(b"'s").unwrap_or(b);
                for (i, &c) in keep.iter().enumerate() {
                    let digits = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
                    match c {
                        b'.' if i > 0 && digits(i - 1) && digits(i + 1) => word.push('.'),
                        b'.' | b',' | b'\'' => {}
                        _ => word.push(char::from(c.to_ascii_lowercase())),
                    }
                }
                if hit(&word) {
                    out.extend((at..at + keep.len()).map(|c| c as u32));
                }
            }
        } else {
            for tok in query::words(text) {
                if hit(&tok.norm) {
                    let start = text.get(..tok.range.start).map_or(0, |s| s.chars().count());
                    let len = text.get(tok.range.clone()).map_or(0, |s| s.chars().count());
                    out.extend((start..start + len).map(|c| c as u32));
                }
            }
        }
        self.hl_rows.insert((e.figure(), field), out.clone());
        out
    }
}

/// The words of an ASCII `text` with their offsets: runs of letters,
/// digits and the `.` `,` `'` inside them, without those at either end.
fn ascii_words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = text.as_bytes();
    let inner = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b',' | b'\'');
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() && !b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while i < b.len() && inner(b[i]) {
            i += 1;
        }
        let mut end = i;
        while end > start && !b[end - 1].is_ascii_alphanumeric() {
            end -= 1;
        }
        text.get(start..end).map(|w| (start, w))
    })
}
