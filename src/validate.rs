//! Checks a brief can make on its own: figures, mentions, sections, ids.
//! Checks that need the whole library live in [`crate::library`].

use std::collections::{HashMap, HashSet};

use crate::diag::Diagnostic;
use crate::model::Brief;

pub fn brief(b: &Brief, diags: &mut Vec<Diagnostic>) {
    let name = &b.source.name;
    let id = &b.meta.id;
    if b.meta.has_front_matter && !is_slug(id) {
        diags.push(Diagnostic::error(
            name,
            b.meta.id_pos,
            format!("brief id \"{id}\" is not a slug (lower-case letters, digits and `-`)"),
        ));
    }
    let mentioned: HashSet<&str> = b.mentions.iter().map(|m| m.figure_id.as_str()).collect();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for f in &b.figures {
        if let Some(line) = first.get(f.id.as_str()) {
            diags.push(Diagnostic::error(
                name,
                Some(f.decl),
                format!(
                    "duplicate figure id `{}` (first declared on line {line})",
                    f.id
                ),
            ));
            continue;
        }
        first.insert(&f.id, f.decl.line);
        if f.section.is_none() {
            diags.push(Diagnostic::error(
                name,
                Some(f.decl),
                format!(
                    "figure `{}` names section `{}`, which does not exist",
                    f.id, f.section_anchor
                ),
            ));
        }
        if !mentioned.contains(f.id.as_str()) {
            diags.push(Diagnostic::error(
                name,
                Some(f.decl),
                format!(
                    "figure `{}` is never mentioned in the body (link it as [text](fig:{}))",
                    f.id, f.id
                ),
            ));
        }
    }
    for m in &b.mentions {
        if m.figure.is_none() {
            diags.push(Diagnostic::error(
                name,
                Some(b.source.pos(m.range.start)),
                format!("mention of unknown figure `{}`", m.figure_id),
            ));
        }
    }
    for e in &b.events {
        if e.section.is_none() {
            diags.push(Diagnostic::error(
                name,
                Some(e.decl),
                format!(
                    "event \"{}\" names section `{}`, which does not exist",
                    e.label, e.section_anchor
                ),
            ));
        }
    }
}

/// Lower-case ASCII letters, digits and single inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
