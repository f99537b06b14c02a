use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyEvent;

use super::*;
use crate::library::Library;
use crate::model::BriefIdx;
use crate::model::SectionIdx;
use crate::theme::Theme;
use crate::tui::keymap::parse_keys;
use crate::tui::ui;
use crate::tui::views;
use ratatui::layout::Rect;

fn app(w: u16, h: u16) -> App {
    App::new(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

fn fixture_app(w: u16, h: u16) -> App {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    App::new(
        Library::from_paths(&[dir]),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

/// Drives the real update loop with keys written as in the config file.
pub(super) fn press(app: &mut App, keys: &str) -> Effect {
    let mut last = Effect::None;
    for k in keys.split_whitespace() {
        let chord = parse_keys(k).expect("key")[0];
        last = app.update(Msg::Key(KeyEvent::new(chord.code, chord.mods)));
    }
    last
}

/// One frame the size of the app's area.
pub(super) fn render(app: &App) -> ratatui::buffer::Buffer {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    t.backend().buffer().clone()
}

/// The screen as text, wide characters counted once.
pub(super) fn screen(app: &App) -> String {
    let buf = render(app);
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
    out
}

pub(super) fn section_title(app: &App) -> String {
    let c = app.desk.current();
    app.desk
        .lib
        .brief(c.brief)
        .and_then(|b| b.section(c.section))
        .map_or_else(String::new, |s| s.title.clone())
}

#[test]
fn pillars_move_forward_and_across_briefs() {
    let mut a = app(160, 48);
    assert_eq!(a.desk.reader.brief, BriefIdx(0));
    press(&mut a, "]");
    assert_eq!(section_title(&a), "Technology and the Alliance");
    press(&mut a, "] ] ]");
    assert_eq!(section_title(&a), "Recommendations");
    press(&mut a, "]");
    assert_eq!(
        a.desk.reader.brief,
        BriefIdx(1),
        "crossed into the next brief"
    );
    press(&mut a, "[");
    assert_eq!(a.desk.reader.brief, BriefIdx(0));
    assert_eq!(section_title(&a), "Recommendations");
    press(&mut a, "3");
    assert_eq!(section_title(&a), "The Indo-Pacific Dimension");
    assert!(screen(&a).contains("Digital Allies › The Indo-Pacific Dimension"));
}

#[test]
fn following_a_link_and_coming_back() {
    let mut a = fixture_app(160, 48);
    press(&mut a, "1");
    assert_eq!(section_title(&a), "Economy");
    press(&mut a, "l");
    assert_eq!(a.desk.reader.selected, Some(crate::doc::Role::Mention(0)));
    press(&mut a, "l");
    assert_eq!(a.desk.reader.selected, Some(crate::doc::Role::Link(0)));
    press(&mut a, "enter");
    assert_eq!(a.desk.reader.brief, BriefIdx(1));
    assert_eq!(section_title(&a), "Outlook");
    let s = screen(&a);
    assert!(s.contains("Beta › Outlook"), "{s}");
    assert!(s.contains("LINKED FROM"), "backlinks shown: {s}");
    press(&mut a, "backspace");
    assert_eq!(a.desk.reader.brief, BriefIdx(0));
    assert_eq!(section_title(&a), "Economy");
    press(&mut a, "alt-right");
    assert_eq!(a.desk.reader.brief, BriefIdx(1));
}

#[test]
fn the_panel_shows_the_figures_on_screen_and_jumps_to_them() {
    let mut a = fixture_app(160, 48);
    press(&mut a, "2");
    let s = screen(&a);
    assert!(s.contains("77%"), "{s}");
    assert!(s.contains("Daily Poll"), "{s}");
    press(&mut a, "tab");
    assert_eq!(a.desk.focus, Focus::Panel);
    press(&mut a, "enter");
    assert_eq!(a.desk.reader.highlight, Some(crate::doc::Role::Mention(1)));
    // Its source passage opens over the text; closed, the figure is there.
    assert!(a.views.showing::<views::Source>());
    press(&mut a, "esc");
    press(&mut a, "backspace");
    assert_eq!(a.desk.reader.highlight, None);
}

#[test]
fn the_outline_opens_sections() {
    let mut a = fixture_app(160, 48);
    press(&mut a, "shift-tab");
    assert_eq!(a.desk.focus, Focus::Outline);
    // Rows: Alpha (open), Economy, Opinion, Beta, Notes.
    press(&mut a, "j j enter");
    assert_eq!(section_title(&a), "Opinion");
    press(&mut a, "j enter");
    assert_eq!(a.desk.reader.brief, BriefIdx(1));
    // Another brief opens where it was left...
    press(&mut a, "g enter");
    assert_eq!(a.desk.reader.brief, BriefIdx(0));
    assert_eq!(section_title(&a), "Opinion");
    // ...and the brief being read opens at its top.
    press(&mut a, "g enter");
    assert_eq!(a.desk.current().section, SectionIdx(0));
}

#[test]
fn help_is_generated_from_the_keymap() {
    let mut a = app(100, 60);
    a.keymap.bind(
        Mode::Reader,
        parse_keys("ctrl-n").expect("key"),
        Action::NextLink,
    );
    press(&mut a, "?");
    let s = screen(&a);
    assert!(s.contains("Keys — esc to close"), "{s}");
    assert!(s.contains("1–9"), "{s}");
    // The reader's keys follow the global ones, a page or so down.
    let mut seen = s;
    for _ in 0..4 {
        a.act(Action::PageDown);
        seen.push_str(&screen(&a));
    }
    assert!(seen.contains("l, →, ctrl-n"), "{seen}");
    press(&mut a, "j");
    assert!(a.views.is_open(), "keys go to the overlay");
    press(&mut a, "esc");
    assert!(!a.views.is_open());
    assert_eq!(press(&mut a, "q"), Effect::Quit);
}

#[test]
fn small_and_tiny_terminals_never_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (2, 40),
        (29, 7),
        (30, 8),
        (45, 12),
        (69, 20),
        (70, 20),
        (109, 30),
        (300, 80),
    ] {
        let mut a = app(w, h);
        press(&mut a, "] l enter tab ? esc j G");
        let s = screen(&a);
        if w < 30 || h < 8 {
            if w >= 18 && h > 0 {
                assert!(s.contains("terminal too small"), "{w}x{h}");
            }
        } else {
            assert!(!s.contains("terminal too small"), "{w}x{h}");
        }
    }
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut a = app(160, 48);
    press(&mut a, "] ]");
    let before = section_title(&a);
    a.update(Msg::Resize(Rect::new(0, 0, 90, 30)));
    assert_eq!(section_title(&a), before);
    a.update(Msg::Resize(Rect::new(0, 0, 60, 20)));
    assert_eq!(section_title(&a), before);
}

#[test]
fn mouse_wheel_scrolls_and_clicks_follow() {
    let mut big = app(160, 48);
    let t = big.desk.geometry.text;
    big.update(Msg::Wheel {
        x: t.x + 1,
        y: t.y + 1,
        down: true,
    });
    assert_eq!(big.desk.reader.top, 3);
    big.update(Msg::Wheel {
        x: t.x + 1,
        y: t.y + 1,
        down: false,
    });
    assert_eq!(big.desk.reader.top, 0);
    let mut a = fixture_app(160, 48);
    a.update(Msg::Act(Action::Pillar(1)));
    let target = a
        .desk
        .reader
        .layout
        .targets()
        .iter()
        .find(|t| t.role == crate::doc::Role::Link(0))
        .copied()
        .expect("link");
    let y = t.y + u16::try_from(target.line - a.desk.reader.top).expect("on screen");
    let x = t.x + u16::try_from(target.col).expect("col");
    a.update(Msg::Click { x, y });
    assert_eq!(a.desk.reader.brief, BriefIdx(1));
    assert_eq!(press(&mut a, "M"), Effect::SetMouse(false));
}

#[test]
fn snapshot_wide() {
    let mut a = app(160, 48);
    press(&mut a, "]");
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn snapshot_medium() {
    let mut a = app(100, 30);
    press(&mut a, "] ] ] ] ] ] ] ]");
    insta::assert_snapshot!(screen(&a));
}

#[test]
fn snapshot_narrow() {
    let mut a = app(60, 20);
    press(&mut a, "]");
    insta::assert_snapshot!(screen(&a));
    press(&mut a, "o");
    insta::assert_snapshot!("snapshot_narrow_outline", screen(&a));
}

#[test]
fn snapshot_wide_table_and_cjk() {
    let md = "# 표와 한국어\n\n## 반도체 Chips\n\n한국은 반도체 수출의 [60 percent](fig:x) 를 중국으로 보낸다. 이것은 긴 문장이며 좁은 화면에서 줄바꿈되어야 한다 🌞.\n\n| Country | Share of chip exports | Main buyer | Notes on the supply chain |\n|---|---:|---|---|\n| 한국 Korea | 60% | 중국 China | Memory chips dominate |\n| Japan | 30% | China | Materials and equipment |\n";
    let text = format!(
        "+++\nid = \"cjk\"\ntitle = \"표와 한국어\"\n\n[[figures]]\nid = \"x\"\nvalue = \"60 percent\"\nlabel = \"수출 share\"\nsection = \"반도체-chips\"\nsource = \"S\"\n+++\n{md}"
    );
    let lib = Library::from_files(vec![Ok(crate::model::SourceFile::new(
        "cjk.md".into(),
        crate::model::Origin::Embedded,
        text,
    ))]);
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
    for (w, h) in [(160, 30), (60, 24)] {
        let mut a = App::new(
            lib_clone(&lib),
            Keymap::default_keys(),
            Theme::default_theme(),
            Rect::new(0, 0, w, h),
        );
        press(&mut a, "1");
        insta::assert_snapshot!(format!("snapshot_table_cjk_{w}"), screen(&a));
    }
}

fn lib_clone(lib: &Library) -> Library {
    Library::from_files(
        lib.briefs
            .iter()
            .map(|b| {
                Ok(crate::model::SourceFile::new(
                    b.source.name.clone(),
                    b.source.origin.clone(),
                    b.source.text().to_string(),
                ))
            })
            .collect(),
    )
}

pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Key(KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )));
    }
}

