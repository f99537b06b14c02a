//! Cases 1–6: escape sequences, raw and entity-encoded, in every place a
//! brief can hold text. Nothing that could drive a terminal reaches the
//! reader's screen or the output of a command.

use std::path::Path;

use briefing::diag::Diagnostic;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};
use briefing::parse::parse_brief;

use crate::common::{run, stderr, stdout};
use crate::screen::{self, assert_sound, is_control};

/// Raw escape sequences as a hostile file would carry them.
const RAW: &[&str] = &[
    "\x1b[2J\x1b[H",                                          // CSI: clear screen
    "\x1b]0;pwned title\x07",                                 // OSC 0: window title
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", // OSC 8 hyperlink
    "\x1b]52;c;cm0gLXJmIH4=\x07",                             // OSC 52: clipboard
    "\x1bP+q544e\x1b\\",                                      // DCS
    "\u{9b}31m",                                              // 8-bit CSI
    "\x07",                                                   // BEL
    "\u{202e}gnp.exe\u{2066}\u{200b}",                        // bidi, zero width
    "\x7f\x08",                                               // DEL, backspace
    "\x1b]0;unterminated",                                    // OSC never ended
];

/// The same, as entities that pulldown-cmark decodes into real controls.
const ENTITIES: &[&str] = &[
    "&#27;[2J",
    "&#x1b;]0;title&#7;",
    "&#x1B;]52;c;eA==&#x07;",
    "&#155;31m",
    "&#x9b;1m",
    "&#x1b;P+q&#x1b;\\",
    "&#127;&#8;",
    "&#x202E;&#8203;",
    "&#x1b;]0;unterminated",
];

fn all() -> String {
    let mut s = RAW.join(" ");
    s.push(' ');
    s.push_str(&ENTITIES.join(" "));
    s
}

/// A brief that loads cleanly and carries escapes in its body: text,
/// headings, tables, code, link text and destinations, images, footnotes,
/// HTML, quotes and lists.
fn body_brief() -> String {
    let all = all();
    let ent = ENTITIES.concat();
    let raw_dest = "\x1b]8;;https://evil.example/\x1b\\x\u{9b}31m\x07";
    format!(
        "+++\nid = \"inject\"\ntitle = \"Injection\"\n\n\
         [[figures]]\nid = \"share\"\nvalue = \"60%\"\nlabel = \"a share\"\nsection = \"risks-2j--31m-here\"\nsource = \"Survey\"\n\n\
         [[events]]\ndate = \"2020\"\nlabel = \"An event\"\nsection = \"intro\"\n+++\n\
         ## Intro\n\nText {all}\n\n\
         ## Risks &#27;[2J \x1b\x07 &#x9b;31m here\n\n\
         The share is [60% &#27;&#x9b;1m&#7;&#x202E;&#127; \x1b\u{9b}](fig:share).\n\n\
         | head {all} | b |\n|---|---|\n| cell {all} | `code {all}` |\n\n\
         ```\nfenced {all}\n\t{all}\n```\n\n    indented {all}\n\n\
         A [link {ent}](https://example.com/{ent} \"title {all}\") and [pointy](<https://example.com/{raw_dest}>).\n\n\
         ![alt {all}](img.png \"image title {all}\") and ![alt](<x{raw_dest}.png>)\n\n\
         Note[^a\x07b] and [^e].\n\n[^a\x07b]: foot {all}\n\n[^e]: foot {ent}\n\n\
         <div title=\"{all}\">{all}</div>\n\nInline <span title=\"{all}\">{all}</span> html.\n\n\
         > quote {all}\n\n- item {all}\n  - nested {all}\n\n1. number {all}\n\n\
         ## Last\n\nTerm {all}\n"
    )
}

