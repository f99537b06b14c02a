//! `briefing [PATH]...` and `briefing read [TARGET]`: the interactive reader.

use std::io;
use std::process::ExitCode;

use super::{Cli, ColorChoice, report_load_problems};
use crate::sanitize::line as clean;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// Loads everything, then opens the reader: the terminal is touched last, so
/// every error is printed on a normal screen.
pub fn run(cli: &Cli, target: Option<&str>) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    if lib.briefs.is_empty() {
        report_load_problems(&lib);
        eprintln!("briefing: no brief to read");
        return Ok(ExitCode::from(1));
    }
    let start = match target.map(|t| lib.target(t)) {
        None => None,
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            eprintln!("briefing: {}", clean(&e));
            return Ok(ExitCode::from(2));
        }
    };
    let mut theme = match &cli.theme {
        None => Theme::default_theme(),
        Some(name) => match Theme::builtin(name) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("briefing: {}", clean(&e));
                return Ok(ExitCode::from(2));
            }
        },
    };
    theme.monochrome = match cli.color {
        ColorChoice::Never => true,
        ColorChoice::Always => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    };
    crate::tui::run(crate::tui::Setup {
        lib,
        keymap: Keymap::default_keys(),
        theme,
        start,
    })
}
