//! Turns one file into a [`Brief`]: front matter, then an offset-keeping
//! walk over the Markdown collecting headings, figure mentions and links.

mod scan;

use pulldown_cmark::Options;
use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::frontmatter::{self, SplitError};
use crate::model::{
    Brief, Detail, FigureIdx, Link, LinkTarget, Mention, Meta, Section, SectionIdx, SourceFile,
};
use crate::slug::{Slugger, slugify};
use scan::{Heading, Scan};

/// The Markdown dialect every brief is read with: `CommonMark` plus GFM tables,
/// footnotes, strikethrough and task lists. Front matter is split by us, never
/// by pulldown-cmark.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// Parses `file` into a brief. Problems local to the brief (front matter,
/// figures and mentions) are pushed to `diags`; `None` when the brief cannot be
/// used at all.
pub fn parse_brief(mut file: SourceFile, diags: &mut Vec<Diagnostic>) -> Option<Brief> {
    let front = match frontmatter::split(file.text()) {
        Ok(Some(split)) => {
            file.body_start = split.body_start;
            Some(frontmatter::parse(&file, &split, diags)?)
        }
        Ok(None) => {
            file.body_start = usize::from(file.text().starts_with('\u{feff}')) * 3;
            None
        }
        Err(SplitError::Unclosed(at)) => {
            diags.push(Diagnostic::error(
                &file.name,
                Some(file.pos(at)),
                "front matter is never closed: no `+++` line ends it",
            ));
            return None;
        }
    };
    let brief = with_body(file, front);
    crate::validate::brief(&brief, diags);
    Some(brief)
}

/// The brief of `file`, whose front matter (if any) was read into
/// `front` and whose body starts at `file.body_start`.
fn with_body(file: SourceFile, front: Option<frontmatter::Front>) -> Brief {
    let scan = scan::scan(file.body(), file.body_start);
    with_scan(file, front, scan)
}

/// [`with_body`], the body scanned already.
fn with_scan(file: SourceFile, front: Option<frontmatter::Front>, scan: Scan) -> Brief {
    let (meta, figures, events) = match front {
        Some(f) => (f.meta, f.figures, f.events),
        None => (plain_meta(&file, &scan), Vec::new(), Vec::new()),
    };
    let sections = build_sections(&file, &meta, &scan.headings);
    let mut detail = Detail {
        figures,
        mentions: Vec::new(),
        events,
    };
    let links = attach(&sections, &mut detail, scan);
    Brief::new(meta, sections, links, detail, file)
}

/// The first sections of a body: where they end, and the scan of them.
pub struct Head {
    pub cut: usize,
    scan: Scan,
}

impl Head {
    /// True if the body opens with a `#` heading.
    pub fn opens_with_h1(&self) -> bool {
        self.scan.headings.first().is_some_and(|h| h.level == 1)
    }
}

/// Where a body may be cut for its first sections alone: the first line
/// from byte `min` to `max` that opens a heading the text before it leaves
/// no block around, or `None`. (Link reference definitions and footnotes
/// after the cut are not looked for: see `library::head`.)
pub fn head_cut(body: &str, min: usize, max: usize) -> Option<Head> {
    scan::head_cut(body, min, max).map(|(cut, scan)| Head { cut, scan })
}

/// The brief of `head`, the start of a file up to the [`Head`] of its
/// body (which starts at `body_start`), with the metadata its front
/// matter gives before its tables (`meta`, `None` without front matter)
/// and no figures or events: what a long brief's first screen shows while
/// the whole is read (see `library::head`). Unchecked: the whole's
/// problems are the ones told.
pub fn parse_head(
    mut head: SourceFile,
    meta: Option<Meta>,
    body_start: usize,
    part: Head,
) -> Brief {
    head.body_start = body_start;
    let front = meta.map(|meta| frontmatter::Front {
        meta,
        figures: Vec::new(),
        events: Vec::new(),
    });
    with_scan(head, front, part.scan.shifted(body_start))
}

/// Metadata for a Markdown file without front matter.
fn plain_meta(file: &SourceFile, scan: &Scan) -> Meta {
    let stem = file
        .name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&file.name)
        .trim_end_matches(".md")
        .trim_end_matches(".markdown");
    let title = scan
        .headings
        .iter()
        .find(|h| h.level == 1)
        .map_or_else(|| stem.to_owned(), |h| h.title.clone());
    let id = slugify(stem);
    Meta {
        id: if id.is_empty() { "untitled".into() } else { id },
        short_title: title.clone(),
        title,
        ..Meta::default()
    }
}

