//! Glossary terms marked in a document for the reader: each term's first
//! occurrence per section, in running text only (never in headings, code,
//! link text or figure mentions), as [`Role::Term`].

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{BlockKind, Doc, Inline, Role, Style, flags};
use crate::glossary::{Glossary, Term};

/// Marks the glossary terms of `doc`. A body with no name of any term
/// comes back as it was.
pub fn mark(doc: &mut Doc, g: &Glossary) {
    if g.terms.is_empty() {
        return;
    }
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    // Per term, how many of its occurrences are marked so far.
    let mut counts: HashMap<usize, u16> = HashMap::new();
    for b in &mut doc.blocks {
        let section = b.section.0;
        match &mut b.kind {
            BlockKind::Paragraph(text) => mark_inline(text, g, section, &mut seen, &mut counts),
            BlockKind::Table(t) => {
                // The header row is a heading.
                for cell in t.rows.iter_mut().skip(1).flatten() {
                    mark_inline(cell, g, section, &mut seen, &mut counts);
                }
            }
            _ => {}
        }
    }
}

fn mark_inline(
    text: &mut Inline,
    g: &Glossary,
    section: usize,
    seen: &mut HashSet<(usize, usize)>,
    counts: &mut HashMap<usize, u16>,
) {
    let mut chosen: Vec<(Range<usize>, Role)> = Vec::new();
    for o in g.occurrences(&text.text) {
        let Some(term) = g.terms.get(o.term) else {
            continue;
        };
        let written = text.text.get(o.range.clone()).unwrap_or("");
        if seen.contains(&(section, o.term))
            || !is_plain(text, &o.range)
            || is_common_word(written, term)
        {
            continue;
        }
        let Ok(index) = u16::try_from(o.term) else {
            continue;
        };
        let nth = counts.entry(o.term).or_default();
        let role = Role::Term {
            term: index,
            nth: *nth,
        };
        let Some(next) = nth.checked_add(1) else {
            continue;
        };
        *nth = next;
        seen.insert((section, o.term));
        chosen.push((o.range, role));
    }
    if chosen.is_empty() {
        return;
    }
    let old = std::mem::take(text);
    let mut start = 0usize;
    for (end, style) in &old.runs {
        let end = *end as usize;
        let mut at = start;
        while at < end {
            let (to, st) = piece(&chosen, at, end, *style);
            text.push(old.text.get(at..to).unwrap_or(""), st);
            at = to;
        }
        start = end;
    }
    text.shrink_to_fit();
}

/// Where the piece of a run that starts at `at` (and ends by `end`)
/// stops, and its style: a term's, inside a chosen range.
fn piece(chosen: &[(Range<usize>, Role)], at: usize, end: usize, style: Style) -> (usize, Style) {
    if let Some((r, role)) = chosen.iter().find(|(r, _)| r.start <= at && at < r.end) {
        let st = Style {
            role: *role,
            flags: style.flags,
        };
        return (r.end.min(end), st);
    }
    let next = chosen
        .iter()
        .map(|(r, _)| r.start)
        .filter(|s| *s > at)
        .min()
        .unwrap_or(end);
    (next.min(end), style)
}

/// True if every run under `range` is plain running text (not code, a
/// link, a mention...).
fn is_plain(text: &Inline, range: &Range<usize>) -> bool {
    let mut start = 0usize;
    for (end, style) in &text.runs {
        let end = *end as usize;
        if start < range.end
            && range.start < end
            && (style.role != Role::Text || style.flags & flags::CODE != 0)
        {
            return false;
        }
        start = end;
    }
    true
}

/// True if `written` is one everyday word (letters only, no capital but
/// the first) naming `term` by an alias or its expansion rather than the
/// term itself: `China` for `PRC`. Such a word is read everywhere and is
/// not marked.
fn is_common_word(written: &str, term: &Term) -> bool {
    let word = written.trim_end_matches("'s").trim_end_matches("’s");
    let one_word = !word.is_empty() && word.chars().all(char::is_alphabetic);
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    let later_capitals = word.chars().skip(1).any(char::is_uppercase);
    if !one_word || later_capitals || capitals > 1 {
        return false;
    }
    let stems = |s: &str| -> Vec<String> {
        crate::query::tokens(s)
            .into_iter()
            .map(|t| t.stem)
            .collect()
    };
    stems(word) != stems(&term.term)
}

#[cfg(test)]
mod tests;
