//! A reader left open costs nothing: over a few idle seconds the real
//! binary writes nothing to the terminal but, at most, one small redraw (a
//! read mark falling due), and uses next to no CPU — on home, in a brief,
//! and with the finder open. Read from `/proc/PID/io` and `/proc/PID/stat`;
//! skipped where `/proc` is missing.

mod common;

use std::path::Path;
use std::time::Duration;

use common::pty::{Home, Session};

/// Bytes written and CPU time (user + system, in clock ticks) so far.
fn usage(pid: u32) -> Option<(u64, u64)> {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).ok()?;
    let written = io
        .lines()
        .find_map(|l| l.strip_prefix("wchar:"))?
        .trim()
        .parse()
        .ok()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which may hold spaces: state is the
    // third field, utime and stime the 14th and 15th.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    Some((written, ticks))
}

/// Watches the reader for `samples` quarter seconds: how many of them saw a
/// write, and the CPU it used, in milliseconds (at the clock's 10 ms grain).
fn watch(s: &Session, samples: usize) -> Option<(usize, u64)> {
    let pid = s.pid()?;
    let (mut last, ticks0) = usage(pid)?;
    let mut writes = 0;
    for _ in 0..samples {
        std::thread::sleep(Duration::from_millis(250));
        let (w, _) = usage(pid)?;
        if w != last {
            writes += 1;
        }
        last = w;
    }
    let (_, ticks1) = usage(pid)?;
    // Linux counts CPU time in ticks of 1/100 s (USER_HZ).
    Some((writes, (ticks1 - ticks0) * 10))
}

fn assert_idle(s: &Session, what: &str) {
    // Let the first screen's work settle (layout, the read rule's clock).
    std::thread::sleep(Duration::from_millis(500));
    let Some((writes, cpu_ms)) = watch(s, 12) else {
        eprintln!("no /proc here: the idle test is skipped");
        return;
    };
    assert!(
        writes <= 1,
        "{what}: the terminal was written to in {writes} of 12 idle quarter seconds"
    );
    assert!(cpu_ms <= 30, "{what}: {cpu_ms} ms of CPU in 3 idle seconds");
}

#[test]
fn a_reader_left_open_writes_nothing_and_sleeps() {
    if !Path::new("/proc/self/io").exists() {
        eprintln!("no /proc here: the idle test is skipped");
        return;
    }
    let home = Home::new();
    let mut s = Session::start(&home, &[]);
    s.wait_for("q quit");
    assert_idle(&s, "home");
    s.keys("\r");
    s.wait_for("tab pane");
    assert_idle(&s, "a brief");
    s.keys("f");
    s.wait_for("Find a figure");
    assert_idle(&s, "the finder");
    s.keys("\x1b");
    s.wait_gone("Find a figure");
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored();
}
