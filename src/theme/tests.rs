use super::*;

#[test]
fn every_builtin_theme_parses_and_sets_every_slot() {
    for name in Theme::builtin_names() {
        let file = crate::embedded::THEMES
            .iter()
            .find(|(f, _)| f.trim_end_matches(".toml") == name)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        let parsed: ThemeFile = toml::from_str(file).expect("toml");
        if parsed.inherits.is_none() {
            for (_, slot) in SLOTS {
                assert!(
                    parsed.styles.keys().any(|k| k.get_ref() == slot),
                    "{name} lacks {slot}"
                );
            }
        }
        let t = Theme::builtin(name).expect("theme");
        assert_ne!(t.get(Slot::Heading1), Style::default(), "{name}");
    }
}

fn parse(text: &str) -> Result<Theme, String> {
    let parent = |n: &str, d: usize| load_spec(n, None, d);
    Theme::parse(text, "t.toml", &parent, 0)
}

#[test]
fn bad_themes_name_the_file_line_and_problem() {
    let e = parse("[styles]\nbody = { fg = \"nocolour\" }\n").unwrap_err();
    assert_eq!(
        e,
        "t.toml:2:1: error: style `body`: unknown colour \"nocolour\""
    );
    let e = parse("[styles]\nbody = {}\nbodyy = {}\n").unwrap_err();
    assert_eq!(e, "t.toml:3:1: error: unknown style slot `bodyy`");
    let e = parse("colour = 1\n").unwrap_err();
    assert!(
        e.starts_with("t.toml:1:1: error: unknown field `colour`"),
        "{e}"
    );
    let e = parse("[palette]\nink = \"#12345\"\n").unwrap_err();
    assert_eq!(
        e,
        "t.toml:2:7: error: palette `ink`: unknown colour \"#12345\""
    );
    let e = parse("[styles.body]\nmodifiers = [\"blink-fast\"]\n").unwrap_err();
    assert_eq!(
        e,
        "t.toml:1:9: error: style `body`: unknown modifier \"blink-fast\""
    );
    let e = parse("inherits = \"sparkly\"\n").unwrap_err();
    assert_eq!(
        e,
        "t.toml:1:12: error: cannot inherit from \"sparkly\": no theme named \"sparkly\" (see `briefing themes`)"
    );
}

#[test]
fn a_user_theme_inherits_and_overrides_a_few_slots() {
    let dark = Theme::builtin("dark").unwrap();
    let t = parse(
        "inherits = \"dark\"\n[palette]\namber = \"#ff0000\"\n[styles]\nlink = { fg = \"#00ff00\" }\n",
    )
    .unwrap();
    assert_eq!(t.name, "t");
    // A palette override recolours every inherited slot that uses it.
    assert_eq!(t.get(Slot::Heading1).fg, Some(Color::Rgb(255, 0, 0)));
    assert_eq!(t.get(Slot::Link).fg, Some(Color::Rgb(0, 255, 0)));
    // What it does not touch stays the parent's.
    assert_eq!(t.get(Slot::Heading2), dark.get(Slot::Heading2));
    assert_eq!(t.description, "dark with changes of its own");
    let t = parse("inherits = \"dark\"\ndescription = \"Mine\"\n").unwrap();
    assert_eq!(t.description, "Mine");
}

#[test]
fn themes_load_by_path_and_from_the_user_folder_and_cycles_end() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("mine.toml");
    std::fs::write(&a, "inherits = \"light\"\nname = \"mine\"\n").unwrap();
    let by_path = Theme::load(&a.to_string_lossy(), None).unwrap();
    assert_eq!(by_path.name, "mine");
    let by_name = Theme::load("mine", Some(dir.path())).unwrap();
    assert_eq!(
        by_name.get(Slot::Body),
        Theme::builtin("light").unwrap().get(Slot::Body)
    );
    std::fs::write(dir.path().join("loop.toml"), "inherits = \"loop\"\n").unwrap();
    let e = Theme::load("loop", Some(dir.path())).unwrap_err();
    assert!(e.contains("inherit more than 8 deep"), "{e}");
    let names: Vec<String> = Theme::available(Some(dir.path()))
        .into_iter()
        .map(|(_, t)| t.map_or_else(|e| e, |t| t.name))
        .collect();
    assert!(names.contains(&"mine".to_owned()), "{names:?}");
    assert!(names.iter().any(|n| n.contains("loop.toml")), "{names:?}");
    let e = Theme::load("/nonexistent/x.toml", None).unwrap_err();
    assert!(e.starts_with("/nonexistent/x.toml: error: "), "{e}");
}

#[test]
fn monochrome_keeps_only_modifiers() {
    let mut t = Theme::default_theme();
    t.monochrome = true;
    let s = t.get(Slot::LinkSelected);
    assert_eq!(s.fg, None);
    assert!(s.add_modifier.contains(Modifier::BOLD));
    assert!(s.add_modifier.contains(Modifier::REVERSED));
}
