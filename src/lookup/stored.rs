//! The finder's index kept in the cache folder, so a later start has it at
//! once instead of building it again (seconds for a library of 10,000).
//!
//! One file per library: a header, then each of the index's arrays as it
//! lies in memory, eight-byte aligned, then its small tables (words,
//! glossary names, tags, briefs) in `postcard`. Reading it maps the file
//! and checks the header and each array's place; the arrays stay on disk
//! until a query reads them. The header's key sums up what the index was
//! built from (every brief's file, size and time, in order; the glossary;
//! the build): a library that differs in any of them builds its index
//! again and replaces the file.
//!
//! The file is written whole under another name and renamed into place,
//! never changed where it lies, so a reader that mapped the old one keeps
//! reading the old one.

use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use bytemuck::Pod;
use memmap2::Mmap;
use serde::{Deserialize, Serialize};

use super::QuickMap;
use super::index::{Index, Phrase};
use super::inverse::Inverse;
use super::table::Table;
use crate::library::Library;

const MAGIC: [u8; 8] = *b"BRFINDX\0";
/// Changes whenever what is written changes.
const FORMAT: u32 = 2;
/// The arrays, then the small tables.
const SECTIONS: usize = 16;
/// Magic, format, key, then each section's offset and length.
const HEADER: usize = 8 + 8 + 8 + SECTIONS * 16;

/// What an index was built from, summed up: equal keys, equal indexes.
/// `None` when a brief did not come from a file whose size and time are
/// known (the embedded library, a file given on standard input).
pub fn key(lib: &Library) -> Option<u64> {
    let mut h = rustc_hash::FxHasher::default();
    FORMAT.hash(&mut h);
    crate::library::cache::build_id().hash(&mut h);
    lib.briefs.len().hash(&mut h);
    for b in &lib.briefs {
        let stamp = b.source.stamp()?;
        crate::library::resolve::source_key(&b.source).hash(&mut h);
        stamp.hash(&mut h);
    }
    lib.glossary.terms.len().hash(&mut h);
    for t in &lib.glossary.terms {
        t.term.hash(&mut h);
        for n in t.all_names() {
            n.hash(&mut h);
        }
        0xffu8.hash(&mut h);
    }
    Some(h.finish())
}

/// The file that keeps the index of `lib` in the cache's folder: one per
/// set of folders read, so two libraries do not take turns with one file.
pub fn file_name(lib: &Library) -> String {
    let mut roots: Vec<&Path> = lib
        .briefs
        .iter()
        .filter_map(|b| match &b.source.origin {
            crate::model::Origin::File { root, .. } => Some(root.as_path()),
            crate::model::Origin::Embedded => None,
        })
        .collect();
    roots.sort_unstable();
    roots.dedup();
    let mut h = rustc_hash::FxHasher::default();
    roots.hash(&mut h);
    format!("finder-{:016x}.idx", h.finish())
}

/// What a file being written is called until it is whole.
const PART_PREFIX: &str = ".finder-";
/// The small tables, kept whole.
#[derive(Serialize, Deserialize)]
struct Small {
    stems: Vec<(String, u32)>,
    surfaces: Vec<(String, u32)>,
    number_surfaces: Vec<(String, u32)>,
    gloss_names: Vec<String>,
    gloss_terms: Vec<Vec<u32>>,
    gloss_phrases: Vec<Phrase>,
    tag_names: Vec<String>,
    briefs: Vec<(String, String)>,
}

