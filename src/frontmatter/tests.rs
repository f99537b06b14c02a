use super::*;
use crate::model::Origin;

#[test]
fn splits_at_byte_zero_only() {
    let t = "+++\nid = \"a\"\n+++\n# Body\n";
    let s = split(t).unwrap().unwrap();
    assert_eq!(&t[s.toml.clone()], "id = \"a\"\n");
    assert_eq!(&t[s.body_start..], "# Body\n");
    assert_eq!(split("\n+++\nid=1\n+++\n").unwrap(), None);
    assert_eq!(split("# T\n\n+++\nx\n+++\n").unwrap(), None);
}

#[test]
fn bom_crlf_and_empty_block() {
    let t = "\u{feff}+++\r\nid = \"a\"\r\n+++\r\nbody";
    let s = split(t).unwrap().unwrap();
    assert_eq!(&t[s.toml.clone()], "id = \"a\"\r\n");
    assert_eq!(&t[s.body_start..], "body");
    let e = split("+++\n+++\n").unwrap().unwrap();
    assert!(e.toml.is_empty());
    assert_eq!(e.body_start, 8);
}

#[test]
fn unclosed_is_an_error() {
    assert_eq!(split("+++\nid = 1\n"), Err(SplitError::Unclosed(0)));
    assert_eq!(split("+++"), Err(SplitError::Unclosed(0)));
}

#[test]
fn a_fence_needs_the_whole_line() {
    assert_eq!(split("++++\nx\n++++\n").unwrap(), None);
    let t = "+++\na = \"+++\"\n+++ \n";
    let s = split(t).unwrap().unwrap();
    assert_eq!(&t[s.toml.clone()], "a = \"+++\"\n");
}

fn parse_str(t: &str) -> (Option<Front>, Vec<Diagnostic>) {
    let file = SourceFile::new("x.md".into(), Origin::Embedded, t.into());
    let s = split(t).unwrap().unwrap();
    let mut d = Vec::new();
    (parse(&file, &s, &mut d), d)
}

#[test]
fn unknown_key_points_at_its_line() {
    let (f, d) = parse_str("+++\nid = \"a\"\ntitle = \"T\"\ncolour = 1\n+++\n");
    assert!(f.is_none());
    assert_eq!(d.len(), 1);
    let s = d[0].to_string();
    assert!(
        s.starts_with("x.md:4:1: error: front matter: unknown field `colour`"),
        "{s}"
    );
}

#[test]
fn figures_keep_their_declaration_line() {
    let t = "+++\nid = \"a\"\ntitle = \"T\"\n\n[[figures]]\nid = \"f\"\nvalue = \"1%\"\nlabel = \"l\"\nsection = \"s\"\nsource = \"src\"\n+++\n";
    let (f, d) = parse_str(t);
    assert!(d.is_empty(), "{d:?}");
    let f = f.unwrap();
    assert_eq!(f.figures.len(), 1);
    assert_eq!(f.figures[0].decl.line, 5);
    assert_eq!(f.meta.short_title, "T");
}

#[test]
fn control_characters_in_metadata() {
    let (_, d) = parse_str("+++\nid = \"a\"\ntitle = \"T\\u001b[2J\"\n+++\n");
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0].to_string(),
        "x.md:3:9: error: title contains control characters: \"T^[[2J\""
    );
}

#[test]
fn second_round_keys_are_read() {
    let t = "+++\nid = \"a\"\ntitle = \"T\"\nbottom_line = \"Short and clear.\"\ntakeaways = [\"One.\", \"Two.\", \"Three.\"]\n\n[[figures]]\nid = \"f\"\nvalue = \"1%\"\nlabel = \"l\"\nsection = \"s\"\nsource = \"src\"\nmeasure = \"chip-share\"\nkind = \"share\"\nheadline = true\n\n[[events]]\ndate = \"2022-10\"\nlabel = \"NSS\"\nsection = \"s\"\nkey = \"nss-2022\"\n+++\n";
    let (f, d) = parse_str(t);
    assert!(d.is_empty(), "{d:?}");
    let f = f.unwrap();
    assert_eq!(f.meta.bottom_line.as_deref(), Some("Short and clear."));
    assert_eq!(f.meta.takeaways, ["One.", "Two.", "Three."]);
    let fig = &f.figures[0];
    assert_eq!(fig.measure.as_deref(), Some("chip-share"));
    assert_eq!(fig.kind, Some(FigureKind::Share));
    assert!(fig.headline && fig.is_share());
    assert_eq!(f.events[0].key.as_deref(), Some("nss-2022"));
}

#[test]
fn limits_of_the_bottom_line_and_takeaways() {
    let long = vec!["word"; 61].join(" ");
    let t = format!(
        "+++\nid = \"a\"\ntitle = \"T\"\nbottom_line = \"{long}\"\ntakeaways = [\"One.\", \"Two.\"]\n+++\n"
    );
    let (_, d) = parse_str(&t);
    let shown: Vec<String> = d.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "x.md:4:15: error: bottom_line has 61 words; at most 60",
            "x.md:5:13: error: takeaways has 2 lines; give 3 to 5",
        ]
    );
    let t = format!(
        "+++\nid = \"a\"\ntitle = \"T\"\ntakeaways = [\"a\", \"b\", \"{}\"]\n+++\n",
        vec!["w"; 26].join(" ")
    );
    let (_, d) = parse_str(&t);
    assert_eq!(d.len(), 1);
    assert!(d[0].to_string().starts_with("x.md:4:"), "{}", d[0]);
    assert!(
        d[0].to_string()
            .ends_with("takeaway has 26 words; at most 25")
    );
}

#[test]
fn a_bad_kind_measure_or_key_is_named() {
    let fig = "[[figures]]\nid = \"f\"\nvalue = \"1%\"\nlabel = \"l\"\nsection = \"s\"\nsource = \"src\"\n";
    let (f, d) = parse_str(&format!(
        "+++\nid = \"a\"\ntitle = \"T\"\n{fig}kind = \"ratio\"\n+++\n"
    ));
    assert!(f.is_none());
    let s = d[0].to_string();
    assert!(
        s.starts_with("x.md:10:8: error: front matter: unknown variant `ratio`"),
        "{s}"
    );
    let (_, d) = parse_str(&format!(
        "+++\nid = \"a\"\ntitle = \"T\"\n{fig}measure = \"Chip Share\"\n+++\n"
    ));
    assert_eq!(
        d[0].to_string(),
        "x.md:10:11: error: figure measure \"Chip Share\" is not a slug (lower-case letters, digits and `-`)"
    );
    let ev = "[[events]]\ndate = \"2022\"\nlabel = \"l\"\nsection = \"s\"\nkey = \"a b\"\n";
    let (_, d) = parse_str(&format!("+++\nid = \"a\"\ntitle = \"T\"\n{ev}+++\n"));
    assert!(
        d[0].to_string().contains("event key \"a b\" is not a slug"),
        "{}",
        d[0]
    );
}
