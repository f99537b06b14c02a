//! Where the reader is: the place that drives the status bar, the panel
//! and the outline, and opening a problem's place.

use super::{Desk, Focus};
use crate::diag::Diagnostic;
use crate::model::BriefIdx;

impl Desk {
    /// Opens the brief a problem is in, at the problem's line; a file
    /// that did not load is named in the status bar instead.
    pub fn open_problem(&mut self, d: &Diagnostic) {
        let Some(b) = self
            .lib
            .briefs
            .iter()
            .position(|b| *b.source.name == *d.path)
            .map(BriefIdx)
        else {
            self.message = Some(format!(
                "{} did not load: it opens once its errors are fixed",
                crate::sanitize::line(&d.path)
            ));
            return;
        };
        let offset = self.lib.brief(b).map_or(0, |brief| {
            d.pos.map_or(0, |p| {
                brief.source.lines().line_start(p.line.saturating_sub(1))
            })
        });
        self.remember();
        self.reader.go_offset(&self.lib, b, offset);
        if self.geometry.reader.is_some() {
            self.focus = Focus::Reader;
        }
        self.outline_follow();
    }
}
