//! `briefing new SOURCE [--id ID] [--dir DIR] [--force]`: a draft brief and
//! its clean source text, both written whole or not at all.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Out;
use crate::extract;
use crate::sanitize::line as clean;
use crate::validate::is_slug;

pub fn run(source: &Path, id: Option<&str>, dir: &Path, force: bool) -> io::Result<ExitCode> {
    let id = match id {
        Some(id) if is_slug(id) => id.to_owned(),
        Some(id) => {
            eprintln!(
                "briefing: --id \"{}\" is not a slug (lower-case letters, digits and `-`)",
                clean(id)
            );
            return Ok(ExitCode::from(2));
        }
        None => id_from(source),
    };
    let draft_path = dir.join(format!("{id}.md"));
    let text_path = dir.join("sources").join(format!("{id}.txt"));
    if !force {
        for p in [&draft_path, &text_path] {
            if p.exists() {
                eprintln!(
                    "briefing: {} exists; use --force to replace it",
                    clean(&p.display().to_string())
                );
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    let Some(doc) = super::extract::load(source) else {
        return Ok(ExitCode::FAILURE);
    };
    let found = extract::findings(&doc);
    let stem = source
        .file_stem()
        .map_or_else(|| id.clone(), |s| s.to_string_lossy().into_owned());
    let draft = extract::draft::render(&doc, &found, &id, &format!("{id}.txt"), &stem);
    let clean_text = doc.clean_text();
    if let Err(e) = write_both(&draft_path, &draft, &text_path, &clean_text, force) {
        eprintln!("briefing: {}", clean(&e.to_string()));
        return Ok(ExitCode::FAILURE);
    }
    let mut out = Out::default();
    let shown = |p: &Path| clean(&p.display().to_string()).into_owned();
    let sections = extract::draft::sections(&doc, &doc.best_title().unwrap_or(stem)).len();
    out.line(&format!(
        "wrote {}: {} sections, {} draft figures, {} draft events",
        shown(&draft_path),
        sections,
        found.statistics.len(),
        found.events.len()
    ))?;
    out.line(&format!(
        "wrote {}: the clean text, {} lines",
        shown(&text_path),
        doc.blocks.len()
    ))?;
    out.line("next:")?;
    out.line(&format!(
        "  1. edit {}: keep the figures that matter (delete `draft = true` from each), write the sections, fill in the commented keys",
        shown(&draft_path)
    ))?;
    out.line(&format!(
        "  2. briefing check {} --sources {}",
        shown(dir),
        shown(&dir.join("sources"))
    ))?;
    out.line(&format!("  3. briefing {}", shown(dir)))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A brief id from a file name: `Peninsula Plus (2023).pdf` → `peninsula-plus-2023`.
fn id_from(source: &Path) -> String {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut id = String::new();
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    if id.is_empty() {
        "draft".to_owned()
    } else {
        id
    }
}

/// Writes both files through temporary files renamed into place: the
/// source text first, then the draft; if the draft cannot be put in place,
/// the source text written for it is taken back.
fn write_both(
    draft: &Path,
    body: &str,
    text: &Path,
    clean_text: &str,
    force: bool,
) -> io::Result<()> {
    let with_path =
        |p: &Path, e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", p.display()));
    let text_tmp = temp_with(text, clean_text).map_err(|e| with_path(text, e))?;
    let draft_tmp = temp_with(draft, body).map_err(|e| with_path(draft, e))?;
    let text_existed = text.exists();
    persist(text_tmp, text, force)?;
    if let Err(e) = persist(draft_tmp, draft, force) {
        if !text_existed {
            let _ = fs::remove_file(text);
        }
        return Err(e);
    }
    Ok(())
}

fn temp_with(path: &Path, content: &str) -> io::Result<tempfile::NamedTempFile> {
    let dir: PathBuf = path
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".briefing-new")
        .tempfile_in(&dir)?;
    tmp.write_all(content.as_bytes())?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

fn persist(tmp: tempfile::NamedTempFile, path: &Path, force: bool) -> io::Result<()> {
    let done = if force {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    done.map(drop).map_err(|e| {
        let kind = e.error.kind();
        let why = if kind == io::ErrorKind::AlreadyExists {
            "exists; use --force to replace it".to_owned()
        } else {
            e.error.to_string()
        };
        io::Error::new(kind, format!("{}: {why}", path.display()))
    })
}
