use super::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn chords_parse_and_print() {
    for (s, shown) in [
        ("ctrl-f", "ctrl-f"),
        ("alt-left", "alt-←"),
        ("G", "G"),
        ("shift-g", "G"),
        ("]", "]"),
        ("enter", "enter"),
        ("shift-tab", "shift-tab"),
        ("f5", "f5"),
        ("-", "-"),
        ("space", "space"),
    ] {
        assert_eq!(
            Chord::parse(s).map(|c| c.to_string()),
            Ok(shown.to_owned()),
            "{s}"
        );
    }
    assert!(Chord::parse("hyper-x").is_err());
    assert_eq!(
        Chord::parse("ctrl--").map(|c| c.to_string()),
        Ok("ctrl--".to_owned())
    );
    assert_eq!(parse_keys("g g").map(|k| k.len()), Ok(2));
}

#[test]
fn shift_from_terminal_is_folded_into_letters() {
    let e = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(Chord::from_event(e), Chord::parse("G").unwrap());
}

#[test]
fn default_keys_parse_and_resolve() {
    let k = match Keymap::shipped() {
        Ok(k) => k,
        Err((_, errors)) => panic!("the shipped keymap: {errors:?}"),
    };
    let key = |s: &str| parse_keys(s).unwrap();
    assert_eq!(
        k.lookup(Mode::Reader, &key("j")),
        Lookup::Action(Action::Down)
    );
    assert_eq!(
        k.lookup(Mode::Reader, &key("l")),
        Lookup::Action(Action::NextLink)
    );
    assert_eq!(
        k.lookup(Mode::Outline, &key("l")),
        Lookup::Action(Action::Expand)
    );
    assert_eq!(k.lookup(Mode::Help, &key("]")), Lookup::None);
    assert_eq!(
        k.lookup(Mode::Help, &key("ctrl-c")),
        Lookup::Action(Action::Quit)
    );
    assert_eq!(
        k.lookup(Mode::Reader, &key("3")),
        Lookup::Action(Action::Pillar(3))
    );
}

#[test]
fn sequences_wait_for_their_second_key() {
    let mut k = Keymap::default();
    let lines = crate::config::keymap_lines("[reader]\n\"g g\" = \"top\"\n", "c.toml", &[]);
    k.apply(&lines.unwrap()).unwrap();
    let key = |s: &str| parse_keys(s).unwrap();
    assert_eq!(k.lookup(Mode::Reader, &key("g")), Lookup::Pending(None));
    assert_eq!(
        k.lookup(Mode::Reader, &key("g g")),
        Lookup::Action(Action::Top)
    );
}

#[test]
fn config_lines_remap_unbind_and_report_every_mistake() {
    let config = crate::config::Config::parse(
        "[keys.reader]\n\"ctrl-f\" = \"find_figure\"\n\"f\" = \"none\"\n\"x\" = \"fly\"\n\"hyper-x\" = \"down\"\n[keys.nowhere]\n\"a\" = \"up\"\n",
        "c.toml",
    )
    .unwrap();
    let mut k = Keymap::default_keys();
    let errors = k.apply(&config.keys).unwrap_err();
    assert_eq!(
        errors,
        [
            "c.toml:4:7: error: unknown action \"fly\" for key \"x\" in [keys.reader]",
            "c.toml:5:1: error: unknown key \"hyper-x\" in [keys.reader]",
            "c.toml:6:7: error: unknown mode [keys.nowhere] (modes: global, reader, outline, panel, finder, search, list, help)",
        ]
    );
    let key = |s: &str| parse_keys(s).unwrap();
    assert_eq!(
        k.lookup(Mode::Reader, &key("ctrl-f")),
        Lookup::Action(Action::FindFigure)
    );
    // Unbound in the reader; the global binding still answers elsewhere.
    k.unbind(Mode::Global, &key("f"));
    assert_eq!(k.lookup(Mode::Reader, &key("f")), Lookup::None);
    assert_eq!(
        k.key_for(Mode::Reader, Action::FindFigure).as_deref(),
        Some("ctrl-f")
    );
}

