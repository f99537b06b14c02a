//! Diagnostics: one type for every problem found in a brief, printed as
//! `path:line:col: error|warning: message`.

use std::fmt;

use serde::Serialize;

use crate::sanitize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: String,
    pub pos: Option<Pos>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            path: path.into(),
            pos,
            message: message.into(),
        }
    }

    pub fn warning(path: impl Into<String>, pos: Option<Pos>, message: impl Into<String>) -> Self {
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

/// Maps byte offsets of a text to line and column.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
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

    /// The 1-based position of `offset` in `text` (which this index was built from).
    pub fn pos(&self, text: &str, offset: usize) -> Pos {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        let col = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Pos {
            line: line + 1,
            col,
        }
    }
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
    fn display_is_sanitized() {
        let d = Diagnostic::error("a\x1b.md", Some(Pos { line: 2, col: 3 }), "bad \x07");
        assert_eq!(d.to_string(), "a^[.md:2:3: error: bad ^G");
        let w = Diagnostic::warning("b.md", None, "hm");
        assert_eq!(w.to_string(), "b.md: warning: hm");
    }
}
