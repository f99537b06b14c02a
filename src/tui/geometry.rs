//! Where each pane goes for a terminal size. Computed from the size alone (and
//! the panes the reader asked for), so update and draw agree.

use ratatui::layout::Rect;

/// Below this the screen shows only "terminal too small".
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// Widest comfortable reading measure; wider panes centre the text.
pub const MEASURE: u16 = 100;
/// From this width the figures panel shows by default.
pub const WIDE: u16 = 110;
/// Below this width only one pane shows at a time.
pub const NARROW: u16 = 70;

/// The sizes a reader may set in the config.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// The widest the text runs.
    pub measure: u16,
    /// The figures panel's width; `None` sizes it to the terminal.
    pub panel: Option<u16>,
}

impl Default for Sizes {
    fn default() -> Self {
        Self {
            measure: MEASURE,
            panel: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    pub area: Rect,
    pub too_small: bool,
    pub outline: Option<Rect>,
    pub reader: Option<Rect>,
    /// The text inside the reader: measure-wide and centred.
    pub text: Rect,
    pub panel: Option<Rect>,
    pub status: Rect,
}

/// Which optional panes show by default at `width`.
pub fn defaults(width: u16) -> (bool, bool) {
    (width >= NARROW, width >= WIDE)
}

pub fn compute(area: Rect, outline: bool, panel: bool, sizes: Sizes) -> Geometry {
    let mut g = Geometry {
        area,
        ..Geometry::default()
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        g.too_small = true;
        return g;
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    g.status = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    if area.width < NARROW {
        // One pane at a time: an open outline or panel covers the reader.
        if outline {
            g.outline = Some(body);
        } else if panel {
            g.panel = Some(body);
        } else {
            g.reader = Some(body);
        }
    } else {
        let ow = if outline {
            if area.width >= WIDE { 32 } else { 26 }
        } else {
            0
        };
        let pw = match (panel, sizes.panel) {
            (false, _) => 0,
            // The reader keeps at least half the screen.
            (true, Some(w)) => w.min((area.width - ow) / 2),
            (true, None) if area.width >= 140 => 42,
            (true, None) => 36,
        };
        let rw = area.width.saturating_sub(ow + pw);
        if outline {
            g.outline = Some(Rect { width: ow, ..body });
        }
        g.reader = Some(Rect {
            x: body.x + ow,
            width: rw,
            ..body
        });
        if panel {
            g.panel = Some(Rect {
                x: body.x + ow + rw,
                width: pw,
                ..body
            });
        }
    }
    if let Some(r) = g.reader {
        let inner_w = r.width.saturating_sub(4);
        let w = inner_w.min(sizes.measure);
        g.text = Rect {
            x: r.x + 2 + (inner_w - w) / 2,
            y: r.y + 1,
            width: w,
            height: r.height.saturating_sub(2),
        };
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_by_width() {
        let g = compute(Rect::new(0, 0, 160, 48), true, true, Sizes::default());
        assert_eq!(g.outline.map(|r| r.width), Some(32));
        assert_eq!(g.panel.map(|r| r.width), Some(42));
        assert_eq!(g.text.width, 82);
        let g = compute(Rect::new(0, 0, 60, 20), true, false, Sizes::default());
        assert!(g.reader.is_none());
        assert_eq!(g.outline.map(|r| r.width), Some(60));
        assert!(compute(Rect::new(0, 0, 20, 5), false, false, Sizes::default()).too_small);
        let g = compute(Rect::new(0, 0, 300, 50), false, false, Sizes::default());
        assert_eq!(g.text.width, MEASURE);
        assert_eq!(g.text.x, (296 - 100) / 2 + 2);
    }

    #[test]
    fn the_config_sets_measure_and_panel_width() {
        let sizes = Sizes {
            measure: 60,
            panel: Some(50),
        };
        let g = compute(Rect::new(0, 0, 300, 50), false, true, sizes);
        assert_eq!(g.text.width, 60);
        assert_eq!(g.panel.map(|r| r.width), Some(50));
        // A panel never takes more than half of what the outline leaves.
        let g = compute(
            Rect::new(0, 0, 120, 40),
            true,
            true,
            Sizes {
                measure: 60,
                panel: Some(100),
            },
        );
        assert_eq!(g.panel.map(|r| r.width), Some((120 - 32) / 2));
    }
}
