//! Reading a library through its cache: the files that have not changed
//! are taken from it, the others parsed (or, when there are many, left to
//! the cache's writer and taken in as they are stored).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Library, Parsed, cache, load, parse_all, parse_one, resolve, workers};
use crate::diag::Diagnostic;
use crate::glossary::Glossary;
use crate::model::Brief;

impl Library {
    /// [`Library::from_paths`], taking each file that has not changed
    /// from `cache` (its text is read when the brief is opened) and parsing
    /// the others. What was parsed anew goes to `writer` as each file is
    /// parsed, if there is one, or else is returned to be written (see
    /// [`Pending::write`]); either way the returned [`Pending`] says which
    /// files the folders hold now.
    pub fn from_paths_cached(
        paths: &[PathBuf],
        cache: &cache::Cache,
        writer: Option<&cache::Writer>,
        changed: Changed,
    ) -> (Self, Pending) {
        let found = load::find(paths);
        let present: Vec<cache::Key> = found.iter().filter_map(load::Found::key).collect();
        let folders: Vec<PathBuf> = paths
            .iter()
            .filter(|p| p.is_dir())
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        let mut each: Vec<Parsed> = Vec::with_capacity(found.len());
        each.resize_with(found.len(), Parsed::default);
        // The files the cache knows as they are now are taken from it, read
        // back on every core; the others are parsed.
        let wanted = found
            .iter()
            .enumerate()
            .filter_map(|(n, f)| f.key().map(|k| (k.id(), (n, k))))
            .collect();
        let mut found: Vec<Option<load::Found>> = found.into_iter().map(Some).collect();
        for (n, p) in cache.kept(&folders, wanted, workers(found.len(), u64::MAX)) {
            if let (Some(slot), Some(f)) = (each.get_mut(n), found.get_mut(n)) {
                *slot = p;
                *f = None;
            }
        }
        let changed_files = found
            .into_iter()
            .enumerate()
            .filter_map(|(n, f)| f.map(|f| (n, f)));
        let mut misses = Vec::new();
        let mut bytes = 0;
        let mut left = Vec::new();
        for (n, f) in changed_files {
            // Many files changed (a first start, a folder of new reports):
            // the first few are parsed here, so the library opens with
            // them, and the others later.
            let many = misses.len() >= FIRST_FILES || bytes >= FIRST_BYTES;
            if changed == Changed::LeaveMany && many && f.key().is_some() {
                left.push((n, f));
            } else {
                bytes += f.len();
                misses.push((n, f));
            }
        }
        let workers = workers(misses.len(), bytes);
        let parsed = parse_all(misses, workers, |(n, f)| {
            let key = f.key();
            let p = parse_one(f.read());
            // With a writer, the file is handed over to be parsed again
            // off the start's path; without, it is stored as parsed.
            let row = match (writer, key) {
                (Some(w), Some(k)) => {
                    w.keep(k);
                    None
                }
                (None, Some(k)) => cache::Cache::record(k, &p),
                (_, None) => None,
            };
            (n, p, row)
        });
        let fresh = parsed.len();
        let mut rows = Vec::new();
        for (n, p, row) in parsed {
            if let Some(slot) = each.get_mut(n) {
                *slot = p;
            }
            rows.extend(row);
        }
        // A file left for later is not in this library: links to it are
        // left unresolved without a word, as to a file that gave no brief.
        let later = left.len();
        for (n, f) in left {
            if let (Some(slot), Some(k)) = (each.get_mut(n), f.key()) {
                slot.failed = f.source_key();
                if let Some(w) = writer {
                    w.keep(k);
                }
            }
        }
        // A start whose briefs are all as they were takes their links as
        // resolved the last time.
        let dir = cache.path().parent().map(Path::to_path_buf);
        let mut lib =
            Self::assemble_resolved(each, Glossary::builtin().0, |parsed, failed, diags| {
                let check = |parsed: &mut [(Brief, bool)],
                             failed: &HashSet<String>,
                             diags: &mut Vec<Diagnostic>| {
                    resolve::duplicate_ids(parsed, diags);
                    resolve::links(parsed, failed, diags);
                };
                match &dir {
                    Some(d) => cache::resolved::resolve(d, &folders, parsed, failed, diags, check),
                    None => check(parsed, failed, diags),
                }
            });
        lib.use_glossary_of(paths);
        lib.store = Some((cache.clone(), folders.clone()));
        let pending = Pending {
            rows,
            fresh,
            later,
            folders,
            present,
        };
        (lib, pending)
    }
}

/// What a load through the cache does with the files that changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// Parses them all before the library is made.
    ParseAll,
    /// Parses the first few ([`FIRST_FILES`], [`FIRST_BYTES`]) and leaves
    /// the others out of this library: a writer given the load parses and
    /// stores them, and a later load through the cache takes them in.
    LeaveMany,
}

/// How many changed files, and bytes of them, a load that leaves many for
/// later parses itself.
pub const FIRST_FILES: usize = 32;
pub const FIRST_BYTES: u64 = 2 * 1024 * 1024;

/// What a load leaves to write to the cache: the files parsed anew, and
/// which files the library's folders hold now (the others are forgotten).
pub struct Pending {
    /// What was parsed anew, when no writer took it.
    rows: Vec<cache::Row>,
    /// How many files were parsed anew.
    fresh: usize,
    /// How many changed files were left out of the library, for later.
    later: usize,
    folders: Vec<PathBuf>,
    present: Vec<cache::Key>,
}

impl Pending {
    /// How many files were parsed anew.
    pub fn parsed(&self) -> usize {
        self.fresh
    }

    /// How many changed files were left out of the library, for later.
    pub fn later(&self) -> usize {
        self.later
    }

    /// True if the cache has nothing to learn.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The folders and the files they hold, for a writer to forget the
    /// others.
    pub(crate) fn into_present(self) -> (Vec<PathBuf>, Vec<cache::Key>) {
        (self.folders, self.present)
    }

    /// Writes it to `cache`.
    pub fn write(&self, cache: &cache::Cache) -> Result<(), String> {
        cache.store(&self.rows, &self.folders, &self.present)
    }
}
