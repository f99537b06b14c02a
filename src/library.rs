//! The library: every brief loaded, links resolved, backlinks computed.

pub mod cache;
mod cached;
pub mod head;
mod load;
mod mentions;
mod reload;
pub(crate) mod resolve;

use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

pub use crate::textfile::{MAX_FILE_BYTES, read_source};
pub use cached::{Changed, FIRST_BYTES, FIRST_FILES, Pending};
pub use mentions::{mentions, unmentioned};

use crate::diag::Diagnostic;
use crate::glossary::Glossary;
use crate::model::{Brief, BriefIdx, FigureRef, Origin, SectionRef, SourceFile};
use crate::parse::parse_brief;

/// A link from one section to another, seen from its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlink {
    pub from: SectionRef,
    /// Index into the source brief's `links`.
    pub link: usize,
    pub to: SectionRef,
}

#[derive(Debug, Default)]
pub struct Library {
    pub briefs: Vec<Brief>,
    pub diagnostics: Vec<Diagnostic>,
    /// Per brief, the links from other briefs that land in it.
    pub backlinks: Vec<Vec<Backlink>>,
    pub embedded: bool,
    /// The built-in glossary, with a folder's own `glossary.toml` merged
    /// over it.
    pub glossary: Glossary,
    /// Per glossary term, where the briefs mention it: found once, when
    /// first asked.
    term_places: std::sync::OnceLock<Vec<Vec<SectionRef>>>,
    /// The cache the library was read through, and its folders: its word
    /// index narrows a search of the whole library.
    store: Option<(cache::Cache, Vec<PathBuf>)>,
    /// The library holds the first sections of its one brief alone, for
    /// its first screen: its figures, its other sections and its problems
    /// are still being read (see [`head`]).
    pub partial: bool,
}

impl Library {
    /// The library compiled into the binary.
    pub fn embedded() -> Self {
        let files = crate::embedded::BRIEFS
            .iter()
            .map(|(name, text)| {
                Ok(SourceFile::new(
                    (*name).to_owned(),
                    Origin::Embedded,
                    (*text).to_owned(),
                ))
            })
            .collect();
        let mut lib = Self::from_files(files);
        lib.embedded = true;
        lib
    }

    /// Briefs from files and folders on disk. A large library is read and
    /// parsed on every core.
    pub fn from_paths(paths: &[PathBuf]) -> Self {
        Self::from_found(load::find(paths), paths)
    }

    /// [`Library::from_paths`] of the files found in `paths`.
    fn from_found(found: Vec<load::Found>, paths: &[PathBuf]) -> Self {
        let bytes = found.iter().map(load::Found::len).sum();
        let workers = workers(found.len(), bytes);
        let mut lib = Self::assemble(parse_all(found, workers, |f| parse_one(f.read())));
        lib.use_glossary_of(paths);
        lib
    }

    /// Takes the built-in glossary with the `glossary.toml` of the folders
    /// in `paths` merged over it; its problems join the library's.
    pub(crate) fn use_glossary_of(&mut self, paths: &[PathBuf]) {
        let (g, diags) = Glossary::for_paths(paths);
        self.glossary = g;
        self.term_places = std::sync::OnceLock::new();
        if !diags.is_empty() {
            self.diagnostics.extend(diags);
            self.diagnostics
                .sort_by(|a, b| a.path.cmp(&b.path).then(a.pos.cmp(&b.pos)));
        }
    }

    /// Parses every file, resolves links, drops briefs with errors. A
    /// large library is parsed on every core.
    pub fn from_files(files: Vec<Result<SourceFile, Diagnostic>>) -> Self {
        let bytes = files
            .iter()
            .map(|f| f.as_ref().map_or(0, |f| f.text().len() as u64))
            .sum();
        let workers = workers(files.len(), bytes);
        Self::from_files_on(files, workers)
    }

    /// [`Library::from_files`] on `workers` threads (the caller's among
    /// them).
    fn from_files_on(files: Vec<Result<SourceFile, Diagnostic>>, workers: usize) -> Self {
        Self::assemble(parse_all(files, workers, parse_one))
    }

    /// The library from each file's brief and problems, in file order.
    fn assemble(each: Vec<Parsed>) -> Self {
        Self::assemble_with(each, Glossary::builtin().0)
    }

    /// [`Library::assemble`] with `glossary`.
    fn assemble_with(each: Vec<Parsed>, glossary: Glossary) -> Self {
        Self::assemble_resolved(each, glossary, |parsed, failed, diags| {
            resolve::duplicate_ids(parsed, diags);
            resolve::links(parsed, failed, diags);
        })
    }

