//! Writing to stdout: sanitized, quiet on a closed pipe, colour only where
//! wanted.

use std::io::{self, IsTerminal, Write};

use super::ColorChoice;

/// Colour on a terminal unless `NO_COLOR` is set (or the choice forces it).
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// A buffered stdout. Errors (a closed pipe above all) surface from `line`
/// so commands stop at once.
pub struct Out {
    w: io::BufWriter<io::StdoutLock<'static>>,
}

impl Default for Out {
    fn default() -> Self {
        Self {
            w: io::BufWriter::new(io::stdout().lock()),
        }
    }
}

impl Out {
    /// Writes text that is already sanitized (or built from sanitized parts).
    pub fn raw(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(s.as_bytes())
    }

    /// Writes one line of untrusted text, sanitized.
    pub fn line(&mut self, s: &str) -> io::Result<()> {
        self.w.write_all(crate::sanitize::text(s).as_bytes())?;
        self.w.write_all(b"\n")
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
}

/// The terminal width for wrapping, or 80 when not on a terminal.
pub fn terminal_width() -> usize {
    if io::stdout().is_terminal()
        && let Ok((w, _)) = ratatui::crossterm::terminal::size()
        && w > 0
    {
        return usize::from(w);
    }
    80
}

pub use crate::words::count;
