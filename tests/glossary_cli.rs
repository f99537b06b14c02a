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
fn a_term_s_own_name_beats_a_synonym() {
    // "chips" is a synonym of semiconductor; CHIPS, as written, starts the
    // CHIPS Act's own names.
    let o = run(&["glossary", "CHIPS"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("CHIPS and Science Act"),
        "{}",
        stdout(&o)
    );
    let o = run(&["glossary", "chips"]);
    assert!(stdout(&o).starts_with("semiconductor"), "{}", stdout(&o));
    let o = run(&["glossary", "chips act"]);
    assert!(
        stdout(&o).starts_with("CHIPS and Science Act"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn glossary_json_lists_every_term_with_mentions() {
    let o = run(&["glossary", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let terms = v.as_array().expect("array");
    assert!(terms.len() >= 40);
    let ira = terms.iter().find(|t| t["term"] == "IRA").expect("IRA");
    assert_eq!(ira["expansion"], "Inflation Reduction Act");
    for key in [
        "aliases",
        "synonyms",
        "see",
        "definition",
        "tags",
        "mentions",
    ] {
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
        "[[terms]]\nterm = \"Widget Act\"\ndefinition = \"A law.\"\n\n[[terms]]\nterm = \"Gadget Act\"\ndefinition = \"Another.\"\naliases = [\"widget act\"]\n\n[[terms]]\nterm = \"Unused\"\ndefinition = \"x\"\nrelated = [\"y\"]\n",
    )
    .expect("write");
    let path = dir.path().to_str().expect("utf-8");
    let o = run(&["check", path]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("glossary.toml:13:1: error: glossary: unknown field `related`"),
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

#[test]
fn related_terms_point_to_each_other_without_being_synonyms() {
    let o = run(&["glossary", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    let terms = v.as_array().expect("array");
    let term = |name: &str| {
        terms
            .iter()
            .find(|t| t["term"] == name)
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    let strings = |t: &serde_json::Value, key: &str| -> Vec<String> {
        t[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect()
    };
    // The sources keep these apart: each pair is related, never synonyms.
    for (a, b) in [
        ("friendshoring", "reshoring"),
        ("decoupling", "de-risking"),
        ("NCG", "deterrence"),
        ("NCG", "Washington Declaration"),
    ] {
        let (ta, tb) = (term(a), term(b));
        assert!(strings(&ta, "see").contains(&b.to_owned()), "{a} -> {b}");
        assert!(strings(&tb, "see").contains(&a.to_owned()), "{b} -> {a}");
        for (t, other) in [(&ta, b), (&tb, a)] {
            let syn = strings(t, "synonyms");
            assert!(
                !syn.iter().any(|s| s.eq_ignore_ascii_case(other)),
                "{syn:?}"
            );
        }
    }
    let ncg = strings(&term("NCG"), "synonyms");
    for merged in ["extended deterrence", "nuclear umbrella", "deterrence"] {
        assert!(!ncg.iter().any(|s| s == merged), "{ncg:?}");
    }
    // Every term carries the key, empty when it has none.
    assert!(terms.iter().all(|t| t["see"].is_array()));
    // The text names them too, and a name of either finds its own term.
    let o = run(&["glossary", "onshoring"]);
    let out = stdout(&o);
    assert!(out.starts_with("reshoring: "), "{out}");
    assert!(out.contains("\n  see: friendshoring\n"), "{out}");
    let out = stdout(&run(&["glossary", "Nuclear Consultative Group"]));
    assert!(
        out.contains("\n  see: deterrence, Washington Declaration\n"),
        "{out}"
    );
}

#[test]
fn check_reports_a_see_that_names_no_term_or_the_same_thing() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(
        dir.path().join("a.md"),
        "# A\n\nThe Widget Act and the Gadget Act.\n",
    )
    .expect("write");
    let path = dir.path().to_str().expect("utf-8");
    // A folder's term may see a built-in term, by any of its names.
    std::fs::write(
        dir.path().join("glossary.toml"),
        "[[terms]]\nterm = \"Widget Act\"\ndefinition = \"A law.\"\nsee = [\"Gadget Act\", \"Special Measures Agreement\"]\n\n[[terms]]\nterm = \"Gadget Act\"\ndefinition = \"Another.\"\n",
    )
    .expect("write");
    let o = run(&["-L", path, "glossary", "Gadget Act"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("\n  see: Widget Act\n"),
        "{}",
        stdout(&o)
    );
    let o = run(&["check", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::write(
        dir.path().join("glossary.toml"),
        "[[terms]]\nterm = \"Widget Act\"\ndefinition = \"A law.\"\nsynonyms = [\"gizmo law\"]\nsee = [\"Nothing Act\", \"widget act\", \"Gizmo Law\", \"cost-sharing\", \"Gadget Act\", \"gadget act\"]\n\n[[terms]]\nterm = \"Gadget Act\"\ndefinition = \"Another.\"\n",
    )
    .expect("write");
    let o = run(&["check", path]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for want in [
        "glossary.toml:5:8: error: glossary: see \"Nothing Act\" of \"Widget Act\" names no term",
        "glossary.toml:5:23: error: glossary: \"Widget Act\" lists itself under see",
        "glossary.toml:5:37: error: glossary: \"Gizmo Law\" is both a synonym and a see of \"Widget Act\"",
        "glossary.toml:5:50: error: glossary: see \"cost-sharing\" of \"Widget Act\" names no term (it is a synonym of \"SMA\")",
        "glossary.toml:5:80: error: glossary: \"gadget act\" is under see twice",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
}
