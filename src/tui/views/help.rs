//! The help: every key of every mode, generated from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Clear;

use super::{Input, Outcome, View};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Mode, keys_to_string};
use crate::tui::theme::Slot;
use crate::tui::ui::{cells, pane};

#[derive(Debug, Default)]
pub struct Help {
    scroll: usize,
}

impl View for Help {
    fn mode(&self) -> Mode {
        Mode::Help
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::Help)
    }

    fn open(&mut self, _app: &mut App) {
        self.scroll = 0;
    }

    fn handle(&mut self, app: &mut App, input: Input) -> Outcome {
        let step = usize::from(app.geometry.area.height / 2).max(1);
        let Input::Act(a) = input else {
            return match input {
                Input::Click { .. } => Outcome::Close,
                _ => Outcome::Ignored,
            };
        };
        self.scroll = match a {
            Action::Close | Action::Help => return Outcome::Close,
            Action::Down => self.scroll + 1,
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll + step,
            Action::PageUp => self.scroll.saturating_sub(step),
            _ => return Outcome::Ignored,
        };
        Outcome::Consumed
    }

    fn draw(&self, frame: &mut Frame<'_>, app: &App, area: Rect) {
        draw(frame, app, area, self.scroll);
    }
}

/// Lines of the help text: (keys, description) per mode, keys that share an
/// action joined.
pub fn help_lines(app: &App) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for mode in Mode::ALL {
        let mut grouped: Vec<(Action, Vec<String>)> = Vec::new();
        for (keys, action) in app.keymap.bindings(mode) {
            let k = keys_to_string(keys);
            match grouped.iter_mut().find(|(a, _)| a == action) {
                Some((_, ks)) => ks.push(k),
                None => grouped.push((*action, vec![k])),
            }
        }
        if grouped.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push((String::new(), String::new(), false));
        }
        let title = match mode {
            Mode::Global => "Everywhere",
            Mode::Reader => "Reading pane",
            Mode::Outline => "Outline",
            Mode::Panel => "Figures panel",
            Mode::Help => "This help",
            Mode::Finder => "Figure finder (type to search; #tag, @brief)",
            Mode::Search => "Search input",
            Mode::List => "Lists: timeline, compare, search results",
        };
        out.push((title.to_owned(), String::new(), true));
        // Nine pillar keys read better as one line.
        let pillars: Vec<String> = grouped
            .iter()
            .filter(|(a, _)| matches!(a, Action::Pillar(_)))
            .flat_map(|(_, k)| k.clone())
            .collect();
        for (a, ks) in &grouped {
            if let Action::Pillar(n) = a {
                if *n == 1 && pillars.len() > 1 {
                    out.push((
                        format!("{}–{}", pillars[0], pillars[pillars.len() - 1]),
                        "Jump to pillar N".into(),
                        false,
                    ));
                }
                if pillars.len() > 1 {
                    continue;
                }
            }
            out.push((ks.join(", "), a.description(), false));
        }
    }
    out.extend(crate::tui::marks::legend());
    out
}

fn draw(frame: &mut Frame<'_>, app: &App, area: Rect, scroll: usize) {
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.saturating_sub(2);
    if width < 10 || height < 4 {
        return;
    }
    let r = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height,
    };
    frame.render_widget(Clear, r);
    frame
        .buffer_mut()
        .set_style(r, app.theme.get(Slot::Background));
    pane(frame, app, r, "Keys — esc to close", true);
    let lines = help_lines(app);
    let inner_h = usize::from(height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(inner_h));
    let key_w = 16u16.min(width / 3);
    let theme = &app.theme;
    let buf = frame.buffer_mut();
    for (i, (keys, desc, heading)) in lines.iter().enumerate().skip(scroll).take(inner_h) {
        let y = r.y + 1 + u16::try_from(i - scroll).unwrap_or(0);
        let x = r.x + 2;
        if *heading {
            cells::put(buf, x, y, r.right() - 2, keys, theme.get(Slot::Heading2));
        } else {
            cells::put_truncated(
                buf,
                x,
                y,
                x + key_w,
                keys,
                theme
                    .get(Slot::StatusKey)
                    .patch(theme.get(Slot::Body))
                    .patch(
                        ratatui::style::Style::default()
                            .add_modifier(ratatui::style::Modifier::BOLD),
                    ),
            );
            cells::put_truncated(
                buf,
                x + key_w + 1,
                y,
                r.right() - 2,
                desc,
                theme.get(Slot::Body),
            );
        }
    }
}
