//! Bad input: a clear error naming the file, exit 1, no panic, nothing
//! written.

#![allow(clippy::expect_used)]

use std::fs;
use std::path::Path;

use briefing::extract::{ExtractError, read};
use pdf_extract::{Dictionary, Document, Object, StringFormat};

use super::common::{run, stderr, stdout};

/// Runs `extract` and `new` on `bytes` saved as `name`; both must fail
/// cleanly with `message` and leave no draft.
fn refused(name: &str, bytes: &[u8], message: &str) {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join(name);
    fs::write(&file, bytes).expect("write");
    let out_dir = dir.path().join("out");
    let f = file.to_str().expect("utf-8");
    for args in [
        vec!["extract", f],
        vec!["extract", "--text", f],
        vec!["new", f, "--dir", out_dir.to_str().expect("utf-8")],
    ] {
        let out = run(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(f) && err.contains(message), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(stdout(&out).is_empty(), "{args:?} printed {}", stdout(&out));
    }
    assert!(!out_dir.exists(), "a draft was written for {name}");
}

fn one_page_pdf() -> Vec<u8> {
    briefing::extract::sample_pdf::build(
        &[vec!["Exports rose 38 percent in the year.".to_owned()]],
        None,
    )
}

#[test]
fn an_empty_file() {
    refused("empty.txt", b"", "the file is empty");
    refused("blank.md", b"  \n\n\t\n", "the file is empty");
}

#[test]
fn a_binary_file_named_txt() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    refused("picture.txt", png, "a binary file");
    refused(
        "noise.txt",
        &[1, 2, 3, 4, 5, 6, 7, 8, 0, 200, 201],
        "a binary file",
    );
}

#[test]
fn invalid_utf8() {
    refused(
        "latin1.txt",
        b"First line.\nCaf\xe9 prices rose 12 percent.\n",
        "invalid UTF-8 on line 2",
    );
}

#[test]
fn a_truncated_pdf() {
    let pdf = one_page_pdf();
    refused(
        "cut.pdf",
        &pdf[..pdf.len() / 2],
        "a damaged or truncated PDF",
    );
    refused(
        "header-only.pdf",
        b"%PDF-1.7\n",
        "a damaged or truncated PDF",
    );
}

#[test]
fn an_encrypted_pdf() {
    let mut doc = Document::load_mem(&one_page_pdf()).expect("loads");
    let mut enc = Dictionary::new();
    enc.set("Filter", Object::Name(b"Standard".to_vec()));
    enc.set("V", 2);
    enc.set("R", 3);
    enc.set("Length", 128);
    enc.set("P", -4);
    enc.set("O", Object::String(vec![7; 32], StringFormat::Hexadecimal));
    enc.set("U", Object::String(vec![9; 32], StringFormat::Hexadecimal));
    let id = doc.add_object(enc);
    doc.trailer.set("Encrypt", Object::Reference(id));
    let file_id = Object::String(vec![1; 16], StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![file_id.clone(), file_id]));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");
    refused("locked.pdf", &bytes, "an encrypted PDF");
}

#[test]
fn an_image_only_pdf() {
    let pdf = briefing::extract::sample_pdf::build(&[vec![], vec![]], Some("Scans"));
    refused("scan.pdf", &pdf, "no text layer");
}

#[test]
fn a_200_mb_file() {
    let dir = tempfile::tempdir().expect("dir");
    let big = dir.path().join("huge.txt");
    // Sparse: the size is checked before a byte is read.
    fs::File::create(&big)
        .expect("create")
        .set_len(200 << 20)
        .expect("size");
    let out = run(&["extract", big.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("huge.txt") && err.contains("too large (200 MB; at most 64 MB)"),
        "{err}"
    );
    let out = run(&[
        "new",
        big.to_str().expect("utf-8"),
        "--dir",
        dir.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("huge.md").exists());
}

#[test]
fn the_size_cap_holds_while_reading() {
    let dir = tempfile::tempdir().expect("dir");
    let f = dir.path().join("a.txt");
    fs::write(&f, "x".repeat(2000)).expect("write");
    assert_eq!(
        read::bytes(&f, 1000),
        Err(ExtractError::TooBig {
            bytes: 2000,
            cap: 1000
        })
    );
    assert_eq!(read::bytes(&f, 4000).map(|b| b.len()), Ok(2000));
}

#[test]
fn not_a_file() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run(&["extract", dir.path().to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not a regular file"));
    let missing = Path::new("/nonexistent/report.pdf");
    let out = run(&["extract", missing.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/report.pdf: no such file"));
}

#[test]
fn html_nested_50000_deep_is_read_as_text_and_says_so() {
    let dir = tempfile::tempdir().expect("dir");
    let page = dir.path().join("deep.html");
    let html = format!(
        "<html><body>{}<p>Exports rose 38 percent in 2023.</p>{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    fs::write(&page, html).expect("write");
    let start = std::time::Instant::now();
    let out = run(&["extract", "--text", page.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Exports rose 38 percent in 2023.\n");
    assert!(
        stderr(&out).contains("deep.html: the page nests too deep"),
        "{}",
        stderr(&out)
    );
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn html_without_text_is_refused() {
    refused(
        "empty.html",
        b"<!DOCTYPE html><html><head><script>var a = '40%';</script></head><body><nav>Home</nav></body></html>",
        "no text found",
    );
}

/// Inputs the `extract` fuzz target found (the first byte picks the
/// extension): every statistic stays on its line and traces to the clean
/// text, as `check --sources` will look for it.
#[test]
fn fuzzed_inputs_keep_their_promises() {
    let dir = super::common::fixture("extract/fuzzed");
    for entry in fs::read_dir(&dir).expect("fuzzed inputs") {
        let path = entry.expect("entry").path();
        let data = fs::read(&path).expect("read");
        let Some((&pick, rest)) = data.split_first() else {
            continue;
        };
        let name = ["r.txt", "r.md", "r.html", "r.pdf", "r"][usize::from(pick) % 5];
        let Ok(doc) = briefing::extract::document(rest, name) else {
            continue;
        };
        let found = briefing::extract::findings(&doc);
        let text = briefing::trace::SourceText::new(doc.clean_text());
        for c in &found.statistics {
            assert!(
                doc.blocks[c.line - 1].text.contains(&c.value),
                "{}: {:?}",
                path.display(),
                c.value
            );
            assert!(
                text.find(&c.value).is_some(),
                "{}: {:?} does not trace",
                path.display(),
                c.value
            );
        }
        let draft =
            briefing::extract::draft::render(&doc, &found, "fuzzed", "fuzzed.txt", "Fuzzed");
        let lib =
            briefing::library::Library::from_files(vec![Ok(briefing::model::SourceFile::new(
                "fuzzed.md".into(),
                briefing::model::Origin::Embedded,
                draft,
            ))]);
        let errors: Vec<String> = lib
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}
