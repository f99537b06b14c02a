//! Builds the [`Doc`] of a brief in one pass over pulldown-cmark's events.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Tag, TagEnd};

use super::{
    Align, Block, BlockKind, Container, Doc, Inline, MAX_VISUAL_DEPTH, Progress, Role, Style,
    Table, flags,
};
use crate::model::{Brief, SectionIdx};
use crate::sanitize;

mod html;
mod notes;
mod pieces;

pub use pieces::{build_in_chunks, build_pieces, build_tail, cuttable};

const BULLETS: [&str; 3] = ["•", "◦", "▪"];

enum Open {
    Para { inline: Inline, implicit: bool },
    Heading { level: u8, inline: Inline },
}

struct Builder<'b> {
    /// Where each section starts, in file coordinates.
    starts: &'b [usize],
    /// Blocks of the current piece.
    doc: Doc,
    /// Blocks emitted so far, in every piece.
    emitted: usize,
    containers: Vec<Container>,
    /// Per open list: the next number (ordered lists) and items seen so far.
    lists: Vec<(Option<u64>, usize)>,
    open: Option<(Open, usize)>,
    style: Vec<Style>,
    table: Option<(Table, Vec<Inline>, Option<Inline>, usize)>,
    code: Option<(String, usize)>,
    html: Option<(String, usize)>,
    links: u32,
    mentions: u32,
    item_fresh: bool,
    /// Inline HTML tags open in the current block.
    html_open: Vec<(String, html::Effect)>,
    /// A comment was dropped after a space: a space after it goes too.
    html_gap: bool,
    notes: notes::Notes,
}

/// Builds the IR of `brief` from its source.
pub fn build(brief: &Brief) -> Doc {
    build_text(
        brief.source.body(),
        brief.source.body_start,
        &section_starts(brief),
        None,
    )
}

/// Where each of `brief`'s sections starts, in file coordinates.
pub fn section_starts(brief: &Brief) -> Vec<usize> {
    brief.sections.iter().map(|s| s.range.start).collect()
}

/// Pieces a long body is parsed in, at least this long.
pub const CHUNK_BYTES: usize = 512 * 1024;

/// Builds the IR of Markdown `body`, which starts at byte `base` of its
/// file and holds sections starting at `starts`. `progress`, when given,
/// follows the bytes read.
pub fn build_text(body: &str, base: usize, starts: &[usize], progress: Option<&Progress>) -> Doc {
    build_in_chunks(body, base, starts, progress, CHUNK_BYTES)
}

impl<'b> Builder<'b> {
    fn new(starts: &'b [usize]) -> Self {
        Self {
            starts,
            doc: Doc::default(),
            emitted: 0,
            containers: Vec::new(),
            lists: Vec::new(),
            open: None,
            style: Vec::new(),
            table: None,
            code: None,
            html: None,
            links: 0,
            mentions: 0,
            item_fresh: false,
            html_open: Vec::new(),
            html_gap: false,
            notes: notes::Notes::default(),
        }
    }
}

