//! `briefing cite` and `briefing conflicts`: what a figure looks like in a
//! memo, and where the briefs disagree.

mod common;
use common::{run, stderr, stdout};

const LIB: &str = "tests/fixtures/library";

#[test]
fn cite_by_id_writes_value_label_who_and_where() {
    let o = run(&["-L", LIB, "cite", "chip-exports"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "60 percent: share of chip exports going to China (Test Survey, 2023). Test Institute, \
         \"Alpha: A Test Brief on Chips\", 2023, Economy.\n"
    );
}

#[test]
fn cite_a_query_with_one_clear_answer_cites_it_with_the_source_line() {
    let o = run(&[
        "-L",
        LIB,
        "cite",
        "america",
        "first",
        "--sources",
        "tests/fixtures/sources",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "77%: respondents calling the act America First (Daily Poll). Test Institute, \
         \"Alpha: A Test Brief on Chips\", 2023, Opinion. Source text alpha.txt:2.\n"
    );
}

#[test]
fn cite_formats_markdown_and_json() {
    let o = run(&[
        "-L",
        LIB,
        "cite",
        "alpha#chip-exports",
        "--format",
        "markdown",
    ]);
    assert_eq!(
        stdout(&o),
        "**60 percent**: share of chip exports going to China (Test Survey, 2023). Test Institute, \
         *[Alpha: A Test Brief on Chips](https://example.org/alpha)*, 2023, Economy.\n"
    );
    let o = run(&["-L", LIB, "cite", "troops", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["figure"], "troops");
    assert_eq!(v["value"], "28,500");
    assert_eq!(v["brief"], "beta");
    assert_eq!(v["section_title"], "Outlook");
    assert!(v.get("measured_by").is_none(), "source is the publisher");
}

#[test]
fn the_config_chooses_the_citation_style() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "citation = \"json\"\n").expect("write");
    let cfg = cfg.to_string_lossy().into_owned();
    let o = run(&["-L", LIB, "--config", &cfg, "cite", "troops"]);
    assert!(stdout(&o).trim_start().starts_with('{'), "{}", stdout(&o));
    // The flag wins over the config.
    let o = run(&[
        "-L", LIB, "--config", &cfg, "cite", "troops", "--format", "text",
    ]);
    assert!(
        stdout(&o).starts_with("28,500: U.S. troops"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn cite_with_no_match_fails_and_says_so() {
    let o = run(&["-L", LIB, "cite", "zzzqqq"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no figure answers \"zzzqqq\""));
    assert!(stdout(&o).is_empty());
}

#[test]
fn cite_never_guesses() {
    // The right figure, in an analyst's words.
    let o = run(&["cite", "how much does korea pay for us troops"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("approximately 40 percent: share of the cost of stationing"));
    // Nothing answers: the related figures and how to cite one, exit 1.
    let o = run(&["cite", "korean companies invested"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains("no figure answers \"korean companies invested\""),
        "{err}"
    );
    assert!(
        err.contains("  moon-stimulus-plan  $133 billion  size of"),
        "{err}"
    );
    assert!(err.contains("briefing cite moon-stimulus-plan"), "{err}");
    // Two figures answer: the candidates, exit 1.
    let o = run(&["cite", "60 percent"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("ambiguous"), "{err}");
    assert!(err.contains("  chip-exports-china  60 percent  "), "{err}");
    assert!(
        err.contains("  foreign-interference-poll  60 percent  "),
        "{err}"
    );
    // `--first` takes the top one anyway.
    let o = run(&["cite", "60 percent", "--first"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("60 percent: "), "{}", stdout(&o));
    // An id is cited as it always was.
    let o = run(&["cite", "korea-stationing-cost-share", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["value"], "approximately 40 percent");
    assert!(v.get("as_of").is_some(), "as_of is always there");
}

#[test]
fn a_qualified_value_is_cited_whole_with_its_source_line() {
    if !std::path::Path::new("../shared/seeds").is_dir() {
        return;
    }
    let o = run(&[
        "cite",
        "raw-materials-from-china",
        "--sources",
        "../shared/seeds",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with(
            "more than 75 percent: share of essential raw materials Korea imports from China."
        ),
        "{out}"
    );
    assert!(
        out.contains("Source text 001_829741c50366b563.txt:"),
        "{out}"
    );
}

#[test]
fn conflicts_of_the_embedded_library() {
    let o = run(&["conflicts"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("Event us-national-security-strategy-2022: dates differ"),
        "{out}"
    );
    assert!(out.contains("2022-10  Peninsula Plus"), "{out}");
    assert!(out.contains("2022-11  Strategic Tech Cooperation"), "{out}");
    // The 2022 summit (dated 2022-05 in one brief, 2022-05-21 in another)
    // and the 2023 partnership are two happenings, each dated alike.
    for key in [
        "biden-yoon-summit-2022",
        "us-rok-comprehensive-strategic-partnership",
        "global-comprehensive-strategic-alliance",
    ] {
        assert!(!out.contains(key), "{key}: {out}");
    }
    let o = run(&["conflicts", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let nss = v
        .as_array()
        .expect("array")
        .iter()
        .find(|c| c["name"] == "us-national-security-strategy-2022")
        .expect("nss");
    assert_eq!(nss["kind"], "event");
    let briefs: Vec<&str> = nss["sides"]
        .as_array()
        .expect("sides")
        .iter()
        .map(|s| s["brief"].as_str().expect("brief"))
        .collect();
    assert_eq!(briefs, ["peninsula-plus", "strategic-tech-cooperation"]);
}

#[test]
fn a_library_that_agrees_has_no_conflicts() {
    let o = run(&["-L", LIB, "conflicts"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("No disagreements"));
    let o = run(&["-L", LIB, "conflicts", "--json"]);
    assert_eq!(stdout(&o).trim(), "[]");
}

#[test]
fn the_timeline_names_the_other_date_of_a_disputed_event() {
    let o = run(&["timeline"]);
    let out = stdout(&o);
    let nss = out
        .lines()
        .find(|l| l.starts_with("  2022-10 ") && l.contains("National Security Strategy"))
        .unwrap_or_default();
    assert!(nss.contains("· Peninsula Plus › Introduction"), "{out}");
    assert!(
        nss.ends_with("≠ 2022-11 in Strategic Tech Cooperation"),
        "{nss}"
    );
    // An event no other brief dates differently names nothing more.
    let treaty = out
        .lines()
        .find(|l| l.starts_with("  1953 "))
        .unwrap_or_default();
    assert!(!treaty.contains('≠'), "{treaty}");
}
