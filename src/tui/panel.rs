//! The side panel: the figures of the section being read, then the section's
//! cross-references out and in.

use crate::library::Library;
use crate::model::{BriefIdx, FigureIdx, LinkTarget, SectionRef};

use super::reader::ReaderState;

mod rows;
pub mod term;
pub use rows::{PanelRow, bar, rows};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A figure and the mention that put it on screen.
    Figure { figure: FigureIdx, mention: u32 },
    /// A link of the current brief to another section.
    Out { link: usize, to: SectionRef },
    /// A link from another brief into this section.
    In { from: SectionRef, link: usize },
}

#[derive(Debug, Default)]
pub struct PanelState {
    pub cursor: usize,
    pub offset: usize,
}

/// The panel's items for the section being read (see
/// [`ReaderState::section`]): its figures, then its cross-references.
pub fn items(lib: &Library, reader: &ReaderState) -> Vec<Item> {
    let Some(brief) = lib.brief(reader.brief) else {
        return Vec::new();
    };
    let section = reader.section();
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (mi, m) in brief.mentions().iter().enumerate() {
        if m.section == section
            && let Some(fig) = m.figure
            && !seen.contains(&fig)
        {
            seen.push(fig);
            out.push(Item::Figure {
                figure: fig,
                mention: mi as u32,
            });
        }
    }
    // Figures the brief files under this section but mentions elsewhere.
    for (fi, f) in brief.figures().iter().enumerate() {
        let fig = FigureIdx(fi);
        if f.section == Some(section)
            && !seen.contains(&fig)
            && let Some(m) = brief.mentions().iter().position(|m| m.figure == Some(fig))
        {
            seen.push(fig);
            out.push(Item::Figure {
                figure: fig,
                mention: m as u32,
            });
        }
    }
    // The title block and lead mention no figure of their own: show the
    // brief's headline figures there (else its first three), so a brief
    // opens on what matters in it.
    if out.is_empty() && section.0 == 0 {
        let headline: Vec<usize> = brief
            .figures()
            .iter()
            .enumerate()
            .filter(|(_, f)| f.headline)
            .map(|(i, _)| i)
            .collect();
        let picks = if headline.is_empty() {
            (0..brief.figures().len().min(3)).collect()
        } else {
            headline
        };
        for fi in picks {
            let fig = FigureIdx(fi);
            if let Some(m) = brief.mentions().iter().position(|m| m.figure == Some(fig)) {
                out.push(Item::Figure {
                    figure: fig,
                    mention: m as u32,
                });
            }
        }
    }
    let mut targets = Vec::new();
    for (li, l) in brief.links.iter().enumerate() {
        if l.section != section || matches!(l.target, LinkTarget::External(_)) {
            continue;
        }
        if let Some(to) = l.resolved
            && !targets.contains(&to)
        {
            targets.push(to);
            out.push(Item::Out { link: li, to });
        }
    }
    let here = SectionRef {
        brief: reader.brief,
        section,
    };
    let mut froms = Vec::new();
    for b in lib.backlinks_to(here) {
        if !froms.contains(&b.from) {
            froms.push(b.from);
            out.push(Item::In {
                from: b.from,
                link: b.link,
            });
        }
    }
    out
}

/// The item of the figure selected in the text, if the panel lists it.
pub fn selected_item(lib: &Library, reader: &ReaderState, list: &[Item]) -> Option<usize> {
    let crate::doc::Role::Mention(m) = reader.selected? else {
        return None;
    };
    let fig = lib
        .brief(reader.brief)?
        .mentions()
        .get(m as usize)?
        .figure?;
    list.iter()
        .position(|it| matches!(it, Item::Figure { figure, .. } if *figure == fig))
}

/// "Short title › Section" for a place.
pub fn place_name(lib: &Library, r: SectionRef, here: BriefIdx) -> String {
    let Some(b) = lib.brief(r.brief) else {
        return String::new();
    };
    let section = b.section(r.section).map_or("", |s| s.title.as_str());
    if r.section.0 == 0 {
        b.meta.short_title.clone()
    } else if r.brief == here {
        format!("§ {section}")
    } else {
        format!("{} › {section}", b.meta.short_title)
    }
}
