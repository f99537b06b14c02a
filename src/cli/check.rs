//! `briefing check [PATH]... [--sources DIR] [--verbose]`

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Cli, Out};
use crate::diag::{Diagnostic, print_all};
use crate::library::{Library, read_source};
use crate::trace::SourceText;

pub fn run(
    cli: &Cli,
    paths: &[PathBuf],
    sources: Option<&Path>,
    verbose: bool,
) -> io::Result<ExitCode> {
    let lib = cli.load_library(paths);
    let mut diags = lib.diagnostics.clone();
    diags.extend(crate::glossary::unmentioned(&lib));
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
        "checked {} brief{}: {errors} error{}, {warnings} warning{}",
        lib.briefs.len(),
        if lib.briefs.len() == 1 { "" } else { "s" },
        if errors == 1 { "" } else { "s" },
        if warnings == 1 { "" } else { "s" },
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
        let Some(src_name) = &b.meta.source_text else {
            if !b.figures.is_empty() {
                diags.push(Diagnostic::warning(
                    name,
                    None,
                    "no source_text: its figures cannot be traced",
                ));
            }
            continue;
        };
        let plain = Path::new(src_name)
            .file_name()
            .filter(|n| Path::new(n) == Path::new(src_name));
        let Some(file_name) = plain else {
            diags.push(Diagnostic::error(
                name,
                None,
                format!("source_text \"{src_name}\" must be a plain file name"),
            ));
            continue;
        };
        let path = dir.join(file_name);
        let Ok(file) = read_source(&path, &path.display().to_string(), dir) else {
            diags.push(Diagnostic::error(
                name,
                None,
                format!("source text \"{src_name}\" not found in {}", dir.display()),
            ));
            continue;
        };
        let source = SourceText::new(file.text.to_string());
        for f in &b.figures {
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
