//! The figure finder: type to rank every figure of the library, enter
//! to open one. Its query (the text field), hits and index are the reading
//! state's (`cx.finder`): the index is built in the background before the
//! finder first opens.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};

use super::list::{self, popup, put_marked, window};
use super::rowfit;
use super::{Command, LIST_COMMANDS};
use super::{Input, Outcome, View};
use crate::lookup::{FIELD_LABEL, FIELD_VALUE};
use crate::sanitize;
use crate::theme::Slot;
use crate::tui::action::Action;
use crate::tui::keymap::Mode;
use crate::tui::paint::cells;
use crate::tui::views::{Cx, Scene};
use unicode_width::UnicodeWidthStr;

const WIDTH: u16 = 120;
/// Columns kept right of the query for the count.
const COUNT_W: u16 = 12;

/// The view keeps nothing of its own: the query lives in the reading
/// state, so it is there when the finder opens again.
#[derive(Debug, Default)]
pub struct Finder;

impl View for Finder {
    fn mode(&self) -> Mode {
        Mode::Finder
    }

    fn opened_by(&self) -> Option<Action> {
        Some(Action::FindFigure)
    }

    /// An index still being built in the background is not waited for:
    /// the finder says so, takes what is typed, and ranks it when the
    /// index comes in (the app takes it in as time passes).
    fn open(&mut self, cx: &mut Cx<'_>) {
        cx.desk.finder.take_index(&cx.desk.lib, false);
        cx.finder.refresh();
    }

