//! Tables: columns as wide as browsers make them (from each column's
//! longest word and its natural width), words never split; a table whose
//! words cannot fit is drawn row by row, as records, or on screen scrolled
//! sideways when that stays readable.

use std::ops::Range;

use super::super::wrap::{display_width, longest_word, wrap_ranges};
use super::Out;
use crate::doc::{Align, Inline, Role, Style, Table, flags};
use crate::model::SectionIdx;

/// On screen, a table whose longest words do not fit side by side is still
/// drawn as a table, to scroll sideways, when the pane is at least this
/// wide and the table needs at most twice its width; else as records.
const SCROLL_MIN: usize = 60;

impl Out<'_> {
    pub(super) fn table(
        &mut self,
        bi: u32,
        section: SectionIdx,
        t: &Table,
        avail: usize,
        first: &[(String, Style)],
        rest: &[(String, Style)],
    ) {
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
        if cols == 0 {
            return;
        }
        let seps = 3 * (cols - 1);
        let mut natural = vec![1usize; cols];
        for row in &t.rows {
            for (c, cell) in row.iter().enumerate() {
                natural[c] = natural[c].max(display_width(&cell.text));
            }
        }
        let total = avail.saturating_sub(seps);
        // The longest words matter only when the table does not fit whole.
        let mut least = natural.clone();
        if natural.iter().sum::<usize>() > total {
            least.fill(1);
            for row in &t.rows {
                for (c, cell) in row.iter().enumerate() {
                    least[c] = least[c].max(longest_word(&cell.text));
                }
            }
        }
        let scroll = !self.print && avail >= SCROLL_MIN && least.iter().sum::<usize>() <= 2 * total;
        let widths = match column_widths(&least, &natural, total) {
            Some(w) => w,
            None if scroll => least,
            None => {
                self.table_as_records(bi, section, t, avail, first, rest);
                return;
            }
        };
        let reach = widths.iter().sum::<usize>() + seps;
        if reach > total + seps {
            self.reach = reach + super::prefix_width(first).max(super::prefix_width(rest));
        }
        let border = Style::role(Role::Border);
        let mut line_no = 0;
        for (ri, row) in t.rows.iter().enumerate() {
            let wrapped: Vec<Vec<Range<usize>>> = (0..cols)
                .map(|c| {
                    row.get(c)
                        .map_or_else(Vec::new, |cell| wrap_ranges(&cell.text, widths[c]))
                })
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            for h in 0..height {
                self.prefix(if line_no == 0 { first } else { rest });
                for c in 0..cols {
                    if c > 0 {
                        self.push(" │ ", border);
                    }
                    let (cell, r) = match (row.get(c), wrapped[c].get(h)) {
                        (Some(cell), Some(r)) => (Some(cell), r.clone()),
                        _ => (None, 0..0),
                    };
                    let w = cell.map_or(0, |cell| display_width(&cell.text[r.clone()]));
                    let pad = widths[c].saturating_sub(w);
                    let (left, right) = match t.aligns.get(c) {
                        Some(Align::Right) => (pad, 0),
                        Some(Align::Center) => (pad / 2, pad - pad / 2),
                        _ => (0, pad),
                    };
                    self.push(&" ".repeat(left), Style::default());
                    if let Some(cell) = cell {
                        if ri == 0 {
                            self.styled_bold(cell, r);
                        } else {
                            self.styled(cell, r);
                        }
                    }
                    if c + 1 < cols {
                        self.push(&" ".repeat(right), Style::default());
                    }
                }
                self.end_line(bi, section);
                line_no += 1;
            }
            if ri == 0 {
                self.prefix(rest);
                let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
                self.push(&rule.join("─┼─"), border);
                self.end_line(bi, section);
            }
        }
    }

    fn styled_bold(&mut self, text: &Inline, r: Range<usize>) {
        let mut bold = text.clone();
        for (_, s) in &mut bold.runs {
            s.flags |= flags::STRONG;
        }
        self.styled(&bold, r);
    }

    /// A table too wide for the width: one block per row, `Header: value`.
    fn table_as_records(
        &mut self,
        bi: u32,
        section: SectionIdx,
        t: &Table,
        avail: usize,
        first: &[(String, Style)],
        rest: &[(String, Style)],
    ) {
        let header = t.rows.first();
        let mut line_no = 0;
        for (ri, row) in t.rows.iter().enumerate().skip(1) {
            if ri > 1 {
                self.prefix(rest);
                self.end_line(bi, section);
            }
            for (c, cell) in row.iter().enumerate() {
                let mut item = Inline::default();
                let name = header
                    .and_then(|h| h.get(c))
                    .map_or_else(|| format!("Column {}", c + 1), |h| h.text.clone());
                item.push(
                    &format!("{name}: "),
                    Style {
                        role: Role::Text,
                        flags: flags::STRONG,
                    },
                );
                let mut pos = 0;
                for (end, style) in &cell.runs {
                    item.push(cell.text.get(pos..*end as usize).unwrap_or(""), *style);
                    pos = *end as usize;
                }
                let p = if line_no == 0 { first } else { rest };
                self.inline(bi, section, &item, avail, p, rest);
                line_no += 1;
            }
        }
        if line_no == 0
            && let Some(h) = header
        {
            let names: Vec<&str> = h.iter().map(|c| c.text.as_str()).collect();
            let item = Inline::plain(&names.join(" · "), Style::default());
            self.inline(bi, section, &item, avail, first, rest);
        }
    }
}

/// Column widths that fit `total` without splitting a word, as a browser's
/// automatic table layout gives them: the natural widths when they fit,
/// else each column's longest word plus a share of the room left in
/// proportion to how much wider it would like to be. `None` when the
/// longest words alone do not fit.
fn column_widths(least: &[usize], natural: &[usize], total: usize) -> Option<Vec<usize>> {
    let max: usize = natural.iter().sum();
    if max <= total {
        return Some(natural.to_vec());
    }
    let min: usize = least.iter().sum();
    if min > total {
        return None;
    }
    let room = total - min;
    let want = max - min;
    let mut widths: Vec<usize> = least
        .iter()
        .zip(natural)
        .map(|(l, n)| l + (n - l) * room / want)
        .collect();
    let mut left = total - widths.iter().sum::<usize>();
    while left > 0 {
        let Some((i, _)) = widths
            .iter()
            .zip(natural)
            .enumerate()
            .filter(|(_, (w, n))| w < n)
            .max_by_key(|(_, (w, n))| **n - **w)
        else {
            break;
        };
        widths[i] += 1;
        left -= 1;
    }
    Some(widths)
}

#[cfg(test)]
mod tests {
    use super::column_widths;

    #[test]
    fn columns_get_their_longest_word_and_a_share_of_the_rest() {
        assert_eq!(column_widths(&[3, 4], &[5, 6], 20), Some(vec![5, 6]));
        assert_eq!(column_widths(&[3, 4], &[13, 24], 17), Some(vec![6, 11]));
        assert_eq!(column_widths(&[10, 4], &[10, 24], 17), Some(vec![10, 7]));
        assert_eq!(column_widths(&[10, 9], &[10, 24], 17), None);
    }
}
