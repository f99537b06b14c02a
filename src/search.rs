//! Text search: matches in laid-out lines (for highlighting) and in the
//! blocks of every brief (for the library-wide list). Case-insensitive
//! unless the query has a capital letter (smart case).

use unicode_width::UnicodeWidthChar;

use crate::doc::{BlockKind, Doc};

/// A match in laid-out lines, in display columns. A phrase the wrapping
/// split goes on at the start of the next line: that part is the `tail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineMatch {
    pub line: usize,
    pub col: usize,
    pub width: usize,
    pub tail: Option<Segment>,
}

/// Part of a match on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub line: usize,
    pub col: usize,
    pub width: usize,
}

pub fn case_sensitive(query: &str) -> bool {
    query.chars().any(char::is_uppercase)
}

/// Dashes and quotes always fold (`U.S.-China` finds `U.S.–China`); case
/// and diacritics only without a capital in the query.
fn fold(c: char, sensitive: bool) -> char {
    if sensitive {
        crate::query::fold_punct(c)
    } else {
        crate::query::fold_char(c)
    }
}

/// Every match of `query` in `text`: (char index, char length).
pub fn find_chars(text: &str, query: &str) -> Vec<(usize, usize)> {
    let sensitive = case_sensitive(query);
    let needle: Vec<char> = query.chars().map(|c| fold(c, sensitive)).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(|c| fold(c, sensitive)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()] == needle[..] {
            out.push((i, needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Matches in one line of text, converted to display columns.
pub fn line_matches(line: usize, text: &str, query: &str) -> Vec<LineMatch> {
    block_matches(&[(line, text.to_owned())], query)
}

/// Matches in the wrapped lines of one block, (line number, text) in order:
/// the lines are read as one text, so a phrase split by the wrapping is
/// found. A continuation line's indent is not part of the text; a line
/// that ends in `-` joins the next without a space.
pub fn block_matches(lines: &[(usize, String)], query: &str) -> Vec<LineMatch> {
    // The joined text, and where each of its chars sits on screen.
    let mut joined = String::new();
    let mut at: Vec<(usize, usize, usize)> = Vec::new();
    for (n, (line, text)) in lines.iter().enumerate() {
        let mut col = 0;
        let mut chars = text.chars().peekable();
        if n > 0 {
            while let Some(c) = chars.next_if(|c| c.is_whitespace()) {
                col += c.width().unwrap_or(0);
            }
            if !joined.ends_with('-') {
                joined.push(' ');
                at.push((*line, col, 0));
            }
        }
        for c in chars {
            let w = c.width().unwrap_or(0);
            joined.push(c);
            at.push((*line, col, w));
            col += w;
        }
    }
    find_chars(&joined, query)
        .into_iter()
        .filter_map(|(start, len)| {
            let chars = at.get(start..start + len)?;
            let (line, col, _) = *chars.first()?;
            let width = |l: usize| {
                chars
                    .iter()
                    .filter(|(cl, _, _)| *cl == l)
                    .map(|(_, _, w)| w)
                    .sum()
            };
            let tail = chars
                .iter()
                .find(|(l, _, w)| *l != line && *w > 0)
                .map(|&(l, c, _)| Segment {
                    line: l,
                    col: c,
                    width: width(l),
                });
            Some(LineMatch {
                line,
                col,
                width: width(line),
                tail,
            })
        })
        .collect()
}

/// The searchable text of a block.
pub fn block_text(kind: &BlockKind) -> String {
    match kind {
        BlockKind::Heading { text, .. } | BlockKind::Paragraph(text) => text.text.clone(),
        BlockKind::Code { text } | BlockKind::Html(text) => text.clone(),
        BlockKind::Table(t) => t
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        BlockKind::Rule => String::new(),
    }
}

/// A hit in a brief's blocks, with some context around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockHit {
    pub block: usize,
    /// The section the block lies in.
    pub section: crate::model::SectionIdx,
    pub context: String,
    /// Where the match sits in `context`: (char index, char length).
    pub at: (usize, usize),
}

/// Every block of `doc` that contains `query`, one hit per match.
pub fn doc_hits(doc: &Doc, query: &str, limit: usize) -> Vec<BlockHit> {
    let mut out = Vec::new();
    for (bi, b) in doc.blocks.iter().enumerate() {
        let text = block_text(&b.kind).replace('\n', " ");
        let chars: Vec<char> = text.chars().collect();
        for (start, len) in find_chars(&text, query) {
            let from = start.saturating_sub(30);
            let to = (start + len + 40).min(chars.len());
            let mut context: String = chars[from..to].iter().collect();
            let mut at = start - from;
            if from > 0 {
                context.insert(0, '…');
                at += 1;
            }
            if to < chars.len() {
                context.push('…');
            }
            out.push(BlockHit {
                block: bi,
                section: b.section,
                context,
                at: (at, len),
            });
            if out.len() >= limit {
                return out;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_split_by_the_wrapping_is_found_on_both_lines() {
        let lines = [
            (4, "• Chips, networks and".to_owned()),
            (5, "  semiconductor exports to".to_owned()),
            (6, "  China, and U.S.-".to_owned()),
            (7, "  South Korea ties".to_owned()),
        ];
        let m = block_matches(&lines, "and semiconductor");
        assert_eq!(
            m,
            [LineMatch {
                line: 4,
                col: 18,
                width: 3,
                tail: Some(Segment {
                    line: 5,
                    col: 2,
                    width: 13
                }),
            }]
        );
        // A break after a hyphen joins without a space.
        let m = block_matches(&lines, "u.s.-south");
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].line, m[0].col, m[0].width), (6, 13, 5));
        assert_eq!(
            m[0].tail,
            Some(Segment {
                line: 7,
                col: 2,
                width: 5
            })
        );
        // Within one line: no tail; the indent is never matched.
        let m = block_matches(&lines, "exports");
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].line, m[0].col, m[0].width, m[0].tail),
            (5, 16, 7, None)
        );
        assert!(block_matches(&lines, "to  china").is_empty());
    }

    #[test]
    fn dashes_and_quotes_fold() {
        assert_eq!(
            find_chars("the U.S.–China rivalry", "U.S.-China"),
            [(4, 10)]
        );
        assert_eq!(find_chars("Korea’s Café", "korea's cafe"), [(0, 12)]);
    }

    #[test]
    fn smart_case() {
        assert_eq!(find_chars("Chip chip CHIP", "chip").len(), 3);
        assert_eq!(find_chars("Chip chip CHIP", "Chip"), [(0, 4)]);
    }

    #[test]
    fn columns_count_display_width() {
        let m = line_matches(3, "한국 chips", "chips");
        assert_eq!(
            m,
            [LineMatch {
                line: 3,
                col: 5,
                width: 5,
                tail: None,
            }]
        );
    }

    #[test]
    fn context_marks_cuts() {
        let doc = Doc {
            blocks: vec![crate::doc::Block {
                kind: BlockKind::Paragraph(crate::doc::Inline::plain(
                    &format!("{} the needle {}", "x".repeat(50), "y".repeat(60)),
                    crate::doc::Style::default(),
                )),
                containers: Vec::new(),
                hidden_depth: 0,
                gap_before: false,
                offset: 0,
                section: crate::model::SectionIdx(0),
            }],
        };
        let hits = doc_hits(&doc, "needle", 10);
        assert_eq!(hits.len(), 1);
        let h = &hits[0];
        assert!(h.context.starts_with('…') && h.context.ends_with('…'));
        let shown: String = h.context.chars().skip(h.at.0).take(h.at.1).collect();
        assert_eq!(shown, "needle");
    }
}
