//! The real binary in a pseudo-terminal, its screen read back through a
//! terminal emulator, with its own home for config and saved state.
#![allow(dead_code, clippy::expect_used)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A home for one test: `config/` and `state/` as the XDG folders.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("home"),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn state(&self) -> PathBuf {
        self.dir.path().join("state")
    }

    pub fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

pub struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    pair: portable_pty::PtyPair,
    /// The terminal's settings before briefing started.
    before: String,
}

impl Session {
    /// Starts briefing with `args`, with `home` as its XDG folders.
    pub fn start(home: &Home, args: &[&str]) -> Self {
        Self::start_with(home, args, &[])
    }

    pub fn start_with(home: &Home, args: &[&str], env: &[(&str, &str)]) -> Self {
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
        cmd.env("XDG_CONFIG_HOME", home.config());
        cmd.env("XDG_STATE_HOME", home.state());
        cmd.env("XDG_CACHE_HOME", home.cache());
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
        }
    }

    /// Resizes the terminal, as a user dragging its window does: the
    /// reader gets SIGWINCH, and the emulated screen takes the new size.
    pub fn resize(&self, rows: u16, cols: u16) {
        self.parser
            .lock()
            .expect("parser")
            .screen_mut()
            .set_size(rows, cols);
        self.pair
            .master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    /// The terminal's settings now.
    pub fn termios(&self) -> String {
        termios(&self.pair)
    }

    /// Waits until the reader is up: the screen shows `text` and raw mode
    /// has changed the terminal's settings.
    pub fn wait_for_ui(&self, text: &str) {
        self.wait_for(text);
        assert_ne!(self.termios(), self.before, "raw mode never entered");
    }

    /// The reader's process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    pub fn signal(&self, sig: &str) {
        let pid = self.child.process_id().expect("pid");
        let ok = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .expect("kill");
        assert!(ok.success());
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if not.
    pub fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("screen never showed {text:?}:\n{}", self.screen());
    }

    /// Waits for the reader: a fresh start shows home first, and Enter
    /// opens its first brief; a saved place opens the reader at once.
    pub fn past_home(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let screen = self.screen();
            if screen.contains("✓ read  ★ reviewed") {
                self.keys("\r");
                self.wait_for("tab pane");
                return;
            }
            if screen.contains("tab pane") {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("neither home nor the reader:\n{}", self.screen());
    }

    /// Runs `f` on the emulated screen (colours, modes).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().expect("parser").screen())
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_gone(&self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if !self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("screen still shows {text:?}:\n{}", self.screen());
    }

    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    pub fn wait_exit(&mut self) -> u32 {
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

    pub fn assert_restored(&self) {
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