    fn handle(&mut self, cx: &mut Cx<'_>, input: Input) -> Outcome {
        let page = list::page(cx);
        let f = &mut cx.desk.finder;
        if let Some(changed) = f.field.edit(input) {
            if changed {
                f.refresh();
            }
            return Outcome::Consumed;
        }
        match input {
            Input::Act(a) if list::move_cursor(&mut f.cursor, f.hits.len(), a, page) => {}
            // Closing without opening a figure forgets the query.
            Input::Act(Action::Close) | Input::Click { .. } => {
                f.set_query("");
                return Outcome::Close;
            }
            Input::Act(Action::Open) => {
                if f.take_index(&cx.desk.lib, true) {
                    f.refresh();
                }
                f.settle();
                if let Some(hit) = f.hits.get(f.cursor).copied() {
                    cx.jump_to_figure(hit.figure);
                    return Outcome::Close;
                }
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn draw(&self, frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
        draw(frame, cx, area);
    }

    /// The caret in the query.
    fn cursor(&self, cx: &Scene<'_>, area: Rect) -> Option<Position> {
        let (x, y, width) = query_box(list::inner(list::popup_area(area, WIDTH)?));
        Some(Position {
            x: cx.finder.field.caret_x(x, width),
            y,
        })
    }

    fn commands(&self) -> &'static [Command] {
        LIST_COMMANDS
    }

    fn enabled(&self, cx: &Scene<'_>, a: Action) -> bool {
        a != Action::Open || !cx.finder.hits.is_empty()
    }

    fn reload(&mut self, cx: &mut Cx<'_>, open: bool) {
        if open {
            self.open(cx);
        }
    }
}

/// Where the query goes in the popup: column, row and width.
fn query_box(inner: Rect) -> (u16, u16, u16) {
    let x = inner.x + 2;
    (
        x,
        inner.y,
        inner.right().saturating_sub(COUNT_W).saturating_sub(x),
    )
}

fn draw(frame: &mut Frame<'_>, cx: &Scene<'_>, area: Rect) {
    let field = &cx.finder.field;
    let hint = |a| {
        cx.keymap
            .key_for(Mode::Finder, a)
            .unwrap_or_else(|| "?".into())
    };
    // Hits for a question no figure answers are only related.
    let no_answer = !cx.finder.hits.is_empty() && cx.finder.hits.iter().all(|h| !h.answer);
    let title = if no_answer {
        format!(
            "Find a figure — no answer, related figures below; {} to open, {} to close",
            hint(Action::Open),
            hint(Action::Close)
        )
    } else {
        format!(
            "Find a figure — #tag @brief, {} to open, {} to close",
            hint(Action::Open),
            hint(Action::Close)
        )
    };
    let Some(inner) = popup(frame, cx, area, &title, WIDTH) else {
        return;
    };
    let theme = &cx.theme;
    let f = &cx.finder;
    let total = f.index.as_ref().map_or(0, |i| i.entries.len());
    let count = if f.indexing() {
        "indexing…".to_owned()
    } else if f.pending() {
        format!("… {}/{total}", f.hits.len())
    } else {
        format!("{}/{total}", f.hits.len())
    };
    {
        let buf = frame.buffer_mut();
        cells::put(
            buf,
            inner.x,
            inner.y,
            inner.right(),
            "› ",
            theme.get(Slot::Marker),
        );
        let (x, y, width) = query_box(inner);
        field.draw(buf, x, y, width, theme.get(Slot::Body));
        let cw = u16::try_from(unicode_width::UnicodeWidthStr::width(count.as_str())).unwrap_or(0);
        cells::put(
            buf,
            inner.right().saturating_sub(cw),
            inner.y,
            inner.right(),
            &count,
            theme.get(Slot::Dim),
        );
    }
    let list_h = usize::from(inner.height.saturating_sub(2));
    // Each hit takes two lines (the figure, then where it is from) unless
    // every one fits whole on one.
    // The value column fits the longest value on screen (a number is
    // the answer: it is not cut while the label can give way), up to 24
    // columns or two fifths of the box.
    let widest = f
        .hits
        .iter()
        .take(LINES_CHECKED)
        .filter_map(|h| cx.lib.brief(h.figure.brief)?.figure(h.figure.figure))
        .map(|fig| UnicodeWidthStr::width(sanitize::line(&fig.value).as_ref()))
        .max()
        .unwrap_or(8);
    let vw = u16::try_from(widest.clamp(8, 24) + 1)
        .unwrap_or(24)
        .min(inner.width * 2 / 5);
    let room = usize::from(inner.width.saturating_sub(vw + 1));
    let lines = rowfit::lines(
        inner.width,
        room,
        f.hits.iter().take(LINES_CHECKED).filter_map(|hit| {
            let brief = cx.lib.brief(hit.figure.brief)?;
            let fig = brief.figure(hit.figure.figure)?;
            let cite = cite(brief, fig);
            Some((
                UnicodeWidthStr::width(sanitize::line(&fig.label).as_ref()),
                UnicodeWidthStr::width(cite.as_str()) + 2,
            ))
        }),
    );
    let per_page = (list_h / lines).max(1);
    // Answers, then a rule and the related figures: the rule takes a
    // row of the list, before the first related hit that follows answers.
    let rule_at = f.hits.iter().position(|h| !h.answer).filter(|&i| i > 0);
    let slot_of = |row: usize| row + usize::from(rule_at.is_some_and(|r| row >= r));
    let slots = f.hits.len() + usize::from(rule_at.is_some());
    let first = window(slot_of(f.cursor), per_page);
    let mut engine = f.highlighter.borrow_mut();
    let mark = theme.get(Slot::SearchMatch);
    for slot in (first..slots).take(per_page) {
        let top = (slot - first) * lines;
        if top + lines > list_h.max(lines) {
            break;
        }
        let row_y = inner.y + 2 + u16::try_from(top).unwrap_or(0);
        let row = match rule_at {
            Some(r) if slot == r => {
                let w = usize::from(inner.width.saturating_sub(10)).min(40);
                let rule = format!("── related {}", "─".repeat(w));
                cells::put(
                    frame.buffer_mut(),
                    inner.x,
                    row_y,
                    inner.right(),
                    &rule,
                    theme.get(Slot::Dim),
                );
                continue;
            }
            Some(r) if slot > r => slot - 1,
            _ => slot,
        };
        let Some(shown) = f.hits.get(row) else {
            continue;
        };
        let (Some(brief), Some(fig)) = (
            cx.lib.brief(shown.figure.brief),
            cx.lib
                .brief(shown.figure.brief)
                .and_then(|b| b.figure(shown.figure.figure)),
        ) else {
            continue;
        };
        let (hv, hl) = f
            .index
            .as_deref()
            .and_then(|i| Some((i, i.hit(shown)?)))
            .map_or((Vec::new(), Vec::new()), |(i, e)| {
                (
                    engine.indices(i, e, FIELD_VALUE, &f.shown),
                    engine.indices(i, e, FIELD_LABEL, &f.shown),
                )
            });
        let note = cx.conflicts.figure_note(&cx.lib, shown.figure);
        let value = sanitize::line(&fig.value);
        put_marked(
            frame,
            inner.x,
            row_y,
            inner.x + vw,
            &value,
            &hv,
            theme.get(Slot::FigureValue),
            mark,
        );
        // A disagreeing figure says so after its provenance.
        let cite = match &note {
            Some(n) => format!("{}  {n}", cite(brief, fig)),
            None => cite(brief, fig),
        };
        let label = sanitize::line(&fig.label);
        let label_x = inner.x + vw + 1;
        let room = usize::from(inner.right().saturating_sub(label_x));
        let (label_room, cite_x, cite_y) = if lines == 2 {
            // Under the value, so the most of it shows.
            (room, inner.x + 2, row_y + 1)
        } else {
            let (l, _) = rowfit::split(
                room,
                UnicodeWidthStr::width(label.as_ref()),
                UnicodeWidthStr::width(cite.as_str()) + 2,
            );
            let x = label_x + u16::try_from(l).unwrap_or(0);
            (l, x, row_y)
        };
        let end = put_marked(
            frame,
            label_x,
            row_y,
            label_x + u16::try_from(label_room).unwrap_or(0),
            &label,
            &hl,
            theme.get(Slot::FigureLabel),
            mark,
        );
        let (cite_x, cite) = if lines == 2 {
            (cite_x, cite)
        } else {
            (end.min(cite_x), format!("  {cite}"))
        };
        let buf = frame.buffer_mut();
        cells::put_truncated(
            buf,
            cite_x,
            cite_y,
            inner.right(),
            &cite,
            theme.get(Slot::Dim),
        );
        if row == f.cursor {
            for dy in 0..lines {
                let line_y = row_y + u16::try_from(dy).unwrap_or(0);
                cells::paint(
                    buf,
                    inner.x,
                    line_y,
                    inner.right(),
                    theme.get(Slot::Selection),
                );
            }
        }
    }
    if f.hits.is_empty() {
        let note = if f.indexing() {
            "Gathering the library's figures; what you type is kept."
        } else {
            "No figure matches."
        };
        let buf = frame.buffer_mut();
        cells::put(
            buf,
            inner.x,
            inner.y + 2,
            inner.right(),
            note,
            theme.get(Slot::Dim),
        );
    }
}

/// Hits looked at to choose between rows of one line and of two.
const LINES_CHECKED: usize = 200;

/// "Brief › Section · source · as of", sanitized.
fn cite(b: &crate::model::Brief, fig: &crate::model::Figure) -> String {
    let section = fig
        .section
        .and_then(|s| b.section(s))
        .map_or("", |s| s.title.as_str());
    let mut cite = format!("{} › {} · {}", b.meta.short_title, section, fig.source);
    if let Some(a) = &fig.as_of {
        cite.push_str(" · ");
        cite.push_str(a);
    }
    sanitize::line(&cite).into_owned()
}
