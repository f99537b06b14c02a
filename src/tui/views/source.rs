//! A figure's source passage: the sentence(s) of the report where its value
//! stands, the value marked, with `file:line`. Found by the tracing that
//! `briefing check --sources` does ([`crate::trace`]); each brief's source
//! text is read once, the first time one of its figures is traced.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::list::{self, popup};
use super::{Command, Input, Outcome, View};
use crate::model::{BriefIdx, FigureRef};
use crate::sanitize;
use crate::theme::Slot;
use crate::trace::{self, SourceText};
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::views::{Cx, Scene};

/// The widest the view's box is.
const WIDTH: u16 = 90;

/// A brief's source text, or why there is none.
type Loaded = Result<(String, SourceText), String>;

/// What the view found for the figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// No folder of source texts was given.
    NoSources,
    /// The brief's source text could not be had.
    Unavailable(String),
    /// The value is not in the source text `file`.
    Missing { file: String },
    /// The passage, sanitized, with the value's byte range in it.
    Passage {
        file: String,
        line: usize,
        text: String,
        value: Range<usize>,
    },
}

#[derive(Default)]
pub struct Source {
    /// Source texts read so far, by brief.
    texts: HashMap<BriefIdx, Loaded>,
    figure: Option<FigureRef>,
    found: Option<Found>,
    scroll: usize,
}

impl Source {
    /// What was found for the figure shown.
    pub fn found(&self) -> Option<&Found> {
        self.found.as_ref()
    }

    /// The source text of brief `b`, read on first use.
    fn text(&mut self, cx: &Desk, b: BriefIdx) -> Option<&Loaded> {
        let dir = cx.outside.sources.as_deref()?;
        let brief = cx.lib.brief(b)?;
        Some(self.texts.entry(b).or_insert_with(|| {
            trace::source_of(brief, dir).map_err(|e| sanitize::line(&e.to_string()).into_owned())
        }))
    }

    fn find(&mut self, cx: &Desk, r: FigureRef) -> Found {
        let Some(value) = cx
            .lib
            .brief(r.brief)
            .and_then(|b| b.figure(r.figure))
            .map(|f| f.value.clone())
        else {
            return Found::Unavailable("no such figure".into());
        };
        match self.text(cx, r.brief) {
            None => Found::NoSources,
            Some(Err(e)) => Found::Unavailable(e.clone()),
            Some(Ok((file, src))) => {
                let file = sanitize::line(file).into_owned();
                match src.locate(&value) {
                    None => Found::Missing { file },
                    Some(p) => {
                        let (before, rest) = p.text.split_at(p.highlight.start);
                        let (hit, after) = rest.split_at(p.highlight.len());
                        let mut text = sanitize::line(before).into_owned();
                        let start = text.len();
                        text.push_str(&sanitize::line(hit));
                        let end = text.len();
                        text.push_str(&sanitize::line(after));
                        Found::Passage {
                            file,
                            line: p.line,
                            text,
                            value: start..end,
                        }
                    }
                }
            }
        }
    }
}

/// What the source passage offers: scrolling is implied; Enter, like Esc,
/// closes it.
const COMMANDS: &[Command] = &[
    Command {
        action: Action::Close,
        label: "close",
    },
    Command {
        action: Action::Quit,
        label: "quit",
    },
];

impl View for Source {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }

    fn open(&mut self, cx: &mut Cx<'_>) {
        self.scroll = 0;
        self.figure = cx.outside.traced;
        self.found = self.figure.map(|r| self.find(cx, r));
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let rows = self.rows(cx);
        match input {
            Input::Act(a) if list::move_cursor(&mut self.scroll, rows, a, 1) => Outcome::Consumed,
            Input::Wheel { down, .. } => {
                let step = if down { 3 } else { -3 };
                self.scroll = self
                    .scroll
                    .saturating_add_signed(step)
                    .min(rows.saturating_sub(1));
                Outcome::Consumed
            }
            Input::Act(Action::Close | Action::Collapse | Action::Open | Action::Back)
            | Input::Click { .. } => Outcome::Close,
            _ => Outcome::Ignored,
        }
    }

    fn status(&self, _cx: &Scene<'_>) -> Option<String> {
        Some("source passage — esc to close".into())
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        let Some(full) = list::popup_area(area, WIDTH) else {
            return;
        };
        let lines = self.lines(cx, usize::from(list::inner(full).width));
        // As tall as what it holds, within the screen.
        let tall = u16::try_from(lines.len())
            .unwrap_or(u16::MAX)
            .saturating_add(4);
        let area = Rect {
            height: area.height.min(tall.max(7)),
            ..area
        };
        let Some(inner) = popup(frame, cx, area, "Source passage — esc to close", WIDTH) else {
            return;
        };
        let buf = frame.buffer_mut();
        let scroll = self
            .scroll
            .min(lines.len().saturating_sub(usize::from(inner.height)));
        for (row, pieces) in lines
            .iter()
            .skip(scroll)
            .take(usize::from(inner.height))
            .enumerate()
        {
            let y = inner.y + u16::try_from(row).unwrap_or(0);
            let mut x = inner.x;
            for (text, slot) in pieces {
                x = cells::put(buf, x, y, inner.right(), text, cx.theme.get(*slot));
            }
        }
    }

    fn reload(&mut self, _cx: &mut Cx<'_>, _open: bool) {
        // Briefs may be renumbered or name another source text.
        self.texts.clear();
    }
}

