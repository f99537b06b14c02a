//! `briefing figures [QUERY] [--json|--csv] [--explain]`

use std::io;
use std::process::ExitCode;

use serde::Serialize;

use super::{Cli, Out, report_load_problems};
use crate::library::Library;
use crate::lookup;
use crate::model::{FieldValue, Figure, FigureRef};
use crate::sanitize::line as clean;

/// One figure as `figures` writes it: the brief's id, then the figure's
/// own fields (see [`Figure::fields`]) with the section's title after its
/// anchor, then the ranking's reasons when asked for. Text is cleaned of
/// anything that could drive a terminal.
struct Row<'a> {
    brief: &'a str,
    figure: &'a Figure,
    section_title: &'a str,
    /// With a query: whether the figure answers it or is only related.
    answer: Option<bool>,
    explain: Option<lookup::Explanation>,
}

/// The CSV header: the same names in the same order.
fn csv_header() -> Vec<&'static str> {
    let mut names = vec!["brief"];
    for name in Figure::field_names() {
        names.push(name);
        if name == "section" {
            names.push("section_title");
        }
    }
    names
}

impl Row<'_> {
    /// The CSV record: the same fields, tags joined with `;`, every cell
    /// safe to open in a spreadsheet.
    fn csv_record(&self) -> Vec<String> {
        let mut cells = vec![clean(self.brief).into_owned()];
        for (name, v) in self.figure.fields() {
            cells.push(match v {
                FieldValue::Text(t) => clean(t).into_owned(),
                FieldValue::Maybe(t) => t.map_or_else(String::new, |t| clean(t).into_owned()),
                FieldValue::List(l) => l.iter().map(|t| clean(t)).collect::<Vec<_>>().join(";"),
                FieldValue::Flag(b) => b.to_string(),
            });
            if name == "section" {
                cells.push(clean(self.section_title).into_owned());
            }
        }
        cells
            .iter()
            .map(|cell| crate::csvsafe::cell(cell).into_owned())
            .collect()
    }
}

impl Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("brief", &clean(self.brief))?;
        for (name, v) in self.figure.fields() {
            match v {
                FieldValue::Text(t) => m.serialize_entry(name, &clean(t))?,
                FieldValue::Maybe(t) => m.serialize_entry(name, &t.map(clean))?,
                FieldValue::List(l) => {
                    m.serialize_entry(name, &l.iter().map(|t| clean(t)).collect::<Vec<_>>())?;
                }
                FieldValue::Flag(b) => m.serialize_entry(name, &b)?,
            }
            if name == "section" {
                m.serialize_entry("section_title", &clean(self.section_title))?;
            }
        }
        if let Some(a) = self.answer {
            m.serialize_entry("match", if a { "answer" } else { "related" })?;
        }
        if let Some(x) = &self.explain {
            m.serialize_entry("explain", x)?;
        }
        m.end()
    }
}

fn row(lib: &Library, r: FigureRef) -> Option<Row<'_>> {
    let b = lib.brief(r.brief)?;
    let figure = b.figure(r.figure)?;
    let section_title = figure
        .section
        .and_then(|s| b.section(s))
        .map_or("", |s| s.title.as_str());
    Some(Row {
        brief: &b.meta.id,
        figure,
        section_title,
        answer: None,
        explain: None,
    })
}

pub fn run(cli: &Cli, query: &str, json: bool, csv: bool, explain: bool) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let mut rows = if query.trim().is_empty() {
        lib.figures().filter_map(|r| row(&lib, r)).collect()
    } else {
        ranked(&lib, &lookup::Index::new(&lib), query, explain)
    };
    let mut out = Out::default();
    if json {
        out.raw(&serde_json::to_string_pretty(&rows).map_err(io::Error::other)?)?;
        out.raw("\n")?;
    } else if csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        let csv_err = |e: csv::Error| io::Error::other(e.to_string());
        w.write_record(csv_header()).map_err(csv_err)?;

        for r in &rows {
            w.write_record(r.csv_record()).map_err(csv_err)?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))?;
        out.raw(&String::from_utf8_lossy(&bytes))?;
    } else {
        if rows.is_empty() {
            eprintln!("no figure matches \"{}\"", clean(query));
            return Ok(ExitCode::from(1));
        }
        let (lines, answered) = text(&lib, &mut rows, query);
        // On a terminal each figure wraps under itself at its width, never
        // mid-word; piped, each is one line.
        for (lead, text) in lines {
            out.record(&lead, &text)?;
        }
        if !answered {
            out.flush()?;
            return Ok(ExitCode::from(1));
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Related figures listed when nothing answers.
const RELATED_SHOWN: usize = 5;

/// The figures `query` finds in `index` (built from `lib`), best first,
/// each marked answer or related, with why it ranked when `explain`.
fn ranked<'a>(lib: &'a Library, index: &lookup::Index, query: &str, explain: bool) -> Vec<Row<'a>> {
    let mut finder = lookup::Finder::default();
    let mut rows = Vec::new();
    for h in finder.rank(index, query) {
        let Some(mut r) = row(lib, h.figure) else {
            continue;
        };
        r.answer = Some(h.answer);
        if explain {
            r.explain = finder.explain(index, &h, query);
        }
        rows.push(r);
    }
    rows
}

