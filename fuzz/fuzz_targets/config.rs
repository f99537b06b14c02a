//! The `config` fuzz target: see `fuzz/check/config.rs` for what it checks,
//! which the regression test `tests/hostile/fuzzed.rs` shares.
#![no_main]

#[path = "../check/config.rs"]
mod check;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| check::run(data));
