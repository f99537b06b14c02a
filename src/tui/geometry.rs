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

/// Narrowest an outline or a panel is drawn before it is hidden.
const OUTLINE_MIN: u16 = 20;
const PANEL_MIN: u16 = 24;

/// The outline's and the panel's widths (0: not shown) at `width`. Reading
/// comes first: the reading pane keeps at least 55% of the screen (66
/// columns at 120), so it is the widest pane; the outline and the panel
/// give way, narrower first, then hidden (the panel before the outline).
fn sidebars(width: u16, outline: bool, panel: bool, sizes: Sizes) -> (u16, u16) {
    let mut ow = match (outline, width >= WIDE) {
        (false, _) => 0,
        (true, true) => 32,
        (true, false) => 26,
    };
    let mut pw = match (panel, sizes.panel) {
        (false, _) => 0,
        // The reader keeps at least half the screen.
        (true, Some(w)) => w.min((width - ow) / 2),
        (true, None) if width >= 140 => 42,
        (true, None) => 36,
    };
    let read = width - width * 9 / 20;
    let left = width.saturating_sub(read);
    if ow + pw <= left {
        return (ow, pw);
    }
    let mins = if ow > 0 { OUTLINE_MIN } else { 0 } + if pw > 0 { PANEL_MIN } else { 0 };
    if mins > left && ow > 0 && pw > 0 {
        pw = 0;
    }
    if ow + pw <= left {
        return (ow, pw);
    }
    let total = u32::from(ow + pw);
    let scale = |w: u16, min: u16| -> u16 {
        let share = u32::from(w) * u32::from(left) / total;
        u16::try_from(share).unwrap_or(w).max(min)
    };
    let (o, p) = (ow, pw);
    ow = if o > 0 { scale(o, OUTLINE_MIN) } else { 0 };
    pw = if p > 0 { scale(p, PANEL_MIN) } else { 0 };
    if ow + pw > left {
        // Even narrowest they do not fit beside the text: the one left
        // takes what there is.
        ow = ow.min(left);
        pw = pw.min(left.saturating_sub(ow));
    }
    (ow, pw)
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
        let (ow, pw) = sidebars(area.width, outline, panel, sizes);
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
        assert_eq!(g.outline.map(|r| r.width), Some(31));
        assert_eq!(g.panel.map(|r| r.width), Some(40));
        assert_eq!(g.text.width, 85);
        let g = compute(Rect::new(0, 0, 200, 48), true, true, Sizes::default());
        assert_eq!(g.outline.map(|r| r.width), Some(32));
        assert_eq!(g.panel.map(|r| r.width), Some(42));
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
        let (reader, panel) = (
            g.reader.map_or(0, |r| r.width),
            g.panel.map_or(0, |r| r.width),
        );
        assert!(reader >= 66 && panel > 0 && panel < reader, "{g:?}");
    }

    #[test]
    fn reading_comes_first_and_the_side_panes_give_way() {
        let w = |g: &Geometry| {
            let f = |r: Option<Rect>| r.map_or(0, |r| r.width);
            (f(g.outline), f(g.reader), f(g.panel))
        };
        // At 120 columns the reading pane is the widest, 66 at least.
        let (o, r, p) = w(&compute(
            Rect::new(0, 0, 120, 40),
            true,
            true,
            Sizes::default(),
        ));
        assert!(
            r >= 66 && r > o && r > p && o >= OUTLINE_MIN && p >= PANEL_MIN,
            "{o} {r} {p}"
        );
        // Narrower, the panel goes before the outline does.
        let (o, r, p) = w(&compute(
            Rect::new(0, 0, 80, 24),
            true,
            true,
            Sizes::default(),
        ));
        assert!(p == 0 && o > 0 && r >= 44, "{o} {r} {p}");
        // Wide enough, both keep their full width.
        let (o, _, p) = w(&compute(
            Rect::new(0, 0, 200, 50),
            true,
            true,
            Sizes::default(),
        ));
        assert_eq!((o, p), (32, 42));
    }
}
