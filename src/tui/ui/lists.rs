//! The finding overlays: figure finder, search results, timeline, compare.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::symbols;
use ratatui::widgets::{Clear, LineGauge};

use super::cells;
use crate::lookup::{FIELD_LABEL, FIELD_VALUE};
use crate::sanitize;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::overlays::CompareRow;
use crate::tui::find::TimelineRow;
use crate::tui::keymap::Mode;
use crate::tui::theme::Slot;

/// A row of the results list: the hit it shows (none for a brief heading),
/// its text, and where the match sits in it.
type ResultRow = (Option<usize>, String, Option<(usize, usize)>);

/// A centred box over the screen; returns its inner area.
fn popup(frame: &mut Frame<'_>, app: &App, area: Rect, title: &str, max_w: u16) -> Option<Rect> {
    let w = area.width.saturating_sub(4).min(max_w);
    let h = area.height.saturating_sub(2);
    if w < 20 || h < 5 {
        return None;
    }
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + 1,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    frame
        .buffer_mut()
        .set_style(r, app.theme.get(Slot::Background));
    super::pane(frame, app, r, title, true);
    Some(Rect {
        x: r.x + 2,
        y: r.y + 1,
        width: w.saturating_sub(4),
        height: h.saturating_sub(2),
    })
}

/// First row to show so `cursor` stays in a window of `height` rows.
fn window(cursor: usize, height: usize) -> usize {
    cursor.saturating_sub(height.saturating_sub(1))
}

/// Writes `text` with the characters at `hl` (char indices) highlighted,
/// ending with `…` if it does not fit before `max_x`.
#[allow(clippy::too_many_arguments)]
fn put_marked(
    frame: &mut Frame<'_>,
    x: u16,
    y: u16,
    max_x: u16,
    text: &str,
    hl: &[u32],
    base: Style,
    mark: Style,
) -> u16 {
    let buf = frame.buffer_mut();
    let max_x = max_x.min(buf.area.right());
    let fits = x as usize + unicode_width::UnicodeWidthStr::width(text) <= max_x as usize;
    // Without room for all of it, stop one cell early for the ellipsis.
    let stop = if fits { max_x } else { max_x.saturating_sub(1) };
    let mut x = x;
    for (i, c) in text.chars().enumerate() {
        let st = if hl.binary_search(&(i as u32)).is_ok() {
            base.patch(mark)
        } else {
            base
        };
        let mut tmp = [0u8; 4];
        let nx = cells::put(buf, x, y, stop, c.encode_utf8(&mut tmp), st);
        if nx == x && unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > 0 {
            break;
        }
        x = nx;
    }
    if fits {
        x
    } else {
        cells::put(buf, x, y, max_x, "…", base)
    }
}