/// Every front-matter field carries escapes (TOML `\u` escapes).
fn front_brief() -> String {
    let e = r"\u001b]0;x\u0007 \u009b31m \u001b[2J \u202e";
    format!(
        "+++\nid = \"front\"\ntitle = \"T {e}\"\nshort_title = \"S {e}\"\npublisher = \"P {e}\"\n\
         authors = [\"A {e}\"]\npublished = \"2020{e}\"\nurl = \"https://x/{e}\"\nsummary = \"Sum {e}\"\n\
         tags = [\"t {e}\"]\nsource_text = \"src{e}.txt\"\n\n\
         [[figures]]\nid = \"f {e}\"\nvalue = \"V {e}\"\nlabel = \"L {e}\"\nsection = \"one\"\nsource = \"Src {e}\"\nas_of = \"2020 {e}\"\ntags = [\"ft {e}\"]\n\n\
         [[events]]\ndate = \"2021\"\nlabel = \"E {e}\"\nsection = \"one\"\n+++\n\
         ## One\n\n[V](fig:f {e}) and [v](fig:f%1B).\n"
    )
}

fn library_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path();
    std::fs::write(p.join("inject.md"), body_brief()).expect("write");
    std::fs::write(p.join("front.md"), front_brief()).expect("write");
    // A plain file takes its title from its name.
    std::fs::write(
        p.join("\x1b]0;pwn\x07 \u{9b}31m notes.md"),
        "Plain text \x1b[31m.\n\n## Part \x1b]52;c;eA==\x07\n\nMore.\n",
    )
    .expect("write");
    // A TOML error whose message could echo the bad line.
    std::fs::write(
        p.join("bad\x1b[2J.md"),
        "+++\nid = \"bad\"\ntitle = \"\x1b]0;x\x07\n+++\n",
    )
    .expect("write");
    dir
}

fn assert_clean(what: &str, out: &[u8]) {
    let s = String::from_utf8_lossy(out);
    if let Some(c) = s.chars().find(|&c| c != '\n' && is_control(c)) {
        panic!("{what}: control character {c:?} in output:\n{s}");
    }
    assert!(
        briefing::sanitize::is_clean(&s),
        "{what}: a lone joiner in:\n{s}"
    );
}

/// Strings inside JSON may not hold controls either once decoded.
fn assert_json_clean(what: &str, v: &serde_json::Value) {
    match v {
        serde_json::Value::String(s) => assert!(
            !s.chars().any(|c| c != '\n' && is_control(c)) && briefing::sanitize::is_clean(s),
            "{what}: decoded JSON string {s:?}"
        ),
        serde_json::Value::Array(a) => a.iter().for_each(|x| assert_json_clean(what, x)),
        serde_json::Value::Object(o) => o.values().for_each(|x| assert_json_clean(what, x)),
        _ => {}
    }
}

