//! The library's cache: each brief as parsed, kept in SQLite in the XDG
//! cache folder (`$XDG_CACHE_HOME/briefing/library.sqlite`), keyed by the
//! file's path, size and modification time, so that a start parses only
//! the files that changed and reads a brief's text only when it is opened.
//!
//! The cache never holds the only copy of anything: delete it and the next
//! start builds it again. A damaged cache, or one written by another build,
//! is emptied quietly; one that cannot be written is not used (the reader
//! says so in one line). SQLite's transactions keep a half-written batch
//! from ever being read, and its write-ahead log lets two readers share
//! the file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

mod records;
pub(super) mod resolved;
mod words;
mod writer;

pub use words::Candidates;

pub use writer::{Finishing, Notice, Progress, Writer};

use crate::model::Stamp;

/// The cache's file name in its folder.
const FILE: &str = "library.sqlite";
/// Bumped whenever what is stored changes shape.
const FORMAT: u32 = 9;
/// One row per file: its parse's summary and detail.
const FILES: &str = "
    CREATE TABLE IF NOT EXISTS files (
        id TEXT PRIMARY KEY,
        root TEXT NOT NULL,
        len INTEGER NOT NULL,
        modified INTEGER NOT NULL,
        summary BLOB NOT NULL,
        detail BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS files_root ON files (root);";
/// How long a writer waits for another process's write to end.
const BUSY: Duration = Duration::from_secs(5);

/// One file as the cache knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The file's path, as the library was given it.
    pub path: PathBuf,
    /// Its canonical path: what tells its row apart, however the library
    /// was named (`briefing .` in the folder, or its full path).
    pub canon: PathBuf,
    /// Its name as shown to users (diagnostics carry it).
    pub shown: String,
    /// The library folder it was found in.
    pub root: PathBuf,
    pub stamp: Stamp,
}

impl Key {
    pub(in crate::library) fn id(&self) -> String {
        crate::textfile::path_text(&self.canon)
    }
}

/// A parse result to keep, made by [`Cache::record`]: its summary (what
/// a start reads) and its detail (read when the brief is first asked for
/// its figures).
pub struct Row {
    key: Key,
    summary: Vec<u8>,
    detail: Vec<u8>,
    /// What a search reads of the brief, for the word index (none for a
    /// file that gave no brief).
    body: Option<String>,
}

/// An open cache. Clones share one connection.
#[derive(Clone)]
pub struct Cache {
    shared: Arc<Shared>,
}

struct Shared {
    conn: Mutex<Connection>,
    path: PathBuf,
    /// The word index's words, as read at the database's `data_version`
    /// (another connection's commit changes it; this one's own writes
    /// forget them).
    words: Mutex<Option<(i64, Arc<words::Vocab>)>>,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cache")
            .field("path", &self.shared.path)
            .finish_non_exhaustive()
    }
}

