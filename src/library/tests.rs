use std::path::PathBuf;

use super::*;
use crate::model::{LinkTarget, SectionIdx};

fn fixture_lib() -> Library {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    Library::from_paths(&[dir])
}

#[test]
fn loads_a_folder_sorted_and_skips_readme() {
    let lib = fixture_lib();
    let ids: Vec<&str> = lib.briefs.iter().map(|b| b.meta.id.as_str()).collect();
    assert_eq!(ids, ["alpha", "beta", "notes"]);
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
}

#[test]
fn cross_references_resolve_to_sections() {
    let lib = fixture_lib();
    let alpha = &lib.briefs[0];
    let beta_ref = alpha
        .links
        .iter()
        .find(|l| matches!(&l.target, LinkTarget::Brief { path, .. } if path == "beta.md"))
        .and_then(|l| l.resolved)
        .expect("resolved");
    assert_eq!(beta_ref.brief, BriefIdx(1));
    assert_eq!(lib.briefs[1].sections[beta_ref.section.0].anchor, "outlook");
    let same = alpha
        .links
        .iter()
        .find(|l| l.target == LinkTarget::Anchor("opinion".into()))
        .and_then(|l| l.resolved)
        .expect("resolved");
    assert_eq!(same.brief, BriefIdx(0));
    assert!(
        alpha
            .links
            .iter()
            .any(|l| matches!(l.target, LinkTarget::External(_)) && l.resolved.is_none())
    );
}

#[test]
fn backlinks_are_computed() {
    let lib = fixture_lib();
    let economy = SectionRef {
        brief: BriefIdx(0),
        section: lib.briefs[0].section_by_anchor("economy").expect("economy"),
    };
    let back: Vec<_> = lib.backlinks_to(economy).collect();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].from.brief, BriefIdx(1));
    // Same-brief links are not backlinks.
    let opinion = SectionRef {
        brief: BriefIdx(0),
        section: lib.briefs[0].section_by_anchor("opinion").expect("opinion"),
    };
    assert_eq!(lib.backlinks_to(opinion).count(), 0);
}

#[test]
fn targets_resolve_ids_and_anchors() {
    let lib = fixture_lib();
    let t = lib.target("beta#outlook").expect("target");
    assert_eq!(t.brief, BriefIdx(1));
    assert_eq!(lib.target("alpha").expect("brief").section, SectionIdx(0));
    assert!(lib.target("alpha#nope").is_err());
    assert!(lib.target("gone").is_err());
}

#[test]
fn a_brief_with_errors_is_dropped_and_links_to_it_unresolve() {
    let files = vec![
        Ok(crate::model::SourceFile::new(
            "a.md".into(),
            crate::model::Origin::Embedded,
            "+++\nid = \"a\"\ntitle = \"A\"\n+++\n## X\n\n[b](b.md#y)\n".into(),
        )),
        Ok(crate::model::SourceFile::new(
            "b.md".into(),
            crate::model::Origin::Embedded,
            "+++\nid = \"b\"\ntitle = \"B\"\n+++\n## Y\n\n[ghost](fig:ghost)\n".into(),
        )),
    ];
    let lib = Library::from_files(files);
    assert_eq!(lib.briefs.len(), 1);
    assert_eq!(lib.error_count(), 1);
    assert_eq!(lib.briefs[0].links[0].resolved, None);
}

#[test]
fn embedded_briefs_parse_without_diagnostics() {
    let lib = Library::embedded();
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
    assert_eq!(lib.briefs.len(), 5);
    for b in &lib.briefs {
        assert!(b.meta.has_front_matter, "{}", b.meta.id);
        assert!(b.pillars().count() >= 2, "{}", b.meta.id);
        let others: std::collections::HashSet<_> = b
            .links
            .iter()
            .filter_map(|l| l.resolved)
            .filter(|r| r.brief != lib.by_id(&b.meta.id).expect("own id"))
            .map(|r| r.brief)
            .collect();
        assert!(
            others.len() >= 2,
            "{} links to fewer than two briefs",
            b.meta.id
        );
    }
}

#[test]
fn events_are_ordered_by_date_then_brief() {
    let lib = Library::embedded();
    let events = lib.events();
    assert!(events.len() > 20);
    for w in events.windows(2) {
        assert!(w[0].1.date <= w[1].1.date);
        if w[0].1.date == w[1].1.date {
            assert!(w[0].0 <= w[1].0);
        }
    }
    assert_eq!(events[0].1.date.year, 1910);
}

