//! Live reload: watches the folders and files being read and says when a
//! brief changed, once the writing has settled.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

/// How long the files must be quiet before a reload: editors write a file
/// in several steps (truncate, write, rename), and a reload per step would
/// show half-saved briefs.
pub const SETTLE: Duration = Duration::from_millis(120);

pub struct Watcher {
    _inner: notify::RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    /// Folders read: any brief under them counts.
    dirs: Vec<PathBuf>,
    /// Files named on the command line (their folders are watched, since
    /// editors often replace a file rather than write it in place).
    files: Vec<PathBuf>,
    changed_at: Option<Instant>,
}

impl Watcher {
    pub fn new(paths: &[PathBuf]) -> Result<Self, String> {
        let (tx, events) = mpsc::channel();
        let mut inner = notify::recommended_watcher(move |e| {
            let _ = tx.send(e);
            // The event loop sleeps until something happens: this did.
            super::wake::wake();
        })
        .map_err(|e| format!("cannot watch for changes: {e}"))?;
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        for p in paths {
            let (target, mode) = if p.is_dir() {
                dirs.push(absolute(p));
                (p.clone(), RecursiveMode::Recursive)
            } else {
                files.push(absolute(p));
                let parent = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or_else(|| Path::new("."));
                (parent.to_path_buf(), RecursiveMode::NonRecursive)
            };
            inner
                .watch(&target, mode)
                .map_err(|e| format!("cannot watch {}: {e}", target.display()))?;
        }
        Ok(Self {
            _inner: inner,
            events,
            dirs,
            files,
            changed_at: None,
        })
    }

    /// Takes in what the watcher saw; true once a change has settled and
    /// the library should be reloaded.
    pub fn poll(&mut self) -> bool {
        while let Ok(event) = self.events.try_recv() {
            let Ok(event) = event else {
                continue;
            };
            if matches!(event.kind, EventKind::Access(_)) {
                continue;
            }
            if event.paths.iter().any(|p| self.concerns(p)) {
                self.changed_at = Some(Instant::now());
            }
        }
        match self.changed_at {
            Some(t) if t.elapsed() >= SETTLE => {
                self.changed_at = None;
                true
            }
            _ => false,
        }
    }

    /// True while a change waits to settle.
    pub fn pending(&self) -> bool {
        self.changed_at.is_some()
    }

    /// A file named on the command line, or a brief under a folder read.
    fn concerns(&self, p: &Path) -> bool {
        let p = absolute(p);
        self.files.contains(&p)
            || (p.extension().is_some_and(|e| e == "md")
                && self.dirs.iter().any(|d| p.starts_with(d)))
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}
