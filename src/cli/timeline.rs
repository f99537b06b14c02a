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
        // Keys whose briefs date the event differently: each such event
        // names the other dates, as the reader's timeline does.
        let disputed: Vec<String> = crate::conflicts::find(&lib)
            .iter()
            .filter_map(|c| match c {
                crate::conflicts::Conflict::Event { key, .. } => Some(key.clone()),
                crate::conflicts::Conflict::Figure { .. } => None,
            })
            .collect();
        let mut year = None;
        for (b, e) in &all {
            let Some(brief) = lib.brief(*b) else { continue };
            let section = e
                .section
                .and_then(|s| brief.section(s))
                .filter(|s| s.depth > 0)
                .map_or(String::new(), |s| format!(" › {}", s.title));
            let others: Vec<String> = e
                .key
                .as_ref()
                .filter(|k| disputed.contains(k))
                .map(|k| {
                    all.iter()
                        .filter(|(ob, oe)| {
                            oe.key.as_ref() == Some(k)
                                && !crate::conflicts::dates_agree(oe.date, e.date)
                                && lib.brief(*ob).is_some()
                        })
                        .filter_map(|(ob, oe)| {
                            let other = lib.brief(*ob)?;
                            Some(format!("≠ {} in {}", oe.date, other.meta.short_title))
                        })
                        .collect()
                })
                .unwrap_or_default();
            if year != Some(e.date.year) {
                if year.is_some() {
                    out.raw("\n")?;
                }
                out.line(&e.date.year.to_string())?;
                year = Some(e.date.year);
            }
            let mut line = format!("{}  · {}{section}", e.label, brief.meta.short_title);
            for o in &others {
                line.push_str("  ");
                line.push_str(o);
            }
            out.record(&format!("  {:<10}  ", e.date.to_string()), &line)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
