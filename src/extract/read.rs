//! Reading a report's bytes: regular files only, never more than a cap.

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use super::ExtractError;

/// The largest report read: 64 MB holds any text report and most PDFs.
pub const MAX_REPORT_BYTES: u64 = 64 << 20;

/// The file's bytes, refused when it is not a regular file or holds more
/// than `cap` bytes (checked before reading, and again while reading).
pub fn bytes(path: &Path, cap: u64) -> Result<Vec<u8>, ExtractError> {
    let io = |e: std::io::Error| ExtractError::Io(io_message(&e));
    let meta = fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ExtractError::NotAFile);
    }
    if meta.len() > cap {
        return Err(ExtractError::TooBig {
            bytes: meta.len(),
            cap,
        });
    }
    let file = File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(cap + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > cap {
        return Err(ExtractError::TooBig {
            bytes: bytes.len() as u64,
            cap,
        });
    }
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(bytes)
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
