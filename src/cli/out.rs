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
    /// The terminal's width; none when piped.
    width: Option<usize>,
}

impl Default for Out {
    fn default() -> Self {
        Self {
            w: io::BufWriter::new(io::stdout().lock()),
            width: io::stdout().is_terminal().then(terminal_width),
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

    /// Writes one record: `lead` (a date, a value) and then `text`,
    /// untrusted. On a terminal the text wraps at its width under itself,
    /// never mid-word; piped, the record is one line.
    pub fn record(&mut self, lead: &str, text: &str) -> io::Result<()> {
        let text = crate::sanitize::line(text);
        for l in hang(lead, &text, self.width) {
            self.w.write_all(l.as_bytes())?;
            self.w.write_all(b"\n")?;
        }
        Ok(())
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

/// `lead` then `text`, wrapped to `width` with the text's lines lined up
/// after the lead (one line when there is no width).
fn hang(lead: &str, text: &str, width: Option<usize>) -> Vec<String> {
    let Some(width) = width else {
        return vec![format!("{lead}{text}")];
    };
    let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(lead));
    let opts = textwrap::Options::new(width.max(indent.len() + 20))
        .initial_indent(lead)
        .subsequent_indent(&indent)
        .break_words(false);
    textwrap::wrap(text, &opts)
        .into_iter()
        .map(std::borrow::Cow::into_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::hang;

    #[test]
    fn a_record_wraps_under_itself_on_a_terminal_and_is_one_line_piped() {
        let text = "United States releases its National Security Strategy · Peninsula Plus";
        assert_eq!(
            hang("  2022-10  ", text, None),
            [format!("  2022-10  {text}")]
        );
        let lines = hang("  2022-10  ", text, Some(40));
        assert_eq!(lines[0], "  2022-10  United States releases its");
        assert!(lines.len() > 1, "{lines:?}");
        for l in &lines[1..] {
            assert!(
                l.starts_with("           ") && l.chars().count() <= 40,
                "{l:?}"
            );
        }
    }
}
