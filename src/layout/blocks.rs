//! Block-by-block layout.

use std::ops::Range;

mod table;

use super::wrap::{display_width, hard_wrap, wrap_ranges};
use super::{Layout, LineRec, Notes, Span, Target};
use crate::doc::{Block, BlockKind, Container, Doc, Inline, Progress, Role, Style};
use crate::model::SectionIdx;

/// Marks a code line that goes on from the line before (printed output).
const CONTINUED: &str = "↪ ";

struct Out<'n> {
    layout: Layout,
    notes: Option<&'n Notes>,
    /// Printed output (notes given): nothing may be wider than the width,
    /// so long code lines continue after a mark and wide tables become
    /// records. On screen they keep their width and scroll sideways.
    print: bool,
    /// How wide the block being laid out reaches, when it may reach past
    /// the width (code, tables).
    reach: usize,
    /// Note numbers given so far, per link and per mention.
    link_no: Vec<Option<usize>>,
    mention_no: Vec<Option<usize>>,
    next_no: usize,
    /// Notes waiting for the end of the current section.
    pending: Vec<(usize, String)>,
}

pub fn lay_out(
    doc: &Doc,
    sections: usize,
    width: usize,
    notes: Option<&Notes>,
    progress: Option<&Progress>,
) -> Layout {
    let mut stream = Stream::new(sections, width, notes);
    let total = doc.blocks.len();
    for (i, blocks) in doc.blocks.chunks(1024).enumerate() {
        if let Some(p) = progress {
            p.set(i * 1024, total);
        }
        stream.add(blocks);
    }
    stream.finish()
}

/// A layout built from blocks handed over a piece at a time, in order, so
/// the blocks need not all be held at once.
pub struct Stream<'n> {
    out: Out<'n>,
    width: usize,
    /// The number of the next block.
    next: u32,
    /// The section of the block before it.
    last: Option<SectionIdx>,
}

impl<'n> Stream<'n> {
    /// A layout `width` columns wide (at least 8) of a document with
    /// `sections` sections.
    pub fn new(sections: usize, width: usize, notes: Option<&'n Notes>) -> Self {
        let width = width.max(8);
        Self {
            out: Out {
                layout: Layout {
                    width,
                    section_lines: vec![0; sections.max(1)],
                    ..Layout::default()
                },
                notes,
                print: notes.is_some(),
                reach: 0,
                link_no: notes.map_or_else(Vec::new, |n| vec![None; n.links.len()]),
                mention_no: notes.map_or_else(Vec::new, |n| vec![None; n.mentions.len()]),
                next_no: 1,
                pending: Vec::new(),
            },
            width,
            next: 0,
            last: None,
        }
    }

    /// Makes room at once for the layout of a body of `bytes` bytes of
    /// Markdown, as prose usually takes it, so the buffers are not grown
    /// (and copied) a doubling at a time. Room not written to takes no
    /// memory, and [`Self::finish`] gives back what is left.
    pub fn reserve(&mut self, bytes: usize) {
        let l = &mut self.out.layout;
        l.text.reserve(bytes + bytes / 4);
        l.spans.reserve(bytes / 16);
        l.lines.reserve(bytes / 32);
        l.block_lines.reserve(bytes / 128);
    }

    /// Lays out the next `blocks`.
    pub fn add(&mut self, blocks: &[Block]) {
        for block in blocks {
            if let Some(prev) = self.last
                && prev != block.section
            {
                self.out.flush_notes(self.next - 1, prev, self.width);
            }
            self.out.block(self.next, block, self.width);
            self.last = Some(block.section);
            self.next += 1;
        }
    }

    /// The layout of every block added; its buffers hold no growth room.
    pub fn finish(mut self) -> Layout {
        if let Some(last) = self.last {
            self.out.flush_notes(self.next - 1, last, self.width);
        }
        let mut l = self.out.layout;
        l.text.shrink_to_fit();
        l.spans.shrink_to_fit();
        l.lines.shrink_to_fit();
        l.targets.shrink_to_fit();
        l.block_lines.shrink_to_fit();
        l.wide.shrink_to_fit();
        l.footnotes.shrink_to_fit();
        l
    }
}

/// Prefix pieces for the first line of a block and for the lines after it.
/// Styled pieces drawn before a line's text.
type Prefix = Vec<(String, Style)>;

