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

/// A long brief (64 KB or more with 400 sections) whose first part is
/// shown before the whole is read; `front_extra` ends its front matter.
pub fn long_brief(sections: usize, front_extra: &str) -> String {
    let mut s = format!(
        "+++\nid = \"long\"\ntitle = \"A long brief\"\n\n[[figures]]\nid = \"f0\"\nvalue = \"5%\"\nlabel = \"share\"\nsection = \"section-0\"\nsource = \"Generated\"\n{front_extra}+++\n\n"
    );
    for i in 0..sections {
        s.push_str("## Section ");
        s.push_str(&i.to_string());
        s.push_str("\n\n");
        for _ in 0..6 {
            s.push_str(
                "Words about trade, chips and the alliance, enough to fill a line or two.\n",
            );
        }
        if i == 0 {
            s.push_str("\nA share of [5 percent](fig:f0).\n");
        }
        s.push('\n');
    }
    s
}