    /// [`Library::assemble_with`], the ids checked and the links resolved
    /// by `resolve` (which may take them from the cache).
    fn assemble_resolved(
        each: Vec<Parsed>,
        glossary: Glossary,
        resolve: impl FnOnce(
            &mut [(Brief, bool)],
            &std::collections::HashSet<String>,
            &mut Vec<Diagnostic>,
        ),
    ) -> Self {
        let mut diagnostics = Vec::with_capacity(each.iter().map(|p| p.diags.len()).sum());
        let mut parsed: Vec<(Brief, bool)> = Vec::with_capacity(each.len());
        let mut failed = std::collections::HashSet::new();
        for p in each {
            diagnostics.extend(p.diags);
            parsed.extend(p.brief);
            failed.extend(p.failed);
        }
        resolve(&mut parsed, &failed, &mut diagnostics);
        let briefs = resolve::keep_good(parsed);
        diagnostics.sort_by(|a, b| a.path.cmp(&b.path).then(a.pos.cmp(&b.pos)));
        let backlinks = resolve::backlinks(&briefs);
        Self {
            briefs,
            diagnostics,
            backlinks,
            embedded: false,
            glossary,
            term_places: std::sync::OnceLock::new(),
            store: None,
            partial: false,
        }
    }

    /// Where the briefs mention glossary term `term` (see
    /// [`mentions`]).
    pub fn term_places(&self, term: usize) -> &[SectionRef] {
        self.term_places
            .get_or_init(|| mentions(&self.glossary, self))
            .get(term)
            .map_or(&[], Vec::as_slice)
    }

    pub fn brief(&self, idx: BriefIdx) -> Option<&Brief> {
        self.briefs.get(idx.0)
    }

    pub fn by_id(&self, id: &str) -> Option<BriefIdx> {
        self.briefs
            .iter()
            .position(|b| b.meta.id == id)
            .map(BriefIdx)
    }

    /// Resolves `brief-id` or `brief-id#anchor`.
    pub fn target(&self, target: &str) -> Result<SectionRef, String> {
        let (id, anchor) = target.split_once('#').unwrap_or((target, ""));
        let id = id.trim_end_matches(".md");
        let brief = self.by_id(id).ok_or_else(|| {
            let ids = self.briefs.iter().map(|b| b.meta.id.as_str());
            match crate::words::nearest(id, ids) {
                Some(near) => format!("no brief with id \"{id}\"; did you mean \"{near}\"?"),
                None => format!("no brief with id \"{id}\" (see `briefing list`)"),
            }
        })?;
        let section = if anchor.is_empty() {
            crate::model::SectionIdx(0)
        } else {
            let b = &self.briefs[brief.0];
            b.section_by_anchor(anchor).ok_or_else(|| {
                let anchors = b.sections.iter().map(|s| s.anchor.as_str());
                match crate::words::nearest(anchor, anchors) {
                    Some(near) => format!(
                        "brief \"{id}\" has no section \"#{anchor}\"; did you mean \"{id}#{near}\"?"
                    ),
                    None => format!("brief \"{id}\" has no section \"#{anchor}\""),
                }
            })?
        };
        Ok(SectionRef { brief, section })
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Every figure of the library, brief by brief.
    pub fn figures(&self) -> impl Iterator<Item = FigureRef> + '_ {
        self.briefs.iter().enumerate().flat_map(|(b, brief)| {
            (0..brief.digest.figures).map(move |f| FigureRef {
                brief: BriefIdx(b),
                figure: crate::model::FigureIdx(f),
            })
        })
    }

    /// Every event of the library by date (a bare year sorts before its
    /// months), then in brief order.
    pub fn events(&self) -> Vec<(BriefIdx, &crate::model::Event)> {
        let mut all: Vec<(BriefIdx, &crate::model::Event)> = self
            .briefs
            .iter()
            .enumerate()
            .flat_map(|(i, b)| b.events().iter().map(move |e| (BriefIdx(i), e)))
            .collect();
        all.sort_by(|a, b| a.1.date.cmp(&b.1.date).then(a.0.cmp(&b.0)));
        all
    }