#[test]
fn keymap_files_skip_tables_and_name_the_place_of_mistakes() {
    let text = "[actions]\ndown = \"Scroll down\"\n[reader]\n\"j\" = \"down\"\n\"x\" = \"fly\"\n";
    let lines = crate::config::keymap_lines(text, "k.toml", &["actions"]).unwrap();
    assert_eq!(lines.len(), 2, "the descriptions are not bindings");
    let mut k = Keymap::default();
    let errors = k.apply(&lines).unwrap_err();
    assert_eq!(
        errors,
        ["k.toml:5:7: error: unknown action \"fly\" for key \"x\" in [keys.reader]"]
    );
    assert_eq!(
        k.lookup(Mode::Reader, &parse_keys("j").unwrap()),
        Lookup::Action(Action::Down)
    );
    let e = crate::config::keymap_lines("[reader\n", "k.toml", &[]).unwrap_err();
    assert!(e.starts_with("k.toml:1:"), "{e}");
}

#[test]
fn a_sequence_may_start_with_a_bound_key() {
    let config =
        crate::config::Config::parse("[keys.global]\n\"g g\" = \"bottom\"\n", "c.toml").unwrap();
    let mut k = Keymap::default_keys();
    k.apply(&config.keys).unwrap();
    let key = |s: &str| parse_keys(s).unwrap();
    assert_eq!(
        k.lookup(Mode::Reader, &key("g")),
        Lookup::Pending(Some(Action::Top))
    );
    assert_eq!(
        k.lookup(Mode::Reader, &key("g g")),
        Lookup::Action(Action::Bottom)
    );
    assert_eq!(
        k.continuations(Mode::Reader, &key("g")),
        [(key("g"), Action::Bottom)]
    );
    // Overlays do not see it.
    assert_eq!(k.lookup(Mode::Help, &key("g")), Lookup::Action(Action::Top));
}

#[test]
fn a_keymap_that_leaves_no_key_to_quit_is_refused_at_its_line() {
    let text = "theme = \"dark\"\n[keys.global]\n\"q\" = \"none\"\n\"ctrl-c\" = \"none\"\n";
    let config = crate::config::Config::parse(text, "c.toml").unwrap();
    let mut k = Keymap::default_keys();
    assert_eq!(
        k.apply(&config.keys).unwrap_err(),
        [
            "c.toml:4:1: error: \"ctrl-c\" = \"none\" in [keys.global] leaves no key to quit with; bind one, e.g. [keys.global] \"q\" = \"quit\""
        ]
    );
    // Rebinding the reader's q to something else counts as taking it away.
    let text = "[keys.global]\n\"ctrl-c\" = \"none\"\n[keys.reader]\n\"q\" = \"bookmark\"\n";
    let config = crate::config::Config::parse(text, "c.toml").unwrap();
    let errors = Keymap::default_keys().apply(&config.keys).unwrap_err();
    assert!(
        errors[0].starts_with("c.toml:4:1: error: \"q\" = \"bookmark\""),
        "{errors:?}"
    );
    // Another key for quit is enough.
    let text = "[keys.global]\n\"q\" = \"none\"\n\"ctrl-c\" = \"none\"\n\"Q\" = \"quit\"\n";
    let config = crate::config::Config::parse(text, "c.toml").unwrap();
    let mut k = Keymap::default_keys();
    assert_eq!(k.apply(&config.keys), Ok(()));
    assert_eq!(k.key_for(Mode::Reader, Action::Quit).as_deref(), Some("Q"));
    assert_eq!(k.key_for(Mode::List, Action::Quit).as_deref(), Some("Q"));
}

#[test]
fn hints_offer_only_keys_that_do_the_action_there() {
    let k = Keymap::default_keys();
    // The help's `?` closes it; the global `]` does not reach it.
    assert_eq!(k.key_for(Mode::Help, Action::Help), None);
    assert_eq!(k.key_for(Mode::Help, Action::NextPillar), None);
    assert_eq!(
        k.key_for(Mode::Help, Action::Quit).as_deref(),
        Some("ctrl-c")
    );
    assert_eq!(k.key_for(Mode::Reader, Action::Quit).as_deref(), Some("q"));
}

#[test]
fn a_letter_is_no_hint_where_it_is_typed() {
    let k = Keymap::default_keys();
    assert_eq!(
        k.key_for(Mode::Finder, Action::Quit).as_deref(),
        Some("ctrl-c")
    );
    assert_eq!(
        k.key_for(Mode::Search, Action::Quit).as_deref(),
        Some("ctrl-c")
    );
}
