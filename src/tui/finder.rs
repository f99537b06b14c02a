//! State kept by the app for two views: the figure finder's index and
//! ranking, and the text search in the brief being read.

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crate::library::Library;
use crate::lookup::{Finder, Hit, Index, stored};
use crate::tui::field::TextField;
use crate::tui::task::{Poll, Task};

/// From this many figures on, ranking runs on a worker thread: a keystroke
/// only hands the query over, and the hits arrive when they are ready.
pub const BACKGROUND_FROM: usize = 20_000;

/// From this many figures on, the index is built on a thread as soon as
/// the library is loaded, so that the first `f` finds it ready; a smaller
/// one is built when the finder first opens, in a few milliseconds.
pub const INDEX_BACKGROUND_FROM: usize = 5_000;

/// The longest Enter waits for hits still being ranked.
const SETTLE_LIMIT: Duration = Duration::from_secs(2);

pub struct FinderState {
    /// The query as typed, with its caret: the one place it is kept.
    pub field: TextField,
    /// The query `hits` were ranked for; behind the field while the worker
    /// is ranking.
    pub shown: String,
    pub hits: Vec<Hit>,
    pub cursor: usize,
    pub index: Option<Arc<Index>>,
    pub engine: Finder,
    /// Finds the characters to highlight while drawing (which only
    /// borrows the app); kept so a frame does not allocate one.
    pub highlighter: RefCell<Finder>,
    pub worker: Option<RankWorker>,
    /// Index size from which the worker is used.
    pub background_from: usize,
    /// The index being built in the background, while `index` is `None`.
    pub building: Option<IndexBuild>,
    /// Library size (in figures) from which the index is built in the
    /// background.
    pub index_background_from: usize,
    /// The cache's folder, where an index built in the background is
    /// kept for the next start (see [`crate::lookup::stored`]).
    pub store: Option<PathBuf>,
}

impl Default for FinderState {
    fn default() -> Self {
        Self {
            field: TextField::default(),
            shown: String::new(),
            hits: Vec::new(),
            cursor: 0,
            index: None,
            engine: Finder::typing(),
            highlighter: RefCell::new(Finder::typing()),
            worker: None,
            background_from: BACKGROUND_FROM,
            building: None,
            index_background_from: INDEX_BACKGROUND_FROM,
            store: None,
        }
    }
}

impl FinderState {
    /// Forgets the index (the library changed) and, for a large library,
    /// starts building the new one in the background.
    pub fn prepare(&mut self, lib: &Arc<Library>) {
        *self = Self {
            background_from: self.background_from,
            index_background_from: self.index_background_from,
            store: self.store.take(),
            ..Self::default()
        };
        self.build_in_background(lib);
    }

    /// Gives up an index being built in the background (the library it is
    /// for is about to be replaced); the next [`Self::prepare`] or
    /// [`Self::build_in_background`] starts again.
    pub fn hold(&mut self) {
        self.building = None;
    }

    /// For a large library, starts building its index in the background,
    /// unless it is built or being built.
    pub fn build_in_background(&mut self, lib: &Arc<Library>) {
        if self.index.is_none()
            && self.building.is_none()
            && lib.figures().nth(self.index_background_from).is_some()
        {
            self.building = build_index(Arc::clone(lib), self.store.clone());
        }
    }

    /// Takes the index built in the background if it is ready; with
    /// `wait`, waits for it. A large library whose index is not being
    /// built (it was held while the library grew) starts it in the
    /// background, unless told to wait. Without a builder (a small
    /// library, or its thread could not start or failed) the index is
    /// built here. True if the index came in.
    pub fn take_index(&mut self, lib: &Arc<Library>, wait: bool) -> bool {
        if self.index.is_some() {
            return false;
        }
        if self.building.is_none() && !wait {
            self.build_in_background(lib);
            if self.building.is_some() {
                return false;
            }
        }
        let built = match &self.building {
            Some(b) => match b.poll(wait) {
                Poll::Ready(index) => Some(index),
                Poll::Pending => return false,
                Poll::Failed => None,
            },
            None => None,
        };
        self.building = None;
        self.index = Some(built.unwrap_or_else(|| Arc::new(Index::new(lib))));
        true
    }

    /// True while the index is being built in the background.
    pub fn indexing(&self) -> bool {
        self.index.is_none() && self.building.is_some()
    }

    /// The query as typed.
    pub fn query(&self) -> &str {
        self.field.value()
    }

    /// Types `query` in place of what the field holds, and ranks it.
    pub fn set_query(&mut self, query: &str) {
        self.field.set(query);
        self.refresh();
    }

    /// True while hits for the current query are still being ranked.
    pub fn pending(&self) -> bool {
        self.shown != self.query()
    }

