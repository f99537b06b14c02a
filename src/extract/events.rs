//! Dated sentences: event candidates with the date they name.

use serde::Serialize;

use super::lookalike;
use super::stats::Place;
use super::tokens::{Tok, tokenize};

/// A sentence that names a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventCandidate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// The date as the sentence writes it.
    pub written: String,
    pub line: usize,
    pub sentence: String,
    pub heading: Option<String>,
    /// The sentence shortened, for the event's label.
    pub label: String,
}

/// The month a word names: `March`, `Mar`, `Sept.` (without the dot).
pub fn month(w: &str) -> Option<u8> {
    if !(3..=9).contains(&w.len())
        || !w.starts_with(|c: char| {
            matches!(
                c,
                'a' | 'd'
                    | 'f'
                    | 'j'
                    | 'm'
                    | 'n'
                    | 'o'
                    | 's'
                    | 'A'
                    | 'D'
                    | 'F'
                    | 'J'
                    | 'M'
                    | 'N'
                    | 'O'
                    | 'S'
            )
        })
    {
        return None;
    }
    let w = w.to_ascii_lowercase();
    Some(match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Words before a lone year that make it a date: `in 2019`, `since 2017`.
fn is_year_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "by"
            | "until"
            | "till"
            | "from"
            | "during"
            | "early"
            | "late"
            | "mid"
            | "before"
            | "after"
            | "through"
            | "throughout"
            | "of"
            | "year"
            | "spring"
            | "summer"
            | "autumn"
            | "fall"
            | "winter"
            | "end"
            | "start"
    )
}

/// The event candidate of a sentence, when it names a date.
pub fn scan(at: &Place<'_>) -> Option<EventCandidate> {
    let toks = tokenize(at.sentence);
    let mask = lookalike::masked(at.sentence);
    let (date, range) = (0..toks.len())
        .filter(|&i| !lookalike::in_mask(&mask, &toks[i]))
        .find_map(|i| date_at(&toks, i))
        .filter(|(d, _)| crate::date::PartialDate::parse(d).is_ok())?;
    let written = &at.sentence[toks[range.0].start..toks[range.1 - 1].end];
    // A sentence that is only its date is a dateline, not an event.
    let rest = at.sentence.replace(written, "");
    if !rest.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(EventCandidate {
        date,
        written: written.to_owned(),
        line: at.line,
        sentence: at.sentence.to_owned(),
        heading: at.heading.map(str::to_owned),
        label: shorten(at.sentence, 16),
    })
}

fn year_at(toks: &[Tok<'_>], i: usize) -> Option<u16> {
    let t = toks.get(i)?;
    if !t.is_num() || t.text.len() != 4 {
        return None;
    }
    // `2022s` or `5G2022` are no years.
    if toks.get(i + 1).is_some_and(|n| !n.spaced && n.is_word()) {
        return None;
    }
    t.text.parse().ok().filter(|y| (1800..=2100).contains(y))
}

fn day_at(toks: &[Tok<'_>], i: usize) -> Option<u8> {
    let t = toks.get(i)?;
    if !t.is_num() || t.text.len() > 2 {
        return None;
    }
    t.text.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A date starting at token `i`: the date and its token range.
pub fn date_at(toks: &[Tok<'_>], i: usize) -> Option<(String, (usize, usize))> {
    let t = toks.get(i)?;
    // 2022-05-20
    if let (Some(y), Some(m), Some(d)) = (year_at(toks, i), toks.get(i + 2), toks.get(i + 4)) {
        let dashes = toks.get(i + 1).is_some_and(|x| x.text == "-")
            && toks.get(i + 3).is_some_and(|x| x.text == "-");
        if dashes && m.text.len() == 2 && d.text.len() == 2 {
            let (mm, dd): (u8, u8) = (m.text.parse().ok()?, d.text.parse().ok()?);
            if (1..=12).contains(&mm) && (1..=31).contains(&dd) {
                return Some((format!("{y}-{mm:02}-{dd:02}"), (i, i + 5)));
            }
        }
    }
    if let Some(m) = month(t.text).filter(|_| t.text.starts_with(char::is_uppercase)) {
        let mut k = i + 1;
        if toks.get(k).is_some_and(|x| x.text == "." && !x.spaced) {
            k += 1;
        }
        // March 22, 2022 / March 2022
        if let Some(d) = day_at(toks, k) {
            let mut y_at = k + 1;
            if toks.get(y_at).is_some_and(|x| x.text == ",") {
                y_at += 1;
            }
            if let Some(y) = year_at(toks, y_at) {
                return Some((format!("{y}-{m:02}-{d:02}"), (i, y_at + 1)));
            }
            return None;
        }
        if let Some(y) = year_at(toks, k) {
            return Some((format!("{y}-{m:02}"), (i, k + 1)));
        }
        return None;
    }
    // 22 March 2022
    if let Some(d) = day_at(toks, i) {
        if let Some(m) = toks.get(i + 1).and_then(|x| month(x.text))
            && let Some(y) = year_at(toks, i + 2)
        {
            return Some((format!("{y}-{m:02}-{d:02}"), (i, i + 3)));
        }
        return None;
    }
    // in 2019, In early 2022
    let y = year_at(toks, i)?;
    let prev = i.checked_sub(1).map(|p| toks[p].lower());
    let dated = prev.as_deref().is_some_and(is_year_word) || i == 0;
    (dated && t.spaced).then(|| (y.to_string(), (i, i + 1)))
}

/// The first `max` words of `s`, with `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() <= max {
        return s.trim().to_owned();
    }
    let mut out = words[..max].join(" ");
    out = out.trim_end_matches([',', ';', ':']).to_owned();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<String> {
        let at = Place {
            line: 1,
            sentence: s,
            heading: None,
        };
        scan(&at).map(|e| e.date)
    }

    #[test]
    fn dates() {
        assert_eq!(
            date("Biden visited on May 20, 2022, with Yoon."),
            Some("2022-05-20".into())
        );
        assert_eq!(
            date("The NSS came out in October 2022."),
            Some("2022-10".into())
        );
        assert_eq!(
            date("It was signed on 1 October 1953 in Washington."),
            Some("1953-10-01".into())
        );
        assert_eq!(date("Trade grew fast in 2019."), Some("2019".into()));
        assert_eq!(
            date("Published 2023-03-15 by us."),
            Some("2023-03-15".into())
        );
        assert_eq!(date("It holds 2022 troops."), None);
        assert_eq!(date("March 22, 2022"), None);
        assert_eq!(date("See Section 2022 of the code."), None);
    }
}
