//! Words for numbers (`"1 brief"`, `"5 briefs"`, never `"brief(s)"`) and
//! for near misses (did you mean).

/// `n` and the noun for one or for many: `count(1, "brief", "briefs")` is
/// "1 brief", `count(5, ...)` is "5 briefs".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The name of `names` closest to `wanted`: one it starts or is part of
/// (`strategic-tech` for `strategic-tech-cooperation`), else one a few
/// edits away; none when nothing is near.
pub fn nearest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    closest(wanted, names)
        .filter(|&(score, _)| score >= 0.85)
        .map(|(_, n)| n)
}

/// The name of `names` closest to `wanted`, however far, with how close
/// (1 is the same; a name that holds `wanted` counts 2).
pub fn closest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Option<(f64, &'a str)> {
    let wanted = wanted.trim().to_lowercase();
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for name in names {
        let lower = name.to_lowercase();
        let score = if lower.contains(&wanted) {
            2.0
        } else {
            strsim::jaro_winkler(&wanted, &lower)
        };
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, name));
        }
    }
    best
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
