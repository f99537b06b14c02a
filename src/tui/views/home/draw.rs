//! Drawing home: as many cards as fit, as rich as fits, or a list with the
//! selected brief's details below it at narrow widths.

use std::borrow::Cow;
use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Clear;
use unicode_width::UnicodeWidthStr;

use super::{Home, Rows, headline_figures};
use crate::layout::wrap_ranges;
use crate::model::Brief;
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::desk::Desk;
use crate::tui::marks::{READ_GLYPH, REVIEWED_GLYPH};
use crate::tui::paint::cells;
use crate::tui::paint::short_publisher;
use crate::tui::views::Scene;

/// The glyph before the selected brief (besides the selection's colour).
pub const SELECTED_GLYPH: &str = "▶";
/// Below this width home is a list.
pub const LIST_BELOW: u16 = 60;
/// The widest a card runs.
const MAX_CARD_W: u16 = 118;
/// Columns the text of a card is indented by.
const INDENT: u16 = 4;

/// How rich each card is: lines of bottom line, headline figures, and the
/// blank line between cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Richness {
    bottom: usize,
    figures: usize,
    gap: u16,
}

/// The richest first; the first whose cards all fit is taken.
const RICHNESS: [Richness; 9] = [
    Richness::new(4, 3, 1),
    Richness::new(3, 3, 1),
    Richness::new(2, 3, 1),
    Richness::new(1, 3, 1),
    Richness::new(1, 2, 1),
    Richness::new(1, 1, 1),
    Richness::new(0, 1, 1),
    Richness::new(0, 1, 0),
    Richness::new(0, 0, 0),
];

impl Richness {
    const fn new(bottom: usize, figures: usize, gap: u16) -> Self {
        Self {
            bottom,
            figures,
            gap,
        }
    }
}

/// Where each brief goes on screen.
#[derive(Debug, Clone)]
struct Plan {
    /// Cards (with their richness) or a list.
    cards: Option<Richness>,
    /// The column range of the cards or rows.
    x: u16,
    right: u16,
    /// Each brief shown: its index, first row and height.
    placed: Vec<(usize, u16, u16)>,
    /// Below the list: the rows for the selected brief's details.
    detail: Option<Rect>,
}

/// The area home covers: the screen above the status bar.
fn body(cx: &Desk, area: Rect) -> Rect {
    let bottom = cx.geometry.status.y.clamp(area.y, area.bottom());
    Rect {
        height: bottom - area.y,
        ..area
    }
}

/// The brief's conclusion: its bottom line, else its summary.
fn bottom_line(b: &Brief) -> Cow<'_, str> {
    let text = b
        .meta
        .bottom_line
        .as_deref()
        .or(b.meta.summary.as_deref())
        .unwrap_or("");
    sanitize::line(text)
}

fn bottom_lines(b: &Brief, width: u16) -> usize {
    let text = bottom_line(b);
    if text.trim().is_empty() {
        0
    } else {
        wrap_ranges(&text, usize::from(width)).len()
    }
}

fn card_height(b: &Brief, r: Richness, width: u16) -> u16 {
    let lines = 1 + r.bottom.min(bottom_lines(b, width)) + r.figures.min(headline_figures(b).len());
    u16::try_from(lines).unwrap_or(u16::MAX) + r.gap
}

fn plan(cx: &Desk, area: Rect, rows: Rows<'_>, cursor: usize) -> Plan {
    let body = body(cx, area);
    let top = body.y + 2;
    let avail = body.bottom().saturating_sub(top);
    let n = rows.len();
    if body.width < LIST_BELOW {
        let shown = u16::try_from(n).unwrap_or(u16::MAX).min(avail);
        let first = list_first(cursor, usize::from(shown));
        let placed = (first..n)
            .take(usize::from(shown))
            .enumerate()
            .map(|(i, r)| (r, top + u16::try_from(i).unwrap_or(0), 1))
            .collect();
        let detail_y = top + shown + 1;
        let detail = (detail_y < body.bottom()).then(|| Rect {
            x: body.x + 1,
            y: detail_y,
            width: body.width.saturating_sub(2),
            height: body.bottom() - detail_y,
        });
        return Plan {
            cards: None,
            x: body.x + 1,
            right: body.right().saturating_sub(1),
            placed,
            detail,
        };
    }
    let width = body.width.saturating_sub(4).min(MAX_CARD_W);
    let x = body.x + (body.width - width) / 2;
    let text_w = width.saturating_sub(INDENT);
    let height = |row: usize, r: Richness| -> u16 {
        rows.get(row)
            .and_then(|b| cx.lib.brief(b))
            .map_or(1 + r.gap, |b| card_height(b, r, text_w))
    };
    // The richest whose cards all fit; when there are more briefs than
    // rows none can, and only the cards on screen are measured.
    let fits = |r: Richness| {
        let mut total: u32 = 0;
        for row in 0..n {
            total += u32::from(height(row, r));
            if total > u32::from(avail) + u32::from(r.gap) {
                return false;
            }
        }
        true
    };
    let poorest = RICHNESS[RICHNESS.len() - 1];
    let rich = if n > usize::from(avail) {
        poorest
    } else {
        RICHNESS.into_iter().find(|r| fits(*r)).unwrap_or(poorest)
    };
    // Too many briefs for the screen: start late enough that the selected
    // card shows (the gap after the last card shown takes no room).
    let cursor = cursor.min(n.saturating_sub(1));
    let mut first = cursor;
    let mut used = u32::from(height(cursor, rich).saturating_sub(rich.gap));
    while first > 0 {
        let h = u32::from(height(first - 1, rich));
        if used + h > u32::from(avail) {
            break;
        }
        used += h;
        first -= 1;
    }
    let mut y = top;
    let mut placed = Vec::new();
    for row in first..n {
        if y >= body.bottom() {
            break;
        }
        let h = height(row, rich);
        placed.push((row, y, h));
        y = y.saturating_add(h);
    }
    Plan {
        cards: Some(rich),
        x,
        right: x + width,
        placed,
        detail: None,
    }
}

