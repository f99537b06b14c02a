//! Read marks in the reader (with a clock the test moves), the reviewed
//! mark, the terminal cursor on the selection, and the marks in the
//! high-contrast and colourless themes.

use crate::tui::testkit::press;
use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;

use crate::library::Library;
use crate::theme::Theme;
use crate::tui::app::App;
use crate::tui::keymap::Keymap;
use crate::tui::marks::ReadTracker;
use crate::tui::ui;

/// An app whose read rule runs on a clock moved by hand (milliseconds).
fn app(w: u16, h: u16, theme: Theme) -> (App, Arc<AtomicU64>) {
    let mut a = App::new(
        Library::embedded(),
        Keymap::default_keys(),
        theme,
        Rect::new(0, 0, w, h),
    );
    let base = Instant::now();
    let ms = Arc::new(AtomicU64::new(0));
    let clock = Arc::clone(&ms);
    a.desk.reading = ReadTracker::new(Box::new(move || {
        base + Duration::from_millis(clock.load(Ordering::SeqCst))
    }));
    (a, ms)
}

/// Lets `ms` pass with the screen as it is, as the event loop would.
fn wait(app: &mut App, clock: &AtomicU64, ms: u64) {
    app.tick();
    clock.fetch_add(ms, Ordering::SeqCst);
    app.tick();
}

fn draw(app: &App) -> (Buffer, Option<Position>) {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    let b = t.backend_mut();
    let cursor = b.cursor_visible().then(|| b.cursor_position());
    (b.buffer().clone(), cursor)
}

fn row(buf: &Buffer, y: u16, xs: std::ops::Range<u16>) -> String {
    let mut out = String::new();
    for x in xs {
        out.push_str(buf.cell((x, y)).map_or(" ", |c| c.symbol()));
    }
    out
}

fn screen(app: &App) -> String {
    let (buf, _) = draw(app);
    (0..buf.area.height)
        .map(|y| row(&buf, y, 0..buf.area.width) + "\n")
        .collect()
}

fn go(app: &mut App, id: &str, anchor: &str) {
    let to = app
        .desk
        .lib
        .target(&format!("{id}#{anchor}"))
        .expect("target");
    app.desk.go(to);
}

#[test]
fn a_section_on_screen_long_enough_is_read_and_scrolling_past_is_not() {
    let (mut a, clock) = app(120, 40, Theme::default_theme());
    // Page through a brief, a page every 400 ms: nothing is read.
    go(&mut a, "renew-elevate-modernize", "foreword");
    for _ in 0..12 {
        press(&mut a, "space");
        wait(&mut a, &clock, 400);
    }
    let b = &a.desk.lib.briefs[a.desk.reader.brief.0];
    assert_eq!(
        crate::tui::marks::progress(a.desk.marks(), b).read,
        0,
        "scrolling past is not reading"
    );
    // A short section whole on screen: read once its words' time is up.
    go(&mut a, "peninsula-plus", "overview");
    wait(&mut a, &clock, 1_000);
    assert!(
        !a.desk.marks().is_read("peninsula-plus", "overview"),
        "1 s is not enough"
    );
    wait(&mut a, &clock, 30_000);
    assert!(a.desk.marks().is_read("peninsula-plus", "overview"));
    assert!(
        !a.desk.marks().is_read("peninsula-plus", "recommendations"),
        "the next sections only peek in"
    );
    // The outline and home show it with a glyph.
    let s = screen(&a);
    assert!(row_ends(&s, "Overview", "✓"), "{s}");
    assert!(s.contains("✓1/6"), "{s}");
    press(&mut a, "H");
    assert!(screen(&a).contains("6 pillars · ✓ 1/6"));
    // Behind home, no time counts.
    wait(&mut a, &clock, 600_000);
    assert_eq!(
        crate::tui::marks::progress(a.desk.marks(), &a.desk.lib.briefs[2]).read,
        1
    );
}

