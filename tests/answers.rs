//! `briefing figures QUERY`: every figure listed is an answer or only
//! related, and a question nothing answers says so. Values keep their
//! qualifiers everywhere they are written.

mod common;
use common::{run, stdout};

#[test]
fn json_says_answer_or_related() {
    let o = run(&[
        "figures",
        "what share of korea's chip exports go to china",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let rows = v.as_array().expect("array");
    assert_eq!(rows[0]["id"], "chip-exports-china");
    assert_eq!(rows[0]["match"], "answer");
    assert!(
        rows.iter()
            .all(|r| r["match"] == "answer" || r["match"] == "related")
    );
    // Without a query there is nothing to answer.
    let o = run(&["figures", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .all(|r| r.get("match").is_none())
    );
}

#[test]
fn text_lists_answers_then_a_rule_and_related() {
    let o = run(&["figures", "how much does korea pay for us troops"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("approximately 40 percent  share of the cost"),
        "{out}"
    );
    let rule = lines
        .iter()
        .position(|l| l.starts_with('─'))
        .expect("a rule");
    assert_eq!(lines[rule + 1], "related", "{out}");
}

#[test]
fn a_question_nothing_answers_says_so_first() {
    let o = run(&["figures", "number of us troops in korea"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("No figure answers \"number of us troops in korea\"")
    );
    let related = lines.count();
    assert!((1..=5).contains(&related), "{out}");
    let o = run(&["figures", "us trade deficit with korea", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert!(
        v.as_array()
            .expect("array")
            .iter()
            .all(|r| r["match"] == "related")
    );
}

/// Qualifiers a value may carry, as the issue lists them.
const QUALIFIERS: [&str; 10] = [
    "more than",
    "less than",
    "about",
    "around",
    "nearly",
    "almost",
    "approximately",
    "over",
    "under",
    "roughly",
];

#[test]
fn qualifiers_stay_in_values_never_in_labels() {
    let o = run(&["figures", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let rows = v.as_array().expect("array");
    for r in rows {
        let label = r["label"].as_str().expect("label");
        for q in QUALIFIERS {
            assert!(!label.contains(&format!("({q})")), "{label}");
        }
    }
    let value = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .and_then(|r| r["value"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(value("raw-materials-from-china"), "more than 75 percent");
    assert_eq!(value("yoon-approval"), "around 30 percent");
    assert_eq!(value("taiwan-china-imports"), "less than 10 percent");
    assert_eq!(value("alliance-age"), "more than seventy years");
    // CSV and text write them too.
    let o = run(&["figures", "--csv"]);
    assert!(
        stdout(&o).contains(",more than 77.5 percent,"),
        "{}",
        stdout(&o)
    );
    let o = run(&["figures", "japan import dependence"]);
    assert!(stdout(&o).contains("less than 30 percent  Japan's import dependence on China"));
}
