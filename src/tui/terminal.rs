//! Entering and leaving the terminal. Every exit path restores it: normal
//! return, error (the guard's drop), panic (the hook), SIGTERM/SIGHUP (the
//! loop sees the flag and returns).

use std::io::{self, Write, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::prelude::CrosstermBackend;
use ratatui::{Terminal, TerminalOptions, Viewport};

pub type Term = Terminal<CrosstermBackend<io::Stdout>>;

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let mut out = stdout();
    let _ = execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal when dropped.
pub struct Guard {
    pub terminal: Term,
    pub stop: Arc<AtomicBool>,
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

impl Guard {
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// Enters raw mode and the alternate screen, with a panic hook and signal
/// flags installed first.
pub fn enter(mouse: bool) -> io::Result<Guard> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    watchdog(Arc::clone(&stop));
    enable_raw_mode()?;
    let mut out = stdout();
    let entered = execute!(out, EnterAlternateScreen, EnableBracketedPaste).and_then(|()| {
        if mouse {
            execute!(out, EnableMouseCapture)
        } else {
            Ok(())
        }
    });
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    let terminal = Terminal::with_options(
        CrosstermBackend::new(stdout()),
        TerminalOptions {
            viewport: Viewport::Fullscreen,
        },
    );
    match terminal {
        Ok(mut t) => {
            let _ = t.hide_cursor();
            Ok(Guard { terminal: t, stop })
        }
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// True while the terminal is lent to another program (the editor): the
/// watchdog waits for it to come back before it counts the grace.
static LENT: AtomicBool = AtomicBool::new(false);

/// Lends the terminal to `f` (which runs another program in it): leaves
/// raw mode and the alternate screen, runs `f`, then enters them again and
/// clears the screen so the next frame is drawn whole.
pub fn lend<T>(guard: &mut Guard, mouse: bool, f: impl FnOnce() -> T) -> io::Result<T> {
    LENT.store(true, Ordering::SeqCst);
    restore();
    let out = f();
    let back = enable_raw_mode().and_then(|()| {
        let mut out = stdout();
        execute!(
            out,
            EnterAlternateScreen,
            EnableBracketedPaste,
            Clear(ClearType::All)
        )?;
        if mouse {
            execute!(out, EnableMouseCapture)?;
        }
        Ok(())
    });
    LENT.store(false, Ordering::SeqCst);
    back?;
    // The screen was cleared: forget the last frame so the next is drawn
    // whole (`Terminal::clear` would ask the terminal where its cursor is).
    guard.terminal.swap_buffers();
    let _ = guard.terminal.hide_cursor();
    Ok(out)
}

/// How long the event loop has to leave after a stop signal before the
/// watchdog leaves for it.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// After SIGTERM or SIGHUP the event loop sees the flag and returns. A
/// terminal that vanished can wedge it inside a read that never ends, so a
/// thread waits for the flag and, if the loop has not left within
/// [`STOP_GRACE`], restores what it can and exits.
fn watchdog(stop: Arc<AtomicBool>) {
    let _ = std::thread::Builder::new()
        .name("briefing-stop".into())
        .spawn(move || {
            while !stop.load(Ordering::Relaxed) || LENT.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
            }
            std::thread::sleep(STOP_GRACE);
            restore();
            std::process::exit(1);
        });
}

pub fn set_mouse(on: bool) {
    let _ = if on {
        execute!(stdout(), EnableMouseCapture)
    } else {
        execute!(stdout(), DisableMouseCapture)
    };
}
