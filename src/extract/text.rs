//! Plain text to blocks: wrapped lines joined into paragraphs, headings told
//! from paragraphs by their shape, page furniture dropped.

use std::collections::HashMap;

use super::clean;
use super::{Block, BlockKind, Doc};

/// A plain-text report as a [`Doc`].
pub fn document(text: &str) -> Doc {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let wrapped = is_wrapped(&lines);
    let lines = drop_furniture(&lines, wrapped);
    Doc {
        blocks: blocks(&lines, wrapped),
        ..Doc::default()
    }
}

/// True when paragraphs are hard-wrapped (short lines, blank lines between
/// paragraphs), as text out of a PDF is; false when each line is a
/// paragraph already.
pub fn is_wrapped(lines: &[&str]) -> bool {
    let full: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.chars().count())
        .collect();
    if full.is_empty() || !lines.iter().any(|l| l.is_empty()) {
        return false;
    }
    let long = full.iter().filter(|&&n| n > 160).count();
    long * 5 < full.len()
}

/// Lines without page numbers and, in wrapped text, without the running
/// headers and footers that repeat (three times or more, digits aside).
pub fn drop_furniture<'a>(lines: &[&'a str], wrapped: bool) -> Vec<&'a str> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    if wrapped {
        for l in lines {
            if !l.is_empty() && l.chars().count() < 90 {
                *seen.entry(furniture_key(l)).or_default() += 1;
            }
        }
    }
    lines
        .iter()
        .copied()
        .filter(|l| {
            if is_page_number(l) {
                return false;
            }
            !(wrapped && l.chars().count() < 90 && seen.get(&furniture_key(l)) >= Some(&3))
        })
        .collect()
}

/// A line with its digits masked: `Page 3 of 40` and `Page 4 of 40` meet.
fn furniture_key(l: &str) -> String {
    l.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// `12`, `- 12 -`, `Page 12`, `12 of 40`, `xii`.
pub fn is_page_number(l: &str) -> bool {
    let t = l.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|'));
    if t.is_empty() {
        return false;
    }
    let lower = t.to_lowercase();
    let rest = lower
        .strip_prefix("page")
        .or_else(|| lower.strip_prefix("p."))
        .unwrap_or(&lower)
        .trim();
    let core = rest.split(" of ").next().unwrap_or(rest).trim();
    let digits = !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit());
    let roman = (1..=6).contains(&core.len())
        && core.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
        && lower == core;
    digits || roman
}

/// Lines (blank lines between paragraphs) to blocks.
pub fn blocks(lines: &[&str], wrapped: bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut para = String::new();
    let mut notes = false;
    for (i, l) in lines.iter().enumerate() {
        if l.is_empty() {
            // A word broken across a blank line (`anni-`, blank, `versary`).
            let hyphen_open = para.ends_with('-')
                && next_text(lines, i).is_some_and(|n| n.starts_with(char::is_lowercase));
            if !hyphen_open {
                flush(&mut out, &mut para, notes);
            }
            continue;
        }
        let next = lines.get(i + 1).copied();
        let may_head = para.is_empty() || (!wrapped && !continues(&para, l));
        if may_head && is_heading(l, next, wrapped) {
            flush(&mut out, &mut para, notes);
            notes = is_notes_heading(l);
            out.push(Block::heading(heading_level(l), *l));
            continue;
        }
        if !para.is_empty() && !wrapped && !continues(&para, l) {
            flush(&mut out, &mut para, notes);
        }
        clean::join(&mut para, l);
    }
    flush(&mut out, &mut para, notes);
    mark_title(&mut out);
    out
}

fn next_text<'a>(lines: &[&'a str], i: usize) -> Option<&'a str> {
    lines[i + 1..].iter().copied().find(|l| !l.is_empty())
}

fn flush(out: &mut Vec<Block>, para: &mut String, notes: bool) {
    let text = std::mem::take(para);
    if text.trim().is_empty() {
        return;
    }
    let kind = if notes || is_note(&text) {
        BlockKind::Note
    } else {
        BlockKind::Paragraph
    };
    out.push(Block { kind, text });
}

/// In text where each line is a paragraph, a line goes on the previous one
/// only when that one stopped mid-sentence and this one goes on in lower case.
fn continues(para: &str, line: &str) -> bool {
    para.ends_with('-') || (!ends_sentence(para) && line.starts_with(char::is_lowercase))
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '\u{201D}', ')', '\u{2019}'])
}

