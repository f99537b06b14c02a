//! The outline: the library as a collapsible tree, library › brief › pillar ›
//! section.

use std::collections::HashSet;

use crate::library::Library;
use crate::model::{BriefIdx, SectionIdx, SectionRef};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Brief(BriefIdx),
    Section(SectionRef),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub node: Node,
    pub depth: u8,
    pub has_children: bool,
    pub expanded: bool,
}

#[derive(Debug, Default)]
pub struct OutlineState {
    expanded_briefs: HashSet<BriefIdx>,
    expanded_sections: HashSet<SectionRef>,
    collapsed_briefs: HashSet<BriefIdx>,
    /// Sections on the way to the place being read that were closed by hand.
    collapsed_sections: HashSet<SectionRef>,
    /// The cursor row while the outline has focus.
    pub cursor: usize,
    /// The first row shown.
    pub offset: usize,
}

impl OutlineState {
    /// The visible rows. The brief and pillar being read are always open
    /// (unless the reader collapsed that brief by hand).
    pub fn rows(&self, lib: &Library, current: SectionRef) -> Vec<Row> {
        let current_pillar = lib
            .brief(current.brief)
            .and_then(|b| b.pillar_of(current.section))
            .map(|p| SectionRef {
                brief: current.brief,
                section: p,
            });
        let mut rows = Vec::new();
        for (bi, b) in lib.briefs.iter().enumerate() {
            let bidx = BriefIdx(bi);
            let open = self.expanded_briefs.contains(&bidx)
                || (bidx == current.brief && !self.collapsed_briefs.contains(&bidx));
            rows.push(Row {
                node: Node::Brief(bidx),
                depth: 0,
                has_children: b.sections.count() > 1,
                expanded: open,
            });
            if !open {
                continue;
            }
            let mut stack: Vec<SectionIdx> = b.pillars().collect();
            stack.reverse();
            while let Some(s) = stack.pop() {
                let Some(sec) = b.section(s) else { continue };
                let r = SectionRef {
                    brief: bidx,
                    section: s,
                };
                let on_the_way = Some(r) == current_pillar
                    || (r.brief == current.brief && b.breadcrumb(current.section).contains(&s));
                let expanded = self.expanded_sections.contains(&r)
                    || (on_the_way && !self.collapsed_sections.contains(&r));
                rows.push(Row {
                    node: Node::Section(r),
                    depth: sec.depth,
                    has_children: !sec.children.is_empty(),
                    expanded,
                });
                if expanded {
                    stack.extend(sec.children.iter().rev());
                }
            }
        }
        rows
    }

    /// The row of the node being read: the deepest visible ancestor-or-self.
    pub fn current_row(&self, rows: &[Row], lib: &Library, current: SectionRef) -> Option<usize> {
        let chain = lib
            .brief(current.brief)
            .map(|b| b.breadcrumb(current.section))
            .unwrap_or_default();
        for s in chain.iter().rev() {
            let r = SectionRef {
                brief: current.brief,
                section: *s,
            };
            if let Some(i) = rows.iter().position(|row| row.node == Node::Section(r)) {
                return Some(i);
            }
        }
        rows.iter()
            .position(|row| row.node == Node::Brief(current.brief))
    }

    pub fn set_expanded(&mut self, node: Node, open: bool) {
        match node {
            Node::Brief(b) => {
                if open {
                    self.expanded_briefs.insert(b);
                    self.collapsed_briefs.remove(&b);
                } else {
                    self.expanded_briefs.remove(&b);
                    self.collapsed_briefs.insert(b);
                }
            }
            Node::Section(s) => {
                if open {
                    self.expanded_sections.insert(s);
                    self.collapsed_sections.remove(&s);
                } else {
                    self.expanded_sections.remove(&s);
                    self.collapsed_sections.insert(s);
                }
            }
        }
    }

    /// The same expansion over a reloaded library: briefs are matched by id
    /// and sections by anchor, so edits that renumber them keep what was
    /// open open.
    #[must_use]
    pub fn remap(&self, old: &Library, new: &Library) -> Self {
        let brief = |b: &BriefIdx| {
            let id = &old.brief(*b)?.meta.id;
            new.briefs
                .iter()
                .position(|x| &x.meta.id == id)
                .map(BriefIdx)
        };
        let section = |s: &SectionRef| {
            let anchor = &old.brief(s.brief)?.section(s.section)?.anchor;
            let b = brief(&s.brief)?;
            Some(SectionRef {
                brief: b,
                section: new.brief(b)?.section_by_anchor(anchor)?,
            })
        };
        Self {
            expanded_briefs: self.expanded_briefs.iter().filter_map(brief).collect(),
            expanded_sections: self.expanded_sections.iter().filter_map(section).collect(),
            collapsed_briefs: self.collapsed_briefs.iter().filter_map(brief).collect(),
            collapsed_sections: self.collapsed_sections.iter().filter_map(section).collect(),
            cursor: self.cursor,
            offset: self.offset,
        }
    }

    /// Keeps `row` within the `height` rows shown.
    pub fn scroll_to(&mut self, row: usize, height: usize) {
        let height = height.max(1);
        if row < self.offset {
            self.offset = row;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
    }
}
