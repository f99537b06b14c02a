//! Numbers as reports write them: digits with a scale (`5.6 million`,
//! `$133bn`), number words (`forty`, `two hundred`), fractions (`a third`,
//! `three-quarters`) and multiples (`quadrupled`, `tenfold`).

use super::tokens::Tok;

/// A number read from tokens `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub end: usize,
    /// Written in words (`forty`), not digits.
    pub words: bool,
    /// A scale word followed (`million`, `bn`).
    pub scaled: bool,
    /// Written like a year: four digits, no separator, 1000 to 2199.
    pub year_like: bool,
}

pub fn unit_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" | "dozen" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return tens_word(w),
    })
}

fn tens_word(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// `forty`, `forty-five`, `twenty one`.
fn cardinal_word(w: &str) -> Option<f64> {
    if let Some(v) = unit_word(w) {
        return Some(v);
    }
    let (a, b) = w.split_once('-')?;
    Some(tens_word(a)? + unit_word(b).filter(|u| *u < 10.0)?)
}

/// The multiplier of a scale word: `million`, `bn`, `k`.
pub fn scale(w: &str) -> Option<f64> {
    Some(match w.to_lowercase().as_str() {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "mn" | "m" | "mln" => 1e6,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "trn" | "tr" => 1e12,
        _ => return None,
    })
}

/// A number starting at token `i`: digits or words, then an optional scale.
pub fn read(toks: &[Tok<'_>], i: usize) -> Option<Number> {
    let t = toks.get(i)?;
    let (mut value, mut end, words) = if let Some(v) = t.number() {
        (v, i + 1, false)
    } else if t.is_word() {
        let v = cardinal_word(&t.lower())?;
        let mut end = i + 1;
        let mut value = v;
        // `twenty one`, `two hundred`.
        if let Some(n) = toks.get(end).filter(|n| n.spaced).map(Tok::lower) {
            if v >= 20.0 && v % 10.0 == 0.0 {
                if let Some(u) = unit_word(&n).filter(|u| *u < 10.0 && *u > 0.0) {
                    value += u;
                    end += 1;
                }
            } else if n == "hundred" && v < 10.0 {
                value *= 100.0;
                end += 1;
            }
        }
        (value, end, true)
    } else {
        return None;
    };
    let year_like = !words
        && t.text.len() == 4
        && t.text.bytes().all(|b| b.is_ascii_digit())
        && (1000.0..2200.0).contains(&value);
    let mut scaled = false;
    if let Some(s) = toks.get(end) {
        let glued_ok = !s.spaced
            && !words
            && matches!(
                s.lower().as_str(),
                "bn" | "mn" | "m" | "b" | "k" | "tn" | "trn"
            );
        let spaced_ok = s.spaced
            && matches!(
                s.lower().as_str(),
                "hundred"
                    | "thousand"
                    | "million"
                    | "billion"
                    | "trillion"
                    | "bn"
                    | "mn"
                    | "tn"
                    | "mln"
                    | "bln"
            );
        if s.is_word()
            && (glued_ok || spaced_ok)
            && let Some(m) = scale(s.text)
        {
            value *= m;
            end += 1;
            scaled = true;
        }
    }
    Some(Number {
        value,
        end,
        words,
        scaled,
        year_like,
    })
}

/// The denominator a fraction word names: `third` 3, `quarters` 4, `half` 2.
pub fn fraction_word(w: &str) -> Option<f64> {
    Some(match w.trim_end_matches('s') {
        "half" | "halve" => 2.0,
        "third" => 3.0,
        "quarter" | "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        _ => return None,
    })
}

/// `one-third`, `two-thirds`, `three-quarters`, `one-half`.
pub fn hyphenated_fraction(w: &str) -> Option<f64> {
    let (a, b) = w.split_once('-')?;
    let num = unit_word(a).filter(|n| *n >= 1.0 && *n < 10.0)?;
    let den = fraction_word(b)?;
    (num < den).then_some(num / den)
}

/// The factor a multiple word names: `doubled` 2, `quadrupled` 4,
/// `tenfold` 10.
pub fn multiple_word(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    Some(match w.as_str() {
        "doubled" | "doubling" | "doubles" => 2.0,
        "tripled" | "tripling" | "triples" | "trebled" => 3.0,
        "quadrupled" | "quadrupling" | "quadruples" => 4.0,
        "quintupled" | "quintupling" => 5.0,
        "halved" | "halving" => 0.5,
        _ => {
            let stem = w.strip_suffix("fold")?.trim_end_matches('-');
            cardinal_word(stem).or_else(|| stem.parse().ok())?
        }
    })
}

/// `first` 1 ... `tenth` 10, `70th` as a word is handled by the caller.
pub fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "seventy-fifth" => 75,
        "hundredth" => 100,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn num(s: &str) -> Option<(f64, usize)> {
        let t = tokenize(s);
        read(&t, 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn reads() {
        assert_eq!(num("5.6 million jobs"), Some((5.6e6, 2)));
        assert_eq!(num("133bn"), Some((133e9, 2)));
        assert_eq!(num("forty years"), Some((40.0, 1)));
        assert_eq!(num("forty-five years"), Some((45.0, 1)));
        assert_eq!(num("two hundred troops"), Some((200.0, 2)));
        assert_eq!(num("1,200 companies"), Some((1200.0, 1)));
        assert_eq!(num("troops"), None);
    }

    #[test]
    fn words() {
        assert_eq!(hyphenated_fraction("three-quarters"), Some(0.75));
        assert_eq!(hyphenated_fraction("one-third"), Some(1.0 / 3.0));
        assert_eq!(multiple_word("tenfold"), Some(10.0));
        assert_eq!(multiple_word("Quadrupled"), Some(4.0));
        assert_eq!(multiple_word("3-fold"), Some(3.0));
    }
}
