use std::path::PathBuf;

use super::*;
use crate::model::{LinkTarget, SectionIdx};

fn fixture_lib() -> Library {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    Library::from_paths(&[dir])
}

#[test]
fn loads_a_folder_sorted_and_skips_readme() {
    let lib = fixture_lib();
    let ids: Vec<&str> = lib.briefs.iter().map(|b| b.meta.id.as_str()).collect();
    assert_eq!(ids, ["alpha", "beta", "notes"]);
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
}

#[test]
fn cross_references_resolve_to_sections() {
    let lib = fixture_lib();
    let alpha = &lib.briefs[0];
    let beta_ref = alpha
        .links
        .iter()
        .find(|l| matches!(&l.target, LinkTarget::Brief { path, .. } if path == "beta.md"))
        .and_then(|l| l.resolved)
        .expect("resolved");
    assert_eq!(beta_ref.brief, BriefIdx(1));
    assert_eq!(lib.briefs[1].sections[beta_ref.section.0].anchor, "outlook");
    let same = alpha
        .links
        .iter()
        .find(|l| l.target == LinkTarget::Anchor("opinion".into()))
        .and_then(|l| l.resolved)
        .expect("resolved");
    assert_eq!(same.brief, BriefIdx(0));
    assert!(
        alpha
            .links
            .iter()
            .any(|l| matches!(l.target, LinkTarget::External(_)) && l.resolved.is_none())
    );
}

#[test]
fn backlinks_are_computed() {
    let lib = fixture_lib();
    let economy = SectionRef {
        brief: BriefIdx(0),
        section: lib.briefs[0].section_by_anchor("economy").expect("economy"),
    };
    let back: Vec<_> = lib.backlinks_to(economy).collect();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].from.brief, BriefIdx(1));
    // Same-brief links are not backlinks.
    let opinion = SectionRef {
        brief: BriefIdx(0),
        section: lib.briefs[0].section_by_anchor("opinion").expect("opinion"),
    };
    assert_eq!(lib.backlinks_to(opinion).count(), 0);
}

#[test]
fn targets_resolve_ids_and_anchors() {
    let lib = fixture_lib();
    let t = lib.target("beta#outlook").expect("target");
    assert_eq!(t.brief, BriefIdx(1));
    assert_eq!(lib.target("alpha").expect("brief").section, SectionIdx(0));
    assert!(lib.target("alpha#nope").is_err());
    assert!(lib.target("gone").is_err());
}

#[test]
fn a_brief_with_errors_is_dropped_and_links_to_it_unresolve() {
    let files = vec![
        Ok(crate::model::SourceFile::new(
            "a.md".into(),
            crate::model::Origin::Embedded,
            "+++\nid = \"a\"\ntitle = \"A\"\n+++\n## X\n\n[b](b.md#y)\n".into(),
        )),
        Ok(crate::model::SourceFile::new(
            "b.md".into(),
            crate::model::Origin::Embedded,
            "+++\nid = \"b\"\ntitle = \"B\"\n+++\n## Y\n\n[ghost](fig:ghost)\n".into(),
        )),
    ];
    let lib = Library::from_files(files);
    assert_eq!(lib.briefs.len(), 1);
    assert_eq!(lib.error_count(), 1);
    assert_eq!(lib.briefs[0].links[0].resolved, None);
}

#[test]
fn embedded_briefs_parse_without_diagnostics() {
    let lib = Library::embedded();
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
    assert_eq!(lib.briefs.len(), 5);
    for b in &lib.briefs {
        assert!(b.meta.has_front_matter, "{}", b.meta.id);
        assert!(b.pillars().count() >= 2, "{}", b.meta.id);
        let others: std::collections::HashSet<_> = b
            .links
            .iter()
            .filter_map(|l| l.resolved)
            .filter(|r| r.brief != lib.by_id(&b.meta.id).expect("own id"))
            .map(|r| r.brief)
            .collect();
        assert!(
            others.len() >= 2,
            "{} links to fewer than two briefs",
            b.meta.id
        );
    }
}

#[test]
fn events_are_ordered_by_date_then_brief() {
    let lib = Library::embedded();
    let events = lib.events();
    assert!(events.len() > 20);
    for w in events.windows(2) {
        assert!(w[0].1.date <= w[1].1.date);
        if w[0].1.date == w[1].1.date {
            assert!(w[0].0 <= w[1].0);
        }
    }
    assert_eq!(events[0].1.date.year, 1910);
}

#[test]
fn a_panic_while_parsing_is_that_briefs_error() {
    let mut d = Vec::new();
    let got: Option<()> = super::guarded("crafted.md", &mut d, |_| panic!("parser bug"));
    assert!(got.is_none());
    assert_eq!(
        d[0].to_string(),
        "crafted.md: error: the Markdown parser failed on this file; it is left out"
    );
    let got = super::guarded("fine.md", &mut d, |d| {
        d.push(Diagnostic::warning("fine.md", None, "kept"));
        Some(1)
    });
    assert_eq!(got, Some(1));
    assert_eq!(
        d.len(),
        2,
        "diagnostics from a parse that succeeds are kept"
    );
}
