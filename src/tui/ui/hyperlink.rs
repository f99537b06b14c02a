//! Links out as OSC 8 hyperlinks (`hyperlinks = true` in the config): the
//! terminal then opens them on a click of its own. Each run of a link's
//! text on screen is written as one escape sequence in its first cell,
//! which is given the run's width; the cells it covers are skipped.
//! Only addresses that [`safe_url`] passes are linked, so nothing from a
//! brief can end the sequence early or write another.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use crate::doc::Role;
use crate::model::LinkTarget;
use crate::tui::desk::outside::safe_url;
use crate::tui::views::Scene;

/// Turns the external links on screen into hyperlinks.
pub fn mark(buf: &mut Buffer, cx: &Scene<'_>) {
    let r = &cx.reader;
    let text = cx.geometry.text;
    let Some(brief) = cx.lib.brief(r.brief) else {
        return;
    };
    let bottom = r.top + usize::from(text.height);
    for t in r.layout.targets() {
        let Role::Link(i) = t.role else {
            continue;
        };
        if t.line < r.top || t.line >= bottom {
            continue;
        }
        let Some(LinkTarget::External(url)) = brief.links.get(i as usize).map(|l| &l.target) else {
            continue;
        };
        if !safe_url(url) {
            continue;
        }
        let y = text.y + u16::try_from(t.line - r.top).unwrap_or(u16::MAX);
        let x = text
            .x
            .saturating_add(u16::try_from(t.col).unwrap_or(u16::MAX));
        let end = x
            .saturating_add(u16::try_from(t.width).unwrap_or(u16::MAX))
            .min(text.right());
        link(buf, Rect::new(x, y, end.saturating_sub(x), 1), url);
    }
}

/// Wraps the cells of `area` (one row) in a hyperlink to `url`.
pub fn link(buf: &mut Buffer, area: Rect, url: &str) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let mut shown = String::new();
    let mut x = area.x;
    while x < area.right() {
        let Some(cell) = buf.cell((x, area.y)) else {
            break;
        };
        let sym = cell.symbol();
        shown.push_str(sym);
        x += u16::try_from(sym.width().max(1)).unwrap_or(1);
    }
    let width = x.min(area.right()) - area.x;
    let Some(width) = std::num::NonZeroU16::new(width) else {
        return;
    };
    if let Some(first) = buf.cell_mut((area.x, area.y)) {
        first.set_symbol(&format!("\x1b]8;;{url}\x1b\\{shown}\x1b]8;;\x1b\\"));
        first.set_diff_option(CellDiffOption::ForcedWidth(width));
    }
    for cx in area.x + 1..area.x + width.get() {
        if let Some(c) = buf.cell_mut((cx, area.y)) {
            c.set_diff_option(CellDiffOption::Skip);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;

    #[test]
    fn a_run_becomes_one_sequence_in_its_first_cell() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        buf.set_string(0, 0, "see 한국 now", ratatui::style::Style::default());
        link(&mut buf, Rect::new(4, 0, 4, 1), "https://example.org/k");
        let first = buf.cell((4, 0)).expect("cell");
        assert_eq!(
            first.symbol(),
            "\x1b]8;;https://example.org/k\x1b\\한국\x1b]8;;\x1b\\"
        );
        assert_eq!(
            first.diff_option,
            CellDiffOption::ForcedWidth(std::num::NonZeroU16::new(4).expect("4"))
        );
        for x in 5..8 {
            assert_eq!(
                buf.cell((x, 0)).expect("cell").diff_option,
                CellDiffOption::Skip
            );
        }
        assert_eq!(
            buf.cell((8, 0)).expect("cell").diff_option,
            CellDiffOption::None
        );
        // Drawn, the text after the link stays where it was.
        let mut t = Terminal::new(TestBackend::new(12, 1)).expect("terminal");
        t.draw(|f| *f.buffer_mut() = buf.clone()).expect("draw");
        assert_eq!(
            t.backend().buffer().cell((9, 0)).expect("cell").symbol(),
            "n"
        );
    }
}
