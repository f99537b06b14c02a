//! The cache's writer: a thread with a connection of its own, which
//! stores the files a start parsed anew once the load is done.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};

use super::{Cache, Key, Row};
use crate::model::Stamp;
use std::path::PathBuf;

/// A cache being written on a thread of its own, with a connection of its
/// own. The start hands it the files it parsed anew and goes on; once the
/// load is done the writer parses those files again itself, off the path
/// to the first screen, and stores them a few at a time, each whole: a
/// reader that quits early keeps what was finished, and the next start
/// parses the rest.
pub struct Writer {
    tx: Sender<Item>,
    stop: Arc<AtomicBool>,
    progress: Arc<Progress>,
    handle: std::thread::JoinHandle<Result<(), String>>,
}

/// How far a writer is: what a reader shows while the files a start left
/// for later come in, and how it learns that more of them are stored.
#[derive(Debug, Default)]
pub struct Progress {
    total: AtomicUsize,
    stored: AtomicUsize,
    news: AtomicBool,
    done: AtomicBool,
    /// Why the writer stopped before storing all (a full disk).
    failure: std::sync::Mutex<Option<String>>,
}

impl Progress {
    /// How many files are stored, of how many handed over.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.stored.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// True if more files were stored (or the writer ended) since the
    /// news was last taken.
    pub fn has_news(&self) -> bool {
        self.news.load(Ordering::Acquire)
    }

    /// True once since more files were stored (or the writer ended).
    pub fn take_news(&self) -> bool {
        self.news.swap(false, Ordering::AcqRel)
    }

    /// True once the writer has stored all it will.
    pub fn is_done(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }

