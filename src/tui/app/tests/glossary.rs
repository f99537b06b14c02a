//! The glossary in the reader: terms selected with `l`, shown in the
//! panel, listed by `A` with the places that mention them.

use crate::tui::testkit::{press, screen};
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::doc::{BlockKind, Role};
use crate::library::Library;
use crate::theme::Theme;
use crate::tui::app::App;
use crate::tui::keymap::Keymap;
use crate::tui::ui;
use crate::tui::views::glossary::rows;
use crate::tui::views::*;

fn app(w: u16, h: u16) -> App {
    App::new(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

/// Presses `w` (the next glossary term) until a term is selected; its
/// index.
fn select_term(a: &mut App) -> usize {
    for _ in 0..60 {
        press(a, "w");
        if let Some(Role::Term { term, .. }) = a.desk.reader.selected {
            return usize::from(term);
        }
    }
    panic!("w never reached a term");
}

#[test]
fn w_reaches_a_term_and_the_panel_shows_its_definition() {
    let mut a = app(120, 40);
    let t = select_term(&mut a);
    let term = a.desk.lib.glossary.terms[t].clone();
    let s = screen(&a);
    assert!(s.contains("TERM"), "{s}");
    let first_words: String = term
        .definition
        .split(' ')
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(s.contains(&first_words), "{first_words} in {s}");
    assert!(s.contains("mentioned in "), "{s}");
    insta::assert_snapshot!(s);
    // Enter on it opens the glossary at that term.
    press(&mut a, "enter");
    assert!(a.views.showing::<GlossaryView>());
    let v = a.views.get::<GlossaryView>().expect("view");
    assert_eq!(v.open, Some(t));
    assert_eq!(
        rows(&a.desk, v.open).get(v.cursor),
        Some(&GlossaryRow::Term(t))
    );
}

#[test]
fn china_is_never_marked_and_terms_are_marked_once_per_section() {
    let mut a = app(120, 40);
    let lib = Arc::clone(&a.desk.lib);
    let prc = lib.glossary.find("PRC").expect("PRC");
    let mut marked = 0;
    for b in 0..lib.briefs.len() {
        let doc = a
            .desk
            .reader
            .doc(&lib, crate::model::BriefIdx(b))
            .into_owned();
        let mut seen = std::collections::HashSet::new();
        for block in &doc.blocks {
            let BlockKind::Paragraph(text) = &block.kind else {
                continue;
            };
            let mut start = 0;
            for (end, st) in &text.runs {
                if let Role::Term { term: t, .. } = st.role {
                    let written = &text.text[start..*end as usize];
                    assert_ne!(written, "China", "China marked in brief {b}");
                    assert!(
                        t as usize != prc
                            || written.contains("PRC")
                            || written.contains("Republic")
                    );
                    assert!(
                        seen.insert((block.section, t)),
                        "{written} twice in a section"
                    );
                    marked += 1;
                }
                start = *end as usize;
            }
        }
    }
    assert!(marked > 20, "only {marked} terms marked");
}

#[test]
fn the_glossary_view_lists_every_term_wide_and_narrow() {
    let mut a = app(120, 40);
    press(&mut a, "A");
    assert!(a.views.showing::<GlossaryView>());
    let s = screen(&a);
    assert!(s.contains("Glossary"), "{s}");
    assert!(s.contains("AI  artificial intelligence — "), "{s}");
    insta::assert_snapshot!("glossary_120x40", s);
    let mut a = app(40, 12);
    press(&mut a, "A");
    let s = screen(&a);
    assert!(s.contains("AI  artificial"), "{s}");
    assert!(
        !s.contains("Computer systems"),
        "no definitions when narrow: {s}"
    );
    insta::assert_snapshot!("glossary_40x12", s);
}

#[test]
fn a_mention_is_one_enter_away_and_backspace_comes_back() {
    let mut a = app(120, 40);
    press(&mut a, "A");
    let cnas = a.desk.lib.glossary.find("CNAS").expect("CNAS");
    let at = rows(&a.desk, None)
        .iter()
        .position(|r| *r == GlossaryRow::Term(cnas))
        .expect("row");
    for _ in 0..at {
        press(&mut a, "down");
    }
    press(&mut a, "enter");
    let s = screen(&a);
    assert!(s.contains("▾ CNAS"), "{s}");
    let places = a.desk.lib.term_places(cnas).to_vec();
    assert!(places.len() > 1, "{places:?}");
    let before = a.desk.reader.place();
    press(&mut a, "down down enter");
    assert!(!a.views.is_open());
    assert_eq!(a.desk.current(), places[1]);
    press(&mut a, "backspace");
    assert_eq!(a.desk.reader.place().brief, before.brief);
    assert_eq!(a.desk.reader.top, 0);
    // The view kept the term open for the next time.
    press(&mut a, "A");
    assert!(screen(&a).contains("▾ CNAS"));
}

#[test]
fn w_moves_on_past_a_term_marked_again_in_a_later_section() {
    let mut a = app(120, 40);
    let mut seen = Vec::new();
    for _ in 0..40 {
        press(&mut a, "w");
        let sel = a.desk.reader.selected.expect("selected");
        if seen.last() == Some(&sel) {
            break; // the end of the brief
        }
        assert!(!seen.contains(&sel), "{sel:?} selected twice");
        seen.push(sel);
    }
    let terms: Vec<u16> = seen
        .iter()
        .filter_map(|r| match r {
            Role::Term { term, .. } => Some(*term),
            _ => None,
        })
        .collect();
    assert!(
        terms
            .iter()
            .any(|t| terms.iter().filter(|u| *u == t).count() > 1),
        "a term marked in two sections: {terms:?}"
    );
}

#[test]
fn a_term_is_underlined_without_colour() {
    let mut a = app(120, 40);
    a.theme.monochrome = true;
    select_term(&mut a);
    let area = a.desk.geometry.area;
    let mut term = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    term.draw(|f| ui::draw(f, &a)).expect("draw");
    let target = a
        .desk
        .reader
        .layout
        .targets()
        .iter()
        .find(|t| matches!(t.role, Role::Term { .. }) && t.line >= a.desk.reader.top)
        .expect("a term on screen");
    let x = a.desk.geometry.text.x + u16::try_from(target.col).expect("col");
    let y = a.desk.geometry.text.y + u16::try_from(target.line - a.desk.reader.top).expect("line");
    let cell = term.backend().buffer().cell((x, y)).expect("cell");
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::UNDERLINED),
        "{cell:?}"
    );
}