#[test]
fn r_marks_the_current_section_reviewed_and_again_unmarks_it() {
    let (mut a, _) = app(120, 40, Theme::default_theme());
    press(&mut a, "r");
    assert!(
        a.desk
            .message
            .as_deref()
            .is_some_and(|m| m.contains("not a section")),
        "the opening of a brief is no section"
    );
    go(&mut a, "strategic-tech-cooperation", "domestic-support");
    press(&mut a, "r");
    assert!(
        a.desk
            .marks()
            .is_reviewed("strategic-tech-cooperation", "domestic-support")
    );
    assert_eq!(
        a.desk.message.as_deref(),
        Some("★ reviewed: Domestic Support")
    );
    let s = screen(&a);
    assert!(row_ends(&s, "Domestic Supp", "★"), "{s}");
    assert!(s.contains("0/9 ★1"), "{s}");
    press(&mut a, "H");
    assert!(screen(&a).contains("7 pillars · 0/9  ★ 1"));
    press(&mut a, "backspace r");
    assert!(
        !a.desk
            .marks()
            .is_reviewed("strategic-tech-cooperation", "domestic-support")
    );
    // In the outline, r marks the row under the cursor.
    press(&mut a, "shift-tab k r");
    assert!(a.desk.marks().is_reviewed(
        "strategic-tech-cooperation",
        "threat-perception-and-credibility"
    ));
}

/// Presses `l` past the glossary terms to the next link or figure.
fn select_link(a: &mut App) {
    for _ in 0..40 {
        press(a, "l");
        if matches!(
            a.desk.reader.selected,
            Some(crate::doc::Role::Link(_) | crate::doc::Role::Mention(_))
        ) {
            return;
        }
    }
}

#[test]
fn the_terminal_cursor_sits_on_the_selection_and_hides_without_one() {
    let (mut a, _) = app(120, 40, Theme::default_theme());
    go(&mut a, "strategic-tech-cooperation", "domestic-support");
    let (_, cursor) = draw(&a);
    assert_eq!(cursor, None, "nothing selected in the text");
    // A link selected in the text: on its first cell.
    select_link(&mut a);
    let (buf, cursor) = draw(&a);
    let at = cursor.expect("on the link");
    let cell = buf.cell(at).expect("cell");
    assert!(
        cell.modifier.contains(Modifier::BOLD),
        "the cursor is on the selected link"
    );
    let link = a.desk.reader.selected.expect("selected");
    let t = a
        .desk
        .reader
        .layout
        .targets()
        .iter()
        .find(|t| t.role == link)
        .expect("target");
    assert_eq!(
        (at.x, at.y),
        (
            a.desk.geometry.text.x + u16::try_from(t.col).expect("col"),
            a.desk.geometry.text.y + u16::try_from(t.line - a.desk.reader.top).expect("line")
        )
    );
    // The outline's cursor row.
    press(&mut a, "shift-tab");
    let (buf, cursor) = draw(&a);
    let at = cursor.expect("on the outline row");
    assert!(row(&buf, at.y, at.x..at.x + 20).contains("Domestic Support"));
    // The panel's selected row.
    press(&mut a, "shift-tab");
    let (buf, cursor) = draw(&a);
    let at = cursor.expect("on the panel row");
    let g = a.desk.geometry.panel.expect("panel");
    assert!(at.x > g.x && at.x < g.right(), "{at:?} in {g:?}");
    assert_eq!(
        buf.cell(at).map(|c| c.bg),
        buf.cell((at.x + 1, at.y)).map(|c| c.bg)
    );
    // A view without a cursor of its own hides it.
    press(&mut a, "?");
    assert_eq!(draw(&a).1, None, "the help has no selection");
}

