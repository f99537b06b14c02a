use super::*;
use crate::model::Origin;

fn file(text: &str) -> SourceFile {
    SourceFile::new("g.toml".into(), Origin::Embedded, text.into())
}

fn parsed(text: &str) -> (Glossary, Vec<String>) {
    let mut diags = Vec::new();
    let g = Glossary::parse(&file(text), &mut diags);
    (g, diags.iter().map(ToString::to_string).collect())
}

#[test]
fn the_builtin_glossary_parses_cleanly() {
    let (g, diags) = Glossary::builtin();
    assert!(diags.is_empty(), "{diags:?}");
    for t in [
        "KORUS FTA",
        "SMA",
        "NCG",
        "CHIPS and Science Act",
        "IRA",
        "ROK",
        "DPRK",
    ] {
        assert!(g.find(t).is_some(), "{t}");
    }
    for (name, term) in [
        ("chip 4", "Chip 4"),
        ("CETs", "CETs"),
        ("the quad", "the Quad"),
        ("USFK", "USFK"),
        ("NSS", "NSS"),
        // Everyday words find the term they stand for.
        ("host-nation support", "SMA"),
        ("furlough", "unpaid leave"),
        ("chip", "semiconductor"),
        ("troops", "USFK"),
        ("survey", "poll"),
        ("Special Measures Agreement", "SMA"),
    ] {
        let i = g.find(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(g.terms[i].term, term, "{name}");
    }
    assert!(
        g.terms
            .iter()
            .all(|t| t.builtin && !t.definition.is_empty())
    );
}

#[test]
fn unknown_keys_and_bad_toml_are_errors_with_their_place() {
    let (g, d) = parsed("[[terms]]\nterm = \"SMA\"\ndefinition = \"x\"\ncolour = \"red\"\n");
    assert!(g.terms.is_empty());
    assert_eq!(d.len(), 1);
    assert!(
        d[0].starts_with("g.toml:4:1: error: glossary: unknown field `colour`"),
        "{d:?}"
    );
    let (_, d) = parsed("[[terms]]\nterm = \"SMA\n");
    assert!(d[0].starts_with("g.toml:2:"), "{d:?}");
    let (_, d) = parsed("[[terms]]\nterm = \"SMA\"\n");
    assert!(d[0].contains("missing field `definition`"), "{d:?}");
}

#[test]
fn duplicate_terms_and_aliases_are_errors_in_any_case() {
    let text = "[[terms]]\nterm = \"SMA\"\naliases = [\"Special Measures Agreement\"]\ndefinition = \"a\"\n\n[[terms]]\nterm = \"sma\"\ndefinition = \"b\"\n\n[[terms]]\nterm = \"X\"\naliases = [\"special measures agreement\"]\ndefinition = \"  \"\n";
    let (g, d) = parsed(text);
    assert_eq!(g.terms.len(), 3);
    assert_eq!(
        d,
        [
            "g.toml:7:8: error: glossary: duplicate term or alias \"sma\" (first on line 2)",
            "g.toml:12:12: error: glossary: duplicate term or alias \"special measures agreement\" (first on line 3)",
            "g.toml:13:14: error: glossary: definition is empty",
        ]
    );
}

#[test]
fn occurrences_are_byte_ranges_of_names_in_a_text() {
    let (g, _) = Glossary::builtin();
    let text = "Seoul’s KORUS FTA gains, the IRA (not an ira), the CHIPS and Science Act and the quad; SMA talks on the Special Measures Agreement.";
    let found: Vec<(&str, &str)> = g
        .occurrences(text)
        .iter()
        .map(|o| (&text[o.range.clone()], g.terms[o.term].term.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("KORUS FTA", "KORUS FTA"),
            ("IRA", "IRA"),
            ("CHIPS and Science Act", "CHIPS and Science Act"),
            ("the quad", "the Quad"),
            ("SMA", "SMA"),
            ("Special Measures Agreement", "SMA"),
        ]
    );
    // Synonyms are a reader's words, not the term written out.
    assert!(g.occurrences("furloughed troops and chips").is_empty());
    assert!(
        g.terms_in("furloughed", &crate::query::tokens("furloughed"))
            .len()
            == 1
    );
}

#[test]
fn see_lists_relate_terms_both_ways_and_name_real_terms() {
    let text = "[[terms]]\nterm = \"A\"\ndefinition = \"a\"\nsee = [\"Bee\"]\n\n[[terms]]\nterm = \"B\"\naliases = [\"Bee\"]\ndefinition = \"b\"\n\n[[terms]]\nterm = \"C\"\ndefinition = \"c\"\nsee = [\"A\", \"B\", \"missing\"]\n";
    let (g, d) = parsed(text);
    assert!(d.is_empty(), "{d:?}");
    let idx = |n: &str| g.find_name(n).unwrap_or_else(|| panic!("{n}"));
    let names = |i: usize| -> Vec<&str> {
        g.related(i)
            .iter()
            .map(|&j| g.terms[j].term.as_str())
            .collect()
    };
    // Declared first, then those that point here; never the term itself.
    assert_eq!(names(idx("A")), ["B", "C"]);
    assert_eq!(names(idx("B")), ["A", "C"]);
    assert_eq!(names(idx("C")), ["A", "B"]);
    // A see names a term; it is never a name of the term that lists it.
    assert_eq!(g.find("missing"), None);
    let errs: Vec<String> = g
        .unresolved_see(|_| true)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errs,
        ["g.toml:14:18: error: glossary: see \"missing\" of \"C\" names no term"]
    );
}