    /// Why the writer stopped before it stored all it was handed, if it
    /// did.
    pub fn failure(&self) -> Option<String> {
        self.failure
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

/// Said when more files are stored (the reader wakes its loop).
pub type Notice = Box<dyn Fn() + Send + Sync>;

/// How often a writer tells of files stored, at most.
const NOTICE_EVERY: std::time::Duration = std::time::Duration::from_millis(1500);

enum Item {
    /// A file parsed anew: to store.
    File(Key),
    /// The load is done: forget the files of these folders that are not
    /// among these, then store the files handed over.
    Done(Vec<PathBuf>, Vec<Key>),
}

/// How many files are stored per transaction (parsed on every core).
const BATCH: usize = 64;

impl Writer {
    /// Starts writing to `cache` (opened for this writer alone).
    pub fn start(cache: Cache) -> Result<Self, String> {
        Self::start_with(cache, Box::new(|| {}))
    }

    /// [`Writer::start`], calling `notice` when more files are stored
    /// (at most every 1.5 s) and when it ends.
    pub fn start_with(cache: Cache, notice: Notice) -> Result<Self, String> {
        let (tx, rx) = std::sync::mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(Progress::default());
        let stopped = Arc::clone(&stop);
        let told = Arc::clone(&progress);
        let handle = std::thread::Builder::new()
            .name("briefing-cache".into())
            .spawn(move || {
                let r = cache.store_stream(&rx, &stopped, &told, &notice);
                if let Err(e) = &r {
                    *told
                        .failure
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(e.clone());
                }
                told.done.store(true, Ordering::Release);
                told.news.store(true, Ordering::Release);
                notice();
                r
            })
            .map_err(|e| format!("cannot start the cache's writer: {e}"))?;
        Ok(Self {
            tx,
            stop,
            progress,
            handle,
        })
    }

    /// Hands over one file to parse and store.
    pub fn keep(&self, key: Key) {
        self.progress.total.fetch_add(1, Ordering::Relaxed);
        // A writer that stopped (a full disk) costs the next start a
        // parse, nothing more.
        let _ = self.tx.send(Item::File(key));
    }

    /// How far it is.
    pub fn progress(&self) -> Arc<Progress> {
        Arc::clone(&self.progress)
    }

    /// Ends the load: the writer forgets what `pending` says is gone and
    /// stores the files handed over.
    pub fn finish(self, pending: super::super::Pending) -> Finishing {
        let (folders, present) = pending.into_present();
        let _ = self.tx.send(Item::Done(folders, present));
        Finishing {
            stop: self.stop,
            handle: self.handle,
        }
    }
}

/// A writer told that the load is done.
pub struct Finishing {
    stop: Arc<AtomicBool>,
    handle: std::thread::JoinHandle<Result<(), String>>,
}

impl Finishing {
    /// Waits until every file is stored.
    pub fn wait(self) -> Result<(), String> {
        self.handle
            .join()
            .unwrap_or_else(|_| Err("the cache's writer failed".into()))
    }

    /// Waits until every file is stored, or `within` has passed; then
    /// stops after the file being stored.
    pub fn end_within(self, within: std::time::Duration) -> Result<(), String> {
        let until = std::time::Instant::now() + within;
        while !self.handle.is_finished() && std::time::Instant::now() < until {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        self.stop()
    }

    /// Stops after the file being stored (what is finished is kept), and
    /// waits for that.
    pub fn stop(self) -> Result<(), String> {
        self.stop.store(true, Ordering::Relaxed);
        self.wait()
    }
}

impl Cache {
    /// Takes the files `rx` hands over until the load is done, then
    /// parses and stores them, [`BATCH`] per transaction, until all are
    /// stored or `stop` is set. A load that ends without saying it is done
    /// leaves nothing written.
    fn store_stream(
        &self,
        rx: &Receiver<Item>,
        stop: &AtomicBool,
        progress: &Progress,
        notice: &Notice,
    ) -> Result<(), String> {
        let mut files = Vec::new();
        let mut done = None;
        for item in rx {
            match item {
                Item::File(key) => files.push(key),
                Item::Done(folders, present) => {
                    done = Some((folders, present));
                    break;
                }
            }
        }
        let Some((folders, present)) = done else {
            return Ok(());
        };
        self.store(&[], &folders, &present)?;
        let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        // One batch is stored while the next is parsed.
        std::thread::scope(|scope| {
            let (batches, parsed) = std::sync::mpsc::sync_channel::<(usize, Vec<Row>)>(1);
            let storing = scope.spawn(move || self.store_batches(&parsed, stop, progress, notice));
            for batch in files.chunks(BATCH) {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                // Parsed on every core, outside the transaction; a stop
                // asked for meanwhile keeps what is whole.
                let rows = super::super::parse_all(batch.iter().collect(), workers, |key| {
                    if stop.load(Ordering::Relaxed) {
                        None
                    } else {
                        parse_for_cache(key)
                    }
                });
                let rows = rows.into_iter().flatten().collect();
                if batches.send((batch.len(), rows)).is_err() {
                    break;
                }
            }
            drop(batches);
            storing
                .join()
                .unwrap_or_else(|_| Err("the cache's writer failed".into()))
        })
    }

    /// Stores each batch of rows `parsed` hands over in a transaction of
    /// its own, counting them in `progress` and telling of them.
    fn store_batches(
        &self,
        parsed: &Receiver<(usize, Vec<Row>)>,
        stop: &AtomicBool,
        progress: &Progress,
        notice: &Notice,
    ) -> Result<(), String> {
        let mut told = std::time::Instant::now();
        for (n, rows) in parsed {
            self.store(&rows, &[], &[])?;
            progress.stored.fetch_add(n, Ordering::Relaxed);
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            if told.elapsed() >= NOTICE_EVERY {
                told = std::time::Instant::now();
                progress.news.store(true, Ordering::Release);
                notice();
            }
        }
        Ok(())
    }
}

/// `key`'s file parsed as a start parses it, if it is still as `key` says
/// (a file changed since is left to the next start).
fn parse_for_cache(key: &Key) -> Option<Row> {
    let found = super::super::load::Found::File {
        path: key.path.clone(),
        shown: key.shown.clone(),
        root: key.root.clone(),
        canon: std::fs::canonicalize(&key.path).ok(),
        len: key.stamp.len,
        stamp: Some(key.stamp),
    };
    let parsed = super::super::parse_one(found.read());
    let now = std::fs::metadata(&key.path).ok().map(|m| Stamp::of(&m));
    if now != Some(key.stamp) {
        return None;
    }
    Cache::record(key.clone(), &parsed)
}