/// Each row of a region, then a row of what style each cell has besides
/// colour: R reversed, U underlined, I italic, B bold, `.` none.
fn styled(buf: &Buffer, area: Rect) -> String {
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut marks = String::new();
        for x in area.left()..area.right() {
            let m = buf.cell((x, y)).map_or(Modifier::empty(), |c| c.modifier);
            marks.push(if m.contains(Modifier::REVERSED) {
                'R'
            } else if m.contains(Modifier::UNDERLINED) {
                'U'
            } else if m.contains(Modifier::ITALIC) {
                'I'
            } else if m.contains(Modifier::BOLD) {
                'B'
            } else {
                '.'
            });
        }
        let _ = writeln!(out, "{}\n{marks}", row(buf, y, area.left()..area.right()));
    }
    out
}

/// The outline with a read and a reviewed section and its cursor row, and
/// a line of text with the selected link, in one theme.
fn marks_in(theme: Theme) -> String {
    let (mut a, clock) = app(100, 40, theme);
    // Introduction read, Workshop Takeaways reviewed, a link selected in
    // Tenets of Enduring Alliances, and the outline's cursor on it.
    go(&mut a, "strategic-tech-cooperation", "introduction");
    wait(&mut a, &clock, 60_000);
    press(&mut a, "] r ]");
    select_link(&mut a);
    press(&mut a, "shift-tab");
    let (buf, _) = draw(&a);
    let outline = a.desk.geometry.outline.expect("outline");
    let text = a.desk.geometry.text;
    let sel = a.desk.reader.selected.expect("a link");
    let line = a
        .desk
        .reader
        .layout
        .targets()
        .iter()
        .find(|t| t.role == sel)
        .map(|t| t.line - a.desk.reader.top)
        .expect("on screen");
    let link_row = Rect {
        y: text.y + u16::try_from(line).expect("row"),
        height: 1,
        ..text
    };
    format!(
        "{}\n{}",
        styled(
            &buf,
            Rect {
                height: 14,
                ..outline
            }
        ),
        styled(&buf, link_row)
    )
}

#[test]
fn marks_and_the_selection_show_without_colour_in_high_contrast() {
    let theme = Theme::builtin("high-contrast").expect("theme");
    let s = marks_in(theme);
    assert!(s.contains('✓') && s.contains('★'), "{s}");
    assert!(
        s.contains("UUUUUUUUUU"),
        "the selection is underlined:\n{s}"
    );
    insta::assert_snapshot!("marks_high_contrast", s);
}

#[test]
fn marks_and_the_selection_show_without_colour_under_no_color() {
    let mut theme = Theme::default_theme();
    theme.monochrome = true;
    let s = marks_in(theme);
    assert!(s.contains('✓') && s.contains('★'), "{s}");
    assert!(s.contains("RRRRRRRRRR"), "the selection is reversed:\n{s}");
    assert!(s.contains("Workshop Takeaways ★"), "{s}");
    assert!(s.contains("Introduction       ✓"), "{s}");
    insta::assert_snapshot!("marks_no_color", s);
}

#[test]
fn in_the_lists_the_cursor_sits_on_the_selected_row() {
    let (mut a, _) = app(120, 40, Theme::default_theme());
    let selection = a.theme.get(crate::theme::Slot::Selection).bg;
    for keys in ["T j j", "esc c j", "esc / c h i p tab j"] {
        press(&mut a, keys);
        let (buf, cursor) = draw(&a);
        let at = cursor.unwrap_or_else(|| panic!("{keys}: no cursor"));
        assert_eq!(
            buf.cell(at).map(|c| c.bg),
            selection,
            "{keys}: the cursor is on the selected row:\n{}",
            row(&buf, at.y, 0..120)
        );
    }
    press(&mut a, "esc '");
    assert_eq!(draw(&a).1, None, "no bookmarks: nothing selected");
}

/// True if an outline row holding `title` ends (before its border) with
/// `glyph`: the row's width moves with the screen's.
fn row_ends(screen: &str, title: &str, glyph: &str) -> bool {
    screen.lines().any(|l| {
        l.split('│')
            .find(|cell| cell.contains(title))
            .is_some_and(|cell| cell.trim_end().ends_with(glyph))
    })
}
