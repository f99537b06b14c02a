//! What the `parse_render` fuzz target checks of one input, shared with the
//! regression test that replays the inputs it found
//! (`tests/hostile/fuzzed.rs`): the first four bytes are the terminal's
//! width and height, the rest a brief. The brief lays out within its
//! width, and every view draws at that size with no control character on
//! screen. Panics on the first failure.

use briefing::doc;
use briefing::layout::Layout;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};
use briefing::theme::Theme;
use briefing::tui::action::Action;
use briefing::tui::app::{App, Msg};
use briefing::tui::keymap::Keymap;
use briefing::tui::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// The actions taken after the first frame, each followed by a frame.
const ACTIONS: [Action; 14] = [
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
];

fn check_screen(app: &App, what: &str) {
    let area = app.desk.geometry.area;
    let Ok(mut t) = Terminal::new(TestBackend::new(area.width, area.height));
    let Ok(_) = t.draw(|f| ui::draw(f, app));
    for cell in &t.backend().buffer().content {
        let bad = cell.symbol().chars().any(briefing::sanitize::is_unsafe);
        assert!(
            !bad,
            "{what}: control character on screen: {:?}",
            cell.symbol()
        );
    }
}

/// Runs every check on `data`.
pub fn run(data: &[u8]) {
    let Some((size, rest)) = data.split_at_checked(4) else {
        return;
    };
    let w = u16::from_le_bytes([size[0], size[1]]) % 400;
    let h = u16::from_le_bytes([size[2], size[3]]) % 150;
    let text = String::from_utf8_lossy(rest).into_owned();
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
    check_screen(&app, "first frame");
    for a in ACTIONS {
        app.update(Msg::Act(a));
        app.tick();
        check_screen(&app, &format!("after {a:?}"));
    }
}
