//! Reading `glossary.toml`: strict keys, every problem with the file's
//! own line and column.

use std::collections::HashMap;

use serde::Deserialize;
use toml::Spanned;

use super::Term;
use crate::diag::Diagnostic;
use crate::model::SourceFile;
use crate::sanitize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    terms: Vec<Spanned<RawTerm>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: Spanned<String>,
    expansion: Option<Spanned<String>>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    synonyms: Vec<Spanned<String>>,
    #[serde(default)]
    see: Vec<Spanned<String>>,
    definition: Spanned<String>,
    #[serde(default)]
    tags: Vec<Spanned<String>>,
}

struct Ctx<'a> {
    file: &'a SourceFile,
    diags: &'a mut Vec<Diagnostic>,
}

impl Ctx<'_> {
    fn error(&mut self, at: usize, msg: String) {
        self.diags.push(Diagnostic::error(
            &self.file.name,
            Some(self.file.pos(at)),
            msg,
        ));
    }

    /// The string, with an error if it is blank or holds control
    /// characters.
    fn text(&mut self, what: &str, s: Spanned<String>) -> String {
        let at = s.span().start;
        let v = s.into_inner();
        if v.trim().is_empty() {
            self.error(at, format!("glossary: {what} is empty"));
        } else if v.chars().any(sanitize::is_unsafe) {
            let shown = sanitize::line(&v).into_owned();
            self.error(
                at,
                format!("glossary: {what} contains control characters: \"{shown}\""),
            );
        }
        v
    }

    fn list(&mut self, what: &str, v: Vec<Spanned<String>>) -> Vec<String> {
        v.into_iter().map(|s| self.text(what, s)).collect()
    }
}

/// The terms of `file`. A file that is not valid TOML, or has an unknown
/// key, gives no terms and one error; a duplicate term or alias (in any
/// case) is an error at the second. A `see` entry that names its own term,
/// repeats one before it or is also one of the term's synonyms is an
/// error; whether it names a term at all is checked once the glossaries
/// are merged ([`super::Glossary::unresolved_see`]).
pub(super) fn parse(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Vec<Term> {
    let raw: RawFile = match toml::from_str(file.text()) {
        Ok(r) => r,
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start);
            let msg = e.message().trim();
            let msg = msg.lines().next().unwrap_or("invalid TOML");
            diags.push(Diagnostic::error(
                &file.name,
                Some(file.pos(at)),
                format!("glossary: {}", sanitize::line(msg)),
            ));
            return Vec::new();
        }
    };
    let mut cx = Ctx { file, diags };
    // Each term and alias, folded, with the line it was first given on.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut terms = Vec::new();
    for t in raw.terms {
        let pos = file.pos(t.span().start);
        let t = t.into_inner();
        let mut keys = vec![(t.term.span().start, t.term.get_ref().clone())];
        keys.extend(
            t.aliases
                .iter()
                .map(|a| (a.span().start, a.get_ref().clone())),
        );
        for (at, k) in keys {
            let folded = crate::query::fold(k.trim());
            if folded.is_empty() {
                continue;
            }
            let line = file.pos(at).line;
            match seen.get(&folded) {
                Some(first) => cx.error(
                    at,
                    format!(
                        "glossary: duplicate term or alias \"{}\" (first on line {first})",
                        sanitize::line(&k)
                    ),
                ),
                None => {
                    seen.insert(folded, line);
                }
            }
        }
        let see_pos = t.see.iter().map(|s| file.pos(s.span().start)).collect();
        check_see(&mut cx, &t);
        terms.push(Term {
            term: cx.text("term", t.term),
            expansion: t.expansion.map(|e| cx.text("expansion", e)),
            aliases: cx.list("alias", t.aliases),
            synonyms: cx.list("synonym", t.synonyms),
            see: cx.list("see", t.see),
            see_pos,
            definition: cx.text("definition", t.definition),
            tags: cx.list("tag", t.tags),
            file: file.name.clone(),
            pos,
            builtin: false,
        });
    }
    terms
}

/// The errors of a term's own `see` list: an entry naming the term itself,
/// one given twice, or one that is also a synonym of the term (related
/// terms point to each other; a synonym is the same thing).
fn check_see(cx: &mut Ctx<'_>, t: &RawTerm) {
    let fold = |s: &str| crate::query::fold(s.trim());
    let own: Vec<String> = std::iter::once(&t.term)
        .chain(&t.aliases)
        .chain(&t.expansion)
        .map(|n| fold(n.get_ref()))
        .collect();
    let synonyms: Vec<String> = t.synonyms.iter().map(|s| fold(s.get_ref())).collect();
    let term = sanitize::line(t.term.get_ref()).into_owned();
    let mut before: Vec<String> = Vec::new();
    for s in &t.see {
        let at = s.span().start;
        let shown = sanitize::line(s.get_ref()).into_owned();
        let folded = fold(s.get_ref());
        if folded.is_empty() {
            continue;
        }
        if own.contains(&folded) {
            cx.error(at, format!("glossary: \"{term}\" lists itself under see"));
        } else if before.contains(&folded) {
            cx.error(at, format!("glossary: \"{shown}\" is under see twice"));
        } else if synonyms.contains(&folded) {
            cx.error(
                at,
                format!(
                    "glossary: \"{shown}\" is both a synonym and a see of \"{term}\" (a related term is not the same thing)"
                ),
            );
        }
        before.push(folded);
    }
}