pub fn finder(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let Some(inner) = popup(
        frame,
        app,
        area,
        "Find a figure — #tag @brief, enter to open, esc to close",
        120,
    ) else {
        return;
    };
    let theme = &app.theme;
    let f = &app.finder;
    let total = f.index.as_ref().map_or(0, |i| i.entries.len());
    let count = if f.indexing() {
        "indexing…".to_owned()
    } else if f.pending() {
        format!("… {}/{total}", f.hits.len())
    } else {
        format!("{}/{total}", f.hits.len())
    };
    {
        let buf = frame.buffer_mut();
        let x = cells::put(
            buf,
            inner.x,
            inner.y,
            inner.right(),
            "› ",
            theme.get(Slot::Marker),
        );
        let x = cells::put_truncated(
            buf,
            x,
            inner.y,
            inner.right().saturating_sub(12),
            &sanitize::line(&f.query),
            theme.get(Slot::Body),
        );
        cells::put(buf, x, inner.y, inner.right(), "▏", theme.get(Slot::Marker));
        let cw = u16::try_from(unicode_width::UnicodeWidthStr::width(count.as_str())).unwrap_or(0);
        cells::put(
            buf,
            inner.right().saturating_sub(cw),
            inner.y,
            inner.right(),
            &count,
            theme.get(Slot::Dim),
        );
    }
    let list_h = usize::from(inner.height.saturating_sub(2));
    let first = window(f.cursor, list_h);
    let mut engine = f.highlighter.borrow_mut();
    let mark = theme.get(Slot::SearchMatch);
    for (row, hit) in f.hits.iter().enumerate().skip(first).take(list_h) {
        let y = inner.y + 2 + u16::try_from(row - first).unwrap_or(0);
        let (Some(b), Some(fig)) = (
            app.lib.brief(hit.figure.brief),
            app.lib
                .brief(hit.figure.brief)
                .and_then(|b| b.figure(hit.figure.figure)),
        ) else {
            continue;
        };
        let (hv, hl) = f
            .index
            .as_deref()
            .and_then(|i| Some((i, i.hit(hit)?)))
            .map_or((Vec::new(), Vec::new()), |(i, e)| {
                (
                    engine.indices(i, e, FIELD_VALUE, &f.shown),
                    engine.indices(i, e, FIELD_LABEL, &f.shown),
                )
            });
        let vw = 16u16.min(inner.width / 4);
        let value = sanitize::line(&fig.value);
        put_marked(
            frame,
            inner.x,
            y,
            inner.x + vw,
            &value,
            &hv,
            theme.get(Slot::FigureValue),
            mark,
        );
        let x = put_marked(
            frame,
            inner.x + vw + 1,
            y,
            inner.right(),
            &sanitize::line(&fig.label),
            &hl,
            theme.get(Slot::FigureLabel),
            mark,
        );
        let section = fig
            .section
            .and_then(|s| b.section(s))
            .map_or("", |s| s.title.as_str());
        let mut cite = format!("  {} › {} · {}", b.meta.short_title, section, fig.source);
        if let Some(a) = &fig.as_of {
            cite.push_str(" · ");
            cite.push_str(a);
        }
        let buf = frame.buffer_mut();
        cells::put_truncated(
            buf,
            x,
            y,
            inner.right(),
            &sanitize::line(&cite),
            theme.get(Slot::Dim),
        );
        if row == f.cursor {
            cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
        }
    }
    if f.hits.is_empty() {
        let note = if f.indexing() {
            "Gathering the library's figures; what you type is kept."
        } else {
            "No figure matches."
        };
        let buf = frame.buffer_mut();
        cells::put(
            buf,
            inner.x,
            inner.y + 2,
            inner.right(),
            note,
            theme.get(Slot::Dim),
        );
    }
}

pub fn results(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let title = format!(
        "Search the library: \"{}\" — {} hits",
        sanitize::line(&app.search.query),
        app.search.lib_hits.len()
    );
    let Some(inner) = popup(frame, app, area, &title, 120) else {
        return;
    };
    let theme = &app.theme;
    // Rows: brief headings, then hits.
    let mut rows: Vec<ResultRow> = Vec::new();
    let mut last = None;
    for (i, (b, h)) in app.search.lib_hits.iter().enumerate() {
        if last != Some(*b) {
            last = Some(*b);
            let name = app
                .lib
                .brief(*b)
                .map_or(String::new(), crate::model::Brief::display_name);
            rows.push((None, name, None));
        }
        rows.push((Some(i), h.context.clone(), Some(h.at)));
    }
    let rows_h = usize::from(inner.height);
    let cursor_row = rows
        .iter()
        .position(|r| r.0 == Some(app.search.cursor))
        .unwrap_or(0);
    let first = window(cursor_row, rows_h);
    for (ri, (hit, text, at)) in rows.iter().enumerate().skip(first).take(rows_h) {
        let y = inner.y + u16::try_from(ri - first).unwrap_or(0);
        match (hit, at) {
            (Some(i), Some((s, n))) => {
                let hl: Vec<u32> = (*s..s + n).map(|c| c as u32).collect();
                put_marked(
                    frame,
                    inner.x + 2,
                    y,
                    inner.right(),
                    &sanitize::line(text),
                    &hl,
                    theme.get(Slot::Body),
                    theme.get(Slot::SearchMatch),
                );
                if *i == app.search.cursor {
                    cells::paint(
                        frame.buffer_mut(),
                        inner.x,
                        y,
                        inner.right(),
                        theme.get(Slot::Selection),
                    );
                }
            }
            _ => {
                cells::put_truncated(
                    frame.buffer_mut(),
                    inner.x,
                    y,
                    inner.right(),
                    &sanitize::line(text),
                    theme.get(Slot::Heading2),
                );
            }
        }
    }
    if rows.is_empty() {
        cells::put(
            frame.buffer_mut(),
            inner.x,
            inner.y,
            inner.right(),
            "Nothing found.",
            theme.get(Slot::Dim),
        );
    }
}