/// The flat section list: the preamble first, then one section per heading,
/// nested by a level stack. A lone `#` heading that opens the document is the
/// brief's title and belongs to the preamble.
fn build_sections(file: &SourceFile, meta: &Meta, headings: &[Heading]) -> Vec<Section> {
    let end = file.text().len();
    let h1_count = headings.iter().filter(|h| h.level == 1).count();
    let title_heading = headings.first().filter(|h| h.level == 1 && h1_count == 1);
    let mut slugger = Slugger::default();
    let preamble_anchor = title_heading.map_or_else(String::new, |h| slugger.unique(&h.title));
    let body_headings = &headings[usize::from(title_heading.is_some())..];
    let mut sections = vec![Section {
        level: 0,
        depth: 0,
        title: meta.title.clone(),
        anchor: preamble_anchor,
        parent: None,
        children: Vec::new(),
        heading: file.body_start..file.body_start,
        range: file.body_start..body_headings.first().map_or(end, |h| h.range.start),
    }];
    let mut stack: Vec<SectionIdx> = Vec::new();
    for (i, h) in body_headings.iter().enumerate() {
        let idx = SectionIdx(sections.len());
        while stack
            .last()
            .is_some_and(|top| sections[top.0].level >= h.level)
        {
            stack.pop();
        }
        let parent = stack.last().copied();
        let depth = parent.map_or(1, |p| sections[p.0].depth.saturating_add(1));
        if let Some(p) = parent {
            sections[p.0].children.push(idx);
        }
        let next = body_headings.get(i + 1).map_or(end, |n| n.range.start);
        sections.push(Section {
            level: h.level,
            depth,
            title: h.title.clone(),
            anchor: slugger.unique(&h.title),
            parent,
            children: Vec::new(),
            heading: h.range.clone(),
            range: h.range.start..next,
        });
        stack.push(idx);
    }
    sections
}

/// Classifies links (returned), records mentions, and ties figures and
/// events to sections.
fn attach(sections: &[Section], detail: &mut Detail, scan: Scan) -> Vec<Link> {
    let mut figures: HashMap<&str, FigureIdx> = HashMap::new();
    for (i, f) in detail.figures.iter().enumerate() {
        figures.entry(f.id.as_str()).or_insert(FigureIdx(i));
    }
    let mut anchors: HashMap<&str, SectionIdx> = HashMap::new();
    for (i, s) in sections.iter().enumerate() {
        anchors.entry(s.anchor.as_str()).or_insert(SectionIdx(i));
    }
    let mut mentions = Vec::new();
    let mut links = Vec::new();
    for raw in scan.links {
        let section = section_at(sections, raw.range.start);
        if let Some(id) = raw.dest.strip_prefix("fig:") {
            mentions.push(Mention {
                figure_id: id.to_owned(),
                figure: figures.get(id).copied(),
                range: raw.range,
                section,
            });
            continue;
        }
        links.push(Link {
            target: classify(&raw.dest),
            text: raw.text,
            range: raw.range,
            section,
            resolved: None,
        });
    }
    let figure_sections: Vec<Option<SectionIdx>> = detail
        .figures
        .iter()
        .map(|f| anchors.get(f.section_anchor.as_str()).copied())
        .collect();
    let event_sections: Vec<Option<SectionIdx>> = detail
        .events
        .iter()
        .map(|e| anchors.get(e.section_anchor.as_str()).copied())
        .collect();
    detail.mentions = mentions;
    for (f, s) in detail.figures.iter_mut().zip(figure_sections) {
        f.section = s;
    }
    for (e, s) in detail.events.iter_mut().zip(event_sections) {
        e.section = s;
    }
    links
}

/// The section of `sections` holding byte `offset` of the file.
fn section_at(sections: &[Section], offset: usize) -> SectionIdx {
    SectionIdx(
        sections
            .partition_point(|s| s.range.start <= offset)
            .saturating_sub(1),
    )
}

/// What a link destination points at. Never touches the filesystem.
pub fn classify(dest: &str) -> LinkTarget {
    let dest = dest.trim();
    if let Some(anchor) = dest.strip_prefix('#') {
        return LinkTarget::Anchor(percent_decode(anchor));
    }
    if let Some(colon) = dest.find(':') {
        let scheme = &dest[..colon];
        let is_scheme = !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme {
            return match scheme.to_ascii_lowercase().as_str() {
                "http" | "https" | "mailto" => LinkTarget::External(dest.to_owned()),
                _ => LinkTarget::Refused(dest.to_owned()),
            };
        }
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(percent_decode(a))),
        None => (dest, None),
    };
    let path = percent_decode(path);
    if path.to_ascii_lowercase().ends_with(".md") {
        LinkTarget::Brief { path, anchor }
    } else {
        LinkTarget::Refused(dest.to_owned())
    }
}

/// Decodes `%XX` escapes; invalid sequences stay as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            )
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests;
