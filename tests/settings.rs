//! Config, themes, saved place and live reload, through the real binary.
#![allow(clippy::expect_used)]

mod common;

use std::fs;
use std::process::Command;

use common::pty::{Home, Session};

/// Runs the binary with `home` as its XDG folders; returns (code, out, err).
fn run(home: &Home, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", home.config())
        .env("XDG_STATE_HOME", home.state())
        .output()
        .expect("runs");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn write_config(home: &Home, text: &str) -> std::path::PathBuf {
    let dir = home.config().join("briefing");
    fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("config.toml");
    fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_broken_config_stops_the_reader_before_the_terminal_is_touched() {
    let home = Home::new();
    let path = write_config(
        &home,
        "theme = \"dark\"\n[keys.reader]\n\"x\" = \"fly\"\n\"hyper-q\" = \"quit\"\n",
    );
    let (code, out, err) = run(&home, &[]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    let shown = path.display();
    assert_eq!(
        err,
        format!(
            "briefing: {shown}:3:7: error: unknown action \"fly\" for key \"x\" in [keys.reader]\n\
             briefing: {shown}:4:1: error: unknown key \"hyper-q\" in [keys.reader]\n"
        )
    );
    let path = write_config(&home, "thme = \"dark\"\n");
    let (code, _, err) = run(&home, &[]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!(
            "briefing: {}:1:1: error: unknown field `thme`",
            path.display()
        )),
        "{err}"
    );
    let (code, _, err) = run(&home, &["--config", "/nonexistent/briefing.toml"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("briefing: /nonexistent/briefing.toml: error: "),
        "{err}"
    );
    let (code, _, err) = run(&home, &["--theme", "sparkly", "--config", "/dev/null"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_mistake_in_the_keys_is_told_first_whatever_is_read() {
    // The keymap is made on a thread while the library or file is read;
    // its mistakes are still what the reader says, and all it says.
    let home = Home::new();
    let path = write_config(&home, "[keys.reader]\n\"x\" = \"fly\"\n");
    let want = format!(
        "briefing: {}:2:7: error: unknown action \"fly\" for key \"x\" in [keys.reader]\n",
        path.display()
    );
    let empty = tempfile::tempdir().expect("dir");
    let long = empty.path().join("long.md");
    let text = common::long_brief(400, "");
    assert!(text.len() >= 64 * 1024, "a file that shows its first part");
    for args in [vec![], vec![empty.path().to_str().expect("path")]] {
        let (code, out, err) = run(&home, &args);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (2, "", want.as_str()),
            "{args:?}"
        );
    }
    fs::write(&long, text).expect("write");
    let (code, _, err) = run(&home, &[long.to_str().expect("path")]);
    assert_eq!((code, err.as_str()), (2, want.as_str()));
}

#[test]
fn a_user_theme_with_an_unknown_colour_is_refused_by_name_and_place() {
    let home = Home::new();
    let themes = home.config().join("briefing/themes");
    fs::create_dir_all(&themes).expect("dir");
    let path = themes.join("mine.toml");
    fs::write(
        &path,
        "inherits = \"dark\"\n[palette]\namber = \"sparkly\"\n",
    )
    .expect("write");
    fs::write(themes.join("plain.toml"), "inherits = \"light\"\n").expect("write");
    let want = format!(
        "briefing: {}:3:9: error: palette `amber`: unknown colour \"sparkly\"",
        path.display()
    );
    // Where the reader would start: named, not left out in silence.
    let (_, _, err) = run(&home, &["--fresh"]);
    assert!(err.contains(&want), "{err}");
    let (_, out, err) = run(&home, &["themes"]);
    assert!(err.contains(&want), "{err}");
    // An inheriting theme without words of its own is not its parent.
    assert!(
        out.lines()
            .any(|l| l.starts_with("  plain") && l.contains("light with changes of its own")),
        "{out}"
    );
}

#[test]
fn briefing_themes_lists_built_in_and_user_themes() {
    let home = Home::new();
    let themes = home.config().join("briefing/themes");
    fs::create_dir_all(&themes).expect("dir");
    fs::write(
        themes.join("night-owl.toml"),
        "inherits = \"dark\"\ndescription = \"Mine\"\n[palette]\namber = \"#ffcc00\"\n",
    )
    .expect("write");
    write_config(&home, "theme = \"night-owl\"\n");
    let (code, out, err) = run(&home, &["themes"]);
    assert_eq!(code, 0, "{err}");
    for name in ["dark", "light", "high-contrast", "harbor"] {
        assert!(
            out.lines()
                .any(|l| l.starts_with(&format!("  {name} ")) && l.contains("(built-in)")),
            "{name}:\n{out}"
        );
    }
    assert!(
        out.lines().any(|l| l.starts_with("* night-owl")
            && l.contains("Mine")
            && l.contains("night-owl.toml")),
        "{out}"
    );
}

#[test]
fn the_reader_reopens_where_it_was_unless_fresh() {
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.wait_for("Library · 5 briefs");
    s.keys("\r");
    s.wait_for("tab pane");
    // Pillar 3 of the first brief.
    s.keys("3");
    s.wait_for("╭─ The Indo-Pacific");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    let state = fs::read_to_string(home.state().join("briefing/state.json")).expect("saved");
    assert!(state.contains("\"the-indo-pacific-dimension\""), "{state}");

    let mut s = Session::start(&home, &[]);
    s.wait_for("╭─ The Indo-Pacific");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);

    let mut s = Session::start(&home, &["--fresh"]);
    // Nothing saved: home.
    s.wait_for("Library · 5 briefs");
    assert!(
        !s.screen().contains("╭─ The Indo-Pacific"),
        "{}",
        s.screen()
    );
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn editing_a_brief_reloads_it_in_place() {
    let home = Home::new();
    let lib = home.path().join("lib");
    fs::create_dir_all(&lib).expect("dir");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    for f in ["alpha.md", "beta.md", "notes.md"] {
        fs::copy(fixtures.join(f), lib.join(f)).expect("copy");
    }
    let lib_arg = lib.to_string_lossy().into_owned();
    let mut s = Session::start(&home, &[&lib_arg]);
    // A folder opens on home; enter opens its first brief.
    s.wait_for("Briefs · 3 briefs");
    s.keys("\r");
    s.wait_for("tab pane");
    s.keys("2");
    s.wait_for("╭─ Opinion ─");

    // Save an edit the way editors do: write a new file, rename it over.
    let alpha = lib.join("alpha.md");
    let text = fs::read_to_string(&alpha).expect("read");
    let edited = text.replacen("In one poll,", "In one fresh poll,", 1);
    let tmp = lib.join(".alpha.md.swp");
    fs::write(&tmp, &edited).expect("write");
    fs::rename(&tmp, &alpha).expect("rename");
    s.wait_for("reloaded");
    s.wait_for("In one fresh poll");
    assert!(s.screen().contains("╭─ Opinion ─"), "{}", s.screen());

    // A broken link: the reader stays, says so, and lists it.
    fs::write(
        &alpha,
        edited.replacen("## Opinion", "[x](beta.md#nowhere)\n\n## Opinion", 1),
    )
    .expect("write");
    s.wait_for("1 problem (D lists them); showing the last good version of alpha.md");
    assert!(s.screen().contains("╭─ Opinion ─"), "{}", s.screen());
    s.keys("D");
    s.wait_for("Problems: 1 error, 0 warnings");
    s.wait_for("#nowhere");
    s.keys("\x1b");
    s.wait_gone("Problems: 1 error");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn the_config_sets_theme_measure_and_mouse() {
    let home = Home::new();
    write_config(&home, "theme = \"light\"\nmeasure = 40\nmouse = false\n");
    let mut s = Session::start(&home, &[]);
    // The status bar's hints are the last row drawn: the frame is whole.
    s.wait_for("q quit");
    s.keys("\r");
    s.wait_for("tab pane");
    s.with_screen(|screen| {
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is off"
        );
        // The light theme's heading ink on its own paper.
        let cell = screen.cell(1, 3).expect("cell");
        assert_eq!(cell.contents(), "D");
        assert_eq!(cell.fgcolor(), vt100::Color::Rgb(0x9a, 0x3b, 0x12));
        assert_eq!(cell.bgcolor(), vt100::Color::Rgb(0xfb, 0xfa, 0xf6));
    });
    // No line of the text runs wider than the measure.
    let longest = s
        .screen()
        .lines()
        // The reader pane: between the outline (32 wide) and the panel,
        // inside its borders.
        .skip(1)
        .take(37)
        .map(|l| l.chars().skip(33).take(47).collect::<String>())
        .map(|t| t.trim().chars().count())
        .max()
        .unwrap_or(0);
    assert!(longest > 30 && longest <= 40, "longest text line {longest}");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn no_color_draws_without_colour() {
    let home = Home::new();
    let mut s = Session::start(&home, &["--color", "never", "--theme", "harbor"]);
    s.wait_for("q quit");
    s.keys("l");
    std::thread::sleep(std::time::Duration::from_millis(200));
    s.with_screen(|screen| {
        let (rows, cols) = screen.size();
        let mut inverse = 0;
        for r in 0..rows {
            for c in 0..cols {
                let cell = screen.cell(r, c).expect("cell");
                assert_eq!(cell.fgcolor(), vt100::Color::Default, "at {r},{c}");
                assert_eq!(cell.bgcolor(), vt100::Color::Default, "at {r},{c}");
                inverse += usize::from(cell.inverse());
            }
        }
        assert!(
            inverse > 0,
            "the selected link and status bar show in reverse"
        );
    });
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    // A window closed under the reader: `script` holds the terminal and is
    // killed, so the terminal hangs up and its input ends. The reader must
    // leave, not spin on the dead terminal.
    use std::io::Read as _;
    let home = Home::new();
    let mut script = Command::new("script")
        .args([
            "-q",
            "-e",
            "-c",
            env!("CARGO_BIN_EXE_briefing"),
            "/dev/null",
        ])
        .env("XDG_CONFIG_HOME", home.config())
        .env("XDG_STATE_HOME", home.state())
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("script runs");
    let mut out = script.stdout.take().expect("stdout");
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("lock").extend_from_slice(&buf[..n]);
        }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    // Inside `script` the terminal has no size; the reader has started
    // once it has switched to the alternate screen.
    while !String::from_utf8_lossy(&seen.lock().expect("lock")).contains("\x1b[?1049h") {
        assert!(
            std::time::Instant::now() < deadline,
            "the reader never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let children = format!("/proc/{0}/task/{0}/children", script.id());
    let reader: u32 = fs::read_to_string(&children)
        .expect("children")
        .split_whitespace()
        .next()
        .and_then(|p| p.parse().ok())
        .expect("the reader runs under script");
    script.kill().expect("kill script");
    let _ = script.wait();
    let alive = || {
        std::path::Path::new(&format!("/proc/{reader}/stat")).exists()
            && !fs::read_to_string(format!("/proc/{reader}/stat"))
                .unwrap_or_default()
                .contains(") Z ")
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while alive() {
        if std::time::Instant::now() > deadline {
            let _ = Command::new("kill")
                .args(["-9", &reader.to_string()])
                .status();
            panic!("the reader kept running after its terminal closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}
