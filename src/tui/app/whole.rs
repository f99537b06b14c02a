//! The whole of a long file opened on its own, read while its first part
//! is shown (see [`crate::library::head`]), and taken in when it is read
//! or when input needs it.

use std::sync::Arc;

use super::{App, Effect};
use crate::library::Library;
use crate::tui::task::{Poll, Task};

/// The whole of a file shown from its first part: to be read once the
/// first screen is up (so that the two do not share a core), then being
/// read on a thread of its own.
pub enum Whole {
    ToRead(Box<crate::library::head::Opened>),
    Reading(Task<Library>),
}

impl App {
    /// Takes in the whole of a brief shown from its first part, when it is
    /// parsed (with `wait`, once it is). A whole that gave no brief (its
    /// file has errors) ends the reader: `Effect::Quit`, with the library
    /// kept in [`Self::unreadable`] for its problems to be told.
    pub(super) fn take_whole(&mut self, wait: bool) -> Effect {
        let lib = match self.whole.take() {
            None => return Effect::None,
            Some(Whole::ToRead(opened)) if wait => opened.whole(),
            Some(Whole::Reading(task)) => match task.poll(wait) {
                Poll::Pending => {
                    self.whole = Some(Whole::Reading(task));
                    return Effect::None;
                }
                Poll::Ready(lib) => lib,
                // The thread died: the file is read again here.
                Poll::Failed => crate::library::head::Opened::read(&self.watch).whole(),
            },
            Some(to_read) => {
                self.whole = Some(to_read);
                return Effect::None;
            }
        };
        self.whole = None;
        self.dirty = true;
        if lib.briefs.is_empty() {
            self.unreadable = Some(lib);
            return Effect::Quit;
        }
        self.desk.adopt_whole(lib);
        self.say_load_problems();
        Effect::None
    }

    /// Starts reading the whole of a file shown from its first part, on a
    /// thread of its own (here, if none starts).
    pub(super) fn read_whole(&mut self) -> Effect {
        let Some(Whole::ToRead(opened)) = self.whole.take() else {
            return Effect::None;
        };
        let slot = Arc::new(std::sync::Mutex::new(Some(*opened)));
        let theirs = Arc::clone(&slot);
        let task = Task::spawn("briefing-whole", move |_| {
            Some(theirs.lock().ok()?.take()?.whole())
        });
        if let Some(task) = task {
            self.whole = Some(Whole::Reading(task));
        } else if let Some(opened) = slot.lock().ok().and_then(|mut o| o.take()) {
            self.whole = Some(Whole::ToRead(Box::new(opened)));
            return self.take_whole(true);
        }
        Effect::None
    }
}
