//! The walk over a brief's Markdown that collects headings and links, with
//! their ranges in file coordinates.
//!
//! pulldown-cmark builds a tree of the whole text it is given before the
//! first event, about four times the text's size. A long body is therefore
//! scanned a piece at a time, and the pieces on two threads: a piece ends
//! before an ATX heading that opens a line after a blank line, once the
//! piece on its own leaves no block open at its end (an unclosed code
//! fence or HTML block would have swallowed the heading, so then the piece
//! runs on to the next such heading). Link reference definitions and
//! footnotes refer across pieces; a body that may hold them is scanned
//! whole.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::markdown_options;

/// A body at least this long is scanned in pieces of about this size.
const PIECE_BYTES: usize = 512 * 1024;

#[derive(Debug, PartialEq, Eq)]
pub(super) struct Heading {
    pub level: u8,
    pub title: String,
    pub range: Range<usize>,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) struct RawLink {
    pub dest: String,
    pub text: String,
    pub range: Range<usize>,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Scan {
    pub headings: Vec<Heading>,
    pub links: Vec<RawLink>,
}

/// Scans `body`, which starts at byte `base` of its file.
pub(super) fn scan(body: &str, base: usize) -> Scan {
    scan_in_pieces(body, base, PIECE_BYTES)
}

/// [`scan`] with pieces of at least `piece` bytes (tests use small ones).
fn scan_in_pieces(body: &str, base: usize, piece: usize) -> Scan {
    let cuts = candidate_cuts(body, piece);
    if cuts.is_empty() {
        return scan_piece(body, base).0;
    }
    let bounds: Vec<Range<usize>> = std::iter::once(0)
        .chain(cuts.iter().copied())
        .zip(cuts.iter().copied().chain([body.len()]))
        .map(|(a, b)| a..b)
        .collect();
    let mut scanned: Vec<Option<(Scan, bool)>> = scan_all(body, base, &bounds)
        .into_iter()
        .map(Some)
        .collect();
    let mut out = Scan::default();
    let mut i = 0;
    while let Some(slot) = scanned.get_mut(i) {
        let (mut piece, open) = slot.take().unwrap_or_default();
        let start = bounds[i].start;
        i += 1;
        if open && i < bounds.len() {
            // The heading after this piece was inside a block: scan on
            // through the next piece, and if that still ends inside a
            // block, through the rest of the body (which bounds the
            // rescanning of a body that never closes a fence).
            let (joined, still_open) =
                scan_piece(body.get(start..bounds[i].end).unwrap_or(""), base + start);
            piece = joined;
            i += 1;
            if still_open && i < bounds.len() {
                piece = scan_piece(body.get(start..).unwrap_or(""), base + start).0;
                i = bounds.len();
            }
        }
        out.headings.extend(piece.headings);
        out.links.extend(piece.links);
    }
    out
}

/// Scans each piece, on two threads when there is more than one piece.
fn scan_all(body: &str, base: usize, bounds: &[Range<usize>]) -> Vec<(Scan, bool)> {
    let one = |r: &Range<usize>| scan_piece(body.get(r.clone()).unwrap_or(""), base + r.start);
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    if threads < 2 || bounds.len() < 2 {
        return bounds.iter().map(one).collect();
    }
    // Split by bytes, so both threads get about half the text.
    let half = body.len() / 2;
    let split = bounds
        .partition_point(|r| r.end <= half)
        .clamp(1, bounds.len() - 1);
    let (front, back) = bounds.split_at(split);
    std::thread::scope(|s| {
        let worker = s.spawn(|| back.iter().map(one).collect::<Vec<_>>());
        let mut out: Vec<(Scan, bool)> = front.iter().map(one).collect();
        // A panic in the worker is the parser's: scan the back here, where
        // the caller's guard turns a panic into this brief's error.
        match worker.join() {
            Ok(rest) => out.extend(rest),
            Err(_) => out.extend(back.iter().map(one)),
        }
        out
    })
}

/// Where a body may be cut: at least `piece` bytes apart, each the start of
/// a line that opens an ATX heading after a blank line. None when the body
/// is short or may hold reference definitions or footnotes.
fn candidate_cuts(body: &str, piece: usize) -> Vec<usize> {
    if body.len() < piece.saturating_mul(2) || body.contains("]:") || body.contains("[^") {
        return Vec::new();
    }
    let bytes = body.as_bytes();
    let mut cuts = Vec::new();
    let mut from = piece;
    while from < body.len() {
        let Some(at) = body.get(from..).and_then(|rest| rest.find("\n\n#")) else {
            break;
        };
        let cut = from + at + 2;
        if opens_atx_heading(&bytes[cut..]) {
            cuts.push(cut);
            from = cut + piece;
        } else {
            from = cut;
        }
    }
    cuts
}

/// See [`super::head_cut`]: the cut, and the scan of the text before it
/// (offsets from the body's start).
pub(super) fn head_cut(body: &str, min: usize, max: usize) -> Option<(usize, Scan)> {
    let finder = memchr::memmem::Finder::new(b"\n\n#");
    let bytes = body.as_bytes();
    let mut from = min.min(bytes.len());
    while let Some(at) = finder.find(&bytes[from..]) {
        let cut = from + at + 2;
        if cut > max {
            return None;
        }
        if opens_atx_heading(&bytes[cut..]) {
            let (scan, open) = scan_piece(body.get(..cut)?, 0);
            if !open {
                return Some((cut, scan));
            }
        }
        from = cut;
    }
    None
}

impl Scan {
    /// The same scan of text that starts `by` bytes further into its file.
    pub(super) fn shifted(mut self, by: usize) -> Self {
        for h in &mut self.headings {
            h.range = h.range.start + by..h.range.end + by;
        }
        for l in &mut self.links {
            l.range = l.range.start + by..l.range.end + by;
        }
        self
    }
}

/// `line` starts with one to six `#` and then a space, a tab or its end.
fn opens_atx_heading(line: &[u8]) -> bool {
    let hashes = line.iter().take_while(|&&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && matches!(line.get(hashes), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
}

/// One pass over `text`, which starts at byte `base` of its file; and
/// whether a block was still open at its end.
fn scan_piece(text: &str, base: usize) -> (Scan, bool) {
    let mut scan = Scan::default();
    let mut heading: Option<(u8, String, usize)> = None;
    let mut links: Vec<(String, String, usize)> = Vec::new();
    let mut reach = 0;
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        reach = reach.max(range.end);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new(), range.start));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, title, start)) = heading.take() {
                    scan.headings.push(Heading {
                        level,
                        title: title.trim().to_owned(),
                        range: base + start..base + range.end,
                    });
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                links.push((dest_url.into_string(), String::new(), range.start));
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, text, start)) = links.pop() {
                    scan.links.push(RawLink {
                        dest,
                        text,
                        range: base + start..base + range.end,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                if let Some((_, title, _)) = heading.as_mut() {
                    title.push_str(&t);
                }
                if let Some((_, text, _)) = links.last_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, title, _)) = heading.as_mut() {
                    title.push(' ');
                }
                if let Some((_, text, _)) = links.last_mut() {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    (scan, reach >= text.len())
}

#[cfg(test)]
mod tests;
