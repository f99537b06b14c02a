//! A long file opened on its own shows its first screen from its first
//! sections, read before the whole: the front matter's keys before its
//! tables, and the body up to a heading a few screens in. Only the start
//! of the file is read for it. The whole (its figures, the rest of its
//! sections, its problems) is read and parsed meanwhile and takes the
//! first part's place (see `tui::app`).
//!
//! The first part is made only where it reads exactly as the same part of
//! the whole:
//! - it is cut at a heading that no block left open swallows;
//! - every `]` in it closes an inline link, so no link reference
//!   definition or footnote further on could change it;
//! - a `#` heading that opens it is taken for the title only if nothing
//!   after the cut could be another first-level heading (which would make
//!   it a section).

use std::io::{Read, Seek};
use std::ops::Range;
use std::path::PathBuf;

use super::load::Found;
use super::{Library, Parsed};
use crate::frontmatter;
use crate::model::{Brief, Origin, SourceFile};

/// A file shorter than this is parsed whole before its first screen: it
/// takes a few milliseconds.
pub const HEAD_MIN_FILE: u64 = 64 * 1024;
/// The first part's body holds at least this much when the screen's size
/// is not known (a screen is about 4 KB)…
pub const HEAD_BODY: usize = 12 * 1024;
/// …at least this much when it is…
const HEAD_BODY_LEAST: usize = 4 * 1024;
/// …and is cut at a heading before this much, or not made.
const HEAD_MOST: usize = 64 * 1024;

/// How much body the first part holds for a screen of `cols` × `rows`: a
/// byte for each of its cells (each character shown takes a byte at
/// least), within bounds. Every byte more is parsed and laid out before
/// the first screen.
pub fn body_for_screen(cols: u16, rows: u16) -> usize {
    (usize::from(cols) * usize::from(rows)).clamp(HEAD_BODY_LEAST, HEAD_MOST / 2)
}
/// The file is read this much at a time. Every buffer stays under
/// glibc's mmap threshold (128 KB): a large block freed would raise it
/// for the rest of the run, and more of the layout's freed memory would
/// stay resident (see `SourceFile`'s text).
const CHUNK: usize = 64 * 1024;

/// The files of a library to read, and, when they are one long file, its
/// first part, read already.
pub struct Opened {
    /// The first sections alone, a library of one [`Library::partial`]
    /// brief.
    pub head: Option<Library>,
    found: Vec<Found>,
    paths: Vec<PathBuf>,
}

impl Opened {
    /// Finds the files of `paths` and, when they are one long file, reads
    /// its first part.
    pub fn read(paths: &[PathBuf]) -> Self {
        Self::read_with(paths, HEAD_BODY)
    }

    /// As [`Self::read`], with a first part of at least `body` bytes of
    /// body (see [`body_for_screen`]).
    pub fn read_with(paths: &[PathBuf], body: usize) -> Self {
        let found = super::load::find(paths);
        let head = match found.as_slice() {
            [f @ Found::File { len, .. }] if *len >= HEAD_MIN_FILE => read_first_part(f, body),
            _ => None,
        };
        Self {
            head,
            found,
            paths: paths.to_vec(),
        }
    }

    /// The whole library, exactly as [`Library::from_paths`] gives it.
    /// The built-in glossary, which it takes last, is read meanwhile.
    pub fn whole(self) -> Library {
        crate::glossary::Glossary::prepare_builtin();
        Library::from_found(self.found, &self.paths)
    }
}

