//! TOML front matter: split at byte 0 ourselves, then deserialize strictly.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::date::PartialDate;
use crate::diag::{Diagnostic, Pos};
use crate::model::{
    BOTTOM_LINE_WORDS, Event, Figure, FigureKind, Meta, SourceFile, TAKEAWAY_WORDS, TAKEAWAYS,
};
use crate::sanitize;
use crate::validate::is_slug;

/// Where the front matter lies in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The TOML between the `+++` lines.
    pub toml: Range<usize>,
    /// Where the Markdown body starts.
    pub body_start: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// An opening `+++` with no closing line; the offset of the opener.
    Unclosed(usize),
}

/// Finds front matter: an optional BOM, then `+++` alone on the first line,
/// closed by the next line that is `+++` alone. Only at byte 0; a `+++` later
/// in the document is ordinary Markdown.
pub fn split(text: &str) -> Result<Option<Split>, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let Some(first_len) = fence_line_len(rest) else {
        return Ok(None);
    };
    let toml_start = start + first_len;
    let mut pos = toml_start;
    while pos < text.len() {
        if let Some(len) = fence_line_len(&text[pos..]) {
            return Ok(Some(Split {
                toml: toml_start..pos,
                body_start: pos + len,
            }));
        }
        // Only a line that starts with `+++` can close: go to the next.
        match text[pos..].find("\n+++") {
            Some(i) => pos += i + 1,
            None => break,
        }
    }
    Err(SplitError::Unclosed(start))
}

/// If `s` starts with a line holding only `+++` (trailing blanks allowed),
/// the length of that line including its newline.
fn fence_line_len(s: &str) -> Option<usize> {
    let line_end = s.find('\n').map_or(s.len(), |i| i + 1);
    let line = s[..line_end].trim_end_matches(['\n', '\r', ' ', '\t']);
    (line == "+++").then_some(line_end)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFront {
    id: Spanned<String>,
    title: Spanned<String>,
    short_title: Option<Spanned<String>>,
    publisher: Option<Spanned<String>>,
    #[serde(default)]
    authors: Vec<Spanned<String>>,
    published: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    summary: Option<Spanned<String>>,
    bottom_line: Option<Spanned<String>>,
    takeaways: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    source_text: Option<Spanned<String>>,
    #[serde(default)]
    figures: Vec<Spanned<RawFigure>>,
    #[serde(default)]
    events: Vec<Spanned<RawEvent>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFigure {
    id: Spanned<String>,
    value: Spanned<String>,
    label: Spanned<String>,
    section: Spanned<String>,
    source: Spanned<String>,
    as_of: Option<Spanned<String>>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
    measure: Option<Spanned<String>>,
    kind: Option<FigureKind>,
    #[serde(default)]
    headline: bool,
    #[serde(default)]
    draft: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    date: Spanned<String>,
    label: Spanned<String>,
    section: Spanned<String>,
    key: Option<Spanned<String>>,
    #[serde(default)]
    draft: bool,
}

/// What the front matter yields: metadata, figures, events.
pub struct Front {
    pub meta: Meta,
    pub figures: Vec<Figure>,
    pub events: Vec<Event>,
}

/// Collects diagnostics while converting spanned values.
struct Ctx<'a> {
    file: &'a SourceFile,
    base: usize,
    diags: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn pos(&self, span: Range<usize>) -> Pos {
        self.file.pos(self.base + span.start)
    }

    fn error(&mut self, span: Range<usize>, msg: String) {
        let pos = self.pos(span);
        self.diags
            .push(Diagnostic::error(&self.file.name, Some(pos), msg));
    }

    /// The string, with a diagnostic if it holds control characters.
    fn text(&mut self, what: &str, s: Spanned<String>) -> String {
        let span = s.span();
        let value = s.into_inner();
        // Printable ASCII, the usual case, needs no look at characters.
        if !is_plain(&value) && !sanitize::is_clean(&value.replace('\t', " ")) {
            let shown = sanitize::line(&value).into_owned();
            self.error(
                span,
                format!("{what} contains control characters: \"{shown}\""),
            );
        }
        value
    }

    fn opt(&mut self, what: &str, s: Option<Spanned<String>>) -> Option<String> {
        s.map(|s| self.text(what, s))
    }

    fn list(&mut self, what: &str, v: Vec<Spanned<String>>) -> Vec<String> {
        v.into_iter().map(|s| self.text(what, s)).collect()
    }

    /// Tags, each outside the vocabulary warned of.
    fn tags(&mut self, what: &str, v: Vec<Spanned<String>>) -> Vec<String> {
        v.into_iter()
            .map(|s| {
                let pos = self.pos(s.span());
                let tag = self.text(what, s);
                if let Some(w) = crate::tags::unknown(&tag) {
                    self.diags
                        .push(Diagnostic::warning(&self.file.name, Some(pos), w));
                }
                tag
            })
            .collect()
    }

    /// The text, with an error if it holds more than `max` words.
    fn words(&mut self, what: &str, s: Spanned<String>, max: usize) -> String {
        let span = s.span();
        let text = self.text(what, s);
        let n = word_count(&text);
        if n > max {
            self.error(span, format!("{what} has {n} words; at most {max}"));
        }
        text
    }

    fn takeaways(&mut self, list: Spanned<Vec<Spanned<String>>>) -> Vec<String> {
        let span = list.span();
        let list = list.into_inner();
        if !TAKEAWAYS.contains(&list.len()) {
            let (lo, hi) = (TAKEAWAYS.start(), TAKEAWAYS.end());
            self.error(
                span.clone(),
                format!("takeaways has {} lines; give {lo} to {hi}", list.len()),
            );
        }
        list.into_iter()
            .map(|t| self.words("takeaway", t, TAKEAWAY_WORDS))
            .collect()
    }

    /// The text, with an error unless it is a slug.
    fn slug(&mut self, what: &str, s: Spanned<String>) -> String {
        let span = s.span();
        let text = self.text(what, s);
        if !is_slug(&text) {
            self.error(
                span,
                format!("{what} \"{text}\" is not a slug (lower-case letters, digits and `-`)"),
            );
        }
        text
    }

    fn date(&mut self, what: &str, s: Spanned<String>) -> Option<PartialDate> {
        let span = s.span();
        let text = self.text(what, s);
        match PartialDate::parse(&text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(span, format!("{what}: {e}"));
                None
            }
        }
    }
}

