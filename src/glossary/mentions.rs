//! Where the briefs mention each glossary term.

use pulldown_cmark::{Event, Parser};

use super::Glossary;
use crate::diag::Diagnostic;
use crate::library::Library;
use crate::model::{BriefIdx, SectionRef};

/// Per term of `g`, the sections whose text names it (the term, an alias
/// or its expansion; link destinations and code are not text), or whose
/// figures' or events' labels do (the reader shows those with the
/// section), in library order, each once.
pub fn mentions(g: &Glossary, lib: &Library) -> Vec<Vec<SectionRef>> {
    let mut out: Vec<Vec<SectionRef>> = vec![Vec::new(); g.terms.len()];
    let mut add = |term: usize, at: SectionRef| {
        if let Some(list) = out.get_mut(term)
            && !list.contains(&at)
        {
            list.push(at);
        }
    };
    for (bi, b) in lib.briefs.iter().enumerate() {
        let labels = b
            .figures
            .iter()
            .map(|f| (f.label.as_str(), f.section))
            .chain(b.events.iter().map(|e| (e.label.as_str(), e.section)));
        for (label, section) in labels {
            let Some(section) = section else { continue };
            for o in g.occurrences(label) {
                add(
                    o.term,
                    SectionRef {
                        brief: BriefIdx(bi),
                        section,
                    },
                );
            }
        }
        let body = b.source.body();
        let base = b.source.body_start;
        for (ev, range) in
            Parser::new_ext(body, crate::parse::markdown_options()).into_offset_iter()
        {
            let Event::Text(text) = ev else {
                continue;
            };
            for o in g.occurrences(&text) {
                let at = SectionRef {
                    brief: BriefIdx(bi),
                    section: b.section_at(base + range.start),
                };
                add(o.term, at);
            }
        }
    }
    out
}

/// A warning for each term that no brief of `lib` mentions. Only the
/// terms of a folder's own glossary are checked, and the built-in ones
/// when `lib` is the built-in library.
pub fn unmentioned(lib: &Library) -> Vec<Diagnostic> {
    let g = &lib.glossary;
    mentions(g, lib)
        .iter()
        .zip(&g.terms)
        .filter(|(m, t)| m.is_empty() && (!t.builtin || lib.embedded))
        .map(|(_, t)| {
            Diagnostic::warning(
                &t.file,
                Some(t.pos),
                format!("glossary: no brief mentions \"{}\"", t.term),
            )
        })
        .collect()
}
