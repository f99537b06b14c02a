//! The bookmarks: open one, or delete it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::list::{self, SimpleRow, simple_list};
use super::{Command, Input, Outcome, View};
use crate::model::{BriefIdx, SectionIdx, SectionRef};
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::desk::Desk;
use crate::tui::keymap::Mode;
use crate::tui::views::{Cx, Scene};

/// A row of the bookmarks list, resolved against the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookmarkRow {
    pub title: String,
    /// Where it leads; `None` if its brief or section is gone.
    pub to: Option<SectionRef>,
}

/// The saved bookmarks, each with where it leads now.
pub fn rows(cx: &Desk) -> Vec<BookmarkRow> {
    cx.saved
        .state
        .bookmarks()
        .iter()
        .map(|m| {
            let to = cx
                .lib
                .briefs
                .iter()
                .position(|b| b.meta.id == m.brief)
                .and_then(|bi| {
                    let b = &cx.lib.briefs[bi];
                    let section = if m.section.is_empty() {
                        Some(SectionIdx(0))
                    } else {
                        b.section_by_anchor(&m.section)
                    };
                    Some(SectionRef {
                        brief: BriefIdx(bi),
                        section: section?,
                    })
                });
            BookmarkRow {
                title: m.title.clone(),
                to,
            }
        })
        .collect()
}

#[derive(Debug, Default)]
pub struct Bookmarks {
    cursor: usize,
}

impl View for Bookmarks {
    fn mode(&self) -> Mode {
        Mode::List
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Bookmarks)
    }

    fn open(&mut self, _cx: &mut Cx<'_>) {
        self.cursor = 0;
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let rows = rows(cx);
        if list::move_cursor(&mut self.cursor, rows.len(), a, list::page(cx)) {
            return Outcome::Consumed;
        }
        match a {
            Action::Close | Action::Collapse => return Outcome::Close,
            Action::Open => match rows.get(self.cursor) {
                Some(BookmarkRow { to: Some(to), .. }) => {
                    cx.go(*to);
                    return Outcome::Close;
                }
                Some(_) => {
                    cx.message = Some("that brief or section is no longer in the library".into());
                }
                None => {}
            },
            Action::Delete if self.cursor < rows.len() => {
                let gone = rows
                    .get(self.cursor)
                    .map(|r| r.title.clone())
                    .unwrap_or_default();
                cx.saved.state.remove_bookmark(self.cursor);
                self.cursor = self
                    .cursor
                    .min(cx.saved.state.bookmarks().len().saturating_sub(1));
                cx.message = Some(match cx.save_state() {
                    Ok(None) => format!("bookmark deleted: {gone}"),
                    Ok(Some(e)) | Err(e) => format!("bookmark deleted: {gone}; {e}"),
                });
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw(frame, cx, area, self.cursor);
    }

    fn commands(&self) -> &'static [Command] {
        COMMANDS
    }

    fn enabled(&self, cx: &Scene<'_>, a: Action) -> bool {
        !matches!(a, Action::Open | Action::Delete) || !cx.saved.state.bookmarks().is_empty()
    }

    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<Position> {
        list::row_cursor(area, 110, self.cursor, cx.saved.state.bookmarks().len())
    }
}

const COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "open",
    },
    Command {
        action: Action::Delete,
        label: "delete",
    },
    Command {
        action: Action::Close,
        label: "close",
    },
];

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect, cursor: usize) {
    let rows: Vec<SimpleRow> = rows(cx)
        .into_iter()
        .map(|r| SimpleRow {
            style: if r.to.is_some() {
                Slot::Body
            } else {
                Slot::Dim
            },
            after: if r.to.is_some() {
                String::new()
            } else {
                "  (no longer in the library)".into()
            },
            text: r.title,
        })
        .collect();
    let hint = |a| cx.keymap.key_for(Mode::List, a).unwrap_or_default();
    let title = format!(
        "Bookmarks — {} to open, {} to delete, {} to close",
        hint(Action::Open),
        hint(Action::Delete),
        hint(Action::Close)
    );
    let empty = format!(
        "No bookmarks yet: {} marks the section you are reading.",
        cx.keymap
            .key_for(Mode::Reader, Action::Bookmark)
            .unwrap_or_else(|| "the bookmark key".into())
    );
    simple_list(frame, cx, area, &title, &rows, cursor, &empty);
}