    /// Every tag used by a figure, with how many figures carry it, most
    /// used first.
    pub fn figure_tags(&self) -> Vec<(String, usize)> {
        let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for b in &self.briefs {
            for f in b.figures() {
                for t in &f.tags {
                    *counts.entry(t.as_str()).or_default() += 1;
                }
            }
        }
        let mut v: Vec<(String, usize)> =
            counts.into_iter().map(|(t, n)| (t.to_owned(), n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// For a library read through the cache: reads its word list on a
    /// thread of its own, so the first library search does not wait for
    /// it.
    pub fn prepare_search(&self) {
        if let Some((cache, _)) = &self.store {
            let cache = cache.clone();
            let _ = std::thread::Builder::new()
                .name("briefing-words".into())
                .spawn(move || cache.prepare_words());
        }
    }

    /// The briefs a search of the whole library for `query` must read:
    /// those the cache's word index says may hold it, and those it does
    /// not cover, in library order; `None` when there is no index or it
    /// cannot narrow the search (every brief is read).
    pub fn search_candidates(&self, query: &str) -> Option<Vec<BriefIdx>> {
        let (cache, roots) = self.store.as_ref()?;
        let c = cache.candidates(roots, query)?;
        Some(
            self.briefs
                .iter()
                .enumerate()
                .filter(|(_, b)| {
                    let file = resolve::source_key(&b.source);
                    c.may_hold.contains(&file) || !c.covered.contains(&file)
                })
                .map(|(i, _)| BriefIdx(i))
                .collect(),
        )
    }

    pub fn backlinks_to(&self, to: SectionRef) -> impl Iterator<Item = &Backlink> + '_ {
        self.backlinks
            .get(to.brief.0)
            .into_iter()
            .flatten()
            .filter(move |b| b.to == to)
    }
}

/// Below this many files, or this many bytes, a library is parsed on the
/// caller's thread alone: starting threads would cost more than it saves
/// (the embedded library opens in about a millisecond).
const PARALLEL_FILES: usize = 8;
const PARALLEL_BYTES: u64 = 256 * 1024;
/// More threads than this gain little: reading and the allocator share.
const MAX_WORKERS: usize = 8;

/// How many threads parse a library of `files` files and `bytes` bytes.
fn workers(files: usize, bytes: u64) -> usize {
    if files < PARALLEL_FILES || bytes < PARALLEL_BYTES {
        return 1;
    }
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(MAX_WORKERS)
        .min(files)
}

/// What one file gave: its problems, and its brief (with whether it has
/// errors) if it parsed.
#[derive(Default)]
struct Parsed {
    diags: Vec<Diagnostic>,
    brief: Option<(Brief, bool)>,
    /// The key of a file that was read but gave no brief (see
    /// `resolve::source_key`).
    failed: Option<String>,
}

fn parse_one(file: Result<SourceFile, Diagnostic>) -> Parsed {
    let mut out = Parsed::default();
    match file {
        Err(d) => out.diags.push(d),
        Ok(file) => {
            let key = resolve::source_key(&file);
            if let Some(b) = parse_guarded(file, &mut out.diags) {
                let bad = out.diags.iter().any(Diagnostic::is_error);
                out.brief = Some((b, bad));
            } else {
                out.failed = Some(key);
            }
        }
    }
    out
}

/// Runs `each` on every item on `workers` threads, the caller's among
/// them; the results come back in the items' order, so the library and its
/// diagnostics are the same however many threads ran. Each thread takes the
/// next item not yet taken, so one long file does not hold up a share of
/// the others.
fn parse_all<T: Send, R: Send>(
    items: Vec<T>,
    workers: usize,
    each: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    if workers <= 1 || items.len() <= 1 {
        return items.into_iter().map(each).collect();
    }
    let total = items.len();
    let queue = Mutex::new(items.into_iter().enumerate());
    let work = || {
        let mut done = Vec::new();
        loop {
            let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
            let Some((n, item)) = next else {
                break;
            };
            done.push((n, each(item)));
        }
        done
    };
    let mut results: Vec<Option<R>> = Vec::new();
    results.resize_with(total, || None);
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers)
            .filter_map(|i| {
                std::thread::Builder::new()
                    .name(format!("briefing-parse-{i}"))
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        // If no thread could start, this one does it all.
        for (n, r) in work() {
            results[n] = Some(r);
        }
        for h in helpers {
            match h.join() {
                Ok(done) => {
                    for (n, r) in done {
                        results[n] = Some(r);
                    }
                }
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    results.into_iter().flatten().collect()
}

/// Parses one brief, turning a panic inside the Markdown parser (crafted
/// input has panicked pulldown-cmark before: #521, #1097, #1112) into that
/// brief's error, so the rest of the library still opens.
fn parse_guarded(file: SourceFile, diags: &mut Vec<Diagnostic>) -> Option<Brief> {
    let name = file.name.clone();
    guarded(&name, diags, |d| parse_brief(file, d))
}

fn guarded<T>(
    name: &str,
    diags: &mut Vec<Diagnostic>,
    f: impl FnOnce(&mut Vec<Diagnostic>) -> Option<T>,
) -> Option<T> {
    let mut local = Vec::new();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut local)));
    diags.extend(local);
    result.unwrap_or_else(|_| {
        diags.push(Diagnostic::error(
            name,
            None,
            "the Markdown parser failed on this file; it is left out",
        ));
        None
    })
}

#[cfg(test)]
mod tests;
