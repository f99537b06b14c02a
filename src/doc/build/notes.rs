//! Footnotes: numbered in the order their labels first appear, and each
//! note moved to the end of the section that first refers to it, so it is
//! read where it is needed rather than at the end of the brief.

use std::collections::HashMap;
use std::ops::Range;

use crate::doc::{Block, Doc};
use crate::model::SectionIdx;

#[derive(Debug, Default)]
pub(super) struct Notes {
    numbers: HashMap<String, u32>,
    /// Per footnote: the section of its first reference.
    first_ref: Vec<Option<SectionIdx>>,
    /// The blocks of each definition, by footnote.
    defs: Vec<(u32, Range<usize>)>,
    open: Option<(u32, usize)>,
}

impl Notes {
    fn number(&mut self, label: &str) -> u32 {
        let next = u32::try_from(self.first_ref.len()).unwrap_or(u32::MAX);
        let n = *self.numbers.entry(label.to_owned()).or_insert(next);
        if n == next {
            self.first_ref.push(None);
        }
        n
    }

    /// A reference to `label` in `section`; its footnote's number.
    pub fn reference(&mut self, label: &str, section: SectionIdx) -> u32 {
        let n = self.number(label);
        if let Some(slot @ None) = self.first_ref.get_mut(n as usize) {
            *slot = Some(section);
        }
        n
    }

    /// The definition of `label` starts with block `start`; its number.
    pub fn define(&mut self, label: &str, start: usize) -> u32 {
        let n = self.number(label);
        self.open = Some((n, start));
        n
    }

    /// The definition being read ends before block `end`.
    pub fn end(&mut self, end: usize) {
        if let Some((n, start)) = self.open.take() {
            self.defs.push((n, start..end));
        }
    }

    /// Moves each referenced note of `doc` to the end of the section of
    /// its first reference.
    pub fn place(&self, doc: &mut Doc) {
        let len = doc.blocks.len();
        let moving: Vec<(SectionIdx, u32, Range<usize>)> = self
            .defs
            .iter()
            .filter(|(_, r)| r.start < r.end && r.end <= len)
            .filter_map(|(n, r)| Some((self.first_ref.get(*n as usize).copied()??, *n, r.clone())))
            .collect();
        if moving.is_empty() {
            return;
        }
        let mut home: Vec<Option<usize>> = vec![None; len];
        for (i, (_, _, r)) in moving.iter().enumerate() {
            for slot in &mut home[r.clone()] {
                *slot = Some(i);
            }
        }
        let mut notes: Vec<Vec<Block>> = vec![Vec::new(); moving.len()];
        let mut kept = Vec::with_capacity(len);
        for (block, at) in std::mem::take(&mut doc.blocks).into_iter().zip(home) {
            match at {
                Some(i) => notes[i].push(block),
                None => kept.push(block),
            }
        }
        let mut order: Vec<usize> = (0..moving.len()).collect();
        order.sort_by_key(|&i| (moving[i].0.0, moving[i].1));
        let mut order = order.into_iter().peekable();
        let mut place = |out: &mut Vec<Block>, before: Option<SectionIdx>| {
            while let Some(&i) = order.peek() {
                let section = moving[i].0;
                if before.is_some_and(|b| b.0 <= section.0) {
                    break;
                }
                order.next();
                for (j, mut block) in std::mem::take(&mut notes[i]).into_iter().enumerate() {
                    block.section = section;
                    if j == 0 {
                        block.gap_before = true;
                    }
                    out.push(block);
                }
            }
        };
        for block in kept {
            place(&mut doc.blocks, Some(block.section));
            doc.blocks.push(block);
        }
        place(&mut doc.blocks, None);
    }
}
