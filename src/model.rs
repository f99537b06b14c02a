//! The brief model: what a brief is once parsed. No UI types here.

use std::ops::Range;
use std::sync::OnceLock;

mod detail;
mod links;
mod packed;
pub mod said;
mod source;

pub use detail::{Detail, Digest, Fetch, Fetched, Fetcher, HEADLINE, Keyed, Measured};
pub use links::Links;
pub use packed::Packed;

/// A brief's sections, decoded when first looked at (see [`Packed`]).
pub type Sections = Packed<Section>;
pub use source::{Origin, SourceFile, Stamp};

use crate::date::PartialDate;
use crate::diag::Pos;

/// Index of a brief in a [`crate::library::Library`].
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct BriefIdx(pub usize);

/// Index of a section within its brief. Section 0 is the brief's preamble.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct SectionIdx(pub usize);

/// Index of a figure within its brief.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct FigureIdx(pub usize);

/// A section anywhere in the library.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct SectionRef {
    pub brief: BriefIdx,
    pub section: SectionIdx,
}

/// A figure anywhere in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureRef {
    pub brief: BriefIdx,
    pub figure: FigureIdx,
}

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Meta {
    pub id: String,
    pub title: String,
    pub short_title: String,
    pub publisher: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    pub summary: Option<String>,
    /// The brief's conclusion, at most [`BOTTOM_LINE_WORDS`] words.
    pub bottom_line: Option<String>,
    /// Three to five lines an analyst carries away, each at most
    /// [`TAKEAWAY_WORDS`] words.
    pub takeaways: Vec<String>,
    pub tags: Vec<String>,
    pub source_text: Option<String>,
    /// False for plain Markdown files without front matter.
    pub has_front_matter: bool,
    /// Where the `id` value stands in the file.
    pub id_pos: Option<Pos>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// Heading level 1–6; 0 for the preamble.
    pub level: u8,
    /// 0 for the preamble, 1 for pillars, 2 and deeper below them.
    pub depth: u8,
    pub title: String,
    pub anchor: String,
    pub parent: Option<SectionIdx>,
    pub children: Vec<SectionIdx>,
    /// Byte range of the heading line in the file.
    pub heading: Range<usize>,
    /// Byte range from the heading to the next heading, in the file.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    pub id: String,
    pub value: String,
    pub label: String,
    pub section_anchor: String,
    pub section: Option<SectionIdx>,
    pub source: String,
    pub as_of: Option<String>,
    pub tags: Vec<String>,
    /// The quantity measured, a slug shared by every brief that states it.
    pub measure: Option<String>,
    pub kind: Option<FigureKind>,
    /// Shown first where a brief is summed up (the home screen).
    pub headline: bool,
    /// Written by `briefing new`: not yet reviewed by a curator.
    pub draft: bool,
    /// Where the `[[figures]]` entry is declared.
    pub decl: Pos,
}

/// One of a figure's fields as the command line writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldValue<'a> {
    Text(&'a str),
    Maybe(Option<&'a str>),
    List(&'a [String]),
    Flag(bool),
}

impl Figure {
    /// The figure's own fields, named as in the front matter and in order:
    /// what `figures --json` and `--csv` write. A new front-matter key is
    /// added here, in [`Figure`], its front matter and its validation, and
    /// nowhere else.
    pub fn fields(&self) -> [(&'static str, FieldValue<'_>); 11] {
        use FieldValue::{Flag, List, Maybe, Text};
        [
            ("id", Text(&self.id)),
            ("value", Text(&self.value)),
            ("label", Text(&self.label)),
            ("section", Text(&self.section_anchor)),
            ("source", Text(&self.source)),
            ("as_of", Maybe(self.as_of.as_deref())),
            ("tags", List(&self.tags)),
            ("measure", Maybe(self.measure.as_deref())),
            ("kind", Maybe(self.kind.map(FigureKind::name))),
            ("headline", Flag(self.headline)),
            ("draft", Flag(self.draft)),
        ]
    }

    /// The names of [`Figure::fields`], in order.
    pub fn field_names() -> impl Iterator<Item = &'static str> {
        let blank = Self {
            id: String::new(),
            value: String::new(),
            label: String::new(),
            section_anchor: String::new(),
            section: None,
            source: String::new(),
            as_of: None,
            tags: Vec::new(),
            measure: None,
            kind: None,
            headline: false,
            draft: false,
            decl: crate::diag::Pos { line: 1, col: 1 },
        };
        blank.fields().map(|(name, _)| name).into_iter()
    }

    /// True when the value is a part of a whole, the one kind a bar may show.
    pub fn is_share(&self) -> bool {
        self.kind == Some(FigureKind::Share)
    }
}

/// Words a brief's `bottom_line` may hold.
pub const BOTTOM_LINE_WORDS: usize = 60;
/// Words one takeaway may hold.
pub const TAKEAWAY_WORDS: usize = 25;
/// How many takeaways a brief gives, when it gives any.
pub const TAKEAWAYS: std::ops::RangeInclusive<usize> = 3..=5;

/// What sort of quantity a figure is: only a share is drawn as a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    /// A part of a whole: a percentage of exports, of people polled.
    Share,
    /// Growth or decline, a margin, a multiple.
    Change,
    Count,
    Money,
    Duration,
    Rank,
    Other,
}

