//! The lead of a brief: its bottom line and takeaways, drawn as a quoted
//! block under the title so the reader sees the conclusion first.

use super::{Block, BlockKind, Container, Doc, Inline, Role, Style, flags};
use crate::model::{Brief, SectionIdx};
use crate::sanitize;

/// The lead's blocks for `brief`, empty when it states neither a bottom line
/// nor takeaways. They belong to the preamble and stand at `offset`.
pub fn blocks(brief: &Brief, offset: usize) -> Vec<Block> {
    let meta = &brief.meta;
    let mut out = Vec::new();
    let block = |kind, containers: Vec<Container>, gap_before| Block {
        kind,
        containers,
        hidden_depth: 0,
        gap_before,
        offset,
        section: SectionIdx(0),
    };
    if let Some(line) = &meta.bottom_line {
        let mut text = Inline::default();
        text.push(
            "Bottom line. ",
            Style {
                role: Role::Text,
                flags: flags::STRONG,
            },
        );
        text.push(&sanitize::line(line), Style::default());
        out.push(block(
            BlockKind::Paragraph(text),
            vec![Container::Quote],
            true,
        ));
    }
    if !meta.takeaways.is_empty() {
        let mut head = Inline::default();
        head.push(
            "Takeaways",
            Style {
                role: Role::Text,
                flags: flags::STRONG,
            },
        );
        out.push(block(
            BlockKind::Paragraph(head),
            vec![Container::Quote],
            !out.is_empty(),
        ));
        for t in &meta.takeaways {
            let item = Container::Item {
                marker: "•".into(),
                first: true,
            };
            out.push(block(
                BlockKind::Paragraph(Inline::plain(&sanitize::line(t), Style::default())),
                vec![Container::Quote, item],
                false,
            ));
        }
    }
    out
}

/// [`super::build`], with the brief's bottom line and takeaways under its
/// title, as the reader shows it.
pub fn build_with_lead(brief: &Brief) -> Doc {
    let mut doc = super::build(brief);
    insert(brief, &mut doc);
    doc
}

/// Puts the lead of `brief` into `doc`, which holds the first blocks of its
/// body: after the title heading when the body opens with one, else first.
pub fn insert(brief: &Brief, doc: &mut Doc) {
    place(doc, blocks(brief, brief.source.body_start));
}

/// Puts `lead` into `doc`, which holds the first blocks of a body.
pub fn place(doc: &mut Doc, mut lead: Vec<Block>) {
    if lead.is_empty() {
        return;
    }
    let at: usize = match doc.blocks.first() {
        Some(b) if matches!(b.kind, BlockKind::Heading { level: 1, .. }) && b.section.0 == 0 => 1,
        _ => 0,
    };
    if let Some(title) = at.checked_sub(1).and_then(|i| doc.blocks.get(i)) {
        let offset = title.offset;
        for b in &mut lead {
            b.offset = offset;
        }
    }
    doc.blocks.splice(at..at, lead);
}
