//! Parse + render at a fuzzer-chosen size: the first four bytes are the
//! terminal's width and height, the rest is a brief. Every view is drawn;
//! no panic, no control character on screen, no line wider than its area.
#![no_main]

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};
use briefing::tui::action::Action;
use briefing::tui::app::{App, Msg};
use briefing::tui::keymap::Keymap;
use briefing::tui::theme::Theme;
use briefing::tui::ui;
use libfuzzer_sys::fuzz_target;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn check_screen(app: &App) {
    let area = app.geometry.area;
    let mut t = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    let buf = t.backend().buffer();
    for cell in &buf.content {
        let bad = cell.symbol().chars().any(briefing::sanitize::is_unsafe);
        assert!(!bad, "control character on screen: {:?}", cell.symbol());
    }
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let w = u16::from_le_bytes([data[0], data[1]]) % 400;
    let h = u16::from_le_bytes([data[2], data[3]]) % 150;
    let text = String::from_utf8_lossy(&data[4..]).into_owned();
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "fuzz.md".into(),
        Origin::Embedded,
        text,
    ))]);
    if let Some(b) = lib.briefs.first() {
        let d = doc::build(b);
        let width = usize::from(w).max(8);
        let layout = Layout::new(&d, b.sections.len(), width, None);
        assert!(layout.max_width() <= width, "a line wider than {width}");
    }
    let mut app = App::new(
        lib,
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    );
    check_screen(&app);
    for a in [
        Action::NextPillar,
        Action::NextLink,
        Action::Open,
        Action::Bottom,
        Action::TogglePanel,
        Action::FindFigure,
        Action::Close,
        Action::Timeline,
        Action::Close,
        Action::Compare,
        Action::Open,
        Action::Close,
        Action::Close,
        Action::Help,
    ] {
        app.update(Msg::Act(a));
        app.tick();
        check_screen(&app);
    }
});
