//! `briefing completions SHELL` and `briefing man`.

mod common;
use common::{run, stderr, stdout};

#[test]
fn completions_for_every_shell_know_the_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for word in ["briefing", "figures", "glossary", "theme"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let o = run(&["completions", "bash"]);
    if let Ok(check) = std::process::Command::new("bash")
        .args(["-n", "-c", &stdout(&o)])
        .output()
    {
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_prints_a_roff_page_of_every_command() {
    let o = run(&["man"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.contains(".TH briefing 1"), "{page}");
    for word in ["figures", "glossary", "check", "completions", "\\-\\-fresh"] {
        assert!(page.contains(word), "man page lacks {word}");
    }
}
