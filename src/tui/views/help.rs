//! The help: every key of every mode, generated from the live keymap. It
//! scrolls with the usual keys, says where it is, wraps what does not fit,
//! and `/` filters it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Clear, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Command, Input, Outcome, View};
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::field::TextField;
use crate::tui::keymap::{Keymap, Mode};
use crate::tui::paint::{cells, pane};
use crate::tui::views::{Cx, Scene};

/// The widest the help box grows.
const MAX_WIDTH: u16 = 96;

const COMMANDS: &[Command] = &[
    Command {
        action: Action::Down,
        label: "scroll",
    },
    Command {
        action: Action::Search,
        label: "filter",
    },
    Command {
        action: Action::Close,
        label: "close",
    },
];

const FILTER_COMMANDS: &[Command] = &[
    Command {
        action: Action::Open,
        label: "keep filter",
    },
    Command {
        action: Action::Close,
        label: "clear filter",
    },
];

#[derive(Debug, Default)]
pub struct Help {
    scroll: usize,
    filter: TextField,
    /// True while the filter is being typed.
    filtering: bool,
}

impl View for Help {
    /// While the filter is typed, keys are looked up as in the search line.
    fn mode(&self) -> Mode {
        if self.filtering {
            Mode::Search
        } else {
            Mode::Help
        }
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Help)
    }

    fn open(&mut self, _cx: &mut Cx<'_>) {
        *self = Self::default();
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let Some(view) = self.layout(cx.keymap, cx.geometry.area) else {
            return match input {
                Input::Act(Action::Close | Action::Help) | Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        let height = usize::from(view.body.height);
        let last = view.rows.len().saturating_sub(height);
        if self.filtering {
            return self.filter_input(input);
        }
        let a = match input {
            Input::Act(a) => a,
            Input::Wheel { down, .. } => {
                if down {
                    Action::Down
                } else {
                    Action::Up
                }
            }
            Input::Click { .. } => return Outcome::Close,
            _ => return Outcome::Ignored,
        };
        let step = match input {
            Input::Wheel { .. } => 3,
            _ => 1,
        };
        let page = height.saturating_sub(1).max(1);
        self.scroll = match a {
            Action::Close | Action::Help => return Outcome::Close,
            Action::Search => {
                self.filtering = true;
                return Outcome::Consumed;
            }
            Action::Down => self.scroll + step,
            Action::Up => self.scroll.saturating_sub(step),
            Action::PageDown => self.scroll + page,
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::HalfPageDown => self.scroll + (height / 2).max(1),
            Action::HalfPageUp => self.scroll.saturating_sub((height / 2).max(1)),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return Outcome::Ignored,
        }
        .min(last);
        Outcome::Consumed
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        if let Some(view) = self.layout(cx.keymap, area) {
            self.draw_view(frame, cx, &view);
        }
    }

    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<ratatui::layout::Position> {
        let view = self.layout(cx.keymap, area).filter(|_| self.filtering)?;
        let (x, y, w) = view.filter?;
        Some(ratatui::layout::Position {
            x: self.filter.caret_x(x, w),
            y,
        })
    }

    fn commands(&self) -> &'static [Command] {
        if self.filtering {
            FILTER_COMMANDS
        } else {
            COMMANDS
        }
    }

    fn enabled(&self, cx: &Scene<'_>, a: Action) -> bool {
        a != Action::Down
            || self
                .layout(cx.keymap, cx.geometry.area)
                .is_some_and(|v| v.rows.len() > usize::from(v.body.height))
    }
}

