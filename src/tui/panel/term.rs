//! The panel's head while a glossary term is selected in the text: the
//! term, its expansion, definition and tags, and how many places mention it.

use super::rows::PanelRow;
use crate::doc::Role;
use crate::library::Library;
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::reader::ReaderState;

/// The glossary term selected in the text, if one is.
pub fn selected(lib: &Library, reader: &ReaderState) -> Option<usize> {
    let Some(Role::Term { term, .. }) = reader.selected else {
        return None;
    };
    let t = usize::from(term);
    (t < lib.glossary.terms.len()).then_some(t)
}

/// The rows of the selected term at `width` (none without one); they
/// belong to no item, so the panel's cursor passes them by.
pub fn rows(lib: &Library, reader: &ReaderState, width: usize) -> Vec<PanelRow> {
    let Some(i) = selected(lib, reader) else {
        return Vec::new();
    };
    let Some(t) = lib.glossary.terms.get(i) else {
        return Vec::new();
    };
    let mut out = vec![line("TERM", Slot::PanelHeading)];
    let mut wrapped = |text: &str, slot: Slot| {
        let text = sanitize::line(text);
        for r in crate::layout::wrap_ranges(&text, width.max(4)) {
            out.push(line(&text[r], slot));
        }
    };
    wrapped(&t.term, Slot::FigureValue);
    if let Some(e) = &t.expansion {
        wrapped(e, Slot::FigureLabel);
    }
    wrapped(&t.definition, Slot::Body);
    if !t.tags.is_empty() {
        let tags: Vec<String> = t.tags.iter().map(|g| format!("#{g}")).collect();
        wrapped(&tags.join(" "), Slot::Dim);
    }
    let n = lib.term_places(i).len();
    let places = match n {
        1 => "mentioned in 1 place".to_owned(),
        n => format!("mentioned in {n} places"),
    };
    wrapped(&places, Slot::FigureSource);
    out
}

fn line(text: &str, slot: Slot) -> PanelRow {
    PanelRow {
        item: None,
        pieces: vec![(text.to_owned(), slot)],
    }
}
