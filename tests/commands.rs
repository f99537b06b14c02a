//! The non-interactive commands, run as a user would.

mod common;
use common::{run, stderr, stdout};

const LIB: &str = "tests/fixtures/library";

#[test]
fn list_json_has_the_promised_fields() {
    let o = run(&["-L", LIB, "list", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let briefs = v.as_array().expect("array");
    assert_eq!(briefs.len(), 3);
    let alpha = &briefs[0];
    assert_eq!(alpha["id"], "alpha");
    assert_eq!(alpha["title"], "Alpha: A Test Brief on Chips");
    assert_eq!(alpha["publisher"], "Test Institute");
    assert_eq!(alpha["published"], "2023-03-15");
    assert_eq!(alpha["figures"], 2);
    let anchors: Vec<&str> = alpha["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| s["anchor"].as_str().expect("anchor"))
        .collect();
    assert_eq!(anchors, ["economy", "detail", "opinion"]);
    assert_eq!(briefs[2]["id"], "notes");
    assert_eq!(briefs[2]["title"], "Plain Notes");
    assert_eq!(briefs[1]["bottom_line"], "Troops stay; the alliance holds.");
    assert_eq!(briefs[1]["takeaways"][2], "Costs are shared.");
    assert_eq!(alpha["bottom_line"], serde_json::Value::Null);
}

#[test]
fn figures_json_has_the_promised_fields() {
    let o = run(&["-L", LIB, "figures", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let first = &v[0];
    for key in ["brief", "id", "value", "label", "section", "source", "tags"] {
        assert!(!first[key].is_null(), "missing {key}");
    }
    assert_eq!(first["brief"], "alpha");
    assert_eq!(first["value"], "60 percent");
    assert_eq!(first["section"], "economy");
    assert_eq!(first["as_of"], "2023");
    assert_eq!(
        first["tags"],
        serde_json::json!(["semiconductors", "trade", "china"])
    );
    assert_eq!(v.as_array().map(Vec::len), Some(3));
}

#[test]
fn figures_query_filters_and_ranks() {
    let o = run(&["-L", LIB, "figures", "troops", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v[0]["id"], "troops");
    let o = run(&["-L", LIB, "figures", "#public-opinion", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(v[0]["id"], "poll-first");
    let o = run(&["-L", LIB, "figures", "@beta", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    let o = run(&["-L", LIB, "figures", "zzzz"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "no figure matches \"zzzz\"\n");
}

#[test]
fn figures_csv() {
    let o = run(&["-L", LIB, "figures", "--csv"]);
    assert_eq!(
        stdout(&o),
        "brief,id,value,label,section,section_title,source,as_of,tags,measure,kind,headline,draft\n\
         alpha,chip-exports,60 percent,share of chip exports going to China,economy,Economy,Test Survey,2023,semiconductors;trade;china,,,false,false\n\
         alpha,poll-first,77%,respondents calling the act America First,opinion,Opinion,Daily Poll,,public-opinion;semiconductors,,,false,false\n\
         beta,troops,\"28,500\",U.S. troops stationed in Korea,outlook,Outlook,Other Institute,,defense,,,false,false\n"
    );
}

#[test]
fn csv_cells_a_spreadsheet_would_evaluate_are_neutralised_and_json_stays_exact() {
    let o = run(&["-L", "tests/fixtures/formula", "figures", "--csv"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let row = out.lines().nth(1).unwrap_or_default();
    assert_eq!(
        row,
        "evil,formula,\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\",'+1+2 a label that looks like a sum,data,Data,'@SUM(A1:A2),'-2023,trade,,,false,false"
    );
    let o = run(&["-L", "tests/fixtures/formula", "figures", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(
        json[0]["value"],
        "=HYPERLINK(\"http://example.org\",\"click\")"
    );
    assert_eq!(json[0]["source"], "@SUM(A1:A2)");
}

#[test]
fn show_renders_a_brief_as_plain_text() {
    let o = run(&["-L", LIB, "show", "beta", "--width", "60"]);
    assert_eq!(o.status.code(), Some(0));
    let expected = "\
Beta: Another Test Brief
Other Institute · November 2020

Bottom line. Troops stay; the alliance holds.

Takeaways
• Forces remain in Korea.
• The alliance turns seventy.
• Costs are shared.

The second brief.

Beta
════

Outlook
───────

About 28,500[1] troops. Compare Alpha on the economy[2].

• first point
• second point
  ◦ nested point

│ A quoted line.

[1] 28,500 — U.S. troops stationed in Korea (Other
    Institute)
[2] → Alpha › Economy
";
    assert_eq!(stdout(&o), expected);
}

#[test]
fn show_a_section_with_table_code_and_links() {
    let o = run(&["-L", LIB, "show", "alpha#economy", "--width", "60"]);
    let out = stdout(&o);
    assert!(out.starts_with("Economy\n───────\n"), "{out}");
    assert!(
        out.contains("Item  │ Share\n──────┼──────\nChips │   60%\n"),
        "{out}"
    );
    assert!(
        out.contains("[2] → Beta › Outlook\n[3] → Opinion\n"),
        "{out}"
    );
    assert!(
        out.contains("\n  code    with tab\n"),
        "tab expanded: {out}"
    );
    assert!(
        !out.contains("In one poll"),
        "other sections left out: {out}"
    );
}

#[test]
fn show_unknown_target_is_a_usage_error() {
    let o = run(&["-L", LIB, "show", "alpha#nowhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "briefing: brief \"alpha\" has no section \"#nowhere\"\n"
    );
    let o = run(&["show", "nope"]);
    assert_eq!(
        stderr(&o),
        "briefing: no brief with id \"nope\" (see `briefing list`)\n"
    );
}

#[test]
fn timeline_is_ordered_by_date() {
    let o = run(&["-L", LIB, "timeline", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let dates: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|e| e["date"].as_str().expect("date"))
        .collect();
    assert_eq!(dates, ["2021", "2022-08", "2023"]);
    assert_eq!(v[2]["brief"], "beta");
    let o = run(&["-L", LIB, "timeline"]);
    assert_eq!(
        stdout(&o),
        "2021\n  2021        Talks begin  · Alpha › Opinion\n\n2022\n  2022-08     The act is signed  · Alpha › Economy\n\n2023\n  2023        70th anniversary of the alliance  · Beta › Outlook\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["figures", "--json", "--csv"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn help_for_each_command() {
    for cmd in ["list", "show", "figures", "timeline", "check", "read"] {
        let o = run(&[cmd, "--help"]);
        assert_eq!(o.status.code(), Some(0), "{cmd}");
        assert!(stdout(&o).contains("Usage: briefing"), "{cmd}");
    }
}

#[test]
fn embedded_library_lists_five_briefs() {
    let o = run(&["list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let ids: Vec<&str> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|b| b["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "digital-allies",
            "global-strategic-partnership",
            "peninsula-plus",
            "renew-elevate-modernize",
            "strategic-tech-cooperation"
        ]
    );
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn show_a_markdown_file_by_path() {
    // Before: "no brief with id" for each of these.
    let o = run(&["show", "README.md", "--width", "60"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("briefing\n════════\n"),
        "{}",
        stdout(&o)
    );
    let abs = common::fixture("library/notes.md");
    let abs = abs.to_str().expect("utf-8 path");
    for target in [
        "tests/fixtures/library/notes.md",
        "./tests/fixtures/library/notes.md",
        abs,
    ] {
        let o = run(&["show", target, "--width", "60"]);
        assert_eq!(o.status.code(), Some(0), "{target}: {}", stderr(&o));
        assert!(
            stdout(&o).starts_with("Plain Notes\n"),
            "{target}: {}",
            stdout(&o)
        );
    }
    // A section of a file, whose links to the files beside it resolve.
    let o = run(&["show", "./tests/fixtures/library/beta.md#outlook"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("Outlook\n"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("[2] → Alpha › Economy"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn show_honours_the_theme_and_refuses_an_unknown_one() {
    let o = run(&["show", "beta", "-L", LIB, "--theme", "nosuch"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no theme named \"nosuch\""),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "");
    let styled = |theme: &str| {
        let o = run(&[
            "show", "beta", "-L", LIB, "--color", "always", "--theme", theme,
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    let (dark, light) = (styled("dark"), styled("light"));
    assert!(dark.contains("\x1b["), "{dark}");
    assert_ne!(dark, light);
    // Piped with no colour asked for, a theme changes nothing.
    let plain = run(&["show", "beta", "-L", LIB, "--theme", "light"]);
    assert!(!stdout(&plain).contains('\x1b'));
}

#[test]
fn counts_agree_with_their_number() {
    let o = run(&["-L", LIB, "list"]);
    let out = stdout(&o);
    assert!(out.contains("·  1 pillar, 1 figure\n"), "{out}");
    assert!(out.contains("·  2 pillars, 2 figures\n"), "{out}");
}

#[test]
fn plain_figures_keep_source_and_year_apart() {
    let o = run(&["-L", LIB, "figures", "chip"]);
    let out = stdout(&o);
    assert!(
        out.contains("· Test Survey, 2023 · Alpha › Economy"),
        "{out}"
    );
}
