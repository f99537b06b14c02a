//! The status bar: where you are, and the keys that matter now.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::hints;
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::app::{App, Focus};
use crate::tui::paint::cells;

pub fn draw(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let buf = frame.buffer_mut();
    cells::paint(buf, area.x, area.y, area.right(), theme.get(Slot::Status));
    for x in area.x..area.right() {
        if let Some(c) = buf.cell_mut((x, area.y)) {
            c.set_symbol(" ");
        }
    }
    // The hints are the commands of the top view, or of the reader.
    let mut hints = hints::hints(app);
    let focus = match app.desk.focus {
        Focus::Outline => "outline",
        Focus::Reader => "reader",
        Focus::Panel => "panel",
    };
    // A view with no words of its own (help, the timeline) is over the
    // one below it: over home, the bar speaks of home, not of the reader.
    let scene = app.scene();
    let own = app
        .views
        .stack()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find_map(|v| v.status(&scene));
    let left = match (&app.desk.message, own) {
        // Keys waiting for the rest of a sequence say so first.
        _ if !app.pending_keys().is_empty() => hints::pending(app).unwrap_or_default(),
        (Some(m), _) => format!(" {m}"),
        (None, Some(own)) => own,
        (None, _) if !app.desk.search.query.is_empty() => {
            format!(
                " {}  [{focus}]  /{} {}",
                breadcrumb(app),
                app.desk.search.query,
                app.desk.search.count()
            )
        }
        (None, _) => match selection(app) {
            // What is selected, and where a link goes, before where you are.
            // The section alone, so both fit.
            Some(sel) => {
                let crumb = breadcrumb(app);
                let here = crumb.rsplit(" › ").next().unwrap_or_default();
                format!(" {here} · {}  [{focus}]", sanitize::line(&sel))
            }
            None => format!(" {}  [{focus}]", breadcrumb(app)),
        },
    };
    // The progress of a long brief comes first, so a narrow bar that
    // cuts the breadcrumb short still shows it.
    let left = match app.desk.reader.progress() {
        Some(pct) => format!(" laying out {pct}% ·{left}"),
        None if app.desk.lib.partial => format!(" reading the rest ·{left}"),
        None => left,
    };
    // So does a library still coming in (a first start of a large one).
    let left = match app.catching_up() {
        Some((stored, total)) => format!(" reading {stored}/{total} ·{left}"),
        None => left,
    };
    let left_w = unicode_width::UnicodeWidthStr::width(left.as_str()) + 1;
    let width_of = |h: &[(String, &str)]| -> usize {
        h.iter().map(|(k, l)| k.chars().count() + l.len() + 3).sum()
    };
    // Where you are matters more than the hints: drop hints until it fits.
    while hints.len() > 1 && left_w + width_of(&hints) > usize::from(area.width) {
        hints.pop();
    }
    let hint_w = width_of(&hints);
    let hint_x = area
        .right()
        .saturating_sub(u16::try_from(hint_w).unwrap_or(0));
    let slot = if app.desk.message.is_some() {
        Slot::Warning
    } else {
        Slot::Status
    };
    let limit = if usize::from(area.width) > hint_w + 20 {
        hint_x
    } else {
        area.right()
    };
    cells::put_truncated(
        buf,
        area.x,
        area.y,
        limit,
        &sanitize::line(&left),
        theme
            .get(slot)
            .patch(theme.get(Slot::Status))
            .patch(theme.get(slot)),
    );
    if limit == hint_x {
        let mut x = hint_x;
        for (k, label) in &hints {
            x = cells::put(
                buf,
                x,
                area.y,
                area.right(),
                &format!(" {k}"),
                theme.get(Slot::StatusKey),
            );
            x = cells::put(
                buf,
                x,
                area.y,
                area.right(),
                &format!(" {label} "),
                theme.get(Slot::Status),
            );
        }
    }
}

/// What is selected in the text, while the reader has the focus.
fn selection(app: &App) -> Option<String> {
    let r = &app.desk.reader;
    if app.desk.focus != Focus::Reader {
        return None;
    }
    super::selected::describe(&app.desk.lib, r.brief, r.selected?)
}

/// "Brief › Pillar › Section".
pub fn breadcrumb(app: &App) -> String {
    let Some(b) = app.desk.lib.brief(app.desk.reader.brief) else {
        return String::new();
    };
    let mut parts = vec![b.meta.short_title.clone()];
    for s in b.breadcrumb(app.desk.reader.section()) {
        if let Some(sec) = b.section(s) {
            parts.push(sec.title.clone());
        }
    }
    parts.join(" › ")
}
