//! Figure finder latency per keystroke over a generated library of 1,000
//! briefs and 100,000 figures. Run with `cargo bench --bench finder`.
//!
//! Prints the median and worst time of one keystroke (re-ranking the whole
//! library, or narrowing the previous hits) for a few typed queries.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use briefing::library::Library;
use briefing::lookup::{Finder, Index};
use briefing::model::{Origin, SourceFile};

const WORDS: &[&str] = &[
    "semiconductor",
    "exports",
    "china",
    "alliance",
    "poll",
    "koreans",
    "tariff",
    "supply",
    "chain",
    "battery",
    "visa",
    "troops",
    "cost",
    "share",
    "investment",
    "energy",
    "cyber",
    "space",
    "quantum",
    "standards",
    "survey",
    "trade",
    "growth",
    "imports",
    "workers",
    "students",
    "deterrence",
    "nuclear",
];
const TAGS: &[&str] = &[
    "semiconductors",
    "trade",
    "china",
    "public-opinion",
    "defense",
    "energy",
    "cyber",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
    fn word(&mut self) -> &'static str {
        WORDS[self.next() % WORDS.len()]
    }
}

/// One brief with `n` figures, all mentioned in one section.
fn brief(i: usize, n: usize, rng: &mut Lcg) -> String {
    let mut front = format!(
        "+++\nid = \"brief-{i}\"\ntitle = \"Generated brief {i}\"\nshort_title = \"Brief {i}\"\n"
    );
    let mut body = String::from("## Figures\n\n");
    for f in 0..n {
        let label: Vec<&str> = (0..8).map(|_| rng.word()).collect();
        let tag = TAGS[rng.next() % TAGS.len()];
        let value = format!("{}.{} percent", rng.next() % 100, rng.next() % 10);
        let _ = write!(
            front,
            "\n[[figures]]\nid = \"f{f}\"\nvalue = \"{value}\"\nlabel = \"{}\"\nsection = \"figures\"\nsource = \"{} survey\"\ntags = [\"{tag}\"]\n",
            label.join(" "),
            rng.word()
        );
        let _ = writeln!(body, "Value [{value}](fig:f{f}).");
    }
    format!("{front}+++\n{body}")
}

fn main() {
    let mut rng = Lcg(42);
    let files = (0..1000)
        .map(|i| {
            Ok(SourceFile::new(
                format!("brief-{i}.md"),
                Origin::Embedded,
                brief(i, 100, &mut rng),
            ))
        })
        .collect();
    let t = Instant::now();
    let lib = Library::from_files(files);
    let load = t.elapsed();
    let t = Instant::now();
    let index = Index::new(&lib);
    let build = t.elapsed();
    println!(
        "library: {} briefs, {} figures; parsed in {load:?}, finder index built in {build:?}",
        lib.briefs.len(),
        index.entries.len()
    );
    for query in [
        "semiconductor exports china",
        "77",
        "#trade visa",
        "cyber poll koreans",
    ] {
        let mut per_key: Vec<Duration> = Vec::new();
        for _ in 0..5 {
            let mut finder = Finder::default();
            for end in 1..=query.len() {
                let typed = &query[..end];
                let t = Instant::now();
                let hits = finder.rank(&index, typed);
                per_key.push(t.elapsed());
                std::hint::black_box(hits);
            }
        }
        per_key.sort();
        let median = per_key[per_key.len() / 2];
        let worst = per_key[per_key.len() - 1];
        println!(
            "query {query:?}: {} keystrokes, median {median:?}, worst {worst:?}",
            query.len()
        );
    }
}
