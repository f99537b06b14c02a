//! A growing library: generated libraries of 1,000 and 10,000 briefs
//! (about 51 KB each) opened by the real binary in a pseudo-terminal, with
//! no cache (the first start) and with the cache the first start wrote
//! (every later start): time to a usable home, peak RSS, the finder's
//! count after `f`, and a library-wide search.
//!
//! `cargo bench --bench library` runs both sizes; `-- 1000` one of them.
//! A first start shows home with the first briefs and takes in the rest as
//! the cache's writer stores them ("library read" says all are in). The
//! later starts come from a cache filled by a session long enough for the
//! finder's index to have been built and kept beside it.
//! With `BRIEFING_BEFORE=PATH`, the binary at PATH is measured first in the
//! same run, for a before and after.
//! The 10,000-brief library is about 510 MB on disk, written once into the
//! bench inputs (`target/bench-inputs`, or `BENCH_INPUTS`). Not part of
//! `cargo test`.

#[path = "gen/mod.rs"]
mod generate;
#[path = "term/mod.rs"]
mod term;

use std::path::Path;

use term::Spec;

/// Figures per generated brief (as the finder bench and the pty suite).
const FIGURES: usize = 100;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1000, 10_000]
    } else {
        sizes
    };
    let inputs = generate::inputs_dir();
    term::header();
    for n in sizes {
        let dir = inputs.join(format!("library-{n}"));
        if let Err(e) = write_library(&dir, n) {
            eprintln!("library: cannot write {}: {e}", dir.display());
            std::process::exit(1);
        }
        let cache = cache_folder();
        let open = format!("{{briefing}} {}", dir.display());
        let figures = n * FIGURES;
        // A build to compare with, in the same run (`BRIEFING_BEFORE`).
        if let Some(before) = std::env::var_os("BRIEFING_BEFORE") {
            let before = format!("{} {}", Path::new(&before).display(), dir.display());
            let mut b = Spec::new(&before, "? help");
            b.runs = 3;
            term::measure(&b, &inputs);
            term::measure(&b.clone().key("f", &format!("/{figures}")), &inputs);
            term::measure(
                &b.clone().key("/semiconductor\t", "Search the library"),
                &inputs,
            );
            b.runs = 1;
            term::measure(&b.clone().key("/okapi\t", RARE), &inputs);
            // Its later starts, from a cache it wrote in one long session.
            let kept = cache_folder();
            b.cache = Some(kept.path().to_path_buf());
            let mut prime = b.clone();
            prime.settle = std::time::Duration::from_secs(45);
            term::measure(&prime, &inputs);
            b.runs = 5;
            term::measure(&b, &inputs);
            term::measure(&b.clone().key("f", &format!("/{figures}")), &inputs);
        }
        // The first start, every run with no cache: home is up with the
        // first briefs, then the whole library is in.
        let mut cold = Spec::new(&open, "? help");
        cold.runs = 3;
        term::measure(&cold, &inputs);
        let mut whole = Spec::new(&open, "library read");
        whole.runs = 1;
        term::measure(&whole, &inputs);
        // A first start that keeps its cache, until the whole library is
        // stored; then later starts.
        whole.cache = Some(cache.path().to_path_buf());
        term::measure(&whole, &inputs);
        // A session long enough for the finder's index to be built and
        // kept beside the cache, as a reader's first hours would leave it.
        let mut prime = Spec::new(&open, "? help");
        prime.cache = Some(cache.path().to_path_buf());
        prime.runs = 1;
        prime.settle = std::time::Duration::from_secs(if n >= 10_000 { 40 } else { 8 });
        term::measure(&prime, &inputs);
        let mut warm = Spec::new(&open, "? help");
        warm.cache = Some(cache.path().to_path_buf());
        warm.runs = 5;
        term::measure(&warm, &inputs);
        term::measure(&warm.clone().key("f", &format!("/{figures}")), &inputs);
        term::measure(
            &warm.clone().key("/semiconductor\t", "Search the library"),
            &inputs,
        );
        // A word no brief holds: without the word index, every brief is
        // read to say so.
        term::measure(&warm.clone().key("/okapi\t", RARE), &inputs);
    }
}

/// A folder of its own for a cache the runs share.
fn cache_folder() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| {
        eprintln!("library: cannot make a cache folder: {e}");
        std::process::exit(1);
    })
}

/// What the library search for a word no brief holds shows.
const RARE: &str = "\"okapi\" — 0 hits";

/// Writes the generated library of `n` briefs into `dir`, unless it is
/// there already.
fn write_library(dir: &Path, n: usize) -> std::io::Result<()> {
    let last = dir.join(format!("brief-{}.md", n - 1));
    if last.exists() && std::fs::read_dir(dir)?.count() == n {
        return Ok(());
    }
    std::fs::create_dir_all(dir)?;
    for (name, text) in generate::library(n, FIGURES) {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}
