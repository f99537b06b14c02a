//! Words for numbers: "1 brief", "5 briefs", never "brief(s)".

/// `n` and the noun for one or for many: `count(1, "brief", "briefs")` is
/// "1 brief", `count(5, ...)` is "5 briefs".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(0, "brief", "briefs"), "0 briefs");
        assert_eq!(count(1, "problem", "problems"), "1 problem");
        assert_eq!(count(5, "brief", "briefs"), "5 briefs");
    }
}
