//! Which format a file is, by its content first and its name second.

use serde::Serialize;

use super::ExtractError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
}

impl Format {
    pub const fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Pdf => "pdf",
        }
    }
}

/// How far into a file the sniffing looks.
const SNIFF: usize = 8192;

/// The format of `bytes`; `name`'s extension only decides between Markdown
/// and plain text when the content leaves it open.
pub fn format(bytes: &[u8], name: &str) -> Result<Format, ExtractError> {
    let head = &bytes[..bytes.len().min(SNIFF)];
    if is_pdf(head) {
        return Ok(Format::Pdf);
    }
    if is_binary(head) {
        return Err(ExtractError::Binary);
    }
    let text = String::from_utf8_lossy(head);
    if looks_html(&text) {
        return Ok(Format::Html);
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(ext.as_str(), "html" | "htm" | "xhtml") && text.contains('<') {
        return Ok(Format::Html);
    }
    if matches!(ext.as_str(), "md" | "markdown" | "mdown") || looks_markdown(&text) {
        return Ok(Format::Markdown);
    }
    Ok(Format::Text)
}

/// The text of `bytes`, or where it stops being UTF-8.
pub fn utf8(bytes: &[u8]) -> Result<String, ExtractError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').unwrap_or(s).to_owned()),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = memchr::memchr_iter(b'\n', valid).count() + 1;
            Err(ExtractError::InvalidUtf8 { line })
        }
    }
}

/// `%PDF-` at the start, or within the first KB (some writers put junk
/// before it, and readers accept that).
fn is_pdf(head: &[u8]) -> bool {
    let window = &head[..head.len().min(1024)];
    window.windows(5).any(|w| w == b"%PDF-")
}

/// NUL bytes, the magic of a known binary format, or many control bytes.
fn is_binary(head: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"\xff\xd8\xff",
        b"GIF8",
        b"\x7fELF",
        b"BZh",
        b"\xd0\xcf\x11\xe0",
    ];
    if MAGIC.iter().any(|m| head.starts_with(m)) || head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len()
}

fn looks_html(text: &str) -> bool {
    let start = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .get(..15)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return true;
    }
    let lower = text.to_ascii_lowercase();
    ["<body", "<head>", "<article", "</p>", "<div"]
        .iter()
        .filter(|t| lower.contains(*t))
        .count()
        >= 2
}

/// ATX headings, links or emphasis of Markdown, more than once.
fn looks_markdown(text: &str) -> bool {
    let headings = text
        .lines()
        .filter(|l| {
            let hashes = l.len() - l.trim_start_matches('#').len();
            (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
        })
        .count();
    let links = text.matches("](").count();
    headings >= 2 || (headings >= 1 && links >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(format(b"%PDF-1.7\n...", "a.txt"), Ok(Format::Pdf));
        assert_eq!(
            format(b"<!DOCTYPE html><html><p>x</p></html>", "a.txt"),
            Ok(Format::Html)
        );
        assert_eq!(
            format(b"# Title\n\n## Part\n\ntext", "a.txt"),
            Ok(Format::Markdown)
        );
        assert_eq!(format(b"Plain words.\n", "a.txt"), Ok(Format::Text));
        assert_eq!(format(b"Plain words.\n", "a.md"), Ok(Format::Markdown));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            format(b"\x89PNG\r\n\x1a\n", "a.txt"),
            Err(ExtractError::Binary)
        );
        assert_eq!(format(b"ab\0cd", "a.txt"), Err(ExtractError::Binary));
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        assert_eq!(
            utf8(b"one\ntwo \xff"),
            Err(ExtractError::InvalidUtf8 { line: 2 })
        );
    }
}
