//! What the `config` fuzz target checks of one input, shared with the
//! regression test that replays the inputs it found
//! (`tests/hostile/fuzzed.rs`): the input is read as a `config.toml`
//! (its key bindings applied over the shipped keymap) and as a theme
//! file. No panic; each gives a value or errors that name the file and a
//! line and column inside it. Panics on the first failure.

use std::path::Path;
use std::sync::OnceLock;

use briefing::config::Config;
use briefing::theme::Theme;
use briefing::tui::keymap::Keymap;

/// A folder for the theme file, kept for the whole run.
fn folder() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let made = if shm.is_dir() {
            tempfile::Builder::new()
                .prefix("fuzz-theme")
                .tempdir_in(shm)
        } else {
            tempfile::Builder::new().prefix("fuzz-theme").tempdir()
        };
        match made {
            Ok(d) => d,
            Err(e) => panic!("no temporary folder: {e}"),
        }
    })
    .path()
}

/// `e` starts `path:LINE:COL: error: ` with a place inside `text`.
fn assert_placed(e: &str, path: &str, text: &str) {
    let lines = text.split('\n').count();
    let place = e
        .strip_prefix(path)
        .and_then(|r| r.strip_prefix(':'))
        .and_then(|r| r.split_once(": error: "))
        .map(|(place, _)| place);
    let Some((line, col)) = place.and_then(|p| p.split_once(':')) else {
        panic!("an error without its place in {path}: {e:?}");
    };
    let (Ok(line), Ok(col)) = (line.parse::<usize>(), col.parse::<usize>()) else {
        panic!("an error without its line and column: {e:?}");
    };
    assert!(
        (1..=lines).contains(&line) && col >= 1,
        "{e:?}: a place outside the {lines} lines of the file"
    );
}

/// Runs every check on `data`.
pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::parse(text, "config.toml") {
        Ok(c) => {
            if let Err(errors) = Keymap::default_keys().apply(&c.keys) {
                assert!(!errors.is_empty(), "a failure with no error");
                for e in errors {
                    assert_placed(&e, "config.toml", text);
                }
            }
            if let Some(name) = c.theme.filter(|n| !n.contains(['/', '\\', '.'])) {
                let _ = Theme::load(&name, None);
            }
        }
        Err(e) => assert_placed(&e, "config.toml", text),
    }
    let dir = folder();
    let path = dir.join("fuzz.toml");
    if let Err(e) = std::fs::write(&path, data) {
        panic!("cannot write {}: {e}", path.display());
    }
    let shown = path.to_string_lossy().into_owned();
    if let Err(e) = Theme::load(&shown, Some(dir)) {
        assert_placed(&e, &shown, text);
    }
}
