use super::{press, screen};
use crate::doc::Role;
use crate::library::Library;
use crate::model::{FigureIdx, FigureRef, Origin, SourceFile};
use crate::theme::Theme;
use crate::tui::app::{App, Effect, Focus};
use crate::tui::keymap::Keymap;
use ratatui::layout::Rect;

fn app(w: u16, h: u16) -> App {
    App::new(
        Library::embedded(),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, w, h),
    )
}

const CHIP: &str = "60 percent: share of Korea's semiconductor exports that go to China (incl. \
                    Hong Kong). Council on Foreign Relations, \"Strengthening Strategic Technology \
                    Cooperation Between South Korea and the United States\", Economic Security.";

fn figure(a: &App, brief: &str, id: &str) -> FigureRef {
    let b = a.desk.lib.by_id(brief).expect("brief");
    let i = a
        .desk
        .lib
        .brief(b)
        .expect("brief")
        .figures()
        .iter()
        .position(|f| f.id == id)
        .expect("figure");
    FigureRef {
        brief: b,
        figure: FigureIdx(i),
    }
}

fn copied(e: Effect) -> String {
    match e {
        Effect::Clipboard(t) => t,
        other => panic!("nothing copied: {other:?}"),
    }
}

#[test]
fn y_copies_the_figure_selected_in_the_text_with_its_citation() {
    let mut a = app(160, 45);
    let chip = figure(&a, "strategic-tech-cooperation", "chip-exports-china");
    a.desk.jump_to_figure(chip);
    assert!(matches!(a.desk.reader.selected, Some(Role::Mention(_))));
    assert_eq!(copied(press(&mut a, "y")), CHIP);
    assert_eq!(
        a.desk.message.as_deref(),
        Some("Copied 60 percent with its citation")
    );
    assert!(
        screen(&a).contains(" Copied 60 percent with its citation"),
        "the status bar says it"
    );
    a.desk.citation = crate::cite::Format::Markdown;
    let md = copied(press(&mut a, "y"));
    assert!(
        md.starts_with("**60 percent**: share of Korea"),
        "the configured format: {md}"
    );
}

#[test]
fn y_in_the_panel_copies_the_figure_under_its_cursor_else_the_first() {
    let mut a = app(160, 45);
    let chip = figure(&a, "strategic-tech-cooperation", "chip-exports-china");
    a.desk.jump_to_figure(chip);
    // Nothing selected in the text: the panel's first figure, the one
    // jumped to.
    a.desk.reader.selected = None;
    assert_eq!(a.desk.figure_to_copy(), Some(chip));
    a.desk.focus = Focus::Panel;
    press(&mut a, "j");
    let second = a.desk.figure_to_copy().expect("a figure");
    assert_ne!(second, chip, "the panel's cursor moved on");
    let value = a
        .desk
        .lib
        .brief(second.brief)
        .and_then(|b| b.figure(second.figure))
        .expect("figure")
        .value
        .clone();
    let text = copied(press(&mut a, "y"));
    assert!(text.starts_with(&format!("{value}: ")), "{text}");
}

#[test]
fn capital_y_copies_the_paragraph_being_read() {
    let mut a = app(160, 45);
    let chip = figure(&a, "strategic-tech-cooperation", "chip-exports-china");
    a.desk.jump_to_figure(chip);
    let text = copied(press(&mut a, "Y"));
    // Our words: a paraphrase, never in quotation marks.
    assert!(
        text.starts_with("Paraphrasing Council on Foreign Relations, \"Strengthening Strategic Technology Cooperation Between South Korea and the United States\", Economic Security: "),
        "{text}"
    );
    assert!(
        text.contains("60 percent"),
        "the selection's paragraph: {text}"
    );
    assert_eq!(
        text.matches('"').count(),
        2,
        "only the title is quoted: {text}"
    );
    let said = a.desk.message.clone().unwrap_or_default();
    assert!(said.starts_with("Copied the paragraph \""), "{said}");
    assert!(
        said.ends_with("\" as a paraphrase with its citation"),
        "{said}"
    );
    // Without a selection, the first paragraph from the top of the pane.
    press(&mut a, "g");
    let top = copied(press(&mut a, "Y"));
    assert_ne!(top, text);
    assert!(top.starts_with("Paraphrasing "), "{top}");
}

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

