//! From a report (plain text, Markdown, an HTML page or a PDF) to its clean
//! text, its statistic candidates and its dated sentences; and from those to
//! a draft brief. No UI types here.
//!
//! The pipeline: [`read`] the bytes (a size cap, regular files only),
//! [`detect`] the format by content, turn the document into [`Doc`] blocks
//! (one paragraph or heading each, which is one line of the clean text),
//! then [`stats`] and [`events`] scan the blocks sentence by sentence.

pub mod clean;
pub mod detect;
pub mod draft;
pub mod events;
pub mod html;
pub mod label;
pub mod lookalike;
pub mod markdown;
pub mod meta;
pub mod numbers;
pub mod pdf;
pub mod read;
pub mod sample_pdf;
pub mod sentences;
pub mod stats;
pub mod text;
pub mod tokens;
pub mod vocab;

use std::fmt;

use serde::Serialize;

pub use detect::Format;

/// What a block of the clean text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A heading, level 1 (the title) to 6.
    Heading(u8),
    Paragraph,
    /// A footnote, endnote or reference: kept in the text, never scanned.
    Note,
}

/// One line of the clean text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

impl Block {
    pub fn para(text: impl Into<String>) -> Self {
        Self {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }
    }

    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Self {
            kind: BlockKind::Heading(level),
            text: text.into(),
        }
    }

    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading(_))
    }
}

/// A document as extraction sees it: what it says about itself, and its
/// blocks in reading order.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub format: Option<Format>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    pub blocks: Vec<Block>,
    /// Things the user should know about how the text was had ("no article
    /// found: all of the page's text").
    pub notices: Vec<String>,
}

impl Doc {
    /// The clean text: one block a line.
    pub fn clean_text(&self) -> String {
        let mut out = String::with_capacity(self.blocks.iter().map(|b| b.text.len() + 1).sum());
        for b in &self.blocks {
            out.push_str(&b.text);
            out.push('\n');
        }
        out
    }

    /// The title: the document's own, else its first heading.
    pub fn best_title(&self) -> Option<String> {
        self.title.clone().or_else(|| {
            self.blocks
                .iter()
                .find(|b| b.is_heading())
                .map(|b| b.text.clone())
        })
    }
}

/// Why a file gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    Io(String),
    NotAFile,
    Empty,
    TooBig { bytes: u64, cap: u64 },
    Binary,
    InvalidUtf8 { line: usize },
    PdfEncrypted,
    PdfBroken(String),
    PdfNoText,
    NoText,
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Io(e) => write!(f, "{e}"),
            Self::NotAFile => write!(f, "not a regular file"),
            Self::Empty => write!(f, "the file is empty"),
            Self::TooBig { bytes, cap } => write!(
                f,
                "the file is too large ({} MB; at most {} MB)",
                bytes.div_ceil(1 << 20),
                cap >> 20
            ),
            Self::Binary => write!(
                f,
                "a binary file, not text, Markdown, HTML or PDF (its extension says otherwise)"
            ),
            Self::InvalidUtf8 { line } => {
                write!(f, "invalid UTF-8 on line {line} (is this a text file?)")
            }
            Self::PdfEncrypted => write!(f, "an encrypted PDF: decrypt it first"),
            Self::PdfBroken(why) => write!(f, "a damaged or truncated PDF ({why})"),
            Self::PdfNoText => write!(
                f,
                "a PDF with no text layer (scanned images?): run OCR on it first"
            ),
            Self::NoText => write!(f, "no text found in it"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// The statistics and dated sentences of a document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Findings {
    pub statistics: Vec<stats::Candidate>,
    pub events: Vec<events::EventCandidate>,
}

/// Turns bytes into a [`Doc`]. `name` is the file name: its extension is a
/// hint, the content decides. A PDF is read on a worker thread, given up
/// on when it takes too long.
pub fn document(bytes: &[u8], name: &str) -> Result<Doc, ExtractError> {
    document_on(bytes, name, true)
}

/// [`document`] all on this thread, with no time bound: for the fuzzer,
/// which bounds time itself.
pub fn document_inline(bytes: &[u8], name: &str) -> Result<Doc, ExtractError> {
    document_on(bytes, name, false)
}

fn document_on(bytes: &[u8], name: &str, worker: bool) -> Result<Doc, ExtractError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    let format = detect::format(bytes, name)?;
    let mut doc = match format {
        Format::Pdf if worker => pdf::document(bytes)?,
        Format::Pdf => pdf::read(bytes)?,
        Format::Html => html::document(&detect::utf8(bytes)?),
        Format::Markdown => markdown::document(&detect::utf8(bytes)?),
        Format::Text => text::document(&detect::utf8(bytes)?),
    };
    doc.format = Some(format);
    for b in &mut doc.blocks {
        b.text = clean::line(&b.text);
    }
    doc.blocks.retain(|b| !b.text.is_empty());
    meta::fill(&mut doc);
    if !doc.blocks.iter().any(|b| !b.is_heading()) {
        return Err(if format == Format::Pdf {
            ExtractError::PdfNoText
        } else {
            ExtractError::NoText
        });
    }
    Ok(doc)
}

/// Every statistic candidate and dated sentence of `doc`.
pub fn findings(doc: &Doc) -> Findings {
    let mut statistics = Vec::new();
    let mut events = Vec::new();
    let mut heading: Option<&str> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        match b.kind {
            BlockKind::Heading(_) => heading = Some(&b.text),
            BlockKind::Note => {}
            BlockKind::Paragraph => {
                for s in sentences::split(&b.text) {
                    let at = stats::Place {
                        line: i + 1,
                        sentence: s,
                        heading,
                    };
                    statistics.extend(stats::scan(&at));
                    events.extend(events::scan(&at));
                }
            }
        }
    }
    // Keep only values that `check --sources` finds in the clean text: a
    // value glued to what stands before it (`x-38 percent`) is no value.
    if !statistics.is_empty() {
        let text = crate::trace::SourceText::new(doc.clean_text());
        statistics.retain(|c| text.find(&c.value).is_some());
    }
    label::assign_ids(&mut statistics);
    Findings { statistics, events }
}

/// Reads and extracts the report at `path` (at most `cap` bytes).
pub fn load(path: &std::path::Path, cap: u64) -> Result<Doc, ExtractError> {
    let bytes = read::bytes(path, cap)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    document(&bytes, &name)
}