/// A short line that does not end like a sentence and starts with a
/// capital or a number; in wrapped text, also set apart or in title case.
fn is_heading(l: &str, next: Option<&str>, wrapped: bool) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || l.chars().count() > 110 {
        return false;
    }
    if l.ends_with(['.', ',', ';', ':', '-', '!']) || is_dateline(l) || l.starts_with("By ") {
        return false;
    }
    let first = l.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) || !l.chars().any(char::is_alphabetic) {
        return false;
    }
    if next.is_some_and(|n| n.starts_with(char::is_lowercase)) {
        return false;
    }
    if !wrapped {
        return true;
    }
    let apart = next.is_none_or(str::is_empty);
    let long_words: Vec<&&str> = words.iter().filter(|w| w.len() > 3).collect();
    let capitals = long_words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let title_case = !long_words.is_empty() && capitals * 10 >= long_words.len() * 7;
    (apart && words.len() <= 10) || title_case
}

/// `March 22, 2022`, `2023-03-15`: the date a report carries, no heading.
fn is_dateline(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    words.len() <= 4
        && words
            .last()
            .is_some_and(|w| w.trim_matches(|c: char| !c.is_ascii_digit()).len() == 4)
        && (super::events::month(words[0]).is_some()
            || l.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// `1.2 Title` is a level-3 heading, `1. Title` or `I. Title` level 2.
fn heading_level(l: &str) -> u8 {
    let num = l.split_whitespace().next().unwrap_or("");
    let dots = num.trim_end_matches('.').matches('.').count();
    if num.chars().next().is_some_and(|c| c.is_ascii_digit()) && dots >= 1 {
        3
    } else {
        2
    }
}

fn is_notes_heading(l: &str) -> bool {
    matches!(
        l.trim().to_lowercase().as_str(),
        "notes"
            | "endnotes"
            | "footnotes"
            | "references"
            | "sources"
            | "bibliography"
            | "works cited"
            | "citations"
    )
}

/// A note: a number first, then what a citation holds.
pub fn is_note(text: &str) -> bool {
    let t = text.trim_start_matches(['[', '(']);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let lower = t.to_lowercase();
    [
        "http",
        "ibid",
        "accessed",
        "doi",
        " pp.",
        " p. ",
        "retrieved",
        "op. cit",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

/// The first heading, when nothing but a dateline comes before it, is the
/// title: level 1.
fn mark_title(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        match b.kind {
            BlockKind::Heading(_) => {
                b.kind = BlockKind::Heading(1);
                return;
            }
            _ if is_dateline(&b.text) => {}
            _ => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Doc) -> Vec<(BlockKind, &str)> {
        doc.blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect()
    }

    #[test]
    fn one_paragraph_a_line() {
        let d = document("Title Of It\nOpening\nFirst paragraph here.\nSecond one.\n");
        assert_eq!(
            texts(&d),
            vec![
                (BlockKind::Heading(1), "Title Of It"),
                (BlockKind::Heading(2), "Opening"),
                (BlockKind::Paragraph, "First paragraph here."),
                (BlockKind::Paragraph, "Second one."),
            ]
        );
    }

    #[test]
    fn wrapped_paragraphs_join_and_pages_go() {
        let text = "The Long Report\n\nThe alliance will mark its 70th anni-\n\nversary in 2023, and the\nyears since were busy.\n\n12\n\nA second paragraph\nthat goes on.\n";
        let d = document(text);
        assert_eq!(
            texts(&d),
            vec![
                (BlockKind::Heading(1), "The Long Report"),
                (
                    BlockKind::Paragraph,
                    "The alliance will mark its 70th anniversary in 2023, and the years since were busy."
                ),
                (BlockKind::Paragraph, "A second paragraph that goes on."),
            ]
        );
    }

    #[test]
    fn notes_are_kept_apart() {
        let d = document("Body text here.\nNotes\n1 Ministry of Trade, 2021, p. 4.\n");
        assert_eq!(d.blocks[2].kind, BlockKind::Note);
    }

    #[test]
    fn page_numbers() {
        for l in ["12", "- 12 -", "Page 3", "page 3 of 40", "xii"] {
            assert!(is_page_number(l), "{l}");
        }
        for l in ["2023 was a year", "Mix", "12 troops"] {
            assert!(!is_page_number(l), "{l}");
        }
    }
}
