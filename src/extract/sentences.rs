//! A paragraph as sentences: ends at `.`, `!` or `?` before a capital,
//! never after an abbreviation (`U.S.`, `Dr.`, `No.`) or an initial.

/// The sentences of `para`, trimmed, in order.
pub fn split(para: &str) -> Vec<&str> {
    let b = para.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') {
            // A footnote mark glued after the stop stays with the sentence.
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'"' | b')' | b'\'' | b']') {
                j += 1;
            }
            let digits = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits <= 3 {
                j += digits;
            }
            let next_starts = para[j..]
                .strip_prefix(' ')
                .and_then(|r| r.chars().next())
                .is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201C}' | '(')
                });
            if next_starts && !(b[i] == b'.' && is_abbreviation(&para[start..i])) {
                push(&mut out, &para[start..j]);
                start = j;
                i = j;
                continue;
            }
            // Skip the quote/bracket run so the multi-byte check stays sound.
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(&mut out, &para[start..]);
    out
}

fn push<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

/// The text before a full stop ends in an abbreviation or initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let bare = word.trim_start_matches(['"', '\'', '\u{201C}', '\u{2018}']);
    bare.contains('.')
        || (bare.chars().count() == 1 && bare.chars().all(char::is_uppercase))
        || matches!(
            bare,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "No"
                | "St"
                | "Gen"
                | "Rep"
                | "Sen"
                | "vs"
                | "etc"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "Prof"
                | "Amb"
                | "Adm"
                | "Lt"
                | "Col"
                | "Corp"
                | "Inc"
                | "Ltd"
                | "Co"
                | "Fig"
                | "Vol"
                | "al"
                | "approx"
                | "Jr"
                | "Sr"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        assert_eq!(
            split("The U.S. sent 28,500 troops. Dr. Kim agreed.12 Then 5% more! Ok"),
            vec![
                "The U.S. sent 28,500 troops.",
                "Dr. Kim agreed.12",
                "Then 5% more!",
                "Ok"
            ]
        );
    }
}