/// How many terms the document of the brief being read has marked.
fn terms_marked(a: &mut App) -> usize {
    let b = a.desk.reader.brief;
    let lib = Arc::clone(&a.desk.lib);
    let doc = a.desk.reader.doc(&lib, b);
    doc.blocks
        .iter()
        .filter_map(|bl| match &bl.kind {
            BlockKind::Paragraph(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| t.runs.iter())
        .filter(|(_, s)| matches!(s.role, Role::Term { .. }))
        .count()
}

#[test]
fn terms_are_marked_once_the_first_screen_is_up_not_before() {
    let mut a = App::for_terminal(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, 120, 40),
    );
    assert_eq!(terms_marked(&mut a), 0, "off the path to the first screen");
    assert!(!a.busy(), "nothing to look at before the first screen");
    a.desk.reader.scroll(25);
    let top = a.desk.reader.top;
    assert!(top > 0);
    a.first_screen_shown();
    assert!(a.busy(), "the loop comes back for the terms");
    assert!(a.tick(), "marking them changes the screen");
    assert!(terms_marked(&mut a) > 5);
    assert_eq!(a.desk.reader.top, top, "the reader stays on its line");
    assert!(!a.desk.reader.terms_pending());
}

#[test]
fn l_steps_over_terms_to_links_and_figures_and_the_bar_says_where_a_link_goes() {
    let mut a = app(120, 40);
    crate::tui::testkit::press(&mut a, "esc");
    let stc = a.desk.lib.by_id("strategic-tech-cooperation").expect("stc");
    a.desk.go(crate::model::SectionRef {
        brief: stc,
        section: crate::model::SectionIdx(0),
    });
    for _ in 0..30 {
        press(&mut a, "l");
        let sel = a.desk.reader.selected.expect("selected");
        assert!(!matches!(sel, Role::Term { .. }), "l stopped on a term");
        if let Role::Link(_) = sel {
            let s = screen(&a);
            let bar = s.lines().last().unwrap_or_default();
            assert!(bar.contains("link → "), "{bar}");
            return;
        }
    }
    panic!("l never reached a link");
}

#[test]
fn the_glossary_filters_as_you_type_shows_a_definition_whole_and_opens_at_a_term() {
    let mut a = app(120, 40);
    press(&mut a, "esc A");
    for c in "ncg".chars() {
        press(&mut a, &c.to_string());
    }
    let s = screen(&a);
    assert!(s.contains("Glossary — ncg"), "{s}");
    assert!(s.contains("▸ NCG"), "{s}");
    assert!(!s.contains("▸ 5G"), "filtered out: {s}");
    // The selected term's definition, whole, not cut with an ellipsis.
    let ncg = a.desk.lib.glossary.find("NCG").expect("NCG");
    let def = &a.desk.lib.glossary.terms[ncg].definition;
    let last_word = def.split_whitespace().last().unwrap_or_default();
    assert!(s.contains(last_word), "{last_word}: {s}");
    press(&mut a, "backspace backspace backspace");
    assert!(screen(&a).contains("▸ 5G"));
    press(&mut a, "esc");
    // Opened from a term late in the alphabet: the term and its places
    // show, not the term alone on the last row.
    let late = a.desk.lib.glossary.find("USFK").expect("USFK");
    a.open_view::<crate::tui::views::GlossaryView>();
    if let Some(g) = a.views.get_mut::<crate::tui::views::GlossaryView>() {
        g.show_term(&a.desk, late);
    }
    let s = screen(&a);
    let lines: Vec<&str> = s.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("▾ USFK"))
        .expect("the term shows");
    assert!(
        lines.get(at + 1).is_some_and(|l| l.contains("→ ")),
        "its places under it: {s}"
    );
}