fn list_first(cursor: usize, rows: usize) -> usize {
    cursor.saturating_sub(rows.saturating_sub(1))
}

/// The rows of `home` over the library.
fn rows_of<'a>(cx: &Desk, home: &'a Home) -> Rows<'a> {
    home.rows(cx.lib.briefs.len())
}

/// The row whose card or line holds `p`.
pub fn row_at(cx: &Desk, home: &Home, p: Position) -> Option<usize> {
    let plan = plan(cx, cx.geometry.area, rows_of(cx, home), home.cursor);
    plan.placed
        .iter()
        .find(|(_, y, h)| p.y >= *y && p.y < y + h && p.x >= plan.x && p.x < plan.right)
        .map(|(r, _, _)| *r)
}

/// How many rows a page key moves: as many as show at once.
pub fn per_page(cx: &Desk, home: &Home) -> usize {
    let plan = plan(cx, cx.geometry.area, rows_of(cx, home), home.cursor);
    plan.placed.len().saturating_sub(1).max(1)
}

/// Where the terminal cursor goes: on the selected brief's glyph.
pub fn cursor_at(cx: &Desk, area: Rect, home: &Home) -> Option<Position> {
    let plan = plan(cx, area, rows_of(cx, home), home.cursor);
    plan.placed
        .iter()
        .find(|(r, _, _)| *r == home.cursor)
        .map(|(_, y, _)| Position { x: plan.x, y: *y })
}

pub fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, home: &Home) {
    let body = body(cx, area);
    frame.render_widget(Clear, body);
    frame
        .buffer_mut()
        .set_style(body, cx.theme.get(Slot::Background));
    let rows = rows_of(cx, home);
    let plan = plan(cx, area, rows, home.cursor);
    let buf = frame.buffer_mut();
    title_row(buf, cx, body, &plan, home);
    if rows.is_empty() {
        // Tab searches the briefs' text while the filter line is open.
        let keys = if home.typing {
            "Tab searches their text, Esc shows them all"
        } else {
            "Esc shows them all"
        };
        let note = format!(
            "no brief's name meets \"{}\": {keys}",
            sanitize::line(home.filter().trim())
        );
        cells::put_truncated(
            buf,
            plan.x,
            body.y + 2,
            plan.right,
            &note,
            cx.theme.get(Slot::Dim),
        );
        return;
    }
    for &(row, y, _) in &plan.placed {
        let Some(brief) = rows.get(row).and_then(|b| cx.lib.brief(b)) else {
            continue;
        };
        let selected = row == home.cursor;
        match plan.cards {
            Some(rich) => card(buf, cx, brief, (plan.x, y, plan.right), rich, selected),
            None => header(buf, cx, brief, (plan.x, y, plan.right), selected, false),
        }
    }
    let selected = rows.get(home.cursor).and_then(|b| cx.lib.brief(b));
    if let (Some(r), Some(brief)) = (plan.detail, selected) {
        detail(buf, cx, brief, r);
    }
}

fn title_row(buf: &mut Buffer, cx: &Scene<'_>, body: Rect, plan: &Plan, home: &Home) {
    let theme = &cx.theme;
    let what = if cx.lib.embedded { "Library" } else { "Briefs" };
    let n = cx.lib.briefs.len();
    let rows = rows_of(cx, home);
    let mut title = if home.filter().trim().is_empty() {
        format!("{what} · {n} brief{}", if n == 1 { "" } else { "s" })
    } else {
        format!(
            "{what} · {} of {n} meet \"{}\"",
            rows.len(),
            sanitize::line(home.filter().trim())
        )
    };
    // A list longer than the screen says which part of it shows.
    if let (Some(first), Some(last)) = (plan.placed.first(), plan.placed.last())
        && plan.placed.len() < rows.len()
    {
        let _ = write!(title, " · {}–{}", first.0 + 1, last.0 + 1);
    }
    let x = cells::put_truncated(
        buf,
        plan.x,
        body.y,
        plan.right,
        &title,
        theme.get(Slot::Heading1),
    );
    let legend = format!("{READ_GLYPH} read  {REVIEWED_GLYPH} reviewed");
    let w = u16::try_from(legend.width()).unwrap_or(u16::MAX);
    if plan.right >= x + w + 2 {
        cells::put(
            buf,
            plan.right - w,
            body.y,
            plan.right,
            &legend,
            theme.get(Slot::Dim),
        );
    }
}

