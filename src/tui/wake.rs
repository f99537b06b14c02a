//! Waking the event loop from another thread.
//!
//! The loop sleeps in crossterm's `poll` until something happens. That
//! poll watches the terminal and SIGWINCH (the terminal was resized), and
//! crossterm offers no other way in short of its async event stream. So a
//! thread with news for the loop (a worker done, a file changed, a stop
//! signal) raises SIGWINCH: the poll returns a resize, which the loop takes
//! as a wake-up and, when the size is the one it has, draws nothing for.
//! Where no one listens for SIGWINCH (the command line, tests) it is
//! ignored, as it is by default.

/// Wakes the event loop if it is asleep; harmless if it is not.
pub fn wake() {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}
