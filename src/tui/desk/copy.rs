//! `y` and `Y`: a figure, or the paragraph being read, with its citation
//! (`crate::cite`) in the configured format, handed to the event loop to
//! put on the clipboard. A paragraph is the brief's words, so it goes out
//! as a paraphrase; with the source texts at hand, `Y` offers the source's
//! own passage for it instead, the one thing put in quotation marks.

use super::{Desk, Focus};
use crate::cite;
use crate::doc::{BlockKind, Role};
use crate::model::{FigureIdx, FigureRef, SectionIdx};
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
            Some(Role::Mention(m)) => brief.mentions().get(m as usize).and_then(|m| m.figure),
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
    /// the top of the pane down to its bottom; with its section and the
    /// figures it mentions.
    pub fn paragraph_to_copy(&mut self) -> Option<(SectionIdx, String, Vec<FigureIdx>)> {
        let layout = &self.reader.layout;
        let line = self
            .reader
            .selected
            .and_then(|s| layout.targets().iter().find(|t| t.role == s))
            .map_or(self.reader.top, |t| t.line);
        let bottom = (self.reader.top + self.reader.height.max(1)).min(layout.len());
        let first = layout.block_of(line);
        let last = layout.block_of(bottom.saturating_sub(1).max(line));
        let at = self.reader.brief;
        let brief = self.lib.brief(at);
        let doc = self.reader.doc(&self.lib, at);
        doc.blocks
            .get(first..=last.max(first))?
            .iter()
            .find_map(|b| match &b.kind {
                BlockKind::Paragraph(t) if !t.is_blank() => {
                    let figures = t
                        .runs
                        .iter()
                        .filter_map(|(_, st)| match st.role {
                            Role::Mention(m) => {
                                brief?.mentions().get(m as usize).and_then(|m| m.figure)
                            }
                            _ => None,
                        })
                        .collect();
                    Some((b.section, t.text.clone(), figures))
                }
                BlockKind::Code { text } if !text.trim().is_empty() => {
                    Some((b.section, text.clone(), Vec::new()))
                }
                _ => None,
            })
    }

    /// The source's own words for a paragraph, when the source texts are
    /// given and hold them: the passage where one of its figures' values
    /// stands, else the sentence it restates.
    fn source_words(
        &self,
        text: &str,
        figures: &[FigureIdx],
    ) -> Option<(String, cite::SourceLine)> {
        let dir = self.outside.sources.as_deref()?;
        let brief = self.lib.brief(self.reader.brief)?;
        let (file, src) = crate::trace::source_of(brief, dir).ok()?;
        let values: Vec<&str> = figures
            .iter()
            .filter_map(|&f| brief.figure(f).map(|f| f.value.as_str()))
            .collect();
        let q = src.quote(&values, text)?;
        Some((q.text, cite::SourceLine { file, line: q.line }))
    }

    pub(super) fn copy_paragraph(&mut self) -> Effect {
        let Some((section, text, figures)) = self.paragraph_to_copy() else {
            self.message = Some("no paragraph here to copy".into());
            return Effect::None;
        };
        let quoted = self.source_words(&text, &figures);
        let Some(brief) = self.lib.brief(self.reader.brief) else {
            return Effect::None;
        };
        let c = if let Some((words, at)) = quoted {
            let c = cite::quotation(brief, section, &words, at);
            self.message = Some(format!(
                "Copied the source's words \"{}\" ({}:{}) with its citation",
                said(&c.value),
                sanitize::line(c.source_line.as_ref().map_or("", |l| l.file.as_str())),
                c.source_line.as_ref().map_or(0, |l| l.line)
            ));
            c
        } else {
            let c = cite::passage(brief, section, &text);
            self.message = Some(format!(
                "Copied the paragraph \"{}\" as a paraphrase with its citation",
                said(&c.value)
            ));
            c
        };
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
