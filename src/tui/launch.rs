//! Running programs outside the reader: the system's opener for a link,
//! the user's editor for a brief. Neither goes through a shell: the opener
//! gets the address as one argument (the `open` crate's launchers, see the
//! test below), and `$VISUAL`/`$EDITOR` is split into words as a shell
//! would (`shell-words`) and run directly.

use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use super::msg::Launch;
use super::terminal::{self, Guard};
use crate::sanitize::line as clean;

/// Runs what the app asked for; says how it went, if there is anything to
/// say. For the editor the terminal is lent to it and taken back (the event
/// loop then has the library read again).
pub fn run(guard: &mut Guard, mouse: bool, what: Launch) -> io::Result<Option<String>> {
    Ok(match what {
        Launch::Url(url) => Some(match open::that_detached(&url) {
            Ok(()) => format!("opened {url}"),
            Err(e) => format!("could not open {url}: {e}"),
        }),
        Launch::Edit { path, line } => {
            let visual = std::env::var("VISUAL").ok();
            let editor = std::env::var("EDITOR").ok();
            let (program, args) =
                match editor_command(visual.as_deref(), editor.as_deref(), &path, line) {
                    Ok(c) => c,
                    Err(e) => return Ok(Some(e)),
                };
            let status = terminal::lend(guard, mouse, || {
                while_child_runs(|| Command::new(&program).args(&args).status())
            })?;
            match status {
                Ok(s) if s.success() => None,
                Ok(s) => Some(format!("{} ended with {s}", clean(&program))),
                Err(e) => Some(format!("could not run {}: {e}", clean(&program))),
            }
        }
    })
}

/// The editor's program and arguments: `$VISUAL`, else `$EDITOR`, else
/// `vi`, split into words without a shell, then `+LINE` and the file.
pub fn editor_command(
    visual: Option<&str>,
    editor: Option<&str>,
    path: &Path,
    line: usize,
) -> Result<(String, Vec<OsString>), String> {
    let (name, cmd) = match (visual, editor) {
        (Some(v), _) if !v.trim().is_empty() => ("$VISUAL", v),
        (_, Some(e)) if !e.trim().is_empty() => ("$EDITOR", e),
        _ => ("", "vi"),
    };
    let words = shell_words::split(cmd).map_err(|e| format!("cannot read {name}: {e}"))?;
    let mut words = words.into_iter();
    let program = words.next().unwrap_or_else(|| "vi".into());
    let mut args: Vec<OsString> = words.map(OsString::from).collect();
    args.push(format!("+{}", line.max(1)).into());
    // A file name that starts with `-` would read as an option.
    if path.as_os_str().to_string_lossy().starts_with('-') {
        args.push(Path::new(".").join(path).into_os_string());
    } else {
        args.push(path.as_os_str().to_owned());
    }
    Ok((program, args))
}

/// Set while a child has the terminal: Ctrl-C and Ctrl-\ typed into it are
/// for the child, and must not end the reader waiting for it (as
/// `system(3)` ignores them). Otherwise they act as they always did.
fn interrupts_act() -> Option<&'static Arc<AtomicBool>> {
    static ACT: OnceLock<Option<Arc<AtomicBool>>> = OnceLock::new();
    ACT.get_or_init(|| {
        let act = Arc::new(AtomicBool::new(true));
        for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGQUIT] {
            signal_hook::flag::register_conditional_default(sig, Arc::clone(&act)).ok()?;
        }
        Some(act)
    })
    .as_ref()
}

fn while_child_runs<T>(f: impl FnOnce() -> T) -> T {
    let act = interrupts_act();
    if let Some(a) = act {
        a.store(false, Ordering::SeqCst);
    }
    let out = f();
    if let Some(a) = act {
        a.store(true, Ordering::SeqCst);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[OsString]) -> Vec<String> {
        args.iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_editor_command_is_split_into_words_without_a_shell() {
        let p = Path::new("/b/alpha.md");
        let (prog, args) = editor_command(Some("code --wait"), Some("nano"), p, 12).expect("cmd");
        assert_eq!(prog, "code");
        assert_eq!(strings(&args), ["--wait", "+12", "/b/alpha.md"]);
        // $EDITOR when $VISUAL is unset or blank; quoting as a shell would.
        let (prog, args) =
            editor_command(Some(" "), Some("'/opt/my editor/ed' -x"), p, 0).expect("cmd");
        assert_eq!(prog, "/opt/my editor/ed");
        assert_eq!(strings(&args), ["-x", "+1", "/b/alpha.md"]);
        // Shell syntax is not run: it stays a plain word.
        let (prog, args) = editor_command(None, Some("vim; rm -rf x"), p, 3).expect("cmd");
        assert_eq!(prog, "vim;");
        assert_eq!(strings(&args), ["rm", "-rf", "x", "+3", "/b/alpha.md"]);
        let (prog, _) = editor_command(None, None, p, 3).expect("cmd");
        assert_eq!(prog, "vi");
        let (_, args) = editor_command(None, None, Path::new("-x.md"), 3).expect("cmd");
        assert_eq!(strings(&args), ["+3", "./-x.md"]);
        assert!(editor_command(None, Some("vim 'open"), p, 1).is_err());
    }

    #[test]
    fn the_opener_gets_the_address_as_one_argument_and_no_shell() {
        let url = "https://example.org/a?b=1&c=$(touch x);d`e`";
        let cmds = open::commands(url);
        assert!(!cmds.is_empty());
        for c in &cmds {
            let prog = c.get_program().to_string_lossy().into_owned();
            assert!(
                !["sh", "bash", "zsh", "cmd", "cmd.exe"]
                    .iter()
                    .any(|s| prog.ends_with(s)),
                "{prog} is a shell"
            );
            let args: Vec<_> = c
                .get_args()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            let whole = args.iter().any(|a| a == url)
                || c.get_envs()
                    .any(|(_, v)| v.is_some_and(|v| v.to_string_lossy() == url));
            assert!(whole, "{prog} {args:?} does not get the address whole");
        }
    }
}
