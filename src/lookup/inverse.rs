//! The index read backwards: for each text, the entries (and fields)
//! holding it; for each glossary term, the entries calling it up. A query
//! word's weights then cost what the word meets, not the library's size.

use super::index::{Entry, Span};
use super::table::Table;

#[derive(Clone, Default)]
pub(super) struct Inverse {
    pub(super) text_start: Table<u32>,
    /// (entry, field).
    pub(super) text_users: Table<User>,
    pub(super) gloss_start: Table<u32>,
    /// (entry, 1 if called up by its identity).
    pub(super) gloss_users: Table<User>,
}

/// An entry using a text (in one of its fields) or a glossary term (with
/// its identity, or not).
#[repr(C)]
#[derive(Clone, Copy, Default, bytemuck::Pod, bytemuck::Zeroable)]
pub(super) struct User {
    pub entry: u32,
    /// The field; or 1 when the entry's identity calls the term up.
    pub what: u8,
    _pad: [u8; 3],
}

impl User {
    fn new(entry: u32, what: u8) -> Self {
        Self {
            entry,
            what,
            _pad: [0; 3],
        }
    }
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
        let slice = |r: &Span| entry_gloss.get(r.range()).unwrap_or(&[]);
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
        let mut text_users = vec![User::default(); *text_start.last().unwrap_or(&0) as usize];
        let mut gloss_users = vec![User::default(); *gloss_start.last().unwrap_or(&0) as usize];
        for (i, e) in entries.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for (f, &t) in e.fields.iter().enumerate() {
                if let Some(at) = tfill.get_mut(t as usize) {
                    if let Some(slot) = text_users.get_mut(*at as usize) {
                        *slot = User::new(i, u8::try_from(f).unwrap_or(u8::MAX));
                    }
                    *at += 1;
                }
            }
            let own = slice(&e.ident_gloss);
            for &g in slice(&e.gloss) {
                if let Some(at) = gfill.get_mut(usize::from(g)) {
                    if let Some(slot) = gloss_users.get_mut(*at as usize) {
                        *slot = User::new(i, u8::from(own.binary_search(&g).is_ok()));
                    }
                    *at += 1;
                }
            }
        }
        Self {
            text_start: text_start.into(),
            text_users: text_users.into(),
            gloss_start: gloss_start.into(),
            gloss_users: gloss_users.into(),
        }
    }

    /// The entries (with the field) holding text `t`.
    pub(super) fn text_users(&self, t: usize) -> &[User] {
        match (self.text_start.get(t), self.text_start.get(t + 1)) {
            (Some(&a), Some(&b)) => self.text_users.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The entries calling up glossary term `g` (and whether their
    /// identity does).
    pub(super) fn gloss_users(&self, g: usize) -> &[User] {
        match (self.gloss_start.get(g), self.gloss_start.get(g + 1)) {
            (Some(&a), Some(&b)) => self.gloss_users.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}
