//! The real binary (or any other reader) in a pseudo-terminal at 120×40:
//! time from spawn to the screen showing a marker, time from keys to the
//! screen showing their effect, and the child's peak RSS, over several
//! runs, printed as medians. Shared by the `pty` and `library` benches.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Clone, Debug)]
pub struct Spec {
    pub command: String,
    pub ready: String,
    pub key: Option<(String, String)>,
    pub runs: usize,
    pub settle: Duration,
    /// The library cache folder every run shares (`XDG_CACHE_HOME`); by
    /// default each run has a fresh one.
    pub cache: Option<PathBuf>,
}

impl Spec {
    pub fn new(command: &str, ready: &str) -> Self {
        Self {
            command: command.to_owned(),
            ready: ready.to_owned(),
            key: None,
            runs: 5,
            settle: Duration::from_millis(300),
            cache: None,
        }
    }

    #[must_use]
    pub fn key(mut self, key: &str, shows: &str) -> Self {
        self.key = Some((key.to_owned(), shows.to_owned()));
        self
    }
}

#[derive(Default)]
struct Run {
    ready: Option<Duration>,
    key: Option<Duration>,
    rss_kb: Option<u64>,
    note: Option<String>,
}

/// Prints the table's header.
pub fn header() {
    println!(
        "{:<58} {:>10} {:>10} {:>9}  (medians, {COLS}x{ROWS})",
        "command", "ready", "key", "peak RSS"
    );
}

fn expand(command: &str, inputs: &Path) -> Vec<String> {
    command
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.replace("{briefing}", env!("CARGO_BIN_EXE_briefing"))
                .replace("{inputs}", &inputs.to_string_lossy())
        })
        .collect()
}

fn median(mut v: Vec<Duration>) -> Option<Duration> {
    v.sort();
    v.get(v.len() / 2).copied()
}

fn ms(d: Option<Duration>) -> String {
    d.map_or_else(
        || "–".into(),
        |d| format!("{:.1} ms", d.as_secs_f64() * 1e3),
    )
}

/// Runs `spec` its number of times and prints its medians; `{inputs}` in
/// its command stands for `inputs`.
pub fn measure(spec: &Spec, inputs: &Path) {
    let mut runs = Vec::new();
    for _ in 0..spec.runs.max(1) {
        runs.push(run_once(spec, inputs));
    }
    let ready = median(runs.iter().filter_map(|r| r.ready).collect());
    let key = median(runs.iter().filter_map(|r| r.key).collect());
    let mut rss: Vec<u64> = runs.iter().filter_map(|r| r.rss_kb).collect();
    rss.sort_unstable();
    let rss = rss
        .get(rss.len() / 2)
        .map_or_else(|| "–".into(), |kb| format!("{:.1} MB", *kb as f64 / 1024.0));
    let shown = spec
        .command
        .replace("{briefing}", "briefing")
        .replace("{inputs}/", "");
    let shown = match &spec.cache {
        Some(_) => format!("{shown}  (cache kept)"),
        None => shown,
    };
    let shown = match &spec.key {
        Some((k, _)) => format!("{shown}  [{k}]"),
        None => shown,
    };
    println!("{shown:<58} {:>10} {:>10} {rss:>9}", ms(ready), ms(key));
    for note in runs.iter().filter_map(|r| r.note.as_ref()) {
        println!("    {note}");
    }
}

struct Screen {
    parser: vt100::Parser,
    rx: Receiver<(Instant, Vec<u8>)>,
}

impl Screen {
    /// Feeds output until the screen shows `marker`; the time the chunk
    /// that completed it arrived.
    fn wait_for(&mut self, marker: &str, deadline: Instant) -> Option<Instant> {
        if self.parser.screen().contents().contains(marker) {
            return Some(Instant::now());
        }
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let (at, bytes) = self.rx.recv_timeout(left).ok()?;
            self.parser.process(&bytes);
            if self.parser.screen().contents().contains(marker) {
                return Some(at);
            }
        }
    }

    /// Takes in whatever arrives for `d`.
    fn drain(&mut self, d: Duration) {
        let until = Instant::now() + d;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match self.rx.recv_timeout(left) {
                Ok((_, bytes)) => self.parser.process(&bytes),
                Err(_) => break,
            }
        }
    }
}

fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn run_once(spec: &Spec, inputs: &Path) -> Run {
    let mut out = Run::default();
    let words = expand(&spec.command, inputs);
    let Some((program, args)) = words.split_first() else {
        out.note = Some("empty command".into());
        return out;
    };
    let pty = match native_pty_system().openpty(PtySize {
        rows: ROWS,
        cols: COLS,
        pixel_width: 0,
        pixel_height: 0,
    }) {
        Ok(p) => p,
        Err(e) => {
            out.note = Some(format!("no pty: {e}"));
            return out;
        }
    };
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LESS", "");
    // A fresh home per run: no saved reading place, config or history from
    // an earlier run (briefing would reopen where the last run's key left
    // it, and a peer might too).
    let Ok(home) = tempfile::tempdir() else {
        out.note = Some("cannot make a temporary home".into());
        return out;
    };
    for (var, sub) in [
        ("HOME", ""),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ] {
        cmd.env(var, home.path().join(sub));
    }
    if let Some(cache) = &spec.cache {
        cmd.env("XDG_CACHE_HOME", cache);
    }
    let (Ok(mut reader), Ok(mut writer)) =
        (pty.master.try_clone_reader(), pty.master.take_writer())
    else {
        out.note = Some("cannot open the pty's ends".into());
        return out;
    };
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 1 << 16];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send((Instant::now(), buf[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    let mut screen = Screen {
        parser: vt100::Parser::new(ROWS, COLS, 0),
        rx,
    };
    let start = Instant::now();
    let mut child = match pty.slave.spawn_command(cmd) {
        Ok(c) => c,
        Err(e) => {
            out.note = Some(format!("cannot start {program}: {e}"));
            return out;
        }
    };
    drop(pty.slave);
    let pid = child.process_id();
    match screen.wait_for(&spec.ready, start + TIMEOUT) {
        Some(at) => out.ready = Some(at - start),
        None => out.note = Some(format!("never showed {:?}", spec.ready)),
    }
    if out.ready.is_some()
        && let Some((key, marker)) = &spec.key
    {
        screen.drain(spec.settle);
        if screen.parser.screen().contents().contains(marker.as_str()) {
            out.note = Some(format!("{marker:?} already on screen before {key:?}"));
        } else {
            let sent = Instant::now();
            let _ = writer
                .write_all(key.as_bytes())
                .and_then(|()| writer.flush());
            match screen.wait_for(marker, sent + TIMEOUT) {
                Some(at) => out.key = Some(at.saturating_duration_since(sent)),
                None => out.note = Some(format!("{key:?} never showed {marker:?}")),
            }
        }
    }
    screen.drain(spec.settle);
    out.rss_kb = pid.and_then(peak_rss_kb);
    quit(&mut *child, &mut writer);
    out
}

fn quit(child: &mut dyn Child, writer: &mut Box<dyn Write + Send>) {
    let _ = writer.write_all(b"q").and_then(|()| writer.flush());
    if exited(child, Duration::from_secs(2)) {
        return;
    }
    // A view that takes `q` as text (the finder): close it first. A reader
    // may also be finishing its cache before it exits.
    let _ = writer.write_all(b"\x1b").and_then(|()| writer.flush());
    std::thread::sleep(Duration::from_millis(100));
    let _ = writer.write_all(b"q").and_then(|()| writer.flush());
    if exited(child, Duration::from_secs(30)) {
        return;
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn exited(child: &mut dyn Child, within: Duration) -> bool {
    let until = Instant::now() + within;
    while Instant::now() < until {
        if let Ok(Some(_)) = child.try_wait() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    false
}
