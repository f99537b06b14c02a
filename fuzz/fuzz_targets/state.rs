//! The `state` fuzz target: see `fuzz/check/state.rs` for what it checks,
//! which the regression test `tests/hostile/fuzzed.rs` shares.
#![no_main]

#[path = "../check/state.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check::run(data));
