use std::path::Path;

use super::{file_name, key, load, save};
use crate::library::Library;
use crate::lookup::{Finder, Index};

/// The project's briefs, copied into a folder of their own.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let briefs = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    for e in std::fs::read_dir(&briefs).expect("briefs").flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "md" || x == "toml") {
            std::fs::copy(&p, dir.path().join(e.file_name())).expect("copy");
        }
    }
    dir
}

fn open(dir: &Path) -> Library {
    Library::from_paths(&[dir.to_path_buf()])
}

const QUERIES: [&str; 8] = [
    "chip exports china",
    "77",
    "#trade china",
    "furlough",
    "semicondctor",
    "cost of U.S. troops",
    "exp",
    "poll koreans america first",
];

/// The index built for `lib`, written to `path` and read back.
fn kept(lib: &Library, path: &Path) -> (Index, Index) {
    let built = Index::new(lib);
    let k = key(lib).expect("a library of files has a key");
    save(&built, path, k).expect("saved");
    let read = load(path, k).expect("read back");
    (built, read)
}

/// A folder of briefs, a cache folder, the library, and its index kept
/// there.
struct Kept {
    dir: tempfile::TempDir,
    _cache: tempfile::TempDir,
    lib: Library,
    path: std::path::PathBuf,
    built: Index,
    read: Index,
}

fn kept_in_a_cache() -> Kept {
    let dir = folder();
    let cache = tempfile::tempdir().expect("temp dir");
    let lib = open(dir.path());
    let path = cache.path().join(file_name(&lib));
    let (built, read) = kept(&lib, &path);
    Kept {
        dir,
        _cache: cache,
        lib,
        path,
        built,
        read,
    }
}

#[test]
fn an_index_read_back_ranks_and_reads_as_the_one_built() {
    let k = kept_in_a_cache();
    let (built, read) = (&k.built, &k.read);
    assert!(read.is_stored() && !built.is_stored());
    assert!(built.entries.len() > 20, "the briefs' figures");
    assert_eq!(read.entries.len(), built.entries.len());
    for q in QUERIES {
        let a = Finder::typing().rank(built, q);
        let b = Finder::typing().rank(read, q);
        assert!(!a.is_empty(), "{q} finds something");
        assert_eq!(a, b, "{q}");
        // What the finder shows of the best hits: every field's text.
        for h in a.iter().take(10) {
            let (ea, eb) = (built.hit(h).expect("hit"), read.hit(h).expect("hit"));
            for f in 0..crate::lookup::FIELDS {
                assert_eq!(built.field(ea, f), read.field(eb, f), "{q}: field {f}");
            }
            let mut fa = Finder::default();
            let mut fb = Finder::default();
            assert_eq!(
                format!("{:?}", fa.explain(built, h, q)),
                format!("{:?}", fb.explain(read, h, q)),
                "{q}: the explanation"
            );
        }
    }
}

#[test]
fn an_edited_brief_or_another_glossary_is_another_key() {
    let kept = kept_in_a_cache();
    let (dir, lib, path) = (&kept.dir, &kept.lib, &kept.path);
    let before = key(lib).expect("key");
    assert_eq!(key(&open(dir.path())), Some(before), "nothing changed");
    // A brief edited: the same size, a later time is enough.
    let brief = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "md") && !p.ends_with("README.md"))
        .expect("a brief");
    let text = std::fs::read_to_string(&brief).expect("read");
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&brief, text).expect("write");
    let edited = open(dir.path());
    let k = key(&edited).expect("key");
    assert_ne!(k, before);
    assert!(
        load(path, k).is_none(),
        "the kept index is not this library's"
    );
    // A glossary term more.
    let mut other = open(dir.path());
    let mut g = other.glossary.clone();
    let mut t = g.terms[0].clone();
    t.term = "Okapi".into();
    g.terms.push(t);
    other.glossary = g;
    assert_ne!(key(&other), Some(k));
}