#[test]
fn a_panic_while_parsing_is_that_briefs_error() {
    let mut d = Vec::new();
    let got: Option<()> = super::guarded("crafted.md", &mut d, |_| panic!("parser bug"));
    assert!(got.is_none());
    assert_eq!(
        d[0].to_string(),
        "crafted.md: error: the Markdown parser failed on this file; it is left out"
    );
    let got = super::guarded("fine.md", &mut d, |d| {
        d.push(Diagnostic::warning("fine.md", None, "kept"));
        Some(1)
    });
    assert_eq!(got, Some(1));
    assert_eq!(
        d.len(),
        2,
        "diagnostics from a parse that succeeds are kept"
    );
}

/// A library big enough to be parsed on several threads, with problems
/// in many of its files: bad front matter, unknown figures, duplicate ids,
/// links to nowhere, plain Markdown, and files that could not be read.
fn troubled_files() -> Vec<Result<crate::model::SourceFile, Diagnostic>> {
    use crate::model::{Origin, SourceFile};
    let filler = "Words that make the file long enough to matter. ".repeat(200);
    (0..40)
        .map(|i| {
            let name = format!("b{i:02}.md");
            let text = match i % 8 {
                0 => format!(
                    "+++\nid = \"b{i}\"\ntitle = \"B{i}\"\n\n[[figures]]\nid = \"f\"\nvalue = \"1%\"\nlabel = \"l\"\nsection = \"s\"\nsource = \"x\"\n+++\n## S\n\n[one](fig:f) [first](b00.md#s)\n\n{filler}\n"
                ),
                1 => format!("+++\nid = \"b{i}\"\ntitle = \"B{i}\"\ncolour = 1\n+++\n{filler}\n"),
                2 => format!(
                    "+++\nid = \"b{i}\"\ntitle = \"B{i}\"\n+++\n## S\n\n[ghost](fig:ghost) [gone](nowhere.md)\n{filler}\n"
                ),
                3 => format!("+++\nid = \"b0\"\ntitle = \"Again\"\n+++\n## S\n\n{filler}\n"),
                4 => format!("# Plain {i}\n\n[up](../out.md) [bad](javascript:x)\n\n{filler}\n"),
                5 => return Err(Diagnostic::error(name, None, "cannot read: test")),
                6 => format!("+++\nid = \"b{i}\"\ntitle = \"B{i}\"\n"),
                _ => format!(
                    "+++\nid = \"b{i}\"\ntitle = \"T\\u0007\"\n+++\n## S\n\n[back](b00.md) [missing](#nope)\n\n{filler}\n"
                ),
            };
            Ok(SourceFile::new(name, Origin::Embedded, text))
        })
        .collect()
}

/// Everything a library holds, as text, for comparing two of them.
fn everything(lib: &Library) -> String {
    format!(
        "{:?}\n{:?}\n{:?}",
        lib.briefs, lib.diagnostics, lib.backlinks
    )
}

#[test]
fn parsing_on_several_threads_gives_the_same_library() {
    let files = troubled_files();
    let alone = Library::from_files_on(files.clone(), 1);
    assert!(alone.error_count() >= 20, "{:?}", alone.diagnostics);
    assert!(alone.briefs.len() >= 10, "{}", alone.briefs.len());
    assert!(alone.backlinks[0].len() >= 4);
    assert!(alone.diagnostics.iter().any(|d| !d.is_error()));
    for workers in [2, 3, 4, 7] {
        let many = Library::from_files_on(files.clone(), workers);
        assert_eq!(everything(&many), everything(&alone), "{workers} workers");
    }
    assert!(super::workers(files.len(), u64::MAX) >= 1);
    assert_eq!(everything(&Library::from_files(files)), everything(&alone));
}

#[test]
fn small_libraries_are_parsed_on_the_callers_thread() {
    assert_eq!(super::workers(crate::embedded::BRIEFS.len(), u64::MAX), 1);
    assert_eq!(super::workers(1_000, 1_000), 1);
}

#[test]
fn a_folder_read_on_several_threads_gives_the_same_library() {
    let dir = tempfile::tempdir().expect("temp dir");
    for f in troubled_files().into_iter().flatten() {
        std::fs::write(dir.path().join(&f.name), f.text().as_bytes()).expect("write");
    }
    std::fs::write(dir.path().join("bad.md"), b"\xff\xfe not text").expect("write");
    let paths = [dir.path().to_path_buf()];
    let alone = Library::from_files_on(load::collect(&paths), 1);
    assert!(alone.error_count() >= 20);
    assert_eq!(everything(&Library::from_paths(&paths)), everything(&alone));
    let found = load::find(&paths);
    assert!(
        super::workers(found.len(), found.iter().map(load::Found::len).sum()) > 1
            || std::thread::available_parallelism().map_or(1, std::num::NonZero::get) == 1
    );
    let many = Library::assemble(super::parse_all(found, 4, |f| super::parse_one(f.read())));
    assert_eq!(everything(&many), everything(&alone));
}

