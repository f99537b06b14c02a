//! `briefing figures [QUERY] [--json|--csv] [--explain]`

use std::io;
use std::process::ExitCode;

use serde::Serialize;

use super::{Cli, Out, report_load_problems};
use crate::library::Library;
use crate::lookup;
use crate::model::FigureRef;
use crate::sanitize::line as clean;

#[derive(Serialize)]
struct FigureJson {
    brief: String,
    id: String,
    value: String,
    label: String,
    section: String,
    section_title: String,
    source: String,
    as_of: Option<String>,
    tags: Vec<String>,
    measure: Option<String>,
    kind: Option<&'static str>,
    headline: bool,
    draft: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<lookup::Explanation>,
}

impl FigureJson {
    /// The CSV record: the same fields, tags joined with `;`, every cell
    /// safe to open in a spreadsheet.
    fn csv_record(&self) -> Vec<String> {
        [
            self.brief.as_str(),
            &self.id,
            &self.value,
            &self.label,
            &self.section,
            &self.section_title,
            &self.source,
            self.as_of.as_deref().unwrap_or(""),
            &self.tags.join(";"),
            self.measure.as_deref().unwrap_or(""),
            self.kind.unwrap_or(""),
            if self.headline { "true" } else { "false" },
        ]
        .into_iter()
        .map(|cell| crate::csvsafe::cell(cell).into_owned())
        .collect()
    }
}

fn row(lib: &Library, r: FigureRef) -> Option<FigureJson> {
    let b = lib.brief(r.brief)?;
    let f = b.figure(r.figure)?;
    let c = |s: &str| clean(s).into_owned();
    let section_title = f
        .section
        .and_then(|s| b.section(s))
        .map_or("", |s| s.title.as_str());
    Some(FigureJson {
        brief: c(&b.meta.id),
        id: c(&f.id),
        value: c(&f.value),
        label: c(&f.label),
        section: c(&f.section_anchor),
        section_title: c(section_title),
        source: c(&f.source),
        as_of: f.as_of.as_deref().map(c),
        tags: f.tags.iter().map(|t| c(t)).collect(),
        measure: f.measure.as_deref().map(c),
        kind: f.kind.map(crate::model::FigureKind::name),
        headline: f.headline,
        draft: f.draft,
        explain: None,
    })
}

pub fn run(cli: &Cli, query: &str, json: bool, csv: bool, explain: bool) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let mut rows: Vec<FigureJson> = Vec::new();
    if query.trim().is_empty() {
        rows.extend(lib.figures().filter_map(|r| row(&lib, r)));
    } else {
        let index = lookup::Index::new(&lib);
        let mut finder = lookup::Finder::default();
        for h in finder.rank(&index, query) {
            let Some(mut r) = row(&lib, h.figure) else {
                continue;
            };
            if explain {
                r.explain = finder.explain(&index, &h, query);
            }
            rows.push(r);
        }
    }
    let mut out = Out::default();
    if json {
        out.raw(&serde_json::to_string_pretty(&rows).map_err(io::Error::other)?)?;
        out.raw("\n")?;
    } else if csv {
        let mut w = csv::Writer::from_writer(Vec::new());
        let csv_err = |e: csv::Error| io::Error::other(e.to_string());
        w.write_record([
            "brief",
            "id",
            "value",
            "label",
            "section",
            "section_title",
            "source",
            "as_of",
            "tags",
            "measure",
            "kind",
            "headline",
        ])
        .map_err(csv_err)?;
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
        let vw = rows
            .iter()
            .map(|r| r.value.chars().count())
            .max()
            .unwrap_or(0)
            .min(24);
        for r in &rows {
            let short = lib
                .by_id(&r.brief)
                .and_then(|b| lib.brief(b))
                .map_or("", |b| b.meta.short_title.as_str());
            // Source and date as the notes of `show` give them.
            let mut cite = r.source.clone();
            if let Some(a) = &r.as_of {
                cite.push_str(", ");
                cite.push_str(a);
            }
            out.line(&format!(
                "{:>vw$}  {}  · {} · {} › {}",
                r.value, r.label, cite, short, r.section_title
            ))?;
            if let Some(x) = &r.explain {
                explain_lines(&mut out, x, vw)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The reasons of one figure's rank, under its line.
fn explain_lines(out: &mut Out, x: &lookup::Explanation, indent: usize) -> io::Result<()> {
    let pad = " ".repeat(indent + 2);
    out.line(&format!("{pad}score {:.2}", x.score))?;
    for w in &x.words {
        let kind = if w.filler {
            " (filler)"
        } else if w.soft {
            " (half weight)"
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
        out.line(&format!(
            "{pad}  {}{kind}: +{:.2} (rarity {:.2}): {why}",
            w.word, w.score, w.rarity
        ))?;
    }
    Ok(())
}
