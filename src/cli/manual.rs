//! `briefing completions SHELL` and `briefing man`: written from the same
//! clap definition the command line is parsed with, so they never drift.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use super::Cli;

pub fn completions(shell: clap_complete::Shell) -> io::Result<ExitCode> {
    let mut cmd = Cli::command();
    // Into memory first: clap_complete panics on a write that fails (a
    // closed pipe), and stdout may be one.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "briefing", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> io::Result<ExitCode> {
    let cmd = Cli::command();
    let mut out = io::stdout().lock();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
