//! Numbers in one spelling: digits without separators (`15,000` →
//! `15000`), number words (`sixty` → `60`, `seventy-five` → `75`),
//! multipliers (`15k`, `15 thousand` → `15000`), scale words kept as words
//! (`133bn` → `133` `billion`), ordinals and decades (`70th`, `1990s`), and
//! `per cent` as `percent`.

use std::ops::Range;

use super::{Kind, Token};

fn token(norm: String, range: Range<usize>, kind: Kind) -> Token {
    Token {
        norm,
        stem: String::new(),
        range,
        kind,
    }
}

/// `82.60` → `82.6`, `007` → `7`.
fn tidy(n: &str) -> String {
    let n = if n.contains('.') {
        n.trim_end_matches('0').trim_end_matches('.')
    } else {
        n
    };
    let t = n.trim_start_matches('0');
    if t.is_empty() || t.starts_with('.') {
        format!("0{t}")
    } else {
        t.to_owned()
    }
}

/// `n` times `by`, as digits, if `n` is a number.
#[allow(clippy::cast_sign_loss)]
fn times(n: &str, by: u64) -> Option<String> {
    let v: f64 = n.parse().ok()?;
    let r = v * by as f64;
    if r.fract() == 0.0 && r < 1e15 {
        Some(format!("{}", r as u64))
    } else {
        Some(tidy(&format!("{r}")))
    }
}

/// The value of a number word.
fn word_value(w: &str) -> Option<u64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as u64);
    }
    TENS.iter()
        .position(|t| *t == w)
        .map(|i| (i as u64 + 2) * 10)
}

/// Adds one raw word as one or more tokens.
pub(super) fn push_word(out: &mut Vec<Token>, norm: String, range: Range<usize>) {
    let digits = norm
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if digits == 0 {
        match word_value(&norm) {
            Some(v) => out.push(token(v.to_string(), range, Kind::Number)),
            None => out.push(token(norm, range, Kind::Word)),
        }
        return;
    }
    let (num, suffix) = norm.split_at(digits);
    let num = num.trim_end_matches('.');
    if suffix.is_empty() {
        out.push(token(tidy(num), range, Kind::Number));
        return;
    }
    let scale = match suffix {
        "k" => return push_number(out, times(num, 1000), num, range),
        "st" | "nd" | "rd" | "th" | "s" => return push_number(out, Some(tidy(num)), num, range),
        "bn" | "b" => "billion",
        "m" | "mn" | "mln" => "million",
        "tn" | "t" | "trn" => "trillion",
        // `5g`, `e4`: a word with digits.
        _ => {
            out.push(token(norm, range, Kind::Word));
            return;
        }
    };
    out.push(token(tidy(num), range.clone(), Kind::Number));
    out.push(token(scale.to_owned(), range, Kind::Word));
}

fn push_number(out: &mut Vec<Token>, n: Option<String>, raw: &str, range: Range<usize>) {
    out.push(token(n.unwrap_or_else(|| tidy(raw)), range, Kind::Number));
}

/// Joins what spans tokens: `seventy five` (from `seventy-five`), `one
/// hundred`, `15 thousand`, `per cent`.
pub(super) fn merge(toks: &mut Vec<Token>) {
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    for t in toks.drain(..) {
        if let Some(prev) = out.last_mut() {
            let prev_val: Option<u64> = (prev.kind == Kind::Number)
                .then(|| prev.norm.parse().ok())
                .flatten();
            let joined = match (prev.kind, t.kind, t.norm.as_str()) {
                (Kind::Word, Kind::Word, "cent") if prev.norm == "per" => {
                    Some(("percent".to_owned(), Kind::Word))
                }
                (Kind::Number, Kind::Word, "hundred") => {
                    times(&prev.norm, 100).map(|n| (n, Kind::Number))
                }
                (Kind::Number, Kind::Word, "thousand") => {
                    times(&prev.norm, 1000).map(|n| (n, Kind::Number))
                }
                (Kind::Number, Kind::Number, _) => {
                    // Twenty-five: a tens word then a unit word, both
                    // spelt out.
                    let unit: Option<u64> = t.norm.parse().ok();
                    match (prev_val, unit) {
                        (Some(p), Some(u))
                            if p >= 20
                                && p % 10 == 0
                                && p < 100
                                && (1..10).contains(&u)
                                && is_spelt(prev)
                                && is_spelt(&t) =>
                        {
                            Some(((p + u).to_string(), Kind::Number))
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            if let Some((norm, kind)) = joined {
                prev.norm = norm;
                prev.kind = kind;
                prev.range = prev.range.start..t.range.end;
                continue;
            }
        }
        out.push(t);
    }
    *toks = out;
}

/// True if a number token came from a number word, not digits: its text
/// is longer than its digits. (Only used between two number tokens, where
/// the source text is not at hand: a spelt word is longer than its value.)
fn is_spelt(t: &Token) -> bool {
    t.range.len() > t.norm.len()
}

/// What a number counts, read from the word beside it: `40%` is a
/// percentage, `forty years` a time, `$133 billion` money. A number with a
/// unit meets only a number with the same unit (`40%` is not `Forty
/// years`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Percent,
    Time,
    Money,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Self::Percent => "percent",
            Self::Time => "time",
            Self::Money => "money",
        }
    }
}

/// The unit of a number from the folded words before and after it.
pub fn unit_between(prev: Option<&str>, next: Option<&str>) -> Option<Unit> {
    if matches!(prev, Some("dollar" | "euro" | "pound" | "won")) {
        return Some(Unit::Money);
    }
    match next? {
        "percent" | "pct" | "percentage" => Some(Unit::Percent),
        "year" | "years" | "yr" | "yrs" | "month" | "months" | "week" | "weeks" | "day"
        | "days" | "hour" | "hours" | "decade" | "decades" | "anniversary" | "anniversaries" => {
            Some(Unit::Time)
        }
        "dollar" | "dollars" | "billion" | "million" | "trillion" | "won" | "euro" | "euros" => {
            Some(Unit::Money)
        }
        _ => None,
    }
}

/// The term a number with a unit is indexed under, beside the bare number.
pub fn with_unit(number: &str, unit: Unit) -> String {
    format!("{number}#{}", unit.name())
}

/// The unit of each token of `toks` that is a number (none for words).
pub fn units(toks: &[Token]) -> Vec<Option<Unit>> {
    (0..toks.len())
        .map(|i| {
            (toks[i].kind == Kind::Number)
                .then(|| {
                    let prev = i
                        .checked_sub(1)
                        .and_then(|j| toks.get(j))
                        .map(|t| t.norm.as_str());
                    unit_between(prev, toks.get(i + 1).map(|t| t.norm.as_str()))
                })
                .flatten()
        })
        .collect()
}
