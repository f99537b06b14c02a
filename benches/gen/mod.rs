//! Deterministic generators for the benchmarks: a library of briefs with
//! figures and cross-references, a long document of pillars, and
//! pathological Markdown. The same seed always gives the same bytes.

#![allow(dead_code)]

use std::fmt::Write as _;

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
    "shipbuilding",
    "reactor",
    "critical",
    "minerals",
    "talent",
    "research",
    "funding",
    "satellite",
    "export",
    "controls",
    "memory",
    "foundry",
];

const TAGS: &[&str] = &[
    "semiconductors",
    "trade",
    "china",
    "public-opinion",
    "defense",
    "energy",
    "cyber",
    "space",
    "talent",
    "investment",
];

const PUBLISHERS: &[&str] = &[
    "Center for a New American Security",
    "Center for Strategic and International Studies",
    "Wilson Center",
    "Korea Economic Institute of America",
    "Brookings Institution",
];

/// A small linear congruential generator: no dependency, same output on
/// every machine.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }

    pub fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }

    pub fn words(&mut self, n: usize) -> String {
        (0..n).map(|_| self.word()).collect::<Vec<_>>().join(" ")
    }

    /// A figure's value in one of the shapes real briefs use.
    pub fn value(&mut self) -> String {
        match self.below(5) {
            0 => format!("{}.{} percent", self.below(100), self.below(10)),
            1 => format!("{}%", self.below(100)),
            2 => format!("${}.{} billion", self.below(900) + 1, self.below(10)),
            3 => format!("{},{:03}", self.below(90) + 1, self.below(1000)),
            _ => format!("{} years", self.below(150) + 1),
        }
    }
}