/// "CNAS · 2022", or what of it is known.
fn byline(b: &Brief) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &b.meta.publisher {
        parts.push(short_publisher(p));
    }
    if let Some(d) = b.meta.published {
        parts.push(d.year.to_string());
    }
    sanitize::line(&parts.join(" · ")).into_owned()
}

/// The right end of a header: pillars (in cards) and reading progress.
fn standing(cx: &Desk, b: &Brief, pillars: bool) -> String {
    let progress = crate::tui::marks::progress(cx.marks(), b).label();
    if pillars {
        let n = b.pillars().count();
        format!("{n} pillar{} · {progress}", if n == 1 { "" } else { "s" })
    } else {
        progress
    }
}

/// The first row of a card, or a row of the list.
fn header(
    buf: &mut Buffer,
    scene: &Scene<'_>,
    b: &Brief,
    (x, y, right): (u16, u16, u16),
    selected: bool,
    card: bool,
) {
    let theme = &scene.theme;
    let glyph = if selected { SELECTED_GLYPH } else { " " };
    let mut col = cells::put(buf, x, y, right, glyph, theme.get(Slot::Marker));
    col = cells::put(buf, col, y, right, " ", theme.get(Slot::Body));
    let end = standing(scene, b, card);
    let end_w = u16::try_from(end.width()).unwrap_or(u16::MAX);
    let limit = right.saturating_sub(end_w + 2).max(col);
    col = cells::put_truncated(
        buf,
        col,
        y,
        limit,
        &sanitize::line(&b.meta.short_title),
        theme.get(Slot::OutlineBrief),
    );
    if card {
        cells::put_truncated(
            buf,
            col,
            y,
            limit,
            &format!("  {}", byline(b)),
            theme.get(Slot::Dim),
        );
    }
    if right >= x + end_w + 4 {
        cells::put(buf, right - end_w, y, right, &end, theme.get(Slot::Dim));
    }
    if selected {
        cells::paint(buf, x, y, right, theme.get(Slot::Selection));
    }
}

fn card(
    buf: &mut Buffer,
    cx: &Scene<'_>,
    b: &Brief,
    (x, y, right): (u16, u16, u16),
    rich: Richness,
    selected: bool,
) {
    header(buf, cx, b, (x, y, right), selected, true);
    let theme = &cx.theme;
    let tx = x + INDENT;
    let mut row = y + 1;
    let text = bottom_line(b);
    let ranges = wrap_ranges(&text, usize::from(right.saturating_sub(tx)));
    let shown = rich.bottom.min(ranges.len());
    for (i, r) in ranges.iter().take(shown).enumerate() {
        let line = text.get(r.clone()).unwrap_or("");
        let body = theme.get(Slot::Body);
        if i + 1 == shown && shown < ranges.len() {
            // The last line shown of a longer text ends with an ellipsis.
            let cut = format!("{}…", line.trim_end());
            cells::put_truncated(buf, tx, row, right, &cut, body);
        } else {
            cells::put(buf, tx, row, right, line, body);
        }
        row += 1;
    }
    for f in headline_figures(b).iter().take(rich.figures) {
        figure_row(buf, cx, f, (tx, row, right));
        row += 1;
    }
}

fn figure_row(
    buf: &mut Buffer,
    cx: &Scene<'_>,
    f: &crate::model::Figure,
    (x, y, right): (u16, u16, u16),
) {
    let theme = &cx.theme;
    let x = cells::put_truncated(
        buf,
        x,
        y,
        right,
        &sanitize::line(&f.value),
        theme.get(Slot::FigureValue),
    );
    cells::put_truncated(
        buf,
        x,
        y,
        right,
        &format!("  {}", sanitize::line(&f.label)),
        theme.get(Slot::FigureLabel),
    );
}

/// Below the list: the selected brief's byline, figures and bottom line.
fn detail(buf: &mut Buffer, cx: &Scene<'_>, b: &Brief, r: Rect) {
    let theme = &cx.theme;
    let mut y = r.y;
    let n = b.pillars().count();
    let meta = format!(
        "{} · {n} pillar{}",
        byline(b),
        if n == 1 { "" } else { "s" }
    );
    cells::put_truncated(
        buf,
        r.x,
        y,
        r.right(),
        meta.trim_start_matches(" · "),
        theme.get(Slot::Dim),
    );
    y += 1;
    for f in headline_figures(b) {
        if y >= r.bottom() {
            return;
        }
        figure_row(buf, cx, f, (r.x, y, r.right()));
        y += 1;
    }
    let text = bottom_line(b);
    let ranges = wrap_ranges(&text, usize::from(r.width));
    for range in ranges {
        if y >= r.bottom() {
            return;
        }
        let line = text.get(range).unwrap_or("");
        cells::put(buf, r.x, y, r.right(), line, theme.get(Slot::Body));
        y += 1;
    }
}
