//! Lays a [`Doc`] out at one width: wrapped, prefixed, styled lines kept in
//! one text arena. Built once per width; views read only the lines on screen.

mod blocks;
mod wrap;

use crate::doc::{Doc, Progress, Role, Style};
use crate::model::SectionIdx;

pub use blocks::Stream;
pub use wrap::{display_width, wrap_ranges};

/// Per-link and per-mention note texts: when given, links and figure
/// mentions get a `[n]` reference and their notes follow each section
/// (the plain `show` output), and nothing is wider than the width: a long
/// code line goes on after a `↪` mark, a table too wide is shown as
/// records. Without notes (the reader) code lines are never broken and a
/// wide table may keep its width: such blocks are listed by
/// [`Layout::overflow`] to be scrolled sideways.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    pub links: Vec<String>,
    pub mentions: Vec<String>,
    /// Code lines are never broken, however wide (output piped on, where
    /// a copied command must stay whole).
    pub whole_code: bool,
    /// How wide a table may be, when wider than the prose (the whole
    /// width of the output, as glow and mdcat let it); 0: the prose width.
    pub table_width: usize,
}

/// A run of text in one style. The text is laid down in order, so a run
/// starts where the one before it ends and only its end is kept; its
/// style is packed (a long brief has hundreds of thousands of runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    end: u32,
    /// The role's number, index or level.
    payload: u32,
    role: u8,
    flags: u8,
}

impl Span {
    fn new(end: u32, style: Style) -> Self {
        let (role, payload) = match style.role {
            Role::Text => (0, 0),
            Role::Heading(level) => (1, u32::from(level)),
            Role::CodeBlock => (2, 0),
            Role::Marker => (3, 0),
            Role::Border => (4, 0),
            Role::Link(i) => (5, i),
            Role::Mention(i) => (6, i),
            Role::FootnoteRef(n) => (7, n),
            Role::Image => (8, 0),
            Role::Html => (9, 0),
            Role::Dim => (10, 0),
            Role::Term { term, nth } => (11, (u32::from(term) << 16) | u32::from(nth)),
        };
        Self {
            end,
            payload,
            role,
            flags: style.flags,
        }
    }

    pub fn style(&self) -> Style {
        let p = self.payload;
        let role = match self.role {
            1 => Role::Heading(p as u8),
            2 => Role::CodeBlock,
            3 => Role::Marker,
            4 => Role::Border,
            5 => Role::Link(p),
            6 => Role::Mention(p),
            7 => Role::FootnoteRef(p),
            8 => Role::Image,
            9 => Role::Html,
            10 => Role::Dim,
            11 => Role::Term {
                term: (p >> 16) as u16,
                nth: p as u16,
            },
            _ => Role::Text,
        };
        Style {
            role,
            flags: self.flags,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct LineRec {
    spans_end: u32,
    block: u32,
    section: u32,
}

/// A selectable piece of a line: part of a link or of a figure mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub line: usize,
    pub col: usize,
    pub width: usize,
    pub role: Role,
}

#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub width: usize,
    text: String,
    spans: Vec<Span>,
    lines: Vec<LineRec>,
    section_lines: Vec<usize>,
    targets: Vec<Target>,
    block_lines: Vec<usize>,
    /// Blocks wider than the width, with their widest line, in order.
    wide: Vec<(u32, u32)>,
    /// Each footnote's number and the first line of its note.
    footnotes: Vec<(u32, usize)>,
}

/// One laid-out line.
#[derive(Clone, Copy)]
pub struct Line<'a> {
    text: &'a str,
    /// Where the first span starts in `text`.
    start: u32,
    spans: &'a [Span],
}

impl<'a> Line<'a> {
    pub fn spans(&self) -> impl Iterator<Item = (&'a str, Style)> + 'a {
        let text = self.text;
        let mut start = self.start as usize;
        self.spans.iter().map(move |s| {
            let from = std::mem::replace(&mut start, s.end as usize);
            (text.get(from..s.end as usize).unwrap_or(""), s.style())
        })
    }

    pub fn plain(&self) -> String {
        self.spans().map(|(t, _)| t).collect()
    }

    pub fn width(&self) -> usize {
        self.spans().map(|(t, _)| display_width(t)).sum()
    }
}

impl Layout {
    /// Lays out `doc` at `width` columns (at least 8).
    pub fn new(doc: &Doc, sections: usize, width: usize, notes: Option<&Notes>) -> Self {
        blocks::lay_out(doc, sections, width.max(8), notes, None)
    }

    /// Like [`Self::new`], telling `progress` how far it has got.
    pub fn with_progress(doc: &Doc, sections: usize, width: usize, progress: &Progress) -> Self {
        blocks::lay_out(doc, sections, width.max(8), None, Some(progress))
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn line(&self, i: usize) -> Option<Line<'_>> {
        let rec = self.lines.get(i)?;
        let start = if i == 0 {
            0
        } else {
            self.lines[i - 1].spans_end as usize
        };
        Some(Line {
            text: &self.text,
            start: start
                .checked_sub(1)
                .and_then(|k| self.spans.get(k))
                .map_or(0, |s| s.end),
            spans: self.spans.get(start..rec.spans_end as usize)?,
        })
    }

    /// The section a line belongs to.
    pub fn section_of(&self, line: usize) -> SectionIdx {
        self.lines
            .get(line.min(self.lines.len().saturating_sub(1)))
            .map_or(SectionIdx(0), |l| SectionIdx(l.section as usize))
    }

    /// The block a line was laid out from.
    pub fn block_of(&self, line: usize) -> usize {
        self.lines.get(line).map_or(0, |l| l.block as usize)
    }

    /// How many blocks are laid out.
    pub fn blocks(&self) -> usize {
        self.block_lines.len()
    }

    /// The first line of a block.
    pub fn block_line(&self, block: usize) -> usize {
        self.block_lines.get(block).copied().unwrap_or(0)
    }

    /// The heading line of a section (0 for the preamble).
    pub fn section_line(&self, s: SectionIdx) -> usize {
        self.section_lines.get(s.0).copied().unwrap_or(0)
    }

    /// How far line `i` reaches past the width: all lines of a block wider
    /// than the width reach as far as its widest, so they scroll together.
    pub fn overflow(&self, i: usize) -> usize {
        let Some(rec) = self.lines.get(i) else {
            return 0;
        };
        self.wide
            .binary_search_by_key(&rec.block, |(b, _)| *b)
            .ok()
            .and_then(|k| self.wide.get(k))
            .map_or(0, |(_, w)| (*w as usize).saturating_sub(self.width))
    }

    /// The first line of footnote `n`'s note.
    pub fn footnote_line(&self, n: u32) -> Option<usize> {
        self.footnotes
            .iter()
            .find(|(f, _)| *f == n)
            .map(|(_, l)| *l)
    }

    /// Every selectable piece, in reading order.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The widest line, for tests and checks.
    pub fn max_width(&self) -> usize {
        (0..self.len())
            .filter_map(|i| self.line(i))
            .map(|l| l.width())
            .max()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests;
