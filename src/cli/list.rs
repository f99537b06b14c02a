//! `briefing list [--json]`

use std::io;
use std::process::ExitCode;

use serde::Serialize;

use super::{Cli, Out, report_load_problems};
use crate::model::Brief;
use crate::sanitize::line as clean;

#[derive(Serialize)]
struct SectionJson {
    anchor: String,
    title: String,
    depth: u8,
}

#[derive(Serialize)]
struct BriefJson {
    id: String,
    title: String,
    short_title: String,
    publisher: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    url: Option<String>,
    summary: Option<String>,
    bottom_line: Option<String>,
    takeaways: Vec<String>,
    tags: Vec<String>,
    path: String,
    sections: Vec<SectionJson>,
    figures: usize,
    events: usize,
}

fn to_json(b: &Brief) -> BriefJson {
    let c = |s: &str| clean(s).into_owned();
    BriefJson {
        id: c(&b.meta.id),
        title: c(&b.meta.title),
        short_title: c(&b.meta.short_title),
        publisher: b.meta.publisher.as_deref().map(c),
        authors: b.meta.authors.iter().map(|a| c(a)).collect(),
        published: b.meta.published.map(|d| d.to_string()),
        url: b.meta.url.as_deref().map(c),
        summary: b.meta.summary.as_deref().map(c),
        bottom_line: b.meta.bottom_line.as_deref().map(c),
        takeaways: b.meta.takeaways.iter().map(|t| c(t)).collect(),
        tags: b.meta.tags.iter().map(|t| c(t)).collect(),
        path: c(&b.source.name),
        sections: b
            .sections
            .iter()
            .skip(1)
            .map(|s| SectionJson {
                anchor: c(&s.anchor),
                title: c(&s.title),
                depth: s.depth,
            })
            .collect(),
        figures: b.figures().len(),
        events: b.events().len(),
    }
}

pub fn run(cli: &Cli, json: bool) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let mut out = Out::default();
    if json {
        let all: Vec<BriefJson> = lib.briefs.iter().map(to_json).collect();
        out.raw(&serde_json::to_string_pretty(&all).map_err(io::Error::other)?)?;
        out.raw("\n")?;
    } else {
        let idw = lib
            .briefs
            .iter()
            .map(|b| b.meta.id.chars().count())
            .max()
            .unwrap_or(2);
        for b in &lib.briefs {
            let pillars = b.pillars().count();
            let year = b
                .meta
                .published
                .map_or_else(|| "    ".into(), |d| d.year.to_string());
            out.line(&format!(
                "{:idw$}  {}  {}  ·  {}  ·  {}, {}",
                b.meta.id,
                year,
                b.meta.short_title,
                b.meta.publisher.as_deref().unwrap_or("—"),
                super::out::count(pillars, "pillar", "pillars"),
                super::out::count(b.figures().len(), "figure", "figures"),
            ))?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
