//! Reading the library again: after a change to its files, and as the
//! files a first start left for later come in.

use std::time::Instant;

use super::{Action, App, Finder};

impl App {
    /// Reads the library again after a change, through the cache if
    /// there is one. While the files the start left for later are still
    /// coming in, the others that changed are left too when there are
    /// many (they come in with them).
    pub(super) fn read_again(&mut self) {
        let cache = self
            .cache
            .as_deref()
            .and_then(|d| crate::library::cache::Cache::open(d).ok());
        let changed = if self.catchup.is_some() {
            crate::library::Changed::LeaveMany
        } else {
            crate::library::Changed::ParseAll
        };
        let (lib, kept) = match &cache {
            Some(c) => self.desk.lib.reload_cached(&self.watch, c, changed),
            None => self.desk.lib.reload(&self.watch),
        };
        self.reload(lib, &kept);
    }

    /// Reads the library again after the watcher saw a change. Through the
    /// cache, with no files already coming in, many that changed (a folder
    /// of new reports) are left to a writer of their own and come in as
    /// the start's do; else as [`App::read_again`].
    pub(super) fn files_changed(&mut self) {
        let writer = match (&self.cache, &self.catchup) {
            (Some(dir), None) => crate::library::cache::Cache::open(dir).and_then(|c| {
                crate::library::cache::Writer::start_with(c, Box::new(crate::tui::wake::wake))
            }),
            _ => Err(String::new()),
        };
        let cache = self
            .cache
            .as_deref()
            .and_then(|d| crate::library::cache::Cache::open(d).ok());
        let (Ok(writer), Some(cache)) = (writer, cache) else {
            self.read_again();
            return;
        };
        let progress = writer.progress();
        let (lib, kept, storing, later) = self.desk.lib.reload_through(&self.watch, &cache, writer);
        self.storing = Some(storing);
        if later > 0 {
            self.catchup = Some(progress);
        }
        self.reload(lib, &kept);
    }

    /// Takes in the files the cache's writer stored since the last look,
    /// if the start left any for later. While more are coming the finder
    /// builds no index (it would be for a library about to grow); once all
    /// are in, it does, and the bar says the library is read.
    pub(super) fn catch_up(&mut self) {
        let Some(p) = &self.catchup else {
            return;
        };
        let done = p.is_done();
        let soon = self
            .caught_up
            .is_some_and(|(at, took)| at.elapsed() < took * 3);
        if (soon && !done) || !p.take_news() {
            return;
        }
        let failure = p.failure();
        let before = self.desk.message.take();
        if done {
            self.catchup = None;
        }
        let start = Instant::now();
        self.read_again();
        self.caught_up = Some((Instant::now(), start.elapsed()));
        if done {
            let n = self.desk.lib.briefs.len();
            let problems = self.desk.lib.diagnostics.len();
            let key = self
                .keymap
                .key_for(self.mode(), Action::Diagnostics)
                .map_or_else(String::new, |k| format!(", {k} lists them"));
            self.desk.message = Some(if let Some(e) = failure {
                // What the writer could not store was read here instead.
                format!(
                    "library read: {}; the cache could not keep it ({})",
                    crate::words::count(n, "brief", "briefs"),
                    crate::sanitize::line(&e)
                )
            } else if problems == 0 {
                format!(
                    "library read: {}",
                    crate::words::count(n, "brief", "briefs")
                )
            } else {
                format!(
                    "library read: {} ({}{key})",
                    crate::words::count(n, "brief", "briefs"),
                    crate::words::count(problems, "problem", "problems")
                )
            });
        } else {
            // The library grew: no word but the count in the bar, and no
            // index made for it unless the finder is open and waiting.
            self.desk.message = before;
            if !self.views.showing::<Finder>() {
                self.desk.finder.hold();
            }
        }
        self.dirty = true;
    }

    /// "2 problems while loading (! lists them)", if the library has
    /// errors.
    pub fn say_load_problems(&mut self) {
        if !self
            .desk
            .lib
            .diagnostics
            .iter()
            .any(crate::diag::Diagnostic::is_error)
        {
            return;
        }
        let key = self
            .keymap
            .key_for(self.mode(), Action::Diagnostics)
            .map_or_else(String::new, |k| format!(" ({k} lists them)"));
        self.desk.message = Some(format!(
            "{} while loading{key}",
            crate::words::count(self.desk.lib.error_count(), "problem", "problems")
        ));
    }

    /// How many of the files left for later are in, of how many.
    pub fn catching_up(&self) -> Option<(usize, usize)> {
        self.catchup.as_ref().map(|p| p.counts())
    }
}
