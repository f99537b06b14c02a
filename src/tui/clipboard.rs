//! Copying text out of the reader: an OSC 52 sequence to the terminal
//! (which puts it on the clipboard of the machine the terminal runs on,
//! even over ssh), passed through tmux when inside it, and the system
//! clipboard where a display is at hand. A terminal that takes neither
//! loses only the copy: nothing here fails loudly.

use std::io::{self, Write};

use ratatui::crossterm::Command;
use ratatui::crossterm::clipboard::CopyToClipboard;

/// The OSC 52 sequence that puts `text` on the clipboard (`c`), its bytes
/// base64-encoded, so none of them can drive the terminal.
pub fn osc52(text: &str) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = CopyToClipboard::to_clipboard_from(text).write_ansi(&mut out);
    out
}

/// `seq` wrapped for tmux's passthrough (`ESC P tmux; ... ESC \`, every
/// ESC inside doubled), so tmux hands it to the terminal it runs in.
pub fn tmux_passthrough(seq: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", seq.replace('\x1b', "\x1b\x1b"))
}

/// What to write to the terminal to copy `text`. Inside tmux (`in_tmux`)
/// the plain sequence is for tmux itself (with `set-clipboard on` it
/// fills a buffer and tells the outer terminal), and the wrapped one for
/// the outer terminal when tmux allows passthrough instead.
pub fn sequences(text: &str, in_tmux: bool) -> String {
    let plain = osc52(text);
    if in_tmux {
        let wrapped = tmux_passthrough(&plain);
        plain + &wrapped
    } else {
        plain
    }
}

/// The clipboards of the running reader. The system clipboard is opened on
/// the first copy and kept open: on X11 the copied text lives only as long
/// as its owner.
#[derive(Default)]
pub struct Clipboard {
    system: Option<arboard::Clipboard>,
    tried_system: bool,
}

impl Clipboard {
    /// Copies `text` through every way there is; says nothing if none works.
    pub fn copy(&mut self, text: &str) {
        let in_tmux = std::env::var_os("TMUX").is_some_and(|v| !v.is_empty());
        let mut out = io::stdout();
        let _ = out.write_all(sequences(text, in_tmux).as_bytes());
        let _ = out.flush();
        if let Some(system) = self.system() {
            let _ = system.set_text(text);
        }
    }

    fn system(&mut self) -> Option<&mut arboard::Clipboard> {
        if !self.tried_system {
            self.tried_system = true;
            if has_display() {
                self.system = arboard::Clipboard::new().ok();
            }
        }
        self.system.as_mut()
    }
}

/// True when a graphical session is there to own a clipboard.
fn has_display() -> bool {
    if cfg!(any(target_os = "macos", windows)) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_the_base64_of_the_text_for_the_clipboard() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x1b\\");
        // Control bytes in the text travel encoded, never raw.
        let s = osc52("a\x1b[2Jb\u{7}");
        assert_eq!(s, "\x1b]52;c;YRtbMkpiBw==\x1b\\");
        assert_eq!(s.matches('\x1b').count(), 2);
        assert_eq!(osc52("60 %"), "\x1b]52;c;NjAgJQ==\x1b\\");
    }

    #[test]
    fn tmux_gets_the_sequence_plain_and_wrapped_with_its_escapes_doubled() {
        assert_eq!(
            tmux_passthrough("\x1b]52;c;aGk=\x1b\\"),
            "\x1bPtmux;\x1b\x1b]52;c;aGk=\x1b\x1b\\\x1b\\"
        );
        assert_eq!(sequences("hi", false), "\x1b]52;c;aGk=\x1b\\");
        assert_eq!(
            sequences("hi", true),
            "\x1b]52;c;aGk=\x1b\\\x1bPtmux;\x1b\x1b]52;c;aGk=\x1b\x1b\\\x1b\\"
        );
    }
}
