//! The shared tag vocabulary, read from the table in `briefs/README.md` so
//! the list lives in one place.

use std::sync::OnceLock;

const README: &str = include_str!("../briefs/README.md");

/// Every tag of the vocabulary, in the order the table gives them.
pub fn vocabulary() -> &'static [String] {
    static TAGS: OnceLock<Vec<String>> = OnceLock::new();
    TAGS.get_or_init(|| parse(README))
}

/// A warning for `tag` outside the vocabulary, naming the nearest tag in
/// it; none for a tag of the vocabulary.
pub fn unknown(tag: &str) -> Option<String> {
    let vocab = vocabulary();
    if vocab.iter().any(|t| t == tag) {
        return None;
    }
    let near = crate::words::closest(tag, vocab.iter().map(String::as_str))
        .map_or(String::new(), |(_, t)| format!("; the nearest is \"{t}\""));
    Some(format!(
        "tag \"{tag}\" is not in the tag vocabulary (briefs/README.md){near}"
    ))
}

/// The tags of the table under `## Tag vocabulary`: the first cell of
/// each row, in backticks.
fn parse(readme: &str) -> Vec<String> {
    readme
        .lines()
        .skip_while(|l| !l.starts_with("## Tag vocabulary"))
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| l.strip_prefix("| `")?.split_once('`'))
        .map(|(tag, _)| tag.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{unknown, vocabulary};

    #[test]
    fn the_vocabulary_is_the_readme_table() {
        let v = vocabulary();
        assert!(v.len() >= 25, "{v:?}");
        for t in ["alliance", "semiconductors", "public-opinion", "trade"] {
            assert!(v.iter().any(|x| x == t), "{t}");
        }
    }

    #[test]
    fn a_tag_outside_it_names_the_nearest() {
        assert_eq!(unknown("trade"), None);
        let w = unknown("semiconductor").unwrap_or_default();
        assert!(w.contains("nearest is \"semiconductors\""), "{w}");
        assert!(unknown("bogus-tag").is_some_and(|w| w.contains("nearest is")));
    }
}