/// Writes `index` to `path` under `key`, whole or not at all.
pub fn save(index: &Index, path: &Path, key: u64) -> std::io::Result<()> {
    let small = Small {
        stems: index.stems.iter().map(|(s, &t)| (s.clone(), t)).collect(),
        surfaces: index.surfaces.clone(),
        number_surfaces: index.number_surfaces.clone(),
        gloss_names: index.gloss_names.clone(),
        gloss_terms: index.gloss_terms.clone(),
        gloss_phrases: index.gloss_phrases.clone(),
        tag_names: index.tag_names.clone(),
        briefs: index.briefs.clone(),
    };
    let small = postcard::to_stdvec(&small).map_err(std::io::Error::other)?;
    let inv = &index.inverse;
    let parts: [(&[u8], usize); SECTIONS] = [
        bytes(&index.entries),
        bytes(&index.texts),
        bytes(&index.buf),
        bytes(&index.post_start),
        bytes(&index.post_text),
        bytes(&index.post_tf),
        bytes(&index.term_texts),
        bytes(&index.entry_gloss),
        bytes(&index.text_norm),
        bytes(&index.entry_tags),
        bytes(&index.traits),
        bytes(&inv.text_start),
        bytes(&inv.text_users),
        bytes(&inv.gloss_start),
        bytes(&inv.gloss_users),
        (small.as_slice(), small.len()),
    ];
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(&MAGIC);
    header.extend_from_slice(&u64::from(FORMAT).to_le_bytes());
    header.extend_from_slice(&key.to_le_bytes());
    let mut at = align(HEADER);
    for (b, len) in &parts {
        header.extend_from_slice(&(at as u64).to_le_bytes());
        header.extend_from_slice(&(*len as u64).to_le_bytes());
        at = align(at + b.len());
    }
    crate::partfile::write_whole(path, PART_PREFIX, |file| {
        let mut w = BufWriter::with_capacity(1 << 20, file);
        w.write_all(&header)?;
        let mut written = header.len();
        for (b, _) in &parts {
            let pad = align(written) - written;
            w.write_all(&[0u8; 8][..pad])?;
            w.write_all(b)?;
            written = align(written) + b.len();
        }
        w.flush()
    })
}

/// The index at `path`, if it was written by this build for `key` and is
/// whole.
pub fn load(path: &Path, key: u64) -> Option<Index> {
    let file = File::open(path).ok()?;
    let map = Arc::new(map(&file).ok()?);
    let head = map.get(..HEADER)?;
    let word = |i: usize| -> Option<u64> {
        let b: [u8; 8] = head.get(i * 8..i * 8 + 8)?.try_into().ok()?;
        Some(u64::from_le_bytes(b))
    };
    if head.get(..8)? != MAGIC || word(1)? != u64::from(FORMAT) || word(2)? != key {
        return None;
    }
    let place = |s: usize| -> Option<(usize, usize)> {
        Some((
            usize::try_from(word(3 + 2 * s)?).ok()?,
            usize::try_from(word(4 + 2 * s)?).ok()?,
        ))
    };
    let small_at = place(SECTIONS - 1)?;
    let small: Small =
        postcard::from_bytes(map.get(small_at.0..small_at.0.checked_add(small_at.1)?)?).ok()?;
    let mut places = [(0usize, 0usize); SECTIONS];
    for (s, p) in places.iter_mut().enumerate() {
        *p = place(s)?;
    }
    macro_rules! take {
        ($s:expr) => {
            Table::mapped(&map, places[$s].0, places[$s].1)?
        };
    }
    let inverse = Inverse {
        text_start: take!(11),
        text_users: take!(12),
        gloss_start: take!(13),
        gloss_users: take!(14),
    };
    let surface_term: QuickMap<String, u32> = small
        .surfaces
        .iter()
        .chain(&small.number_surfaces)
        .cloned()
        .collect();
    Some(Index::from_parts(super::index::Parts {
        entries: take!(0),
        texts: take!(1),
        buf: take!(2),
        post_start: take!(3),
        post_text: take!(4),
        post_tf: take!(5),
        term_texts: take!(6),
        entry_gloss: take!(7),
        text_norm: take!(8),
        entry_tags: take!(9),
        traits: take!(10),
        inverse,
        stems: small.stems.into_iter().collect(),
        surfaces: small.surfaces,
        number_surfaces: small.number_surfaces,
        surface_term,
        gloss_names: small.gloss_names,
        gloss_terms: small.gloss_terms,
        gloss_phrases: small.gloss_phrases,
        tag_names: small.tag_names,
        briefs: small.briefs,
    }))
}

/// The file, mapped read-only.
#[allow(unsafe_code)]
fn map(file: &File) -> std::io::Result<Mmap> {
    // SAFETY: a mapped file must not change while it is mapped. The
    // cache's index files are only ever written whole under another name
    // and renamed into place (`save`), never written where they lie, so
    // the file mapped here stays as it is for as long as the map lives,
    // whatever other readers do. Every array is checked to lie inside the
    // map, aligned for its type, before it is read (`Table::mapped`).
    unsafe { Mmap::map(file) }
}

/// An array's bytes and its length in items.
fn bytes<T: Pod>(t: &[T]) -> (&[u8], usize) {
    (bytemuck::cast_slice(t), t.len())
}

/// The next multiple of eight.
fn align(n: usize) -> usize {
    n.div_ceil(8) * 8
}

#[cfg(test)]
mod tests;