/// Words as a reader counts them: runs between blanks that hold a letter
/// or digit.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// True if `s` is all printable ASCII and tabs.
fn is_plain(s: &str) -> bool {
    s.bytes().all(|b| b == b'\t' || (b' '..0x7f).contains(&b))
}

/// Parses the TOML of `split` in `file`. Any error is a diagnostic with the
/// file's own line and column.
pub fn parse(file: &SourceFile, split: &Split, diags: &mut Vec<Diagnostic>) -> Option<Front> {
    let toml_text = &file.text()[split.toml.clone()];
    let repaired = match repair::deserialize::<RawFront>(toml_text) {
        Ok(r) => r,
        Err(e) => {
            let offset = split.toml.start + e.span().map_or(0, |s| s.start);
            let msg = toml_message(&e);
            diags.push(Diagnostic::error(&file.name, Some(file.pos(offset)), msg));
            return None;
        }
    };
    for (span, msg) in &repaired.errors {
        let offset = split.toml.start + span.start;
        let msg = msg.trim().lines().next().unwrap_or("invalid TOML");
        diags.push(Diagnostic::error(
            &file.name,
            Some(file.pos(offset)),
            format!("front matter: {}", sanitize::line(msg)),
        ));
    }
    let raw = repaired.value?;
    let before = diags.len();
    let front = build(file, split, raw, diags);
    if repaired.errors.is_empty() {
        return Some(front);
    }
    // The rest of the file is checked too, but a blank put in for a
    // mistake already reported is no mistake of its own; and a brief with
    // such mistakes is not read.
    let blanks: Vec<Pos> = repaired
        .blanks
        .iter()
        .map(|b| file.pos(split.toml.start + b))
        .collect();
    let mut i = 0;
    diags.retain(|d| {
        i += 1;
        i <= before || !d.pos.is_some_and(|p| blanks.contains(&p))
    });
    None
}

