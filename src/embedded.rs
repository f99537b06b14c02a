//! The briefs and themes compiled into the binary.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
