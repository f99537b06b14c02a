//! `briefing [PATH]...` and `briefing read [TARGET]`: the interactive reader.

use std::io;
use std::process::ExitCode;

use super::{Cli, ColorChoice, report_load_problems};
use crate::config::{Config, Dirs};
use crate::sanitize::line as clean;
use crate::state::Saved;
use crate::theme::Theme;

/// Loads everything, then opens the reader: the terminal is touched last, so
/// every error is printed on a normal screen and a broken config never
/// starts the reader.
pub fn run(cli: &Cli, target: Option<&str>) -> io::Result<ExitCode> {
    // A single file may show its first part, which needs no glossary:
    // the glossary is read with the whole, once the first screen is up
    // (read beside it, it took the core the first screen's output is
    // read on). A library takes the built-in glossary last: it is read
    // meanwhile.
    let single_file = cli.library.is_empty() && cli.paths.len() == 1 && cli.paths[0].is_file();
    if !single_file || target.is_some() {
        crate::glossary::Glossary::prepare_builtin();
    }
    // The screen is made on a thread of its own meanwhile, and the
    // keymap once the config is read.
    let mut prepared = crate::tui::prepare::start();
    let dirs = Dirs::xdg();
    let config = match Config::load(cli.config.as_deref(), &dirs) {
        Ok(c) => c,
        Err(e) => {
            for line in e.lines() {
                eprintln!("briefing: {}", clean(line));
            }
            return Ok(ExitCode::from(2));
        }
    };
    prepared.keymap_from(&config.keys);
    let user_themes = dirs.themes();
    let (saved, mut message) = if cli.fresh {
        (
            Saved {
                fresh: true,
                ..Saved::default()
            },
            None,
        )
    } else {
        let (saved, warning) = Saved::load(dirs.state_file());
        if let Some(w) = &warning {
            eprintln!("briefing: {}", clean(w));
        }
        (saved, warning)
    };
    // A single file opens as itself; a library opens on home.
    let file = (single_file && target.is_none()).then(|| open_file(cli, &saved));
    // The user's themes are read now, so a broken one is told at start;
    // the built-in ones are read when `t` first needs them, but for the
    // one the screen is drawn in.
    let users = Theme::users(user_themes.as_deref());
    // A broken theme of your own is named, with its mistake, not skipped
    // in silence.
    for e in users.iter().filter_map(|(_, t)| t.as_ref().err()) {
        eprintln!("briefing: {}", clean(e));
        message.get_or_insert_with(|| format!("{e} (left out of the themes t cycles through)"));
    }
    let users: Vec<Theme> = users.into_iter().filter_map(|(_, t)| t.ok()).collect();
    let builtin = |n: &str| Theme::builtin_names().contains(&n);
    // The theme last chosen with `t` is used unless one is named, and if
    // it is still one of them.
    let named = cli.theme.as_deref().or(config.theme.as_deref());
    let chosen = saved
        .state
        .theme()
        .filter(|c| named.is_none() && (builtin(c) || users.iter().any(|t| t.name == *c)));
    let name = named.or(chosen).unwrap_or("dark");
    // A built-in name is the built-in theme; the saved choice may be a
    // user theme too; anything else is loaded by name or path.
    let picked = if builtin(name) {
        Theme::builtin(name).ok()
    } else if named.is_none() {
        users.iter().find(|t| t.name == name).cloned()
    } else {
        None
    };
    let mut theme = match picked {
        Some(t) => t,
        None => match Theme::load(name, user_themes.as_deref()) {
            Ok(t) => t,
            Err(e) => return Ok(fail(&e)),
        },
    };
    let themes = crate::theme::Themes::new(users, theme.clone());
    theme.monochrome = monochrome(cli.color);

    let (lib, writer, catchup, whole) = if let Some((lib, whole)) = file {
        (lib, None, None, whole)
    } else {
        let (lib, writer, catchup) = load_library(cli, &dirs, &mut message);
        (lib, writer, catchup, None)
    };
    // Made meanwhile: a mistake in the keys is told before anything else
    // is said of the library, and before the terminal is touched.
    let keymap = match prepared.keymap() {
        Ok(k) => k,
        Err(errors) => {
            for e in &errors {
                eprintln!("briefing: {}", clean(e));
            }
            return Ok(ExitCode::from(2));
        }
    };
    // The watcher reads the library again through the cache the start used.
    let cache = writer.as_ref().and(dirs.cache.clone());
    if lib.briefs.is_empty() {
        report_load_problems(&lib);
        eprintln!("briefing: {}", nothing_to_read(cli));
        return Ok(ExitCode::from(1));
    }
    let start = match target.map(|t| lib.target(t)) {
        None => None,
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => return Ok(fail(&e)),
    };
    let home = start.is_none() && !single_file;
    let watch = if lib.embedded {
        Vec::new()
    } else {
        cli.library.iter().chain(&cli.paths).cloned().collect()
    };
    let screen = prepared.screen();
    let result = crate::tui::run(crate::tui::Setup {
        lib,
        keymap,
        screen,
        theme,
        themes,
        measure: config.measure,
        panel_width: config.panel_width,
        mouse: config.mouse.unwrap_or(true),
        start,
        saved,
        watch,
        cache,
        catchup,
        message,
        citation: config.citation.unwrap_or_default(),
        sources: read_sources(cli).or(config.sources),
        hyperlinks: config.hyperlinks.unwrap_or(false),
        home,
        whole,
        nothing_to_read: nothing_to_read(cli),
    });
    // The cache being written is given a moment to finish, so the next
    // start finds it whole; what is not stored by then is parsed again
    // next time.
    if let Some(w) = writer {
        let _ = w.end_within(std::time::Duration::from_secs(2));
    }
    result
}

