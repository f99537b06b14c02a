//! Figure finder latency per keystroke over a generated library of 1,000
//! briefs and 100,000 figures. Run with `cargo bench --bench finder`.
//!
//! For a few queries typed one character at a time it prints:
//!
//! - the keystroke as the reader lives it: the key handled by the app (on
//!   a library this size the query goes to the ranking thread), finished
//!   rankings taken in, and one 120×40 frame drawn;
//! - the ranking itself for one keystroke (the whole library, or the
//!   previous hits when the query only grew), which the reader runs off
//!   the keystroke's path, and how long after the last key the final
//!   hits are on screen.

#[path = "gen/mod.rs"]
mod generate;

use std::time::{Duration, Instant};

use briefing::library::Library;
use briefing::lookup::{Finder, Index};
use briefing::model::{Origin, SourceFile};
use briefing::theme::Theme;
use briefing::tui::app::{App, Msg};
use briefing::tui::keymap::Keymap;
use briefing::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

fn median(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    (v[v.len() / 2], v[v.len() - 1])
}

fn main() {
    let files = generate::library(1000, 100)
        .into_iter()
        .map(|(name, text)| Ok(SourceFile::new(name, Origin::Embedded, text)))
        .collect::<Vec<_>>();
    let t = Instant::now();
    let lib = Library::from_files(files.clone());
    let load = t.elapsed();
    let t = Instant::now();
    let index = Index::new(&lib);
    if let Some(d) = lib.diagnostics.first() {
        println!("first problem: {d}");
    }
    let build = t.elapsed();
    println!(
        "library: {} briefs, {} figures, {} errors; parsed in {load:?}, finder index built in {build:?}",
        lib.briefs.len(),
        index.entries.len(),
        lib.error_count(),
    );
    for query in [
        "semiconductor exports china",
        "77",
        "#trade visa",
        "cyber poll koreans",
    ] {
        let mut per_key: Vec<Duration> = Vec::new();
        let mut first: Vec<Duration> = Vec::new();
        for _ in 0..5 {
            // As the finder ranks: the word being typed may be a prefix.
            let mut finder = Finder::typing();
            for end in 1..=query.len() {
                let typed = &query[..end];
                let t = Instant::now();
                let hits = finder.rank(&index, typed);
                let took = t.elapsed();
                per_key.push(took);
                if end == 1 {
                    first.push(took);
                }
                std::hint::black_box(hits);
            }
        }
        let (med, worst) = median(per_key);
        let (first, _) = median(first);
        println!(
            "query {query:?}: {} keystrokes, median {med:?}, worst {worst:?}, first key {first:?}",
            query.len()
        );
    }
    keystrokes(Library::from_files(files));
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// The reader's side of a keystroke, measured through the app itself.
fn keystrokes(lib: Library) {
    let mut app = App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, 120, 40),
    );
    let Ok(mut term) = Terminal::new(TestBackend::new(120, 40));
    let t = Instant::now();
    app.update(key('f'));
    let _ = term.draw(|f| ui::draw(f, &app));
    println!("finder opened (index built) in {:?}", t.elapsed());
    for query in ["semiconductor exports china", "cyber poll koreans"] {
        let mut per_key = Vec::new();
        let mut handle = Vec::new();
        let mut settle = Vec::new();
        for _ in 0..5 {
            // Clear the query.
            while !app.desk.finder.query().is_empty() {
                app.update(Msg::Key(KeyEvent::new(
                    KeyCode::Backspace,
                    KeyModifiers::NONE,
                )));
            }
            app.desk.finder.settle();
            for c in query.chars() {
                let t = Instant::now();
                app.update(key(c));
                app.tick();
                handle.push(t.elapsed());
                let _ = term.draw(|f| ui::draw(f, &app));
                per_key.push(t.elapsed());
                // A fast typist: 80 ms between keys.
                std::thread::sleep(Duration::from_millis(80));
                app.tick();
            }
            let t = Instant::now();
            app.desk.finder.settle();
            settle.push(t.elapsed());
        }
        let (med, worst) = median(per_key);
        let (key_med, key_worst) = median(handle);
        let (settled, _) = median(settle);
        println!(
            "reader keystroke {query:?}: key handled in median {key_med:?} (worst {key_worst:?}); key + 120x40 frame median {med:?} (worst {worst:?}); final hits {settled:?} after the last key"
        );
    }
}
