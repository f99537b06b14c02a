//! `briefing cite FIGURE-ID|QUERY [--format text|markdown|json] [--sources DIR]`

use std::io;
use std::path::Path;
use std::process::ExitCode;

use super::{Cli, Out, report_load_problems};
use crate::cite::{self, Format, SourceLine};
use crate::library::Library;
use crate::lookup;
use crate::model::{FigureIdx, FigureRef};
use crate::sanitize::line as clean;
use crate::trace;

/// The figure `what` names: `brief-id#figure-id`, a figure id, or else the
/// first match of it as a query.
pub fn resolve(lib: &Library, what: &str) -> Option<FigureRef> {
    let what = what.trim();
    let (brief, id) = match what.split_once('#') {
        Some((b, f)) if !b.is_empty() && !f.contains(' ') => (Some(b), f),
        _ => (None, what),
    };
    let exact = lib.briefs.iter().enumerate().find_map(|(bi, b)| {
        if brief.is_some_and(|want| want != b.meta.id) {
            return None;
        }
        let fi = b.figures.iter().position(|f| f.id == id)?;
        Some(FigureRef {
            brief: crate::model::BriefIdx(bi),
            figure: FigureIdx(fi),
        })
    });
    exact.or_else(|| lookup::search(lib, what).first().map(|h| h.figure))
}

pub fn run(
    cli: &Cli,
    what: &str,
    format: Option<Format>,
    sources: Option<&Path>,
    config: Option<Format>,
) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let Some(r) = resolve(&lib, what) else {
        eprintln!("briefing: no figure matches \"{}\"", clean(what));
        return Ok(ExitCode::from(1));
    };
    let Some(mut citation) = cite::figure(&lib, r) else {
        return Ok(ExitCode::from(1));
    };
    if let Some(dir) = sources
        && let Some(brief) = lib.brief(r.brief)
        && let Some(f) = brief.figure(r.figure)
    {
        match trace::source_of(brief, dir) {
            Ok((file, text)) => match text.find(&f.value) {
                Some(line) => citation.source_line = Some(SourceLine { file, line }),
                None => eprintln!("briefing: \"{}\" not found in {file}", clean(&f.value)),
            },
            Err(e) => eprintln!(
                "briefing: {}: {}",
                clean(&brief.source.name),
                clean(&e.to_string())
            ),
        }
    }
    let mut out = Out::default();
    out.raw(&citation.render(format.or(config).unwrap_or_default()))?;
    out.raw("\n")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
