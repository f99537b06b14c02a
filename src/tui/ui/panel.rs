//! The figures and cross-references panel.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::cells;
use crate::sanitize;
use crate::tui::app::{App, Focus};
use crate::tui::panel::{Item, items, place_name};
use crate::tui::theme::Slot;

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
pub fn panel_rows(app: &App, width: usize) -> Vec<PanelRow> {
    let lib = &app.lib;
    let list = items(lib, &app.reader);
    let Some(brief) = lib.brief(app.reader.brief) else {
        return Vec::new();
    };
    let mut out = Vec::new();
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
                if let Some(p) = crate::lookup::percent(&f.value) {
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
            }
            Item::Out { to, .. } => {
                header(&mut out, &mut outs, "SEE ALSO");
                let name = place_name(lib, to, app.reader.brief);
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
                let name = place_name(lib, from, app.reader.brief);
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
    if out.is_empty() {
        wrapped_none(&mut out, width);
    }
    out
}

/// A small horizontal bar for a percentage, in eighths of a cell.
fn bar(p: f64, cells: usize) -> Vec<(String, Slot)> {
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

fn wrapped_none(out: &mut Vec<PanelRow>, width: usize) {
    let text = "No figures or cross-references in this part of the brief.";
    for r in crate::layout::wrap_ranges(text, width.max(4)) {
        out.push(row(None, vec![(text[r].to_owned(), Slot::Dim)]));
    }
}

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let focused = app.focus == Focus::Panel;
    let section = app
        .lib
        .brief(app.reader.brief)
        .and_then(|b| b.section(app.reader.section()))
        .map_or_else(String::new, |s| sanitize::line(&s.title).into_owned());
    super::pane(frame, app, area, &section, focused);
    let inner = Rect {
        x: area.x + 2,
        y: area.y + 1,
        width: area.width.saturating_sub(4),
        height: area.height.saturating_sub(2),
    };
    let rows = panel_rows(app, usize::from(inner.width));
    let cursor = app.panel.cursor;
    // Keep the selected item in view.
    let mut offset = app.panel.offset.min(rows.len().saturating_sub(1));
    if focused && let Some(first) = rows.iter().position(|r| r.item == Some(cursor)) {
        let h = usize::from(inner.height.max(1));
        if first < offset || first >= offset + h {
            offset = first.saturating_sub(1);
        }
    }
    let buf = frame.buffer_mut();
    for (i, r) in rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(inner.height))
    {
        let y = inner.y + u16::try_from(i - offset).unwrap_or(0);
        let mut x = inner.x;
        for (text, slot) in &r.pieces {
            x = cells::put_truncated(buf, x, y, inner.right(), text, app.theme.get(*slot));
        }
        if focused && r.item == Some(cursor) {
            cells::paint(
                buf,
                inner.x.saturating_sub(1),
                y,
                inner.right() + 1,
                app.theme.get(Slot::Selection),
            );
        }
    }
}
