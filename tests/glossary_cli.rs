//! `briefing glossary`, `briefing figures --explain` and the glossary in
//! `briefing check`, run as a user would.

mod common;
use common::{run, stderr, stdout};

#[test]
fn glossary_shows_a_term_with_its_mentions() {
    let o = run(&["glossary", "host-nation support"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("SMA (Special Measures Agreement): "),
        "{out}"
    );
    assert!(
        out.contains("  mentioned in ") && out.contains("renew-elevate-modernize#"),
        "{out}"
    );
    let o = run(&["glossary", "no such term"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no glossary term"));
}

#[test]
fn glossary_json_lists_every_term_with_mentions() {
    let o = run(&["glossary", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let terms = v.as_array().expect("array");
    assert!(terms.len() >= 40);
    let ira = terms.iter().find(|t| t["term"] == "IRA").expect("IRA");
    assert_eq!(ira["expansion"], "Inflation Reduction Act");
    for key in ["aliases", "synonyms", "definition", "tags", "mentions"] {
        assert!(!ira[key].is_null(), "missing {key}");
    }
    let places = ira["mentions"].as_array().expect("mentions");
    assert!(
        places
            .iter()
            .all(|p| p.as_str().is_some_and(|p| p.contains('#'))),
        "{places:?}"
    );
    assert!(!places.is_empty());
}

#[test]
fn explain_says_which_words_met_which_fields() {
    let o = run(&["figures", "furloughed", "base", "workers", "--explain"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let first = out.lines().next().unwrap_or("");
    assert!(first.contains("4,500"), "{out}");
    assert!(out.contains("furloughed: +"), "{out}");
    assert!(out.contains("glossary \"unpaid leave\" (word)"), "{out}");
    let o = run(&["figures", "60%", "--json", "--explain"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v[0]["value"], "60 percent");
    assert!(
        v[0]["explain"]["words"][0]["reasons"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
}

#[test]
fn check_validates_a_folders_glossary() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("a.md"), "# A\n\nThe Widget Act passed.\n").expect("write");
    std::fs::write(
        dir.path().join("glossary.toml"),
        "[[terms]]\nterm = \"Widget Act\"\ndefinition = \"A law.\"\n\n[[terms]]\nterm = \"Gadget Act\"\ndefinition = \"Another.\"\naliases = [\"widget act\"]\n\n[[terms]]\nterm = \"Unused\"\ndefinition = \"x\"\nsee = \"y\"\n",
    )
    .expect("write");
    let path = dir.path().to_str().expect("utf-8");
    let o = run(&["check", path]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("glossary.toml:13:1: error: glossary: unknown field `see`"),
        "{err}"
    );
    // With the unknown key fixed: the duplicate alias, and a term no
    // brief mentions.
    std::fs::write(
        dir.path().join("glossary.toml"),
        "[[terms]]\nterm = \"Widget Act\"\ndefinition = \"A law.\"\n\n[[terms]]\nterm = \"Gadget Act\"\ndefinition = \"Another.\"\naliases = [\"widget act\"]\n",
    )
    .expect("write");
    let err = stderr(&run(&["check", path]));
    assert!(
        err.contains("glossary.toml:8:12: error: glossary: duplicate term or alias \"widget act\" (first on line 2)"),
        "{err}"
    );
    assert!(
        err.contains("glossary.toml:5:1: warning: glossary: no brief mentions \"Gadget Act\""),
        "{err}"
    );
}
