//! Cases 8–11: any terminal size, any text. Every view renders at random
//! sizes (0×0, 1×1 and 2×N among them) over briefs drawn from an alphabet of
//! ASCII, CJK, emoji with ZWJ and VS16, combining marks, tabs and controls:
//! no panic, no cell outside the screen, no line wider than its pane.

use briefing::library::Library;
use briefing::model::{Origin, SourceFile};
use briefing::tui::app::{App, Msg};
use proptest::prelude::*;
use ratatui::layout::Rect;

use crate::screen::{self, assert_sound};

/// Pieces of text a brief may hold, in one grapheme or a few.
const ALPHABET: &[&str] = &[
    "a",
    "b",
    "Z",
    "7",
    " ",
    " ",
    " ",
    ".",
    ",",
    "-",
    "%",
    "한",
    "국",
    "中",
    "文",
    "🌞",
    "👩\u{200d}👩\u{200d}👧",
    "❤\u{fe0f}",
    "👍\u{1f3fd}",
    "e\u{301}",
    "a\u{20dd}\u{301}",
    "\t",
    "\x1b[2J",
    "\u{9b}",
    "\x07",
    "\x7f",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "\n",
    "ｗｉｄｅ",
    "x\u{200d}",
];

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max).prop_map(|v| v.concat())
}

/// Front-matter text: the same alphabet without the controls `check`
/// rejects, so the brief loads.
fn meta(max: usize) -> impl Strategy<Value = String> {
    words(max).prop_map(|s| {
        s.chars()
            .filter(|&c| c == '\t' || !briefing::sanitize::is_unsafe(c))
            .collect::<String>()
            .replace('\n', " ")
    })
}

fn toml(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A brief with generated text in every place the reader draws text.
fn brief() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(meta(12), 6),
        prop::collection::vec(words(40), 10),
    )
        .prop_map(|(m, t)| {
            let one_line = |s: &str| s.replace('\n', " ");
            format!(
                "+++\nid = \"gen\"\ntitle = {}\nshort_title = {}\npublisher = {}\n\
                 [[figures]]\nid = \"f\"\nvalue = {}\nlabel = {}\nsection = \"s\"\nsource = {}\ntags = [{}]\n\
                 [[events]]\ndate = \"2020\"\nlabel = {}\nsection = \"s\"\n+++\n\
                 ## S\n\nStart {} [x](fig:f) {}\n\n| {} | b |\n|---|--:|\n| {} | {} |\n\n\
                 ```\n{}\n```\n\n- {}\n  - {}\n\n> {}\n\n## T {}\n\n{}\n",
                toml(&m[0]),
                toml(&m[1]),
                toml(&m[2]),
                toml(&m[3]),
                toml(&m[4]),
                toml(&m[5]),
                toml(&m[0]),
                toml(&m[1]),
                one_line(&t[0]),
                t[1],
                one_line(&t[2]),
                one_line(&t[3]),
                one_line(&t[4]),
                t[5],
                t[6],
                t[7],
                t[8],
                one_line(&t[9]),
                t[2],
            )
        })
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        Just((0, 0)),
        Just((1, 1)),
        (0u16..3, 0u16..80),
        (0u16..80, 0u16..3),
        (0u16..40, 0u16..12),
        (0u16..260, 0u16..90),
    ]
}

fn library(text: &str) -> Library {
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "gen.md".into(),
        Origin::Embedded,
        text.to_owned(),
    ))]);
    assert_eq!(lib.briefs.len(), 1, "{:?}\n{text}", lib.diagnostics);
    lib
}

/// The screen is sound and the reader's lines fit the text area.
fn check(app: &App, what: &str) {
    let buf = screen::draw(app);
    assert_sound(&buf, what);
    if app.desk.geometry.reader.is_some() {
        screen::assert_fits(app, what);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(crate::cases(64)))]

    #[test]
    fn every_view_renders_at_any_size(text in brief(), (w, h) in size()) {
        let mut app = screen::app(library(&text), w, h);
        screen::visit_every_view(&mut app, "a\u{301}한\x1b", &mut |app, what| {
            check(app, &format!("{w}x{h} {what}"));
        });
    }

    #[test]
    fn a_resize_storm_keeps_the_screen_sound(
        text in brief(),
        sizes in prop::collection::vec(size(), 1..24),
    ) {
        let mut app = screen::app(library(&text), 120, 40);
        app.update(Msg::Act(briefing::tui::action::Action::NextPillar));
        let before = app.desk.current();
        for (w, h) in sizes {
            app.update(Msg::Resize(Rect::new(0, 0, w, h)));
            check(&app, &format!("{w}x{h}"));
        }
        app.update(Msg::Resize(Rect::new(0, 0, 120, 40)));
        check(&app, "back to 120x40");
        prop_assert_eq!(app.desk.current(), before, "the reading position survives the storm");
    }
}

#[test]
fn the_embedded_library_renders_at_edge_sizes() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (2, 1),
        (2, 50),
        (50, 2),
        (29, 7),
        (30, 8),
        (31, 9),
        (69, 20),
        (70, 8),
        (109, 9),
        (110, 8),
        (400, 120),
    ] {
        let mut app = screen::app(Library::embedded(), w, h);
        screen::visit_every_view(&mut app, "chip", &mut |app, what| {
            check(app, &format!("{w}x{h} {what}"));
        });
        let shown = screen::text(&screen::draw(&app));
        if w < 30 || h < 8 {
            if w >= 18 && h > 0 {
                assert!(shown.contains("terminal too small"), "{w}x{h}:\n{shown}");
            }
        } else {
            assert!(!shown.contains("terminal too small"), "{w}x{h}:\n{shown}");
        }
    }
}

/// Case 11: drawing code writes cells through `cell_mut` (an `Option`),
/// never by indexing the buffer, which panics out of bounds.
#[test]
fn drawing_never_indexes_the_buffer_directly() {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut stack = vec![ui];
    let mut checked = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/tui") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let src = std::fs::read_to_string(&path).expect("source");
                for (n, line) in src.lines().enumerate() {
                    let code = line.split("//").next().unwrap_or("");
                    for bad in ["buf[(", "buffer[(", "buf[Position", "buffer_mut()[("] {
                        assert!(
                            !code.contains(bad),
                            "{}:{}: direct buffer indexing: {line}",
                            path.display(),
                            n + 1
                        );
                    }
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 10);
}
