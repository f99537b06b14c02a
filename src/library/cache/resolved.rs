//! The library's links as the last start through the cache resolved them,
//! kept beside it: a later start whose briefs are all as they were takes
//! them instead of resolving every link again (at 10,000 briefs, 320,000
//! links and their duplicate-id check took 60–75 ms of a 330 ms start).
//!
//! What a resolution depends on is in its key: the build, and for every
//! brief in the load's order its file's real path, the name it is shown
//! by, its size and time, its folder, its link count and whether it
//! already had errors, and the files that gave no brief. A key that
//! differs means the links are resolved again and the file replaced, on a
//! thread of its own (see [`crate::partfile`]); a file that cannot be read
//! or written costs the resolving, nothing more.

use std::collections::HashSet;
use std::hash::Hasher;
use std::io::Write;
use std::path::{Path, PathBuf};

use rustc_hash::FxHasher;
use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::model::{Brief, BriefIdx, Origin, SectionIdx, SectionRef};

/// The layout of the file; another is resolved again.
const FORMAT: u32 = 2;
/// A target that is none (a link left unresolved).
const NONE: u32 = u32::MAX;

#[derive(Serialize, Deserialize)]
struct Resolution {
    key: u64,
    /// Per brief: whether it has errors once its links are resolved, and
    /// how many links it has.
    bad: Vec<bool>,
    counts: Vec<u32>,
    /// Every link, brief by brief: its section, and its target's brief and
    /// section ([`NONE`] for none).
    targets: Vec<(u32, u32, u32)>,
    /// The problems resolving found.
    diags: Vec<Diagnostic>,
}

/// Resolves the links of `parsed` (and checks its ids) as `resolve` does,
/// or takes the resolution kept in `dir` for the same briefs; keeps a new
/// one for the next start. `roots` names the library's folders.
pub fn resolve(
    dir: &Path,
    roots: &[PathBuf],
    parsed: &mut [(Brief, bool)],
    failed: &HashSet<String>,
    diags: &mut Vec<Diagnostic>,
    resolve: impl FnOnce(&mut [(Brief, bool)], &HashSet<String>, &mut Vec<Diagnostic>),
) {
    let Some(key) = key_of(parsed, failed) else {
        resolve(parsed, failed, diags);
        return;
    };
    let file = dir.join(format!("resolved-{:016x}.bin", roots_hash(roots)));
    if let Some(kept) = read(&file, key)
        && apply(&kept, parsed, diags)
    {
        return;
    }
    let before = diags.len();
    resolve(parsed, failed, diags);
    let kept = capture(key, parsed, &diags[before..]);
    let _ = std::thread::Builder::new()
        .name("briefing-links-keep".into())
        .spawn(move || write(&file, &kept));
}

/// The key of a resolution of `parsed`, or `None` if a brief has no
/// size and time to tell whether it changed.
fn key_of(parsed: &[(Brief, bool)], failed: &HashSet<String>) -> Option<u64> {
    let mut h = FxHasher::default();
    h.write_u32(FORMAT);
    h.write(super::build_id().as_bytes());
    h.write_usize(parsed.len());
    for (b, bad) in parsed {
        let stamp = b.source.stamp()?;
        let Origin::File { path, root } = &b.source.origin else {
            return None;
        };
        h.write(path.as_os_str().as_encoded_bytes());
        h.write_u8(0);
        h.write(root.as_os_str().as_encoded_bytes());
        h.write_u8(0);
        // Its problems name it as it is shown.
        h.write(b.source.name.as_bytes());
        h.write_u8(0);
        h.write_u64(stamp.len);
        h.write_i64(stamp.modified);
        h.write_usize(b.links.count());
        h.write_u8(u8::from(*bad));
    }
    let mut gone: Vec<&String> = failed.iter().collect();
    gone.sort();
    for g in gone {
        h.write(g.as_bytes());
        h.write_u8(0);
    }
    Some(h.finish())
}

fn roots_hash(roots: &[PathBuf]) -> u64 {
    let mut h = FxHasher::default();
    for r in roots {
        h.write(r.as_os_str().as_encoded_bytes());
        h.write_u8(0);
    }
    h.finish()
}

/// The resolution kept in `file`, if it is of `key`.
fn read(file: &Path, key: u64) -> Option<Resolution> {
    let bytes = std::fs::read(file).ok()?;
    // The key leads the file: another resolution is not decoded.
    let (found, _) = postcard::take_from_bytes::<u64>(&bytes).ok()?;
    if found != key {
        return None;
    }
    postcard::from_bytes(&bytes).ok()
}

/// Sets the links of `parsed` as `kept` says (without decoding them);
/// false (and nothing changed) if it does not fit them.
fn apply(kept: &Resolution, parsed: &mut [(Brief, bool)], diags: &mut Vec<Diagnostic>) -> bool {
    let fits = kept.bad.len() == parsed.len()
        && kept.counts.len() == parsed.len()
        && parsed
            .iter()
            .zip(&kept.counts)
            .all(|((b, _), n)| b.links.count() == *n as usize)
        && kept.targets.len() == kept.counts.iter().map(|n| *n as usize).sum::<usize>()
        && kept.targets.iter().all(|&(_, b, s)| {
            b == NONE
                || parsed
                    .get(b as usize)
                    .is_some_and(|(t, _)| (s as usize) < t.sections.count())
        });
    if !fits {
        return false;
    }
    let mut targets = kept.targets.iter();
    for (((b, bad), was), n) in parsed.iter_mut().zip(&kept.bad).zip(&kept.counts) {
        *bad = *was;
        let landings = targets
            .by_ref()
            .take(*n as usize)
            .map(|&(from, t, s)| {
                let to = (t != NONE).then_some(SectionRef {
                    brief: BriefIdx(t as usize),
                    section: SectionIdx(s as usize),
                });
                (SectionIdx(from as usize), to)
            })
            .collect();
        b.links.resolve(landings);
    }
    diags.extend(kept.diags.iter().cloned());
    true
}

/// The resolution of `parsed` as it stands, with the problems found.
fn capture(key: u64, parsed: &[(Brief, bool)], found: &[Diagnostic]) -> Resolution {
    let as_u32 = |n: usize| u32::try_from(n).unwrap_or(NONE);
    Resolution {
        key,
        bad: parsed.iter().map(|(_, bad)| *bad).collect(),
        counts: parsed
            .iter()
            .map(|(b, _)| as_u32(b.links.count()))
            .collect(),
        targets: parsed
            .iter()
            .flat_map(|(b, _)| b.links.iter())
            .map(|l| {
                let (t, s) = l
                    .resolved
                    .map_or((NONE, NONE), |r| (as_u32(r.brief.0), as_u32(r.section.0)));
                (as_u32(l.section.0), t, s)
            })
            .collect(),
        diags: found.to_vec(),
    }
}

/// Writes `kept` to `file` (see [`crate::partfile`]).
fn write(file: &Path, kept: &Resolution) {
    if let Ok(bytes) = postcard::to_stdvec(kept) {
        let _ = crate::partfile::write_whole(file, ".resolved-", |mut f| f.write_all(&bytes));
    }
}

#[cfg(test)]
mod tests;
