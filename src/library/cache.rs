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
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use serde::{Deserialize, Serialize};

mod writer;

pub use writer::{Finishing, Writer};

use super::Parsed;
use crate::diag::Diagnostic;
use crate::model::{Brief, Event, Figure, Link, Mention, Meta, Origin, Section, SourceFile, Stamp};

/// The cache's file name in its folder.
const FILE: &str = "library.sqlite";
/// Bumped whenever what is stored changes shape.
const FORMAT: u32 = 2;
/// How long a writer waits for another process's write to end.
const BUSY: Duration = Duration::from_secs(5);

/// One file as the cache knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The file's path, as the library was given it.
    pub path: PathBuf,
    /// Its name as shown to users (diagnostics carry it).
    pub shown: String,
    /// The library folder it was found in.
    pub root: PathBuf,
    pub stamp: Stamp,
}

impl Key {
    fn id(&self) -> String {
        format!("{}\n{}", self.path.display(), self.shown)
    }
}

/// A parse result to keep, made by [`Cache::record`].
pub struct Row {
    key: Key,
    data: Vec<u8>,
}

/// An open cache.
pub struct Cache {
    conn: Connection,
    path: PathBuf,
}

/// What a parse of one file gave, as stored: the brief without its text
/// (read again from the file when opened).
#[derive(Serialize)]
struct Record<'a> {
    diags: &'a [Diagnostic],
    brief: Option<Parts<'a>>,
    bad: bool,
    failed: Option<&'a str>,
}

#[derive(Serialize)]
struct Parts<'a> {
    meta: &'a Meta,
    sections: &'a [Section],
    figures: &'a [Figure],
    mentions: &'a [Mention],
    links: &'a [Link],
    events: &'a [Event],
    said: &'a [String],
    origin: &'a Origin,
    body_start: usize,
}

#[derive(Deserialize)]
struct OwnedRecord {
    diags: Vec<Diagnostic>,
    brief: Option<OwnedParts>,
    bad: bool,
    failed: Option<String>,
}

#[derive(Deserialize)]
struct OwnedParts {
    meta: Meta,
    sections: Vec<Section>,
    figures: Vec<Figure>,
    mentions: Vec<Mention>,
    links: Vec<Link>,
    events: Vec<Event>,
    said: Vec<String>,
    origin: Origin,
    body_start: usize,
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
            "CREATE TABLE IF NOT EXISTS about (key TEXT PRIMARY KEY, value TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS files (
                 id TEXT PRIMARY KEY,
                 root TEXT NOT NULL,
                 len INTEGER NOT NULL,
                 modified INTEGER NOT NULL,
                 data BLOB NOT NULL
             );
             CREATE INDEX IF NOT EXISTS files_root ON files (root);",
        )?;
        // A cache is only good for the build that wrote it: another
        // build may parse the same file differently.
        let build = build_id();
        let stored: Option<String> = conn
            .query_row("SELECT value FROM about WHERE key = 'build'", [], |r| {
                r.get(0)
            })
            .optional()?;
        if stored.as_deref() != Some(build.as_str()) {
            let tx = rusqlite::Transaction::new_unchecked(
                &conn,
                rusqlite::TransactionBehavior::Immediate,
            )?;
            tx.execute("DELETE FROM files", [])?;
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
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Where the cache lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The parse of `key`'s file as it was at `key.stamp`, if kept.
    pub(super) fn get(&self, key: &Key) -> Option<Parsed> {
        let data: Vec<u8> = self
            .conn
            .prepare_cached("SELECT data FROM files WHERE id = ?1 AND len = ?2 AND modified = ?3")
            .ok()?
            .query_row(
                params![
                    key.id(),
                    i64::try_from(key.stamp.len).ok()?,
                    key.stamp.modified
                ],
                |r| r.get(0),
            )
            .ok()?;
        // A record that does not read back is a miss: the file is parsed.
        let r: OwnedRecord = postcard::from_bytes(&data).ok()?;
        let brief = r.brief.map(|p| {
            let source = SourceFile::deferred(key.shown.clone(), p.origin, p.body_start, key.stamp);
            Brief {
                meta: p.meta,
                sections: p.sections,
                figures: p.figures,
                mentions: p.mentions,
                links: p.links,
                events: p.events,
                source,
                said: std::sync::OnceLock::from(p.said),
            }
        });
        Some(Parsed {
            diags: r.diags,
            brief: brief.map(|b| (b, r.bad)),
            failed: r.failed,
        })
    }

    /// What to store of one file's parse.
    pub(super) fn record(key: Key, parsed: &Parsed) -> Option<Row> {
        let record = Record {
            diags: &parsed.diags,
            brief: parsed.brief.as_ref().map(|(b, _)| Parts {
                meta: &b.meta,
                sections: &b.sections,
                figures: &b.figures,
                mentions: &b.mentions,
                links: &b.links,
                events: &b.events,
                said: b.said(),
                origin: &b.source.origin,
                body_start: b.source.body_start,
            }),
            bad: parsed.brief.as_ref().is_some_and(|(_, bad)| *bad),
            failed: parsed.failed.as_deref(),
        };
        let data = postcard::to_stdvec(&record).ok()?;
        Some(Row { key, data })
    }

    /// Stores `rows` in one transaction, and forgets the files of `roots`
    /// that are not in `present` (deleted or renamed).
    pub fn store(&self, rows: &[Row], roots: &[PathBuf], present: &[Key]) -> Result<(), String> {
        self.store_inner(rows, roots, present)
            .map_err(|e| format!("cannot write the cache {}: {e}", self.path.display()))
    }

    fn store_inner(
        &self,
        rows: &[Row],
        roots: &[PathBuf],
        present: &[Key],
    ) -> rusqlite::Result<()> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        for row in rows {
            put(&tx, row)?;
        }
        forget(&tx, roots, present)?;
        tx.commit()
    }

    /// How many files the cache holds.
    pub fn len(&self) -> usize {
        self.conn
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
pub(super) fn put(tx: &rusqlite::Transaction<'_>, row: &Row) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO files (id, root, len, modified, data) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        row.key.id(),
        row.key.root.display().to_string(),
        i64::try_from(row.key.stamp.len).unwrap_or(i64::MAX),
        row.key.stamp.modified,
        row.data
    ])?;
    Ok(())
}

/// Forgets the files of `roots` that are not in `present` (deleted or
/// renamed).
pub(super) fn forget(
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
        let mut drop = tx.prepare_cached("DELETE FROM files WHERE id = ?1")?;
        for id in gone {
            drop.execute(params![id])?;
        }
    }
    Ok(())
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
fn build_id() -> String {
    let exe = std::env::current_exe()
        .ok()
        .and_then(|p| std::fs::metadata(p).ok())
        .map(|m| Stamp::of(&m));
    let (len, modified) = exe.map_or((0, 0), |s| (s.len, s.modified));
    format!("{FORMAT} {} {len} {modified}", env!("CARGO_PKG_VERSION"))
}