/// A heading's anchor, as the reader computes it (GitHub's rules).
fn slug(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| {
            if c == ' ' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// A paragraph of `words` words with `*emphasis*` and `` `code` `` here
/// and there.
fn paragraph(rng: &mut Lcg, words: usize, out: &mut String) {
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        match rng.below(40) {
            0 => {
                let _ = write!(out, "*{}*", rng.word());
            }
            1 => {
                let _ = write!(out, "**{}**", rng.word());
            }
            2 => {
                let _ = write!(out, "`{}`", rng.word());
            }
            _ => out.push_str(rng.word()),
        }
    }
    out.push_str(".\n\n");
}

/// One brief of the generated library: `pillars` pillars of
/// `sections` sections each, `figures` figures spread over them, each
/// section linking to the next brief.
pub fn brief(i: usize, total: usize, figures: usize, rng: &mut Lcg) -> String {
    let pillars = 4;
    let per_pillar = 3;
    let mut front = format!(
        "+++\nid = \"brief-{i}\"\ntitle = \"Generated brief {i}: {}\"\nshort_title = \"Brief {i}\"\npublisher = \"{}\"\npublished = \"{}-{:02}-{:02}\"\nsummary = \"{}.\"\ntags = [\"{}\"]\n",
        rng.words(6),
        PUBLISHERS[rng.below(PUBLISHERS.len())],
        2015 + rng.below(10),
        rng.below(12) + 1,
        rng.below(28) + 1,
        rng.words(20),
        TAGS[rng.below(TAGS.len())],
    );
    let mut sections: Vec<(String, String)> = Vec::new();
    for p in 0..pillars {
        let title = format!("Pillar {p}: {}", rng.words(3));
        sections.push((slug(&title), format!("## {title}\n\n")));
        for s in 0..per_pillar {
            let title = format!("Section {p}.{s}: {}", rng.words(4));
            sections.push((slug(&title), format!("### {title}\n\n")));
        }
    }
    let next = (i + 1) % total.max(1);
    let mut body = String::new();
    let mut f = 0;
    let per_section = figures.div_ceil(sections.len());
    for (anchor, heading) in &sections {
        body.push_str(heading);
        paragraph(rng, 60, &mut body);
        for _ in 0..per_section {
            if f == figures {
                break;
            }
            let value = rng.value();
            let word = rng.word();
            let id = format!("{word}-{}-{f}", rng.word());
            let _ = write!(
                front,
                "\n[[figures]]\nid = \"{id}\"\nvalue = \"{value}\"\nlabel = \"{}\"\nsection = \"{anchor}\"\nsource = \"{} {} survey\"\nas_of = \"{}\"\ntags = [\"{}\", \"{}\"]\n",
                rng.words(8),
                PUBLISHERS[rng.below(PUBLISHERS.len())],
                rng.word(),
                2015 + rng.below(10),
                TAGS[rng.below(TAGS.len())],
                TAGS[rng.below(TAGS.len())],
            );
            let _ = writeln!(
                body,
                "Of note, [{value}](fig:{id}) of {word} {}.\n",
                rng.words(6)
            );
            f += 1;
        }
        let _ = writeln!(
            body,
            "See [the companion brief](brief-{next}.md) and [this section](#{anchor}) on {}.\n",
            rng.words(3)
        );
        let _ = write!(
            front,
            "\n[[events]]\ndate = \"{}-{:02}\"\nlabel = \"{}\"\nsection = \"{anchor}\"\n",
            2015 + rng.below(10),
            rng.below(12) + 1,
            rng.words(7)
        );
    }
    format!("{front}+++\n\n{body}")
}

/// A library of `briefs` briefs with `figures` figures each, as
/// (file name, text) pairs.
pub fn library(briefs: usize, figures: usize) -> Vec<(String, String)> {
    let mut rng = Lcg(42);
    (0..briefs)
        .map(|i| (format!("brief-{i}.md"), brief(i, briefs, figures, &mut rng)))
        .collect()
}

/// One long brief of about `bytes` bytes: six `##` pillars with `###`
/// subsections, paragraphs, lists, tables and figures.
pub fn document(bytes: usize) -> String {
    let mut rng = Lcg(7);
    let mut front = String::from(
        "+++\nid = \"long\"\ntitle = \"A long generated brief\"\nshort_title = \"Long brief\"\npublisher = \"Generated\"\npublished = \"2024-01-01\"\nsummary = \"Six pillars of generated text.\"\n",
    );
    let mut body = String::new();
    let per_pillar = bytes / 6;
    let mut fig = 0usize;
    for p in 0..6 {
        let _ = writeln!(body, "## Pillar {p}: {}\n", rng.words(3));
        let start = body.len();
        let mut s = 0usize;
        while body.len() - start < per_pillar {
            let title = format!("Section {p}.{s}: {}", rng.words(4));
            let anchor = slug(&title);
            let _ = writeln!(body, "### {title}\n");
            for _ in 0..3 {
                paragraph(&mut rng, 90, &mut body);
            }
            for _ in 0..4 {
                let _ = writeln!(body, "- {}", rng.words(10));
            }
            body.push('\n');
            body.push_str("| Measure | Value | Year |\n|---|---|---|\n");
            for _ in 0..3 {
                let _ = writeln!(
                    body,
                    "| {} | {} | {} |",
                    rng.words(2),
                    rng.value(),
                    2015 + rng.below(10)
                );
            }
            body.push('\n');
            let value = rng.value();
            let id = format!("fig-{fig}");
            let _ = write!(
                front,
                "\n[[figures]]\nid = \"{id}\"\nvalue = \"{value}\"\nlabel = \"{}\"\nsection = \"{anchor}\"\nsource = \"Generated\"\n",
                rng.words(6)
            );
            let _ = writeln!(body, "The figure is [{value}](fig:{id}).\n");
            fig += 1;
            s += 1;
        }
    }
    body.push_str("## The end\n\nLAST-LINE-MARKER\n");
    format!("{front}+++\n\n{body}")
}

/// Pathological inputs (from cmark's pathological tests and
/// pulldown-cmark's known slow inputs), `n` repetitions each, as (name,
/// Markdown body) pairs.
pub fn pathological(n: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "nested brackets",
            format!("{}a{}", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "nested block quotes",
            format!("{}a\n", "> ".repeat(n.min(10_000))),
        ),
        (
            "nested lists",
            (0..n.min(1_000)).fold(String::new(), |mut s, i| {
                let _ = writeln!(s, "{}- a", "  ".repeat(i));
                s
            }),
        ),
        ("emphasis openers", format!("{}a", "*a ".repeat(n))),
        ("emphasis closers", format!("a{}", " a*".repeat(n))),
        ("unclosed links", "[a](b ".repeat(n)),
        (
            "backticks",
            (1..n.min(5_000)).fold(String::new(), |mut s, i| {
                let _ = write!(s, "e{}", "`".repeat(i));
                s
            }),
        ),
        ("link refs", "[a]: b\n".repeat(n)),
        (
            "table columns",
            format!(
                "{}\n{}\n",
                "|a".repeat(n.min(20_000)),
                "|-".repeat(n.min(20_000))
            ),
        ),
        ("html comments", "<!--".repeat(n)),
        ("entities", "&#x".repeat(n)),
        ("underscores", "_a".repeat(n)),
    ]
}

/// Writes every generated input under `dir`: `doc-120k.md`, `doc-10m.md`,
/// `pathological/*.md` and `library/brief-*.md` (1,000 briefs of 100
/// figures). Files already there with the same bytes are kept.
pub fn write_inputs(dir: &std::path::Path) -> std::io::Result<()> {
    let write = |path: std::path::PathBuf, text: &str| -> std::io::Result<()> {
        let same = std::fs::read(&path).is_ok_and(|b| b == text.as_bytes());
        if same {
            Ok(())
        } else {
            std::fs::write(path, text)
        }
    };
    std::fs::create_dir_all(dir.join("pathological"))?;
    std::fs::create_dir_all(dir.join("library"))?;
    write(dir.join("doc-120k.md"), &document(120_000))?;
    write(dir.join("doc-10m.md"), &document(10_000_000))?;
    for (name, body) in pathological(50_000) {
        write(
            dir.join("pathological")
                .join(format!("{}.md", name.replace(' ', "-"))),
            &body,
        )?;
    }
    for (name, text) in library(1000, 100) {
        write(dir.join("library").join(name), &text)?;
    }
    Ok(())
}

/// Where the benchmarks keep their generated inputs: `BENCH_INPUTS`, else
/// `target/bench-inputs`.
pub fn inputs_dir() -> std::path::PathBuf {
    std::env::var_os("BENCH_INPUTS").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-inputs"),
        std::path::PathBuf::from,
    )
}
