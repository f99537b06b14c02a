//! Cross-brief work: duplicate ids, link resolution, backlinks.

use std::collections::{HashMap, HashSet};

use rustc_hash::FxHashMap;
use std::ffi::OsStr;
use std::path::{Component, Path};

use super::Backlink;
use crate::diag::Diagnostic;
use crate::model::{Brief, BriefIdx, LinkTarget, Origin, SectionIdx, SectionRef, SourceFile};

/// Marks every brief whose id was already taken.
pub fn duplicate_ids(parsed: &mut [(Brief, bool)], diags: &mut Vec<Diagnostic>) {
    let mut first: HashMap<String, String> = HashMap::new();
    for (b, bad) in parsed.iter_mut() {
        if let Some(other) = first.get(&b.meta.id) {
            diags.push(Diagnostic::error(
                &b.source.name,
                b.meta.id_pos,
                format!(
                    "duplicate brief id \"{}\" (also used by {other})",
                    b.meta.id
                ),
            ));
            *bad = true;
        } else {
            first.insert(b.meta.id.clone(), b.source.name.clone());
        }
    }
}

/// Where a relative link lands, as a key comparable with [`file_key`].
enum Landing {
    Key(String),
    Escapes,
}

fn file_key(b: &Brief) -> String {
    source_key(&b.source)
}

/// What a link to a file is matched against: its path on disk, or its
/// name in the embedded library.
pub fn source_key(source: &SourceFile) -> String {
    match &source.origin {
        Origin::Embedded => source.name.clone(),
        Origin::File { path, .. } => crate::textfile::path_text(path),
    }
}

/// Where a brief's links start from: its library's root, and its folder
/// below that root, worked out once for all of its links.
struct Base<'a> {
    root: &'a Path,
    folder: Vec<&'a OsStr>,
}

impl<'a> Base<'a> {
    fn of(origin: &'a Origin) -> Self {
        match origin {
            Origin::Embedded => Self {
                root: Path::new(""),
                folder: Vec::new(),
            },
            Origin::File { path, root } => {
                let dir = path.parent().unwrap_or(root);
                let inner = dir.strip_prefix(root).unwrap_or(Path::new(""));
                Self {
                    root,
                    folder: inner.components().map(Component::as_os_str).collect(),
                }
            }
        }
    }

    /// Lexically joins `rel` onto the brief's folder; never reads the
    /// filesystem.
    fn landing(&self, rel: &str) -> Landing {
        let rel_path = Path::new(rel);
        if rel_path.is_absolute() || rel.starts_with('/') || rel.starts_with('\\') {
            return Landing::Escapes;
        }
        let mut stack = self.folder.clone();
        for c in rel_path.components() {
            match c {
                Component::ParentDir => {
                    if stack.pop().is_none() {
                        return Landing::Escapes;
                    }
                }
                Component::Normal(n) => stack.push(n),
                Component::CurDir => {}
                Component::RootDir | Component::Prefix(_) => return Landing::Escapes,
            }
        }
        let mut full = self.root.to_path_buf();
        for part in stack {
            full.push(part);
        }
        Landing::Key(crate::textfile::path_text(&full))
    }
}

/// What became of one link: where it lands, or the problem to report
/// (and whether that problem is only ever a warning).
type Outcome = Result<SectionRef, (String, bool)>;

/// Resolves every link to a section, reporting the ones that go nowhere.
/// A link to a file of the library that gave no brief (`failed`, by
/// [`source_key`]) is left unresolved without a word: that file's own
/// error says why, and one bad brief does not take the briefs that cite
/// it down with it.
pub fn links(parsed: &mut [(Brief, bool)], failed: &HashSet<String>, diags: &mut Vec<Diagnostic>) {
    let outcomes = resolve_all(parsed, failed);
    for ((brief, bad), outcomes) in parsed.iter_mut().zip(outcomes) {
        let strict = brief.meta.has_front_matter;
        let mut found = Vec::new();
        for (link, outcome) in brief.links.iter_mut().zip(outcomes) {
            match outcome {
                Some(Ok(r)) => link.resolved = Some(r),
                Some(Err((msg, soft))) => found.push((link.range.start, msg, soft)),
                None => {}
            }
        }
        for (offset, msg, soft) in found {
            let pos = Some(brief.source.pos(offset));
            if strict && !soft {
                diags.push(Diagnostic::error(&brief.source.name, pos, msg));
                *bad = true;
            } else {
                diags.push(Diagnostic::warning(&brief.source.name, pos, msg));
            }
        }
    }
}

