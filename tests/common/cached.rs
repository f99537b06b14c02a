//! A library read through its cache, as the cache tests use it.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use briefing::library::cache::Cache;
use briefing::library::{Changed, Library};

/// The fixture library copied into a folder of its own.
pub fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

/// Loads `dir` through the cache in `cache`, writes back what was parsed,
/// and says how many files were parsed.
pub fn load(dir: &Path, cache: &Path) -> (Library, usize) {
    let c = Cache::open(cache).expect("cache");
    let (lib, pending) =
        Library::from_paths_cached(&[dir.to_path_buf()], &c, None, Changed::ParseAll);
    pending.write(&c).expect("write");
    (lib, pending.parsed())
}

/// What a library says of itself: every brief's id, title, sections and
/// figures, and every problem.
pub fn summary(lib: &Library) -> Vec<String> {
    let mut out: Vec<String> = lib
        .briefs
        .iter()
        .map(|b| {
            let sections: Vec<&str> = b.sections.iter().map(|s| s.anchor.as_str()).collect();
            let figures: Vec<String> = b
                .figures()
                .iter()
                .map(|f| format!("{}={}", f.id, f.value))
                .collect();
            format!(
                "{} [{}] {} | {} | {}",
                b.meta.id,
                b.source.name,
                b.meta.title,
                sections.join(","),
                figures.join(",")
            )
        })
        .collect();
    out.extend(lib.diagnostics.iter().map(ToString::to_string));
    out
}

pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A cache in `dir` opened twice, as a start opens it: once to read, once
/// for its writer's thread.
pub fn reading_and_writer(dir: &Path) -> (Cache, briefing::library::cache::Writer) {
    let reading = Cache::open(dir).unwrap();
    let writer = briefing::library::cache::Writer::start(Cache::open(dir).unwrap()).unwrap();
    (reading, writer)
}