    /// Ranks the current query: at once for a small index, on the worker
    /// for a large one.
    pub fn refresh(&mut self) {
        let Some(index) = self.index.clone() else {
            return;
        };
        if index.entries.len() >= self.background_from && self.worker.is_none() {
            self.worker = RankWorker::spawn(Arc::clone(&index));
        }
        if let Some(w) = &self.worker
            && w.post(self.field.value())
        {
            return;
        }
        // No worker (small index, or the thread could not start).
        self.worker = None;
        self.hits = self.engine.rank(&index, self.field.value());
        self.field.value().clone_into(&mut self.shown);
        self.cursor = 0;
    }

    /// Waits (briefly) for the worker to catch up with the query, so that
    /// Enter right after typing opens the hit for what was typed.
    pub fn settle(&mut self) {
        let start = Instant::now();
        while self.pending() && self.worker.is_some() && start.elapsed() < SETTLE_LIMIT {
            if !self.receive() {
                thread::sleep(Duration::from_millis(1));
            }
        }
    }

    /// Takes the worker's newest hits; true if the list changed.
    pub fn receive(&mut self) -> bool {
        let Some(w) = &self.worker else {
            return false;
        };
        let mut changed = false;
        while let Some((query, hits)) = w.try_recv() {
            if query == self.field.value() {
                self.hits = hits;
                self.shown = query;
                self.cursor = 0;
                changed = true;
            }
        }
        changed
    }
}

/// The finder's index being built for one library; dropping it (the
/// library was reloaded) makes the thread give up.
pub type IndexBuild = Task<Arc<Index>>;

/// Starts building `lib`'s index on a thread of its own. With the cache's
/// folder, the index kept there for this library is read instead if it
/// is still good; else the one built is handed over, then kept there (on
/// a thread of its own) for the next start.
pub fn build_index(lib: Arc<Library>, store: Option<PathBuf>) -> Option<IndexBuild> {
    Task::spawn("briefing-index", move |stop| {
        let kept = store.and_then(|dir| {
            let key = stored::key(&lib)?;
            Some((dir.join(stored::file_name(&lib)), key))
        });
        if let Some((path, key)) = &kept
            && let Some(index) = stored::load(path, *key)
        {
            return Some(Arc::new(index));
        }
        let index = Arc::new(Index::build_until(&lib, &|| stop.load(Ordering::Relaxed))?);
        if let Some((path, key)) = kept {
            let keep = Arc::clone(&index);
            // Nothing is lost if it cannot be kept: the next start builds
            // the index again.
            let _ = thread::Builder::new()
                .name("briefing-index-keep".into())
                .spawn(move || stored::save(&keep, &path, key));
        }
        Some(index)
    })
}

/// A thread that ranks queries against one index. A newer query cancels
/// the one being ranked, so fast typing never queues work.
pub struct RankWorker {
    jobs: Sender<String>,
    results: Receiver<(String, Vec<Hit>)>,
    latest: Arc<AtomicU64>,
}

impl RankWorker {
    pub fn spawn(index: Arc<Index>) -> Option<Self> {
        let (jobs, job_rx) = mpsc::channel::<String>();
        let (result_tx, results) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&latest);
        thread::Builder::new()
            .name("briefing-finder".into())
            .spawn(move || {
                let mut finder = Finder::typing();
                while let Ok(mut query) = job_rx.recv() {
                    while let Ok(newer) = job_rx.try_recv() {
                        query = newer;
                    }
                    let started = seen.load(Ordering::Acquire);
                    let cancel = || seen.load(Ordering::Acquire) != started;
                    if let Some(hits) = finder.rank_until(&index, &query, &cancel) {
                        if result_tx.send((query, hits)).is_err() {
                            break;
                        }
                        super::wake::wake();
                    }
                }
            })
            .ok()?;
        Some(Self {
            jobs,
            results,
            latest,
        })
    }

    /// Hands a query over; false if the worker is gone.
    pub fn post(&self, query: &str) -> bool {
        self.latest.fetch_add(1, Ordering::AcqRel);
        self.jobs.send(query.to_owned()).is_ok()
    }

    pub fn try_recv(&self) -> Option<(String, Vec<Hit>)> {
        self.results.try_recv().ok()
    }
}

