//! A sentence as tokens: words, numbers, symbols, each with its byte range
//! and whether a space stands before it.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters first, then letters, digits, and inner `-` or `'`
    /// (`one-third`, `COVID-19`, `G20`, `Korea's`).
    Word,
    /// Digits, with inner `,` or `.` before a digit (`1,200`, `4.2`).
    Num,
    /// Any other character but a space: `$`, `%`, `(`, `.`.
    Sym,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// White space (or the start) before it.
    pub spaced: bool,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }

    pub fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// The number a `Num` token holds, separators dropped.
    pub fn number(&self) -> Option<f64> {
        if !self.is_num() {
            return None;
        }
        self.text.replace(',', "").parse().ok()
    }
}

/// The tokens of `s`.
#[allow(clippy::many_single_char_names)]
pub fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let b: Vec<(usize, char)> = s.char_indices().collect();
    let end_of = |i: usize| b.get(i).map_or(s.len(), |(o, _)| *o);
    let mut out = Vec::new();
    let mut i = 0;
    let mut spaced = true;
    while i < b.len() {
        let (start, c) = b[i];
        if c.is_whitespace() {
            spaced = true;
            i += 1;
            continue;
        }
        let (kind, j) = if c.is_ascii_digit() {
            (Kind::Num, scan_num(&b, i))
        } else if c.is_alphabetic() {
            (Kind::Word, scan_word(&b, i))
        } else {
            (Kind::Sym, i + 1)
        };
        out.push(Tok {
            kind,
            text: &s[start..end_of(j)],
            start,
            end: end_of(j),
            spaced,
        });
        spaced = false;
        i = j;
    }
    out
}

fn scan_num(b: &[(usize, char)], mut i: usize) -> usize {
    while i < b.len() {
        let c = b[i].1;
        let digit_next = b.get(i + 1).is_some_and(|(_, n)| n.is_ascii_digit());
        if c.is_ascii_digit() || (matches!(c, ',' | '.') && digit_next) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn scan_word(b: &[(usize, char)], mut i: usize) -> usize {
    while i < b.len() {
        let c = b[i].1;
        let alnum_next = b.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || (matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}') && alnum_next)
        {
            i += 1;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let t: Vec<&str> = tokenize("US$850 million, one-third of G20 (1,200.5%)")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            [
                "US",
                "$",
                "850",
                "million",
                ",",
                "one-third",
                "of",
                "G20",
                "(",
                "1,200.5",
                "%",
                ")"
            ]
        );
    }
}
