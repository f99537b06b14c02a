//! Each stage of opening a brief, timed apart on the generated inputs:
//! reading and parsing, building the document, laying it out at 120
//! columns, drawing one 120×40 frame at the top, middle and end, and
//! loading a library of 1,000 briefs. Prints the median of several runs.
//! Run with `cargo bench --bench pipeline`.

#[path = "gen/mod.rs"]
mod generate;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::lookup::Index;
use briefing::model::BriefIdx;
use briefing::theme::Theme;
use briefing::tui::app::App;
use briefing::tui::keymap::Keymap;
use briefing::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// Runs `f` `runs` times; prints and returns the median.
fn time<T>(name: &str, runs: usize, mut f: impl FnMut() -> T) -> Duration {
    // What `f` made is dropped after the clock stops: the reader never
    // frees its library or layout on the way to a screen.
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let made = std::hint::black_box(f());
            let took = t.elapsed();
            drop(made);
            took
        })
        .collect();
    v.sort();
    let med = v[v.len() / 2];
    println!("{name:<44} {:>10.2} ms", med.as_secs_f64() * 1e3);
    med
}

fn main() {
    let dir = generate::inputs_dir();
    if let Err(e) = generate::write_inputs(&dir) {
        eprintln!("cannot write inputs to {}: {e}", dir.display());
        std::process::exit(1);
    }
    for (name, runs) in [("doc-120k.md", 21), ("doc-10m.md", 5)] {
        document(&dir.join(name), name, runs);
    }
    let lib_dir = dir.join("library");
    let lib = time("library of 1,000: read and parse", 5, || {
        Library::from_paths(std::slice::from_ref(&lib_dir))
    });
    let loaded = Library::from_paths(std::slice::from_ref(&lib_dir));
    let index = time("library of 1,000: finder index", 5, || Index::new(&loaded));
    println!(
        "{:<44} {:>10.2} ms  ({} briefs, {} errors)",
        "library of 1,000: fully indexed",
        (lib + index).as_secs_f64() * 1e3,
        loaded.briefs.len(),
        loaded.error_count()
    );
    time("embedded library: load and first frame", 21, || {
        frame_at(Library::embedded(), false)
    });
}

/// The process's resident memory now, in MB.
fn rss_mb() -> f64 {
    status_mb("VmRSS:")
}

/// A memory figure of this process from `/proc/self/status`, in MB.
fn status_mb(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// What the library, the document and the layout of one file hold in
/// memory, measured as growth of the resident set.
fn memory(paths: &[PathBuf], name: &str) {
    let before = rss_mb();
    let lib = Library::from_paths(paths);
    let loaded = rss_mb();
    let Some(brief) = lib.brief(BriefIdx(0)) else {
        return;
    };
    let d = doc::build(brief);
    let built = rss_mb();
    let layout = Layout::new(&d, brief.sections.len(), 120, None);
    let laid = rss_mb();
    println!(
        "{name}: memory: library {:.1} MB, document {:.1} MB, layout {:.1} MB ({} lines); peak so far {:.1} MB",
        loaded - before,
        built - loaded,
        laid - built,
        layout.len(),
        status_mb("VmHWM:")
    );
}

fn document(path: &PathBuf, name: &str, runs: usize) {
    let paths = std::slice::from_ref(path);
    memory(paths, name);
    time(&format!("{name}: read and parse"), runs, || {
        Library::from_paths(paths)
    });
    let lib = Library::from_paths(paths);
    let Some(brief) = lib.brief(BriefIdx(0)) else {
        eprintln!("{name} did not load: {:?}", lib.diagnostics.first());
        return;
    };
    time(&format!("{name}: build the document"), runs, || {
        doc::build(brief)
    });
    let d = doc::build(brief);
    let sections = brief.sections.len();
    time(&format!("{name}: lay out at 120 columns"), runs, || {
        Layout::new(&d, sections, 120, None)
    });
    for (at, num, den) in [("top", 0, 1), ("middle", 1, 2), ("end", 1, 1)] {
        let lib = Library::from_paths(paths);
        let mut app = App::new(
            lib,
            Keymap::default_keys(),
            Theme::default_theme(),
            Rect::new(0, 0, 120, 40),
        );
        app.desk.reader.finish();
        app.desk.reader.top = app.desk.reader.max_top() * num / den;
        let Ok(mut term) = Terminal::new(TestBackend::new(120, 40));
        time(&format!("{name}: one frame at the {at}"), runs * 4, || {
            term.draw(|f| ui::draw(f, &app)).map(|_| ())
        });
    }
    time(&format!("{name}: open to first frame"), runs, || {
        frame_at(Library::from_paths(paths), false)
    });
    time(&format!("{name}: open and lay out the whole"), runs, || {
        frame_at(Library::from_paths(paths), true)
    });
}

/// Opens the reader on `lib` and draws its first frame, after the whole
/// brief is laid out if `whole`.
fn frame_at(lib: Library, whole: bool) -> Option<()> {
    let mut app = App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, 120, 40),
    );
    if whole {
        app.desk.reader.finish();
    }
    let mut term = Terminal::new(TestBackend::new(120, 40)).ok()?;
    term.draw(|f| ui::draw(f, &app)).ok().map(|_| ())
}
