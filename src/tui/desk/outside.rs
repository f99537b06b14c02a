//! What the reader hands to the world outside it: a figure's source
//! passage (the source texts are read from a folder), a link opened in the
//! browser after a one-key question, the brief opened in the user's
//! editor. The app only decides; the event loop launches
//! ([`crate::tui::launch`]).

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::Desk;
use crate::model::{FigureIdx, FigureRef, Origin};
use crate::tui::msg::{Effect, Layer, Msg};

pub use crate::tui::msg::Launch;

#[derive(Debug, Default)]
pub struct Outside {
    /// The folder of the briefs' source texts (`--sources`, `sources =`).
    pub sources: Option<PathBuf>,
    /// Draw links as OSC 8 hyperlinks (`hyperlinks = true`).
    pub hyperlinks: bool,
    /// The figure whose source passage the source view shows.
    pub traced: Option<FigureRef>,
    /// The address waiting for a yes.
    ask: Option<String>,
}

/// True for an address that may be shown, opened and linked as it is: no
/// control characters, no blanks (a terminal or an opener could read them
/// as the end of it).
pub fn safe_url(url: &str) -> bool {
    !url.is_empty() && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// `s` cut in the middle to at most `max` characters (never below 12).
fn elide(s: &str, max: usize) -> String {
    let n = s.chars().count();
    let max = max.max(12);
    if n <= max {
        return s.to_owned();
    }
    let head = (max - 1) * 2 / 3;
    let tail = max - 1 - head;
    let mut out: String = s.chars().take(head).collect();
    out.push('…');
    out.extend(s.chars().skip(n - tail));
    out
}

impl Desk {
    /// Asks, in the status bar, before opening `url` in the browser.
    pub fn ask_open(&mut self, url: &str) {
        if !safe_url(url) {
            self.message = Some(format!(
                "not opened: the address has control characters or blanks: {}",
                crate::sanitize::line(url)
            ));
            return;
        }
        // The question must fit the status bar beside one hint: a long
        // address gives way, and on a narrow screen the words too.
        let width = usize::from(self.geometry.area.width);
        self.message = Some(if width < 60 {
            format!("Open {}? y/n", elide(url, width.saturating_sub(21)))
        } else {
            format!(
                "Open {} in your browser? y/n",
                elide(url, width.saturating_sub(40))
            )
        });
        self.outside.ask = Some(url.to_owned());
    }

    /// The answer to a pending question: `y` launches, any other key says
    /// no (and is spent on it); a click or another action says no and goes
    /// on. `None` lets the message through.
    pub fn answer(&mut self, msg: &Msg) -> Option<Effect> {
        self.outside.ask.as_ref()?;
        let url = match msg {
            Msg::Resize(_) | Msg::Tick(_) | Msg::FirstScreen | Msg::FilesChanged | Msg::Said(_) => {
                return None;
            }
            Msg::Key(k) => self.outside.ask.take().filter(|_| {
                matches!(k.code, KeyCode::Char('y' | 'Y'))
                    && !k
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            }),
            Msg::Act(_) | Msg::Click { .. } | Msg::Wheel { .. } => {
                self.outside.ask = None;
                self.message = None;
                return None;
            }
        };
        if let Some(url) = url {
            self.message = Some(format!("opening {url}"));
            Some(Effect::Launch(Launch::Url(url)))
        } else {
            self.message = Some("not opened".into());
            Some(Effect::None)
        }
    }

    /// `e`: the brief being read, in the user's editor at the line at the
    /// top of the reader.
    pub(super) fn edit(&mut self) -> Effect {
        let b = self.reader.brief;
        let Some(brief) = self.lib.brief(b) else {
            return Effect::None;
        };
        let Origin::File { path, .. } = &brief.source.origin else {
            self.message =
                Some("an embedded brief cannot be edited: open a folder of briefs to edit".into());
            return Effect::None;
        };
        let path = path.clone();
        let block = self.reader.layout.block_of(self.reader.top);
        let top = self
            .reader
            .doc(&self.lib, b)
            .blocks
            .get(block)
            .map(|x| x.offset);
        // A section jumped to near the end of a short brief sits below the
        // top of the pane: the status bar names it, so it is the place.
        let section = self.reader.section();
        let heading = brief
            .section(section)
            .filter(|_| section.0 > 0)
            .map(|s| s.heading.start);
        let offset = match (top, heading) {
            (Some(t), Some(h)) => Some(t.max(h)),
            (t, h) => t.or(h),
        };
        let line = offset.map_or(1, |o| brief.source.pos(o).line);
        Effect::Launch(Launch::Edit { path, line })
    }

    /// Enter on a figure in the panel: its source passage.
    pub(super) fn trace(&mut self, figure: FigureIdx) {
        self.outside.traced = Some(FigureRef {
            brief: self.reader.brief,
            figure,
        });
        self.ask(Layer::Source);
    }
}
