//! `briefing extract SOURCE [--json|--text]`

use std::io;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::Out;
use crate::extract::{self, Doc, Findings, read::MAX_REPORT_BYTES};
use crate::sanitize::line as clean;

#[derive(Serialize)]
struct Report<'a> {
    source: String,
    format: &'static str,
    title: Option<String>,
    publisher: Option<&'a str>,
    published: Option<&'a str>,
    authors: &'a [String],
    notices: &'a [String],
    #[serde(flatten)]
    findings: &'a Findings,
}

pub fn run(source: &Path, text: bool) -> io::Result<ExitCode> {
    let Some(doc) = load(source) else {
        return Ok(ExitCode::FAILURE);
    };
    let mut out = Out::default();
    if text {
        for b in &doc.blocks {
            out.line(&b.text)?;
        }
    } else {
        let findings = extract::findings(&doc);
        let report = Report {
            source: clean(&source.display().to_string()).into_owned(),
            format: doc.format.map_or("text", extract::Format::name),
            title: doc.best_title(),
            publisher: doc.publisher.as_deref(),
            published: doc.published.as_deref(),
            authors: &doc.authors,
            notices: &doc.notices,
            findings: &findings,
        };
        out.raw(&serde_json::to_string_pretty(&report).map_err(io::Error::other)?)?;
        out.raw("\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The document at `source`, or `None` after saying why on stderr.
pub(super) fn load(source: &Path) -> Option<Doc> {
    let shown = clean(&source.display().to_string()).into_owned();
    match extract::load(source, MAX_REPORT_BYTES) {
        Ok(doc) => {
            for n in &doc.notices {
                eprintln!("briefing: {shown}: {}", clean(n));
            }
            Some(doc)
        }
        Err(e) => {
            eprintln!("briefing: {shown}: {}", clean(&e.to_string()));
            None
        }
    }
}
