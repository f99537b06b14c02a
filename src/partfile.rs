//! Files kept beside the cache (the finder's index, the library's
//! resolved links): written whole under another name, synced, then renamed
//! into place, so a reader finds the old file or the new one and never a
//! new name on missing data. A part left by a reader that stopped while
//! writing is deleted an hour later (no reader is still writing it).

use std::fs::File;
use std::io;
use std::path::Path;

/// What a part's name ends with.
const SUFFIX: &str = ".part";

/// Writes `path` through `write`, under a part named `PREFIX….part` in
/// the same folder until it is whole, clearing old parts of that prefix
/// first.
pub fn write_whole(
    path: &Path,
    prefix: &str,
    write: impl FnOnce(&File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    remove_left(dir, prefix);
    let tmp = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(SUFFIX)
        .tempfile_in(dir)?;
    write(tmp.as_file())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Deletes the parts of `prefix` in `dir` an hour old.
fn remove_left(dir: &Path, prefix: &str) {
    let Ok(list) = std::fs::read_dir(dir) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for e in list.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if name.starts_with(prefix) && name.ends_with(SUFFIX) && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
