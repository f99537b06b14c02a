//! Reading one text file the way briefs and the glossary are read: a
//! regular file, at most [`MAX_FILE_BYTES`], valid UTF-8, with errors that
//! name the file (and the line of bad UTF-8). Below the library and the
//! glossary, which both read this way.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, LineIndex};
use crate::model::{Origin, SourceFile};

/// Larger files are refused with a message rather than read.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Reads one brief: regular file, at most [`MAX_FILE_BYTES`], valid UTF-8.
pub fn read_source(path: &Path, shown: &str, root: &Path) -> Result<SourceFile, Diagnostic> {
    read_file(path, shown, root, None)
}

/// [`read_source`], with the canonical path if the caller has it already.
pub fn read_file(
    path: &Path,
    shown: &str,
    root: &Path,
    canon: Option<PathBuf>,
) -> Result<SourceFile, Diagnostic> {
    let err = |msg: String| Diagnostic::error(shown, None, msg);
    let meta = fs::metadata(path).map_err(|e| err(io_message(&e)))?;
    if !meta.is_file() {
        return Err(err("not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(too_big(meta.len())));
    }
    let file = File::open(path).map_err(|e| err(io_message(&e)))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| err(io_message(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(too_big(bytes.len() as u64)));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let pos = LineIndex::new(&prefix).pos(&prefix, prefix.len());
        Diagnostic::error(shown, Some(pos), "invalid UTF-8 (is this a text file?)")
    })?;
    let canon = canon
        .or_else(|| fs::canonicalize(path).ok())
        .unwrap_or_else(|| path.to_path_buf());
    Ok(SourceFile::new(
        shown.to_owned(),
        Origin::File {
            path: canon,
            root: root.to_path_buf(),
        },
        text,
    )
    .stamped(crate::model::Stamp::of(&meta)))
}

fn too_big(len: u64) -> String {
    format!(
        "file is {} MiB, over the {} MiB limit for a brief",
        len / (1024 * 1024),
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// A path as text, as `Path::display` writes it, without the formatter
/// when it is UTF-8 (the usual case; a library's start names 10,000 files
/// several times over).
pub fn path_text(p: &Path) -> String {
    p.to_str()
        .map_or_else(|| p.display().to_string(), str::to_owned)
}
