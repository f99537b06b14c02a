//! Measures across briefs, and the places where briefs disagree: figures of
//! one measure that give different values for the same `as_of`, and events
//! of one key that give different dates.

use crate::date::PartialDate;
use crate::library::Library;
use crate::model::{BriefIdx, FigureRef};
use crate::trace;

/// An event anywhere in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventRef {
    pub brief: BriefIdx,
    pub event: usize,
}

/// One disagreement, with every side of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Figures of `measure`, as of `as_of`, whose values differ.
    Figure {
        measure: String,
        as_of: String,
        sides: Vec<FigureRef>,
    },
    /// Events of `key` whose dates differ.
    Event { key: String, sides: Vec<EventRef> },
}

impl Conflict {
    /// The measure or key the sides share.
    pub fn name(&self) -> &str {
        match self {
            Self::Figure { measure, .. } => measure,
            Self::Event { key, .. } => key,
        }
    }

    /// What a reader calls it: the first side's label (a figure's, an
    /// event's), not the slug that ties the sides together.
    pub fn label(&self, lib: &Library) -> String {
        let label = match self {
            Self::Figure { sides, .. } => sides
                .first()
                .and_then(|r| Some(lib.brief(r.brief)?.figure(r.figure)?.label.clone())),
            Self::Event { sides, .. } => sides
                .first()
                .and_then(|r| Some(lib.brief(r.brief)?.events().get(r.event)?.label.clone())),
        };
        label.unwrap_or_else(|| self.name().to_owned())
    }

    /// True when figure `r` is one of the sides.
    pub fn has_figure(&self, r: FigureRef) -> bool {
        matches!(self, Self::Figure { sides, .. } if sides.contains(&r))
    }

    /// True when event `r` is one of the sides.
    pub fn has_event(&self, r: EventRef) -> bool {
        matches!(self, Self::Event { sides, .. } if sides.contains(&r))
    }
}

/// Every figure of the library that states a measure, from the briefs'
/// digests (no brief's detail is read).
fn measured(lib: &Library) -> impl Iterator<Item = (FigureRef, &crate::model::Measured)> {
    lib.briefs.iter().enumerate().flat_map(|(b, brief)| {
        brief.digest.measured.iter().map(move |m| {
            let r = FigureRef {
                brief: BriefIdx(b),
                figure: m.figure,
            };
            (r, m)
        })
    })
}

/// What a reader calls measure `slug`: the label of its first figure.
pub fn measure_label(lib: &Library, slug: &str) -> String {
    measured(lib)
        .find(|(_, m)| m.measure == slug)
        .and_then(|(r, _)| lib.brief(r.brief)?.figure(r.figure))
        .map_or_else(|| slug.to_owned(), |f| f.label.clone())
}

