//! The interactive reader.

pub mod action;
pub mod app;
pub mod find;
pub mod geometry;
pub mod keymap;
pub mod outline;
pub mod panel;
pub mod reader;
pub mod terminal;
pub mod theme;
pub mod ui;

use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyEventKind, MouseEventKind};
use ratatui::layout::Rect;

use app::{App, Effect, Msg};
use keymap::Keymap;
use theme::Theme;

use crate::library::Library;
use crate::model::SectionRef;

/// Everything the reader needs, loaded before the terminal is touched.
pub struct Setup {
    pub lib: Library,
    pub keymap: Keymap,
    pub theme: Theme,
    pub start: Option<SectionRef>,
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
    let mut guard = terminal::enter(true)?;
    let size = guard.terminal.size()?;
    let mut app = App::new(
        setup.lib,
        setup.keymap,
        setup.theme,
        Rect::new(0, 0, size.width, size.height),
    );
    if let Some(start) = setup.start {
        app.go(start);
        app.history = app::History::default();
    }
    if app.lib.error_count() > 0 {
        app.message = Some(format!(
            "{} problem(s) while loading; run `briefing check` for details",
            app.lib.error_count()
        ));
    }
    let fault = test_fault();
    loop {
        let size = guard.terminal.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        if area != app.geometry.area {
            app.update(Msg::Resize(area));
        }
        app.tick();
        guard.terminal.draw(|f| ui::draw(f, &app))?;
        match fault {
            Some(Fault::Panic) => panic!("BRIEFING_TEST_FAULT=panic: failing on purpose"),
            Some(Fault::Error) => return Err(io::Error::other("BRIEFING_TEST_FAULT=error")),
            None => {}
        }
        if guard.stopped() {
            break;
        }
        // Background work reports through a channel, not the terminal:
        // look for it often while it runs.
        let wait = if app.busy() { 5 } else { 250 };
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        // Drain what is queued so a burst of keys or resizes costs one frame.
        loop {
            let ev = event::read()?;
            if let Some(msg) = to_msg(&ev) {
                match app.update(msg) {
                    Effect::Quit => return Ok(ExitCode::SUCCESS),
                    Effect::SetMouse(on) => terminal::set_mouse(on),
                    Effect::None => {}
                }
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    drop(guard);
    Ok(ExitCode::SUCCESS)
}
