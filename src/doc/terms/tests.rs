use super::mark;
use crate::doc::{BlockKind, Doc, Role, build_text};
use crate::glossary::Glossary;

fn doc(md: &str) -> Doc {
    let (g, _) = Glossary::builtin();
    let mut d = build_text(md, 0, &[0], None);
    mark(&mut d, &g);
    d
}

/// The texts marked as terms, with their term's name.
fn marked(d: &Doc) -> Vec<(String, String)> {
    let (g, _) = Glossary::builtin();
    let mut out = Vec::new();
    for b in &d.blocks {
        let BlockKind::Paragraph(t) = &b.kind else {
            continue;
        };
        let mut start = 0;
        for (end, st) in &t.runs {
            if let Role::Term { term: i, .. } = st.role {
                out.push((
                    t.text[start..*end as usize].to_owned(),
                    g.terms[i as usize].term.clone(),
                ));
            }
            start = *end as usize;
        }
    }
    out
}

#[test]
fn the_first_occurrence_of_a_term_is_marked_once_per_section() {
    let d = doc("The SMA was signed. The SMA again, and the NCG.\n\nSMA once more.\n");
    assert_eq!(
        marked(&d),
        vec![("SMA".into(), "SMA".into()), ("NCG".into(), "NCG".into())]
    );
}

#[test]
fn china_is_not_marked_but_the_prc_is() {
    let d = doc("Visits to China rose; China said so. The PRC answered.\n");
    assert_eq!(marked(&d), vec![("PRC".into(), "PRC".into())]);
}

#[test]
fn headings_code_links_and_mentions_are_not_marked() {
    let d = doc("## The SMA\n\nSee `SMA` and [the SMA](#x) and [SMA](fig:sma).\n\nNow the SMA.\n");
    assert_eq!(marked(&d), vec![("SMA".into(), "SMA".into())]);
    let BlockKind::Paragraph(t) = &d.blocks[2].kind else {
        panic!("a paragraph");
    };
    assert_eq!(t.text, "Now the SMA.");
}

#[test]
fn a_text_without_terms_is_left_as_built() {
    let md = "Nothing to see here, only plain words.\n";
    let plain = build_text(md, 0, &[0], None);
    assert_eq!(doc(md).blocks, plain.blocks);
}
