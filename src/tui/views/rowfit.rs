//! Rows that say where a thing comes from: a label and its provenance
//! (brief, section, source) share a row so that the provenance is never
//! the part cut off; when the list is narrow each row takes two lines.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_width::UnicodeWidthStr;

use crate::tui::paint::cells;

/// Below this many columns a list row takes two lines: the label, then
/// where it comes from.
pub const TWO_LINES_BELOW: u16 = 100;

/// How many lines each row of a list takes: one when the list is wide and
/// every row (`widths`, label and provenance each) fits whole in `room`
/// columns, else two, so that nothing is cut that a line more would show.
/// Decided for the whole list, so rows do not change shape on scrolling.
pub fn lines(list_width: u16, room: usize, widths: impl Iterator<Item = (usize, usize)>) -> usize {
    if list_width < TWO_LINES_BELOW {
        return 2;
    }
    let mut widths = widths;
    if widths.all(|(label, prov)| label + prov <= room) {
        1
    } else {
        2
    }
}

/// How `room` columns are shared between a label `label_w` wide and its
/// provenance `prov_w` wide: the provenance whole while the label keeps
/// at least a third of the room, else the label keeps that third and the
/// provenance the rest.
pub fn split(room: usize, label_w: usize, prov_w: usize) -> (usize, usize) {
    if label_w + prov_w <= room {
        return (label_w, prov_w);
    }
    let prov = prov_w.min(room - room.div_ceil(3).min(label_w));
    (room - prov, prov)
}

/// Writes `label` then `prov` on one row from `x` to `max_x`, each cut
/// with `…` only within its share (see [`split`]).
#[allow(clippy::too_many_arguments)]
pub fn put_pair(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    label: &str,
    label_style: Style,
    prov: &str,
    prov_style: Style,
) {
    let room = usize::from(max_x.saturating_sub(x));
    let (label_room, _) = split(room, label.width(), prov.width());
    let stop = x.saturating_add(u16::try_from(label_room).unwrap_or(u16::MAX));
    let after = cells::put_truncated(buf, x, y, stop, label, label_style);
    cells::put_truncated(buf, after, y, max_x, prov, prov_style);
}

/// The first of `heights` (rows of one or more lines) to show so that the
/// row `cursor` ends within `lines` lines, as [`super::list::window`]
/// does for rows of one line.
pub fn first_row(heights: &[usize], cursor: usize, lines: usize) -> usize {
    let mut used = 0;
    let mut first = cursor.min(heights.len().saturating_sub(1));
    for i in (0..=first).rev() {
        used += heights.get(i).copied().unwrap_or(1);
        if used > lines.max(1) {
            break;
        }
        first = i;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_provenance_is_kept_while_the_label_has_a_third() {
        assert_eq!(split(80, 30, 40), (30, 40));
        assert_eq!(split(60, 50, 30), (30, 30));
        // A long provenance leaves the label a third.
        assert_eq!(split(60, 50, 70), (20, 40));
        // A short label keeps only what it needs.
        assert_eq!(split(30, 5, 40), (5, 25));
    }

    #[test]
    fn one_line_only_when_every_row_fits_whole() {
        assert_eq!(lines(120, 50, [(20, 30), (10, 5)].into_iter()), 1);
        assert_eq!(lines(120, 50, [(20, 30), (10, 41)].into_iter()), 2);
        assert_eq!(lines(80, 50, [(1, 1)].into_iter()), 2);
    }

    #[test]
    fn rows_of_two_lines_scroll_to_keep_the_cursor_in_view() {
        let h = [1, 2, 2, 2, 1, 2];
        assert_eq!(first_row(&h, 0, 4), 0);
        assert_eq!(first_row(&h, 2, 4), 1);
        assert_eq!(first_row(&h, 3, 4), 2);
        assert_eq!(first_row(&h, 5, 5), 3);
        assert_eq!(first_row(&h, 5, 1), 5);
    }
}
