//! Home: what it shows at each size, where Enter and `H` lead, and the
//! history between it and the reader.

use crate::tui::testkit::press;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Position, Rect};

use crate::library::Library;
use crate::model::BriefIdx;
use crate::model::SectionRef;
use crate::theme::Theme;
use crate::tui::app::{App, Msg};
use crate::tui::keymap::Keymap;
use crate::tui::ui;
use crate::tui::views::Timeline;
use crate::tui::views::*;

fn app(w: u16, h: u16) -> App {
    App::new(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

/// The first screen of a fresh reader: home over the first brief.
fn first_screen(w: u16, h: u16) -> App {
    let mut a = app(w, h);
    a.open_view::<Home>();
    a
}

/// The screen as text (wide characters once), and the terminal cursor.
fn draw(app: &App) -> (String, Option<Position>) {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    let backend = t.backend_mut();
    let cursor = backend.cursor_visible().then(|| backend.cursor_position());
    let buf = backend.buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf.cell((x, y)).map_or(" ", |c| c.symbol());
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    (out, cursor)
}

fn screen(app: &App) -> String {
    draw(app).0
}

fn brief_named(app: &App, id: &str) -> BriefIdx {
    BriefIdx(
        app.desk
            .lib
            .briefs
            .iter()
            .position(|b| b.meta.id == id)
            .expect("brief"),
    )
}

fn section_anchor(app: &App) -> String {
    let c = app.desk.current();
    app.desk
        .lib
        .brief(c.brief)
        .and_then(|b| b.section(c.section))
        .map_or_else(String::new, |s| s.anchor.clone())
}

#[test]
fn home_at_120x40_shows_every_brief_and_the_library_headline_figures() {
    let a = first_screen(120, 40);
    let (s, cursor) = draw(&a);
    for b in &a.desk.lib.briefs {
        assert!(
            s.contains(&b.meta.short_title),
            "{}:\n{s}",
            b.meta.short_title
        );
    }
    assert!(
        s.contains("60 percent  share of Korea's semiconductor exports that go to China"),
        "{s}"
    );
    assert!(
        s.contains("77 percent  Koreans who regard the CHIPS and Science Act as an America-First"),
        "{s}"
    );
    assert!(s.contains("7 pillars · 0/9"), "pillars and progress:\n{s}");
    // The cursor sits on the selected card's glyph.
    let at = cursor.expect("a cursor on home");
    assert_eq!(
        s.lines()
            .nth(usize::from(at.y))
            .map(|l| l.chars().nth(usize::from(at.x))),
        Some(Some('▶'))
    );
    insta::assert_snapshot!("home_120x40", s);
}

#[test]
fn home_at_80x24_keeps_every_card_and_its_figures() {
    let a = first_screen(80, 24);
    let s = screen(&a);
    assert!(s.contains("77 percent"), "{s}");
    assert!(s.contains("60 percent"), "{s}");
    insta::assert_snapshot!("home_80x24", s);
}

#[test]
fn home_at_40x12_is_a_list_with_the_selected_brief_below() {
    let mut a = first_screen(40, 12);
    press(&mut a, "G");
    let (s, cursor) = draw(&a);
    assert!(s.contains("▶ Strategic Tech Cooperation"), "{s}");
    assert!(
        s.contains("77 percent"),
        "the selected brief's figures:\n{s}"
    );
    assert_eq!(cursor.map(|p| p.y), Some(6), "on the selected row");
    insta::assert_snapshot!("home_40x12", s);
}

#[test]
fn enter_opens_a_brief_where_it_was_last_read() {
    let mut a = first_screen(120, 40);
    let stc = brief_named(&a, "strategic-tech-cooperation");
    press(&mut a, "G enter");
    assert!(!a.views.is_open());
    assert_eq!(a.desk.reader.brief, stc);
    press(&mut a, "4");
    assert_eq!(section_anchor(&a), "economic-security");
    // Elsewhere, then back through home: the brief reopens at its place.
    press(&mut a, "H g enter");
    assert_eq!(a.desk.reader.brief, BriefIdx(0));
    press(&mut a, "H G enter");
    assert_eq!(a.desk.reader.brief, stc);
    assert_eq!(section_anchor(&a), "economic-security");
    // Digits open the brief of that number.
    press(&mut a, "H 3");
    assert_eq!(a.desk.reader.brief, BriefIdx(2));
}

#[test]
fn h_comes_home_from_an_overlay_and_backspace_goes_back() {
    let mut a = app(120, 40);
    let here = SectionRef {
        brief: BriefIdx(1),
        section: crate::model::SectionIdx(2),
    };
    a.desk.go(here);
    press(&mut a, "T");
    assert!(a.views.showing::<Timeline>());
    press(&mut a, "H");
    assert!(a.views.showing::<Home>(), "H from the timeline");
    assert_eq!(a.views.stack().count(), 1, "home alone");
    assert_eq!(a.views.get::<Home>().map(|h| h.cursor), Some(1));
    press(&mut a, "backspace");
    assert!(!a.views.is_open());
    assert_eq!(a.desk.current(), here, "the reader stayed where it was");
    // A brief opened from home goes back to home, then to where it was.
    press(&mut a, "H j enter");
    assert_eq!(a.desk.reader.brief, BriefIdx(2));
    press(&mut a, "backspace");
    assert!(a.views.showing::<Home>(), "back comes home");
    assert_eq!(a.desk.current(), here, "with the reader where it was below");
    press(&mut a, "backspace");
    assert!(!a.views.is_open());
    assert_eq!(a.desk.current(), here);
    press(&mut a, "backspace");
    assert!(!a.views.is_open(), "the trail home was used up");
}

#[test]
fn the_first_home_has_nothing_to_go_back_to() {
    let mut a = first_screen(120, 40);
    press(&mut a, "backspace");
    assert!(a.views.showing::<Home>());
    assert!(
        a.desk
            .message
            .as_deref()
            .is_some_and(|m| m.contains("enter opens"))
    );
    assert!(a.home_untouched(), "quitting now saves no place");
    // Help opens over home and closes back to it.
    press(&mut a, "? esc");
    assert!(a.views.showing::<Home>());
    press(&mut a, "enter");
    assert!(!a.home_untouched());
    press(&mut a, "H");
    assert!(!a.home_untouched(), "home over the reader");
}

#[test]
fn a_click_opens_the_card_under_it() {
    let mut a = first_screen(120, 40);
    let s = screen(&a);
    let y = s
        .lines()
        .position(|l| l.contains("Peninsula Plus  CNAS"))
        .expect("card");
    a.update(Msg::Click {
        x: 10,
        y: u16::try_from(y + 1).expect("row"),
    });
    assert_eq!(a.desk.reader.brief, brief_named(&a, "peninsula-plus"));
    assert!(!a.views.is_open());
}

#[test]
fn a_list_opened_from_home_closes_back_to_home_and_one_that_goes_somewhere_leaves_it() {
    let mut a = first_screen(120, 40);
    for (key, view) in [
        ("T", "Timeline"),
        ("c", "Compare"),
        ("'", "Bookmarks"),
        ("D", "Problems"),
        ("C", "Conflicts"),
    ] {
        press(&mut a, key);
        assert!(!a.views.showing::<Home>(), "{view} opens over home");
        press(&mut a, "esc");
        assert!(a.views.showing::<Home>(), "closing {view} comes back home");
    }
    // An event of the timeline takes the reader there, and home goes.
    press(&mut a, "T g enter");
    assert!(!a.views.is_open(), "the reader, not home");
    assert_ne!(section_anchor(&a), "");
}

#[test]
fn g_in_the_timeline_goes_to_the_first_event() {
    let mut a = app(120, 40);
    press(&mut a, "T G");
    let last = a.views.get_mut::<Timeline>().map_or(0, |t| t.cursor);
    press(&mut a, "g");
    let first = a.views.get_mut::<Timeline>().map_or(0, |t| t.cursor);
    assert!(first < last, "g moved from {last} to {first}");
    assert_eq!(first, 1, "the first event, under its year");
}

#[test]
fn a_brief_opens_on_its_headline_figures_in_the_panel() {
    let mut a = first_screen(160, 45);
    let b = brief_named(&a, "strategic-tech-cooperation");
    press(&mut a, &format!("{}", b.0 + 1));
    assert_eq!(a.desk.reader.section().0, 0, "at the title block");
    let brief = a.desk.lib.brief(b).expect("brief");
    let ids: Vec<&str> = crate::tui::panel::items(&a.desk.lib, &a.desk.reader)
        .iter()
        .filter_map(|it| match it {
            crate::tui::panel::Item::Figure { figure, .. } => brief.figure(*figure),
            _ => None,
        })
        .map(|f| f.id.as_str())
        .collect();
    assert!(
        ids.contains(&"chip-exports-china") && ids.contains(&"chips-act-america-first"),
        "{ids:?}"
    );
    assert!(!screen(&a).contains("No figures or cross-references"));
}
