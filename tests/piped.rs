//! Output piped on: lines a script or a copy can use whole.

mod common;
use common::{run, stderr, stdout};

#[test]
fn piped_code_is_never_wrapped() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("notes.md");
    let command = format!("cargo run --release -- {}", "--flag-".repeat(20));
    std::fs::write(&file, format!("# Notes\n\n```sh\n{command}\n```\n")).expect("write");
    let path = file.display().to_string();
    for args in [vec!["show", &path], vec!["show", &path, "--width", "40"]] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = stdout(&o);
        assert!(out.lines().any(|l| l.trim() == command), "{out}");
        assert!(!out.contains('↪'), "{out}");
    }
}

#[test]
fn piped_timeline_and_conflicts_are_one_record_a_line() {
    let o = run(&["timeline"]);
    let out = stdout(&o);
    assert!(
        out.lines().any(|l| l.starts_with("  1953")
            && l.ends_with("Global Strategic Partnership › Introduction")),
        "{out}"
    );
    let o = run(&["conflicts"]);
    let out = stdout(&o);
    assert!(
        out.lines().any(
            |l| l.starts_with("  2022-10  Peninsula Plus › Introduction  (") && l.ends_with(')')
        ),
        "{out}"
    );
}