/// Every measure the library's figures name, each with its figures in order
/// of `as_of` (figures without one last), then brief.
pub fn measures(lib: &Library) -> Vec<(String, Vec<FigureRef>)> {
    let mut all: Vec<(&str, (bool, &str), FigureRef)> = measured(lib)
        .map(|(r, m)| {
            let as_of = (m.as_of.is_none(), m.as_of.as_deref().unwrap_or_default());
            (m.measure.as_str(), as_of, r)
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    let mut out: Vec<(String, Vec<FigureRef>)> = Vec::new();
    for group in all.chunk_by(|a, b| a.0 == b.0) {
        let mut refs: Vec<((bool, &str), FigureRef)> =
            group.iter().map(|(_, k, r)| (*k, *r)).collect();
        refs.sort();
        out.push((
            group[0].0.to_owned(),
            refs.into_iter().map(|(_, r)| r).collect(),
        ));
    }
    out
}

/// Every disagreement in the library: figures first, by measure, then
/// events, by key.
pub fn find(lib: &Library) -> Vec<Conflict> {
    let mut out = figure_conflicts(lib);
    out.extend(event_conflicts(lib));
    out
}

fn figure_conflicts(lib: &Library) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (measure, refs) in measures(lib) {
        let dated: Vec<(String, String, FigureRef)> = refs
            .iter()
            .filter_map(|r| {
                let m = lib
                    .brief(r.brief)?
                    .digest
                    .measured
                    .iter()
                    .find(|m| m.figure == r.figure)?;
                let as_of = m.as_of.as_deref()?.trim().to_owned();
                Some((as_of, trace::normalize(&m.value).0.trim().to_owned(), *r))
            })
            .collect();
        for group in dated.chunk_by(|a, b| a.0 == b.0) {
            let first = &group[0].1;
            if group.iter().any(|(_, v, _)| v != first) {
                out.push(Conflict::Figure {
                    measure: measure.clone(),
                    as_of: group[0].0.clone(),
                    sides: group.iter().map(|(_, _, r)| *r).collect(),
                });
            }
        }
    }
    out
}

fn event_conflicts(lib: &Library) -> Vec<Conflict> {
    let mut keyed: Vec<(&str, PartialDate, EventRef)> = Vec::new();
    for (bi, b) in lib.briefs.iter().enumerate() {
        for k in &b.digest.keyed {
            let r = EventRef {
                brief: BriefIdx(bi),
                event: k.event,
            };
            keyed.push((k.key.as_str(), k.date, r));
        }
    }
    keyed.sort_by(|a, b| a.0.cmp(b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = Vec::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        let disagree = group
            .iter()
            .any(|a| group.iter().any(|b| !dates_agree(a.1, b.1)));
        if disagree {
            out.push(Conflict::Event {
                key: group[0].0.to_owned(),
                sides: group.iter().map(|(_, _, r)| *r).collect(),
            });
        }
    }
    out
}

/// Two dates agree when they say the same as far as both go: `2022-05`
/// and `2022-05-21` agree, `2022-10` and `2022-11` do not.
pub fn dates_agree(a: PartialDate, b: PartialDate) -> bool {
    let same = |x: Option<u8>, y: Option<u8>| x.is_none() || y.is_none() || x == y;
    a.year == b.year
        && same(a.month, b.month)
        && (a.month.is_none() || b.month.is_none() || same(a.day, b.day))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Origin, SourceFile};

    fn lib(files: &[(&str, &str)]) -> Library {
        Library::from_files(
            files
                .iter()
                .map(|(n, t)| Ok(SourceFile::new((*n).into(), Origin::Embedded, (*t).into())))
                .collect(),
        )
    }

    fn brief(id: &str, figs: &str, events: &str) -> String {
        format!(
            "+++\nid = \"{id}\"\ntitle = \"{id}\"\n{figs}{events}+++\n# {id}\n\n## S\n\nSee [it](fig:f).\n"
        )
    }

    fn fig(value: &str, as_of: &str) -> String {
        format!(
            "[[figures]]\nid = \"f\"\nvalue = \"{value}\"\nlabel = \"l\"\nsection = \"s\"\nsource = \"x\"\nmeasure = \"m\"\nkind = \"share\"\n{as_of}"
        )
    }

    fn ev(date: &str) -> String {
        format!("[[events]]\ndate = \"{date}\"\nlabel = \"e\"\nsection = \"s\"\nkey = \"k\"\n")
    }

    #[test]
    #[allow(clippy::many_single_char_names)]
    fn values_that_differ_for_one_as_of_disagree() {
        let a = brief("a", &fig("60%", "as_of = \"2023\"\n"), "");
        let b = brief("b", &fig("55 percent", "as_of = \"2023\"\n"), "");
        let c = brief("c", &fig("60 percent", "as_of = \"2023\"\n"), "");
        let l = lib(&[("a.md", &a), ("b.md", &b), ("c.md", &c)]);
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        let found = find(&l);
        assert_eq!(found.len(), 1);
        let Conflict::Figure {
            measure,
            as_of,
            sides,
        } = &found[0]
        else {
            panic!("{found:?}");
        };
        assert_eq!(
            (measure.as_str(), as_of.as_str(), sides.len()),
            ("m", "2023", 3)
        );
        // 60% and 60 percent agree; another year is no disagreement.
        let l = lib(&[("a.md", &a), ("c.md", &c)]);
        assert!(find(&l).is_empty());
        let d = brief("d", &fig("10%", "as_of = \"2019\"\n"), "");
        let l = lib(&[("a.md", &a), ("d.md", &d)]);
        assert!(find(&l).is_empty());
        assert_eq!(measures(&l)[0].1.len(), 2);
        assert_eq!(
            measures(&l)[0].1[0].brief,
            BriefIdx(1),
            "oldest as_of first"
        );
    }

    #[test]
    fn dates_of_one_key_that_differ_disagree() {
        let a = brief("a", &fig("1%", ""), &ev("2022-10"));
        let b = brief("b", &fig("1%", ""), &ev("2022-11"));
        let c = brief("c", &fig("1%", ""), &ev("2022"));
        let l = lib(&[("a.md", &a), ("b.md", &b), ("c.md", &c)]);
        let found = find(&l);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            matches!(&found[0], Conflict::Event { key, sides } if key == "k" && sides.len() == 3)
        );
        let l = lib(&[("a.md", &a), ("c.md", &c)]);
        assert!(find(&l).is_empty(), "2022 and 2022-10 agree");
    }

    #[test]
    fn dates_agree_as_far_as_both_go() {
        let d = |s| PartialDate::parse(s).expect("date");
        assert!(dates_agree(d("2022-05"), d("2022-05-21")));
        assert!(dates_agree(d("2022"), d("2022-11")));
        assert!(!dates_agree(d("2022-05-20"), d("2022-05-21")));
        assert!(!dates_agree(d("2022-05"), d("2023")));
    }

    #[test]
    fn the_embedded_library_shows_its_known_disagreement() {
        let l = Library::embedded();
        let found = find(&l);
        let names: Vec<&str> = found.iter().map(Conflict::name).collect();
        assert!(
            names.contains(&"us-national-security-strategy-2022"),
            "{names:?}"
        );
        // The May 2022 upgrade and the 2023 partnership are keyed apart.
        assert_eq!(names, ["us-national-security-strategy-2022"]);
    }
}
