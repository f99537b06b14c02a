//! Moving through the library: pane actions, pillars, links, figures.

use super::{Desk, Focus};
use crate::doc::Role;
use crate::model::{BriefIdx, FigureRef, SectionIdx, SectionRef};
use crate::tui::action::Action;
use crate::tui::msg::Layer;
use crate::tui::outline::Node;
use crate::tui::panel::{self, Item};

impl Desk {
    fn page(&self) -> isize {
        isize::try_from(self.reader.height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    pub(super) fn reader_act(&mut self, a: Action) {
        let page = self.page();
        match a {
            Action::Down => self.reader.scroll(1),
            Action::Up => self.reader.scroll(-1),
            Action::PageDown => self.reader.scroll(page),
            Action::PageUp => self.reader.scroll(-page),
            Action::HalfPageDown => self.reader.scroll(page / 2),
            Action::HalfPageUp => self.reader.scroll(-page / 2),
            Action::Top => self.reader.scroll(isize::MIN / 2),
            Action::Bottom => self.reader.to_end(&self.lib),
            Action::NextLink if !self.reader.cycle_link(true) => {
                self.message = Some("no more links below".into());
            }
            Action::PrevLink if !self.reader.cycle_link(false) => {
                self.message = Some("no more links above".into());
            }
            Action::NextTerm if !self.reader.cycle_term(true) => {
                self.message = Some("no more glossary terms below".into());
            }
            Action::PrevTerm if !self.reader.cycle_term(false) => {
                self.message = Some("no more glossary terms above".into());
            }
            Action::Open => self.open_selected(),
            Action::ScrollRight | Action::ScrollLeft => {
                let step = if a == Action::ScrollRight { 8 } else { -8 };
                if !self.reader.scroll_sideways(step) {
                    self.message = Some("nothing wide on screen to scroll sideways".into());
                }
            }
            _ => {}
        }
    }

    /// Enter in the reader: follow the selected link, or show the selected
    /// figure in the panel.
    fn open_selected(&mut self) {
        let Some(sel) = self.reader.selected else {
            self.message = Some("select a link first (l / h)".into());
            return;
        };
        match sel {
            Role::Link(i) => self.follow_link(self.reader.brief, i as usize),
            Role::FootnoteRef(n) => {
                self.reader.finish();
                if self.reader.layout.footnote_line(n).is_some() {
                    self.remember();
                    self.reader.show_footnote(n);
                } else {
                    self.message = Some("this footnote has no text".into());
                }
            }
            Role::Mention(m) => {
                self.reader.highlight = Some(sel);
                if !self.panel_visible() {
                    self.show_side(Focus::Panel, true);
                }
                let items = panel::items(&self.lib, &self.reader);
                if let Some(i) = items
                    .iter()
                    .position(|it| matches!(it, Item::Figure { mention, .. } if *mention == m))
                {
                    self.panel.cursor = i;
                    self.focus = Focus::Panel;
                }
            }
            Role::Term { term, .. } => self.ask(Layer::Glossary(usize::from(term))),
            _ => {}
        }
    }

    /// Follows link `i` of brief `b`: a section of the library, or for
    /// outside addresses, a message (never a shell).
    pub(super) fn follow_link(&mut self, b: BriefIdx, i: usize) {
        let Some(link) = self.lib.brief(b).and_then(|x| x.links.get(i)) else {
            return;
        };
        match (link.resolved, &link.target) {
            (Some(to), _) => {
                self.go(to);
                self.focus = if self.geometry.reader.is_some() {
                    Focus::Reader
                } else {
                    self.focus
                };
            }
            (None, crate::model::LinkTarget::External(url)) => {
                let url = url.clone();
                self.ask_open(&url);
            }
            (None, _) => self.message = Some("this link goes nowhere in the library".into()),
        }
    }

    pub(super) fn outline_act(&mut self, a: Action) {
        let rows = self.outline.rows(&self.lib, self.current());
        let h = self
            .geometry
            .outline
            .map_or(1, |r| usize::from(r.height.saturating_sub(2)));
        let last = rows.len().saturating_sub(1);
        let cursor = self.outline.cursor.min(last);
        let row = rows.get(cursor).copied();
        match a {
            Action::Down => self.outline.cursor = (cursor + 1).min(last),
            Action::Up => self.outline.cursor = cursor.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => self.outline.cursor = (cursor + h).min(last),
            Action::PageUp | Action::HalfPageUp => self.outline.cursor = cursor.saturating_sub(h),
            Action::Top => self.outline.cursor = 0,
            Action::Bottom => self.outline.cursor = last,
            Action::Expand => {
                if let Some(r) = row {
                    if r.has_children && !r.expanded {
                        self.outline.set_expanded(r.node, true);
                    } else if r.expanded {
                        self.outline.cursor = (cursor + 1).min(last);
                    }
                }
            }
            Action::Collapse => {
                if let Some(r) = row {
                    // An open node closes; from inside one, the node
                    // holding the cursor closes and takes the cursor.
                    if r.expanded {
                        self.outline.set_expanded(r.node, false);
                    } else if let Some(parent) =
                        rows[..cursor].iter().rposition(|p| p.depth < r.depth)
                    {
                        self.outline.set_expanded(rows[parent].node, false);
                        self.outline.cursor = parent;
                    }
                }
            }
            Action::Open => {
                if let Some(r) = row {
                    self.outline.set_expanded(r.node, true);
                    match r.node {
                        // Another brief opens where it was left.
                        Node::Brief(b) if b != self.reader.brief => {
                            self.remember();
                            self.open_saved(b);
                        }
                        Node::Brief(b) => self.go(SectionRef {
                            brief: b,
                            section: SectionIdx(0),
                        }),
                        Node::Section(s) => self.go(s),
                    }
                    self.outline.cursor = cursor;
                    if self.geometry.area.width < crate::tui::geometry::NARROW {
                        self.show_outline = Some(false);
                        self.resize(self.geometry.area);
                        self.focus = Focus::Reader;
                    }
                }
            }
            _ => {}
        }
        let rows_len = self.outline.rows(&self.lib, self.current()).len();
        self.outline.cursor = self.outline.cursor.min(rows_len.saturating_sub(1));
        self.outline.scroll_to(self.outline.cursor, h);
    }

    pub(super) fn panel_act(&mut self, a: Action) {
        let items = panel::items(&self.lib, &self.reader);
        let last = items.len().saturating_sub(1);
        let cursor = self.panel.cursor.min(last);
        match a {
            Action::Down => self.panel.cursor = (cursor + 1).min(last),
            Action::Up => self.panel.cursor = cursor.saturating_sub(1),
            Action::Top => self.panel.cursor = 0,
            Action::Bottom => self.panel.cursor = last,
            Action::Open => {
                if let Some(item) = items.get(cursor).copied() {
                    self.open_item(item);
                }
            }
            _ => {}
        }
    }

    pub(super) fn open_item(&mut self, item: Item) {
        match item {
            Item::Figure { figure, mention } => {
                self.remember();
                self.reader.show_mention(mention);
                self.trace(figure);
            }
            Item::Out { link, .. } => self.follow_link(self.reader.brief, link),
            Item::In { from, link } => {
                // Land on the passage that links here.
                self.go(from);
                if self.lib.brief(from.brief).is_some() {
                    self.reader.selected = Some(Role::Link(link as u32));
                    if let Some(t) = self
                        .reader
                        .layout
                        .targets()
                        .iter()
                        .find(|t| t.role == Role::Link(link as u32))
                    {
                        let line = t.line;
                        self.reader.ensure_visible(line);
                    }
                }
            }
        }
        self.panel.cursor = 0;
    }

    /// Opens a figure's passage with the figure highlighted.
    pub fn jump_to_figure(&mut self, r: FigureRef) {
        let Some(m) = self
            .lib
            .brief(r.brief)
            .and_then(|b| b.mentions().iter().position(|m| m.figure == Some(r.figure)))
        else {
            return;
        };
        self.remember();
        self.reader.open_brief(&self.lib, r.brief);
        self.reader.show_mention(u32::try_from(m).unwrap_or(0));
        if self.geometry.reader.is_some() {
            self.focus = Focus::Reader;
        }
        self.outline_follow();
    }

    /// `]` / `[`: the next or previous pillar, crossing into the next or
    /// previous brief at the ends.
    pub(super) fn next_pillar(&mut self, forward: bool) {
        let cur = self.current();
        let Some(brief) = self.lib.brief(cur.brief) else {
            return;
        };
        let pillars: Vec<SectionIdx> = brief.pillars().collect();
        let here = brief.pillar_of(cur.section);
        let target = if forward {
            match here {
                None => pillars.first().copied(),
                Some(p) => pillars.iter().copied().find(|q| *q > p),
            }
        } else {
            match here {
                // Inside a pillar but below its heading: back to its start.
                Some(p) if self.reader.top > self.reader.layout.section_line(p) => Some(p),
                // Before the first pillar, the brief's title block, as
                // `]` stops at it coming the other way.
                Some(p) => pillars
                    .iter()
                    .rev()
                    .copied()
                    .find(|q| *q < p)
                    .or_else(|| (self.reader.top > 0).then_some(SectionIdx(0))),
                None => (self.reader.top > 0).then_some(SectionIdx(0)),
            }
        };
        if let Some(section) = target {
            self.reader.go_section(
                &self.lib,
                SectionRef {
                    brief: cur.brief,
                    section,
                },
            );
        } else {
            let n = self.lib.briefs.len();
            let next = if forward {
                cur.brief.0 + 1
            } else {
                cur.brief.0.wrapping_sub(1)
            };
            if next >= n {
                self.message = Some(
                    if forward {
                        "last pillar of the library"
                    } else {
                        "first pillar of the library"
                    }
                    .into(),
                );
                return;
            }
            let b = BriefIdx(next);
            let section = if forward {
                SectionIdx(0)
            } else {
                self.lib
                    .brief(b)
                    .and_then(|x| x.pillars().last())
                    .unwrap_or(SectionIdx(0))
            };
            self.reader
                .go_section(&self.lib, SectionRef { brief: b, section });
        }
        self.outline_follow();
    }

    pub(super) fn pillar(&mut self, n: u8) {
        let cur = self.current();
        let Some(p) = self
            .lib
            .brief(cur.brief)
            .and_then(|b| b.pillars().nth(usize::from(n).saturating_sub(1)))
        else {
            self.message = Some(format!("this brief has no pillar {n}"));
            return;
        };
        self.go(SectionRef {
            brief: cur.brief,
            section: p,
        });
    }
}
