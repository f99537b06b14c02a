//! The real binary (or any other reader) in a pseudo-terminal at 120×40:
//! time from spawn to the screen showing a marker, time from a key to the
//! screen showing its effect, and the child's peak RSS, over several runs,
//! printed as medians.
//!
//! `cargo bench --bench pty` runs the built-in suite (briefing and `less`
//! on the generated inputs, the embedded library, a library of 1,000
//! briefs). Any other command can be measured the same way:
//!
//! ```text
//! cargo bench --bench pty -- [--runs N] [--settle MS] \
//!     --ready MARKER [--key KEY --shows MARKER] 'COMMAND ARGS' ...
//! ```
//!
//! Options are sticky: they apply to every command after them, so several
//! readers are compared side by side in one run. A command is split on
//! spaces; `{briefing}` stands for this crate's binary and `{inputs}` for
//! the generated inputs (written on first use).

#[path = "gen/mod.rs"]
mod generate;

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;
const TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Clone, Debug)]
struct Spec {
    command: String,
    ready: String,
    key: Option<(String, String)>,
    runs: usize,
    settle: Duration,
}

#[derive(Default)]
struct Run {
    ready: Option<Duration>,
    key: Option<Duration>,
    rss_kb: Option<u64>,
    note: Option<String>,
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let specs = if args.is_empty() {
        suite()
    } else {
        match parse_args(&args) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("pty: {e}");
                std::process::exit(2);
            }
        }
    };
    if specs.iter().any(|s| s.command.contains("{inputs}")) {
        let dir = generate::inputs_dir();
        if let Err(e) = generate::write_inputs(&dir) {
            eprintln!("pty: cannot write inputs to {}: {e}", dir.display());
            std::process::exit(1);
        }
    }
    println!(
        "{:<58} {:>10} {:>10} {:>9}  (medians, {COLS}x{ROWS})",
        "command", "ready", "key", "peak RSS"
    );
    for spec in &specs {
        measure(spec);
    }
}

/// The measurements the performance note reports.
fn suite() -> Vec<Spec> {
    let spec = |command: &str, ready: &str, key: Option<(&str, &str)>| Spec {
        command: command.to_owned(),
        ready: ready.to_owned(),
        key: key.map(|(k, m)| (k.to_owned(), m.to_owned())),
        runs: 5,
        settle: Duration::from_millis(300),
    };
    let end = Some(("G", "LAST-LINE-MARKER"));
    let mut v = Vec::new();
    for doc in ["doc-120k.md", "doc-10m.md"] {
        v.push(spec(
            &format!("{{briefing}} {{inputs}}/{doc}"),
            "Pillar 0",
            end,
        ));
        v.push(spec(
            &format!("less {{inputs}}/{doc}"),
            "id = \"long\"",
            end,
        ));
    }
    v.push(spec(
        "{briefing}",
        "? help",
        Some(("]", "Digital Allies ›")),
    ));
    v.push(spec(
        "{briefing} {inputs}/library",
        "? help",
        Some(("f", "/100000")),
    ));
    v
}

fn parse_args(args: &[String]) -> Result<Vec<Spec>, String> {
    let mut cur = Spec {
        command: String::new(),
        ready: String::new(),
        key: None,
        runs: 5,
        settle: Duration::from_millis(300),
    };
    let mut key: Option<String> = None;
    let mut specs = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--runs" => cur.runs = value()?.parse().map_err(|_| "--runs takes a number")?,
            "--settle" => {
                let ms = value()?
                    .parse()
                    .map_err(|_| "--settle takes milliseconds")?;
                cur.settle = Duration::from_millis(ms);
            }
            "--ready" => cur.ready = value()?,
            "--key" => key = Some(value()?),
            "--shows" => {
                let k = key.take().ok_or("--shows comes after --key")?;
                cur.key = Some((k, value()?));
            }
            "--no-key" => cur.key = None,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            command => {
                if cur.ready.is_empty() {
                    return Err(format!("no --ready marker for {command:?}"));
                }
                specs.push(Spec {
                    command: command.to_owned(),
                    ..cur.clone()
                });
            }
        }
    }
    if specs.is_empty() {
        return Err("no command given".into());
    }
    Ok(specs)
}

fn expand(command: &str) -> Vec<String> {
    let inputs = generate::inputs_dir();
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

fn measure(spec: &Spec) {
    let mut runs = Vec::new();
    for _ in 0..spec.runs.max(1) {
        runs.push(run_once(spec));
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

fn run_once(spec: &Spec) -> Run {
    let mut out = Run::default();
    let words = expand(&spec.command);
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
    let until = Instant::now() + Duration::from_secs(2);
    while Instant::now() < until {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let _ = child.kill();
    let _ = child.wait();
}
