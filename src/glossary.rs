//! The glossary: terms the briefs use (acronyms, laws, programmes) with
//! their expansions, aliases, the everyday synonyms an analyst types, a
//! one-line definition and tags. Built into the binary from
//! `briefs/glossary.toml`; a folder of briefs may carry its own
//! `glossary.toml`, merged over it.

mod file;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use crate::diag::{Diagnostic, Pos};
use crate::model::SourceFile;
use crate::query::{Analyzer, Token};

/// The file name a folder's own glossary has.
pub const FILE_NAME: &str = "glossary.toml";

/// One glossary entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As the briefs write it.
    pub term: String,
    /// What an acronym stands for.
    pub expansion: Option<String>,
    /// Other exact names of the same thing.
    pub aliases: Vec<String>,
    /// Everyday words an analyst may type for it.
    pub synonyms: Vec<String>,
    /// Related terms, by a name of each (term, alias or expansion): they
    /// point to each other without being the same thing, and never
    /// widen a lookup as a synonym does. See [`Glossary::related`].
    pub see: Vec<String>,
    /// Where each of `see` is written, for diagnostics.
    pub see_pos: Vec<Pos>,
    pub definition: String,
    pub tags: Vec<String>,
    /// The file that declares it, and where.
    pub file: String,
    pub pos: Pos,
    /// True for the built-in glossary's terms.
    pub builtin: bool,
}

impl Term {
    /// The names that, written in a text, are this term: the term, its
    /// aliases and its expansion.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.term.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .chain(self.expansion.as_deref())
    }

    /// Every name, synonyms included.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.names().chain(self.synonyms.iter().map(String::as_str))
    }
}

/// Where a term is written in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index into [`Glossary::terms`].
    pub term: usize,
}

/// A name prepared for matching: its stems, and per stem the capitals it
/// must be written with (an acronym like `IRA` or `CETs` matches only in
/// capitals; `Quad` or `chip` in any case).
#[derive(Debug, Clone)]
struct Name {
    stems: Vec<String>,
    caps: Vec<Option<String>>,
    term: usize,
    /// A synonym: it expands queries but is not the term written out.
    synonym: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
    names: Vec<Name>,
    /// Names by their first stem.
    first: HashMap<String, Vec<usize>>,
    /// Per term, its related terms (see [`Glossary::related`]).
    related: Vec<Vec<usize>>,
}

/// The capitals of `s`, if it has two or more (then they must match).
fn capitals(s: &str) -> Option<String> {
    let caps: String = s.chars().filter(|c| c.is_uppercase()).collect();
    (caps.chars().count() >= 2).then_some(caps)
}

/// The built-in glossary, read once.
static BUILTIN: std::sync::OnceLock<(Glossary, Vec<Diagnostic>)> = std::sync::OnceLock::new();

impl Glossary {
    /// The glossary compiled into the binary, and its problems (none, as
    /// a test makes sure).
    pub fn builtin() -> (Self, Vec<Diagnostic>) {
        // Read once: a library loads it twice (with and without the
        // glossaries of its folders), and a copy costs a tenth of a read.
        BUILTIN.get_or_init(Self::read_builtin).clone()
    }

    /// Starts reading the built-in glossary on a thread of its own, so
    /// that it is read by the time a library loading here takes it (if it
    /// is not read or being read already).
    pub fn prepare_builtin() {
        static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if STARTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        let _ = std::thread::Builder::new()
            .name("glossary".into())
            .spawn(|| BUILTIN.get_or_init(Self::read_builtin));
    }

    fn read_builtin() -> (Self, Vec<Diagnostic>) {
        let file = SourceFile::new(
            FILE_NAME.to_owned(),
            crate::model::Origin::Embedded,
            crate::embedded::GLOSSARY.to_owned(),
        );
        let mut diags = Vec::new();
        let mut g = Self::from_terms(file::parse(&file, &mut diags));
        for t in &mut g.terms {
            t.builtin = true;
        }
        diags.extend(g.unresolved_see(|_| true));
        (g, diags)
    }

