//! `e` in the real binary: the brief opens in `$EDITOR` (a fake one that
//! records its arguments, waits for a line typed into the terminal, and
//! edits the file), the terminal is left clean around it, and the reader
//! comes back with the edit on screen.
#![allow(clippy::expect_used)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::pty::{Home, Session};

const FAKE_EDITOR: &str = r#"#!/bin/sh
# Records its arguments, then waits for a line: the terminal must be in
# cooked mode for `read` to get one.
printf '%s\n' "$@" > "$ARGS_FILE"
printf 'FAKE EDITOR WAITING\n'
read answer
for last; do :; done
sed -i 's/A short lead/An edited lead/' "$last"
"#;

/// A copy of the fixture library in `home`, to edit.
fn library(home: &Home) -> PathBuf {
    let lib = home.path().join("briefs");
    std::fs::create_dir_all(&lib).expect("dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    for f in ["alpha.md", "beta.md", "notes.md"] {
        std::fs::copy(fixture.join(f), lib.join(f)).expect("copy");
    }
    lib
}

fn fake_editor(home: &Home, name: &str) -> PathBuf {
    let editor = home.path().join(name);
    std::fs::write(&editor, FAKE_EDITOR).expect("editor");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    editor
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(needle))
        .expect("line")
        + 1
}

#[test]
fn e_opens_the_editor_at_the_line_and_reloads_on_return() {
    let home = Home::new();
    let lib = library(&home);
    // A name with a blank, quoted in $EDITOR as a shell would quote it.
    let editor = fake_editor(&home, "fake editor");
    let args_file = home.path().join("args.txt");
    let editor_var = format!("'{}' --wait", editor.display());
    let lib_arg = lib.display().to_string();
    let mut s = Session::start_with(
        &home,
        &["-L", &lib_arg, "--fresh", "read", "alpha#economy"],
        &[
            ("VISUAL", ""),
            ("EDITOR", &editor_var),
            ("ARGS_FILE", &args_file.display().to_string()),
        ],
    );
    s.wait_for_ui("Alpha › Economy");
    s.keys("e");
    s.wait_for("FAKE EDITOR WAITING");
    // The editor has the terminal as it was before the reader.
    s.assert_restored();
    let alpha = lib.join("alpha.md");
    let text = std::fs::read_to_string(&alpha).expect("alpha");
    let args = std::fs::read_to_string(&args_file).expect("args");
    assert_eq!(
        args,
        format!(
            "--wait\n+{}\n{}\n",
            line_of(&text, "## Economy"),
            alpha.display()
        )
    );
    s.keys("done\r");
    // Back in the reader, with the edit read in.
    s.keys("g");
    s.wait_for("An edited lead");
    s.wait_for("Alpha ›");
    assert!(
        s.with_screen(vt100::Screen::alternate_screen),
        "the reader is back on the alternate screen"
    );
    assert!(
        !s.screen().contains("FAKE EDITOR"),
        "the screen was redrawn"
    );
    assert!(
        s.with_screen(vt100::Screen::hide_cursor),
        "cursor hidden again"
    );
    assert_ne!(
        s.with_screen(vt100::Screen::mouse_protocol_mode),
        vt100::MouseProtocolMode::None,
        "mouse captured again"
    );
    assert!(s.with_screen(vt100::Screen::bracketed_paste));
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn an_embedded_brief_says_it_cannot_be_edited() {
    let home = Home::new();
    let mut s = Session::start_with(&home, &["--fresh"], &[("EDITOR", "false")]);
    s.past_home();
    s.keys("e");
    s.wait_for("cannot be edited");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn ctrl_c_in_the_editor_ends_the_editor_not_the_reader() {
    let home = Home::new();
    let lib = library(&home);
    let editor = fake_editor(&home, "editor");
    let args_file = home.path().join("args.txt");
    let lib_arg = lib.display().to_string();
    let editor_var = editor.display().to_string();
    let mut s = Session::start_with(
        &home,
        &["-L", &lib_arg, "--fresh", "read", "alpha#economy"],
        &[
            ("VISUAL", editor_var.as_str()),
            ("ARGS_FILE", &args_file.display().to_string()),
        ],
    );
    s.wait_for_ui("Alpha › Economy");
    s.keys("e");
    s.wait_for("FAKE EDITOR WAITING");
    // In cooked mode Ctrl-C interrupts the whole foreground group.
    s.keys("\x03");
    s.wait_for("editor ended with signal: 2");
    s.wait_for("A short lead");
    assert!(s.with_screen(vt100::Screen::alternate_screen));
    assert!(
        !std::fs::read_to_string(lib.join("alpha.md"))
            .expect("alpha")
            .contains("An edited lead"),
        "the editor was interrupted before its edit"
    );
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn a_stop_signal_while_editing_waits_for_the_editor_then_leaves_cleanly() {
    let home = Home::new();
    let lib = library(&home);
    let editor = fake_editor(&home, "editor");
    let args_file = home.path().join("args.txt");
    let lib_arg = lib.display().to_string();
    let editor_var = editor.display().to_string();
    let mut s = Session::start_with(
        &home,
        &["-L", &lib_arg, "--fresh"],
        &[
            ("VISUAL", editor_var.as_str()),
            ("ARGS_FILE", &args_file.display().to_string()),
        ],
    );
    s.wait_for_ui("Alpha");
    s.past_home();
    s.keys("e");
    s.wait_for("FAKE EDITOR WAITING");
    s.signal("-TERM");
    // Past the watchdog's grace, the editor still has the terminal.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    s.keys("done\r");
    assert_eq!(s.wait_exit(), 0, "left by the loop, not the watchdog");
    s.assert_restored();
    assert!(
        std::fs::read_to_string(lib.join("alpha.md"))
            .expect("alpha")
            .contains("An edited lead"),
        "the editor finished its work"
    );
}
