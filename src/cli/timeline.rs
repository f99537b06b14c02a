//! `briefing timeline [--json]`

use std::io;
use std::process::ExitCode;

use serde::Serialize;

use super::{Cli, Out, report_load_problems};
use crate::sanitize::line as clean;

#[derive(Serialize)]
struct EventJson {
    date: String,
    label: String,
    brief: String,
    section: String,
    section_title: String,
    key: Option<String>,
}

pub fn run(cli: &Cli, json: bool) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let all = lib.events();
    let mut out = Out::default();
    if json {
        let rows: Vec<EventJson> = all
            .iter()
            .filter_map(|(b, e)| {
                let brief = lib.brief(*b)?;
                let st = e
                    .section
                    .and_then(|s| brief.section(s))
                    .map_or("", |s| s.title.as_str());
                Some(EventJson {
                    date: e.date.to_string(),
                    label: clean(&e.label).into_owned(),
                    brief: clean(&brief.meta.id).into_owned(),
                    section: clean(&e.section_anchor).into_owned(),
                    section_title: clean(st).into_owned(),
                    key: e.key.as_deref().map(|k| clean(k).into_owned()),
                })
            })
            .collect();
        out.raw(&serde_json::to_string_pretty(&rows).map_err(io::Error::other)?)?;
        out.raw("\n")?;
    } else {
        let mut year = None;
        for (b, e) in &all {
            let Some(brief) = lib.brief(*b) else { continue };
            if year != Some(e.date.year) {
                if year.is_some() {
                    out.raw("\n")?;
                }
                out.line(&e.date.year.to_string())?;
                year = Some(e.date.year);
            }
            out.line(&format!(
                "  {:<10}  {}  · {}",
                e.date.to_string(),
                e.label,
                brief.meta.short_title
            ))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