/// The lines `briefing figures QUERY [--explain]` prints (before the
/// sanitizing every printed line gets), ranked in `index`, which was
/// built from `lib`.
pub fn text_lines(lib: &Library, index: &lookup::Index, query: &str, explain: bool) -> Vec<String> {
    text(lib, &mut ranked(lib, index, query, explain), query)
        .0
        .into_iter()
        .map(|(lead, text)| lead + &text)
        .collect()
}

/// A line of text output: what stands first (a value, an indent) and the
/// rest, which wraps under itself on a terminal (see [`Out::record`]).
type Line = (String, String);

/// The text of `rows` for `query`: the answers, then a rule and the
/// related figures; when nothing answers, `No figure answers "QUERY"` first
/// and at most [`RELATED_SHOWN`] related ones (and `false`).
fn text(lib: &Library, rows: &mut Vec<Row<'_>>, query: &str) -> (Vec<Line>, bool) {
    let mut lines = Vec::new();
    let answered = rows.iter().any(|r| r.answer != Some(false));
    if !answered {
        lines.push((
            String::new(),
            format!("No figure answers \"{}\"", clean(query)),
        ));
        rows.truncate(RELATED_SHOWN);
    }
    let vw = rows
        .iter()
        .map(|r| clean(&r.figure.value).chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    // Nothing answers: the related figures follow the first line.
    let mut ruled = !answered;
    for r in rows.iter() {
        if r.answer == Some(false) && !ruled {
            ruled = true;
            lines.push((String::new(), "─".repeat(vw + 2)));
            lines.push((String::new(), "related".to_owned()));
        }
        text_line(&mut lines, lib, r, vw);
    }
    (lines, answered)
}

/// One figure as a line of text: value, label, source and date, brief and
/// section; its reasons under it when asked for.
fn text_line(lines: &mut Vec<Line>, lib: &Library, r: &Row<'_>, vw: usize) {
    let f = r.figure;
    let short = lib
        .by_id(r.brief)
        .and_then(|b| lib.brief(b))
        .map_or("", |b| b.meta.short_title.as_str());
    // Source and date as the notes of `show` give them.
    let mut cite = f.source.clone();
    if let Some(a) = &f.as_of {
        cite.push_str(", ");
        cite.push_str(a);
    }
    lines.push((
        format!("{:>vw$}  ", clean(&f.value)),
        format!(
            "{}  · {} · {} › {}",
            clean(&f.label),
            clean(&cite),
            clean(short),
            clean(r.section_title)
        ),
    ));
    if let Some(x) = &r.explain {
        explain_lines(lines, x, vw);
    }
}

/// The reasons of one figure's rank, under its line.
fn explain_lines(lines: &mut Vec<Line>, x: &lookup::Explanation, indent: usize) {
    let pad = " ".repeat(indent + 2);
    let role = if x.answer { "answer" } else { "related" };
    lines.push((pad.clone(), format!("score {:.2}, {role}", x.score)));
    for w in &x.words {
        let kind = if w.filler {
            " (question word)"
        } else if w.soft {
            " (half weight)"
        } else if !w.reasons.is_empty() && !w.identity {
            " (not in the figure's own words)"
        } else {
            ""
        };
        let why = if w.reasons.is_empty() {
            "no match".to_owned()
        } else {
            w.reasons
                .iter()
                .map(|r| {
                    if r.field == "glossary" {
                        format!("glossary \"{}\" ({})", r.matched, r.how)
                    } else {
                        format!("{} \"{}\" ({})", r.field, r.matched, r.how)
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        lines.push((
            format!("{pad}  "),
            format!(
                "{}{kind}: +{:.2} (rarity {:.2}): {why}",
                w.word, w.score, w.rarity
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_keys_and_csv_columns_come_from_the_one_table_of_fields() {
        let lib = Library::embedded();
        let r = lib.figures().next().expect("a figure");
        let row = row(&lib, r).expect("row");
        let json = serde_json::to_value(&row).expect("json");
        let keys: Vec<&str> = json
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut want = csv_header();
        want.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, want);
        assert_eq!(row.csv_record().len(), csv_header().len());
        assert!(csv_header().starts_with(&["brief", "id", "value", "label"]));
    }
}
