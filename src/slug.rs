//! GitHub-style heading anchors.

use std::collections::HashMap;

/// The anchor GitHub gives a heading: lower-case, characters other than
/// letters, digits, spaces, `-` and `_` removed, spaces turned into `-`.
pub fn slugify(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

/// Hands out unique anchors within one document, suffixing repeats with
/// `-1`, `-2`... as GitHub does.
#[derive(Default)]
pub struct Slugger {
    seen: HashMap<String, usize>,
}

impl Slugger {
    pub fn unique(&mut self, title: &str) -> String {
        let base = slugify(title);
        let mut slug = base.clone();
        while let Some(n) = self.seen.get(&slug).copied() {
            self.seen.insert(slug.clone(), n + 1);
            slug = format!("{base}-{}", n + 1);
            if !self.seen.contains_key(&slug) {
                break;
            }
        }
        self.seen.entry(slug.clone()).or_insert(0);
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_rules() {
        assert_eq!(slugify("Trade & Investment"), "trade--investment");
        assert_eq!(slugify("U.S.-ROK Ties"), "us-rok-ties");
        assert_eq!(slugify("  Économie du Sud "), "économie-du-sud");
        assert_eq!(slugify("AI_and 5G/6G"), "ai_and-5g6g");
        assert_eq!(slugify("한국 반도체"), "한국-반도체");
    }

    #[test]
    fn repeats_get_suffixes() {
        let mut s = Slugger::default();
        assert_eq!(s.unique("Notes"), "notes");
        assert_eq!(s.unique("Notes"), "notes-1");
        assert_eq!(s.unique("Notes"), "notes-2");
        assert_eq!(s.unique("Notes 1"), "notes-1-1");
    }
}