/// Reads what the first part of `found` needs: its front matter's keys
/// before any table, and the start of its body (the figures between are
/// only looked through for the line that ends them). The first part is
/// made of these two alone, so its offsets are its own, not the file's:
/// nothing carries an offset from it to the whole.
fn read_first_part(found: &Found, least: usize) -> Option<Library> {
    let Found::File {
        path,
        shown,
        root,
        canon,
        ..
    } = found
    else {
        return None;
    };
    let mut file = std::fs::File::open(path).ok()?;
    let mut first = Vec::with_capacity(CHUNK);
    (&mut file)
        .take(CHUNK as u64)
        .read_to_end(&mut first)
        .ok()?;
    let first = valid_prefix(&first)?;
    let (top, body_at) = match frontmatter::split(first) {
        Ok(None) => ("", 0),
        Ok(Some(s)) => (&first[..top_end(first, s.toml.clone())?], s.body_start),
        Err(frontmatter::SplitError::Unclosed(open)) => {
            let keys = open + first.get(open..)?.find('\n')? + 1;
            let end = top_end(first, keys..first.len())?;
            if end == first.len() {
                // No table starts within the first piece: its keys may
                // run on.
                return None;
            }
            (&first[..end], body_after(&mut file, end)?)
        }
    };
    let fence = if top.is_empty() { "" } else { "+++\n" };
    // The body is read in after the keys, into the text the first part
    // is cut from (which stays under the threshold too).
    let most = (2 * CHUNK - 1)
        .saturating_sub(top.len() + fence.len())
        .min(HEAD_MOST);
    let mut text = Vec::with_capacity(top.len() + fence.len() + most);
    text.extend_from_slice(top.as_bytes());
    text.extend_from_slice(fence.as_bytes());
    file.seek(std::io::SeekFrom::Start(body_at as u64)).ok()?;
    (&mut file).take(most as u64).read_to_end(&mut text).ok()?;
    // Checked once: only a character cut in two at the end may fail.
    let text = String::from_utf8(text).or_else(|e| {
        let end = e.utf8_error().valid_up_to();
        if e.utf8_error().error_len().is_some() {
            return Err(());
        }
        let mut bytes = e.into_bytes();
        bytes.truncate(end);
        String::from_utf8(bytes).map_err(|_| ())
    });
    let text = text.ok()?;
    let rest_may_hold_h1 = |cut: usize| {
        let at = body_at + cut - top.len() - fence.len();
        std::fs::read(path).map_or(true, |all| all.get(at..).is_none_or(may_hold_h1))
    };
    let (cut, part) = cut_of(&text, least, rest_may_hold_h1)?;
    let origin = Origin::File {
        path: canon
            .clone()
            .or_else(|| std::fs::canonicalize(path).ok())
            .unwrap_or_else(|| path.clone()),
        root: root.clone(),
    };
    first_part(shown, &origin, text.get(..cut)?.to_owned(), part)
}

/// The longest prefix of `bytes` that is UTF-8, if only a character cut
/// in two at its end is not.
fn valid_prefix(bytes: &[u8]) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(t) => Some(t),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&bytes[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

/// Where the keys of the front matter in `keys` of `text` end: at the
/// first table's line (TOML puts every top-level key before it), or at the
/// end of `keys`.
fn top_end(text: &str, keys: Range<usize>) -> Option<usize> {
    let mut end = keys.start;
    for line in text.get(keys.clone())?.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            return Some(end);
        }
        end += line.len();
    }
    Some(keys.end)
}

/// Reads on from `from`, the start of a line inside the front matter, for
/// the `+++` line that closes it: where the body starts.
fn body_after(file: &mut std::fs::File, from: usize) -> Option<usize> {
    file.seek(std::io::SeekFrom::Start(from as u64)).ok()?;
    let mut buf = vec![0; CHUNK];
    // Where `buf` lies in the file, and how much of it an unfinished line
    // carried over from the last read holds.
    let (mut at, mut carried) = (from, 0);
    loop {
        let n = file.read(&mut buf[carried..]).ok()?;
        if n == 0 {
            return None;
        }
        let end = carried + n;
        let mut line = 0;
        for nl in memchr::memchr_iter(b'\n', &buf[..end]) {
            if is_fence(&buf[line..nl]) {
                return Some(at + nl + 1);
            }
            line = nl + 1;
        }
        if line == 0 && end == buf.len() {
            // A line longer than the buffer.
            return None;
        }
        buf.copy_within(line..end, 0);
        at += line;
        carried = end - line;
    }
}

