//! Reading briefs from disk: regular files only, a byte cap, no symlinks out
//! of the folder, no loops.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::model::{SourceFile, Stamp};
use crate::textfile::{io_message, read_file};

/// Expands paths into source files: a file is read as given; a folder yields
/// every `*.md` below it (sorted, hidden entries and `README.md` skipped).
pub fn collect(paths: &[PathBuf]) -> Vec<Result<SourceFile, Diagnostic>> {
    find(paths).into_iter().map(Found::read).collect()
}

/// A file to read, or what became of a path already.
pub enum Found {
    Done(Result<SourceFile, Diagnostic>),
    File {
        path: PathBuf,
        shown: String,
        root: PathBuf,
        /// Its canonical path, when it is known already.
        canon: Option<PathBuf>,
        /// Its size when it was found.
        len: u64,
        /// Its size and time when it was found, if the system tells.
        stamp: Option<Stamp>,
    },
}

impl Found {
    /// Reads the file, if there is one to read.
    pub fn read(self) -> Result<SourceFile, Diagnostic> {
        match self {
            Self::Done(r) => r,
            Self::File {
                path,
                shown,
                root,
                canon,
                ..
            } => read_file(&path, &shown, &root, canon),
        }
    }

    /// What the library's cache knows this file by, if it is a file.
    pub fn key(&self) -> Option<super::cache::Key> {
        match self {
            Self::File {
                path,
                shown,
                root,
                canon,
                stamp: Some(stamp),
                ..
            } => Some(super::cache::Key {
                path: path.clone(),
                canon: canon
                    .clone()
                    .or_else(|| fs::canonicalize(path).ok())
                    .unwrap_or_else(|| path.clone()),
                shown: shown.clone(),
                root: root.clone(),
                stamp: *stamp,
            }),
            _ => None,
        }
    }

    /// What links to this file are matched against (see
    /// [`super::resolve::source_key`]): its canonical path.
    pub fn source_key(&self) -> Option<String> {
        match self {
            Self::File { canon: Some(c), .. } => Some(crate::textfile::path_text(c)),
            Self::File { path, .. } => fs::canonicalize(path)
                .ok()
                .map(|c| crate::textfile::path_text(&c)),
            Self::Done(_) => None,
        }
    }

    /// About how many bytes there are to read.
    pub fn len(&self) -> u64 {
        match self {
            Self::Done(Ok(f)) => f.text().len() as u64,
            Self::Done(Err(_)) => 0,
            Self::File { len, .. } => *len,
        }
    }
}

/// [`collect`] without the reading: what to read, in order, so that the
/// files can be read where they are parsed.
pub fn find(paths: &[PathBuf]) -> Vec<Found> {
    let mut out = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        match fs::metadata(path) {
            Err(e) => out.push(Found::Done(Err(Diagnostic::error(
                shown,
                None,
                io_message(&e),
            )))),
            Ok(m) if m.is_dir() => match fs::canonicalize(path) {
                Ok(root) => {
                    let mut seen = HashSet::new();
                    walk(path, &root, &root, &mut seen, &mut out);
                }
                Err(e) => out.push(Found::Done(Err(Diagnostic::error(
                    shown,
                    None,
                    io_message(&e),
                )))),
            },
            Ok(m) => {
                let canon = fs::canonicalize(path).ok();
                let root = canon
                    .as_deref()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                out.push(Found::File {
                    path: path.clone(),
                    shown,
                    root,
                    canon,
                    len: m.len(),
                    stamp: Some(Stamp::of(&m)),
                });
            }
        }
    }
    out
}

fn walk(
    dir: &Path,
    canon_dir: &Path,
    root: &Path,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<Found>,
) {
    if !seen.insert(canon_dir.to_path_buf()) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push(Found::Done(Err(Diagnostic::error(
                dir.display().to_string(),
                None,
                io_message(&e),
            ))));
            return;
        }
    };
    // What the folder listing says of each entry: a plain file or folder
    // inside a canonical folder is canonical as it is, and only a symlink
    // needs resolving (a library of thousands starts without a realpath
    // per file). Sorted by name: one folder's paths differ in that alone.
    let mut entries: Vec<(std::ffi::OsString, PathBuf, Option<fs::FileType>)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name(), e.path(), e.file_type().ok()))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, path, kind) in entries {
        let Some(name) = name.to_str() else {
            continue;
        };
        let plain = kind.filter(|k| !k.is_symlink());
        let link = plain.is_none();
        if name.starts_with('.') {
            continue;
        }
        let shown = crate::textfile::path_text(&path);
        let canon = if link {
            fs::canonicalize(&path)
        } else {
            Ok(canon_dir.join(name))
        };
        let Ok(canon) = canon else {
            out.push(Found::Done(Err(Diagnostic::error(
                shown,
                None,
                "cannot resolve path (broken symlink or loop)",
            ))));
            continue;
        };
        if !canon.starts_with(root) {
            if is_markdown(name) {
                out.push(Found::Done(Err(Diagnostic::warning(
                    shown,
                    None,
                    "skipped: symlink points outside the library folder",
                ))));
            }
            continue;
        }
        // The listing tells a plain folder; only a symlink is followed to
        // see, and only a Markdown file is asked for its size and time.
        let dir = match plain {
            Some(k) => k.is_dir(),
            None => fs::metadata(&canon).is_ok_and(|m| m.is_dir()),
        };
        if dir {
            walk(&path, &canon, root, seen, out);
        } else if is_markdown(name) && !name.eq_ignore_ascii_case("README.md") {
            let meta = fs::metadata(&canon);
            out.push(Found::File {
                path,
                shown,
                root: root.to_path_buf(),
                canon: Some(canon),
                len: meta.as_ref().map_or(0, std::fs::Metadata::len),
                stamp: meta.as_ref().ok().map(Stamp::of),
            });
        }
    }
}

fn is_markdown(name: &str) -> bool {
    let ext = Path::new(name).extension().and_then(|e| e.to_str());
    ext.is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}
