//! Home as a layer of the app: opened over the reader with `H`, and come
//! back to when `Backspace` returns past a brief opened from it.

use super::App;
use crate::tui::views::Home;

impl App {
    /// `H`: home, over whatever was open.
    pub(super) fn go_home(&mut self) {
        self.views.close_all();
        self.return_home();
    }

    /// Opens home over the reader, which stays where it is below.
    pub(super) fn return_home(&mut self) {
        self.open_view::<Home>();
        if let Some(h) = self.views.get_mut::<Home>() {
            h.over_reader = true;
        }
    }

    /// True while the home of the first screen is open and was never
    /// left: the reader has no place worth saving.
    pub fn home_untouched(&self) -> bool {
        self.views
            .stack()
            .any(|v| (v as &dyn std::any::Any).is::<Home>())
            && self.views.get::<Home>().is_some_and(|h| !h.over_reader)
    }

    /// True if the place `back` returns to was left for a brief opened
    /// from home; forgets that it was.
    pub(super) fn home_is_behind(&mut self) -> bool {
        let depth = self.desk.history_depth();
        let Some(home) = self.views.get_mut::<Home>() else {
            return false;
        };
        home.trail.retain(|d| *d <= depth);
        if depth > 0 && home.trail.last() == Some(&depth) {
            home.trail.pop();
            true
        } else {
            false
        }
    }
}
