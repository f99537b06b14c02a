//! The interactive reader.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod conflicts;
pub mod desk;
pub mod field;
pub mod finder;
pub mod geometry;
pub mod keymap;
pub mod launch;
pub mod marks;
pub mod msg;
pub mod outline;
pub mod paint;
pub mod panel;
pub mod prepare;
pub mod reader;
pub mod search;
pub mod task;
pub mod terminal;
#[cfg(test)]
pub mod testkit;
pub mod ui;
pub mod views;
pub mod wake;
pub mod watch;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::layout::Rect;

use crate::theme::Theme;
use app::{App, Effect, Msg};
use keymap::Keymap;
use msg::Launch;

use crate::library::Library;
use crate::model::SectionRef;

/// Everything the reader needs, loaded before the terminal is touched.
pub struct Setup {
    pub lib: Library,
    /// Built by [`keymap`] from the config's `[keys.MODE]` lines.
    pub keymap: Keymap,
    /// The screen, made ahead (see [`prepare`]); made on entering the
    /// terminal if not.
    pub screen: Option<terminal::Term>,
    pub theme: Theme,
    /// The themes `t` cycles through.
    pub themes: crate::theme::Themes,
    /// The config's widest reading column and panel width.
    pub measure: Option<u16>,
    pub panel_width: Option<u16>,
    pub mouse: bool,
    /// Where to open; `None` opens where the saved state says.
    pub start: Option<SectionRef>,
    pub saved: crate::state::Saved,
    /// Files and folders to reload from when they change (none for the
    /// embedded library).
    pub watch: Vec<PathBuf>,
    /// The library cache's folder, when the library was read through it.
    pub cache: Option<PathBuf>,
    /// How far the cache's writer is with the files the start left for
    /// later, if it left any.
    pub catchup: Option<std::sync::Arc<crate::library::cache::Progress>>,
    /// Said in the status bar at start (e.g. a warning about saved state).
    pub message: Option<String>,
    /// How `y` and `Y` write a citation.
    pub citation: crate::cite::Format,
    /// The folder of the briefs' source texts.
    pub sources: Option<PathBuf>,
    /// Links as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// Open home when there is no start and no saved place (a library,
    /// not a single file).
    pub home: bool,
    /// The whole of a long file, parsed while `lib` holds its first
    /// sections (see [`crate::library::head`]).
    pub whole: Option<crate::library::head::Opened>,
    /// Said when the library turns out to hold no brief after all (the
    /// whole of a file shown from its first part had errors).
    pub nothing_to_read: String,
}

/// The default keys with the config's `[keys.MODE]` lines applied, or
/// every mistake in them (`path:line:col: error: ...`).
pub fn keymap(lines: &[crate::config::KeyLine]) -> Result<Keymap, Vec<String>> {
    let mut keymap = Keymap::default_keys();
    keymap.apply(lines)?;
    Ok(keymap)
}

/// Turns a crossterm event into a message for the app.
pub fn to_msg(e: &Event) -> Option<Msg> {
    match e {
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(*k)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Msg::Wheel {
                x: m.column,
                y: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Msg::Wheel {
                x: m.column,
                y: m.row,
                down: false,
            }),
            MouseEventKind::Down(_) => Some(Msg::Click {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Msg::Resize(Rect::new(0, 0, *w, *h))),
        _ => None,
    }
}

/// A fault to raise once the screen is up, so tests can check the terminal
/// is restored: `BRIEFING_TEST_FAULT=panic` or `=error` (for tests only).
#[derive(Clone, Copy)]
enum Fault {
    Panic,
    Error,
}

fn test_fault() -> Option<Fault> {
    match std::env::var("BRIEFING_TEST_FAULT").ok()?.as_str() {
        "panic" => Some(Fault::Panic),
        "error" => Some(Fault::Error),
        _ => None,
    }
}

/// Runs the reader until the user quits or a signal arrives.
pub fn run(setup: Setup) -> io::Result<ExitCode> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "briefing: the reader needs a terminal; for plain text try `briefing list` or `briefing show ID`"
        );
        return Ok(ExitCode::from(2));
    }
    let mut guard = terminal::enter(setup.mouse, setup.screen)?;
    // The screen was made at the terminal's size as it was entered (asking
    // again opens `/dev/tty` again).
    let area = guard.terminal.get_frame().area();
    let mut app = App::for_terminal(setup.lib, setup.keymap, setup.theme, area);
    app.themes = setup.themes;
    app.mouse = setup.mouse;
    app.desk.saved = setup.saved;
    app.desk.sizes = geometry::Sizes {
        measure: setup.measure.unwrap_or(geometry::Sizes::default().measure),
        panel: setup.panel_width,
    };
    app.desk.citation = setup.citation;
    app.desk.outside.sources = setup.sources;
    app.desk.outside.hyperlinks = setup.hyperlinks;
    app.watch.clone_from(&setup.watch);
    app.cache.clone_from(&setup.cache);
    app.desk.finder.store.clone_from(&setup.cache);
    app.catchup = setup.catchup;
    app.whole = setup.whole.map(|o| app::Whole::ToRead(Box::new(o)));
    app.desk.resize(app.desk.geometry.area);
    if let Some(start) = setup.start {
        app.desk.go(start);
    } else if !app.desk.restore_last() && setup.home {
        app.open_view::<views::Home>();
    }
    app.desk.history = desk::History::default();
    app.say_load_problems();
    if setup.message.is_some() {
        app.desk.message = setup.message;
    }
    let result = event_loop(&mut guard, &mut app, &setup.watch);
    if let Some(lib) = app.unreadable.take() {
        // Nothing was read: no place is kept.
        drop(guard);
        crate::diag::print_all(&lib.diagnostics);
        eprintln!(
            "briefing: {}",
            crate::sanitize::line(&setup.nothing_to_read)
        );
        return Ok(ExitCode::from(1));
    }
    // Quitting the first screen's home leaves no place to reopen.
    let saved = if app.home_untouched() {
        app.desk.write_state()
    } else {
        app.desk.save_state()
    };
    drop(guard);
    if let Err(e) | Ok(Some(e)) = saved {
        eprintln!("briefing: {}", crate::sanitize::line(&e));
    }
    // The terminal is back and the state saved: what the app holds is
    // memory the process gives back whole as it ends. Freed piece by
    // piece, a library of 10,000 briefs kept the shell waiting 200 ms
    // after `q`. (Nothing the app holds does anything when dropped but
    // free memory and tell threads to stop, which the end of the process
    // does too.)
    std::mem::forget(app);
    result
}