impl Cache {
    /// The cache in `dir`, made if need be. An error says why it cannot be
    /// used (a read-only or full folder); a damaged or foreign file is
    /// replaced.
    pub fn open(dir: &Path) -> Result<Self, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
        let path = dir.join(FILE);
        // Another reader making the file at the same moment holds it for
        // a moment: try again.
        let mut opened = Self::open_file(&path);
        for _ in 0..5 {
            match &opened {
                Err(e) if busy(e) => {
                    std::thread::sleep(Duration::from_millis(50));
                    opened = Self::open_file(&path);
                }
                _ => break,
            }
        }
        match opened {
            Ok(c) => Ok(c),
            // Damaged, or not a database: start again from nothing. (Any
            // other failure, a lock held too long, leaves the file to the
            // reader holding it.)
            Err(e) if damaged(&e) => {
                for end in ["", "-wal", "-shm"] {
                    let mut p = path.clone().into_os_string();
                    p.push(end);
                    let _ = std::fs::remove_file(PathBuf::from(p));
                }
                Self::open_file(&path)
                    .map_err(|e| format!("cannot write the cache {}: {e}", path.display()))
            }
            Err(e) => Err(format!("cannot use the cache {}: {e}", path.display())),
        }
    }

    fn open_file(path: &Path) -> rusqlite::Result<Self> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(BUSY)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
        )?;
        conn.execute_batch(FILES)?;
        conn.execute_batch(words::SCHEMA)?;
        // A cache is only good for the build that wrote it: another
        // build may parse the same file differently.
        let build = build_id();
        let stored: Option<String> = conn
            .query_row("SELECT value FROM about WHERE key = 'build'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if stored.as_deref() != Some(build) {
            let tx = begin(&conn)?;
            // Another build's rows may not even have this one's columns.
            tx.execute_batch(words::DROP)?;
            tx.execute_batch("DROP TABLE IF EXISTS files;")?;
            tx.execute_batch(FILES)?;
            tx.execute_batch(words::SCHEMA)?;
            tx.execute(
                "INSERT OR REPLACE INTO about (key, value) VALUES ('build', ?1)",
                params![build],
            )?;
            tx.commit()?;
        }
        // Reading one row proves the file is a database at all; taking
        // the write lock, that it can be written (a read-only file opens,
        // and fails only at the first write).
        conn.query_row("SELECT count(*) FROM files", [], |r| r.get::<_, i64>(0))?;
        conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;")?;
        Ok(Self {
            shared: Arc::new(Shared {
                conn: Mutex::new(conn),
                path: path.to_path_buf(),
                words: Mutex::new(None),
            }),
        })
    }

    /// Where the cache lives.
    pub fn path(&self) -> &Path {
        &self.shared.path
    }

    /// The connection, for one use at a time.
    pub(super) fn conn(&self) -> MutexGuard<'_, Connection> {
        self.shared
            .conn
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Stores `rows` in one transaction, and forgets the files of `roots`
    /// that are not in `present` (deleted or renamed).
    pub fn store(&self, rows: &[Row], roots: &[PathBuf], present: &[Key]) -> Result<(), String> {
        self.store_inner(rows, roots, present)
            .map_err(|e| format!("cannot write the cache {}: {e}", self.path().display()))
    }

    fn store_inner(
        &self,
        rows: &[Row],
        roots: &[PathBuf],
        present: &[Key],
    ) -> rusqlite::Result<()> {
        let conn = self.conn();
        let tx = begin(&conn)?;
        for row in rows {
            put(&tx, row)?;
        }
        forget(&tx, roots, present)?;
        tx.commit()?;
        *self.words_kept() = None;
        Ok(())
    }

    fn words_kept(&self) -> MutexGuard<'_, Option<(i64, Arc<words::Vocab>)>> {
        self.shared
            .words
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The word index's words, read once for as long as no one writes.
    fn words(&self, conn: &Connection) -> Option<Arc<words::Vocab>> {
        let version: i64 = conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))
            .ok()?;
        if let Some((v, vocab)) = &*self.words_kept()
            && *v == version
        {
            return Some(Arc::clone(vocab));
        }
        let vocab = Arc::new(words::vocab(conn)?);
        *self.words_kept() = Some((version, Arc::clone(&vocab)));
        Some(vocab)
    }

    /// Reads the word index's words now, so the first search does not
    /// wait for them (about 100 ms at 10,000 briefs).
    pub fn prepare_words(&self) {
        let conn = self.conn();
        let _ = self.words(&conn);
    }

    /// The files under `roots` whose words may hold `query` (see
    /// [`words`]), or `None` when the index cannot narrow the search.
    pub fn candidates(&self, roots: &[PathBuf], query: &str) -> Option<Candidates> {
        let conn = self.conn();
        let vocab = self.words(&conn)?;
        words::candidates(&conn, &vocab, roots, query)
    }

    /// How many files the cache holds.
    pub fn len(&self) -> usize {
        self.conn()
            .query_row("SELECT count(*) FROM files", [], |r| r.get::<_, i64>(0))
            .ok()
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(0)
    }

    /// True if the cache holds no file.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Stores one parsed file.
fn put(tx: &rusqlite::Transaction<'_>, row: &Row) -> rusqlite::Result<()> {
    let id = row.key.id();
    words::unindex(tx, &id)?;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO files (id, root, len, modified, summary, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        row.key.root.display().to_string(),
        i64::try_from(row.key.stamp.len).unwrap_or(i64::MAX),
        row.key.stamp.modified,
        row.summary,
        row.detail
    ])?;
    if let Some(text) = &row.body {
        words::index_last(tx, text)?;
    }
    Ok(())
}

/// Forgets the files of `roots` that are not in `present` (deleted or
/// renamed).
fn forget(
    tx: &rusqlite::Transaction<'_>,
    roots: &[PathBuf],
    present: &[Key],
) -> rusqlite::Result<()> {
    if !roots.is_empty() {
        let keep: std::collections::HashSet<String> = present.iter().map(Key::id).collect();
        let mut gone = Vec::new();
        {
            let mut list = tx.prepare_cached("SELECT id FROM files WHERE root = ?1")?;
            for root in roots {
                let ids = list.query_map(params![root.display().to_string()], |r| {
                    r.get::<_, String>(0)
                })?;
                for id in ids {
                    let id = id?;
                    if !keep.contains(&id) {
                        gone.push(id);
                    }
                }
            }
        }
        for id in &gone {
            words::unindex(tx, id)?;
        }
        let mut drop = tx.prepare_cached("DELETE FROM files WHERE id = ?1")?;
        for id in gone {
            drop.execute(params![id])?;
        }
    }
    Ok(())
}

/// A transaction that takes the write lock at once (waiting for another
/// writer up to [`BUSY`]), so it never fails half-way for want of it.
fn begin(conn: &Connection) -> rusqlite::Result<rusqlite::Transaction<'_>> {
    rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)
}

/// True for the errors of a file another connection holds.
fn busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// True for the errors of a file that is not a sound database.
fn damaged(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Tells builds apart: the format, the version, and the running binary's
/// size and time (a rebuilt binary may parse differently).
/// Found once a run (the cache, its kept resolution and the finder's index
/// each ask).
pub(crate) fn build_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let exe = std::env::current_exe()
            .ok()
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| Stamp::of(&m));
        let (len, modified) = exe.map_or((0, 0), |s| (s.len, s.modified));
        format!("{FORMAT} {} {len} {modified}", env!("CARGO_PKG_VERSION"))
    })
}
