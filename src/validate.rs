//! Checks a brief can make on its own: figures, mentions, sections, ids.
//! Checks that need the whole library live in [`crate::library`].

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
    // Sorted lists rather than hash sets: a brief has a few hundred
    // figures at most, and this runs for every brief of a library.
    let mut mentioned: Vec<&str> = b.mentions().iter().map(|m| m.figure_id.as_str()).collect();
    mentioned.sort_unstable();
    let mut by_id: Vec<(&str, usize)> = b
        .figures()
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    by_id.sort_unstable();
    // For each figure, the one that first declared its id.
    let mut first = vec![0; b.figures().len()];
    for group in by_id.chunk_by(|a, b| a.0 == b.0) {
        for &(_, i) in group {
            first[i] = group[0].1;
        }
    }
    for (i, f) in b.figures().iter().enumerate() {
        if first[i] != i {
            let line = b.figures()[first[i]].decl.line;
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
        if mentioned.binary_search(&f.id.as_str()).is_err() {
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
    for m in b.mentions() {
        if m.figure.is_none() {
            diags.push(Diagnostic::error(
                name,
                Some(b.source.pos(m.range.start)),
                format!("mention of unknown figure `{}`", m.figure_id),
            ));
        }
    }
    draft_warning(b, diags);
    for e in b.events() {
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

/// One warning per brief that still holds draft figures or events (written
/// by `briefing new`): "3 draft figures to review".
fn draft_warning(b: &Brief, diags: &mut Vec<Diagnostic>) {
    let figures = b.figures().iter().filter(|f| f.draft).count();
    let events = b.events().iter().filter(|e| e.draft).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let message = match (figures, events) {
        (0, 0) => return,
        (0, e) => format!("{} to review", plural(e, "draft event", "draft events")),
        (f, 0) => format!("{} to review", plural(f, "draft figure", "draft figures")),
        (f, e) => format!(
            "{} to review (and {})",
            plural(f, "draft figure", "draft figures"),
            plural(e, "draft event", "draft events")
        ),
    };
    diags.push(Diagnostic::warning(&b.source.name, b.meta.id_pos, message));
}

/// Lower-case ASCII letters, digits and single inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
