//! End to end: the real binary in a pseudo-terminal, the screen read back
//! through a terminal emulator.
#![allow(clippy::expect_used)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    pair: portable_pty::PtyPair,
    /// The terminal's settings before briefing started.
    before: String,
    /// Config and saved state go here, never to the real home.
    _home: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_briefing"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let home = tempfile::tempdir().expect("home");
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        let before = termios(&pair);
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
        let p = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().expect("parser").process(&buf[..n]);
            }
        });
        Self {
            parser,
            writer,
            child,
            pair,
            before,
            _home: home,
        }
    }

    /// The terminal's settings now.
    fn termios(&self) -> String {
        termios(&self.pair)
    }

    /// Waits until the reader is up: the screen shows `text` and raw mode
    /// has changed the terminal's settings.
    fn wait_for_ui(&self, text: &str) {
        self.wait_for(text);
        assert_ne!(self.termios(), self.before, "raw mode never entered");
    }

    fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("pid");
        let ok = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .expect("kill");
        assert!(ok.success());
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("screen never showed {text:?}:\n{}", self.screen());
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader thread drain the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("briefing did not exit:\n{}", self.screen());
    }

    fn assert_restored(&self) {
        assert_eq!(
            self.termios(),
            self.before,
            "terminal settings not restored"
        );
        let p = self.parser.lock().expect("parser");
        let s = p.screen();
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "cursor still hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture left on"
        );
        assert!(!s.bracketed_paste(), "bracketed paste left on");
    }
}

/// Every setting of the terminal: modes and control characters.
fn termios(pair: &portable_pty::PtyPair) -> String {
    let t = pair.master.get_termios().expect("termios");
    format!(
        "{:?} {:?} {:?} {:?} {:?}",
        t.input_flags, t.output_flags, t.control_flags, t.local_flags, t.control_chars
    )
}

#[test]
fn open_a_brief_jump_pillars_and_quit_cleanly() {
    let mut s = Session::start(&[]);
    s.wait_for("Digital Allies");
    s.wait_for("? help");
    s.keys("]");
    s.wait_for("Digital Allies › Technology and the Alliance");
    s.keys("]]");
    s.wait_for("Digital Allies › The Indo-Pacific Dimension");
    s.keys("2");
    s.wait_for("Digital Allies › Sector by Sector");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn follow_a_cross_reference_and_come_back() {
    let mut s = Session::start(&["read", "strategic-tech-cooperation#domestic-support"]);
    s.wait_for("Strategic Tech Cooperation › Tenets of Enduring Alliances › Domestic Support");
    // The first selectable thing is a link to the Wilson Center brief.
    s.keys("l");
    s.keys("\r");
    s.wait_for("Global Strategic Partnership ›");
    s.keys("\x7f");
    s.wait_for("Strategic Tech Cooperation › Tenets of Enduring Alliances › Domestic Support");
    s.keys("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

#[test]
fn the_figures_panel_follows_the_section() {
    let mut s = Session::start(&["read", "strategic-tech-cooperation#domestic-support"]);
    s.wait_for("77 percent");
    s.wait_for("Dong-A Ilbo poll");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn find_a_figure_and_open_its_passage() {
    let mut s = Session::start(&[]);
    s.wait_for("? help");
    s.keys("f");
    s.wait_for("Find a figure");
    s.keys("chip exp china");
    s.wait_for("› chip exp china");
    s.wait_for("60 percent");
    s.keys("\r");
    s.wait_for("it sends 60 percent of");
    s.wait_for("Strategic Tech Cooperation › Economic Security");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}

// Case 12: the terminal comes back as it was however the reader ends.

#[test]
fn terminal_restored_after_an_error() {
    let mut s = Session::start_with(&[], &[("BRIEFING_TEST_FAULT", "error")]);
    assert_eq!(s.wait_exit(), 1);
    s.assert_restored();
    s.wait_for("briefing: BRIEFING_TEST_FAULT=error");
}

#[test]
fn terminal_untouched_by_an_error_before_the_reader_starts() {
    let mut s = Session::start(&["read", "no-such-brief"]);
    assert_eq!(s.wait_exit(), 2);
    s.assert_restored();
    s.wait_for("no brief with id \"no-such-brief\"");
}

#[test]
fn terminal_restored_after_a_panic_and_the_message_shown() {
    let mut s = Session::start_with(&[], &[("BRIEFING_TEST_FAULT", "panic")]);
    assert_eq!(s.wait_exit(), 101);
    s.assert_restored();
    // Printed after leaving the alternate screen, so it is still there.
    s.wait_for("BRIEFING_TEST_FAULT=panic: failing on purpose");
}

#[test]
fn terminal_restored_after_sigterm() {
    let mut s = Session::start(&[]);
    s.wait_for_ui("? help");
    s.signal("-TERM");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn terminal_restored_after_sighup() {
    let mut s = Session::start(&[]);
    s.wait_for_ui("? help");
    s.signal("-HUP");
    s.wait_exit();
    s.assert_restored();
}
