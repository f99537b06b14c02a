//! The help's lines: every binding of the live keymap by mode, filtered
//! and wrapped into two columns.

use crate::tui::action::Action;
use crate::tui::keymap::{Keymap, Lookup, Mode, keys_to_string};

/// One screen line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub keys: String,
    pub desc: String,
    pub heading: bool,
    pub key_w: u16,
}

/// The help's lines for a body `width` wide: the entries that match
/// `filter` (keys, description or the heading of their mode), their keys
/// and descriptions wrapped in two columns.
pub fn rows(keymap: &Keymap, filter: &str, width: u16) -> Vec<Row> {
    let needle = filter.to_lowercase();
    let has = |s: &str| s.to_lowercase().contains(&needle);
    let mut sections: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for (keys, desc, heading) in help_lines(keymap) {
        if heading {
            sections.push((keys, Vec::new()));
        } else if let Some((title, entries)) = sections.last_mut()
            && !keys.is_empty()
            && (needle.is_empty() || has(title) || has(&keys) || has(&desc))
        {
            entries.push((keys, desc));
        }
    }
    let key_w = sections
        .iter()
        .flat_map(|(_, e)| e.iter())
        .map(|(k, _)| unicode_width::UnicodeWidthStr::width(k.as_str()))
        .max()
        .unwrap_or(0)
        .clamp(6, usize::from(width / 3).max(6));
    let desc_w = usize::from(width).saturating_sub(key_w + 1).max(8);
    let key_w16 = u16::try_from(key_w).unwrap_or(u16::MAX);
    let mut out: Vec<Row> = Vec::new();
    for (title, entries) in sections.into_iter().filter(|(_, e)| !e.is_empty()) {
        if !out.is_empty() {
            out.push(row(String::new(), String::new(), false, key_w16));
        }
        for line in textwrap::wrap(&title, usize::from(width).max(8)) {
            out.push(row(line.into_owned(), String::new(), true, key_w16));
        }
        for (keys, desc) in entries {
            let ks = textwrap::wrap(&keys, key_w);
            let ds = textwrap::wrap(&desc, desc_w);
            for i in 0..ks.len().max(ds.len()) {
                let part = |v: &[std::borrow::Cow<'_, str>]| v.get(i).map(ToString::to_string);
                out.push(row(
                    part(&ks).unwrap_or_default(),
                    part(&ds).unwrap_or_default(),
                    false,
                    key_w16,
                ));
            }
        }
    }
    out
}

fn row(keys: String, desc: String, heading: bool, key_w: u16) -> Row {
    Row {
        keys,
        desc,
        heading,
        key_w,
    }
}

/// Lines of the help text: (keys, description) per mode, keys that share an
/// action joined.
pub fn help_lines(keymap: &Keymap) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for mode in Mode::ALL {
        let mut grouped: Vec<(Action, Vec<String>)> = Vec::new();
        for (keys, action) in keymap.bindings(mode) {
            let k = keys_to_string(keys);
            match grouped.iter_mut().find(|(a, _)| a == action) {
                Some((_, ks)) => ks.push(k),
                None => grouped.push((*action, vec![k])),
            }
        }
        if grouped.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push((String::new(), String::new(), false));
        }
        let title = match mode {
            Mode::Global => "Everywhere",
            Mode::Reader => "Reading pane",
            Mode::Outline => "Outline",
            Mode::Panel => "Figures panel",
            Mode::Help => "This help",
            Mode::Finder => "Figure finder (type to search; #tag, @brief)",
            Mode::Search => "Search line, and this help's filter",
            Mode::List => "Lists: timeline, compare, search results",
        };
        out.push((title.to_owned(), String::new(), true));
        // Nine pillar keys read better as one line.
        let pillars: Vec<String> = grouped
            .iter()
            .filter(|(a, _)| matches!(a, Action::Pillar(_)))
            .flat_map(|(_, k)| k.clone())
            .collect();
        for (a, ks) in &grouped {
            if let Action::Pillar(n) = a {
                if *n == 1 && pillars.len() > 1 {
                    out.push((
                        format!("{}–{}", pillars[0], pillars[pillars.len() - 1]),
                        "Jump to pillar N".into(),
                        false,
                    ));
                }
                if pillars.len() > 1 {
                    continue;
                }
            }
            let desc = match (mode, a) {
                (Mode::Help, Action::Search) => "Filter these keys".to_owned(),
                (Mode::List, Action::Open) => "Open the selected row".to_owned(),
                (Mode::List, Action::Collapse) => "Back: up a level, or close the list".to_owned(),
                (Mode::List, Action::Measures) => "Compare: by tag or by measure".to_owned(),
                _ => a.description(),
            };
            out.push((ks.join(", "), desc, false));
        }
        if mode == Mode::Reader {
            home_lines(keymap, &mut out);
        }
    }
    out.extend(crate::tui::marks::legend());
    out
}

/// Home takes the reader's keys; what they do there.
fn home_lines(keymap: &Keymap, out: &mut Vec<(String, String, bool)>) {
    let doing = |actions: &[Action]| -> String {
        let mut keys: Vec<String> = Vec::new();
        for mode in [Mode::Reader, Mode::Global] {
            for (k, _) in keymap.bindings(mode) {
                let ok = matches!(keymap.lookup(Mode::Reader, k),
                    Lookup::Action(a) | Lookup::Pending(Some(a)) if actions.contains(&a));
                let k = keys_to_string(k);
                if ok && !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        keys.join(", ")
    };
    let pillars: Vec<Action> = (1..=9).map(Action::Pillar).collect();
    let pillar_keys = match (doing(&pillars[..1]), doing(&pillars[8..])) {
        (a, b) if !a.is_empty() && !b.is_empty() => format!("{a}–{b}"),
        _ => String::new(),
    };
    let entries = [
        (
            doing(&[Action::Down, Action::NextLink]),
            "Select the next brief",
        ),
        (
            doing(&[Action::Up, Action::PrevLink]),
            "Select the previous brief",
        ),
        (
            doing(&[Action::Open]),
            "Open the selected brief where you last were",
        ),
        (pillar_keys, "Open brief N"),
        (
            doing(&[Action::PageDown, Action::PageUp]),
            "A page of briefs down or up",
        ),
        (
            doing(&[Action::Search]),
            "Filter the briefs by name (tab: search the library for it)",
        ),
        (doing(&[Action::Back]), "Back to the brief you came from"),
        (doing(&[Action::Home]), "Home, from anywhere"),
    ];
    out.push((String::new(), String::new(), false));
    out.push((
        "Home (every brief as a card)".to_owned(),
        String::new(),
        true,
    ));
    for (keys, desc) in entries {
        if !keys.is_empty() {
            out.push((keys, desc.to_owned(), false));
        }
    }
}
