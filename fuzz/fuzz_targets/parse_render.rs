//! Parse + render at a fuzzer-chosen size: the first four bytes are the
//! terminal's width and height, the rest is a brief. Every view is drawn;
//! no panic, no control character on screen, no line wider than its area.
//! The checks are in `fuzz/check.rs`, which the regression test
//! `tests/hostile/fuzzed.rs` shares.
#![no_main]

#[path = "../check.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check::run(data));