impl Builder<'_> {
    fn current_style(&self) -> Style {
        let mut s = self.style.last().copied().unwrap_or_default();
        s.flags |= self.html_flags();
        s
    }

    fn with_flag(&mut self, flag: u8) {
        let mut s = self.current_style();
        s.flags |= flag;
        self.style.push(s);
    }

    fn with_role(&mut self, role: Role) {
        let mut s = self.current_style();
        s.role = role;
        self.style.push(s);
    }

    fn section_at(&self, offset: usize) -> SectionIdx {
        SectionIdx(
            self.starts
                .partition_point(|s| *s <= offset)
                .saturating_sub(1),
        )
    }

    fn emit(&mut self, mut kind: BlockKind, offset: usize, implicit: bool) {
        kind.shrink_to_fit();
        let nested_list = self.lists.len() > 1;
        let first_item = self.lists.last().is_some_and(|(_, n)| *n <= 1);
        let gap_before =
            !(implicit && self.item_fresh && (!first_item || nested_list)) && self.emitted > 0;
        let depth = self.containers.len();
        let shown = depth.min(MAX_VISUAL_DEPTH);
        self.emitted += 1;
        self.doc.blocks.push(Block {
            kind,
            containers: self.containers[..shown].to_vec(),
            hidden_depth: (depth - shown) as u32,
            gap_before,
            offset,
            section: self.section_at(offset),
        });
        for c in &mut self.containers {
            if let Container::Item { first, .. } | Container::Note { first, .. } = c {
                *first = false;
            }
        }
        self.item_fresh = false;
    }

    fn close_open(&mut self) {
        self.html_open.clear();
        self.html_gap = false;
        match self.open.take() {
            Some((Open::Para { inline, implicit }, at)) if !inline.is_blank() => {
                self.emit(BlockKind::Paragraph(inline), at, implicit);
            }
            Some((Open::Heading { level, inline }, at)) => {
                self.emit(
                    BlockKind::Heading {
                        level,
                        text: inline,
                    },
                    at,
                    false,
                );
            }
            Some((Open::Para { .. }, _)) | None => {}
        }
    }

    /// The inline text being built: a table cell, a heading, or a paragraph
    /// (opened implicitly for tight list items).
    fn inline(&mut self, at: usize) -> &mut Inline {
        if let Some((_, _, cell, _)) = self.table.as_mut() {
            return cell.get_or_insert_with(Inline::default);
        }
        let (open, _) = self.open.get_or_insert_with(|| {
            (
                Open::Para {
                    inline: Inline::default(),
                    implicit: true,
                },
                at,
            )
        });
        match open {
            Open::Para { inline, .. } | Open::Heading { inline, .. } => inline,
        }
    }

    fn text(&mut self, s: &str, at: usize, style: Style) {
        if let Some((code, _)) = self.code.as_mut() {
            code.push_str(s);
            return;
        }
        if let Some((html, _)) = self.html.as_mut() {
            html.push_str(s);
            return;
        }
        let clean = sanitize::text(s);
        let mut clean = clean.replace('\n', " ");
        if std::mem::take(&mut self.html_gap) {
            clean = clean.trim_start().to_owned();
        }
        if let Some(sup) = self.html_script() {
            clean = html::script(&clean, sup);
        }
        self.inline(at).push(&clean, style);
    }

    fn event(&mut self, event: Event<'_>, at: usize) {
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                let s = self.current_style();
                self.text(&t, at, s);
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                let mut s = self.current_style();
                s.flags |= flags::CODE;
                self.text(&t, at, s);
            }
            Event::Html(t) => {
                if self.html.is_none() {
                    self.close_open();
                    self.html = Some((String::new(), at));
                }
                self.text(&t, at, Style::role(Role::Html));
            }
            Event::InlineHtml(t) => self.inline_html(&t, at),
            Event::FootnoteReference(label) => {
                let section = self.section_at(at);
                let n = self.notes.reference(&label, section);
                let s = Style::role(Role::FootnoteRef(n));
                self.text(&format!("[{label}]"), at, s);
            }
            Event::SoftBreak => {
                let s = self.current_style();
                self.text(" ", at, s);
            }
            Event::HardBreak => {
                let s = self.current_style();
                self.inline(at).push("\n", s);
            }
            Event::Rule => {
                self.close_open();
                self.emit(BlockKind::Rule, at, false);
            }
            Event::TaskListMarker(done) => {
                let s = Style::role(Role::Marker);
                self.text(if done { "[x] " } else { "[ ] " }, at, s);
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: usize) {
        match tag {
            Tag::Paragraph => {
                self.close_open();
                self.open = Some((
                    Open::Para {
                        inline: Inline::default(),
                        implicit: false,
                    },
                    at,
                ));
            }
            Tag::Heading { level, .. } => {
                self.close_open();
                let level = level as u8;
                self.open = Some((
                    Open::Heading {
                        level,
                        inline: Inline::default(),
                    },
                    at,
                ));
                self.style.push(Style::role(Role::Heading(level)));
            }
            Tag::BlockQuote(_) => {
                self.close_open();
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(kind) => {
                self.close_open();
                let _lang = match kind {
                    CodeBlockKind::Fenced(l) => l.into_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((String::new(), at));
            }
            Tag::HtmlBlock => {
                self.close_open();
                self.html = Some((String::new(), at));
            }
            Tag::List(start) => {
                self.close_open();
                self.lists.push((start, 0));
            }
            Tag::Item => {
                self.close_open();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some((Some(n), count)) => {
                        *count += 1;
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    Some((None, count)) => {
                        *count += 1;
                        BULLETS[depth % BULLETS.len()].to_owned()
                    }
                    None => BULLETS[0].to_owned(),
                };
                self.containers.push(Container::Item {
                    marker,
                    first: true,
                });
                self.item_fresh = true;
            }
            Tag::FootnoteDefinition(label) => {
                self.close_open();
                let index = self.notes.define(&label, self.doc.blocks.len());
                self.containers.push(Container::Note {
                    marker: format!("[{}]", sanitize::line(&label)),
                    index,
                    first: true,
                });
            }
            Tag::Table(aligns) => {
                self.close_open();
                let aligns = aligns
                    .into_iter()
                    .map(|a| match a {
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                        Alignment::Left | Alignment::None => Align::Left,
                    })
                    .collect();
                self.table = Some((
                    Table {
                        aligns,
                        rows: Vec::new(),
                    },
                    Vec::new(),
                    None,
                    at,
                ));
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some((_, row, _, _)) = self.table.as_mut() {
                    row.clear();
                }
            }
            Tag::TableCell => {
                if let Some((_, _, cell, _)) = self.table.as_mut() {
                    *cell = Some(Inline::default());
                }
            }
            Tag::Emphasis => self.with_flag(flags::EMPH),
            Tag::Strong => self.with_flag(flags::STRONG),
            Tag::Strikethrough => self.with_flag(flags::STRIKE),
            Tag::Link { dest_url, .. } => {
                let role = if dest_url.starts_with("fig:") {
                    self.mentions += 1;
                    Role::Mention(self.mentions - 1)
                } else {
                    self.links += 1;
                    Role::Link(self.links - 1)
                };
                self.with_role(role);
            }
            Tag::Image { .. } => {
                self.with_role(Role::Image);
                self.text("[image: ", at, Style::role(Role::Image));
            }
            _ => self.style.push(self.current_style()),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.close_open(),
            TagEnd::Heading(_) => {
                self.style.pop();
                self.close_open();
            }
            TagEnd::BlockQuote(_) | TagEnd::Item => {
                self.close_open();
                self.containers.pop();
            }
            TagEnd::FootnoteDefinition => {
                self.close_open();
                self.containers.pop();
                self.notes.end(self.doc.blocks.len());
            }
            TagEnd::CodeBlock => {
                if let Some((text, at)) = self.code.take() {
                    let text = sanitize::expand_tabs(text.trim_end_matches('\n'), 4).into_owned();
                    self.emit(BlockKind::Code { text }, at, false);
                }
            }
            TagEnd::HtmlBlock => {
                if let Some((text, at)) = self.html.take() {
                    self.html_block(&text, at);
                }
            }
            TagEnd::List(_) => {
                self.close_open();
                self.lists.pop();
            }
            TagEnd::Table => {
                if let Some((table, _, _, at)) = self.table.take() {
                    self.emit(BlockKind::Table(table), at, false);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some((table, row, _, _)) = self.table.as_mut() {
                    table.rows.push(std::mem::take(row));
                }
            }
            TagEnd::TableCell => {
                if let Some((_, row, cell, _)) = self.table.as_mut() {
                    row.push(cell.take().unwrap_or_default());
                }
            }
            TagEnd::Image => {
                let at = self.open.as_ref().map_or(0, |(_, at)| *at);
                self.text("]", at, Style::role(Role::Image));
                self.style.pop();
            }
            _ => {
                self.style.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests;
