//! How well `extract` finds statistics: on labelled reports of our own
//! (recall with the right line, precision), and on the library's curated
//! figures, traced to their seed texts.

#![allow(clippy::expect_used)]

use std::path::Path;

use briefing::extract::{self, read::MAX_REPORT_BYTES};
use briefing::library::Library;
use briefing::trace::normalize;

use super::common::fixture;
use super::pdf_fixture;

#[derive(serde::Deserialize)]
struct Labelled {
    report: Vec<Report>,
}

#[derive(serde::Deserialize)]
struct Report {
    file: String,
    stats: Vec<Expected>,
}

#[derive(serde::Deserialize)]
struct Expected {
    value: String,
    line: usize,
}

/// True when one value holds the other, whole words, once normalized
/// (`more than 1,200` holds `1,200`; `73%` is `73 percent`).
fn same_value(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a).0, normalize(b).0);
    let holds = |long: &str, short: &str| {
        long.match_indices(short).any(|(i, _)| {
            let before = long[..i].chars().next_back();
            let after = long[i + short.len()..].chars().next();
            before.is_none_or(|c| !c.is_alphanumeric() && c != '.')
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    };
    !a.is_empty() && !b.is_empty() && (holds(&a, &b) || holds(&b, &a))
}

fn bytes_of(file: &str) -> Vec<u8> {
    if file == "two-page.pdf" {
        return pdf_fixture::bytes();
    }
    std::fs::read(fixture(&format!("extract/{file}"))).expect("fixture")
}

#[test]
fn recall_and_precision_on_labelled_reports() {
    let text = std::fs::read_to_string(fixture("extract/expected.toml")).expect("labels");
    let labelled: Labelled = toml::from_str(&text).expect("labels parse");
    let (mut expected, mut found, mut listed, mut right) = (0u32, 0u32, 0u32, 0u32);
    let mut misses = Vec::new();
    let mut extras = Vec::new();
    for r in &labelled.report {
        let doc = extract::document(&bytes_of(&r.file), &r.file).expect("the fixture reads");
        let got = extract::findings(&doc).statistics;
        expected += u32::try_from(r.stats.len()).expect("few");
        listed += u32::try_from(got.len()).expect("few");
        for e in &r.stats {
            if got
                .iter()
                .any(|c| c.line == e.line && same_value(&c.value, &e.value))
            {
                found += 1;
            } else {
                misses.push(format!("{}:{} {}", r.file, e.line, e.value));
            }
        }
        for c in &got {
            if r.stats
                .iter()
                .any(|e| c.line == e.line && same_value(&c.value, &e.value))
            {
                right += 1;
            } else {
                extras.push(format!("{}:{} {}", r.file, c.line, c.value));
            }
        }
    }
    let recall = f64::from(found) / f64::from(expected);
    let precision = f64::from(right) / f64::from(listed.max(1));
    println!(
        "recall {found}/{expected} = {recall:.3}, precision {right}/{listed} = {precision:.3}"
    );
    println!("missed: {misses:?}\nnot statistics: {extras:?}");
    assert!(recall >= 0.9, "recall {recall:.3}: missed {misses:?}");
    assert!(precision >= 0.8, "precision {precision:.3}: {extras:?}");
}

/// The seeds' folder, beside the project (as CI lays it out).
fn seeds() -> Option<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    dir.is_dir().then_some(dir)
}

#[test]
fn the_curated_figures_are_found_in_their_seed_texts() {
    let Some(dir) = seeds() else {
        eprintln!("no ../shared/seeds: skipped");
        return;
    };
    let lib = Library::from_paths(&[Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs")]);
    let (mut total, mut missed) = (0, Vec::new());
    for b in &lib.briefs {
        let Some(name) = &b.meta.source_text else {
            continue;
        };
        let doc = extract::load(&dir.join(name), MAX_REPORT_BYTES).expect("the seed reads");
        let got = extract::findings(&doc).statistics;
        for f in b.figures() {
            total += 1;
            if !got.iter().any(|c| same_value(&c.value, &f.value)) {
                missed.push(format!("{}#{} \"{}\"", b.meta.id, f.id, f.value));
            }
        }
    }
    println!(
        "curated figures listed: {}/{total}; missed: {missed:?}",
        total - missed.len()
    );
    assert!(total >= 33, "the library has {total} figures");
    assert!(missed.len() <= 3, "missed {missed:?}");
}

#[test]
fn values_compare_by_whole_words() {
    assert!(same_value("more than 1,200", "1,200"));
    assert!(same_value("73%", "73 percent"));
    assert!(!same_value("7.5 percent", "5 percent"));
    assert!(!same_value("120", "12"));
}
