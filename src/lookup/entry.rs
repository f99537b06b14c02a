//! The finder's index entries as plain data (`bytemuck::Pod`): what each
//! figure is to the ranking, laid out so the cache can keep an index's
//! arrays as they lie in memory (see [`super::stored`]).

use std::ops::Range;

use crate::model::{FigureKind, FigureRef};

use super::FIELDS;

/// A figure prepared for ranking. Plain data (`Pod`), so the cache can
/// keep an index's entries as they lie in memory.
#[repr(C)]
#[derive(Clone, Copy, Debug, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Entry {
    /// Which figure it is and what ranking asks of it; the index keeps a
    /// copy of these apart (see [`Traits`]).
    pub(super) traits: Traits,
    /// Each field as an index into the index's texts: figures share their
    /// brief, section, tags and often source, and a shared text is
    /// scored once per word.
    pub(super) fields: [u32; FIELDS],
    /// The tags, as indices into `tag_names`, in `entry_tags`.
    pub(super) tags: Span,
    /// The glossary terms its words call up, in `entry_gloss`.
    pub(super) gloss: Span,
    /// Those its identity's words call up (see [`super::IDENTITY`]).
    pub(super) ident_gloss: Span,
}

impl Entry {
    /// The figure it stands for.
    pub fn figure(&self) -> FigureRef {
        self.traits.figure()
    }

    /// What sort of quantity it is.
    pub fn kind(&self) -> Option<FigureKind> {
        self.traits.kind()
    }

    /// A poll's or survey's figure.
    pub fn poll(&self) -> bool {
        self.traits.poll()
    }
}

/// A run of items in one of the index's arrays.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, bytemuck::Pod, bytemuck::Zeroable)]
pub(super) struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub(super) fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// What ranking asks of every figure, kept apart from the entries too,
/// small and side by side, so a pass over every hit stays in the cache.
#[repr(C)]
#[derive(Clone, Copy, Debug, bytemuck::Pod, bytemuck::Zeroable)]
pub(super) struct Traits {
    pub(super) brief: u32,
    pub(super) figure: u32,
    /// What sort of quantity it is ([`kind_code`]).
    pub(super) kind: u8,
    /// A poll's or survey's figure (tagged `public-opinion`).
    pub(super) poll: u8,
    /// One of its brief's headline figures.
    pub(super) headline: u8,
    pub(super) _pad: u8,
}

impl Traits {
    /// The figure it stands for.
    pub(super) fn figure(&self) -> FigureRef {
        figure_ref(self.brief, self.figure)
    }

    /// What sort of quantity it is.
    pub(super) fn kind(&self) -> Option<FigureKind> {
        kind_of(self.kind)
    }

    /// A poll's or survey's figure.
    pub(super) fn poll(&self) -> bool {
        self.poll != 0
    }

    /// One of its brief's headline figures.
    pub(super) fn headline(&self) -> bool {
        self.headline != 0
    }
}

fn figure_ref(brief: u32, figure: u32) -> FigureRef {
    FigureRef {
        brief: crate::model::BriefIdx(brief as usize),
        figure: crate::model::FigureIdx(figure as usize),
    }
}

/// The kinds, in the order their codes follow (0 is none).
const KINDS: [FigureKind; 7] = [
    FigureKind::Share,
    FigureKind::Change,
    FigureKind::Count,
    FigureKind::Money,
    FigureKind::Duration,
    FigureKind::Rank,
    FigureKind::Other,
];

pub(super) fn kind_code(kind: Option<FigureKind>) -> u8 {
    kind.and_then(|k| KINDS.iter().position(|&x| x == k))
        .and_then(|i| u8::try_from(i + 1).ok())
        .unwrap_or(0)
}

fn kind_of(code: u8) -> Option<FigureKind> {
    KINDS.get(usize::from(code).checked_sub(1)?).copied()
}

/// One distinct field text.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
pub(super) struct Text {
    /// Its bytes in `buf`.
    pub at: Span,
    /// How many words it has.
    pub len: u16,
    pub _pad: u16,
}
