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
    _pair: portable_pty::PtyPair,
    /// Config and saved state go here, never to the real home.
    _home: tempfile::TempDir,
}

impl Session {
    fn start(args: &[&str]) -> Self {
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
            _pair: pair,
            _home: home,
        }
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
