//! `briefing check`: every diagnostic with its exact position and message.

mod common;
use common::{run, stderr, stdout};

#[test]
fn every_invalid_fixture_is_reported_exactly() {
    let o = run(&["check", "tests/fixtures/invalid"]);
    assert_eq!(o.status.code(), Some(1));
    let p = "tests/fixtures/invalid/";
    let expected = [
        "01-toml-syntax.md:3:16: error: front matter: invalid basic string, expected `\"`",
        "02-toml-type.md:3:9: error: front matter: invalid type: integer `5`, expected a string",
        "03-unknown-key.md:4:1: error: front matter: unknown field `colour`, expected one of `id`, `title`, `short_title`, `publisher`, `authors`, `published`, `url`, `summary`, `bottom_line`, `takeaways`, `tags`, `source_text`, `figures`, `events`",
        "04-unclosed.md:1:1: error: front matter is never closed: no `+++` line ends it",
        "06-duplicate-figure.md:12:1: error: duplicate figure id `share` (first declared on line 5)",
        "07-unmentioned-figure.md:5:1: error: figure `lonely` is never mentioned in the body (link it as [text](fig:lonely))",
        "08-unknown-mention.md:7:5: error: mention of unknown figure `ghost`",
        "09-missing-section.md:5:1: error: figure `misplaced` names section `nowhere`, which does not exist",
        "10-missing-brief.md:7:5: error: cross-reference to missing brief \"no-such-brief.md\"",
        "11-missing-anchor.md:7:5: error: no section \"#two\" in this brief",
        "11-missing-anchor.md:7:21: error: no section \"#two\" in 00-valid.md",
        "12-escaping-link.md:7:1: error: link to \"../../etc/passwd.md\" leaves the library folder and is refused",
        "12-escaping-link.md:7:31: error: link to \"../secret.md\" leaves the library folder and is refused",
        "12-escaping-link.md:7:61: error: link to \"/etc/shadow.md\" leaves the library folder and is refused",
        "12-escaping-link.md:7:83: error: link \"file:///etc/passwd\" is refused: only http, https and mailto links are allowed",
        "13-control-chars.md:3:9: error: title contains control characters: \"Bad ^[[2J title\"",
        "14-bad-date.md:4:13: error: published: date \"2023-02-30\" is not YYYY, YYYY-MM or YYYY-MM-DD",
        "15-invalid-utf8.md:5:10: error: invalid UTF-8 (is this a text file?)",
        "16-bad-id.md:2:6: error: brief id \"Not A Slug\" is not a slug (lower-case letters, digits and `-`)",
        "17-duplicate-id.md:2:6: error: duplicate brief id \"valid\" (also used by tests/fixtures/invalid/00-valid.md)",
        "18-duplicate-key.md:4:1: error: front matter: duplicate key",
        "19-deep-nesting.md:4:88: error: front matter: cannot recurse further; max recursion depth met",
        "20-bad-kind.md:11:8: error: front matter: unknown variant `ratio`, expected one of `share`, `change`, `count`, `money`, `duration`, `rank`, `other`",
        "21-lead-limits.md:4:15: error: bottom_line has 61 words; at most 60",
        "21-lead-limits.md:5:13: error: takeaways has 2 lines; give 3 to 5",
        "21-lead-limits.md:5:22: error: takeaway has 26 words; at most 25",
        "21-lead-limits.md:13:11: error: figure measure \"Not_A_Slug\" is not a slug (lower-case letters, digits and `-`)",
        "21-lead-limits.md:19:7: error: event key \"Bad Key\" is not a slug (lower-case letters, digits and `-`)",
        // Every mistake of one file in one run.
        "22-many-mistakes.md:4:1: error: front matter: unknown field `colour`, expected one of `id`, `title`, `short_title`, `publisher`, `authors`, `published`, `url`, `summary`, `bottom_line`, `takeaways`, `tags`, `source_text`, `figures`, `events`",
        "22-many-mistakes.md:5:13: error: published: date \"2023-02-30\" is not YYYY, YYYY-MM or YYYY-MM-DD",
        "22-many-mistakes.md:6:18: error: front matter: invalid type: integer `5`, expected a string",
        "22-many-mistakes.md:8:1: error: front matter: missing field `source`",
        "22-many-mistakes.md:10:9: error: front matter: invalid type: integer `12`, expected a string",
        "22-many-mistakes.md:13:8: error: front matter: unknown variant `weird`, expected one of `share`, `change`, `count`, `money`, `duration`, `rank`, `other`",
        "22-many-mistakes.md:14:1: error: front matter: unknown field `shape`, expected one of `id`, `value`, `label`, `section`, `source`, `as_of`, `tags`, `measure`, `kind`, `headline`, `draft`",
        "22-many-mistakes.md:17:8: error: event date: date \"2023-13\" is not YYYY, YYYY-MM or YYYY-MM-DD",
    ];
    let got: Vec<String> = stderr(&o).lines().map(str::to_owned).collect();
    let want: Vec<String> = expected
        .iter()
        .map(|l| format!("{p}{l}"))
        .chain(["checked 1 brief: 36 errors, 0 warnings".to_owned()])
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_valid_brief_among_broken_ones_still_loads() {
    let o = run(&["-L", "tests/fixtures/invalid", "list"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("valid "), "{out}");
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn a_clean_library_passes() {
    let o = run(&["check", "tests/fixtures/library"]);
    assert_eq!(stderr(&o), "checked 3 briefs: 0 errors, 0 warnings\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn the_embedded_library_passes_against_its_sources() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    let mut args = vec!["check"];
    if std::path::Path::new(seeds).is_dir() {
        args.extend(["--sources", seeds]);
    }
    let o = run(&args);
    assert_eq!(stderr(&o), "checked 5 briefs: 0 errors, 0 warnings\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn figures_are_traced_to_their_source() {
    let o = run(&[
        "check",
        "tests/fixtures/library",
        "--sources",
        "tests/fixtures/sources",
        "--verbose",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "tests/fixtures/library/alpha.md:13: figure chip-exports \"60 percent\" found at alpha.txt:1\n\
         tests/fixtures/library/alpha.md:22: figure poll-first \"77%\" found at alpha.txt:2\n"
    );
}

#[test]
fn untraceable_figures_and_missing_sources_are_errors() {
    let o = run(&[
        "check",
        "tests/fixtures/untraced",
        "--sources",
        "tests/fixtures/sources",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let p = "tests/fixtures/untraced/";
    assert_eq!(
        stderr(&o),
        format!(
            "{p}delta.md: error: source text \"missing.txt\" not found in tests/fixtures/sources\n\
             {p}gamma.md:13:1: error: figure absent value \"91 percent\" not found in alpha.txt\n\
             checked 2 briefs: 2 errors, 0 warnings\n"
        )
    );
}

#[test]
fn non_regular_files_are_refused() {
    let o = run(&["check", "/dev/null"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("/dev/null: error: not a regular file\n"));
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("x.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let o = run(&["check", dir.path().to_str().expect("utf-8 path")]);
        assert!(
            stderr(&o).contains("x.md: error: not a regular file"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn missing_path_is_named() {
    let o = run(&["check", "no/such/dir"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with("no/such/dir: error: no such file or folder\n"));
}

#[test]
fn a_tag_outside_the_vocabulary_is_a_warning_naming_the_nearest() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("t.md"),
        "+++\nid = \"t\"\ntitle = \"T\"\ntags = [\"trade\", \"bogus-tag\"]\n\n[[figures]]\nid = \"n\"\nvalue = \"12\"\nlabel = \"a count\"\nsection = \"one\"\nsource = \"S\"\ntags = [\"semiconductor\"]\n+++\n## One\n\nThere are [12](fig:n) of them.\n",
    )
    .expect("write");
    let path = dir.path().to_str().expect("utf-8 path");
    let o = run(&["check", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("t.md:4:18: warning: tag \"bogus-tag\" is not in the tag vocabulary (briefs/README.md); the nearest is"),
        "{err}"
    );
    assert!(
        err.contains("t.md:12:9: warning: tag \"semiconductor\" is not in the tag vocabulary (briefs/README.md); the nearest is \"semiconductors\""),
        "{err}"
    );
    assert!(
        err.ends_with("checked 1 brief: 0 errors, 2 warnings\n"),
        "{err}"
    );
}
