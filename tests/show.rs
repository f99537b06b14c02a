//! `briefing show`: prose in its measure, tables as wide as the output.

mod common;
use common::{run, stderr, stdout};

#[test]
fn a_wide_table_uses_the_full_width_not_the_prose_measure() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("t.md");
    let prose = "word ".repeat(60);
    std::fs::write(
        &file,
        format!(
            "# T\n\n{prose}\n\n| City | Agency | Role |\n|---|---|---|\n| Washington, D.C. | Department of Commerce Bureau of Industry and Security | export controls on advanced semiconductors |\n"
        ),
    )
    .expect("write");
    let path = file.display().to_string();
    let o = run(&["show", &path, "--width", "160"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let row = out
        .lines()
        .find(|l| l.starts_with("Washington"))
        .unwrap_or_default();
    assert!(row.starts_with("Washington, D.C. "), "{out}");
    assert!(
        row.contains("Department of Commerce Bureau of Industry and Security"),
        "{out}"
    );
    // The prose keeps its measure.
    assert!(
        out.lines()
            .all(|l| !l.starts_with("word") || l.chars().count() <= 100),
        "{out}"
    );
    // Narrower, the table still fits the width.
    let o = run(&["show", &path, "--width", "60"]);
    assert!(
        stdout(&o).lines().all(|l| l.chars().count() <= 60),
        "{}",
        stdout(&o)
    );
}
