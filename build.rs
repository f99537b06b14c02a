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