#[test]
fn a_see_is_not_the_term_itself_twice_or_a_synonym() {
    let text = "[[terms]]\nterm = \"A\"\nexpansion = \"Alpha\"\nsynonyms = [\"first\"]\ndefinition = \"a\"\nsee = [\"alpha\", \"B\", \"b\", \"First\"]\n\n[[terms]]\nterm = \"B\"\ndefinition = \"b\"\n";
    let (_, d) = parsed(text);
    assert_eq!(
        d,
        [
            "g.toml:6:8: error: glossary: \"A\" lists itself under see",
            "g.toml:6:22: error: glossary: \"b\" is under see twice",
            "g.toml:6:27: error: glossary: \"First\" is both a synonym and a see of \"A\" (a related term is not the same thing)",
        ]
    );
}

#[test]
fn the_builtin_glossary_keeps_related_terms_apart() {
    let (g, _) = Glossary::builtin();
    for (name, term) in [
        ("reshoring", "reshoring"),
        ("onshoring", "reshoring"),
        ("friend-shoring", "friendshoring"),
        ("de-risking", "de-risking"),
        ("derisk", "de-risking"),
        ("decouple", "decoupling"),
        ("deterrence", "deterrence"),
        ("Nuclear Consultative Group", "NCG"),
    ] {
        let i = g.find(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(g.terms[i].term, term, "{name}");
    }
    for name in ["extended deterrence", "nuclear umbrella"] {
        assert!(g.find(name).is_none(), "{name}");
    }
    let related = |a: &str, b: &str| {
        let (i, j) = (g.find(a).expect("a"), g.find(b).expect("b"));
        g.related(i).contains(&j) && g.related(j).contains(&i)
    };
    assert!(related("friendshoring", "reshoring"));
    assert!(related("decoupling", "de-risking"));
    assert!(related("NCG", "deterrence"));
    assert!(related("NCG", "Washington Declaration"));
    // Each `see` of the built-in glossary names a term.
    assert!(g.unresolved_see(|_| true).is_empty());
}

#[test]
fn a_name_written_with_capitals_beats_a_synonym() {
    let (g, _) = Glossary::builtin();
    let name = |q: &str| g.find(q).map(|i| g.terms[i].term.clone());
    assert_eq!(name("CHIPS").as_deref(), Some("CHIPS and Science Act"));
    assert_eq!(name("chips").as_deref(), Some("semiconductor"));
    assert_eq!(name("CHIPS Act").as_deref(), Some("CHIPS and Science Act"));
}
