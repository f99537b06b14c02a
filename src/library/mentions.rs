//! Where the briefs of a library mention each glossary term: above the
//! glossary, which knows terms but not briefs.

use std::ops::ControlFlow;

use pulldown_cmark::{Event, Parser};
use rustc_hash::FxHashSet;

use super::Library;
use crate::diag::Diagnostic;
use crate::glossary::Glossary;
use crate::model::{BriefIdx, SectionRef};

/// Per term of `g`, the sections whose text names it (the term, an alias
/// or its expansion; link destinations and code are not text), or whose
/// figures' or events' labels do (the reader shows those with the
/// section), in library order, each once.
pub fn mentions(g: &Glossary, lib: &Library) -> Vec<Vec<SectionRef>> {
    let mut out: Vec<Vec<SectionRef>> = vec![Vec::new(); g.terms.len()];
    // What is listed already: a long brief names a term in thousands of
    // sections, too many to search its list each time.
    let mut listed: FxHashSet<(usize, SectionRef)> = FxHashSet::default();
    scan(g, lib, |term, at| {
        if let Some(list) = out.get_mut(term)
            && listed.insert((term, at))
        {
            list.push(at);
        }
        ControlFlow::Continue(())
    });
    out
}

/// Calls `found` with every place a term of `g` is named in `lib` (see
/// [`mentions`]), in library order, until it breaks.
fn scan(g: &Glossary, lib: &Library, mut found: impl FnMut(usize, SectionRef) -> ControlFlow<()>) {
    for (bi, b) in lib.briefs.iter().enumerate() {
        let labels = b
            .figures()
            .iter()
            .map(|f| (f.label.as_str(), f.section))
            .chain(b.events().iter().map(|e| (e.label.as_str(), e.section)));
        for (label, section) in labels {
            let Some(section) = section else { continue };
            for o in g.occurrences(label) {
                let at = SectionRef {
                    brief: BriefIdx(bi),
                    section,
                };
                if found(o.term, at).is_break() {
                    return;
                }
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
                if found(o.term, at).is_break() {
                    return;
                }
            }
        }
    }
}

/// A warning for each term that no brief of `lib` mentions. Only the
/// terms of a folder's own glossary are checked, and the built-in ones
/// when `lib` is the built-in library.
pub fn unmentioned(lib: &Library) -> Vec<Diagnostic> {
    let g = &lib.glossary;
    // Only the terms checked are looked for, and only until each is found:
    // a library without a glossary of its own costs no scan at all.
    let mut missing: FxHashSet<usize> = g
        .terms
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.builtin || lib.embedded)
        .map(|(i, _)| i)
        .collect();
    if !missing.is_empty() {
        scan(g, lib, |term, _| {
            missing.remove(&term);
            if missing.is_empty() {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        });
    }
    let mut missing: Vec<usize> = missing.into_iter().collect();
    missing.sort_unstable();
    missing
        .into_iter()
        .filter_map(|i| g.terms.get(i))
        .map(|t| {
            Diagnostic::warning(
                &t.file,
                Some(t.pos),
                format!("glossary: no brief mentions \"{}\"", t.term),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::FILE_NAME;

    #[test]
    fn a_folder_glossary_merges_over_the_builtin_one() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(
            dir.path().join(FILE_NAME),
            "[[terms]]\nterm = \"SMA\"\nexpansion = \"Special Measures Agreement\"\ndefinition = \"Our own.\"\n\n[[terms]]\nterm = \"Widget Act\"\ndefinition = \"A law.\"\n",
        )
        .expect("write");
        std::fs::write(dir.path().join("a.md"), "# A\n\nThe SMA matters.\n").expect("write");
        let lib = Library::from_paths(&[dir.path().to_path_buf()]);
        let g = &lib.glossary;
        let sma = g.find("sma").expect("sma");
        assert_eq!(g.terms[sma].definition, "Our own.");
        assert!(!g.terms[sma].builtin);
        assert!(g.find("IRA").is_some(), "the built-in terms stay");
        // The folder's own term no brief mentions is a warning; built-in
        // terms are not the folder's to mention.
        let w: Vec<String> = unmentioned(&lib).iter().map(ToString::to_string).collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].ends_with(
                "glossary.toml:6:1: warning: glossary: no brief mentions \"Widget Act\""
            ),
            "{w:?}"
        );
        // A broken glossary is reported with the library's problems.
        std::fs::write(dir.path().join(FILE_NAME), "[[terms]]\nterm = 1\n").expect("write");
        let lib = Library::from_paths(&[dir.path().to_path_buf()]);
        assert!(
            lib.diagnostics
                .iter()
                .any(|d| d.is_error() && d.path.ends_with(FILE_NAME))
        );
    }

    #[test]
    fn mentions_name_the_sections_of_the_embedded_library() {
        let lib = Library::embedded();
        let g = &lib.glossary;
        let m = mentions(g, &lib);
        let sma = g.find("SMA").expect("sma");
        assert!(!m[sma].is_empty());
        let missing: Vec<&str> = m
            .iter()
            .zip(&g.terms)
            .filter(|(m, _)| m.is_empty())
            .map(|(_, t)| t.term.as_str())
            .collect();
        assert!(missing.is_empty(), "not mentioned: {missing:?}");
    }
}
