//! The document IR: a brief's Markdown as a flat list of leaf blocks with
//! styled inline text, ready to be laid out at any width. Built once per brief
//! (when it is opened), laid out once per width.

mod build;
pub mod lead;
pub mod terms;

pub use lead::build_with_lead;

pub use build::{
    CHUNK_BYTES, build, build_in_chunks, build_pieces, build_tail, build_text, cuttable,
    section_starts,
};

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::model::{Brief, SectionIdx};

/// How far a long job has got, in thousandths; shared with the thread
/// that shows it.
#[derive(Debug, Default)]
pub struct Progress(AtomicUsize);

impl Progress {
    pub fn set(&self, done: usize, total: usize) {
        let permille = done.saturating_mul(1000) / total.max(1);
        self.0.store(permille.min(1000), Ordering::Relaxed);
    }

    /// Thousandths done.
    pub fn get(&self) -> usize {
        self.0.load(Ordering::Relaxed)
    }
}

/// Where to cut `brief`'s body so that the part before holds at least
/// `min_bytes`: the start of the first section after that point whose
/// heading opens a line, relative to the body. `None` when no section
/// starts after it. The blocks of the part before are the first blocks of
/// the whole body, so the first screen can be shown from them while the
/// rest is built.
pub fn prefix_cut(brief: &Brief, min_bytes: usize) -> Option<usize> {
    let base = brief.source.body_start;
    let text = &brief.source.text();
    brief
        .sections
        .iter()
        .skip(1)
        .map(|s| s.range.start)
        .find(|&start| {
            start >= base + min_bytes && text.as_bytes().get(start.wrapping_sub(1)) == Some(&b'\n')
        })
        .map(|start| start - base)
}

/// Flags on inline text.
pub mod flags {
    pub const EMPH: u8 = 1;
    pub const STRONG: u8 = 2;
    pub const STRIKE: u8 = 4;
    pub const CODE: u8 = 8;
}

/// What a piece of text is, for styling and for selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    #[default]
    Text,
    Heading(u8),
    CodeBlock,
    /// List markers, quote bars, footnote labels.
    Marker,
    /// Table borders and rules.
    Border,
    /// An index into the brief's `links`.
    Link(u32),
    /// An index into the brief's `mentions`.
    Mention(u32),
    /// A reference to the footnote with this number (footnotes are numbered
    /// from 0 in the order their labels first appear).
    FootnoteRef(u32),
    Image,
    Html,
    /// Secondary text: link numbers, notes, captions.
    Dim,
    /// A glossary term, by its index in the library's glossary, and
    /// which of its marked occurrences in the document this is (so each
    /// one is selected on its own).
    Term {
        term: u16,
        nth: u16,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    pub role: Role,
    pub flags: u8,
}

impl Style {
    pub const fn role(role: Role) -> Self {
        Self { role, flags: 0 }
    }
}

/// Text with style runs: `runs[i]` styles `text[runs[i-1].end..runs[i].end]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inline {
    pub text: String,
    pub runs: Vec<(u32, Style)>,
}

impl Inline {
    pub fn push(&mut self, s: &str, style: Style) {
        if s.is_empty() {
            return;
        }
        self.text.push_str(s);
        let end = self.text.len() as u32;
        match self.runs.last_mut() {
            Some((e, st)) if *st == style => *e = end,
            _ => self.runs.push((end, style)),
        }
    }

    /// Gives back the room grown while the text was built.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.runs.shrink_to_fit();
    }

    pub fn plain(s: &str, style: Style) -> Self {
        let mut i = Self::default();
        i.push(s, style);
        i
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The style in force at byte `at`.
    pub fn style_at(&self, at: usize) -> Style {
        let i = self.runs.partition_point(|(end, _)| (*end as usize) <= at);
        self.runs
            .get(i)
            .or(self.runs.last())
            .map_or_else(Style::default, |(_, s)| *s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub aligns: Vec<Align>,
    /// The first row is the header.
    pub rows: Vec<Vec<Inline>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Heading { level: u8, text: Inline },
    Paragraph(Inline),
    Code { text: String },
    Rule,
    Table(Table),
    Html(String),
}

impl BlockKind {
    /// Gives back the room grown while the block was built: a long
    /// brief keeps tens of thousands of blocks.
    pub fn shrink_to_fit(&mut self) {
        match self {
            Self::Heading { text, .. } | Self::Paragraph(text) => text.shrink_to_fit(),
            Self::Code { text } | Self::Html(text) => text.shrink_to_fit(),
            Self::Table(t) => {
                for row in &mut t.rows {
                    row.iter_mut().for_each(Inline::shrink_to_fit);
                    row.shrink_to_fit();
                }
                t.rows.shrink_to_fit();
            }
            Self::Rule => {}
        }
    }
}

/// A container a block sits in; its prefix is drawn on every line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Container {
    Quote,
    /// A list item; the marker shows on the first line of its first block
    /// only.
    Item {
        marker: String,
        first: bool,
    },
    /// A footnote's text, shown like a list item marked with its label.
    Note {
        marker: String,
        index: u32,
        first: bool,
    },
}

/// Visual nesting is capped; deeper containers still count in `hidden_depth`.
pub const MAX_VISUAL_DEPTH: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub containers: Vec<Container>,
    pub hidden_depth: u32,
    /// A blank line before this block (false inside tight lists).
    pub gap_before: bool,
    /// Byte offset in the file.
    pub offset: usize,
    pub section: SectionIdx,
}

#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub blocks: Vec<Block>,
}
