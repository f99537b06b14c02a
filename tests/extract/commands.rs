//! What `extract` and `new` print and write.

#![allow(clippy::expect_used)]

use std::fs;
use std::path::Path;

use super::common::{fixture, run, stderr, stdout};

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn text_of_an_html_page_is_its_article_only() {
    let page = fixture("extract/page.html");
    let out = run(&["extract", "--text", path_str(&page)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Grain, Gas and Guarantees");
    assert!(
        lines.contains(&"Energy"),
        "headings on their own lines: {text}"
    );
    for furniture in [
        "cookies",
        "Subscribe",
        "Related",
        "members online",
        "dataLayer",
        "margin",
        "Harbor Road",
    ] {
        assert!(!text.contains(furniture), "{furniture} left in: {text}");
    }
    // The footnote mark is gone, not glued to the sentence.
    assert!(text.contains("from a single supplier.\n"), "{text}");
}

#[test]
fn text_of_a_pdf_joins_lines_and_drops_running_heads() {
    let dir = tempfile::tempdir().expect("dir");
    let pdf = dir.path().join("report.bin");
    fs::write(&pdf, super::pdf_fixture::bytes()).expect("write");
    let out = run(&["extract", "--text", path_str(&pdf)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains(super::pdf_fixture::HEADER), "{text}");
    assert!(
        text.contains("passenger traffic reached 41 million trips"),
        "{text}"
    );
    assert!(
        text.contains("close. About 6,400 workers"),
        "runs on across the page: {text}"
    );
    assert!(
        text.lines().all(|l| l.trim() != "1" && l.trim() != "2"),
        "page numbers: {text}"
    );
    assert_eq!(text.lines().nth(1), Some("Introduction"));
}

#[test]
fn json_lists_statistics_and_events() {
    let out = run(&["extract", path_str(&fixture("extract/report.txt"))]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v["format"], "text");
    assert_eq!(v["published"], "2024-06-03");
    let stats = v["statistics"].as_array().expect("statistics");
    let c = stats
        .iter()
        .find(|c| c["value"] == "More than 1,200")
        .expect("the qualifier stays in the value");
    assert_eq!(c["kind"], "count");
    assert_eq!(c["line"], 10);
    assert_eq!(c["heading"], "Trade and Investment");
    assert!(
        c["sentence"]
            .as_str()
            .expect("sentence")
            .starts_with("More than 1,200 companies")
    );
    assert!(c["label"].as_str().expect("label").contains("companies"));
    assert!(!c["id"].as_str().expect("id").is_empty());
    let money = stats
        .iter()
        .find(|c| c["value"] == "12 trillion won")
        .expect("won");
    assert_eq!(money["kind"], "money");
    for lookalike in ["232", "2023", "5", "4", "14", "20"] {
        assert!(
            stats.iter().all(|c| c["value"] != lookalike),
            "{lookalike} listed"
        );
    }
    let events = v["events"].as_array().expect("events");
    assert!(
        events
            .iter()
            .any(|e| e["date"] == "1953-10-01" && e["line"] == 17)
    );
    // --json is the default.
    let again = run(&[
        "extract",
        "--json",
        path_str(&fixture("extract/report.txt")),
    ]);
    assert_eq!(stdout(&again), stdout(&out));
}

#[test]
fn new_writes_a_draft_that_check_passes() {
    let dir = tempfile::tempdir().expect("dir");
    let d = path_str(dir.path());
    let out = run(&[
        "new",
        path_str(&fixture("extract/report.txt")),
        "--dir",
        d,
        "--id",
        "harbor-lines",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("harbor-lines.md"), "{said}");
    assert!(
        said.contains(&format!("briefing check {d} --sources {d}/sources")),
        "{said}"
    );
    let draft = fs::read_to_string(dir.path().join("harbor-lines.md")).expect("draft");
    let text = fs::read_to_string(dir.path().join("sources/harbor-lines.txt")).expect("text");
    assert!(
        text.starts_with("Harbor Lines: Shipping, Chips and Alliances in the Western Pacific\n")
    );
    assert!(draft.contains(
        "title = \"Harbor Lines: Shipping, Chips and Alliances in the Western Pacific\""
    ));
    assert!(
        draft.contains("authors = [\"Mara Ellison\", \"Tomas Reyes\"]"),
        "{draft}"
    );
    assert!(draft.contains("published = \"2024-06-03\""));
    assert!(
        draft.contains("# publisher = \"\""),
        "unstated keys stay comments"
    );
    assert!(draft.contains("source_text = \"harbor-lines.txt\""));
    assert!(
        draft.contains("## Trade and Investment\n<!-- source lines 9–15 -->"),
        "{draft}"
    );
    assert!(
        draft.contains("value = \"12 trillion won\"\nlabel = "),
        "{draft}"
    );
    assert!(draft.contains("section = \"trade-and-investment\""));
    assert!(draft.contains("[More than 1,200](fig:"));
    assert_eq!(draft.matches("draft = true").count(), 28 + 4, "{draft}");
    let check = run(&["check", d, "--sources", &format!("{d}/sources")]);
    let err = stderr(&check);
    assert!(check.status.success(), "{err}");
    assert!(
        err.contains("28 draft figures to review (and 4 draft events)"),
        "{err}"
    );
    assert_eq!(err.matches("draft figures to review").count(), 1);
    let figs = run(&["figures", "-L", d, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&figs)).expect("JSON");
    let all = v.as_array().expect("array");
    assert_eq!(all.len(), 28);
    assert!(all.iter().all(|f| f["draft"] == true));
}

#[test]
fn new_never_overwrites_without_force() {
    let dir = tempfile::tempdir().expect("dir");
    let d = path_str(dir.path());
    let src = fixture("extract/page.html");
    let draft = dir.path().join("page.md");
    fs::write(&draft, "mine").expect("write");
    let out = run(&["new", path_str(&src), "--dir", d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("page.md exists; use --force"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&draft).expect("kept"), "mine");
    assert!(
        !dir.path().join("sources/page.txt").exists(),
        "no half of a draft"
    );
    let forced = run(&["new", path_str(&src), "--dir", d, "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    let body = fs::read_to_string(&draft).expect("replaced");
    assert!(body.contains("id = \"page\"") && body.contains("publisher = \"Meridian Review\""));
    assert!(body.contains("title = \"Grain, Gas and Guarantees\""));
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".briefing-new"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left");
}

#[test]
fn new_refuses_an_id_that_is_no_slug() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run(&[
        "new",
        path_str(&fixture("extract/report.txt")),
        "--dir",
        path_str(dir.path()),
        "--id",
        "Bad Id",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a slug"));
    assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 0);
}

#[test]
fn new_on_a_report_without_headings_makes_parts() {
    let dir = tempfile::tempdir().expect("dir");
    let src = dir.path().join("flat.txt");
    let paras: Vec<String> = (1..=10)
        .map(|i| format!("Paragraph {i} says that exports rose {i} percent in the period."))
        .collect();
    fs::write(&src, paras.join("\n")).expect("write");
    let d = path_str(dir.path());
    let out = run(&["new", path_str(&src), "--dir", d]);
    assert!(out.status.success(), "{}", stderr(&out));
    let draft = fs::read_to_string(dir.path().join("flat.md")).expect("draft");
    assert!(
        draft.contains("## Part 1\n<!-- source lines 1–8 -->"),
        "{draft}"
    );
    assert!(
        draft.contains("## Part 2\n<!-- source lines 9–10 -->"),
        "{draft}"
    );
    let check = run(&["check", d, "--sources", &format!("{d}/sources")]);
    assert!(check.status.success(), "{}", stderr(&check));
}
