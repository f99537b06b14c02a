//! `y` and `Y`: a figure, or the paragraph being read, with its citation
//! (`crate::cite`) in the configured format, handed to the event loop to
//! put on the clipboard.

use super::{Desk, Focus};
use crate::cite;
use crate::doc::{BlockKind, Role};
use crate::model::{FigureRef, SectionIdx};
use crate::sanitize;
use crate::tui::msg::Effect;
use crate::tui::panel::{self, Item};

/// How much of a copied value the status bar repeats.
const SAID: usize = 40;

impl Desk {
    /// The figure `y` copies: the one selected in the panel (when it has
    /// the focus) or in the text, else the panel's first.
    pub fn figure_to_copy(&self) -> Option<FigureRef> {
        let brief = self.lib.brief(self.reader.brief)?;
        let items = panel::items(&self.lib, &self.reader);
        let at = |it: Option<&Item>| match it {
            Some(Item::Figure { figure, .. }) => Some(*figure),
            _ => None,
        };
        let in_panel = (self.focus == Focus::Panel)
            .then(|| at(items.get(self.panel.cursor)))
            .flatten();
        // Selected in the text, or the figure just jumped to (the finder,
        // the panel) that the text highlights.
        let in_text = match self.reader.selected.or(self.reader.highlight) {
            Some(Role::Mention(m)) => brief.mentions.get(m as usize).and_then(|m| m.figure),
            _ => None,
        };
        let figure = in_panel
            .or(in_text)
            .or_else(|| items.iter().find_map(|it| at(Some(it))))?;
        Some(FigureRef {
            brief: self.reader.brief,
            figure,
        })
    }

    pub(super) fn copy_figure(&mut self) -> Effect {
        let Some(c) = self
            .figure_to_copy()
            .and_then(|r| cite::figure(&self.lib, r))
        else {
            self.message = Some("no figure here to copy".into());
            return Effect::None;
        };
        self.message = Some(format!("Copied {} with its citation", said(&c.value)));
        Effect::Clipboard(c.render(self.citation))
    }

    /// The paragraph `Y` copies: the selection's, else the first one from
    /// the top of the pane down to its bottom; with its section.
    pub fn paragraph_to_copy(&mut self) -> Option<(SectionIdx, String)> {
        let layout = &self.reader.layout;
        let line = self
            .reader
            .selected
            .and_then(|s| layout.targets().iter().find(|t| t.role == s))
            .map_or(self.reader.top, |t| t.line);
        let bottom = (self.reader.top + self.reader.height.max(1)).min(layout.len());
        let first = layout.block_of(line);
        let last = layout.block_of(bottom.saturating_sub(1).max(line));
        let doc = self.reader.doc(&self.lib, self.reader.brief);
        doc.blocks
            .get(first..=last.max(first))?
            .iter()
            .find_map(|b| match &b.kind {
                BlockKind::Paragraph(t) if !t.is_blank() => Some((b.section, t.text.clone())),
                BlockKind::Code { text } if !text.trim().is_empty() => {
                    Some((b.section, text.clone()))
                }
                _ => None,
            })
    }

    pub(super) fn copy_paragraph(&mut self) -> Effect {
        let Some((section, text)) = self.paragraph_to_copy() else {
            self.message = Some("no paragraph here to copy".into());
            return Effect::None;
        };
        let Some(brief) = self.lib.brief(self.reader.brief) else {
            return Effect::None;
        };
        let c = cite::passage(brief, section, &text);
        self.message = Some(format!(
            "Copied the paragraph \"{}\" with its citation",
            said(&c.value)
        ));
        Effect::Clipboard(c.render(self.citation))
    }
}

/// `s` cut to a few words for the status bar.
fn said(s: &str) -> String {
    let s = sanitize::line(s);
    if s.chars().count() <= SAID {
        return s.into_owned();
    }
    let cut: String = s.chars().take(SAID - 1).collect();
    format!("{}…", cut.trim_end())
}
