//! Where a brief's text comes from: the file, its size and time, and the
//! text itself, read when first asked for.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::diag::{LineIndex, Pos};

/// Where a brief came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Origin {
    Embedded,
    File { path: PathBuf, root: PathBuf },
}

/// The file a brief was parsed from, kept for positions and re-rendering.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as shown to users.
    pub name: String,
    pub origin: Origin,
    /// The text, read when first asked for a brief that came from the
    /// library's cache (see [`SourceFile::deferred`]).
    /// Shared, so a worker can read a long brief while the reader shows it.
    /// An `Arc<String>` takes the text read from the file as it is, where
    /// an `Arc<str>` would copy it: freeing a 10 MB copy raises glibc's
    /// mmap threshold, and the reader's later allocations then kept about
    /// 24 MB of freed memory resident (peak RSS 77 against 52 MB).
    text: OnceLock<Arc<String>>,
    /// What the file was when it was parsed, for a text read later.
    stamp: Option<Stamp>,
    /// Byte offset in `text` where the Markdown body starts.
    pub body_start: usize,
    lines: OnceLock<LineIndex>,
}

/// A file's size and modification time: what says it is the file that was
/// parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub len: u64,
    /// Nanoseconds since the Unix epoch (0 when the system gives none).
    pub modified: i64,
}

impl Stamp {
    pub fn of(m: &std::fs::Metadata) -> Self {
        let modified = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .and_then(|d| i64::try_from(d.as_nanos()).ok())
            .unwrap_or(0);
        Self {
            len: m.len(),
            modified,
        }
    }
}

impl SourceFile {
    pub fn new(name: String, origin: Origin, text: String) -> Self {
        let lines = OnceLock::from(LineIndex::new(&text));
        Self {
            name,
            origin,
            text: OnceLock::from(Arc::new(text)),
            stamp: None,
            body_start: 0,
            lines,
        }
    }

    /// The same, known to have been read when the file was `stamp`.
    #[must_use]
    pub fn stamped(self, stamp: Stamp) -> Self {
        Self {
            stamp: Some(stamp),
            ..self
        }
    }

    /// A file parsed before, whose text is read from disk when first
    /// asked. If by then the file is gone or no longer `stamp`, the text
    /// is empty (the watcher reads the library again).
    pub fn deferred(name: String, origin: Origin, body_start: usize, stamp: Stamp) -> Self {
        Self {
            name,
            origin,
            text: OnceLock::new(),
            stamp: Some(stamp),
            body_start,
            lines: OnceLock::new(),
        }
    }

    /// The whole file.
    pub fn text(&self) -> &Arc<String> {
        self.text.get_or_init(|| Arc::new(self.read_again()))
    }

    /// True once the text is in memory.
    /// The size and time of the file when it was read, if from a file.
    pub fn stamp(&self) -> Option<Stamp> {
        self.stamp
    }

    pub fn is_read(&self) -> bool {
        self.text.get().is_some()
    }

    fn read_again(&self) -> String {
        let (Origin::File { path, .. }, Some(stamp)) = (&self.origin, self.stamp) else {
            return String::new();
        };
        let same = std::fs::metadata(path).is_ok_and(|m| Stamp::of(&m) == stamp);
        if !same || stamp.len > crate::textfile::MAX_FILE_BYTES {
            return String::new();
        }
        std::fs::read(path)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .filter(|t| t.len() as u64 == stamp.len)
            .unwrap_or_default()
    }

    /// Where each line starts, worked out when first asked.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text()))
    }

    pub fn pos(&self, offset: usize) -> Pos {
        self.lines().pos(self.text(), offset)
    }

    pub fn body(&self) -> &str {
        self.text().get(self.body_start..).unwrap_or("")
    }
}
