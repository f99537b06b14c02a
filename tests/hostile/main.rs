//! Hostile input, tiny terminals and odd files: the cases of
//! `RELIABILITY.md` that the library, the reader's screen and the plain
//! commands must survive. (Terminal restoration is in `tests/e2e.rs`.)
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "../common/mod.rs"]
mod common;

mod files;
mod fuzzed;
#[path = "../../benches/gen/mod.rs"]
mod generate;
mod injection;
mod pathological;
mod plain;
mod screen;
mod sizes;

/// Property-test cases: `default`, or `PROPTEST_CASES` for a longer hunt.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
