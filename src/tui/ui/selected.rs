//! What the status bar says of the selection in the text: what it is and,
//! for a link, where it goes.

use crate::doc::Role;
use crate::library::Library;
use crate::model::{BriefIdx, LinkTarget, SectionRef};

/// "link → Peninsula Plus › Introduction", "figure 60 percent: …",
/// "term SMA (Special Measures Agreement)", "note 2"; none without a
/// selection.
pub fn describe(lib: &Library, brief: BriefIdx, role: Role) -> Option<String> {
    let b = lib.brief(brief)?;
    Some(match role {
        Role::Link(i) => {
            let link = b.links.get(i as usize)?;
            let to = match (&link.target, link.resolved) {
                (LinkTarget::External(url), _) => url.clone(),
                (_, Some(r)) => place(lib, brief, r),
                (LinkTarget::Refused(d), _) => format!("{d} (not followed)"),
                (LinkTarget::Anchor(a), None) => format!("#{a} (missing)"),
                (LinkTarget::Brief { path, .. }, None) => format!("{path} (missing)"),
            };
            format!("link → {to}")
        }
        Role::Mention(i) => {
            let m = b.mentions().get(i as usize)?;
            match m.figure.and_then(|f| b.figure(f)) {
                Some(f) => format!("figure {}: {}", f.value, f.label),
                None => format!("figure {} (unknown)", m.figure_id),
            }
        }
        Role::FootnoteRef(n) => format!("note {}", n + 1),
        Role::Term { term, .. } => {
            let t = lib.glossary.terms.get(usize::from(term))?;
            match &t.expansion {
                Some(e) => format!("term {} ({e})", t.term),
                None => format!("term {}", t.term),
            }
        }
        _ => return None,
    })
}

/// "Peninsula Plus › Introduction", or only the section in the same brief.
fn place(lib: &Library, from: BriefIdx, r: SectionRef) -> String {
    let Some(b) = lib.brief(r.brief) else {
        return String::new();
    };
    let title = b.section(r.section).map(|s| s.title.clone());
    match (r.brief == from, title) {
        (true, Some(t)) if r.section.0 > 0 => t,
        (_, Some(t)) if r.section.0 > 0 => format!("{} › {t}", b.meta.short_title),
        _ => b.meta.short_title.clone(),
    }
}
