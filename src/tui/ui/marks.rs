//! The read and reviewed marks at the right end of outline rows: a glyph
//! for each, never colour alone.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::theme::Slot;
use crate::tui::marks::{READ_GLYPH, REVIEWED_GLYPH};
use crate::tui::outline::Node;
use crate::tui::paint::cells;
use crate::tui::views::Scene;

/// A brief's progress ("✓3/12"), or a section's marks ("✓", "★", "✓★");
/// empty for an unmarked section.
pub fn outline_marks(cx: &Scene<'_>, node: Node) -> String {
    match node {
        // Its first sections alone are known yet: no count.
        Node::Brief(_) if cx.lib.partial => "…".into(),
        Node::Brief(b) => cx.lib.brief(b).map_or_else(String::new, |b| {
            crate::tui::marks::progress(cx.marks(), b).short()
        }),
        Node::Section(s) => {
            let Some((b, sec)) = cx
                .lib
                .brief(s.brief)
                .and_then(|b| Some((b, b.section(s.section)?)))
            else {
                return String::new();
            };
            let id = &b.meta.id;
            let mut out = String::new();
            if cx.marks().is_read(id, &sec.anchor) {
                out.push_str(READ_GLYPH);
            }
            if cx.marks().is_reviewed(id, &sec.anchor) {
                out.push_str(REVIEWED_GLYPH);
            }
            out
        }
    }
}

/// Writes `marks` at the right end of a row from `x` to `right`, if they
/// leave room for some text; returns where the row's text must stop.
pub fn put_right(buf: &mut Buffer, cx: &Scene<'_>, marks: &str, y: u16, x: u16, right: u16) -> u16 {
    let w = u16::try_from(marks.width()).unwrap_or(u16::MAX);
    if marks.is_empty() || right < x.saturating_add(w + 6) {
        return right;
    }
    let at = right - w;
    cells::put(buf, at, y, right, marks, cx.theme.get(Slot::Marker));
    at - 1
}
