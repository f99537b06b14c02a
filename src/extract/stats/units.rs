//! What makes a number a statistic: the sign or word around it.

use super::{Hit, percent_kind, qualifier_start};
use crate::extract::numbers::{self, Number};
use crate::extract::tokens::Tok;
use crate::extract::vocab;
use crate::model::FigureKind;

fn lower_at(toks: &[Tok<'_>], i: usize) -> String {
    toks.get(i).map(Tok::lower).unwrap_or_default()
}

/// True when a quantity may start at `t`: a number, a currency sign, or a
/// word the scanner knows. Most words are none of these.
pub(super) fn may_start(t: &Tok<'_>) -> bool {
    if t.is_num() {
        return true;
    }
    if !t.is_word() {
        return vocab::CURRENCY_SIGNS.contains(&t.text);
    }
    let first = t.text.chars().next().unwrap_or(' ');
    if first.is_uppercase() && t.text.chars().all(char::is_uppercase) && t.text.len() <= 3 {
        return true;
    }
    let w = t.lower();
    let head = w.split('-').next().unwrap_or(&w);
    numbers::unit_word(head).is_some()
        || numbers::multiple_word(&w).is_some()
        || numbers::ordinal_word(head).is_some()
        || matches!(
            head,
            "a" | "an"
                | "half"
                | "twice"
                | "double"
                | "triple"
                | "tens"
                | "hundreds"
                | "thousands"
                | "millions"
                | "billions"
                | "trillions"
                | "ranked"
                | "ranks"
                | "ranking"
                | "no"
                | "top"
        )
}

/// `$4.2 trillion`, `US$850 million`, `€3 billion`, `KRW 12 trillion`.
pub(super) fn money_prefixed(toks: &[Tok<'_>], i: usize) -> Option<Hit> {
    let t = &toks[i];
    let num_at = if vocab::CURRENCY_SIGNS.contains(&t.text) {
        i + 1
    } else if t.is_word()
        && t.text.chars().all(char::is_uppercase)
        && vocab::DOLLAR_PREFIXES.contains(&t.lower().as_str())
        && toks.get(i + 1).is_some_and(|d| d.text == "$" && !d.spaced)
    {
        i + 2
    } else if t.is_word()
        && t.text.chars().all(char::is_uppercase)
        && vocab::CURRENCY_CODES.contains(&t.lower().as_str())
        && toks
            .get(i + 1)
            .is_some_and(super::super::tokens::Tok::is_num)
    {
        i + 1
    } else {
        return None;
    };
    let n = numbers::read(toks, num_at).filter(|n| !n.words)?;
    let mut end = n.end;
    // `$2–3 billion`
    if toks
        .get(end)
        .is_some_and(|d| matches!(d.text, "-" | "\u{2013}"))
        && let Some(m) = numbers::read(toks, end + 1).filter(|m| !m.words)
    {
        end = m.end;
    }
    Some(Hit::new(i, end, FigureKind::Money))
}

/// Quantities in words: fractions, multiples, ranks, vague money.
pub(super) fn word_forms(toks: &[Tok<'_>], i: usize) -> Option<Hit> {
    let t = &toks[i];
    if !t.is_word() {
        return None;
    }
    let w = t.lower();
    let next = lower_at(toks, i + 1);
    let prev = if i > 0 {
        lower_at(toks, i - 1)
    } else {
        String::new()
    };
    if numbers::hyphenated_fraction(&w).is_some() {
        return Some(Hit::new(i, i + 1, FigureKind::Share));
    }
    if numbers::multiple_word(&w).is_some() {
        return Some(Hit::new(i, i + 1, FigureKind::Change));
    }
    if matches!(w.as_str(), "twice" | "double" | "triple")
        && matches!(
            next.as_str(),
            "as" | "the" | "its" | "their" | "that" | "what"
        )
    {
        return Some(Hit::new(i, i + 1, FigureKind::Change));
    }
    if let Some((a, b)) = w.split_once('-')
        && numbers::ordinal_word(a).is_some()
        && vocab::is_rank_word(b)
    {
        return Some(Hit::new(i, i + 1, FigureKind::Rank));
    }
    let qualified = qualifier_start(toks, i) < i;
    let frac_next = numbers::fraction_word(&next).is_some() && next != "half" && next != "halves";
    let closes = |k: usize| {
        toks.get(k)
            .is_none_or(|t| t.text == "of" || (!t.is_word() && !t.is_num()))
    };
    if numbers::unit_word(&w).is_some_and(|v| (1.0..10.0).contains(&v))
        && frac_next
        && toks[i + 1].spaced
    {
        let plural_ok = w != "one" || !next.ends_with('s');
        if plural_ok && (w != "one" || closes(i + 2) || qualified) {
            return Some(Hit::new(i, i + 2, FigureKind::Share));
        }
    }
    if matches!(w.as_str(), "a" | "an") && frac_next && (closes(i + 2) || qualified) {
        return Some(Hit::new(i, i + 2, FigureKind::Share));
    }
    if w == "half" {
        let ordinal_before = matches!(
            prev.as_str(),
            "first" | "second" | "latter" | "former" | "other" | "the" | "a"
        );
        if prev == "by" {
            return Some(Hit::new(i, i + 1, FigureKind::Change));
        }
        if qualified || (next == "of" && !ordinal_before) {
            return Some(Hit::new(i, i + 1, FigureKind::Share));
        }
    }
    if let Some(hit) = vague_money(toks, i, &w) {
        return Some(hit);
    }
    rank_words(toks, i, &w, &next)
}

/// `billions of dollars`, `tens of billions of won`.
fn vague_money(toks: &[Tok<'_>], i: usize, w: &str) -> Option<Hit> {
    if !matches!(
        w,
        "tens" | "hundreds" | "thousands" | "millions" | "billions" | "trillions"
    ) {
        return None;
    }
    let mut k = i + 1;
    while lower_at(toks, k) == "of" {
        let n = lower_at(toks, k + 1);
        if vocab::CURRENCY_WORDS.contains(&n.as_str()) {
            return Some(Hit::new(i, k + 2, FigureKind::Money));
        }
        if !matches!(
            n.as_str(),
            "thousands" | "millions" | "billions" | "trillions"
        ) {
            return None;
        }
        k += 2;
    }
    None
}

/// `fifth largest`, `ranked third`, `top 10`, `Korea's No. 1`.
fn rank_words(toks: &[Tok<'_>], i: usize, w: &str, next: &str) -> Option<Hit> {
    let owner = i > 0 && {
        let p = toks[i - 1].lower();
        p.ends_with("'s")
            || p.ends_with("\u{2019}s")
            || matches!(p.as_str(), "the" | "its" | "their")
    };
    if owner
        && w == "no"
        && next == "."
        && toks
            .get(i + 2)
            .is_some_and(|n| n.is_num() && n.text.len() <= 2)
    {
        return Some(Hit::new(i, i + 3, FigureKind::Rank));
    }
    if numbers::ordinal_word(w).is_some() && vocab::is_rank_word(next) && next != "place" {
        return Some(Hit::new(i, i + 2, FigureKind::Rank));
    }
    if matches!(w, "ranked" | "ranks" | "ranking") {
        let o = toks.get(i + 1)?;
        if numbers::ordinal_word(&o.lower()).is_some() {
            return Some(Hit::new(i + 1, i + 2, FigureKind::Rank));
        }
        if o.is_num()
            && toks
                .get(i + 2)
                .is_some_and(|s| !s.spaced && is_ordinal_suffix(&s.lower()))
        {
            return Some(Hit::new(i + 1, i + 3, FigureKind::Rank));
        }
    }
    if w == "top" && i + 1 < toks.len() {
        let n = numbers::read(toks, i + 1)?;
        if !n.year_like && n.value <= 100.0 && (n.words || toks[i + 1].is_num()) {
            return Some(Hit::new(i, n.end, FigureKind::Rank));
        }
    }
    None
}

fn is_ordinal_suffix(w: &str) -> bool {
    matches!(w, "th" | "st" | "nd" | "rd")
}

/// `one in three`, `1 in 4`, `one out of five`.
pub(super) fn one_in(toks: &[Tok<'_>], i: usize, n: &Number) -> Option<Hit> {
    if n.scaled || n.value < 1.0 || n.value > 10.0 {
        return None;
    }
    let mut k = n.end;
    match lower_at(toks, k).as_str() {
        "in" => k += 1,
        "out" if lower_at(toks, k + 1) == "of" => k += 2,
        _ => return None,
    }
    let m = numbers::read(toks, k)?;
    (m.value > n.value && m.value <= 1000.0 && !m.year_like && m.words == n.words)
        .then(|| Hit::new(i, m.end, FigureKind::Share))
}

/// A unit right after the number (or range) ending at token `end`.
pub(super) fn after(toks: &[Tok<'_>], i: usize, end: usize, n: &Number) -> Option<Hit> {
    let w = lower_at(toks, end);
    let t = toks.get(end)?;
    let pct_end = if t.text == "%" || matches!(w.as_str(), "percent" | "pct" | "per-cent") {
        Some(end + 1)
    } else if w == "per" && lower_at(toks, end + 1) == "cent" {
        Some(end + 2)
    } else if w == "percentage" && lower_at(toks, end + 1).starts_with("point") {
        return Some(Hit::new(i, end + 2, FigureKind::Change));
    } else {
        None
    };
    if let Some(pe) = pct_end {
        if let Some(ge) = of_gdp(toks, pe) {
            return Some(Hit::new(i, ge, FigureKind::Share));
        }
        return Some(Hit::new(i, pe, percent_kind(toks, i, pe)));
    }
    if vocab::CURRENCY_WORDS.contains(&w.as_str()) && (w != "won" || n.scaled || n.value >= 1000.0)
        || (t.text.chars().all(char::is_uppercase) && vocab::CURRENCY_CODES.contains(&w.as_str()))
    {
        return Some(Hit::new(i, end + 1, FigureKind::Money));
    }
    if n.year_like && !n.scaled {
        return None;
    }
    if w == "times" {
        let next = lower_at(toks, end + 1);
        let compares = matches!(
            next.as_str(),
            "more"
                | "as"
                | "larger"
                | "higher"
                | "greater"
                | "bigger"
                | "faster"
                | "the"
                | "over"
                | "that"
                | "its"
                | "what"
                | "their"
                | "less"
                | "smaller"
                | "lower"
        );
        if compares || (!n.words && toks.get(end + 1).is_none_or(|x| !x.is_word())) {
            return Some(Hit::new(i, end + 1, FigureKind::Change));
        }
    }
    if !t.spaced && w == "x" && !n.words {
        return Some(Hit::new(i, end + 1, FigureKind::Change));
    }
    let hyphen = t.text == "-" && !t.spaced;
    let after_hyphen = if hyphen {
        lower_at(toks, end + 1)
    } else {
        String::new()
    };
    if w == "fold" || after_hyphen == "fold" {
        return Some(Hit::new(
            i,
            if hyphen { end + 2 } else { end + 1 },
            FigureKind::Change,
        ));
    }
    if t.spaced && vocab::is_time_unit(&w) {
        return Some(Hit::new(i, end + 1, FigureKind::Duration));
    }
    if hyphen && vocab::is_time_unit(&after_hyphen) {
        return Some(Hit::new(i, end + 2, FigureKind::Duration));
    }
    if let Some((suffix, rank)) = w.split_once('-').filter(|_| !t.spaced)
        && is_ordinal_suffix(suffix)
        && vocab::is_rank_word(rank)
    {
        return Some(Hit::new(i, end + 1, FigureKind::Rank));
    }
    if !t.spaced && is_ordinal_suffix(&w) {
        return ordinal_after(toks, i, end);
    }
    if t.spaced && vocab::is_measure_unit(&w) {
        return Some(Hit::new(i, end + 1, FigureKind::Other));
    }
    None
}

/// `70th anniversary`, `5th-largest`, `12th largest`.
fn ordinal_after(toks: &[Tok<'_>], i: usize, end: usize) -> Option<Hit> {
    let k = end + 1;
    let w = lower_at(toks, k);
    if w == "anniversary" {
        return Some(Hit::new(i, k + 1, FigureKind::Other));
    }
    if toks.get(k).is_some_and(|d| d.text == "-") && vocab::is_rank_word(&lower_at(toks, k + 1)) {
        return Some(Hit::new(i, k + 2, FigureKind::Rank));
    }
    if w.starts_with(char::is_alphabetic) && vocab::is_rank_word(&w) && w != "place" {
        return Some(Hit::new(i, k + 1, FigureKind::Rank));
    }
    None
}

/// `of GDP`, `of the country's GDP`, `of gross domestic product`: the end of
/// the phrase after a percentage, if one follows.
fn of_gdp(toks: &[Tok<'_>], k: usize) -> Option<usize> {
    if lower_at(toks, k) != "of" {
        return None;
    }
    for j in k + 1..(k + 5).min(toks.len()) {
        let w = lower_at(toks, j);
        if w == "gdp" || w == "gnp" || w == "gni" {
            return Some(j + 1);
        }
        if w == "gross" && lower_at(toks, j + 1) == "domestic" && lower_at(toks, j + 2) == "product"
        {
            return Some(j + 3);
        }
        if !toks[j].is_word() && toks[j].text != "'" && toks[j].text != "\u{2019}" {
            return None;
        }
    }
    None
}

/// A number that counts something: `40,000 troops`, `15,000 annual spots`,
/// `5.6 million`; the noun ends the hit's `noun_end`.
pub(super) fn counted(toks: &[Tok<'_>], i: usize, n: &Number) -> Option<Hit> {
    if n.year_like && !n.scaled {
        return None;
    }
    if n.words && n.value < 10.0 && !n.scaled {
        return None;
    }
    let next = toks.get(n.end);
    if next.is_some_and(|t| !t.spaced && t.is_word()) {
        return None;
    }
    if let Some(k) = noun_after(toks, n.end) {
        let mut hit = Hit::new(i, n.end, FigureKind::Count);
        hit.noun_end = k + 1;
        return Some(hit);
    }
    let text = toks[i].text;
    let thousands = text.contains(',') && n.value >= 1000.0;
    let decimal = !n.words && text.matches('.').count() == 1 && !text.contains(',');
    if n.scaled || thousands {
        return Some(Hit::new(i, n.end, FigureKind::Count));
    }
    if decimal && n.value < 1000.0 {
        return Some(Hit::new(i, n.end, FigureKind::Other));
    }
    None
}

/// The token of a plural noun within three words after `k`, skipping
/// modifiers (`U.S.`, `annual`, `free trade`).
fn noun_after(toks: &[Tok<'_>], k: usize) -> Option<usize> {
    let mut j = k;
    let mut words = 0;
    while j < toks.len() && words < 4 {
        let t = &toks[j];
        if t.text == "." && j > 0 && toks[j - 1].text.chars().count() == 1 && !t.spaced {
            j += 1;
            continue;
        }
        if !t.is_word() {
            return None;
        }
        let w = t.lower();
        if vocab::is_function_word(&w)
            || vocab::is_time_unit(&w)
            || super::super::events::month(&w).is_some()
        {
            return None;
        }
        let plural =
            (w.ends_with('s') && !vocab::is_false_plural(&w)) || vocab::is_irregular_plural(&w);
        if plural {
            return Some(j);
        }
        words += 1;
        j += 1;
    }
    None
}
