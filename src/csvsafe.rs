//! Cells that are safe to open in a spreadsheet. A cell that starts with a
//! character a spreadsheet reads as the start of a formula (`=`, `+`, `-`,
//! `@`, tab, carriage return) gets a leading `'`, as OWASP's CSV injection
//! advice says, so it is shown as text and never evaluated.

use std::borrow::Cow;

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `s` as a cell no spreadsheet evaluates.
pub fn cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(TRIGGERS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_neutralised() {
        for bad in [
            "=1+1",
            "+SUM(A1)",
            "-2+3",
            "@cmd",
            "\t=x",
            "\r=x",
            "=HYPERLINK(\"http://x\")",
        ] {
            let c = cell(bad);
            assert!(c.starts_with('\''), "{bad:?} -> {c:?}");
            assert_eq!(&c[1..], bad);
        }
    }

    #[test]
    fn ordinary_cells_are_untouched() {
        for ok in [
            "60 percent",
            "$133 billion",
            "chip-exports-china",
            "",
            "a=b",
            "'q",
        ] {
            assert_eq!(cell(ok), ok);
        }
    }
}