impl Drop for RankWorker {
    fn drop(&mut self) {
        // Cancels the ranking in progress; the closed channel ends the thread.
        self.latest.fetch_add(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn wait(state: &mut FinderState) {
        state.settle();
    }

    #[test]
    fn the_worker_ranks_the_latest_query_like_the_inline_finder() {
        let lib = Library::embedded();
        let index = Arc::new(Index::new(&lib));
        let mut state = FinderState {
            index: Some(Arc::clone(&index)),
            background_from: 0,
            ..FinderState::default()
        };
        for q in ["c", "ch", "chi", "chip", "chip exp", "chip exp china"] {
            state.set_query(q);
        }
        assert!(state.worker.is_some(), "large indexes rank on the worker");
        wait(&mut state);
        assert_eq!(state.shown, "chip exp china");
        let inline = Finder::typing().rank(&index, "chip exp china");
        assert_eq!(state.hits, inline);
        assert!(!state.hits.is_empty());
    }

    #[test]
    fn a_large_library_is_indexed_in_the_background() {
        let lib = Arc::new(Library::embedded());
        let mut state = FinderState::default();
        state.prepare(&lib);
        assert!(state.building.is_none(), "the embedded library is small");
        state.index_background_from = 0;
        state.prepare(&lib);
        assert!(state.building.is_some());
        assert!(state.take_index(&lib, true));
        assert!(state.building.is_none() && !state.indexing());
        let index = state.index.clone().expect("index");
        assert_eq!(index.entries.len(), lib.figures().count());
        state.set_query("chip exp china");
        assert_eq!(
            state.hits,
            Finder::typing().rank(&Index::new(&lib), "chip exp china")
        );
        // A new library forgets the index and builds its own.
        state.prepare(&lib);
        assert!(state.index.is_none() && state.building.is_some());
        assert_eq!(state.index_background_from, 0);
    }

    #[test]
    fn a_failed_builder_leaves_the_index_to_be_built_at_once() {
        let lib = Arc::new(Library::embedded());
        let (build, tx) = IndexBuild::by_hand();
        let mut state = FinderState {
            building: Some(build),
            ..FinderState::default()
        };
        assert!(!state.take_index(&lib, false));
        assert!(state.indexing());
        drop(tx);
        assert!(state.take_index(&lib, false));
        assert!(state.index.is_some() && !state.indexing());
    }

    #[test]
    fn a_large_library_whose_index_was_held_starts_it_when_the_finder_opens() {
        let lib = Arc::new(Library::embedded());
        let mut state = FinderState {
            index_background_from: 0,
            ..FinderState::default()
        };
        state.prepare(&lib);
        assert!(state.building.is_some());
        // Held while the library grows: nothing is being built.
        state.hold();
        assert!(state.building.is_none() && !state.indexing());
        // The finder opened: built in the background, not on the spot.
        assert!(!state.take_index(&lib, false));
        assert!(state.indexing());
        // Enter waits for it.
        assert!(state.take_index(&lib, true));
        assert!(state.index.is_some());
    }

    #[test]
    fn a_dropped_builder_gives_up() {
        // Dropping the task raises the flag (see `task::tests`); the
        // build gives up when it is raised.
        let lib = Arc::new(Library::embedded());
        let build = build_index(Arc::clone(&lib), None).expect("thread");
        drop(build);
        assert!(Index::build_until(&lib, &|| true).is_none());
        assert!(Index::build_until(&lib, &|| false).is_some());
    }

    #[test]
    fn small_indexes_rank_at_once() {
        let lib = Library::embedded();
        let mut state = FinderState {
            index: Some(Arc::new(Index::new(&lib))),
            ..FinderState::default()
        };
        state.set_query("77");
        assert!(state.worker.is_none());
        assert!(!state.pending());
        assert!(!state.hits.is_empty());
    }

    #[test]
    fn an_index_built_in_the_background_is_kept_and_read_by_the_next_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let briefs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
        for e in std::fs::read_dir(&briefs).expect("briefs").flatten() {
            std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copy");
        }
        let cache = tempfile::tempdir().expect("temp dir");
        let start = |cache: &std::path::Path| {
            let lib = Arc::new(Library::from_paths(&[dir.path().to_path_buf()]));
            let mut state = FinderState {
                index_background_from: 0,
                store: Some(cache.to_path_buf()),
                ..FinderState::default()
            };
            state.prepare(&lib);
            assert!(state.indexing());
            assert!(state.take_index(&lib, true));
            state.index.expect("an index")
        };
        let first = start(cache.path());
        assert!(!first.is_stored(), "built on the first start");
        // Kept on a thread of its own once handed over.
        let kept = || {
            std::fs::read_dir(cache.path())
                .expect("cache")
                .flatten()
                .any(|e| e.file_name().to_string_lossy().ends_with(".idx"))
        };
        let until = std::time::Instant::now() + Duration::from_secs(20);
        while !kept() && std::time::Instant::now() < until {
            thread::sleep(Duration::from_millis(10));
        }
        assert!(kept(), "the index is kept in the cache's folder");
        let second = start(cache.path());
        assert!(second.is_stored(), "read from the cache on the next start");
        for q in ["chip exports china", "77", "#trade"] {
            let hits = Finder::typing().rank(&second, q);
            assert!(!hits.is_empty(), "{q}");
            assert_eq!(hits, Finder::typing().rank(&first, q), "{q}");
        }
        // A cache folder with no index kept builds one.
        let third = start(tempfile::tempdir().expect("temp dir").path());
        assert!(!third.is_stored());
    }
}