/// The metadata alone, from the keys the front matter sets before its
/// first table (`[[figures]]`, `[[events]]`): TOML puts every top-level
/// key there, so the rest need not be read for it. `None` if that part
/// does not read cleanly (a mistake, or a value the cut fell inside): the
/// whole is then read as usual, which says what is wrong.
pub fn head_meta(file: &SourceFile, split: &Split) -> Option<Meta> {
    let text = &file.text()[split.toml.clone()];
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            break;
        }
        end += line.len();
    }
    let raw: RawFront = toml::from_str(&text[..end]).ok()?;
    if !raw.figures.is_empty() || !raw.events.is_empty() {
        // Figures written inline are the whole's to read.
        return None;
    }
    let mut diags = Vec::new();
    let cut = Split {
        toml: split.toml.start..split.toml.start + end,
        body_start: split.body_start,
    };
    let front = build(file, &cut, raw, &mut diags);
    (!diags.iter().any(Diagnostic::is_error)).then_some(front.meta)
}

fn build(file: &SourceFile, split: &Split, raw: RawFront, diags: &mut Vec<Diagnostic>) -> Front {
    let mut cx = Ctx {
        file,
        base: split.toml.start,
        diags,
    };
    let id_pos = cx.pos(raw.id.span());
    let title = cx.text("title", raw.title);
    let meta = Meta {
        id: cx.text("id", raw.id),
        short_title: cx
            .opt("short_title", raw.short_title)
            .unwrap_or_else(|| title.clone()),
        title,
        publisher: cx.opt("publisher", raw.publisher),
        authors: cx.list("authors", raw.authors),
        published: raw.published.and_then(|d| cx.date("published", d)),
        url: cx.opt("url", raw.url),
        summary: cx.opt("summary", raw.summary),
        bottom_line: raw
            .bottom_line
            .map(|s| cx.words("bottom_line", s, BOTTOM_LINE_WORDS)),
        takeaways: raw.takeaways.map(|t| cx.takeaways(t)).unwrap_or_default(),
        tags: cx.tags("tags", raw.tags),
        source_text: cx.opt("source_text", raw.source_text),
        has_front_matter: true,
        id_pos: Some(id_pos),
    };
    let figures = raw
        .figures
        .into_iter()
        .map(|f| {
            let decl = cx.pos(f.span());
            let f = f.into_inner();
            Figure {
                id: cx.text("figure id", f.id),
                value: cx.text("figure value", f.value),
                label: cx.text("figure label", f.label),
                section_anchor: cx.text("figure section", f.section),
                section: None,
                source: cx.text("figure source", f.source),
                as_of: cx.opt("figure as_of", f.as_of),
                tags: cx.tags("figure tags", f.tags),
                measure: f.measure.map(|m| cx.slug("figure measure", m)),
                kind: f.kind,
                headline: f.headline,
                draft: f.draft,
                decl,
            }
        })
        .collect();
    let events = raw
        .events
        .into_iter()
        .filter_map(|e| {
            let decl = cx.pos(e.span());
            let e = e.into_inner();
            let date = cx.date("event date", e.date);
            let label = cx.text("event label", e.label);
            let section_anchor = cx.text("event section", e.section);
            let key = e.key.map(|k| cx.slug("event key", k));
            Some(Event {
                date: date?,
                label,
                key,
                section_anchor,
                section: None,
                draft: e.draft,
                decl,
            })
        })
        .collect();
    Front {
        meta,
        figures,
        events,
    }
}

/// The error's message without the source excerpt toml's Display adds.
fn toml_message(e: &toml::de::Error) -> String {
    let msg = e.message().trim();
    let msg = msg.lines().next().unwrap_or("invalid TOML");
    format!("front matter: {}", sanitize::line(msg))
}

pub mod repair;
#[cfg(test)]
mod tests;
