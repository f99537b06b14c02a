//! The index read backwards: for each text, the entries (and fields)
//! holding it; for each glossary term, the entries calling it up. A query
//! word's weights then cost what the word meets, not the library's size.

use super::index::Entry;

#[derive(Clone, Default)]
pub(super) struct Inverse {
    text_start: Vec<u32>,
    /// (entry, field).
    text_users: Vec<(u32, u8)>,
    gloss_start: Vec<u32>,
    /// (entry, called up by its identity).
    gloss_users: Vec<(u32, bool)>,
}

/// Offsets for `counts`: `start[i]..start[i + 1]` is item `i`'s run.
fn starts(counts: &[u32]) -> Vec<u32> {
    let mut start = Vec::with_capacity(counts.len() + 1);
    let mut at = 0u32;
    start.push(0);
    for &c in counts {
        at += c;
        start.push(at);
    }
    start
}

impl Inverse {
    pub(super) fn new(
        entries: &[Entry],
        texts: usize,
        glosses: usize,
        entry_gloss: &[u16],
    ) -> Self {
        let slice = |r: &std::ops::Range<u32>| {
            entry_gloss
                .get(r.start as usize..r.end as usize)
                .unwrap_or(&[])
        };
        let mut tc = vec![0u32; texts];
        let mut gc = vec![0u32; glosses];
        for e in entries {
            for &t in &e.fields {
                if let Some(c) = tc.get_mut(t as usize) {
                    *c += 1;
                }
            }
            for &g in slice(&e.gloss) {
                if let Some(c) = gc.get_mut(usize::from(g)) {
                    *c += 1;
                }
            }
        }
        let text_start = starts(&tc);
        let gloss_start = starts(&gc);
        let mut tfill = text_start.clone();
        let mut gfill = gloss_start.clone();
        let mut text_users = vec![(0u32, 0u8); *text_start.last().unwrap_or(&0) as usize];
        let mut gloss_users = vec![(0u32, false); *gloss_start.last().unwrap_or(&0) as usize];
        for (i, e) in entries.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for (f, &t) in e.fields.iter().enumerate() {
                if let Some(at) = tfill.get_mut(t as usize) {
                    if let Some(slot) = text_users.get_mut(*at as usize) {
                        *slot = (i, u8::try_from(f).unwrap_or(u8::MAX));
                    }
                    *at += 1;
                }
            }
            let own = slice(&e.ident_gloss);
            for &g in slice(&e.gloss) {
                if let Some(at) = gfill.get_mut(usize::from(g)) {
                    if let Some(slot) = gloss_users.get_mut(*at as usize) {
                        *slot = (i, own.binary_search(&g).is_ok());
                    }
                    *at += 1;
                }
            }
        }
        Self {
            text_start,
            text_users,
            gloss_start,
            gloss_users,
        }
    }

    /// The entries (with the field) holding text `t`.
    pub(super) fn text_users(&self, t: usize) -> &[(u32, u8)] {
        match (self.text_start.get(t), self.text_start.get(t + 1)) {
            (Some(&a), Some(&b)) => self.text_users.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The entries calling up glossary term `g` (and whether their
    /// identity does).
    pub(super) fn gloss_users(&self, g: usize) -> &[(u32, bool)] {
        match (self.gloss_start.get(g), self.gloss_start.get(g + 1)) {
            (Some(&a), Some(&b)) => self.gloss_users.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}
