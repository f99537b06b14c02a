//! A long body built a piece at a time: where it is cut, the pieces built
//! in order, and the tail from one section on.

use std::ops::ControlFlow;

use pulldown_cmark::Parser;

use super::Builder;
use crate::doc::{Doc, Progress};
use crate::parse::markdown_options;

/// Where to cut `body` into pieces of at least `chunk` bytes: section
/// starts (in file coordinates, the body starting at `base`) whose heading
/// opens a line. None when something in the body may refer across pieces.
pub(super) fn chunk_cuts(body: &str, base: usize, starts: &[usize], chunk: usize) -> Vec<usize> {
    if body.len() <= chunk || !cuttable(body) {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    let mut last = 0;
    for rel in starts.iter().filter_map(|s| s.checked_sub(base)) {
        if rel >= last + chunk
            && rel < body.len()
            && body.as_bytes().get(rel.wrapping_sub(1)) == Some(&b'\n')
        {
            cuts.push(rel);
            last = rel;
        }
    }
    cuts
}

/// [`build_text`], parsing a long body a piece of at least `chunk` bytes
/// at a time, so the parser's tree never holds the whole of it.
pub fn build_in_chunks(
    body: &str,
    base: usize,
    starts: &[usize],
    progress: Option<&Progress>,
    chunk: usize,
) -> Doc {
    let mut doc = Doc::default();
    build_pieces(body, base, starts, progress, chunk, |piece| {
        doc.blocks.extend(piece.blocks);
        ControlFlow::Continue(())
    });
    doc
}

/// Builds the IR of `body` a piece at a time and hands each piece's blocks
/// to `sink` in order, so a caller that lays them out at once never holds
/// the whole document. Pieces end where a section's heading opens a line,
/// which closes every block before it; a body with link reference
/// definitions or footnotes, which refer across pieces, is one piece.
/// `sink` may stop the build after any piece.
pub fn build_pieces(
    body: &str,
    base: usize,
    starts: &[usize],
    progress: Option<&Progress>,
    chunk: usize,
    mut sink: impl FnMut(Doc) -> ControlFlow<()>,
) {
    let mut b = Builder::new(starts);
    let mut from = 0;
    for to in chunk_cuts(body, base, starts, chunk)
        .into_iter()
        .chain([body.len()])
    {
        let Some(part) = body.get(from..to) else {
            continue;
        };
        let parser = Parser::new_ext(part, markdown_options());
        for (i, (event, range)) in parser.into_offset_iter().enumerate() {
            if i % 4096 == 0
                && let Some(p) = progress
            {
                p.set(from + range.start, body.len());
            }
            b.event(event, base + from + range.start);
        }
        from = to;
        if to < body.len() && sink(std::mem::take(&mut b.doc)).is_break() {
            return;
        }
    }
    b.close_open();
    b.notes.place(&mut b.doc);
    let _ = sink(b.doc);
}

/// Whether `body` can be cut into pieces built on their own: nothing in it
/// may refer across a cut (link reference definitions, footnotes).
pub fn cuttable(body: &str) -> bool {
    !body.contains("]:") && !body.contains("[^")
}

/// The blocks of `body` from byte `from` on, built on their own: `from`
/// is where a section's heading opens a line (which closes every block
/// before it), and `links` and `mentions` are how many of each come
/// before it, so the roles are numbered as in the whole. The blocks are
/// those of the whole body from that section on, when the body is
/// [`cuttable`].
pub fn build_tail(
    body: &str,
    base: usize,
    from: usize,
    starts: &[usize],
    links: u32,
    mentions: u32,
) -> Doc {
    let mut b = Builder::new(starts);
    b.emitted = usize::from(from > 0);
    b.links = links;
    b.mentions = mentions;
    let part = body.get(from..).unwrap_or("");
    for (event, range) in Parser::new_ext(part, markdown_options()).into_offset_iter() {
        b.event(event, base + from + range.start);
    }
    b.close_open();
    b.notes.place(&mut b.doc);
    b.doc
}
