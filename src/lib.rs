//! briefing: a terminal reader for curated policy briefs.
//!
//! The core (model, parse, library, lookup, doc, layout) has no UI
//! dependencies; `tui` draws it with ratatui and `cli` prints it.

pub mod cite;
pub mod cli;
pub mod config;
pub mod conflicts;
pub mod csvsafe;
pub mod date;
pub mod diag;
pub mod doc;
pub mod embedded;
pub mod extract;
pub mod frontmatter;
pub mod glossary;
pub mod heap;
pub mod layout;
pub mod library;
pub mod lookup;
pub mod model;
pub mod parse;
pub mod partfile;
pub mod query;
pub mod sanitize;
pub mod search;
pub mod slug;
pub mod state;
pub mod tags;
pub mod textfile;
pub mod theme;
pub mod trace;
pub mod tui;
pub mod validate;
pub mod words;