/// Files and folders are watched from once the first screen is up: the
/// watcher's thread is not waited for before it.
fn event_loop(
    guard: &mut terminal::Guard,
    app: &mut App,
    paths: &[PathBuf],
) -> io::Result<ExitCode> {
    let mut watcher: Option<watch::Watcher> = None;
    let fault = test_fault();
    let mut clipboard = clipboard::Clipboard::default();
    let mut first_frame = true;
    loop {
        // What came in from the background or fell due: finished work, a
        // read mark, a key sequence left waiting.
        let effect = app.update(Msg::Tick(Instant::now()));
        if carry_out(effect, guard, app, &mut clipboard, paths)? {
            return Ok(ExitCode::SUCCESS);
        }
        if let Some(w) = watcher.as_mut()
            && w.poll()
        {
            app.update(Msg::FilesChanged);
        }
        // A turn that changed nothing draws nothing: not a byte is written.
        if app.take_dirty() {
            let area = app.desk.geometry.area;
            if guard.terminal.get_frame().area() != area {
                guard.terminal.resize(area)?;
            }
            guard.terminal.draw(|f| ui::draw(f, app))?;
        }
        if first_frame {
            let effect = app.update(Msg::FirstScreen);
            if carry_out(effect, guard, app, &mut clipboard, paths)? {
                return Ok(ExitCode::SUCCESS);
            }
            first_frame = false;
            if !paths.is_empty() {
                match watch::Watcher::new(paths) {
                    Ok(w) => watcher = Some(w),
                    Err(e) => {
                        app.update(Msg::Said(format!(
                            "{}; live reload is off",
                            crate::sanitize::line(&e)
                        )));
                    }
                }
            }
        }
        match fault {
            Some(Fault::Panic) => panic!("BRIEFING_TEST_FAULT=panic: failing on purpose"),
            Some(Fault::Error) => return Err(io::Error::other("BRIEFING_TEST_FAULT=error")),
            None => {}
        }
        if guard.stopped() {
            return Ok(ExitCode::SUCCESS);
        }
        // Sleep until input comes, another thread wakes the loop (a worker
        // done, a file changed, a stop signal: see `wake`), or something
        // falls due. With nothing due, the sleep has no end.
        let first = match sleep_for(app, watcher.as_ref()) {
            None => event::read()?,
            Some(wait) => {
                if !event::poll(wait)? {
                    continue;
                }
                event::read()?
            }
        };
        // Drain what is queued so a burst of keys or resizes costs one frame.
        // Resizes in a row come down to the last (each lays the brief out
        // again); one is applied before any other event that follows it.
        let mut resize = None;
        let mut next = Some(first);
        while let Some(ev) = next.take() {
            match to_msg(&ev) {
                Some(Msg::Resize(area)) => resize = Some(area),
                Some(msg) => {
                    if let Some(area) = resize.take() {
                        app.update(Msg::Resize(area));
                    }
                    let effect = app.update(msg);
                    if carry_out(effect, guard, app, &mut clipboard, paths)? {
                        return Ok(ExitCode::SUCCESS);
                    }
                }
                None => {}
            }
            if event::poll(Duration::ZERO)? {
                next = Some(event::read()?);
            }
        }
        if let Some(area) = resize {
            app.update(Msg::Resize(area));
        }
    }
}

/// How long the loop may sleep: `None` for as long as nothing happens.
/// Background work that reports progress (a long brief being laid out, the
/// finder ranking) and a file change settling are looked at often while
/// they last; a read mark or a key sequence is woken for when it falls due.
fn sleep_for(app: &App, watcher: Option<&watch::Watcher>) -> Option<Duration> {
    let now = Instant::now();
    let mut wait = app.next_due().map(|t| t.saturating_duration_since(now));
    if app.busy() || watcher.is_some_and(watch::Watcher::pending) {
        wait = Some(wait.map_or(BUSY_POLL, |w| w.min(BUSY_POLL)));
    }
    wait
}

/// How often the loop looks at background work while it runs.
const BUSY_POLL: Duration = Duration::from_millis(16);

/// Does what an update asked of the terminal; true to quit.
fn carry_out(
    effect: Effect,
    guard: &mut terminal::Guard,
    app: &mut App,
    clipboard: &mut clipboard::Clipboard,
    _paths: &[PathBuf],
) -> io::Result<bool> {
    match effect {
        Effect::Quit => return Ok(true),
        Effect::SetMouse(on) => terminal::set_mouse(on),
        Effect::Clipboard(text) => clipboard.copy(&text),
        Effect::Launch(what) => {
            let edited = matches!(what, Launch::Edit { .. });
            let said = launch::run(guard, app.mouse, what)?;
            if edited {
                // The terminal comes back cleared, and the brief may have
                // changed.
                app.redraw();
                app.update(Msg::FilesChanged);
            }
            if let Some(said) = said {
                app.update(Msg::Said(said));
            }
        }
        Effect::None => {}
    }
    Ok(false)
}
