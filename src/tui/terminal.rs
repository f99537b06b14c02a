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
use ratatui::layout::Rect;
use ratatui::prelude::CrosstermBackend;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

/// The backend writes through a buffer the size of a large frame, so a
/// frame reaches the terminal in one write when `draw` flushes it (the
/// standard output's own buffer holds 1 KB: a first frame of 9 KB took ten
/// writes).
pub type Term = Terminal<CrosstermBackend<io::BufWriter<io::Stdout>>>;

/// Enough for a full frame at 160×45 with a colour change in most cells.
const FRAME_BUFFER: usize = 64 * 1024;

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

/// The terminal's screen at `size`, not yet drawn to and not entered.
/// Its two buffers are a hundred-odd fresh pages at 120×40, so it is made
/// ahead, on another thread (see [`super::prepare`]).
pub fn screen(size: (u16, u16)) -> io::Result<Term> {
    Terminal::with_options(
        CrosstermBackend::new(io::BufWriter::with_capacity(FRAME_BUFFER, stdout())),
        // A fixed viewport, resized by the event loop when a resize comes
        // in: a full-screen one asks the terminal its size at every frame,
        // and each ask opens `/dev/tty` again.
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, size.0, size.1)),
        },
    )
}

/// Enters raw mode and the alternate screen, with a panic hook and signal
/// flags installed first. `made` is the screen made ahead, used if the
/// terminal is still its size.
pub fn enter(mouse: bool, made: Option<Term>) -> io::Result<Guard> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    let stop = Arc::new(AtomicBool::new(false));
    watchdog(Arc::clone(&stop))?;
    let size = ratatui::crossterm::terminal::size()?;
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
    let area = Rect::new(0, 0, size.0, size.1);
    let terminal = match made.map(|mut t| (t.get_frame().area(), t)) {
        Some((made_for, t)) if made_for == area => Ok(t),
        _ => screen(size),
    };
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

/// SIGTERM or SIGHUP sets `stop` and wakes the event loop, which sees the
/// flag and returns (saving what it keeps). A terminal that vanished can
/// wedge the loop inside a read that never ends, so the thread that waits
/// for the signal restores what it can and exits if the loop has not left
/// within [`STOP_GRACE`] (counted once the terminal is back, if it is lent
/// to the editor). The thread sleeps until a signal comes: nothing polls.
fn watchdog(stop: Arc<AtomicBool>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("briefing-stop".into())
        .spawn(move || {
            if signals.forever().next().is_none() {
                return;
            }
            stop.store(true, Ordering::SeqCst);
            super::wake::wake();
            while LENT.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
            }
            std::thread::sleep(STOP_GRACE);
            restore();
            std::process::exit(1);
        })?;
    Ok(())
}

pub fn set_mouse(on: bool) {
    let _ = if on {
        execute!(stdout(), EnableMouseCapture)
    } else {
        execute!(stdout(), DisableMouseCapture)
    };
}
