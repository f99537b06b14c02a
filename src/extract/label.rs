//! Suggested labels and ids for statistic candidates: the words next to the
//! value, to be rewritten by a curator.

use std::collections::HashMap;

use super::stats::{Candidate, Hit};
use super::tokens::Tok;
use super::vocab;

/// Words a suggested label holds at most.
const LABEL_WORDS: usize = 10;

/// A label from the words after the value (what it counts or measures), or
/// before it when too few follow.
pub(crate) fn suggest(sentence: &str, toks: &[Tok<'_>], hit: &Hit) -> String {
    let after = phrase(sentence, toks, hit.end, true);
    if after.split_whitespace().count() >= 3 || hit.noun_end > hit.end {
        return after;
    }
    let before = phrase(sentence, toks, hit.start, false);
    if before.is_empty() { after } else { before }
}

/// Up to [`LABEL_WORDS`] words from token `from` forward (or, backward,
/// ending before it), stopping at a clause's punctuation.
fn phrase(sentence: &str, toks: &[Tok<'_>], from: usize, forward: bool) -> String {
    let stops = |t: &Tok<'_>, prev: Option<&Tok<'_>>| {
        let initial = t.text == "." && prev.is_some_and(|p| p.text.chars().count() == 1);
        !t.is_word()
            && !t.is_num()
            && !initial
            && !matches!(t.text, "-" | "'" | "\u{2019}" | "%" | "$")
    };
    let (mut a, mut b) = (from, from);
    if forward {
        let mut words = 0;
        while b < toks.len()
            && words < LABEL_WORDS
            && !stops(&toks[b], b.checked_sub(1).map(|p| &toks[p]))
        {
            words += usize::from(toks[b].is_word());
            b += 1;
        }
        // Not `of the` first.
        while a < b && toks[a].is_word() && vocab::is_function_word(&toks[a].lower()) && a + 1 < b {
            a += 1;
        }
    } else {
        let mut words = 0;
        while a > 0
            && words < LABEL_WORDS
            && !stops(&toks[a - 1], a.checked_sub(2).map(|p| &toks[p]))
        {
            words += usize::from(toks[a - 1].is_word());
            a -= 1;
        }
    }
    // No function word last (`troops in the`).
    while b > a + 1 && toks[b - 1].is_word() && vocab::is_function_word(&toks[b - 1].lower()) {
        b -= 1;
    }
    if a >= b {
        return String::new();
    }
    sentence[toks[a].start..toks[b - 1].end].to_owned()
}

/// Gives every candidate an id: a slug of its label's first words, unique
/// in the list (`-2`, `-3` on repeats).
pub fn assign_ids(cands: &mut [Candidate]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for c in cands.iter_mut() {
        let base = slug_words(&c.label, 5);
        let base = if base.is_empty() {
            format!("{}-line-{}", c.kind.name(), c.line)
        } else {
            base
        };
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        c.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
}

/// A slug of the first `max` words of `text` that are not function words.
pub fn slug_words(text: &str, max: usize) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !vocab::is_function_word(w))
        .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
        .take(max)
        .collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug_words("of the U.S. troops in Korea", 5),
            "u-s-troops-korea"
        );
        assert_eq!(
            slug_words("Exports to China (incl. Hong Kong)", 3),
            "exports-china-incl"
        );
    }
}
