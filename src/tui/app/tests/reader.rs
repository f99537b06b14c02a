//! The reader on wide code, wide tables and footnotes: what the screen
//! shows and where the keys take it.

use crate::tui::app::App;
use crate::tui::testkit::press;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

use crate::library::Library;
use crate::model::{Origin, SourceFile};
use crate::theme::Theme;
use crate::tui::keymap::Keymap;
use crate::tui::ui;

const BRIEF: &str = "+++\nid = \"wide\"\ntitle = \"Wide things\"\n+++\n## Code\n\nRun this[^cmd] first.\n\n```\nbriefing show digital-allies#semiconductors --width 100 | less -R\n```\n\n| Partner | Sector | Headquarters | Pledged investment | Announced | Employment | Status |\n|---|---|---|---|---|---|---|\n| Samsung Electronics | Semiconductor | Washington, D.C. | $17 billion | November 2021 | 2,000 | Building |\n\n## Later\n\nEnd.\n\n[^cmd]: The command prints the section.\n";

fn app(w: u16, h: u16) -> App {
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "wide.md".into(),
        Origin::Embedded,
        BRIEF.into(),
    ))]);
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
    let mut a = App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    );
    press(&mut a, "1");
    a
}

/// The rows of the screen, wide characters counted once.
fn screen(app: &App) -> Vec<String> {
    let area = app.desk.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    t.draw(|f| ui::draw(f, app)).expect("draw");
    let buf = t.backend().buffer();
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf.cell((x, y)).map_or(" ", |c| c.symbol()))
                .collect()
        })
        .collect()
}

fn row_with<'a>(rows: &'a [String], needle: &str) -> &'a str {
    rows.iter().find(|r| r.contains(needle)).map_or_else(
        || panic!("no row with {needle:?} in\n{}", rows.join("\n")),
        String::as_str,
    )
}

#[test]
fn a_long_code_line_is_clipped_with_a_mark_and_scrolls_sideways() {
    let mut a = app(60, 24);
    let rows = screen(&a);
    let code = row_with(&rows, "briefing show");
    assert!(
        code.contains("briefing show digital-allies#semicon"),
        "{code}"
    );
    assert!(code.contains('→'), "{code}");
    // Nothing of the code line wrapped onto the next row.
    assert!(
        !rows.iter().any(|r| r.contains("less -R")),
        "{}",
        rows.join("\n")
    );
    press(&mut a, "> > > >");
    let rows = screen(&a);
    let code = row_with(&rows, "less -R");
    assert!(code.contains('←'), "{code}");
    // Prose does not move.
    row_with(&rows, "Run this[cmd] first.");
    press(&mut a, "< < < < < <");
    row_with(&screen(&a), "briefing show digital-allies");
}

#[test]
fn a_table_too_wide_keeps_its_words_and_scrolls() {
    let mut a = app(100, 24);
    let rows = screen(&a);
    let header = row_with(&rows, "Partner");
    assert!(header.contains('→'), "{header}");
    row_with(&rows, "Semiconductor");
    assert!(!rows.iter().any(|r| r.contains("Building")));
    press(&mut a, "> > > > > > > > > > > > > >");
    row_with(&screen(&a), "Building");
}

#[test]
fn a_footnote_reference_is_selected_followed_and_left() {
    let mut a = app(60, 12);
    press(&mut a, "l");
    assert_eq!(
        a.desk.reader.selected,
        Some(crate::doc::Role::FootnoteRef(0))
    );
    press(&mut a, "enter");
    let rows = screen(&a);
    row_with(&rows, "[cmd] The command prints the section.");
    assert!(a.desk.reader.top > 0);
    press(&mut a, "backspace");
    assert_eq!(a.desk.reader.top, 0);
    row_with(&screen(&a), "Run this[cmd] first.");
}
