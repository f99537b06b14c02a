//! An index's arrays: built in memory, or read in place from the file the
//! cache keeps them in (mapped, so a start reads none of it until a query
//! does).

use std::ops::Deref;
use std::sync::Arc;

use bytemuck::Pod;
use memmap2::Mmap;

/// A slice of `T`, owned or lying in a mapped file.
pub struct Table<T> {
    inner: Inner<T>,
}

enum Inner<T> {
    Owned(Vec<T>),
    /// `len` items from byte `at` of the map; checked, when made, to be
    /// aligned for `T` and inside the map.
    Mapped {
        map: Arc<Mmap>,
        at: usize,
        len: usize,
    },
}

impl<T: Pod> Table<T> {
    /// `len` items of `T` at byte `at` of `map`, if they lie inside it and
    /// are aligned for `T`.
    pub(crate) fn mapped(map: &Arc<Mmap>, at: usize, len: usize) -> Option<Self> {
        let bytes = len.checked_mul(std::mem::size_of::<T>())?;
        let end = at.checked_add(bytes)?;
        let slice = map.get(at..end)?;
        bytemuck::try_cast_slice::<u8, T>(slice).ok()?;
        Some(Self {
            inner: Inner::Mapped {
                map: Arc::clone(map),
                at,
                len,
            },
        })
    }

    /// Whether the items lie in a mapped file.
    pub(crate) fn is_mapped(&self) -> bool {
        matches!(self.inner, Inner::Mapped { .. })
    }
}

impl<T: Pod> Deref for Table<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match &self.inner {
            Inner::Owned(v) => v,
            // Checked when made: in bounds and aligned (a page-aligned
            // map, each array at a multiple of eight).
            Inner::Mapped { map, at, len } => map
                .get(*at..at + len * std::mem::size_of::<T>())
                .and_then(|b| bytemuck::try_cast_slice(b).ok())
                .unwrap_or(&[]),
        }
    }
}

impl<T> From<Vec<T>> for Table<T> {
    fn from(v: Vec<T>) -> Self {
        Self {
            inner: Inner::Owned(v),
        }
    }
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Vec::new().into()
    }
}

impl<T: Clone> Clone for Table<T> {
    fn clone(&self) -> Self {
        Self {
            inner: match &self.inner {
                Inner::Owned(v) => Inner::Owned(v.clone()),
                Inner::Mapped { map, at, len } => Inner::Mapped {
                    map: Arc::clone(map),
                    at: *at,
                    len: *len,
                },
            },
        }
    }
}