/// A file opened on its own. A long one whose first screen is at its top
/// shows its first sections at once, the whole read after (see
/// [`crate::library::head`]).
fn open_file(
    cli: &Cli,
    saved: &Saved,
) -> (
    crate::library::Library,
    Option<crate::library::head::Opened>,
) {
    // As much of the body as the screen can show, if its size is known.
    let body = std::io::IsTerminal::is_terminal(&io::stdout())
        .then(ratatui::crossterm::terminal::size)
        .and_then(Result::ok)
        .map_or(crate::library::head::HEAD_BODY, |(cols, rows)| {
            crate::library::head::body_for_screen(cols, rows)
        });
    let mut opened = crate::library::head::Opened::read_with(&cli.library_paths(), body);
    let head = opened.head.take().filter(|h| {
        // A saved place further in waits for the whole.
        h.briefs.first().is_some_and(|b| {
            let id = &b.meta.id;
            saved.state.last() != Some(id.as_str())
                || saved.state.place(id).is_none_or(|p| p.block == 0)
        })
    });
    match head {
        Some(head) => (head, Some(opened)),
        None => (opened.whole(), None),
    }
}

/// The library, from the cache where its files have not changed. What was
/// parsed anew is written to the cache on another thread, returned to be
/// waited for before the process ends. A cache that cannot be used is said
/// in `message`, and the library is read without it.
fn load_library(
    cli: &Cli,
    dirs: &Dirs,
    message: &mut Option<String>,
) -> (
    crate::library::Library,
    Option<crate::library::cache::Finishing>,
    Option<std::sync::Arc<crate::library::cache::Progress>>,
) {
    let paths = cli.library_paths();
    // A library is a folder; a file opened on its own is read as it is
    // (caching it would parse it a second time while its first screen is
    // drawn, for a document that may never be opened again).
    let library = paths.iter().any(|p| p.is_dir());
    let Some(dir) = dirs.cache.as_deref().filter(|_| library) else {
        return (cli.load_library(&[]), None, None);
    };
    let opened = crate::library::cache::Cache::open(dir).and_then(|reading| {
        // The writer has a connection of its own, on its own thread.
        let writer = crate::library::cache::Cache::open(dir).and_then(|c| {
            crate::library::cache::Writer::start_with(c, Box::new(crate::tui::wake::wake))
        })?;
        Ok((reading, writer))
    });
    let (cache, writer) = match opened {
        Ok(c) => c,
        Err(e) => {
            message.get_or_insert_with(|| format!("reading without the library cache: {e}"));
            return (cli.load_library(&[]), None, None);
        }
    };
    // Many files that changed (a first start) are parsed by the writer
    // while home is up, and come in as they are stored.
    let (lib, pending) = crate::library::Library::from_paths_cached(
        &paths,
        &cache,
        Some(&writer),
        crate::library::Changed::LeaveMany,
    );
    let catchup = (pending.later() > 0).then(|| writer.progress());
    // A cache that cannot be written costs the next start time, nothing
    // more: it parses again.
    let writer = writer.finish(pending);
    (lib, Some(writer), catchup)
}

fn fail(e: &str) -> ExitCode {
    eprintln!("briefing: {}", clean(e));
    ExitCode::from(2)
}

/// Colours off with `--color never`, or with `NO_COLOR` set (non-empty)
/// unless `--color always`.
fn monochrome(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Never => true,
        ColorChoice::Always => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    }
}

/// `--sources DIR` given to the reader, before or after `read`.
fn read_sources(cli: &Cli) -> Option<std::path::PathBuf> {
    match &cli.command {
        Some(super::Command::Read {
            sources: Some(s), ..
        }) => Some(s.clone()),
        _ => cli.sources.clone(),
    }
}

/// Why a library of files and folders came out empty: what was looked for,
/// and where.
fn nothing_to_read(cli: &Cli) -> String {
    let paths: Vec<String> = cli
        .library
        .iter()
        .chain(&cli.paths)
        .map(|p| clean(&p.display().to_string()).into_owned())
        .collect();
    if paths.is_empty() {
        return "no brief to read".into();
    }
    format!(
        "no brief to read in {}: looked for Markdown files (*.md, *.markdown), and a folder's README.md is never read as a brief",
        paths.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[test]
    fn sources_are_taken_before_or_after_read() {
        let dir = |args: &[&str]| {
            let cli = Cli::try_parse_from(args).expect("parses");
            read_sources(&cli).map(|p| p.display().to_string())
        };
        assert_eq!(dir(&["briefing", "--sources", "s"]).as_deref(), Some("s"));
        assert_eq!(
            dir(&["briefing", "--sources", "s", "read", "a"]).as_deref(),
            Some("s")
        );
        assert_eq!(
            dir(&["briefing", "read", "a", "--sources", "t"]).as_deref(),
            Some("t")
        );
        assert_eq!(dir(&["briefing", "read", "a"]), None);
        // `cite` keeps its own.
        assert!(Cli::try_parse_from(["briefing", "cite", "x", "--sources", "s"]).is_ok());
    }
}
