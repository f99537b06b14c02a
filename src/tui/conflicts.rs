//! The library's disagreements as the reader shows them: found once per
//! library (`conflicts::find`), then asked about a figure or an event to
//! mark it with [`GLYPH`] and name the other side.

use crate::conflicts::{self, Conflict, EventRef};
use crate::library::Library;
use crate::model::{Event, FigureRef};
use crate::sanitize;

/// Marks a figure or event that another brief states differently.
pub const GLYPH: &str = "≠";

#[derive(Debug, Default)]
pub struct Conflicts {
    all: Vec<Conflict>,
}

impl Conflicts {
    pub fn new(lib: &Library) -> Self {
        Self {
            all: conflicts::find(lib),
        }
    }

    pub fn all(&self) -> &[Conflict] {
        &self.all
    }

    pub fn of_figure(&self, r: FigureRef) -> Option<&Conflict> {
        self.all.iter().find(|c| c.has_figure(r))
    }

    pub fn of_event(&self, r: EventRef) -> Option<&Conflict> {
        self.all.iter().find(|c| c.has_event(r))
    }

    /// `≠ 55% in Strategic Tech Cooperation` for a disagreeing figure.
    pub fn figure_note(&self, lib: &Library, r: FigureRef) -> Option<String> {
        let Conflict::Figure { sides, .. } = self.of_figure(r)? else {
            return None;
        };
        let others = sides
            .iter()
            .filter(|s| **s != r)
            .filter_map(|s| {
                let b = lib.brief(s.brief)?;
                Some((
                    b.figure(s.figure)?.value.as_str(),
                    b.meta.short_title.as_str(),
                ))
            })
            .map(|(v, b)| format!("{v} in {b}"));
        note(others)
    }

    /// `≠ 2022-11 in Strategic Tech Cooperation` for a disagreeing event.
    pub fn event_note(&self, lib: &Library, r: EventRef) -> Option<String> {
        let Conflict::Event { sides, .. } = self.of_event(r)? else {
            return None;
        };
        let others = sides
            .iter()
            .filter(|s| **s != r)
            .filter_map(|s| {
                let b = lib.brief(s.brief)?;
                Some((b.events().get(s.event)?.date, b.meta.short_title.as_str()))
            })
            .map(|(d, b)| format!("{d} in {b}"));
        note(others)
    }
}

fn note(others: impl Iterator<Item = String>) -> Option<String> {
    let others: Vec<String> = others.collect();
    (!others.is_empty())
        .then(|| sanitize::line(&format!("{GLYPH} {}", others.join("; "))).into_owned())
}

/// The place of `e` among the events of `lib`, found by address (the
/// timeline lists `&Event`s of the library).
pub fn event_ref(lib: &Library, brief: crate::model::BriefIdx, e: &Event) -> Option<EventRef> {
    let event = lib
        .brief(brief)?
        .events()
        .iter()
        .position(|x| std::ptr::eq(x, e))?;
    Some(EventRef { brief, event })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_side_of_an_embedded_disagreement_names_the_other() {
        let lib = Library::embedded();
        let d = Conflicts::new(&lib);
        let nss = d
            .all()
            .iter()
            .find(|c| c.name() == "us-national-security-strategy-2022")
            .expect("the NSS dates");
        let Conflict::Event { sides, .. } = nss else {
            panic!("{nss:?}");
        };
        let notes: Vec<String> = sides
            .iter()
            .map(|s| d.event_note(&lib, *s).expect("a note"))
            .collect();
        assert!(
            notes.contains(&"≠ 2022-11 in Strategic Tech Cooperation".to_owned()),
            "{notes:?}"
        );
        assert!(
            notes.contains(&"≠ 2022-10 in Peninsula Plus".to_owned()),
            "{notes:?}"
        );
        let (b, e) = lib
            .events()
            .into_iter()
            .find(|(_, e)| e.key.as_deref() == Some("us-national-security-strategy-2022"))
            .expect("event");
        assert!(sides.contains(&event_ref(&lib, b, e).expect("found by address")));
        let first = lib.figures().next().expect("a figure");
        assert_eq!(d.figure_note(&lib, first), None);
    }
}
