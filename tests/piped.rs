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

#[test]
fn piped_figures_are_one_record_a_line_and_on_a_terminal_fit_its_width() {
    let o = run(&["figures", "chip exports china"]);
    let out = stdout(&o);
    let line = out
        .lines()
        .find(|l| l.contains("60 percent"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(
        line.ends_with("Strategic Tech Cooperation › Economic Security"),
        "one record, one line: {line}"
    );
    // On a 120-column terminal every line fits, broken between words and
    // lined up after the value.
    let home = common::pty::Home::new();
    let mut s = common::pty::Session::start(&home, &["figures", "chip exports china"]);
    assert_eq!(s.wait_exit(), 0);
    let screen = s.screen();
    assert!(screen.contains("60 percent"), "{screen}");
    let rows: Vec<String> = s.with_screen(|sc| sc.rows(0, 120).collect());
    let at = rows
        .iter()
        .position(|r| r.contains("60 percent"))
        .unwrap_or_else(|| panic!("{screen}"));
    let indent = rows[at].find("60 percent").unwrap_or(0) + "60 percent  ".len();
    let next = &rows[at + 1];
    assert!(
        next.len() > indent && next[..indent].trim().is_empty(),
        "the record goes on under its text:\n{screen}"
    );
}
