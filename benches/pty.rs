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
//! cargo bench --bench pty -- [--runs N] [--settle MS] [--cache DIR] \
//!     --ready MARKER [--key KEY --shows MARKER] 'COMMAND ARGS' ...
//! ```
//!
//! Options are sticky: they apply to every command after them, so several
//! readers are compared side by side in one run. A command is split on
//! spaces; `{briefing}` stands for this crate's binary and `{inputs}` for
//! the generated inputs (written on first use). Each run has a fresh home,
//! library cache included, unless `--cache DIR` names one for the runs to
//! share (the first run then fills it).

#[path = "gen/mod.rs"]
mod generate;
#[path = "term/mod.rs"]
mod term;

use std::time::Duration;

use term::Spec;

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
    term::header();
    let inputs = generate::inputs_dir();
    for spec in &specs {
        term::measure(spec, &inputs);
    }
}

/// The measurements the performance note reports.
fn suite() -> Vec<Spec> {
    let spec = |command: &str, ready: &str, key: Option<(&str, &str)>| {
        let s = Spec::new(command, ready);
        match key {
            Some((k, m)) => s.key(k, m),
            None => s,
        }
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
    let mut cur = Spec::new("", "");
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
            "--cache" => cur.cache = Some(value()?.into()),
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
