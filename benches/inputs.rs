//! Writes the generated benchmark inputs to disk, for the PTY benchmark and
//! for trying other readers by hand:
//! `cargo bench --bench inputs [-- DIR]` (default `target/bench-inputs`).

#[path = "gen/mod.rs"]
mod generate;

use std::path::PathBuf;

fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .map_or_else(generate::inputs_dir, PathBuf::from);
    match generate::write_inputs(&dir) {
        Ok(()) => println!("inputs written to {}", dir.display()),
        Err(e) => {
            eprintln!("cannot write inputs to {}: {e}", dir.display());
            std::process::exit(1);
        }
    }
}