pub fn timeline(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let Some(inner) = popup(
        frame,
        app,
        area,
        "Timeline — enter to open, esc to close",
        110,
    ) else {
        return;
    };
    let theme = &app.theme;
    let rows = app.timeline_rows();
    let events = app.lib.events();
    let rows_h = usize::from(inner.height);
    let first = window(app.timeline.cursor, rows_h);
    let buf = frame.buffer_mut();
    for (ri, row) in rows.iter().enumerate().skip(first).take(rows_h) {
        let y = inner.y + u16::try_from(ri - first).unwrap_or(0);
        match row {
            TimelineRow::Year(year) => {
                cells::put(
                    buf,
                    inner.x,
                    y,
                    inner.right(),
                    &year.to_string(),
                    theme.get(Slot::Heading1),
                );
            }
            TimelineRow::Event { index, .. } => {
                let Some((b, e)) = events.get(*index) else {
                    continue;
                };
                let x = cells::put(
                    buf,
                    inner.x + 2,
                    y,
                    inner.right(),
                    "│ ",
                    theme.get(Slot::Border),
                );
                let x = cells::put(
                    buf,
                    x,
                    y,
                    inner.right(),
                    &format!("{:<11}", e.date.to_string()),
                    theme.get(Slot::FigureValue),
                );
                let x = cells::put_truncated(
                    buf,
                    x,
                    y,
                    inner.right(),
                    &sanitize::line(&e.label),
                    theme.get(Slot::Body),
                );
                let short = app
                    .lib
                    .brief(*b)
                    .map_or("", |x| x.meta.short_title.as_str());
                cells::put_truncated(
                    buf,
                    x,
                    y,
                    inner.right(),
                    &format!("  · {}", sanitize::line(short)),
                    theme.get(Slot::Dim),
                );
                if ri == app.timeline.cursor {
                    cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
                }
            }
        }
    }
}

pub fn compare(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let title = match &app.compare.tag {
        None => "Compare figures — pick a tag".to_owned(),
        Some(t) => format!("Compare: #{} — h to pick another tag", sanitize::line(t)),
    };
    let Some(inner) = popup(frame, app, area, &title, 110) else {
        return;
    };
    let theme = &app.theme;
    let rows_h = usize::from(inner.height);
    let first = window(app.compare.cursor, rows_h);
    let Some(tag) = &app.compare.tag else {
        let buf = frame.buffer_mut();
        for (i, (t, n)) in app
            .lib
            .figure_tags()
            .iter()
            .enumerate()
            .skip(first)
            .take(rows_h)
        {
            let y = inner.y + u16::try_from(i - first).unwrap_or(0);
            let x = cells::put(
                buf,
                inner.x,
                y,
                inner.right(),
                &format!("#{}", sanitize::line(t)),
                theme.get(Slot::Link),
            );
            cells::put(
                buf,
                x,
                y,
                inner.right(),
                &format!("  {n} figure{}", if *n == 1 { "" } else { "s" }),
                theme.get(Slot::Dim),
            );
            if i == app.compare.cursor {
                cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
            }
        }
        return;
    };
    let rows = app.compare_rows(tag);
    let bar_w = 24u16.min(inner.width / 3);
    for (i, row) in rows.iter().enumerate().skip(first).take(rows_h) {
        let y = inner.y + u16::try_from(i - first).unwrap_or(0);
        match row {
            CompareRow::Brief(b) => {
                let name = app
                    .lib
                    .brief(*b)
                    .map_or(String::new(), crate::model::Brief::display_name);
                cells::put_truncated(
                    frame.buffer_mut(),
                    inner.x,
                    y,
                    inner.right(),
                    &sanitize::line(&name),
                    theme.get(Slot::Heading2),
                );
            }
            CompareRow::Figure { figure, percent } => {
                let Some(f) = app
                    .lib
                    .brief(figure.brief)
                    .and_then(|b| b.figure(figure.figure))
                else {
                    continue;
                };
                let bar = Rect {
                    x: inner.x + 2,
                    y,
                    width: bar_w,
                    height: 1,
                };
                if let Some(p) = percent {
                    let gauge = LineGauge::default()
                        .ratio((p / 100.0).clamp(0.0, 1.0))
                        .label("")
                        .filled_style(theme.get(Slot::Bar))
                        .unfilled_style(theme.get(Slot::Border))
                        .filled_symbol(symbols::line::THICK.horizontal)
                        .unfilled_symbol(symbols::line::NORMAL.horizontal);
                    frame.render_widget(gauge, bar);
                }
                let buf = frame.buffer_mut();
                let x = cells::put(
                    buf,
                    bar.right() + 1,
                    y,
                    inner.right(),
                    &format!("{:<14}", sanitize::line(&f.value)),
                    theme.get(Slot::FigureValue),
                );
                cells::put_truncated(
                    buf,
                    x + 1,
                    y,
                    inner.right(),
                    &sanitize::line(&f.label),
                    theme.get(Slot::FigureLabel),
                );
                if i == app.compare.cursor {
                    cells::paint(
                        buf,
                        inner.x,
                        y,
                        inner.right(),
                        theme.get(Slot::Selection).add_modifier(Modifier::BOLD),
                    );
                }
            }
        }
    }
}