/// A copy of the real briefs in a folder of its own.
fn copy_of_briefs(to: &std::path::Path) -> Vec<PathBuf> {
    let from = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("briefs");
    for e in std::fs::read_dir(&from).expect("briefs").flatten() {
        std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
    }
    vec![to.to_path_buf()]
}

#[test]
fn one_bad_key_on_reload_is_one_error_and_links_to_the_brief_still_resolve() {
    let dir = tempfile::tempdir().expect("dir");
    let paths = copy_of_briefs(dir.path());
    let lib = Library::from_paths(&paths);
    assert_eq!(lib.briefs.len(), 5, "{:?}", lib.diagnostics);
    let links = |l: &Library| -> usize {
        l.briefs
            .iter()
            .flat_map(|b| &b.links)
            .filter(|k| k.resolved.is_some())
            .count()
    };
    let before = links(&lib);
    let file = dir.path().join("peninsula-plus.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replacen("\ntitle", "\ncolour = \"red\"\ntitle", 1),
    )
    .expect("write");
    let (new, kept) = lib.reload(&paths);
    let errors: Vec<String> = new
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].contains("peninsula-plus.md:3:1"), "{errors:?}");
    assert!(errors[0].contains("colour"), "{errors:?}");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].ends_with("peninsula-plus.md"));
    assert_eq!(new.briefs.len(), 5);
    assert_eq!(links(&new), before, "every link still resolves");
}

#[test]
fn a_brief_new_since_the_last_load_is_not_kept() {
    let dir = tempfile::tempdir().expect("dir");
    let paths = copy_of_briefs(dir.path());
    let lib = Library::from_paths(&paths);
    std::fs::write(
        dir.path().join("new.md"),
        "+++\nid = \"new\"\ncolour = 1\n+++\n# x\n",
    )
    .expect("write");
    let (new, kept) = lib.reload(&paths);
    assert!(kept.is_empty());
    assert_eq!(new.briefs.len(), 5);
    // Both mistakes of the file at once: the unknown key, the missing title.
    assert_eq!(new.error_count(), 2, "{:?}", new.diagnostics);
}

#[test]
fn a_brief_that_fails_to_load_does_not_take_the_briefs_citing_it_down() {
    let dir = tempfile::tempdir().expect("dir");
    let paths = copy_of_briefs(dir.path());
    let file = dir.path().join("peninsula-plus.md");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replacen("\ntitle", "\ncolour = \"red\"\ntitle", 1),
    )
    .expect("write");
    let lib = Library::from_paths(&paths);
    assert_eq!(lib.briefs.len(), 4, "{:#?}", lib.diagnostics);
    assert_eq!(lib.diagnostics.len(), 1, "{:#?}", lib.diagnostics);
    assert!(lib.diagnostics[0].message.contains("colour"));
    // A link to a file that is not there at all is still an error.
    let da = dir.path().join("digital-allies.md");
    let text = std::fs::read_to_string(&da).expect("read");
    std::fs::write(&da, text.replacen("peninsula-plus.md", "gone.md", 1)).expect("write");
    let lib = Library::from_paths(&paths);
    assert!(
        lib.diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.contains("missing brief \"gone.md\"")),
        "{:#?}",
        lib.diagnostics
    );
}

#[test]
fn a_large_folder_is_found_in_order_with_every_file_stamped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("b150-sub");
    std::fs::create_dir(&sub).expect("mkdir");
    let mut want = Vec::new();
    for i in 0..300 {
        let name = format!("b{i:03}.md");
        std::fs::write(dir.path().join(&name), format!("# {i}\n")).expect("write");
        want.push(dir.path().join(name));
    }
    std::fs::write(sub.join("inner.md"), "# inner\n").expect("write");
    for skipped in ["README.md", ".hidden.md", "notes.txt"] {
        std::fs::write(dir.path().join(skipped), "x\n").expect("write");
    }
    // In name order, the folder's files where its name falls.
    let at = want.partition_point(|p| p.file_name().is_some_and(|n| *n < *"b150-sub"));
    want.insert(at, sub.join("inner.md"));
    let found = load::find(&[dir.path().to_path_buf()]);
    let paths: Vec<PathBuf> = found
        .iter()
        .map(|f| match f {
            load::Found::File {
                path, stamp, len, ..
            } => {
                assert!(stamp.is_some() && *len > 0, "{}", path.display());
                path.clone()
            }
            load::Found::Done(r) => panic!("{:?}", r.as_ref().err()),
        })
        .collect();
    assert_eq!(paths, want);
}