impl Help {
    /// The filter being typed: Enter keeps it, Esc clears it.
    fn filter_input(&mut self, input: Input) -> Outcome {
        if let Some(changed) = self.filter.edit(input) {
            if changed {
                self.scroll = 0;
            }
            return Outcome::Consumed;
        }
        match input {
            Input::Act(Action::Open) => self.filtering = false,
            Input::Act(Action::Close) => {
                self.filter.set("");
                self.filtering = false;
                self.scroll = 0;
            }
            Input::Click { .. } => return Outcome::Close,
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn layout(&self, keymap: &Keymap, area: Rect) -> Option<HelpView> {
        let width = area.width.saturating_sub(4).min(MAX_WIDTH);
        let height = area.height.saturating_sub(2);
        if width < 16 || height < 5 {
            return None;
        }
        let frame = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + 1,
            width,
            height,
        };
        let mut body = Rect {
            x: frame.x + 2,
            y: frame.y + 1,
            width: width - 4,
            height: height - 2,
        };
        let filter = (self.filtering || !self.filter.value().is_empty()).then(|| {
            let line = (body.x + 2, body.y, body.width.saturating_sub(2));
            body.y += 1;
            body.height -= 1;
            line
        });
        let rows = rows(keymap, self.filter.value(), body.width);
        Some(HelpView {
            frame,
            body,
            filter,
            rows,
        })
    }

    fn draw_view(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, view: &HelpView) {
        let theme = &cx.theme;
        let r = view.frame;
        frame.render_widget(Clear, r);
        frame.buffer_mut().set_style(r, theme.get(Slot::Background));
        let key = |a| {
            cx.keymap
                .key_for(Mode::Help, a)
                .unwrap_or_else(|| "?".into())
        };
        let title = format!("Keys — {} to close", key(Action::Close));
        pane(frame, cx.theme, r, &title, true);
        let height = usize::from(view.body.height);
        let total = view.rows.len();
        let scroll = self.scroll.min(total.saturating_sub(height));
        let buf = frame.buffer_mut();
        if let Some((x, y, w)) = view.filter {
            cells::put(buf, x - 2, y, x, "/ ", theme.get(Slot::Marker));
            self.filter.draw(buf, x, y, w, theme.get(Slot::Body));
        }
        let keys_style = theme
            .get(Slot::StatusKey)
            .patch(theme.get(Slot::Body))
            .patch(Style::default().add_modifier(Modifier::BOLD));
        let b = view.body;
        for (i, row) in view.rows.iter().skip(scroll).take(height).enumerate() {
            let y = b.y + u16::try_from(i).unwrap_or(0);
            if row.heading {
                cells::put_truncated(buf, b.x, y, b.right(), &row.keys, theme.get(Slot::Heading2));
                continue;
            }
            cells::put_truncated(buf, b.x, y, b.x + row.key_w, &row.keys, keys_style);
            let dx = b.x + row.key_w + 1;
            cells::put_truncated(buf, dx, y, b.right(), &row.desc, theme.get(Slot::Body));
        }
        if total == 0 {
            cells::put(
                buf,
                b.x,
                b.y,
                b.right(),
                "No key matches.",
                theme.get(Slot::Dim),
            );
        }
        // Where it is: "12–33 of 95" on the bottom border, and a scrollbar.
        let place = if total > height {
            format!(
                " {}–{} of {total} ",
                scroll + 1,
                (scroll + height).min(total)
            )
        } else {
            format!(" all {total} ")
        };
        let pw = u16::try_from(place.chars().count()).unwrap_or(0);
        let px = r.right().saturating_sub(pw + 2);
        cells::put(
            buf,
            px,
            r.bottom() - 1,
            r.right(),
            &place,
            theme.get(Slot::Dim),
        );
        if total > height {
            let mut state = ScrollbarState::new(total - height)
                .position(scroll)
                .viewport_content_length(height);
            let bar = Rect {
                y: r.y + 1,
                height: r.height - 2,
                ..r
            };
            frame.render_stateful_widget(
                Scrollbar::new(ScrollbarOrientation::VerticalRight)
                    .begin_symbol(None)
                    .end_symbol(None)
                    .track_symbol(Some("│"))
                    .style(theme.get(Slot::BorderFocused)),
                bar,
                &mut state,
            );
        }
    }
}

/// The help laid out for one size.
struct HelpView {
    frame: Rect,
    /// Where the rows go.
    body: Rect,
    /// The filter's line (column, row, width), when it shows.
    filter: Option<(u16, u16, u16)>,
    rows: Vec<Row>,
}

mod rows;

pub use rows::help_lines;
use rows::{Row, rows};
