//! What the status bar offers: the keys of the commands that do something
//! now, from the live keymap, and the keys of a sequence still waiting for
//! its next key.

use crate::tui::app::App;
use crate::tui::keymap::keys_to_string;
use crate::tui::views::GLOBAL_COMMANDS;

/// (keys, label) for each command of the top view (or of the reader) that
/// a key does now.
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    let mode = app.mode();
    let top = app.views.top();
    let commands = top.map_or(GLOBAL_COMMANDS, |v| v.commands());
    commands
        .iter()
        .filter(|c| top.map_or_else(|| app.can(c.action), |v| v.enabled(&app.scene(), c.action)))
        .filter_map(|c| app.keymap.key_for(mode, c.action).map(|k| (k, c.label)))
        .collect()
}

/// " g…  g bottom · alone: top" while a sequence waits for its next key.
pub fn pending(app: &App) -> Option<String> {
    let keys = app.pending_keys();
    if keys.is_empty() {
        return None;
    }
    let name = |a: crate::tui::action::Action| a.name().replace('_', " ");
    let mut out = format!(" {}…", keys_to_string(keys));
    let next: Vec<String> = app
        .keymap
        .continuations(app.mode(), keys)
        .into_iter()
        .map(|(rest, a)| format!("{} {}", keys_to_string(&rest), name(a)))
        .collect();
    if !next.is_empty() {
        out.push_str("  ");
        out.push_str(&next.join(" · "));
    }
    if let Some(a) = app.pending_alone() {
        out.push_str(" · alone: ");
        out.push_str(&name(a));
    }
    Some(out)
}
