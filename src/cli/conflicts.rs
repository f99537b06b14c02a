//! `briefing conflicts [--json]`: where briefs disagree.

use std::io;
use std::process::ExitCode;

use serde::Serialize;

use super::{Cli, Out, report_load_problems};
use crate::conflicts::{self, Conflict};
use crate::library::Library;
use crate::model::{BriefIdx, SectionIdx};
use crate::sanitize::line as clean;

#[derive(Serialize)]
struct Side {
    brief: String,
    /// The figure's value or the event's date.
    value: String,
    label: String,
    section: String,
    section_title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    figure: Option<String>,
}

#[derive(Serialize)]
struct ConflictJson {
    /// `figure` or `event`.
    kind: &'static str,
    /// The measure or event key the sides share.
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<String>,
    sides: Vec<Side>,
}

fn side(
    lib: &Library,
    b: BriefIdx,
    sec: Option<SectionIdx>,
    value: &str,
    label: &str,
) -> Option<Side> {
    let brief = lib.brief(b)?;
    let s = sec.and_then(|s| brief.section(s));
    Some(Side {
        brief: clean(&brief.meta.id).into_owned(),
        value: clean(value).into_owned(),
        label: clean(label).into_owned(),
        section: s.map_or_else(String::new, |s| clean(&s.anchor).into_owned()),
        section_title: s.map_or_else(String::new, |s| clean(&s.title).into_owned()),
        figure: None,
    })
}

fn to_json(lib: &Library, c: &Conflict) -> ConflictJson {
    match c {
        Conflict::Figure {
            measure,
            as_of,
            sides,
        } => ConflictJson {
            kind: "figure",
            name: clean(measure).into_owned(),
            as_of: Some(clean(as_of).into_owned()),
            sides: sides
                .iter()
                .filter_map(|r| {
                    let f = lib.brief(r.brief)?.figure(r.figure)?;
                    let mut s = side(lib, r.brief, f.section, &f.value, &f.label)?;
                    s.figure = Some(clean(&f.id).into_owned());
                    Some(s)
                })
                .collect(),
        },
        Conflict::Event { key, sides } => ConflictJson {
            kind: "event",
            name: clean(key).into_owned(),
            as_of: None,
            sides: sides
                .iter()
                .filter_map(|r| {
                    let e = lib.brief(r.brief)?.events().get(r.event)?;
                    side(lib, r.brief, e.section, &e.date.to_string(), &e.label)
                })
                .collect(),
        },
    }
}

pub fn run(cli: &Cli, json: bool) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let rows: Vec<ConflictJson> = conflicts::find(&lib)
        .iter()
        .map(|c| to_json(&lib, c))
        .collect();
    let mut out = Out::default();
    if json {
        out.raw(&serde_json::to_string_pretty(&rows).map_err(io::Error::other)?)?;
        out.raw("\n")?;
    } else if rows.is_empty() {
        out.line("No disagreements: every measure and event key agrees across the briefs.")?;
    } else {
        for (i, c) in rows.iter().enumerate() {
            if i > 0 {
                out.raw("\n")?;
            }
            let what = match (&c.as_of, c.kind) {
                (Some(a), _) => format!("{} as of {a}: values differ", c.name),
                (None, _) => format!("{}: dates differ", c.name),
            };
            out.line(&format!(
                "{} {what}",
                if c.kind == "figure" {
                    "Figure"
                } else {
                    "Event"
                }
            ))?;
            let vw = c
                .sides
                .iter()
                .map(|s| s.value.chars().count())
                .max()
                .unwrap_or(0);
            for s in &c.sides {
                let short = lib
                    .by_id(&s.brief)
                    .and_then(|b| lib.brief(b))
                    .map_or(s.brief.as_str(), |b| b.meta.short_title.as_str());
                out.record(
                    &format!("  {:vw$}  ", s.value),
                    &format!("{short} › {}  ({})", s.section_title, s.label),
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
