//! Cases 15–18: pathological Markdown (cmark's pathological tests,
//! pulldown-cmark's slow and panicking inputs, deep nesting, huge lines)
//! parses, lays out, and its end can be reached. That growth stays linear
//! is measured by `cargo bench --bench pathological`.

use briefing::doc::MAX_VISUAL_DEPTH;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};
use briefing::tui::action::Action;

use crate::generate;
use crate::screen::{self, assert_sound};

const END: &str = "END-OF-BRIEF";

fn library(name: &str, body: &str) -> Library {
    let text = format!("{body}\n\n{END}\n");
    Library::from_files(vec![Ok(SourceFile::new(
        format!("{name}.md"),
        Origin::Embedded,
        text,
    ))])
}

/// Opens the brief in the reader, goes to the bottom, and returns the
/// screen; the reader's lines all fit its text area on the way.
fn bottom_screen(lib: Library, what: &str) -> String {
    assert_eq!(lib.briefs.len(), 1, "{what}: {:?}", lib.diagnostics);
    let mut app = screen::app(lib, 100, 30);
    screen::assert_fits(&app, what);
    screen::act(&mut app, &[Action::Bottom]);
    let buf = screen::draw(&app);
    assert_sound(&buf, what);
    screen::text(&buf)
}

#[test]
fn pathological_inputs_parse_lay_out_and_end_on_screen() {
    for (name, body) in generate::pathological(50_000) {
        let shown = bottom_screen(library(name, &body), name);
        assert!(
            shown.contains(END),
            "{name}: the end is not reachable:\n{shown}"
        );
    }
}

/// Case 15: block quotes 50,000 deep and lists 1,000 deep are drawn with
/// their depth capped, not a prefix per level.
#[test]
fn deep_nesting_is_capped_visually() {
    let quotes = format!("{}deep quote\n", "> ".repeat(50_000));
    let lists = (0..1_000).fold(String::new(), |mut s, i| {
        s.push_str(&"  ".repeat(i));
        s.push_str("- item ");
        s.push_str(&i.to_string());
        s.push('\n');
        s
    });
    for (name, body) in [("quotes", quotes), ("lists", lists)] {
        let shown = bottom_screen(library(name, &body), name);
        assert!(shown.contains(END), "{name}:\n{shown}");
        let deepest = shown
            .lines()
            .find(|l| l.contains("deep quote") || l.contains("item 999"))
            .unwrap_or_else(|| panic!("{name}: the deepest text is not shown:\n{shown}"));
        // Four bars are the panes' borders; a mark stands for hidden depth.
        let bars = deepest.matches('│').count() - 4;
        assert!(bars <= MAX_VISUAL_DEPTH, "{name}: {bars} bars:\n{shown}");
        let indent = deepest.chars().position(char::is_alphanumeric).unwrap_or(0);
        assert!(indent < 60, "{name}: indented {indent} columns:\n{shown}");
        assert!(
            deepest.contains('…'),
            "{name}: hidden depth not marked:\n{shown}"
        );
    }
}

/// Case 17: a ten-megabyte brief and a brief that is one ten-megabyte line
/// open, and their ends are reachable (scroll offsets are not `u16`).
#[test]
fn ten_megabytes_and_one_huge_line() {
    let long = generate::document(10 * 1024 * 1024);
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "long.md".into(),
        Origin::Embedded,
        long,
    ))]);
    let shown = bottom_screen(lib, "10 MB");
    assert!(shown.contains("LAST-LINE-MARKER"), "{shown}");
    let line = "word ".repeat(2 * 1024 * 1024);
    let shown = bottom_screen(library("line", &line), "10 MB line");
    assert!(shown.contains(END), "{shown}");
}

/// Case 18: inputs that panicked pulldown-cmark (#521, #964, #1110, #1112,
/// #319, #963 and others) load, or are reported, and the library around
/// them still opens.
#[test]
fn inputs_that_panicked_the_parser_load() {
    let inputs: &[&str] = &[
        ">\n >>><N\n",
        "<!S\r:",
        "\u{FFFD}\u{FFFD}  2\n:<\n  {}\n -\n",
        "> a\n> :b\n",
        "> term\n> : definition\n\n",
        "* def this\n  : def text def text\n",
        "[^1]:\n    *\n      + > deeply nested setext header\n        > [^2]\n        > {.class}\n        > ---------\n\n[^2]: another footnote\n",
        "|\r-]([^|\r-]([^\n",
        "|\r:][^;|\r:][^;\n",
        "[[Wiki<|Link]]\n",
        "- :: \u{2014}",
        "[abc] check `x`\n\n Some `y`, not `z`\n :D\n\n &gt; Something\n",
        "level one!\n:\n    level two!\n    :\n        level three!\n        :\n\nnew level one!\n:\n",
    ];
    let mut files: Vec<_> = inputs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Ok(SourceFile::new(
                format!("p{i}.md"),
                Origin::Embedded,
                (*s).to_owned(),
            ))
        })
        .collect();
    files.push(Ok(SourceFile::new(
        "fine.md".into(),
        Origin::Embedded,
        "# Fine\n\nStill here.\n".into(),
    )));
    let lib = Library::from_files(files);
    assert!(lib.by_id("fine").is_some());
    let n = lib.briefs.len();
    let mut app = screen::app(lib, 80, 24);
    for i in 0..n * 3 {
        screen::act(&mut app, &[Action::NextPillar, Action::Bottom]);
        assert_sound(&screen::draw(&app), &format!("step {i}"));
    }
}