#[test]
fn a_long_brief_shows_its_layout_progress_even_in_a_narrow_bar() {
    use std::fmt::Write as _;
    // Four times what opens in the background, so the worker is still
    // going when the first frame is drawn.
    // Its title and pillars fill a narrow status bar on their own.
    let mut md = String::from("# A brief whose title is long enough to fill the bar\n\n");
    let mut i = 0;
    while md.len() < 1024 * 1024 {
        let _ = write!(
            md,
            "## Pillar {i} and what the alliance means by it\n\nA paragraph about pillar {i}, long enough to wrap in a narrow pane.\n\n"
        );
        i += 1;
    }
    let mut seen = 0;
    for width in [150, 50] {
        let lib = Library::from_files(vec![Ok(crate::model::SourceFile::new(
            "long.md".into(),
            crate::model::Origin::Embedded,
            md.clone(),
        ))]);
        let mut a = App::new(
            lib,
            Keymap::default_keys(),
            Theme::default_theme(),
            Rect::new(0, 0, width, 16),
        );
        if a.desk.reader.progress().is_none() {
            continue;
        }
        let last = screen(&a).lines().last().unwrap_or_default().to_owned();
        assert!(last.contains("laying out"), "at {width}: {last:?}");
        seen += 1;
        a.desk.reader.finish();
        assert!(!screen(&a).contains("laying out"));
    }
    assert!(
        seen > 0,
        "the layout always finished before the first frame"
    );
}

