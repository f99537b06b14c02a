//! Heap held by each stage of opening the 10 MB and 120 KB documents and
//! the library of 1,000, counted exactly by a counting allocator (the
//! resident set hides reuse and growth room), and the heap's peak while
//! the reader opens a brief its own way (preview first, the rest on a
//! worker). Run with `cargo bench --bench memory`.
//!
//! A separate binary from `pipeline`: the counting allocator has no
//! in-place `realloc`, which would skew that bench's timings.

#[path = "gen/mod.rs"]
mod generate;

use std::path::{Path, PathBuf};

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::lookup::Index;
use briefing::model::BriefIdx;
use briefing::theme::Theme;
use briefing::tui::app::App;
use briefing::tui::keymap::Keymap;
use peak_alloc::PeakAlloc;
use ratatui::layout::Rect;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Runs `f`; what it leaves held and the most held meanwhile, in MB above
/// what was held before.
fn heap<T>(f: impl FnOnce() -> T) -> (T, f64, f64) {
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let v = f();
    let live = HEAP.current_usage().saturating_sub(before);
    let peak = HEAP.peak_usage().saturating_sub(before);
    (v, mb(live), mb(peak))
}

fn document(path: &Path, name: &str) {
    let paths = [path.to_path_buf()];
    let (lib, lib_live, lib_peak) = heap(|| Library::from_paths(&paths));
    let Some(brief) = lib.brief(BriefIdx(0)) else {
        eprintln!("{name} did not load: {:?}", lib.diagnostics.first());
        return;
    };
    let text = brief.source.text().len();
    let (d, doc_live, doc_peak) = heap(|| doc::build(brief));
    let (layout, lay_live, lay_peak) = heap(|| Layout::new(&d, brief.sections.len(), 120, None));
    println!(
        "{name} ({:.1} MB of text), heap held (peak while built):",
        mb(text)
    );
    println!("  library   {lib_live:>7.1} MB ({lib_peak:.1})");
    println!("  document  {doc_live:>7.1} MB ({doc_peak:.1})");
    println!(
        "  layout    {lay_live:>7.1} MB ({lay_peak:.1}), {} lines",
        layout.len()
    );
    drop((layout, d, lib));
    let (app, held, peak) = heap(|| {
        let mut app = App::new(
            Library::from_paths(&paths),
            Keymap::default_keys(),
            Theme::default_theme(),
            Rect::new(0, 0, 120, 40),
        );
        app.desk.reader.finish();
        app
    });
    drop(app);
    println!("  the reader, open to laid out: {held:.1} MB held, {peak:.1} MB peak");
}

fn main() {
    let dir: PathBuf = generate::inputs_dir();
    if let Err(e) = generate::write_inputs(&dir) {
        eprintln!("cannot write inputs to {}: {e}", dir.display());
        std::process::exit(1);
    }
    for name in ["doc-120k.md", "doc-10m.md"] {
        document(&dir.join(name), name);
    }
    let lib_dir = [dir.join("library")];
    let (lib, lib_live, lib_peak) = heap(|| Library::from_paths(&lib_dir));
    let (_index, idx_live, idx_peak) = heap(|| Index::new(&lib));
    println!("library of 1,000, heap held (peak while built):");
    println!("  library   {lib_live:>7.1} MB ({lib_peak:.1})");
    println!("  index     {idx_live:>7.1} MB ({idx_peak:.1})");
}
