//! The source's own words for a paragraph of a brief: the sentence the
//! trace engine locates for one of its figures, else the source sentence
//! that the paragraph most plainly restates (word overlap above a
//! threshold). Only ever the source's characters (white space folded), so
//! it may stand in quotation marks.

use super::{SourceText, fold_space, sentence_end};
use crate::query::{Analyzer, is_filler};

/// A passage of the source, verbatim but for folded white space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    /// 1-based line where it starts.
    pub line: usize,
}

/// The share of a source sentence's words the paragraph must hold for
/// the sentence to count as what the paragraph restates...
const OVERLAP: f32 = 0.5;
/// ...and how many words at least they must share.
const SHARED: usize = 4;

impl SourceText {
    /// The source's words for a paragraph that mentions figures with
    /// `values`: the sentence holding the first value found, else the
    /// sentence the paragraph shares the most words with, if it shares
    /// enough; `None` when nothing verbatim is found.
    pub fn quote(&self, values: &[&str], paragraph: &str) -> Option<Quote> {
        for v in values {
            if let Some(p) = self.locate(v) {
                return Some(Quote {
                    text: p.text,
                    line: p.line,
                });
            }
        }
        self.restated(paragraph)
    }

    /// The source sentence the paragraph restates most plainly.
    fn restated(&self, paragraph: &str) -> Option<Quote> {
        let an = Analyzer::default();
        let stems = |s: &str| -> Vec<String> {
            let mut v: Vec<String> = an
                .tokens(s)
                .into_iter()
                .filter(|t| !is_filler(&t.norm))
                .map(|t| t.stem)
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let ours = stems(paragraph);
        if ours.len() < SHARED {
            return None;
        }
        let mut best: Option<(f32, usize, usize)> = None;
        let mut start = 0;
        while start < self.text.len() {
            let end = sentence_end(&self.text, start).max(start + 1);
            let end = (start..=end.min(self.text.len()))
                .rev()
                .find(|&i| self.text.is_char_boundary(i))
                .unwrap_or(start);
            if end <= start {
                break;
            }
            let theirs = stems(&self.text[start..end]);
            let shared = theirs
                .iter()
                .filter(|s| ours.binary_search(s).is_ok())
                .count();
            if shared >= SHARED && !theirs.is_empty() {
                let overlap = shared as f32 / theirs.len() as f32;
                let score = overlap * shared as f32;
                if overlap >= OVERLAP && best.is_none_or(|(b, _, _)| score > b) {
                    best = Some((score, start, end));
                }
            }
            start = end;
        }
        let (_, start, end) = best?;
        let raw = &self.text[start..end];
        let lead = raw.len() - raw.trim_start().len();
        let text = fold_space(raw.trim());
        Some(Quote {
            line: self.lines.pos(&self.text, start + lead).line,
            text,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "Intro line.\nKorea sends 60 percent of its chip exports to China, including\nHong Kong. The partnership needs a common vision despite\ndiffering threat perceptions between the two allies. Other words here.";

    #[test]
    fn a_figure_s_sentence_first_then_the_sentence_restated() {
        let s = SourceText::new(SOURCE.to_owned());
        let q = s.quote(&["60 percent"], "anything").expect("quote");
        assert_eq!(q.line, 2);
        assert_eq!(
            q.text,
            "Korea sends 60 percent of its chip exports to China, including Hong Kong."
        );
        let q = s
            .quote(
                &["99 percent"],
                "Communication. The allies' partnership needs a common vision despite their differing threat perceptions.",
            )
            .expect("quote");
        assert_eq!(q.line, 3);
        assert!(
            q.text
                .starts_with("The partnership needs a common vision despite differing")
        );
        // Nothing restated: nothing to quote.
        assert_eq!(
            s.quote(&[], "Quantum sensing budgets rose sharply last year."),
            None
        );
    }
}
