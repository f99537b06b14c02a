//! The panel's rows, wrapped to its width: drawn by `ui/panel.rs` and
//! hit-tested by a click (`app/mouse.rs`).

use super::{Item, items, place_name};
use crate::library::Library;
use crate::model::FigureRef;
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::conflicts::Conflicts;
use crate::tui::reader::ReaderState;

/// Marks a draft figure in the panel.
pub const DRAFT_GLYPH: &str = "✎";

/// One row of the panel; `item` is the index of the item it belongs to.
#[derive(Debug, Clone)]
pub struct PanelRow {
    pub item: Option<usize>,
    pub pieces: Vec<(String, Slot)>,
}

fn row(item: Option<usize>, pieces: Vec<(String, Slot)>) -> PanelRow {
    PanelRow { item, pieces }
}

fn wrapped(
    out: &mut Vec<PanelRow>,
    item: usize,
    text: &str,
    slot: Slot,
    width: usize,
    indent: &str,
) {
    for r in crate::layout::wrap_ranges(text, width.saturating_sub(indent.len()).max(4)) {
        out.push(row(
            Some(item),
            vec![(format!("{indent}{}", &text[r]), slot)],
        ));
    }
}

/// The panel's rows at `width`: used to draw it and to hit-test clicks.
/// A figure another brief states differently says so under its source.
pub fn rows(
    lib: &Library,
    reader: &ReaderState,
    width: usize,
    disagree: &Conflicts,
) -> Vec<PanelRow> {
    if lib.partial {
        // The first part of a brief alone: its figures, and links from
        // further on, are not known yet, and a list without them would
        // read as the whole.
        let mut out = Vec::new();
        wrapped_none(&mut out, width, true);
        return out;
    }
    let list = items(lib, reader);
    let Some(brief) = lib.brief(reader.brief) else {
        return Vec::new();
    };
    let mut out = super::term::rows(lib, reader, width);
    let header = |out: &mut Vec<PanelRow>, seen: &mut bool, title: &str| {
        if !*seen {
            if !out.is_empty() {
                out.push(row(None, Vec::new()));
            }
            out.push(row(None, vec![(title.to_owned(), Slot::PanelHeading)]));
            *seen = true;
        }
    };
    let (mut figs, mut outs, mut ins) = (false, false, false);
    for (i, it) in list.iter().enumerate() {
        match *it {
            Item::Figure { figure, .. } => {
                header(&mut out, &mut figs, "FIGURES");
                let Some(f) = brief.figure(figure) else {
                    continue;
                };
                if figs && out.last().is_some_and(|r| r.item.is_some()) {
                    out.push(row(None, Vec::new()));
                }
                let mut head = vec![(sanitize::line(&f.value).into_owned(), Slot::FigureValue)];
                // Only a share is a part of a whole that a bar can show.
                if f.is_share()
                    && let Some(p) = crate::lookup::percent(&f.value)
                {
                    head.push(("  ".to_owned(), Slot::Dim));
                    let room = width.saturating_sub(f.value.chars().count() + 2);
                    head.extend(bar(p, room.min(20)));
                }
                out.push(row(Some(i), head));
                wrapped(
                    &mut out,
                    i,
                    &sanitize::line(&f.label),
                    Slot::FigureLabel,
                    width,
                    "",
                );
                let mut cite = f.source.clone();
                if let Some(a) = &f.as_of {
                    cite.push_str(" · ");
                    cite.push_str(a);
                }
                wrapped(
                    &mut out,
                    i,
                    &sanitize::line(&cite),
                    Slot::FigureSource,
                    width,
                    "",
                );
                let r = FigureRef {
                    brief: reader.brief,
                    figure,
                };
                if let Some(note) = disagree.figure_note(lib, r) {
                    wrapped(&mut out, i, &note, Slot::Warning, width, "");
                }
                // Written by `briefing new` and not yet reviewed: said in
                // words, not by colour alone.
                if f.draft {
                    wrapped(
                        &mut out,
                        i,
                        &format!("{DRAFT_GLYPH} draft: to review"),
                        Slot::Warning,
                        width,
                        "",
                    );
                }
            }
            Item::Out { to, .. } => {
                header(&mut out, &mut outs, "SEE ALSO");
                let name = place_name(lib, to, reader.brief);
                wrapped(
                    &mut out,
                    i,
                    &format!("→ {}", sanitize::line(&name)),
                    Slot::Link,
                    width,
                    "",
                );
            }
            Item::In { from, .. } => {
                header(&mut out, &mut ins, "LINKED FROM");
                let name = place_name(lib, from, reader.brief);
                wrapped(
                    &mut out,
                    i,
                    &format!("← {}", sanitize::line(&name)),
                    Slot::Link,
                    width,
                    "",
                );
            }
        }
    }
    if list.is_empty() && !out.is_empty() {
        return out;
    }
    if out.is_empty() {
        wrapped_none(&mut out, width, false);
    }
    out
}

/// A small horizontal bar for a percentage, in eighths of a cell: the
/// panel's, and compare's too, so a share looks the same in both.
pub fn bar(p: f64, cells: usize) -> Vec<(String, Slot)> {
    if cells < 4 {
        return Vec::new();
    }
    #[allow(clippy::cast_sign_loss)]
    let eighths = ((p.clamp(0.0, 100.0) / 100.0) * (cells * 8) as f64).round() as usize;
    let full = eighths / 8;
    let part = eighths % 8;
    let mut filled = "█".repeat(full);
    if part > 0 {
        filled.push(['▏', '▎', '▍', '▌', '▋', '▊', '▉'][part - 1]);
    }
    let used = full + usize::from(part > 0);
    vec![
        (filled, Slot::Bar),
        ("·".repeat(cells.saturating_sub(used)), Slot::Border),
    ]
}

/// No rows: none in this part, or (the brief's first part alone is
/// shown) none known yet.
fn wrapped_none(out: &mut Vec<PanelRow>, width: usize, partial: bool) {
    let text = if partial {
        "Reading the brief's figures and links…"
    } else {
        "No figures or cross-references in this part of the brief."
    };
    for r in crate::layout::wrap_ranges(text, width.max(4)) {
        out.push(row(None, vec![(text[r].to_owned(), Slot::Dim)]));
    }
}
