//! How a document's styles look in a theme: the one mapping the reader and
//! `show` share.

use ratatui::style::{Modifier, Style as TuiStyle};

use super::{Slot, Theme};
use crate::doc::{Role, Style, flags};

/// The terminal style of a run of text styled `s` in `theme`.
pub fn style_of(theme: &Theme, s: Style) -> TuiStyle {
    let mut st = match s.role {
        Role::Text => theme.get(Slot::Body),
        Role::Heading(l) => theme.heading(l),
        Role::CodeBlock => theme.get(Slot::CodeBlock),
        Role::Marker => theme.get(Slot::Marker),
        Role::Border => theme.get(Slot::Border),
        Role::Link(_) => theme.get(Slot::Link),
        Role::Mention(_) => theme.get(Slot::Mention),
        Role::FootnoteRef(_) => theme.get(Slot::Footnote),
        Role::Image | Role::Dim => theme.get(Slot::Dim),
        Role::Html => theme.get(Slot::Code),
        // Not by colour alone: an underline, in every theme.
        Role::Term { .. } => theme.get(Slot::Body).add_modifier(Modifier::UNDERLINED),
    };
    if s.flags & flags::EMPH != 0 {
        st = st.patch(theme.get(Slot::Emphasis));
    }
    if s.flags & flags::STRONG != 0 {
        st = st.patch(theme.get(Slot::Strong));
    }
    if s.flags & flags::CODE != 0 {
        st = st.patch(theme.get(Slot::Code));
    }
    if s.flags & flags::STRIKE != 0 {
        st = st.add_modifier(Modifier::CROSSED_OUT);
    }
    st
}
