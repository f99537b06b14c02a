use super::*;
use crate::model::{Origin, SourceFile};

fn doc(md: &str) -> Doc {
    let mut d = Vec::new();
    let file = SourceFile::new("t.md".into(), Origin::Embedded, md.into());
    let brief = crate::parse::parse_brief(file, &mut d).expect("brief");
    build(&brief)
}

#[test]
fn tight_lists_have_no_gaps_and_markers_once() {
    let d = doc("Intro\n\n- one\n- two\n  - deep\n");
    let gaps: Vec<bool> = d.blocks.iter().map(|b| b.gap_before).collect();
    assert_eq!(gaps, [false, true, false, false]);
    assert_eq!(
        d.blocks[3].containers,
        [
            Container::Item {
                marker: "•".into(),
                first: false
            },
            Container::Item {
                marker: "◦".into(),
                first: true
            },
        ]
    );
}

#[test]
fn links_and_mentions_are_numbered_in_order() {
    let d = doc("See [a](#x), [b](fig:f) and [c](https://e.org).\n");
    let BlockKind::Paragraph(p) = &d.blocks[0].kind else {
        panic!("paragraph")
    };
    let roles: Vec<Role> = p.runs.iter().map(|(_, s)| s.role).collect();
    assert_eq!(
        roles,
        [
            Role::Text,
            Role::Link(0),
            Role::Text,
            Role::Mention(0),
            Role::Text,
            Role::Link(1),
            Role::Text
        ]
    );
}

#[test]
fn control_characters_never_reach_the_ir() {
    let d = doc("a \x1b[2J b &#27;[31m c &#x9b; d\n\n```\n\x07bell\n```\n");
    for b in &d.blocks {
        let text = match &b.kind {
            BlockKind::Paragraph(p) => p.text.clone(),
            BlockKind::Code { text } => text.clone(),
            _ => String::new(),
        };
        assert!(crate::sanitize::is_clean(&text), "{text:?}");
    }
}

#[test]
fn deep_quotes_are_capped_visually() {
    let md = format!("{}deep\n", "> ".repeat(40));
    let d = doc(&md);
    let b = &d.blocks[0];
    assert_eq!(b.containers.len(), MAX_VISUAL_DEPTH);
    assert_eq!(b.hidden_depth, 40 - MAX_VISUAL_DEPTH as u32);
}

#[test]
fn tables_keep_cells_and_alignment() {
    let d = doc("| a | b |\n|:-:|--:|\n| 1 | 2 |\n");
    let BlockKind::Table(t) = &d.blocks[0].kind else {
        panic!("table")
    };
    assert_eq!(t.aligns, [Align::Center, Align::Right]);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1][1].text, "2");
}