/// The text between the first pair of quotation marks, and the rest.
fn quoted(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('"')?;
    rest.find("\" ").map(|end| &rest[..end])
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn with_sources_capital_y_quotes_the_source_s_own_passage() {
    if !std::path::Path::new(SEEDS).is_dir() {
        return;
    }
    let mut a = app(160, 45);
    a.desk.outside.sources = Some(SEEDS.into());
    let chip = figure(&a, "strategic-tech-cooperation", "chip-exports-china");
    a.desk.jump_to_figure(chip);
    let text = copied(press(&mut a, "Y"));
    let words = quoted(&text).unwrap_or_else(|| panic!("a quotation: {text}"));
    assert!(words.contains("60 percent"), "{text}");
    assert!(
        text.contains("Source text 001_829741c50366b563.txt:"),
        "{text}"
    );
    let said = a.desk.message.clone().unwrap_or_default();
    assert!(said.starts_with("Copied the source's words"), "{said}");
}

#[test]
fn whatever_y_copies_quotes_only_the_source_s_characters() {
    if !std::path::Path::new(SEEDS).is_dir() {
        return;
    }
    // Every paragraph of every brief, copied with the sources at hand:
    // what stands in quotation marks (beyond the report's title) is the
    // source's text, white space folded.
    let mut a = app(160, 45);
    a.desk.outside.sources = Some(SEEDS.into());
    let lib = a.desk.lib.clone();
    let (mut quotes, mut paraphrases) = (0, 0);
    for (bi, b) in lib.briefs.iter().enumerate() {
        let Ok((_, _)) = crate::trace::source_of(b, std::path::Path::new(SEEDS)) else {
            continue;
        };
        let source = std::fs::read_to_string(
            std::path::Path::new(SEEDS).join(b.meta.source_text.as_deref().unwrap_or("")),
        )
        .unwrap_or_default();
        let source = folded(&source);
        if b.figures().is_empty() {
            continue;
        }
        a.desk.jump_to_figure(FigureRef {
            brief: crate::model::BriefIdx(bi),
            figure: FigureIdx(0),
        });
        press(&mut a, "g");
        for _ in 0..200 {
            let Effect::Clipboard(text) = press(&mut a, "Y") else {
                break;
            };
            if let Some(words) = quoted(&text) {
                quotes += 1;
                assert!(source.contains(&folded(words)), "not the source's: {words}");
            } else {
                paraphrases += 1;
                assert!(text.starts_with("Paraphrasing "), "{text}");
            }
            let before = a.desk.reader.top;
            press(&mut a, "pagedown");
            if a.desk.reader.top == before {
                break;
            }
        }
    }
    assert!(
        quotes > 0 && paraphrases > 0,
        "{quotes} quotes, {paraphrases} paraphrases"
    );
}

#[test]
fn nothing_to_copy_is_said_and_copies_nothing() {
    let notes = SourceFile::new(
        "notes.md".into(),
        Origin::Embedded,
        "# Notes\n\nJust *plain* text.\n".into(),
    );
    let mut a = App::new(
        Library::from_files(vec![Ok(notes)]),
        Keymap::default_keys(),
        Theme::default_theme(),
        Rect::new(0, 0, 100, 30),
    );
    assert_eq!(press(&mut a, "y"), Effect::None);
    assert_eq!(a.desk.message.as_deref(), Some("no figure here to copy"));
    assert_eq!(
        copied(press(&mut a, "Y")),
        "Paraphrasing \"Notes\": Just plain text."
    );
}
