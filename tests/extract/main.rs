//! `briefing extract` and `briefing new`: quality on labelled reports and
//! on the library's curated figures, the commands' output, bad input.

mod bad_input;
mod commands;
#[path = "../common/mod.rs"]
mod common;
mod pdf_fixture;
mod quality;
