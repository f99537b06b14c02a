//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::expect_used)]

pub mod cached;
pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs the built binary with `args` from the crate root, colour off.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("BRIEFING_CONFIG")
        // Nothing from the real home: no config, no saved state.
        .env("XDG_CONFIG_HOME", "/nonexistent/briefing-test/config")
        .env("XDG_STATE_HOME", "/nonexistent/briefing-test/state")
        .output()
        .expect("the binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
