//! A brief's links, decoded when first looked at. A start through the
//! library's cache gives each brief its links encoded, with where they
//! land as the last start resolved them: 10,000 briefs hold 320,000 links,
//! and a start looks at the links of the few briefs it shows.

use std::ops::{Deref, DerefMut};
use std::sync::OnceLock;

use super::{Link, SectionIdx, SectionRef};

/// A link's section, and where it lands.
pub type Landing = (SectionIdx, Option<SectionRef>);

#[derive(Debug, Clone, Default)]
pub struct Links {
    list: OnceLock<Vec<Link>>,
    /// The links as stored (`postcard`), until decoded.
    packed: Option<Packed>,
}

#[derive(Debug, Clone)]
struct Packed {
    bytes: Box<[u8]>,
    count: usize,
    /// Per link, its section and where it lands, once known.
    resolved: Option<Box<[Landing]>>,
}

impl From<Vec<Link>> for Links {
    fn from(list: Vec<Link>) -> Self {
        Self {
            list: OnceLock::from(list),
            packed: None,
        }
    }
}

impl Links {
    /// `count` links encoded in `bytes` as [`Links::encode`] writes them.
    pub fn packed(bytes: Box<[u8]>, count: usize) -> Self {
        Self {
            list: OnceLock::new(),
            packed: Some(Packed {
                bytes,
                count,
                resolved: None,
            }),
        }
    }

    /// The links encoded, for [`Links::packed`].
    pub fn encode(links: &[Link]) -> Option<Vec<u8>> {
        postcard::to_stdvec(links).ok()
    }

    /// How many links there are, without decoding them.
    pub fn count(&self) -> usize {
        match (self.list.get(), &self.packed) {
            (Some(l), _) => l.len(),
            (None, Some(p)) => p.count,
            (None, None) => 0,
        }
    }

    /// Sets where each link lands, and says each one's section (for
    /// backlinks without decoding): `resolved` holds one per link.
    /// False, and nothing set, if it does not hold one per link.
    pub fn resolve(&mut self, resolved: Vec<Landing>) -> bool {
        if resolved.len() != self.count() {
            return false;
        }
        if let Some(list) = self.list.get_mut() {
            for (l, (_, to)) in list.iter_mut().zip(resolved) {
                l.resolved = to;
            }
        } else if let Some(p) = &mut self.packed {
            p.resolved = Some(resolved.into_boxed_slice());
        }
        true
    }

    /// Each link's section and where it lands, decoding nothing a
    /// resolution already says.
    pub fn landings(&self) -> Vec<Landing> {
        match (self.list.get(), &self.packed) {
            (
                None,
                Some(Packed {
                    resolved: Some(r), ..
                }),
            ) => r.to_vec(),
            _ => self.iter().map(|l| (l.section, l.resolved)).collect(),
        }
    }

    /// True once the links are decoded.
    #[cfg(test)]
    pub(crate) fn decoded(&self) -> bool {
        self.list.get().is_some()
    }

    fn list(&self) -> &Vec<Link> {
        self.list.get_or_init(|| {
            let Some(p) = &self.packed else {
                return Vec::new();
            };
            // A list the cache holds damaged reads as none.
            let mut list: Vec<Link> = postcard::from_bytes(&p.bytes).unwrap_or_default();
            if list.len() != p.count {
                list.clear();
            }
            if let Some(r) = &p.resolved {
                for (l, (_, to)) in list.iter_mut().zip(r.iter()) {
                    l.resolved = *to;
                }
            }
            list
        })
    }
}

impl Deref for Links {
    type Target = [Link];

    fn deref(&self) -> &[Link] {
        self.list()
    }
}

impl DerefMut for Links {
    fn deref_mut(&mut self) -> &mut [Link] {
        self.list();
        self.packed = None;
        self.list.get_mut().map_or(&mut [], Vec::as_mut_slice)
    }
}

impl<'a> IntoIterator for &'a Links {
    type Item = &'a Link;
    type IntoIter = std::slice::Iter<'a, Link>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut Links {
    type Item = &'a mut Link;
    type IntoIter = std::slice::IterMut<'a, Link>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BriefIdx, LinkTarget};

    fn link(i: usize) -> Link {
        Link {
            target: LinkTarget::Anchor(format!("s{i}")),
            text: format!("link {i}"),
            range: i..i + 1,
            section: SectionIdx(i),
            resolved: None,
        }
    }

    #[test]
    fn packed_links_read_as_the_list_with_their_landings() {
        let list: Vec<Link> = (0..5).map(link).collect();
        let bytes = Links::encode(&list).expect("encodes");
        let mut packed = Links::packed(bytes.into(), 5);
        assert_eq!(packed.count(), 5);
        let to = |i: usize| {
            Some(SectionRef {
                brief: BriefIdx(1),
                section: SectionIdx(i),
            })
        };
        assert!(!packed.resolve(vec![(SectionIdx(0), None)]));
        assert!(packed.resolve((0..5).map(|i| (SectionIdx(i), to(i))).collect()));
        // Landings without decoding, then the list with them.
        assert_eq!(packed.landings()[3], (SectionIdx(3), to(3)));
        assert!(packed.list.get().is_none());
        assert_eq!(packed.len(), 5);
        assert_eq!(packed[2].text, "link 2");
        assert_eq!(packed[4].resolved, to(4));
        // Changed in place once decoded.
        packed[0].resolved = None;
        assert_eq!(packed.landings()[0], (SectionIdx(0), None));
    }

    #[test]
    fn damaged_packed_links_read_as_none() {
        let links = Links::packed(vec![0xff; 7].into(), 3);
        assert_eq!(links.count(), 3);
        assert!(links.is_empty());
    }
}