#[test]
fn escapes_never_reach_command_output() {
    let dir = library_dir();
    let lib = dir.path().to_str().expect("utf-8 path");
    let plain_id = "0pwn-31m-notes";
    let runs: &[&[&str]] = &[
        &["-L", lib, "list"],
        &["-L", lib, "list", "--json"],
        &["-L", lib, "show", "inject", "--width", "60"],
        &[
            "-L",
            lib,
            "show",
            "inject#risks-2j--31m-here",
            "--width",
            "30",
        ],
        &["-L", lib, "show", plain_id],
        &["-L", lib, "figures"],
        &["-L", lib, "figures", "--json"],
        &["-L", lib, "figures", "--csv"],
        &["-L", lib, "figures", "\x1b[2J\u{9b}"],
        &["-L", lib, "timeline"],
        &["-L", lib, "timeline", "--json"],
        &["-L", lib, "show", "\x1b]0;x\x07"],
        &["check", lib],
        &["-L", lib, "--color", "never", "read"],
    ];
    for args in runs {
        let o = run(args);
        let what = format!("briefing {}", args[2..].join(" "));
        assert_clean(&format!("{what} (stdout)"), &o.stdout);
        assert_clean(&format!("{what} (stderr)"), &o.stderr);
        if args.contains(&"--json") {
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
            assert_json_clean(&what, &v);
        }
    }
    // The payloads are shown, visibly, not lost.
    let o = run(&["-L", lib, "show", "inject", "--width", "100"]);
    let out = stdout(&o);
    assert!(out.contains("^[[2J"), "{out}");
    assert!(out.contains("<U+009B>31m"), "{out}");
    assert!(out.contains("<U+202E>gnp.exe"), "{out}");
    assert!(
        out.contains("https://example.com/^[]8;;https://evil.example/^[\\x"),
        "{out}"
    );
    // The brief with escapes in its body loads; its figure is listed under
    // the heading that carried them.
    let o = run(&["-L", lib, "figures", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v[0]["id"], "share");
    assert_eq!(v[0]["section_title"], "Risks ^[[2J ^[^G <U+009B>31m here");
    let o = run(&["-L", lib, "list"]);
    assert!(
        stdout(&o).contains("^[]0;pwn^G <U+009B>31m notes"),
        "{}",
        stdout(&o)
    );
}

/// Case 4 and 5: front-matter escapes are rejected by `check`, and every
/// message that echoes them (or a file name) shows them visibly.
#[test]
fn front_matter_escapes_are_rejected_and_shown_visibly() {
    let dir = library_dir();
    let lib = dir.path().to_str().expect("utf-8 path");
    let o = run(&["check", lib]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for field in [
        "title",
        "short_title",
        "publisher",
        "authors",
        "published",
        "url",
        "summary",
        "tags",
        "source_text",
        "figure id",
        "figure value",
        "figure label",
        "figure source",
        "figure as_of",
        "figure tags",
        "event label",
    ] {
        let line = err
            .lines()
            .find(|l| {
                l.starts_with(&format!("{lib}/front.md:"))
                    && l.contains(&format!(" {field} contains control characters"))
            })
            .unwrap_or_else(|| panic!("no error for {field}:\n{err}"));
        assert!(
            line.contains("^[]0;x^G <U+009B>31m ^[[2J <U+202E>"),
            "{line}"
        );
    }
    assert!(
        err.contains(&format!("{lib}/bad^[[2J.md:3:16: error: front matter:")),
        "{err}"
    );
    assert_clean("check", &o.stderr);
}

/// The library of `dir` plus the brief with escapes in every front-matter
/// field, kept even though `check` rejects it, to prove the display
/// sanitizes on its own.
fn hostile_library(dir: &Path) -> Library {
    let mut lib = Library::from_paths(&[dir.to_path_buf()]);
    assert!(lib.by_id("inject").is_some(), "{:?}", lib.diagnostics);
    assert!(lib.by_id("0pwn-31m-notes").is_some());
    let file = SourceFile::new(
        "\x1b]0;front\x07.md".into(),
        Origin::Embedded,
        front_brief(),
    );
    let mut diags: Vec<Diagnostic> = Vec::new();
    let front = parse_brief(file, &mut diags).expect("the front matter parses");
    assert!(diags.iter().any(Diagnostic::is_error));
    lib.briefs.push(front);
    lib.backlinks = vec![Vec::new(); lib.briefs.len()];
    lib
}

/// The reader's every view, over briefs with escapes in the body, in a file
/// name, and in every front-matter field.
#[test]
fn escapes_never_reach_the_screen() {
    let dir = library_dir();
    let mut seen = String::new();
    for (w, h) in [(160, 48), (80, 24), (40, 12)] {
        let mut app = screen::app(hostile_library(dir.path()), w, h);
        screen::visit_every_view(&mut app, "x\x1b[2J\u{9b}\u{202e}", &mut |app, what| {
            let buf = screen::draw(app);
            assert_sound(&buf, &format!("{w}x{h} {what}"));
            seen.push_str(&screen::text(&buf));
        });
    }
    // Shown visibly, in the text, the outline, the finder's box.
    for shown in [
        "Text ^[[2J^[[H",
        "<U+009B>31m",
        "<U+202E>gnp.exe<U+2066><U+200B>",
        "^[]0;pwn^G <U+009B>31m notes",
        // Typed into a text field, control and bidi characters are
        // refused: what was typed shows without them.
        "› x[2J",
        "S ^[]0;x^G <U+009B>31m ^[[2J <U+202E>",
        "V ^[]0;x^G <U+009B>31m ^[[2J <U+202E>",
        "L ^[]0;x^G <U+009B>31m ^[[2J <U+202E>",
        "E ^[]0;x^G <U+009B>31m ^[[2J <U+202E>",
    ] {
        assert!(seen.contains(shown), "{shown:?} never shown");
    }
}