#[test]
fn a_damaged_or_foreign_file_is_not_read() {
    let kept = kept_in_a_cache();
    let (lib, path) = (&kept.lib, &kept.path);
    let k = key(lib).expect("key");
    let whole = std::fs::read(path).expect("read");
    // Cut short.
    std::fs::write(path, &whole[..whole.len() / 2]).expect("write");
    assert!(load(path, k).is_none());
    // Not an index at all, or nothing.
    std::fs::write(path, b"not an index").expect("write");
    assert!(load(path, k).is_none());
    std::fs::write(path, b"").expect("write");
    assert!(load(path, k).is_none());
    // Another format.
    let mut other = whole.clone();
    other[8] ^= 0xff;
    std::fs::write(path, &other).expect("write");
    assert!(load(path, k).is_none());
    // An array said to lie past the end of the file.
    let mut past = whole.clone();
    past[24 + 16 * 4..24 + 16 * 4 + 8].copy_from_slice(&u64::MAX.to_le_bytes());
    std::fs::write(path, &past).expect("write");
    assert!(load(path, k).is_none());
    // Whole again: read.
    std::fs::write(path, &whole).expect("write");
    assert!(load(path, k).is_some());
}

#[test]
fn the_embedded_library_has_no_key_and_folders_have_files_of_their_own() {
    assert_eq!(key(&Library::embedded()), None);
    let (a, b) = (folder(), folder());
    assert_ne!(file_name(&open(a.path())), file_name(&open(b.path())));
    assert_eq!(file_name(&open(a.path())), file_name(&open(a.path())));
}

#[test]
fn a_write_left_half_done_is_cleared_later() {
    let dir = folder();
    let cache = tempfile::tempdir().expect("temp dir");
    let lib = open(dir.path());
    let left = cache.path().join(".finder-abc.part");
    std::fs::write(&left, b"half").expect("write");
    let fresh = cache.path().join(".finder-def.part");
    std::fs::write(&fresh, b"being written").expect("write");
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&left)
        .and_then(|f| f.set_modified(old))
        .expect("set time");
    let path = cache.path().join(file_name(&lib));
    let (_, _) = kept(&lib, &path);
    assert!(!left.exists(), "an hour-old part is cleared");
    assert!(
        fresh.exists(),
        "a part another reader may be writing is left"
    );
    let names: Vec<String> = std::fs::read_dir(cache.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_file_spoiled_anywhere_is_not_read_or_ranks_without_a_panic() {
    let kept = kept_in_a_cache();
    let (lib, path) = (&kept.lib, &kept.path);
    let k = key(lib).expect("key");
    let whole = std::fs::read(path).expect("read");
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut read = 0;
    for round in 0..300 {
        let mut spoiled = whole.clone();
        // A few bytes anywhere past the header's key, or one run of them
        // set to one value (a length, an offset, a term id gone wrong).
        if round % 2 == 0 {
            for _ in 0..=(next() % 8) {
                let at = 24 + (next() as usize) % (spoiled.len() - 24);
                spoiled[at] = next() as u8;
            }
        } else {
            let at = 24 + (next() as usize) % (spoiled.len() - 32);
            let fill = if next() % 2 == 0 { 0xff } else { 0 };
            for b in &mut spoiled[at..at + 4] {
                *b = fill;
            }
        }
        std::fs::write(path, &spoiled).expect("write");
        let Some(index) = load(path, k) else {
            continue;
        };
        read += 1;
        for q in QUERIES {
            let hits = Finder::typing().rank(&index, q);
            for h in hits.iter().take(5) {
                let _ = Finder::default().explain(&index, h, q);
                if let Some(e) = index.hit(h) {
                    for f in 0..crate::lookup::FIELDS {
                        let _ = index.field(e, f);
                    }
                }
            }
        }
    }
    assert!(
        read > 100,
        "most spoiled files still read ({read}): the ranking met them"
    );
}
