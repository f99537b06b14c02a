//! The state file on disk. Writes take an advisory lock (a `.lock` file
//! beside it), merge with what the file holds now, and replace it
//! atomically. Nothing in it is ever lost: a file that cannot be parsed is
//! moved aside before anything new is written, and a file from a newer
//! briefing, or one that cannot be read at all, is neither read nor written.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::{Bookmark, FORMAT, PlaceEntry, State, VERSION, now_ms};

/// State files larger than this are not read (but moved aside).
const MAX_BYTES: u64 = 4 << 20;
/// How long a save waits for another reader's save to finish.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// What the state file holds.
#[derive(Debug)]
enum Disk {
    Missing,
    Found(State),
    /// Not a state file this build can parse: to be moved aside.
    Damaged(String),
    /// Written by a newer briefing (its format version): left alone.
    Newer(u64),
    /// Could not be read at all (permissions, not a file): left alone.
    Unreadable(String),
}

impl State {
    /// Reads the state file. A missing file is an empty state. Otherwise an
    /// empty state and a warning for the user: a file that cannot be
    /// parsed is moved aside (the warning says where), a newer or
    /// unreadable one is left as it is, and saving will not touch it.
    pub fn load(path: &Path) -> (Self, Option<String>) {
        let disk = match read(path) {
            // Moved aside under the lock, after a second look: another
            // reader may have replaced it since.
            Disk::Damaged(_) => with_lock(path, || match read(path) {
                Disk::Damaged(why) => match move_aside(path) {
                    Ok(aside) => Ok(Err(moved(&aside, &why))),
                    Err(e) => Ok(Err(format!(
                        "damaged saved state ({why}) could not be moved aside ({e}): \
                         left as it is, nothing is saved to {}",
                        path.display()
                    ))),
                },
                other => Ok(Ok(other)),
            })
            .unwrap_or_else(|e| Err(locked(path, &e))),
            other => Ok(other),
        };
        match disk {
            Err(warning) => (Self::default(), Some(warning)),
            Ok(Disk::Missing) => (Self::default(), None),
            Ok(Disk::Found(s)) => (s, None),
            Ok(Disk::Newer(v)) => (Self::default(), Some(newer(path, v))),
            Ok(Disk::Damaged(why) | Disk::Unreadable(why)) => (
                Self::default(),
                Some(format!(
                    "saved state cannot be read ({why}): left as it is, nothing is saved to {}",
                    path.display()
                )),
            ),
        }
    }

    /// Saves the state: under the lock, merges it with what the file holds
    /// now (this state becomes the merge, so it also has what other readers
    /// saved), then writes it to a temporary file in the same folder and
    /// renames that over the old one, so a crash leaves the old file or the
    /// new one, never half of one. `Ok(Some(note))` when the old file could
    /// not be parsed and was moved aside: the note says where.
    pub fn save(&mut self, path: &Path) -> io::Result<Option<String>> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        fs::create_dir_all(dir)?;
        with_lock(path, || {
            let mut note = None;
            match read(path) {
                Disk::Missing => {}
                Disk::Found(disk) => self.merge(&disk),
                Disk::Damaged(why) => note = Some(moved(&move_aside(path)?, &why)),
                Disk::Newer(v) => {
                    return Err(io::Error::other(format!(
                        "it is from a newer briefing (format {v}) and is left untouched"
                    )));
                }
                Disk::Unreadable(why) => return Err(io::Error::other(why)),
            }
            self.forget_old_removals(now_ms());
            self.format = FORMAT.into();
            self.version = VERSION;
            write_atomic(dir, path, self)?;
            Ok(note)
        })
    }
}

/// The file's new name comes first, so a narrow status bar still shows it.
fn moved(aside: &Path, why: &str) -> String {
    let name = aside.file_name().unwrap_or_default().to_string_lossy();
    let dir = aside.parent().unwrap_or_else(|| Path::new("."));
    format!(
        "damaged saved state moved to {name} in {} ({why})",
        dir.display()
    )
}

fn newer(path: &Path, version: u64) -> String {
    format!(
        "saved state from a newer briefing (format {version}) left untouched: \
         nothing is read from or saved to {}",
        path.display()
    )
}

fn locked(path: &Path, e: &io::Error) -> String {
    format!(
        "saved state not read ({e}): nothing is saved to {}",
        path.display()
    )
}

