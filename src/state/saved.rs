//! The saved state as one reader holds it: the state itself, the file it
//! goes to and the place this reader noted last.

use std::path::PathBuf;

use super::{Place, State};

/// The saved state and where it goes.
#[derive(Debug, Default)]
pub struct Saved {
    pub state: State,
    /// `None`: nothing is written (`--fresh`, or no state folder).
    pub path: Option<PathBuf>,
    /// The place this reader noted last: a place is noted again only when
    /// the reader moved, so a reader left idle does not take a brief's
    /// place back from one that read on and saved since.
    pub noted: Option<(String, Place)>,
    /// `--fresh`: nothing is kept after quitting, which a mark made now
    /// must say.
    pub fresh: bool,
}

impl Saved {
    /// The state kept at `path` (`None`: nothing is read or written), with
    /// a warning for the user when the file could not be read as it was.
    pub fn load(path: Option<PathBuf>) -> (Self, Option<String>) {
        let (state, warning) = path
            .as_deref()
            .map_or((State::default(), None), State::load);
        (
            Self {
                state,
                path,
                noted: None,
                fresh: false,
            },
            warning,
        )
    }
}
