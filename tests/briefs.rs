//! The embedded briefs are briefs: bottom line first, short, few links.
//! Counted as the issue that set the limits counted them: words of body
//! prose (everything after the front matter, link destinations left out).

mod common;
use common::{run, stdout};

/// Each brief's limit on body words: a third of its source or so.
const LIMITS: [(&str, usize); 5] = [
    ("digital-allies", 350),
    ("global-strategic-partnership", 400),
    ("peninsula-plus", 660),
    ("renew-elevate-modernize", 1200),
    ("strategic-tech-cooperation", 1200),
];

fn body(id: &str) -> String {
    let path = format!("{}/briefs/{id}.md", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut parts = text.splitn(3, "+++");
    match (parts.next(), parts.next(), parts.next()) {
        (Some(""), Some(_), Some(body)) => body.to_owned(),
        _ => text,
    }
}

/// `](destination)` spans of the body, in order.
fn destinations(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find("](") {
        let after = &rest[i + 2..];
        let end = after.find(')').unwrap_or(after.len());
        out.push(&after[..end]);
        rest = &after[end..];
    }
    out
}

fn words(body: &str) -> usize {
    let mut prose = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find("](") {
        prose.push_str(&rest[..=i]);
        let after = &rest[i + 2..];
        rest = after.find(')').map_or("", |e| &after[e + 1..]);
    }
    prose.push_str(rest);
    prose
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Links to another brief (`other.md` or `other.md#anchor`), by brief id.
fn cross_links(body: &str) -> Vec<String> {
    destinations(body)
        .into_iter()
        .filter_map(|d| d.split('#').next()?.strip_suffix(".md").map(str::to_owned))
        .filter(|id| !id.contains('/') && !id.is_empty())
        .collect()
}

#[test]
fn every_brief_keeps_to_its_length() {
    for (id, limit) in LIMITS {
        let n = words(&body(id));
        assert!(n > limit / 3, "{id}: {n} words is not the brief");
        assert!(n <= limit, "{id}: {n} words of body prose, at most {limit}");
    }
}

#[test]
fn every_brief_links_to_at_most_eight_places_in_at_least_two_briefs() {
    for (id, _) in LIMITS {
        let links = cross_links(&body(id));
        assert!(links.len() <= 8, "{id}: {} cross-brief links", links.len());
        let mut others: Vec<&String> = links.iter().filter(|l| *l != id).collect();
        others.sort();
        others.dedup();
        assert!(others.len() >= 2, "{id} links to {others:?}");
    }
}

#[test]
fn every_brief_opens_with_its_bottom_line_and_takeaways() {
    let o = run(&["list", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_default();
    let briefs = v.as_array().cloned().unwrap_or_default();
    assert_eq!(briefs.len(), LIMITS.len());
    for b in &briefs {
        let id = b["id"].as_str().unwrap_or_default();
        let line = b["bottom_line"].as_str().unwrap_or_default();
        assert!(!line.is_empty(), "{id} has no bottom line");
        let n = b["takeaways"].as_array().map_or(0, Vec::len);
        assert!((3..=5).contains(&n), "{id} has {n} takeaways");
        let shown = stdout(&run(&["show", id, "--width", "100"]));
        let first_para = shown.split("\n\n").nth(1).unwrap_or_default();
        assert!(first_para.starts_with("Bottom line. "), "{id}:\n{shown}");
        assert!(shown.contains("\nTakeaways\n• "), "{id}");
    }
}

#[test]
fn every_figure_says_what_kind_it_is() {
    let o = run(&["figures", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_default();
    let figures = v.as_array().cloned().unwrap_or_default();
    assert!(figures.len() > 20);
    for f in &figures {
        assert!(f["kind"].is_string(), "{} has no kind", f["id"]);
    }
    let headline: Vec<&str> = figures
        .iter()
        .filter(|f| f["headline"] == true)
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert!(
        headline.contains(&"chip-exports-china") && headline.contains(&"chips-act-america-first")
    );
}

#[test]
fn the_counts_match_a_hand_count() {
    let b = "Two words [three four](x.md#y) five.\n\n- six [7](fig:z)\n";
    assert_eq!(words(b), 7);
    assert_eq!(cross_links(b), ["x"]);
}