fn read(path: &Path) -> Disk {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Disk::Missing,
        Err(e) => return Disk::Unreadable(e.to_string()),
    };
    if !meta.is_file() {
        return Disk::Unreadable("not a regular file".into());
    }
    if meta.len() > MAX_BYTES {
        return Disk::Damaged(format!("larger than {MAX_BYTES} bytes"));
    }
    match fs::read(path) {
        Ok(bytes) => parse(&bytes),
        Err(e) => Disk::Unreadable(e.to_string()),
    }
}

fn parse(bytes: &[u8]) -> Disk {
    // Ours or not, and which version, is decided before the shape is
    // checked, so a newer file is never taken for a broken one.
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return Disk::Damaged(format!("not valid JSON ({e})")),
    };
    if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
        return Disk::Damaged("not a briefing state file".into());
    }
    let unexpected = |e: serde_json::Error| Disk::Damaged(format!("unexpected contents ({e})"));
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(VERSION) => Disk::Newer(v),
        Some(1) => serde_json::from_value::<V1>(value)
            .map_or_else(unexpected, |v1| Disk::Found(v1.into_state().tidy())),
        Some(v) if v == u64::from(VERSION) => serde_json::from_value::<State>(value)
            .map_or_else(unexpected, |s| Disk::Found(s.tidy())),
        _ => Disk::Damaged("no valid format version".into()),
    }
}

/// Runs `f` holding the state's lock, waiting up to `LOCK_WAIT` for it.
pub(super) fn with_lock<T>(path: &Path, f: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
    let lock_path = path.with_extension("lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)?;
    let mut lock = fd_lock::RwLock::new(file);
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match lock.try_write() {
            Ok(guard) => {
                let result = f();
                drop(guard);
                return result;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                if Instant::now() >= deadline {
                    return Err(io::Error::other(format!(
                        "{} is held by another briefing",
                        lock_path.display()
                    )));
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Renames the file to `NAME.damaged-<UTC time>` beside it (with `-2`,
/// `-3`... if that is taken); returns the new path.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let t = time::OffsetDateTime::now_utc();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    let name = path
        .file_name()
        .map_or_else(|| "state.json".into(), |n| n.to_string_lossy());
    for n in 1..100 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let aside = path.with_file_name(format!("{name}.damaged-{stamp}{suffix}"));
        match fs::symlink_metadata(&aside) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::rename(path, &aside)?;
                return Ok(aside);
            }
            _ => {}
        }
    }
    Err(io::Error::other("too many damaged state files"))
}

pub(super) fn write_atomic(dir: &Path, path: &Path, state: &State) -> io::Result<()> {
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    let json = serde_json::to_vec_pretty(state).map_err(io::Error::other)?;
    tmp.write_all(&json)?;
    tmp.write_all(b"\n")?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The first format: a place per brief without times, the order they were
/// read in, and the bookmarks in the order they were made.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    #[serde(rename = "format")]
    _format: String,
    #[serde(rename = "version")]
    _version: u32,
    last: Option<String>,
    places: BTreeMap<String, V1Place>,
    #[serde(default)]
    recent: Vec<String>,
    bookmarks: Vec<V1Bookmark>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Place {
    section: String,
    block: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct V1Bookmark {
    brief: String,
    section: String,
    title: String,
}

impl V1 {
    /// The same state with times that keep its order (1, 2, ... ms after
    /// 1970: older than any change made since).
    fn into_state(self) -> State {
        let mut s = State::default();
        let order = |id: &str| {
            if self.last.as_deref() == Some(id) {
                self.recent.len() as u64 + 1
            } else {
                self.recent
                    .iter()
                    .position(|r| r == id)
                    .map_or(0, |i| i as u64 + 1)
            }
        };
        for (id, p) in &self.places {
            let entry = PlaceEntry {
                section: p.section.clone(),
                block: p.block,
                at: order(id),
            };
            s.places.insert(id.clone(), entry);
        }
        for (i, b) in self.bookmarks.into_iter().enumerate() {
            let mut mark = Bookmark::new(&b.brief, &b.section, &b.title);
            mark.at = i as u64 + 1;
            s.bookmarks.push(mark);
        }
        s
    }
}
