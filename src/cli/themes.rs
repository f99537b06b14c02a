//! `briefing themes`: the themes there are, and which one is in use.

use std::io::{self, Write as _};
use std::process::ExitCode;

use super::Cli;
use crate::config::{Config, Dirs};
use crate::sanitize::line as clean;
use crate::theme::{Origin, Theme};

pub fn run(cli: &Cli) -> io::Result<ExitCode> {
    let dirs = Dirs::xdg();
    // The theme in use: --theme, else the config's, else the default.
    // A broken config is reported, but the list is still worth showing.
    let config = Config::load(cli.config.as_deref(), &dirs).unwrap_or_else(|e| {
        for line in e.lines() {
            eprintln!("briefing: {}", clean(line));
        }
        Config::default()
    });
    let current = cli
        .theme
        .clone()
        .or(config.theme)
        .unwrap_or_else(|| "dark".into());
    let mut out = io::stdout().lock();
    let mut broken = false;
    for (origin, theme) in Theme::available(dirs.themes().as_deref()) {
        match theme {
            Ok(t) => {
                let mark = if t.name == current { '*' } else { ' ' };
                let from = match origin {
                    Origin::BuiltIn => "built-in".to_owned(),
                    Origin::User(p) => p.display().to_string(),
                };
                writeln!(
                    out,
                    "{mark} {:<15} {}  ({})",
                    clean(&t.name),
                    clean(&t.description),
                    clean(&from)
                )?;
            }
            Err(e) => {
                broken = true;
                eprintln!("briefing: {}", clean(&e));
            }
        }
    }
    if let Some(d) = dirs.themes() {
        writeln!(
            out,
            "\nYour own themes go in {} (a theme may `inherits = \"dark\"` and change a few slots).",
            clean(&d.display().to_string())
        )?;
    }
    Ok(if broken {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
