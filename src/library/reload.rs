//! Reading a library again after a change, keeping the last good version
//! of a brief that an edit broke.

use std::path::PathBuf;

use super::{Library, Parsed, load, parse_all, parse_one, workers};
use crate::diag::Diagnostic;
use crate::model::SourceFile;

impl Library {
    /// [`Library::reload`] through `cache`: files that have not changed
    /// are taken from it (no text read), the others parsed and stored
    /// (or, with [`super::Changed::LeaveMany`], left to the writer storing
    /// them when there are many).
    /// When an edit broke a brief, the whole is read again as
    /// [`Library::reload`] does, to keep that brief's last good version.
    pub fn reload_cached(
        &self,
        paths: &[PathBuf],
        cache: &super::cache::Cache,
        changed: super::Changed,
    ) -> (Self, Vec<String>) {
        let (fresh, pending) = Self::from_paths_cached(paths, cache, None, changed);
        if self.broke_in(&fresh) {
            return self.reload(paths);
        }
        // A cache that cannot be written costs the next reload a parse.
        let _ = pending.write(cache);
        (fresh, Vec::new())
    }

    /// [`Library::reload_cached`] that leaves many changed files (a folder
    /// of new reports) to `writer`, which parses and stores them while
    /// the reader goes on; the few are parsed here and handed to it to
    /// store. Returns the writer, told the load is done, and how many
    /// files were left out for it to bring in.
    pub fn reload_through(
        &self,
        paths: &[PathBuf],
        cache: &super::cache::Cache,
        writer: super::cache::Writer,
    ) -> (Self, Vec<String>, super::cache::Finishing, usize) {
        let (fresh, pending) =
            Self::from_paths_cached(paths, cache, Some(&writer), super::Changed::LeaveMany);
        let later = pending.later();
        let broke = self.broke_in(&fresh);
        let finishing = writer.finish(pending);
        if broke {
            let (lib, kept) = self.reload(paths);
            return (lib, kept, finishing, 0);
        }
        (fresh, Vec::new(), finishing, later)
    }

    /// True when a brief of this library is missing from `fresh` because
    /// an edit broke it (its file now has errors).
    fn broke_in(&self, fresh: &Self) -> bool {
        self.briefs.iter().any(|old| {
            !fresh
                .briefs
                .iter()
                .any(|b| b.source.name == old.source.name)
                && fresh
                    .diagnostics
                    .iter()
                    .any(|d| d.is_error() && *d.path == *old.source.name)
        })
    }

    /// Reads `paths` again after a change. A brief that loaded before but
    /// now has errors stays in its last good version, so a half-made edit
    /// never takes a brief away from its reader, and the links of the
    /// other briefs to it still resolve: one bad key gives one error, not
    /// one per link to that brief. Its problems are reported all the same.
    /// Returns the library and the names of the files kept.
    pub fn reload(&self, paths: &[PathBuf]) -> (Self, Vec<String>) {
        let files = load::collect(paths);
        let (fresh, kept) = self.rebuild(files.clone(), &[]);
        // A brief that parses but fails once linked (a dangling link) is
        // only found by the whole: keep its last good version too.
        let failing: Vec<String> = self
            .briefs
            .iter()
            .map(|old| &old.source.name)
            .filter(|name| {
                !kept.contains(name)
                    && !fresh.briefs.iter().any(|b| &&b.source.name == name)
                    && fresh
                        .diagnostics
                        .iter()
                        .any(|d| d.is_error() && *d.path == **name)
            })
            .cloned()
            .collect();
        if failing.is_empty() {
            let mut fresh = fresh;
            fresh.use_glossary_of(paths);
            return (fresh, kept);
        }
        let (mut lib, kept) = self.rebuild(files, &failing);
        lib.diagnostics = fresh.diagnostics;
        lib.use_glossary_of(paths);
        (lib, kept)
    }

    /// The library from `files`, with the last good version of each brief
    /// that fails to parse, or is named in `force`, in place of the new
    /// one (whose problems are kept). Returns the names of those kept.
    fn rebuild(
        &self,
        files: Vec<Result<SourceFile, Diagnostic>>,
        force: &[String],
    ) -> (Self, Vec<String>) {
        let names: Vec<Option<String>> = files
            .iter()
            .map(|f| f.as_ref().ok().map(|f| f.name.clone()))
            .collect();
        let bytes = files
            .iter()
            .map(|f| f.as_ref().map_or(0, |f| f.text().len() as u64))
            .sum();
        let mut each = parse_all(files, workers(names.len(), bytes), parse_one);
        let mut kept = Vec::new();
        for (name, parsed) in names.iter().zip(&mut each) {
            let Some(name) = name else { continue };
            if !(broken(parsed) || force.contains(name)) {
                continue;
            }
            // A brief taken from the cache whose text was never read has
            // no last good text to keep: the file now holds the new one.
            let Some(old) = self
                .briefs
                .iter()
                .find(|b| &b.source.name == name && b.source.is_read())
            else {
                continue;
            };
            let again = parse_one(Ok(SourceFile::new(
                old.source.name.clone(),
                old.source.origin.clone(),
                old.source.text().to_string(),
            )));
            if let Some((brief, false)) = again.brief {
                parsed.brief = Some((brief, false));
                parsed.failed = None;
                kept.push(name.clone());
            }
        }
        (Self::assemble(each), kept)
    }
}

/// True if a file gave no brief, or one with errors.
fn broken(p: &Parsed) -> bool {
    p.brief.as_ref().is_none_or(|(_, bad)| *bad) || p.diags.iter().any(Diagnostic::is_error)
}
