//! A list decoded when first looked at: a brief's sections as the
//! library's cache gives them. A start of 10,000 briefs reads 170,000
//! sections, and its first screen shows the sections of a few briefs.

use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use serde::Serialize;
use serde::de::DeserializeOwned;

#[derive(Debug, Clone)]
pub struct Packed<T> {
    list: OnceLock<Vec<T>>,
    /// The list as stored (`postcard`) and how many it holds, until
    /// decoded.
    bytes: Option<(Box<[u8]>, usize)>,
}

impl<T> Default for Packed<T> {
    fn default() -> Self {
        Self {
            list: OnceLock::new(),
            bytes: None,
        }
    }
}

impl<T> From<Vec<T>> for Packed<T> {
    fn from(list: Vec<T>) -> Self {
        Self {
            list: OnceLock::from(list),
            bytes: None,
        }
    }
}

impl<T: Serialize + DeserializeOwned> Packed<T> {
    /// `count` items encoded in `bytes` as [`Packed::encode`] writes them.
    pub fn encoded(bytes: Box<[u8]>, count: usize) -> Self {
        Self {
            list: OnceLock::new(),
            bytes: Some((bytes, count)),
        }
    }

    /// The items encoded, for [`Packed::encoded`].
    pub fn encode(items: &[T]) -> Option<Vec<u8>> {
        postcard::to_stdvec(items).ok()
    }

    /// How many there are, without decoding them.
    pub fn count(&self) -> usize {
        match (self.list.get(), &self.bytes) {
            (Some(l), _) => l.len(),
            (None, Some((_, n))) => *n,
            (None, None) => 0,
        }
    }

    /// True once decoded.
    #[cfg(test)]
    pub(crate) fn decoded(&self) -> bool {
        self.list.get().is_some()
    }

    fn list(&self) -> &Vec<T> {
        self.list.get_or_init(|| {
            let Some((bytes, n)) = &self.bytes else {
                return Vec::new();
            };
            // A list the cache holds damaged reads as none.
            let list: Vec<T> = postcard::from_bytes(bytes).unwrap_or_default();
            if list.len() == *n { list } else { Vec::new() }
        })
    }
}

impl<T: Serialize + DeserializeOwned> Deref for Packed<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.list()
    }
}

impl<T: Serialize + DeserializeOwned> DerefMut for Packed<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.list();
        self.bytes = None;
        self.list.get_mut().map_or(&mut [], Vec::as_mut_slice)
    }
}

impl<'a, T: Serialize + DeserializeOwned> IntoIterator for &'a Packed<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_list_reads_as_the_list_when_first_looked_at() {
        let list = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let bytes = Packed::encode(&list).expect("encodes");
        let packed: Packed<String> = Packed::encoded(bytes.into(), 3);
        assert_eq!(packed.count(), 3);
        assert!(!packed.decoded());
        assert_eq!(packed[1], "b");
        assert!(packed.decoded());
        assert_eq!(packed.iter().cloned().collect::<Vec<_>>(), list);
        // A damaged or miscounted block reads as none.
        let wrong: Packed<String> = Packed::encoded(Packed::encode(&list).expect("e").into(), 2);
        assert!(wrong.is_empty());
        let damaged: Packed<String> = Packed::encoded(vec![0xff; 4].into(), 1);
        assert!(damaged.is_empty());
    }
}
