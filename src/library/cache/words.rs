//! The cache's word index: every stored brief's body in an SQLite FTS5
//! table, so that a search of the whole library reads only the briefs that
//! can hold what is searched for. The index keeps no copy of the text
//! (`content=''`): it answers which files hold a word, nothing more.
//!
//! Library search matches any run of characters, inside words too, and
//! FTS5 matches words. So each part of the query between separators is
//! looked up among the index's words (`fts5vocab`) as a part of a word,
//! and a brief is a candidate when, for every such part, it holds a word
//! that contains it. That is never fewer briefs than the search finds;
//! parts it cannot judge (those with letters beyond ASCII, which the
//! index folds its own way, or so common that hundreds of words hold
//! them) constrain nothing.

use std::collections::HashSet;
use std::path::PathBuf;

use rusqlite::{Connection, params};

/// The index's tables, made with the cache.
pub(super) const SCHEMA: &str = "
    CREATE VIRTUAL TABLE IF NOT EXISTS body USING fts5(
        text, content='', contentless_delete=1, detail=none,
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS body_terms USING fts5vocab(body, row);";

/// Dropped when another build's cache is emptied.
pub(super) const DROP: &str = "
    DROP TABLE IF EXISTS body_terms;
    DROP TABLE IF EXISTS body;";

/// More words than this holding one part of a query: the part is too
/// common to narrow the search.
const MAX_TERMS: usize = 400;

/// The index's words, each with how many files hold it.
pub(super) type Vocab = Vec<(String, i64)>;

/// Reads every word of the index (FTS5 counts each word's files as it
/// lists it: the whole index is read, so this is done once and kept).
pub(super) fn vocab(conn: &Connection) -> Option<Vocab> {
    conn.prepare_cached("SELECT term, doc FROM body_terms")
        .ok()?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .ok()?
        .collect::<Result<_, _>>()
        .ok()
}

/// Forgets the words of file `id` (before it is stored again or dropped).
pub(super) fn unindex(tx: &rusqlite::Transaction<'_>, id: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM body WHERE rowid = (SELECT rowid FROM files WHERE id = ?1)")?
        .execute(params![id])?;
    Ok(())
}

/// Indexes `text` as the words of the file row just inserted.
pub(super) fn index_last(tx: &rusqlite::Transaction<'_>, text: &str) -> rusqlite::Result<()> {
    tx.prepare_cached("INSERT INTO body (rowid, text) VALUES (last_insert_rowid(), ?1)")?
        .execute(params![text])?;
    Ok(())
}

/// What the index says of a search.
#[derive(Debug, Default)]
pub struct Candidates {
    /// The files (by canonical path) that may hold the query.
    pub may_hold: HashSet<String>,
    /// The files (by canonical path) the index covers: a file it does not
    /// cover must be searched all the same.
    pub covered: HashSet<String>,
}

/// The parts of `query` the index can judge: runs of ASCII letters and
/// digits between separators, lower-cased.
fn parts(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The files under `roots` that may hold `query`, or `None` when the
/// index cannot narrow the search (no part it can judge, or an error).
pub(super) fn candidates(
    conn: &Connection,
    vocab: &Vocab,
    roots: &[PathBuf],
    query: &str,
) -> Option<Candidates> {
    let files: i64 = conn
        .query_row("SELECT count(*) FROM files", [], |r| r.get(0))
        .ok()?;
    let mut rowids: Option<HashSet<i64>> = None;
    for part in parts(query) {
        let find = memchr::memmem::Finder::new(part.as_bytes());
        let terms: Vec<&(String, i64)> = vocab
            .iter()
            .filter(|(t, _)| find.find(t.as_bytes()).is_some())
            .take(MAX_TERMS + 1)
            .collect();
        // A part most briefs hold narrows nothing worth a lookup: the
        // search reads briefs in order and stops at its limit anyway.
        let most = terms.iter().map(|(_, d)| *d).max().unwrap_or(0);
        if terms.len() > MAX_TERMS || most * 2 > files {
            continue;
        }
        let terms: Vec<&str> = terms.into_iter().map(|(t, _)| t.as_str()).collect();
        let mut found = HashSet::new();
        if !terms.is_empty() {
            let expr = terms
                .iter()
                .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
                .collect::<Vec<_>>()
                .join(" OR ");
            let mut q = conn
                .prepare_cached("SELECT rowid FROM body WHERE body MATCH ?1")
                .ok()?;
            let ids = q.query_map(params![expr], |r| r.get::<_, i64>(0)).ok()?;
            for id in ids {
                found.insert(id.ok()?);
            }
        }
        rowids = Some(match rowids {
            None => found,
            Some(before) => before.intersection(&found).copied().collect(),
        });
    }
    let rowids = rowids?;
    let mut out = Candidates::default();
    let mut q = conn
        .prepare_cached("SELECT rowid, id FROM files WHERE root = ?1")
        .ok()?;
    for root in roots {
        let rows = q
            .query_map(params![root.display().to_string()], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .ok()?;
        for row in rows {
            // The id is the file's canonical path.
            let (rowid, id) = row.ok()?;
            if rowids.contains(&rowid) {
                out.may_hold.insert(id.clone());
            }
            out.covered.insert(id);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::parts;

    #[test]
    fn a_query_is_judged_by_its_ascii_parts() {
        assert_eq!(parts("U.S.-China chips"), ["u", "s", "china", "chips"]);
        assert_eq!(parts("60%"), ["60"]);
        // Letters the index folds its own way constrain nothing.
        assert_eq!(parts("Séoul summit"), ["summit"]);
        assert!(parts("—").is_empty());
    }
}
