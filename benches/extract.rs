//! `briefing extract` speed: a seed text (the largest of `../shared/seeds`,
//! or a generated one as long) and a generated 100-page PDF, each read,
//! cleaned and scanned for statistics and dated sentences. The targets are
//! 20 ms and 1 s. Run with `cargo bench --bench extract`. Besides the wall
//! time, the CPU time the process spent (from `/proc`, on Linux) is shown:
//! on a busy machine it is the fairer measure.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use briefing::extract;

const RUNS: usize = 15;

/// CPU time of every thread of this process so far, from
/// `/proc/self/task/*/schedstat` (nanoseconds on a CPU); None elsewhere.
fn cpu_time() -> Option<Duration> {
    let mut total = 0u64;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let path = task.ok()?.path().join("schedstat");
        let text = std::fs::read_to_string(path).unwrap_or_default();
        total += text
            .split_whitespace()
            .next()
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
    }
    Some(Duration::from_nanos(total))
}

/// The median wall time and median CPU time of `RUNS` runs of `f`.
fn median(mut f: impl FnMut()) -> (Duration, Option<Duration>) {
    let mut wall = Vec::with_capacity(RUNS);
    let mut cpu = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let c0 = cpu_time();
        let start = Instant::now();
        f();
        wall.push(start.elapsed());
        if let (Some(a), Some(b)) = (c0, cpu_time()) {
            cpu.push(b.saturating_sub(a));
        }
    }
    wall.sort();
    cpu.sort();
    (wall[RUNS / 2], cpu.get(RUNS / 2).copied())
}

fn report(what: &str, (t, cpu): (Duration, Option<Duration>), target: Duration) {
    let verdict = if t <= target { "ok" } else { "OVER" };
    let cpu = cpu.map_or(String::new(), |c| {
        format!(", CPU {:.2} ms", c.as_secs_f64() * 1e3)
    });
    println!(
        "{what:<40} {:>9.2} ms wall{cpu}  (target {} ms: {verdict})",
        t.as_secs_f64() * 1e3,
        target.as_millis()
    );
}

/// The largest seed, or generated text of the same shape (wrapped lines,
/// blank lines between paragraphs, figures and dates).
fn seed_text() -> (String, Vec<u8>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let largest = std::fs::read_dir(&dir).ok().and_then(|entries| {
        entries
            .filter_map(Result::ok)
            .filter_map(|e| Some((e.metadata().ok()?.len(), e.path())))
            .max()
    });
    if let Some((_, path)) = largest
        && let Ok(bytes) = std::fs::read(&path)
    {
        return (path.display().to_string(), bytes);
    }
    let mut text = String::new();
    for i in 0..1300 {
        let _ = writeln!(
            text,
            "In {}, exports rose {} percent to ${}.{} billion, and some 1,{:03} firms hired",
            1990 + i % 30,
            i % 97,
            i % 50,
            i % 10,
            i % 1000
        );
        if i % 6 == 5 {
            text.push('\n');
        }
    }
    ("generated text".to_owned(), text.into_bytes())
}

/// A 100-page report: a running header, page numbers, paragraphs of
/// wrapped lines with statistics.
fn hundred_pages() -> Vec<u8> {
    let pages: Vec<Vec<String>> = (1..=100)
        .map(|p| {
            let mut lines = vec!["ANNUAL CORRIDOR REVIEW | 2025".to_owned(), String::new()];
            if p % 10 == 1 {
                lines.push(format!("Chapter {} Findings", p / 10 + 1));
                lines.push(String::new());
            }
            for k in 0..40 {
                lines.push(format!(
                    "Freight grew {} percent and lenders committed ${}.{} billion to {} new",
                    (p * k) % 90,
                    k % 40,
                    p % 10,
                    k * 12 + 3
                ));
                if k % 8 == 7 {
                    lines.push(
                        "sidings, while about one in three routes doubled in use.".to_owned(),
                    );
                    lines.push(String::new());
                }
            }
            lines.push(p.to_string());
            lines
        })
        .collect();
    extract::sample_pdf::build(&pages, Some("Annual Corridor Review"))
}

fn main() {
    let (name, seed) = seed_text();
    let t = median(|| {
        let doc = extract::document(&seed, "seed.txt").ok();
        std::hint::black_box(doc.as_ref().map(extract::findings));
    });
    let found =
        extract::document(&seed, "seed.txt").map_or(0, |d| extract::findings(&d).statistics.len());
    report(
        &format!("seed text ({found} statistics)"),
        t,
        Duration::from_millis(20),
    );
    println!("  {name}");
    let pdf = hundred_pages();
    // On this thread (`document` reads a PDF on a worker with a time
    // bound; the work is the same), so its CPU time counts.
    let t = median(|| {
        let doc = extract::document_inline(&pdf, "report.pdf").ok();
        std::hint::black_box(doc.as_ref().map(extract::findings));
    });
    let found =
        extract::document(&pdf, "report.pdf").map_or(0, |d| extract::findings(&d).statistics.len());
    report(
        &format!("100-page PDF, {} KB ({found} statistics)", pdf.len() / 1024),
        t,
        Duration::from_secs(1),
    );
}