/// A row of the view: pieces of text, each in a style.
type Row = Vec<(String, Slot)>;

impl Source {
    /// The view's rows at `width`.
    /// How far the view scrolls: one step per row past the first screen.
    fn rows(&self, cx: &Desk) -> usize {
        list::popup_area(cx.geometry.area, WIDTH).map_or(1, |r| {
            let inner = list::inner(r);
            self.lines(cx, usize::from(inner.width))
                .len()
                .saturating_sub(usize::from(inner.height))
                + 1
        })
    }

    fn lines(&self, cx: &Desk, width: usize) -> Vec<Row> {
        let mut out: Vec<Row> = Vec::new();
        let figure = self
            .figure
            .and_then(|r| Some((cx.lib.brief(r.brief)?, r.figure)))
            .and_then(|(b, i)| Some((b, b.figure(i)?)));
        let Some((brief, f)) = figure else {
            out.push(vec![("No figure selected.".into(), Slot::Dim)]);
            return out;
        };
        push_wrapped(
            &mut out,
            &sanitize::line(&f.value),
            Slot::FigureValue,
            width,
        );
        push_wrapped(
            &mut out,
            &sanitize::line(&f.label),
            Slot::FigureLabel,
            width,
        );
        let mut cite = format!("{} · {}", f.source, brief.meta.short_title);
        if let Some(a) = &f.as_of {
            cite = format!("{} · as of {a} · {}", f.source, brief.meta.short_title);
        }
        push_wrapped(&mut out, &sanitize::line(&cite), Slot::FigureSource, width);
        out.push(Vec::new());
        match &self.found {
            None => {}
            Some(Found::NoSources) => {
                for t in [
                    "No source texts were given, so the passage cannot be shown.",
                    "Start the reader with `briefing --sources DIR`, or set `sources = \"DIR\"` in config.toml: the folder of the reports the briefs were written from.",
                ] {
                    push_wrapped(&mut out, t, Slot::Body, width);
                }
            }
            Some(Found::Unavailable(e)) => {
                push_wrapped(
                    &mut out,
                    &format!("No source passage: {e}."),
                    Slot::Warning,
                    width,
                );
            }
            Some(Found::Missing { file }) => {
                let t = format!(
                    "“{}” was not found in {file}: check the figure against the report.",
                    sanitize::line(&f.value)
                );
                push_wrapped(&mut out, &t, Slot::Warning, width);
            }
            Some(Found::Passage {
                file,
                line,
                text,
                value,
            }) => {
                out.push(vec![(format!("{file}:{line}"), Slot::Title)]);
                out.push(Vec::new());
                for r in crate::layout::wrap_ranges(text, width.max(8)) {
                    out.push(marked(text, r, value));
                }
            }
        }
        out
    }
}

fn push_wrapped(out: &mut Vec<Row>, text: &str, slot: Slot, width: usize) {
    for r in crate::layout::wrap_ranges(text, width.max(8)) {
        out.push(vec![(text[r].to_owned(), slot)]);
    }
}

/// The line `r` of `text`, with the part inside `value` marked.
fn marked(text: &str, r: Range<usize>, value: &Range<usize>) -> Row {
    let cut = |at: usize| at.clamp(r.start, r.end);
    let (a, b) = (cut(value.start), cut(value.end));
    [
        (r.start..a, Slot::Body),
        (a..b, Slot::MentionHighlight),
        (b..r.end, Slot::Body),
    ]
    .into_iter()
    .filter(|(x, _)| !x.is_empty())
    .filter_map(|(x, s)| text.get(x).map(|t| (t.to_owned(), s)))
    .collect()
}
