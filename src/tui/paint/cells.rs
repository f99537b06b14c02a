//! Writing text into the buffer cell by cell: graphemes measured with
//! unicode-width, clipped at the area's edge, never indexing out of bounds.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Writes `text` at (`x`, `y`) up to column `max_x` (exclusive); returns the
/// column after the last cell written. A grapheme that does not fit whole is
/// left out, so a wide character never straddles the edge.
pub fn put(buf: &mut Buffer, x: u16, y: u16, max_x: u16, text: &str, style: Style) -> u16 {
    let max_x = max_x.min(buf.area.right());
    if y < buf.area.top() || y >= buf.area.bottom() {
        return x;
    }
    let mut x = x;
    // Printable ASCII is a grapheme a byte, each one column wide: most of
    // a brief's text, written without the segmenter.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        for i in 0..text.len() {
            if x >= max_x {
                break;
            }
            if let (Some(cell), Some(g)) = (buf.cell_mut((x, y)), text.get(i..=i)) {
                cell.set_symbol(g).set_style(style);
            }
            x += 1;
        }
        return x;
    }
    for g in text.graphemes(true) {
        let w = UnicodeWidthStr::width(g);
        if w == 0 {
            continue;
        }
        let w16 = u16::try_from(w).unwrap_or(u16::MAX);
        if x.saturating_add(w16) > max_x {
            break;
        }
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_symbol(g).set_style(style);
        }
        for i in 1..w16 {
            if let Some(cell) = buf.cell_mut((x + i, y)) {
                cell.reset();
                cell.set_style(style);
            }
        }
        x += w16;
    }
    x
}

/// Like [`put`], but ends with `…` when the text does not fit.
pub fn put_truncated(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    max_x: u16,
    text: &str,
    style: Style,
) -> u16 {
    let avail = usize::from(max_x.saturating_sub(x));
    if UnicodeWidthStr::width(text) <= avail {
        return put(buf, x, y, max_x, text, style);
    }
    let end = put(buf, x, y, max_x.saturating_sub(1), text, style);
    put(buf, end, y, max_x, "…", style)
}

/// Paints `style` over a row segment.
pub fn paint(buf: &mut Buffer, x: u16, y: u16, max_x: u16, style: Style) {
    for cx in x..max_x.min(buf.area.right()) {
        if let Some(cell) = buf.cell_mut((cx, y)) {
            cell.set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    #[test]
    fn wide_graphemes_never_straddle_the_edge() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 2, 1));
        let end = put(&mut buf, 0, 0, 2, "a🌞b", Style::default());
        assert_eq!(end, 1);
        assert_eq!(
            buf.cell((0, 0)).map(ratatui::buffer::Cell::symbol),
            Some("a")
        );
        let mut buf = Buffer::empty(Rect::new(0, 0, 1, 1));
        assert_eq!(put(&mut buf, 0, 0, 1, "🌞", Style::default()), 0);
    }

    #[test]
    fn ascii_is_written_as_the_segmenter_would_write_it() {
        // The same text with a last character that is not ASCII takes the
        // segmenter's way; up to it, the two must agree at every width.
        let row = |buf: &Buffer| -> String {
            (0..buf.area.width)
                .filter_map(|x| buf.cell((x, 0)).map(|c| c.symbol().to_owned()))
                .collect()
        };
        for width in 0..=11 {
            let (mut fast, mut slow) = (
                Buffer::empty(Rect::new(0, 0, 14, 1)),
                Buffer::empty(Rect::new(0, 0, 14, 1)),
            );
            let style = Style::default().bold();
            let a = put(&mut fast, 1, 0, 1 + width, "hello, world", style);
            let b = put(&mut slow, 1, 0, 1 + width, "hello, world\u{e9}", style);
            assert_eq!(a, b, "width {width}");
            assert_eq!(row(&fast), row(&slow), "width {width}");
            assert_eq!(
                fast.cell((1, 0)).map(ratatui::buffer::Cell::style),
                slow.cell((1, 0)).map(ratatui::buffer::Cell::style)
            );
        }
    }

    #[test]
    fn out_of_area_writes_are_ignored() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        assert_eq!(put(&mut buf, 0, 5, 3, "abc", Style::default()), 0);
        assert_eq!(put(&mut buf, 2, 0, 10, "xyz", Style::default()), 3);
    }

    #[test]
    fn truncation_marks_the_cut() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
        put_truncated(&mut buf, 0, 0, 5, "abcdefgh", Style::default());
        let row: String = (0..5)
            .filter_map(|x| buf.cell((x, 0)).map(|c| c.symbol().to_owned()))
            .collect();
        assert_eq!(row, "abcd…");
    }
}