mod copy;
mod finding;
mod first_part;
mod glossary;
mod help;
mod history;
mod home;
mod home_large;
mod keep;
mod measures;
mod outside;
mod place;
mod reader;
mod reading;
mod settings;
mod source;
mod stack;

#[test]
fn the_end_of_a_long_brief_shows_before_the_whole_is_laid_out() {
    use std::fmt::Write as _;
    let mut md = String::from("# A long brief\n\n");
    let mut i = 0;
    while md.len() < 2 * 1024 * 1024 {
        let _ = write!(
            md,
            "## Pillar {i}\n\nA paragraph about pillar {i}, with [a link](#pillar-0) in it, long enough to wrap in the pane.\n\n"
        );
        i += 1;
    }
    md.push_str("## The end\n\nThe last [link](#pillar-1).\n\nLAST-LINE-MARKER\n");
    let mut seen = 0;
    for _ in 0..3 {
        let lib = Library::from_files(vec![Ok(crate::model::SourceFile::new(
            "long.md".into(),
            crate::model::Origin::Embedded,
            md.clone(),
        ))]);
        let last_link = lib.brief(BriefIdx(0)).map_or(0, |b| b.links.len() - 1);
        let mut a = App::new(
            lib,
            Keymap::default_keys(),
            Theme::default_theme(),
            Rect::new(0, 0, 120, 30),
        );
        if a.desk.reader.progress().is_none() {
            continue;
        }
        press(&mut a, "G");
        if a.desk.reader.progress().is_none() {
            // The whole was laid out before G came: nothing to show.
            continue;
        }
        seen += 1;
        assert!(screen(&a).contains("LAST-LINE-MARKER"));
        assert_eq!(section_title(&a), "The end");
        // The last link on screen is the brief's last, as in the whole.
        press(&mut a, "h");
        assert_eq!(a.desk.reader.progress(), None, "other keys wait for it");
        assert_eq!(
            a.desk.reader.selected,
            Some(crate::doc::Role::Link(
                u32::try_from(last_link).unwrap_or(0)
            ))
        );
        assert!(screen(&a).contains("LAST-LINE-MARKER"));
        assert_eq!(a.desk.reader.top, a.desk.reader.max_top());
        press(&mut a, "g g");
        assert!(screen(&a).contains("Pillar 0"));
    }
    assert!(seen > 0, "the layout always finished before G");
}
