//! Cases 13–14: without a terminal the reader says what to do instead of
//! failing, plain output carries no escapes, and a closed pipe ends a
//! command quietly.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::common::{run, stderr, stdout};
use crate::generate;

fn briefing() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_briefing"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color");
    c
}

#[test]
fn the_reader_without_a_terminal_says_what_to_do() {
    for args in [&[][..], &["read"], &["read", "digital-allies"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&o),
            "briefing: the reader needs a terminal; for plain text try `briefing list` or `briefing show ID`\n"
        );
        assert!(o.stdout.is_empty(), "{args:?}: nothing drawn");
    }
}

#[test]
fn plain_output_off_a_terminal_has_no_escapes() {
    for args in [
        &["show", "digital-allies"][..],
        &["list"],
        &["figures"],
        &["timeline"],
    ] {
        let o = briefing().args(args).output().expect("runs");
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(!o.stdout.is_empty());
        assert!(
            !o.stdout.contains(&0x1b),
            "{args:?}: escape in plain output"
        );
    }
    // Asked for, colour comes through: the check above can fail.
    let o = briefing()
        .args(["--color", "always", "show", "digital-allies"])
        .output()
        .expect("runs");
    assert!(o.stdout.contains(&0x1b));
}

/// Like `briefing ARGS | head -1`: read one line, close the pipe.
fn head_1(args: &[&str]) -> (String, std::process::Output) {
    let mut child = briefing()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    {
        let out = child.stdout.take().expect("stdout");
        BufReader::new(out).read_line(&mut first).expect("read");
    }
    (first, child.wait_with_output().expect("wait"))
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let long = tmp.path().join("long.md");
    // Far more than a pipe holds, so the writes meet the closed pipe.
    let text = generate::document(2 * 1024 * 1024);
    std::fs::write(&long, text).expect("write");
    let lib = long.to_str().expect("utf-8");
    for args in [
        &["-L", lib, "show", "long"][..],
        &["-L", lib, "figures"],
        &["-L", lib, "figures", "--json"],
        &["-L", lib, "figures", "--csv"],
        &["-L", lib, "list", "--json"],
    ] {
        let (first, o) = head_1(args);
        assert!(!first.is_empty(), "{args:?}");
        assert_eq!(stderr(&o), "", "{args:?}: quiet");
        assert_eq!(o.status.code(), Some(0), "{args:?}");
    }
    let o = run(&["-L", lib, "list"]);
    assert!(stdout(&o).starts_with("long "), "the brief itself loads");
}
