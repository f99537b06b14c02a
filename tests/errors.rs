//! Errors that say what went wrong and what to do: a missing file, a
//! near-miss id, paths before a command, an empty folder; and `show` of
//! ordinary Markdown without a brief's warnings.

mod common;
use common::{run, stderr, stdout};

#[test]
fn show_of_a_missing_file_says_the_file_does_not_exist() {
    let o = run(&["show", "/nonexistent/briefing-test/notes.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o).trim(),
        "briefing: /nonexistent/briefing-test/notes.md: no such file"
    );
}

#[test]
fn a_near_miss_id_or_anchor_gets_a_did_you_mean() {
    let o = run(&["show", "strategic-tech"]);
    assert!(
        stderr(&o).contains("did you mean \"strategic-tech-cooperation\"?"),
        "{}",
        stderr(&o)
    );
    let o = run(&["show", "strategic-tech-cooperation#economic"]);
    assert!(
        stderr(&o).contains("did you mean \"strategic-tech-cooperation#economic-security\"?"),
        "{}",
        stderr(&o)
    );
    let o = run(&["show", "zzzzzzzz"]);
    assert!(!stderr(&o).contains("did you mean"), "{}", stderr(&o));
}

#[test]
fn a_path_before_a_command_is_read_as_the_library() {
    let o = run(&["tests/fixtures/library", "figures", "--csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("brief,id,value"), "{}", stdout(&o));
}

#[test]
fn a_folder_with_only_a_readme_says_what_was_looked_for() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("README.md"), "# Notes\n").expect("write");
    let path = dir.path().display().to_string();
    let o = run(&[&path]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("no brief to read in {path}")),
        "{err}"
    );
    assert!(err.contains("*.md") && err.contains("README.md"), "{err}");
}

#[test]
fn show_of_ordinary_markdown_prints_no_brief_warnings() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("NOTES.md");
    std::fs::write(
        &file,
        "# Notes\n\nSee [the docs](docs/GUIDE.md) and [the code](src/main.rs).\n",
    )
    .expect("write");
    let o = run(&["show", &file.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("See the docs"), "{}", stdout(&o));
    assert_eq!(stderr(&o), "");
}