/// One row of a simple list: its text in a style, and dim text after it.
struct SimpleRow {
    text: String,
    style: Slot,
    after: String,
}

/// A popup list of simple rows with a cursor, or `empty` when there are none.
fn simple_list(
    frame: &mut Frame<'_>,
    app: &App,
    area: Rect,
    title: &str,
    rows: &[SimpleRow],
    cursor: usize,
    empty: &str,
) {
    let Some(inner) = popup(frame, app, area, title, 110) else {
        return;
    };
    let theme = &app.theme;
    let buf = frame.buffer_mut();
    if rows.is_empty() {
        cells::put_truncated(
            buf,
            inner.x,
            inner.y,
            inner.right(),
            empty,
            theme.get(Slot::Dim),
        );
        return;
    }
    let h = usize::from(inner.height);
    let first = window(cursor, h);
    for (i, row) in rows.iter().enumerate().skip(first).take(h) {
        let y = inner.y + u16::try_from(i - first).unwrap_or(0);
        let x = cells::put_truncated(
            buf,
            inner.x,
            y,
            inner.right(),
            &sanitize::line(&row.text),
            theme.get(row.style),
        );
        cells::put_truncated(
            buf,
            x,
            y,
            inner.right(),
            &sanitize::line(&row.after),
            theme.get(Slot::Dim),
        );
        if i == cursor {
            cells::paint(buf, inner.x, y, inner.right(), theme.get(Slot::Selection));
        }
    }
}

pub fn bookmarks(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let rows: Vec<SimpleRow> = app
        .bookmark_rows()
        .into_iter()
        .map(|r| SimpleRow {
            style: if r.to.is_some() {
                Slot::Body
            } else {
                Slot::Dim
            },
            after: if r.to.is_some() {
                String::new()
            } else {
                "  (no longer in the library)".into()
            },
            text: r.title,
        })
        .collect();
    let hint = |a| app.keymap.key_for(Mode::List, a).unwrap_or_default();
    let title = format!(
        "Bookmarks — {} to open, {} to delete, {} to close",
        hint(Action::Open),
        hint(Action::Delete),
        hint(Action::Close)
    );
    let empty = format!(
        "No bookmarks yet: {} marks the section you are reading.",
        app.keymap
            .key_for(Mode::Reader, Action::Bookmark)
            .unwrap_or_else(|| "the bookmark key".into())
    );
    simple_list(frame, app, area, &title, &rows, app.lists.bookmarks, &empty);
}

pub fn diagnostics(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let rows: Vec<SimpleRow> = app
        .lib
        .diagnostics
        .iter()
        .map(|d| SimpleRow {
            text: d.to_string(),
            style: if d.is_error() {
                Slot::Error
            } else {
                Slot::Warning
            },
            after: String::new(),
        })
        .collect();
    let title = format!("Problems in the briefs ({}) — esc to close", rows.len());
    simple_list(
        frame,
        app,
        area,
        &title,
        &rows,
        app.lists.diagnostics,
        "No problems: every brief loaded cleanly.",
    );
}
