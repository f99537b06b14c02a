//! `briefing extract` speed: a seed text (the largest of `../shared/seeds`,
//! or a generated one as long) and a generated 100-page PDF, each read,
//! cleaned and scanned for statistics and dated sentences. The targets are
//! 20 ms and 1 s. Run with `cargo bench --bench extract`.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use briefing::extract;

const RUNS: usize = 15;

/// The median time of `RUNS` runs of `f`.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn report(what: &str, t: Duration, target: Duration) {
    let verdict = if t <= target { "ok" } else { "OVER" };
    println!(
        "{what:<40} {:>9.2} ms  (target {} ms: {verdict})",
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
    let t = median(|| {
        let doc = extract::document(&pdf, "report.pdf").ok();
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
