//! `briefing check [PATH]... [--sources DIR] [--verbose]`

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Out};
use crate::diag::{Diagnostic, print_all};
use crate::library::Library;
use crate::trace::{SourceError, source_of};
use crate::words::count;

pub fn run(
    cli: &Cli,
    paths: &[PathBuf],
    sources: Option<&Path>,
    verbose: bool,
) -> io::Result<ExitCode> {
    let lib = cli.load_library(paths);
    let mut diags = lib.diagnostics.clone();
    diags.extend(crate::library::unmentioned(&lib));
    let mut found = Vec::new();
    if let Some(dir) = sources {
        trace_all(&lib, dir, &mut diags, &mut found);
    }
    print_all(&diags);
    let mut out = Out::default();
    if verbose {
        for f in &found {
            out.line(f)?;
        }
    }
    out.flush()?;
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    eprintln!(
        "checked {}: {}, {}",
        count(lib.briefs.len(), "brief", "briefs"),
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings"),
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Verifies each figure's value occurs in the brief's `source_text`.
fn trace_all(lib: &Library, dir: &Path, diags: &mut Vec<Diagnostic>, found: &mut Vec<String>) {
    for b in &lib.briefs {
        let name = &b.source.name;
        let (src_name, source) = match source_of(b, dir) {
            Ok(s) => s,
            Err(SourceError::Unnamed) => {
                if !b.figures().is_empty() {
                    diags.push(Diagnostic::warning(
                        name,
                        None,
                        SourceError::Unnamed.to_string(),
                    ));
                }
                continue;
            }
            Err(e) => {
                diags.push(Diagnostic::error(name, None, e.to_string()));
                continue;
            }
        };
        for f in b.figures() {
            match source.find(&f.value) {
                Some(line) => found.push(format!(
                    "{name}:{}: figure {} \"{}\" found at {src_name}:{line}",
                    f.decl.line, f.id, f.value
                )),
                None => diags.push(Diagnostic::error(
                    name,
                    Some(f.decl),
                    format!(
                        "figure {} value \"{}\" not found in {src_name}",
                        f.id, f.value
                    ),
                )),
            }
        }
    }
}