/// Per brief, per link, what became of it (`None` for an external link,
/// or one to a file that gave no brief).
fn resolve_all(parsed: &[(Brief, bool)], failed: &HashSet<String>) -> Vec<Vec<Option<Outcome>>> {
    let keys: FxHashMap<String, usize> = parsed
        .iter()
        .enumerate()
        .map(|(i, (b, _))| (file_key(b), i))
        .collect();
    // Each brief's anchors, gathered the first time a link needs them.
    let mut anchors: Vec<Option<FxHashMap<&str, SectionIdx>>> = vec![None; parsed.len()];
    let mut anchor_of = |t: usize, a: &str| {
        anchors[t]
            .get_or_insert_with(|| {
                parsed[t]
                    .0
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.anchor.as_str(), SectionIdx(i)))
                    .collect()
            })
            .get(a)
            .copied()
    };
    let mut out = Vec::with_capacity(parsed.len());
    for (bi, (brief, _)) in parsed.iter().enumerate() {
        let base = Base::of(&brief.source.origin);
        // A brief links to the same few files again and again: each is
        // worked out once.
        let mut landed: FxHashMap<&str, Landing> = FxHashMap::default();
        let mut outcomes = Vec::with_capacity(brief.links.len());
        for link in &brief.links {
            let (target, anchor) = match &link.target {
                LinkTarget::Anchor(a) => (Ok(bi), Some(a.as_str())),
                LinkTarget::Brief { path, anchor } => {
                    let landing = landed
                        .entry(path.as_str())
                        .or_insert_with(|| base.landing(path));
                    let t = match landing {
                        Landing::Escapes => Err(format!(
                            "link to \"{path}\" leaves the library folder and is refused"
                        )),
                        Landing::Key(k) if failed.contains(k.as_str()) => {
                            outcomes.push(None);
                            continue;
                        }
                        Landing::Key(k) => keys
                            .get(k.as_str())
                            .copied()
                            .ok_or_else(|| format!("cross-reference to missing brief \"{path}\"")),
                    };
                    (t, anchor.as_deref())
                }
                LinkTarget::External(_) => {
                    outcomes.push(None);
                    continue;
                }
                LinkTarget::Refused(dest) => {
                    let msg = if dest.contains(':') {
                        format!(
                            "link \"{dest}\" is refused: only http, https and mailto links are allowed"
                        )
                    } else {
                        format!("link \"{dest}\" is not a brief (.md) and will not be followed")
                    };
                    outcomes.push(Some(Err((msg, !dest.contains(':')))));
                    continue;
                }
            };
            let resolved = target.and_then(|t| match anchor {
                None | Some("") => Ok(SectionRef {
                    brief: BriefIdx(t),
                    section: SectionIdx(0),
                }),
                Some(a) => anchor_of(t, a)
                    .map(|s| SectionRef {
                        brief: BriefIdx(t),
                        section: s,
                    })
                    .ok_or_else(|| {
                        if t == bi {
                            format!("no section \"#{a}\" in this brief")
                        } else {
                            format!("no section \"#{a}\" in {}", parsed_name(&keys, t))
                        }
                    }),
            });
            outcomes.push(Some(resolved.map_err(|msg| (msg, false))));
        }
        out.push(outcomes);
    }
    out
}

fn parsed_name(keys: &FxHashMap<String, usize>, t: usize) -> String {
    keys.iter()
        .find(|&(_, &i)| i == t)
        .map_or_else(String::new, |(k, _)| {
            Path::new(k)
                .file_name()
                .map_or_else(|| k.clone(), |n| n.to_string_lossy().into_owned())
        })
}

/// Drops the briefs with errors and renumbers the links between the rest.
pub fn keep_good(parsed: Vec<(Brief, bool)>) -> Vec<Brief> {
    // With none dropped, no link moves (and none is decoded to see).
    if parsed.iter().all(|(_, bad)| !bad) {
        return parsed.into_iter().map(|(b, _)| b).collect();
    }
    let mut new_index = Vec::with_capacity(parsed.len());
    let mut next = 0;
    for (_, bad) in &parsed {
        new_index.push((!bad).then(|| {
            next += 1;
            next - 1
        }));
    }
    parsed
        .into_iter()
        .filter(|(_, bad)| !bad)
        .map(|(mut b, _)| {
            for l in &mut b.links {
                l.resolved = l.resolved.and_then(|r| {
                    new_index[r.brief.0].map(|n| SectionRef {
                        brief: BriefIdx(n),
                        section: r.section,
                    })
                });
            }
            b
        })
        .collect()
}

pub fn backlinks(briefs: &[Brief]) -> Vec<Vec<Backlink>> {
    let mut out = vec![Vec::new(); briefs.len()];
    for (bi, b) in briefs.iter().enumerate() {
        for (li, (section, to)) in b.links.landings().into_iter().enumerate() {
            if let Some(to) = to
                && to.brief.0 != bi
            {
                out[to.brief.0].push(Backlink {
                    from: SectionRef {
                        brief: BriefIdx(bi),
                        section,
                    },
                    link: li,
                    to,
                });
            }
        }
    }
    out
}