impl FigureKind {
    pub const fn name(self) -> &'static str {
        match self {
            Self::Share => "share",
            Self::Change => "change",
            Self::Count => "count",
            Self::Money => "money",
            Self::Duration => "duration",
            Self::Rank => "rank",
            Self::Other => "other",
        }
    }
}

/// A `[text](fig:ID)` link in the body.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    pub figure_id: String,
    pub figure: Option<FigureIdx>,
    pub range: Range<usize>,
    pub section: SectionIdx,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkTarget {
    /// `#slug` in the same brief.
    Anchor(String),
    /// `other.md` or `other.md#slug`, as written (percent-decoded path).
    Brief {
        path: String,
        anchor: Option<String>,
    },
    /// `http:`, `https:` or `mailto:`.
    External(String),
    /// Any other scheme or a path that is not a `.md` file: never followed.
    Refused(String),
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Link {
    pub target: LinkTarget,
    pub text: String,
    pub range: Range<usize>,
    pub section: SectionIdx,
    /// Filled in by the library once every brief is loaded.
    pub resolved: Option<SectionRef>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Event {
    pub date: PartialDate,
    pub label: String,
    /// Shared by the events of other briefs that date the same happening.
    pub key: Option<String>,
    pub section_anchor: String,
    pub section: Option<SectionIdx>,
    /// Written by `briefing new`: not yet reviewed by a curator.
    pub draft: bool,
    pub decl: Pos,
}

#[derive(Debug, Clone)]
pub struct Brief {
    pub meta: Meta,
    pub sections: Sections,
    pub links: Links,
    pub source: SourceFile,
    /// What of the detail is always at hand.
    pub digest: Digest,
    /// Figures, mentions and events: parsed with the brief, or fetched
    /// when first asked for (see [`Brief::detail`]).
    detail: OnceLock<Detail>,
    fetch: Option<Fetcher>,
    /// Per figure, the body's sentences that mention it (see
    /// [`Brief::said`]): known from the library's cache without the text.
    pub said: OnceLock<Vec<String>>,
}

impl Brief {
    /// A brief parsed whole.
    pub fn new(
        meta: Meta,
        sections: Vec<Section>,
        links: Vec<Link>,
        detail: Detail,
        source: SourceFile,
    ) -> Self {
        Self {
            meta,
            sections: sections.into(),
            links: links.into(),
            source,
            digest: Digest::of(&detail),
            detail: OnceLock::from(detail),
            fetch: None,
            said: OnceLock::new(),
        }
    }

    /// A brief whose detail `fetch` reads when first asked for.
    pub fn deferred(
        meta: Meta,
        sections: Sections,
        links: Links,
        digest: Digest,
        source: SourceFile,
        fetch: Fetcher,
    ) -> Self {
        Self {
            meta,
            sections,
            links,
            source,
            digest,
            detail: OnceLock::new(),
            fetch: Some(fetch),
            said: OnceLock::new(),
        }
    }

    /// The brief's figures, mentions and events, fetched the first time
    /// they are asked for if they were not parsed with it. A brief whose
    /// detail cannot be had any more (its file changed since) has none.
    pub fn detail(&self) -> &Detail {
        self.detail.get_or_init(|| {
            let (detail, said) = self.fetched().unwrap_or_default();
            if let Some(said) = said {
                let _ = self.said.set(said);
            }
            detail
        })
    }

    /// Works on the detail without keeping it: one already read is lent,
    /// else it is fetched, used and dropped (a pass over a whole library
    /// holds one brief's detail at a time). `f` is also given the
    /// sentences that mention each figure.
    pub fn with_detail<T>(&self, f: impl FnOnce(&Detail, &[String]) -> T) -> T {
        if let Some(d) = self.detail.get() {
            return f(d, self.said());
        }
        let (detail, said) = self.fetched().unwrap_or_default();
        match (said, self.said.get()) {
            (_, Some(kept)) => f(&detail, kept),
            (Some(said), None) => f(&detail, &said),
            (None, None) => {
                let said = said::sentences_of(self, &detail.mentions, detail.figures.len());
                f(&detail, &said)
            }
        }
    }

    /// True once the detail is at hand.
    pub fn has_detail(&self) -> bool {
        self.detail.get().is_some()
    }

    fn fetched(&self) -> Option<Fetched> {
        self.fetch.as_ref()?.fetch(&self.source)
    }

    pub fn figures(&self) -> &[Figure] {
        &self.detail().figures
    }

    pub fn mentions(&self) -> &[Mention] {
        &self.detail().mentions
    }

    pub fn events(&self) -> &[Event] {
        &self.detail().events
    }

    /// Per figure, the sentences of the body that mention it, one after
    /// another, each ended by a newline.
    pub fn said(&self) -> &[String] {
        if let Some(s) = self.said.get() {
            return s;
        }
        self.detail();
        self.said.get_or_init(|| {
            let d = self.detail();
            said::sentences_of(self, &d.mentions, d.figures.len())
        })
    }

    pub fn section_by_anchor(&self, anchor: &str) -> Option<SectionIdx> {
        self.sections
            .iter()
            .position(|s| s.anchor == anchor)
            .map(SectionIdx)
    }

    pub fn section(&self, idx: SectionIdx) -> Option<&Section> {
        self.sections.get(idx.0)
    }

    pub fn figure(&self, idx: FigureIdx) -> Option<&Figure> {
        self.figures().get(idx.0)
    }

    pub fn figure_by_id(&self, id: &str) -> Option<FigureIdx> {
        self.figures()
            .iter()
            .position(|f| f.id == id)
            .map(FigureIdx)
    }

    /// Pillars: the sections at depth 1, in order.
    pub fn pillars(&self) -> impl Iterator<Item = SectionIdx> + '_ {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.depth == 1)
            .map(|(i, _)| SectionIdx(i))
    }

    /// The pillar a section belongs to (itself for a pillar), if any.
    pub fn pillar_of(&self, mut idx: SectionIdx) -> Option<SectionIdx> {
        loop {
            let s = self.sections.get(idx.0)?;
            match s.depth {
                0 => return None,
                1 => return Some(idx),
                _ => idx = s.parent?,
            }
        }
    }

    /// The section holding byte `offset` of the file.
    pub fn section_at(&self, offset: usize) -> SectionIdx {
        let i = self
            .sections
            .partition_point(|s| s.range.start <= offset)
            .saturating_sub(1);
        SectionIdx(i)
    }

    /// Short title and year, e.g. "Peninsula Plus (2023)".
    pub fn display_name(&self) -> String {
        match self.meta.published {
            Some(d) => format!("{} ({})", self.meta.short_title, d.year),
            None => self.meta.short_title.clone(),
        }
    }

    /// The sections of `idx`'s subtree (itself and its descendants), as an
    /// index range; the whole brief for the preamble.
    pub fn subtree(&self, idx: SectionIdx) -> std::ops::Range<usize> {
        let Some(s) = self.sections.get(idx.0) else {
            return 0..0;
        };
        if s.depth == 0 {
            return 0..self.sections.len();
        }
        let end = self.sections[idx.0 + 1..]
            .iter()
            .position(|o| o.depth <= s.depth)
            .map_or(self.sections.len(), |p| idx.0 + 1 + p);
        idx.0..end
    }

    /// Ancestors of a section, outermost first, excluding the preamble.
    pub fn breadcrumb(&self, idx: SectionIdx) -> Vec<SectionIdx> {
        let mut chain = Vec::new();
        let mut cur = Some(idx);
        while let Some(i) = cur {
            let Some(s) = self.sections.get(i.0) else {
                break;
            };
            if s.depth == 0 {
                break;
            }
            chain.push(i);
            cur = s.parent;
        }
        chain.reverse();
        chain
    }
}