    /// Parses a glossary file; problems are diagnostics with the file's
    /// own line and column.
    pub fn parse(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> Self {
        Self::from_terms(file::parse(file, diags))
    }

    /// The built-in glossary with the `glossary.toml` of each folder in
    /// `paths` merged over it.
    ///
    /// A folder's `see` may name a built-in term; one that names no term
    /// of the merged glossary is an error in the folder's file.
    pub fn for_paths(paths: &[std::path::PathBuf]) -> (Self, Vec<Diagnostic>) {
        let (mut g, mut diags) = Self::builtin();
        for dir in paths.iter().filter(|p| p.is_dir()) {
            let path = dir.join(FILE_NAME);
            if !path.is_file() {
                continue;
            }
            match crate::textfile::read_source(&path, &path.display().to_string(), dir) {
                Ok(file) => g.merge(Self::parse(&file, &mut diags)),
                Err(d) => diags.push(d),
            }
        }
        diags.extend(g.unresolved_see(|t| !t.builtin));
        (g, diags)
    }

    /// Reads one glossary file from disk.
    pub fn read(path: &Path) -> (Self, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let dir = path.parent().unwrap_or(Path::new("."));
        let g = match crate::textfile::read_source(path, &path.display().to_string(), dir) {
            Ok(file) => Self::parse(&file, &mut diags),
            Err(d) => {
                diags.push(d);
                Self::default()
            }
        };
        (g, diags)
    }

    /// Adds `other`'s terms; one that shares a term or alias with a term
    /// here replaces it.
    pub fn merge(&mut self, other: Self) {
        let keys = |t: &Term| -> Vec<String> {
            std::iter::once(&t.term)
                .chain(&t.aliases)
                .map(|s| crate::query::fold(s))
                .collect()
        };
        let new: Vec<String> = other.terms.iter().flat_map(keys).collect();
        let mut terms: Vec<Term> = std::mem::take(&mut self.terms);
        terms.retain(|old| keys(old).iter().all(|o| !new.contains(o)));
        terms.extend(other.terms);
        *self = Self::from_terms(terms);
    }

    fn from_terms(terms: Vec<Term>) -> Self {
        let an = Analyzer::default();
        let mut names = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            let exact: Vec<&str> = t.names().collect();
            for n in t.all_names() {
                let toks = an.tokens(n);
                if toks.is_empty() {
                    continue;
                }
                names.push(Name {
                    caps: toks.iter().map(|k| capitals(&n[k.range.clone()])).collect(),
                    stems: toks.into_iter().map(|k| k.stem).collect(),
                    term: i,
                    synonym: !exact.contains(&n),
                });
            }
        }
        let mut first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            if let Some(s) = n.stems.first() {
                first.entry(s.clone()).or_default().push(i);
            }
        }
        let related = related_terms(&terms);
        Self {
            terms,
            names,
            first,
            related,
        }
    }

    /// Every name, synonyms included, as its stems, the capitals each
    /// word must be written with (if any) and its term's index.
    pub fn name_stems(&self) -> impl Iterator<Item = (&[String], &[Option<String>], usize)> {
        self.names
            .iter()
            .map(|n| (n.stems.as_slice(), n.caps.as_slice(), n.term))
    }

    /// The term named `name` (its term, an alias, its expansion or a
    /// synonym, in any case), if one is.
    ///
    /// A term's own names come first: an exact one, then (for a name
    /// written with capitals, as `CHIPS`) the first words of one written
    /// just so (`CHIPS Act`), and only then a synonym (`chips`).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.find_name(name)
            .or_else(|| self.find_capitalized_start(name.trim()))
            .or_else(|| {
                let want = crate::query::fold(name.trim());
                self.terms
                    .iter()
                    .position(|t| t.all_names().any(|n| crate::query::fold(n) == want))
            })
    }

    /// The term one of whose names starts with the words `name`, written
    /// the same way, when `name` has a capital letter.
    fn find_capitalized_start(&self, name: &str) -> Option<usize> {
        if name.is_empty() || !name.chars().any(char::is_uppercase) {
            return None;
        }
        self.terms.iter().position(|t| {
            t.names().any(|n| {
                n.strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with(' '))
            })
        })
    }

    /// The term written `name` (its term, an alias or its expansion, in
    /// any case; not a synonym), if one is.
    pub fn find_name(&self, name: &str) -> Option<usize> {
        let want = crate::query::fold(name.trim());
        self.terms
            .iter()
            .position(|t| t.names().any(|n| crate::query::fold(n) == want))
    }

    /// The terms related to term `i`: those its `see` names, then those
    /// whose `see` names it, each once, never `i` itself. A `see` that
    /// names no term is left out (`check` reports it).
    pub fn related(&self, i: usize) -> &[usize] {
        self.related.get(i).map_or(&[], Vec::as_slice)
    }

    /// An error for each `see` entry, of the terms `which` picks, that
    /// names no term (a synonym is not a name of its term).
    pub fn unresolved_see(&self, which: impl Fn(&Term) -> bool) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, t) in self.terms.iter().enumerate().filter(|(_, t)| which(t)) {
            for (k, s) in t.see.iter().enumerate() {
                if s.trim().is_empty() || self.find_name(s).is_some() {
                    continue;
                }
                let hint = match self.find(s) {
                    // Its own synonym: reported where the file is read.
                    Some(j) if j == i => continue,
                    Some(j) => format!(" (it is a synonym of \"{}\")", self.terms[j].term),
                    None => String::new(),
                };
                out.push(Diagnostic::error(
                    &t.file,
                    Some(t.see_pos.get(k).copied().unwrap_or(t.pos)),
                    format!(
                        "glossary: see \"{}\" of \"{}\" names no term{hint}",
                        crate::sanitize::line(s),
                        crate::sanitize::line(&t.term)
                    ),
                ));
            }
        }
        out
    }

    /// Where glossary terms are written in `text`: the term, an alias or
    /// its expansion, matched word by word after folding and stemming
    /// (`KORUS FTA's` is `KORUS FTA`), acronyms in capitals only. The
    /// longest name wins; occurrences do not overlap.
    pub fn occurrences(&self, text: &str) -> Vec<Occurrence> {
        let toks = Analyzer::default().tokens(text);
        self.matches(text, &toks, false)
            .into_iter()
            .map(|(range, term)| Occurrence {
                range: toks[range.start].range.start..toks[range.end - 1].range.end,
                term,
            })
            .collect()
    }

    /// The terms whose any name, synonyms included, is written in
    /// `toks` (tokens of `text`), without repeats.
    pub fn terms_in(&self, text: &str, toks: &[Token]) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .matches(text, toks, true)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Matches as token ranges and term indices.
    fn matches(&self, text: &str, toks: &[Token], synonyms: bool) -> Vec<(Range<usize>, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let best = self
                .first
                .get(&toks[i].stem)
                .into_iter()
                .flatten()
                .filter_map(|&n| self.names.get(n))
                .filter(|n| (synonyms || !n.synonym) && Self::name_at(n, text, &toks[i..]))
                // The longest name; between equals, the first term.
                .max_by(|a, b| a.stems.len().cmp(&b.stems.len()).then(b.term.cmp(&a.term)));
            match best {
                Some(n) => {
                    out.push((i..i + n.stems.len(), n.term));
                    i += n.stems.len();
                }
                None => i += 1,
            }
        }
        out
    }

    fn name_at(n: &Name, text: &str, toks: &[Token]) -> bool {
        n.stems.len() <= toks.len()
            && n.stems.iter().zip(&n.caps).zip(toks).all(|((s, caps), t)| {
                *s == t.stem
                    && caps.as_ref().is_none_or(|c| {
                        text.get(t.range.clone())
                            .is_some_and(|w| w.chars().filter(|c| c.is_uppercase()).eq(c.chars()))
                    })
            })
    }
}

/// Per term, the terms its `see` names (by term, alias or expansion, the
/// first term of a name winning as in [`Glossary::find_name`]), then the
/// terms whose `see` names it; each once, never the term itself.
fn related_terms(terms: &[Term]) -> Vec<Vec<usize>> {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, t) in terms.iter().enumerate() {
        for n in t.names() {
            by_name.entry(crate::query::fold(n.trim())).or_insert(i);
        }
    }
    let named: Vec<Vec<usize>> = terms
        .iter()
        .map(|t| {
            t.see
                .iter()
                .filter_map(|s| by_name.get(&crate::query::fold(s.trim())).copied())
                .collect()
        })
        .collect();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); terms.len()];
    let add = |out: &mut Vec<Vec<usize>>, i: usize, j: usize| {
        if let Some(list) = out.get_mut(i)
            && i != j
            && !list.contains(&j)
        {
            list.push(j);
        }
    };
    for (i, js) in named.iter().enumerate() {
        for &j in js {
            add(&mut out, i, j);
        }
    }
    for (j, is) in named.iter().enumerate() {
        for &i in is {
            add(&mut out, i, j);
        }
    }
    out
}
