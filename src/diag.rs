//! Diagnostics: one type for every problem found in a brief, printed as
//! `path:line:col: error|warning: message`.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Shared: a file's problems name it with one string, and its
    /// repeated problems (a tag used sixteen times) share their message.
    pub path: Arc<str>,
    pub pos: Option<Pos>,
    pub message: Arc<str>,
}

impl Diagnostic {
    pub fn error(path: impl AsRef<str>, pos: Option<Pos>, message: impl AsRef<str>) -> Self {
        Self {
            severity: Severity::Error,
            path: Arc::from(path.as_ref()),
            pos,
            message: Arc::from(message.as_ref()),
        }
    }

    pub fn warning(path: impl AsRef<str>, pos: Option<Pos>, message: impl AsRef<str>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, pos, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = sanitize::line(&self.path);
        let msg = sanitize::line(&self.message);
        match self.pos {
            Some(p) => write!(f, "{path}:{}:{}: {sev}: {msg}", p.line, p.col),
            None => write!(f, "{path}: {sev}: {msg}"),
        }
    }
}

/// A place in a file, shown as `path:line:col`. Kept as numbers where
/// many are kept and few are shown (each line of a keymap, each entry of
/// a theme: only a mistake is ever shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    path: Arc<str>,
    line: usize,
    col: usize,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.col)
    }
}

/// Maps byte offsets of a text to line and column.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, characters before it) about every [`MARK_BYTES`], so
    /// a column on a very long line costs a short count, not the whole line.
    marks: Vec<(usize, usize)>,
}

const MARK_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = line_starts(text.as_bytes());
        let mut marks = vec![(0, 0)];
        let (mut at, mut chars) = (0, 0);
        let mut next = MARK_BYTES;
        while next < text.len() {
            let mut b = next;
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            chars += text.get(at..b).map_or(0, |s| s.chars().count());
            marks.push((b, chars));
            at = b;
            next += MARK_BYTES;
        }
        Self { starts, marks }
    }

    /// Characters before byte `offset` of `text`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = self.marks.partition_point(|&(b, _)| b <= offset);
        let (b, chars) = self.marks.get(i.wrapping_sub(1)).copied().unwrap_or((0, 0));
        chars
            + text
                .get(b..offset)
                .map_or(offset - b, |s| s.chars().count())
    }

    /// The 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(0)
    }

    /// The place of each byte offset of `text` (which this index was
    /// built from), a file named `path`.
    pub fn places<'a>(&'a self, text: &'a str, path: &str) -> impl Fn(usize) -> Place + 'a {
        let path: Arc<str> = path.into();
        move |offset| {
            let p = self.pos(text, offset);
            Place {
                path: Arc::clone(&path),
                line: p.line,
                col: p.col,
            }
        }
    }

    /// The 1-based position of `offset` in `text` (which this index was built from).
    pub fn pos(&self, text: &str, offset: usize) -> Pos {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = if offset - start <= MARK_BYTES || self.marks.len() < 2 {
            text.get(start..offset)
                .map_or(offset - start, |s| s.chars().count())
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        } + 1;
        Pos {
            line: line + 1,
            col,
        }
    }
}

/// Where each line of `b` starts: 0 and after every `\n`.
fn line_starts(b: &[u8]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(b.len() / 48 + 1);
    starts.push(0);
    starts.extend(memchr::memchr_iter(b'\n', b).map(|i| i + 1));
    starts
}

/// Prints diagnostics to stderr, errors and warnings alike, sanitized.
pub fn print_all(diags: &[Diagnostic]) {
    use std::io::Write;
    let stderr = std::io::stderr();
    let mut lock = stderr.lock();
    for d in diags {
        let _ = writeln!(lock, "{d}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_chars() {
        let text = "ab\ncé d\n\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.pos(text, 0), Pos { line: 1, col: 1 });
        assert_eq!(idx.pos(text, 3), Pos { line: 2, col: 1 });
        assert_eq!(idx.pos(text, 7), Pos { line: 2, col: 4 });
        assert_eq!(idx.pos(text, 9), Pos { line: 3, col: 1 });
        assert_eq!(idx.pos(text, text.len()), Pos { line: 4, col: 2 });
    }

    #[test]
    fn columns_on_a_very_long_line_count_chars() {
        let text = format!("first\n{}end\nlast", "aé한🌞".repeat(5_000));
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices().step_by(997) {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let naive = text[start..offset].chars().count() + 1;
            assert_eq!(idx.pos(&text, offset).col, naive, "at {offset}");
        }
        let end = text.find("end").unwrap_or(0);
        assert_eq!(
            idx.pos(&text, end),
            Pos {
                line: 2,
                col: 20_001
            }
        );
    }

    #[test]
    fn line_starts_follow_every_newline() {
        for text in [
            "",
            "\n",
            "a",
            "abcdefgh\n",
            "\n\n\n\n\n\n\n\n\n",
            "ab\ncdefghijklmnop\nq\n한\n",
        ] {
            let mut naive = vec![0];
            naive.extend(text.match_indices('\n').map(|(i, _)| i + 1));
            assert_eq!(line_starts(text.as_bytes()), naive, "{text:?}");
        }
        let long: String = (0..500)
            .map(|i| if i % 7 == 0 || i % 11 == 0 { '\n' } else { 'x' })
            .collect();
        let mut naive = vec![0];
        naive.extend(long.match_indices('\n').map(|(i, _)| i + 1));
        assert_eq!(line_starts(long.as_bytes()), naive);
    }

    #[test]
    fn display_is_sanitized() {
        let d = Diagnostic::error("a\x1b.md", Some(Pos { line: 2, col: 3 }), "bad \x07");
        assert_eq!(d.to_string(), "a^[.md:2:3: error: bad ^G");
        let w = Diagnostic::warning("b.md", None, "hm");
        assert_eq!(w.to_string(), "b.md: warning: hm");
    }
}
