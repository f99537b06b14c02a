//! Embeds `briefs/*.md` and `themes/*.toml` into the binary.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn list(dir: &str, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(ext) && !n.eq_ignore_ascii_case("README.md"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn table(out: &mut String, name: &str, dir: &str, ext: &str) {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let _ = writeln!(out, "pub static {name}: &[(&str, &str)] = &[");
    for file in list(dir, ext) {
        let path = Path::new(&root).join(dir).join(&file);
        let _ = writeln!(
            out,
            "    ({file:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    let _ = writeln!(out, "];");
}

fn main() {
    // The reader is linked at a fixed address on Linux (not as a
    // position-independent executable): a PIE of this size has some
    // 39,000 pointers in its read-only data that the loader writes at
    // every start, a page fault each for about 200 pages, half a
    // millisecond before `main` (see docs/PERFORMANCE.md). Only the
    // `briefing` binary is linked so; tests, benches and the crates it
    // uses are built as before.
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=briefs");
    println!("cargo:rerun-if-changed=themes");
    let mut out = String::new();
    table(&mut out, "BRIEFS", "briefs", ".md");
    table(&mut out, "THEMES", "themes", ".toml");
    let root = env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let glossary = Path::new(&root).join("briefs").join("glossary.toml");
    let _ = writeln!(
        out,
        "pub static GLOSSARY: &str = include_str!({:?});",
        glossary.display().to_string()
    );
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("embedded.rs");
    if let Err(e) = fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
        std::process::exit(1);
    }
}
