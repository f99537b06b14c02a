//! What a report says about itself in its opening lines: its date, its
//! authors (`By ...`), its publisher (`© 2023 ...`, `Published by ...`).

use super::tokens::tokenize;
use super::{BlockKind, Doc};

/// How many opening blocks are read for the date and authors.
const OPENING: usize = 12;

/// Fills what the format's own metadata left empty.
pub fn fill(doc: &mut Doc) {
    if doc.published.is_none() {
        doc.published = doc
            .blocks
            .iter()
            .take(OPENING)
            .find_map(|b| dateline(&b.text));
    }
    if doc.authors.is_empty()
        && let Some(a) = doc
            .blocks
            .iter()
            .take(OPENING)
            .find_map(|b| byline(&b.text))
    {
        doc.authors = a;
    }
    if doc.publisher.is_none() {
        doc.publisher = doc
            .blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Heading(1))
            .find_map(|b| publisher(&b.text));
    }
}

/// A block that is a date and nothing else: `March 22, 2022`.
fn dateline(text: &str) -> Option<String> {
    if text.split_whitespace().count() > 4 {
        return None;
    }
    let toks = tokenize(text);
    let (date, (a, b)) = (0..toks.len()).find_map(|i| super::events::date_at(&toks, i))?;
    let rest = toks[..a]
        .iter()
        .chain(&toks[b..])
        .any(super::tokens::Tok::is_word);
    (!rest && date.len() > 4).then_some(date)
}

/// `By Jane Doe and John Roe` → the names.
pub fn byline(text: &str) -> Option<Vec<String>> {
    let rest = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))?;
    if rest.split_whitespace().count() > 16
        || rest.ends_with('.') && rest.split_whitespace().count() > 8
    {
        return None;
    }
    let names: Vec<String> = rest
        .split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .map(|n| n.trim().trim_start_matches("and ").trim().to_owned())
        .filter(|n| {
            let words = n.split_whitespace().count();
            (2..=5).contains(&words)
                && n.split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
        })
        .collect();
    (!names.is_empty()).then_some(names)
}

/// `© 2023 Center for a New American Security`, `Copyright 2022 by X. All
/// rights reserved.`, `Published by X`.
fn publisher(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let from = ["©", "copyright", "published by"]
        .iter()
        .find_map(|k| lower.find(k).map(|i| i + k.len()))?;
    let rest = text.get(from..)?;
    let rest = rest
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '©' | ' ' | ',' | '-'))
        .trim_start_matches("by ")
        .trim();
    let name = rest.split(['.', ';', '|']).next()?.trim();
    let words = name.split_whitespace().count();
    ((1..=10).contains(&words) && name.starts_with(char::is_uppercase)).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_lines() {
        assert_eq!(dateline("March 22, 2022"), Some("2022-03-22".into()));
        assert_eq!(dateline("It rained in March 2022."), None);
        assert_eq!(
            byline("By Jane Doe and John Roe"),
            Some(vec!["Jane Doe".to_owned(), "John Roe".to_owned()])
        );
        assert_eq!(
            publisher("© 2023 Center for a New American Security. All rights reserved."),
            Some("Center for a New American Security".into())
        );
    }
}
