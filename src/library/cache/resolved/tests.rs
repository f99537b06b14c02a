use std::path::{Path, PathBuf};

use super::*;
use crate::library::{Changed, Library, cache::Cache};

/// The fixture library copied into a folder of its own.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    for e in std::fs::read_dir(from).expect("fixtures").flatten() {
        std::fs::copy(e.path(), dir.path().join(e.file_name())).expect("copy");
    }
    dir
}

fn load(dir: &Path, cache: &Path) -> Library {
    let c = Cache::open(cache).expect("cache");
    let (lib, pending) =
        Library::from_paths_cached(&[dir.to_path_buf()], &c, None, Changed::ParseAll);
    pending.write(&c).expect("write");
    lib
}

/// Every link, where it lands, and every problem: what resolving gives.
fn links(lib: &Library) -> Vec<String> {
    let mut out = Vec::new();
    for b in &lib.briefs {
        for l in &b.links {
            let to = l.resolved.map_or_else(
                || "nowhere".to_owned(),
                |r| {
                    let t = &lib.briefs[r.brief.0];
                    format!("{}#{}", t.meta.id, t.sections[r.section.0].anchor)
                },
            );
            out.push(format!("{}: {} -> {to}", b.meta.id, l.text));
        }
    }
    for (i, back) in lib.backlinks.iter().enumerate() {
        out.push(format!(
            "{} has {} backlinks",
            lib.briefs[i].meta.id,
            back.len()
        ));
    }
    out.extend(lib.diagnostics.iter().map(ToString::to_string));
    out
}

/// The resolution file the last load left (it is written on a thread).
fn kept_file(cache: &Path) -> PathBuf {
    for _ in 0..500 {
        let found = std::fs::read_dir(cache).ok().and_then(|d| {
            d.flatten()
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|x| x == "bin"))
        });
        if let Some(p) = found {
            return p;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("no resolution kept in {}", cache.display());
}

fn read_any(file: &Path) -> Resolution {
    postcard::from_bytes(&std::fs::read(file).expect("read")).expect("decode")
}

#[test]
fn a_later_start_takes_the_links_as_resolved_before() {
    let (dir, cache) = (library(), tempfile::tempdir().expect("cache"));
    let first = load(dir.path(), cache.path());
    let file = kept_file(cache.path());
    let again = load(dir.path(), cache.path());
    // Taken as kept: no brief's links were decoded to resolve them or to
    // find the backlinks, which are those of the first start.
    assert!(again.briefs.iter().all(|b| !b.links.decoded()));
    // Nor their sections.
    assert!(again.briefs.iter().all(|b| !b.sections.decoded()));
    assert_eq!(first.backlinks, again.backlinks);
    assert_eq!(links(&first), links(&again));
    assert!(again.briefs.iter().all(|b| b.links.decoded()));
    assert_eq!(
        links(&first),
        links(&Library::from_paths(&[dir.path().to_path_buf()]))
    );
    // Proof that the kept file is what the next start takes: a link it
    // sends elsewhere goes there.
    let mut kept = read_any(&file);
    let at = kept
        .targets
        .iter()
        .position(|&(_, b, s)| b != NONE && s > 0)
        .expect("a link into a section");
    kept.targets[at].2 = 0;
    write(&file, &kept);
    let taken = load(dir.path(), cache.path());
    assert_ne!(links(&first), links(&taken));
    let to_top = taken
        .briefs
        .iter()
        .flat_map(|b| &b.links)
        .nth(at)
        .and_then(|l| l.resolved)
        .expect("resolved");
    assert_eq!(to_top.section.0, 0);
}

#[test]
fn an_edited_brief_has_its_links_resolved_again() {
    let (dir, cache) = (library(), tempfile::tempdir().expect("cache"));
    load(dir.path(), cache.path());
    let file = kept_file(cache.path());
    let before = read_any(&file).key;
    // The section alpha links to is renamed: the link now goes nowhere.
    let beta = dir.path().join("beta.md");
    let text = std::fs::read_to_string(&beta).expect("beta");
    std::fs::write(&beta, text.replacen("## Outlook", "## Prospects", 1)).expect("edit");
    let edited = load(dir.path(), cache.path());
    assert_eq!(
        links(&edited),
        links(&Library::from_paths(&[dir.path().to_path_buf()]))
    );
    assert!(
        edited
            .diagnostics
            .iter()
            .any(|d| d.message.contains("no section \"#outlook\"")),
        "{:?}",
        edited.diagnostics
    );
    // And the new resolution is kept in place of the old.
    let mut waited = 0;
    while read_any(&file).key == before && waited < 500 {
        std::thread::sleep(std::time::Duration::from_millis(10));
        waited += 1;
    }
    assert_ne!(read_any(&file).key, before);
}

#[test]
fn a_kept_file_that_does_not_fit_is_resolved_again() {
    let (dir, cache) = (library(), tempfile::tempdir().expect("cache"));
    let first = load(dir.path(), cache.path());
    let file = kept_file(cache.path());
    let good = read_any(&file);
    let spoilt = [
        // A link too few.
        Resolution {
            counts: good.counts.iter().map(|n| n.saturating_sub(1)).collect(),
            ..read_any(&file)
        },
        // A section that is not there.
        Resolution {
            targets: good.targets.iter().map(|&(f, b, _)| (f, b, 9999)).collect(),
            ..read_any(&file)
        },
        // A brief too many.
        Resolution {
            bad: [good.bad.clone(), vec![false]].concat(),
            ..read_any(&file)
        },
    ];
    let same = |r: &Resolution| {
        (&r.bad, &r.counts, &r.targets, r.key) == (&good.bad, &good.counts, &good.targets, good.key)
    };
    // Each start resolves again and keeps the good resolution, on a
    // thread: it is waited for before the file is spoilt again.
    let rewritten = || {
        for _ in 0..500 {
            let back = std::fs::read(&file)
                .ok()
                .and_then(|b| postcard::from_bytes::<Resolution>(&b).ok());
            if back.is_some_and(|r| same(&r)) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        false
    };
    for kept in spoilt {
        write(&file, &kept);
        assert!(!same(&read_any(&file)));
        assert_eq!(links(&load(dir.path(), cache.path())), links(&first));
        assert!(rewritten());
    }
    // Not a resolution at all.
    std::fs::write(&file, b"not one").expect("write");
    assert_eq!(links(&load(dir.path(), cache.path())), links(&first));
    assert!(rewritten());
}