fn prefixes(block: &Block) -> (Prefix, Prefix) {
    let marker = Style::role(Role::Marker);
    let mut first = Vec::new();
    let mut rest = Vec::new();
    if block.hidden_depth > 0 {
        first.push(("… ".to_owned(), marker));
        rest.push(("… ".to_owned(), marker));
    }
    for c in &block.containers {
        match c {
            Container::Quote => {
                first.push(("│ ".to_owned(), marker));
                rest.push(("│ ".to_owned(), marker));
            }
            Container::Item {
                marker: m,
                first: is_first,
            }
            | Container::Note {
                marker: m,
                first: is_first,
                ..
            } => {
                let w = display_width(m) + 1;
                if *is_first {
                    first.push((format!("{m} "), marker));
                } else {
                    first.push((" ".repeat(w), marker));
                }
                rest.push((" ".repeat(w), marker));
            }
        }
    }
    (first, rest)
}

fn prefix_width(p: &[(String, Style)]) -> usize {
    p.iter().map(|(s, _)| display_width(s)).sum()
}

impl Out<'_> {
    fn push(&mut self, s: &str, style: Style) {
        if s.is_empty() {
            return;
        }
        let l = &mut self.layout;
        if let Role::Link(_) | Role::Mention(_) | Role::FootnoteRef(_) | Role::Term { .. } =
            style.role
        {
            // The text of the line so far: what follows the last span of
            // the line before.
            let first_span = l.lines.last().map_or(0, |p| p.spans_end as usize);
            let mut from = first_span
                .checked_sub(1)
                .and_then(|k| l.spans.get(k))
                .map_or(0, |sp| sp.end as usize);
            let col = l.spans[first_span..]
                .iter()
                .map(|sp| {
                    let start = std::mem::replace(&mut from, sp.end as usize);
                    display_width(l.text.get(start..from).unwrap_or(""))
                })
                .sum();
            l.targets.push(Target {
                line: l.lines.len(),
                col,
                width: display_width(s),
                role: style.role,
            });
        }
        l.text.push_str(s);
        l.spans.push(Span::new(l.text.len() as u32, style));
    }

    fn end_line(&mut self, block: u32, section: SectionIdx) {
        let l = &mut self.layout;
        l.lines.push(LineRec {
            spans_end: l.spans.len() as u32,
            block,
            section: section.0 as u32,
        });
    }

    fn blank(&mut self, block: u32, section: SectionIdx) {
        let section = self
            .layout
            .lines
            .last()
            .map_or(section, |l| SectionIdx(l.section as usize));
        self.end_line(block, section);
    }

    fn block(&mut self, bi: u32, block: &Block, width: usize) {
        if block.gap_before {
            self.blank(bi, block.section);
        }
        let from = self.layout.lines.len();
        self.layout.block_lines.push(from);
        for c in &block.containers {
            if let Container::Note {
                index, first: true, ..
            } = c
            {
                self.layout.footnotes.push((*index, from));
            }
        }
        let (mut first, mut rest) = prefixes(block);
        // Text keeps at least ten columns (or the whole width, if less):
        // nesting too deep for that is not drawn.
        let floor = width.min(10);
        if width.saturating_sub(prefix_width(&first).max(prefix_width(&rest))) < floor {
            first.clear();
            rest.clear();
        }
        let avail = width.saturating_sub(prefix_width(&rest)).max(floor);
        match &block.kind {
            BlockKind::Heading { level, text } => {
                let line = self.layout.lines.len();
                if let Some(slot) = self.layout.section_lines.get_mut(block.section.0) {
                    *slot = line;
                }
                let widest = self.inline(bi, block.section, text, avail, &first, &rest);
                let rule = match level {
                    1 => Some("═"),
                    2 => Some("─"),
                    _ => None,
                };
                if let Some(r) = rule {
                    self.prefix(&rest);
                    self.push(
                        &r.repeat(widest.min(avail)),
                        Style::role(Role::Heading(*level)),
                    );
                    self.end_line(bi, block.section);
                }
            }
            BlockKind::Paragraph(text) => {
                self.inline(bi, block.section, text, avail, &first, &rest);
            }
            BlockKind::Code { text } => {
                self.verbatim(bi, block, text, Role::CodeBlock, avail, &first, &rest);
            }
            BlockKind::Html(text) => {
                self.verbatim(bi, block, text, Role::Html, avail, &first, &rest);
            }
            BlockKind::Rule => {
                self.prefix(&first);
                self.push(&"─".repeat(avail), Style::role(Role::Border));
                self.end_line(bi, block.section);
            }
            BlockKind::Table(t) => {
                let wide = self.notes.map_or(0, |n| n.table_width);
                let avail = avail.max(wide.saturating_sub(prefix_width(&rest)));
                self.table(bi, block.section, t, avail, &first, &rest);
            }
        }
        if self.reach > width {
            let reach = u32::try_from(self.reach).unwrap_or(u32::MAX);
            self.layout.wide.push((bi, reach));
        }
        self.reach = 0;
    }

    fn prefix(&mut self, p: &[(String, Style)]) {
        for (s, st) in p {
            self.push(s, *st);
        }
    }

    /// Adds `[n]` after links and mentions when notes are wanted.
    fn numbered(&mut self, text: &Inline) -> Option<Inline> {
        let notes = self.notes?;
        let mut out = Inline::default();
        let mut start = 0usize;
        for (i, (end, style)) in text.runs.iter().enumerate() {
            let end = *end as usize;
            out.push(text.text.get(start..end).unwrap_or(""), *style);
            start = end;
            let next_role = text.runs.get(i + 1).map(|(_, s)| s.role);
            if next_role == Some(style.role) {
                continue;
            }
            let slot = match style.role {
                Role::Link(l) => self
                    .link_no
                    .get_mut(l as usize)
                    .map(|s| (s, notes.links.get(l as usize))),
                Role::Mention(m) => self
                    .mention_no
                    .get_mut(m as usize)
                    .map(|s| (s, notes.mentions.get(m as usize))),
                _ => None,
            };
            if let Some((slot, Some(note))) = slot {
                let n = *slot.get_or_insert_with(|| {
                    self.next_no += 1;
                    self.pending.push((self.next_no - 1, note.clone()));
                    self.next_no - 1
                });
                out.push(&format!("[{n}]"), Style::role(Role::Dim));
            }
        }
        Some(out)
    }

    /// Wraps inline text; returns the widest line's width.
    fn inline(
        &mut self,
        bi: u32,
        section: SectionIdx,
        text: &Inline,
        avail: usize,
        first: &[(String, Style)],
        rest: &[(String, Style)],
    ) -> usize {
        let numbered = self.numbered(text);
        let text = numbered.as_ref().unwrap_or(text);
        let mut widest = 0;
        for (i, r) in wrap_ranges(&text.text, avail).into_iter().enumerate() {
            self.prefix(if i == 0 { first } else { rest });
            widest = widest.max(self.styled(text, r));
            self.end_line(bi, section);
        }
        widest
    }

    /// Pushes `text[r]` split at style boundaries; returns its width.
    fn styled(&mut self, text: &Inline, r: Range<usize>) -> usize {
        let mut w = 0;
        let mut pos = r.start;
        let mut i = text.runs.partition_point(|(end, _)| (*end as usize) <= pos);
        while pos < r.end {
            let Some(&(end, style)) = text.runs.get(i) else {
                break;
            };
            let end = (end as usize).min(r.end);
            if let Some(piece) = text.text.get(pos..end) {
                w += display_width(piece);
                self.push(piece, style);
            }
            pos = end;
            i += 1;
        }
        w
    }

    #[allow(clippy::too_many_arguments)]
    fn verbatim(
        &mut self,
        bi: u32,
        block: &Block,
        text: &str,
        role: Role,
        avail: usize,
        first: &[(String, Style)],
        rest: &[(String, Style)],
    ) {
        let inner = avail.saturating_sub(2).max(4);
        let mut line_no = 0;
        for src_line in text.split('\n') {
            let pieces = if self.print && !self.notes.is_some_and(|n| n.whole_code) {
                hard_wrap(src_line, inner)
            } else {
                std::iter::once(0..src_line.len()).collect()
            };
            if !self.print {
                let prefix = prefix_width(if line_no == 0 { first } else { rest });
                self.reach = self.reach.max(prefix + 2 + display_width(src_line));
            }
            for (i, r) in pieces.into_iter().enumerate() {
                self.prefix(if line_no == 0 { first } else { rest });
                if i == 0 {
                    self.push("  ", Style::role(role));
                } else {
                    self.push(CONTINUED, Style::role(Role::Marker));
                }
                self.push(&src_line[r], Style::role(role));
                self.end_line(bi, block.section);
                line_no += 1;
            }
        }
    }

    fn flush_notes(&mut self, bi: u32, section: SectionIdx, width: usize) {
        if self.pending.is_empty() {
            return;
        }
        self.blank(bi, section);
        let pending = std::mem::take(&mut self.pending);
        for (n, note) in pending {
            // A note is a link's address or a figure's words, as written:
            // sanitized before it is measured, so that what is printed
            // (`^[` for an escape) is what fits the width.
            let note = crate::sanitize::line(&note);
            let item = Inline::plain(&format!("[{n}] {note}"), Style::role(Role::Dim));
            // The lines after the first are indented under the note's text,
            // within the width; too narrow for that, they are not.
            let indent_w = display_width(&format!("[{n}] "));
            let floor = width.min(10);
            let (indent, avail) = if width.saturating_sub(indent_w) < floor {
                (Vec::new(), width)
            } else {
                let pad = vec![(" ".repeat(indent_w), Style::role(Role::Dim))];
                (pad, width - indent_w)
            };
            self.inline(bi, section, &item, avail, &[], &indent);
        }
    }
}
