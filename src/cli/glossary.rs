//! `briefing glossary [TERM] [--json]`

use std::io;
use std::process::ExitCode;

use serde::Serialize;

use super::{Cli, Out, report_load_problems};
use crate::glossary::Term;
use crate::library::Library;
use crate::library::mentions;
use crate::model::SectionRef;
use crate::sanitize::line as clean;

#[derive(Serialize)]
struct TermJson {
    term: String,
    expansion: Option<String>,
    aliases: Vec<String>,
    synonyms: Vec<String>,
    /// Related terms (each by its term), pointing either way.
    see: Vec<String>,
    definition: String,
    tags: Vec<String>,
    /// `brief-id#section` for each section that names the term.
    mentions: Vec<String>,
}

/// `brief-id#section`, or `brief-id` for a brief's preamble.
fn place(lib: &Library, at: SectionRef) -> Option<String> {
    let b = lib.brief(at.brief)?;
    let s = b.section(at.section)?;
    Some(if s.anchor.is_empty() {
        clean(&b.meta.id).into_owned()
    } else {
        format!("{}#{}", clean(&b.meta.id), clean(&s.anchor))
    })
}

fn json(t: &Term, see: Vec<String>, mentions: Vec<String>) -> TermJson {
    let c = |s: &str| clean(s).into_owned();
    let all = |v: &[String]| v.iter().map(|s| c(s)).collect();
    TermJson {
        term: c(&t.term),
        expansion: t.expansion.as_deref().map(c),
        aliases: all(&t.aliases),
        synonyms: all(&t.synonyms),
        see,
        definition: c(&t.definition),
        tags: all(&t.tags),
        mentions,
    }
}

pub fn run(cli: &Cli, term: &str, as_json: bool) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let g = &lib.glossary;
    let chosen: Vec<usize> = if term.trim().is_empty() {
        let mut all: Vec<usize> = (0..g.terms.len()).collect();
        all.sort_by_key(|&i| crate::query::fold(&g.terms[i].term));
        all
    } else if let Some(i) = g.find(term) {
        vec![i]
    } else {
        eprintln!(
            "no glossary term \"{}\" (see `briefing glossary`)",
            clean(term)
        );
        return Ok(ExitCode::from(1));
    };
    let found = mentions(g, &lib);
    let rows: Vec<TermJson> = chosen
        .iter()
        .filter_map(|&i| {
            let places = found
                .get(i)
                .into_iter()
                .flatten()
                .filter_map(|&at| place(&lib, at))
                .collect();
            let see = g
                .related(i)
                .iter()
                .filter_map(|&j| g.terms.get(j))
                .map(|r| clean(&r.term).into_owned())
                .collect();
            g.terms.get(i).map(|t| json(t, see, places))
        })
        .collect();
    let mut out = Out::default();
    if as_json {
        out.raw(&serde_json::to_string_pretty(&rows).map_err(io::Error::other)?)?;
        out.raw("\n")?;
    } else {
        for (n, r) in rows.iter().enumerate() {
            if n > 0 && rows.len() == 1 {
                out.line("")?;
            }
            let name = match &r.expansion {
                Some(e) => format!("{} ({e})", r.term),
                None => r.term.clone(),
            };
            out.line(&format!("{name}: {}", r.definition))?;
            if rows.len() == 1 {
                if !r.aliases.is_empty() {
                    out.line(&format!("  also: {}", r.aliases.join(", ")))?;
                }
                if !r.synonyms.is_empty() {
                    out.line(&format!("  synonyms: {}", r.synonyms.join(", ")))?;
                }
                if !r.see.is_empty() {
                    out.line(&format!("  see: {}", r.see.join(", ")))?;
                }
                if !r.tags.is_empty() {
                    out.line(&format!("  tags: {}", r.tags.join(", ")))?;
                }
            }
            if r.mentions.is_empty() {
                out.line("  mentioned nowhere")?;
            } else {
                out.line(&format!("  mentioned in {}", r.mentions.join(", ")))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
