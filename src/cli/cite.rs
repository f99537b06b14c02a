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

/// How far the one answer must lead the next figure for `cite QUERY` to
/// take it without asking.
pub const CLEAR_LEAD: f32 = 1.25;

/// What `cite` found for what it was given.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    /// A figure to cite: named by its id, or the one clear answer.
    Figure(FigureRef),
    /// Several figures answer, or one does without leading clearly.
    Ambiguous(Vec<lookup::Hit>),
    /// No figure answers; the related ones, if any.
    NoAnswer(Vec<lookup::Hit>),
}

/// The figure `what` names by id (`brief-id#figure-id` or a figure id).
fn by_id(lib: &Library, what: &str) -> Option<FigureRef> {
    let what = what.trim();
    let (brief, id) = match what.split_once('#') {
        Some((b, f)) if !b.is_empty() && !f.contains(' ') => (Some(b), f),
        _ => (None, what),
    };
    lib.briefs.iter().enumerate().find_map(|(bi, b)| {
        if brief.is_some_and(|want| want != b.meta.id) {
            return None;
        }
        let fi = b.figures().iter().position(|f| f.id == id)?;
        Some(FigureRef {
            brief: crate::model::BriefIdx(bi),
            figure: FigureIdx(fi),
        })
    })
}

/// The figure `what` names, or else what a query for it finds: a figure
/// only when exactly one answers and leads the next clearly (`first`:
/// the best-ranked figure, whatever it is). Never a guess.
pub fn resolve(lib: &Library, what: &str, first: bool) -> Resolved {
    if let Some(r) = by_id(lib, what) {
        return Resolved::Figure(r);
    }
    let hits = lookup::search(lib, what);
    if first && let Some(h) = hits.first() {
        return Resolved::Figure(h.figure);
    }
    let answers = hits.iter().filter(|h| h.answer).count();
    match (answers, hits.first(), hits.get(1)) {
        (0, _, _) => Resolved::NoAnswer(hits),
        (1, Some(a), next) if next.is_none_or(|n| a.score >= CLEAR_LEAD * n.score) => {
            Resolved::Figure(a.figure)
        }
        _ => Resolved::Ambiguous(hits),
    }
}

/// Says why nothing was cited, lists the candidates and how to cite one.
fn explain_refusal(lib: &Library, what: &str, resolved: &Resolved) {
    let (why, hits) = match resolved {
        Resolved::Ambiguous(h) => (
            format!(
                "ambiguous: {} figures could answer \"{}\"",
                h.iter().filter(|x| x.answer).count().max(1),
                clean(what)
            ),
            h,
        ),
        Resolved::NoAnswer(h) => (format!("no figure answers \"{}\"", clean(what)), h),
        Resolved::Figure(_) => return,
    };
    eprintln!("briefing: {why}");
    let shown: Vec<&lookup::Hit> = match resolved {
        Resolved::Ambiguous(_) => hits.iter().filter(|h| h.answer).take(CANDIDATES).collect(),
        _ => hits.iter().take(CANDIDATES).collect(),
    };
    let shown = if shown.is_empty() {
        hits.iter().take(CANDIDATES).collect()
    } else {
        shown
    };
    if shown.is_empty() {
        return;
    }
    eprintln!(
        "{}",
        if matches!(resolved, Resolved::NoAnswer(_)) {
            "related:"
        } else {
            "candidates:"
        }
    );
    let mut first_id = None;
    for h in shown {
        let Some(b) = lib.brief(h.figure.brief) else {
            continue;
        };
        let Some(f) = b.figure(h.figure.figure) else {
            continue;
        };
        first_id.get_or_insert_with(|| f.id.clone());
        eprintln!(
            "  {}  {}  {}",
            clean(&f.id),
            clean(&f.value),
            clean(&f.label)
        );
    }
    if let Some(id) = first_id {
        eprintln!(
            "cite one by its id: briefing cite {}   (or --first for the top one)",
            clean(&id)
        );
    }
}

/// Candidates listed when `cite` will not choose.
const CANDIDATES: usize = 5;

/// How `cite` is asked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ask<'a> {
    pub format: Option<Format>,
    pub sources: Option<&'a Path>,
    pub config: Option<Format>,
    /// Cite the best-ranked figure even when it is not the one answer.
    pub first: bool,
}

pub fn run(cli: &Cli, what: &str, ask: Ask<'_>) -> io::Result<ExitCode> {
    let Ask {
        format,
        sources,
        config,
        first,
    } = ask;
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let r = match resolve(&lib, what, first) {
        Resolved::Figure(r) => r,
        other => {
            explain_refusal(&lib, what, &other);
            return Ok(ExitCode::from(1));
        }
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
