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
    /// The index being written there, and what became of it.
    pub keeping: Option<Task<Result<(), String>>>,
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
            keeping: None,
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
                Poll::Ready((index, keeping)) => {
                    self.keeping = keeping;
                    Some(index)
                }
                Poll::Pending => return false,
                Poll::Failed => None,
            },
            None => None,
        };
        self.building = None;
        self.index = Some(built.unwrap_or_else(|| Arc::new(Index::new(lib))));
        true
    }

    /// Why the index built could not be kept for the next start, once
    /// its writing has ended that way.
    pub fn kept_news(&mut self) -> Option<String> {
        let end = match self.keeping.as_ref()?.poll(false) {
            Poll::Pending => return None,
            Poll::Ready(r) => r.err(),
            Poll::Failed => None,
        };
        self.keeping = None;
        end
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
pub type IndexBuild = Task<(Arc<Index>, Option<Task<Result<(), String>>>)>;

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
            return Some((Arc::new(index), None));
        }
        let index = Arc::new(Index::build_until(&lib, &|| stop.load(Ordering::Relaxed))?);
        // Nothing is lost if it cannot be kept: the next start builds the
        // index again (and the reader says why it could not be kept).
        let keeping = kept.and_then(|(path, key)| {
            let keep = Arc::clone(&index);
            Task::spawn("briefing-index-keep", move |_| {
                Some(
                    stored::save(&keep, &path, key).map_err(|e| format!("{e}: {}", path.display())),
                )
            })
        });
        Some((index, keeping))
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
mod tests;