/// A line that is `+++` alone (trailing blanks allowed).
fn is_fence(line: &[u8]) -> bool {
    line.strip_prefix(b"+++")
        .is_some_and(|rest| rest.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')))
}

/// Where the first part of a file whose text starts with `text` ends, if
/// one can be made: past its front matter, at a heading that no block
/// left open swallows, `least` bytes of body on at least.
/// `rest_may_hold_h1` says whether the file from a byte on may hold a
/// first-level heading.
fn cut_of(
    text: &str,
    least: usize,
    rest_may_hold_h1: impl FnOnce(usize) -> bool,
) -> Option<(usize, crate::parse::Head)> {
    let body_start = body_start(text)?;
    let part = crate::parse::head_cut(text.get(body_start..)?, least, HEAD_MOST)?;
    let cut = body_start + part.cut;
    // A `#` heading that opens the body is the title unless another
    // follows: then what follows must be looked at.
    if part.opens_with_h1() && rest_may_hold_h1(cut) {
        return None;
    }
    Some((cut, part))
}

/// Where the body of a file whose text starts with `text` starts, if its
/// front matter (if any) closes within it.
fn body_start(text: &str) -> Option<usize> {
    Some(match frontmatter::split(text).ok()? {
        Some(s) => s.body_start,
        None => usize::from(text.starts_with('\u{feff}')) * 3,
    })
}

/// The first sections of a file, from `head`, the start of its text up
/// to a cut found by [`cut_of`], if they read as in the whole (see the
/// module's notes).
fn first_part(
    name: &str,
    origin: &Origin,
    head: String,
    part: crate::parse::Head,
) -> Option<Library> {
    let split = frontmatter::split(&head).ok()?;
    let body_start = body_start(&head)?;
    let head = SourceFile::new(name.to_owned(), origin.clone(), head);
    let meta = match &split {
        Some(s) => Some(frontmatter::head_meta(&head, s)?),
        None => None,
    };
    let brief = crate::parse::parse_head(head, meta, body_start, part);
    if !brackets_close_links(&brief) {
        return None;
    }
    // No glossary: the first part's terms are not marked (the built-in
    // one may still be being read, and the folder's is the whole's).
    let mut lib = Library::assemble_with(
        vec![Parsed {
            diags: Vec::new(),
            brief: Some((brief, false)),
            failed: None,
        }],
        crate::glossary::Glossary::default(),
    );
    // The whole tells the problems; a link the first part cannot follow
    // is not one.
    lib.diagnostics.clear();
    lib.partial = true;
    Some(lib)
}

/// True if every `]` in the body of `brief` lies inside a link (or a
/// figure mention) its scan found: none can be the end of a reference, a
/// footnote or a definition that text after the cut would read otherwise.
fn brackets_close_links(brief: &Brief) -> bool {
    let mut ranges: Vec<Range<usize>> = brief
        .links
        .iter()
        .map(|l| l.range.clone())
        .chain(brief.mentions().iter().map(|m| m.range.clone()))
        .collect();
    ranges.sort_by_key(|r| r.start);
    let start = brief.source.body_start;
    memchr::memchr_iter(b']', brief.source.body().as_bytes()).all(|i| {
        let at = start + i;
        let before = ranges.partition_point(|r| r.start <= at);
        before > 0 && at < ranges[before - 1].end
    })
}

/// True if `text` may hold a first-level heading: a `#` alone or before a
/// blank, or an `=` underline, opening a line (after up to three spaces).
/// Anything that may be one counts.
fn may_hold_h1(text: &[u8]) -> bool {
    memchr::memchr2_iter(b'#', b'=', text).any(|at| {
        let line = text[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |n| n + 1);
        let indent = &text[line..at];
        if indent.len() > 3 || indent.iter().any(|&b| b != b' ') {
            return false;
        }
        text[at] == b'=' || matches!(text.get(at + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
    })
}

#[cfg(test)]
pub(crate) mod tests;
