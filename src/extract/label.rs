//! Suggested labels and ids for statistic candidates: the words next to the
//! value, to be rewritten by a curator.

use std::collections::HashMap;

use super::stats::{Candidate, Hit};
use super::tokens::Tok;
use super::vocab;

/// Words a suggested label takes from either side of the value.
const BEFORE_WORDS: usize = 6;
const AFTER_WORDS: usize = 8;

/// A label from the value's clause: a few words before it, the value, and
/// what it counts or measures after it (`employing 5.6 million people`).
pub(crate) fn suggest(sentence: &str, toks: &[Tok<'_>], hit: &Hit) -> String {
    let (a, _) = reach(toks, hit.start, false, BEFORE_WORDS);
    let (_, b) = reach(toks, hit.end, true, AFTER_WORDS);
    let (a, b) = trim_function_words(toks, a, b, hit);
    if a >= b {
        return String::new();
    }
    sentence[toks[a].start..toks[b - 1].end].to_owned()
}

/// The token range from `from` forward (or, backward, ending before it)
/// over at most `max` words, stopping at a clause's punctuation.
fn reach(toks: &[Tok<'_>], from: usize, forward: bool, max: usize) -> (usize, usize) {
    let stops = |t: &Tok<'_>, prev: Option<&Tok<'_>>| {
        let initial = t.text == "." && prev.is_some_and(|p| p.text.chars().count() == 1);
        !t.is_word()
            && !t.is_num()
            && !initial
            && !matches!(t.text, "-" | "'" | "\u{2019}" | "%" | "$")
    };
    let mut words = 0;
    if forward {
        let mut b = from;
        while b < toks.len() && words < max && !stops(&toks[b], b.checked_sub(1).map(|p| &toks[p]))
        {
            words += usize::from(toks[b].is_word());
            b += 1;
        }
        (from, b)
    } else {
        let mut a = from;
        while a > 0 && words < max && !stops(&toks[a - 1], a.checked_sub(2).map(|p| &toks[p])) {
            words += usize::from(toks[a - 1].is_word());
            a -= 1;
        }
        (a, from)
    }
}

/// No `and`, `the` or `of` at either end of the label (the value stays).
fn trim_function_words(toks: &[Tok<'_>], mut a: usize, mut b: usize, hit: &Hit) -> (usize, usize) {
    let function = |t: &Tok<'_>| t.is_word() && vocab::is_function_word(&t.lower());
    while a < hit.start && function(&toks[a]) {
        a += 1;
    }
    while b > hit.end && function(&toks[b - 1]) {
        b -= 1;
    }
    (a, b)
}

/// Gives every candidate an id: a slug of its label's first words, unique
/// in the list (`-2`, `-3` on repeats).
pub fn assign_ids(cands: &mut [Candidate]) {
    // The next number to try per base, and every id given: a base may
    // itself end in a number (`krw-300-billion-2`), so a suffixed id is
    // checked against all the ids given, not only its own base's.
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    for c in cands.iter_mut() {
        let base = slug_words(&c.label, 5);
        let base = if base.is_empty() {
            format!("{}-line-{}", c.kind.name(), c.line)
        } else {
            base
        };
        let n = next.entry(base.clone()).or_insert(1);
        let mut id = if *n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        while taken.contains(&id) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        *n += 1;
        taken.insert(id.clone());
        c.id = id;
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
