//! Growth on pathological Markdown: each input at n and 2n repetitions,
//! parsed into a brief (front matter, sections, links, checks), built into
//! the document IR and laid out at 100 columns. Linear growth shows as a
//! ratio near 2; quadratic as near 4. Run with
//! `cargo bench --bench pathological` (`-- 100000` for another n).

#[path = "gen/mod.rs"]
mod generate;

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};

/// Inputs beyond the generator's: the exact forms RELIABILITY.md names,
/// and the shapes a brief adds on top of Markdown (figures, headings).
fn extra(n: usize) -> Vec<(&'static str, String)> {
    let mut figures = String::from("+++\nid = \"many\"\ntitle = \"Many figures\"\n");
    let mut body = String::from("## S\n\n");
    for i in 0..n {
        let _ = write!(
            figures,
            "[[figures]]\nid = \"f{i}\"\nvalue = \"{i}%\"\nlabel = \"l\"\nsection = \"s\"\nsource = \"x\"\n"
        );
        let _ = write!(body, "[{i}%](fig:f{i}) ");
    }
    vec![
        ("pointy unclosed links", "[a](<b".repeat(n)),
        (
            "link definition expansion",
            format!("{}{}", "[a]: <b>\n".repeat(n), "[a] ".repeat(n)),
        ),
        ("block quotes 50,000 deep", format!("{}a\n", "> ".repeat(n))),
        ("headings with one title", "## a\n\n".repeat(n)),
        ("cross-references", "[x](#a) [y](b.md#c) ".repeat(n)),
        ("figures and mentions", format!("{figures}+++\n{body}\n")),
        ("one huge line", "word ".repeat(n * 20)),
    ]
}

fn run(body: &str) -> Duration {
    let start = Instant::now();
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "p.md".into(),
        Origin::Embedded,
        body.to_owned(),
    ))]);
    let brief = lib.briefs.first().or_else(|| {
        eprintln!("  (dropped: {:?})", lib.diagnostics.first());
        None
    });
    if let Some(b) = brief {
        let d = doc::build(b);
        let layout = Layout::new(&d, b.sections.len(), 100, None);
        std::hint::black_box(layout.len());
    }
    start.elapsed()
}

fn median(body: &str) -> Duration {
    let mut v: Vec<Duration> = (0..3).map(|_| run(body)).collect();
    v.sort();
    v[1]
}

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(50_000);
    println!(
        "{:<28} {:>10} {:>10} {:>6}",
        "input",
        format!("n={n}"),
        format!("2n"),
        "ratio"
    );
    let names: Vec<&str> = generate::pathological(1)
        .iter()
        .chain(extra(1).iter())
        .map(|(name, _)| *name)
        .collect();
    let small: Vec<String> = generate::pathological(n)
        .into_iter()
        .chain(extra(n))
        .map(|(_, s)| s)
        .collect();
    let big: Vec<String> = generate::pathological(2 * n)
        .into_iter()
        .chain(extra(2 * n))
        .map(|(_, s)| s)
        .collect();
    let mut worst = 0.0f64;
    for ((name, a), b) in names.iter().zip(&small).zip(&big) {
        let ta = median(a);
        let tb = median(b);
        // Inputs the generator caps (deep lists, backticks) do not grow.
        let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-9);
        let grows = b.len() > a.len() * 3 / 2;
        if grows {
            worst = worst.max(ratio);
        }
        println!(
            "{name:<28} {:>8.1}ms {:>8.1}ms {:>6}",
            ta.as_secs_f64() * 1e3,
            tb.as_secs_f64() * 1e3,
            if grows {
                format!("{ratio:.2}")
            } else {
                "capped".into()
            }
        );
    }
    println!("worst ratio: {worst:.2} (2 is linear, 4 quadratic)");
}
