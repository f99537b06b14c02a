//! `briefing extract` and `briefing new` over arbitrary bytes, every format:
//! the first byte picks the file name's extension (a hint only: content
//! decides), the rest is the file. No panic; every statistic stands on its
//! line of the clean text; the clean text holds no control character; the
//! draft brief loads with no error and its values trace to the clean text.
#![no_main]

use briefing::extract;
use briefing::library::Library;
use briefing::model::{Origin, SourceFile};
use briefing::trace::SourceText;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 5] = ["r.txt", "r.md", "r.html", "r.pdf", "r"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let Ok(doc) = extract::document_inline(rest, name) else {
        return;
    };
    let text = doc.clean_text();
    assert!(
        text.chars().all(|c| c == '\n' || !briefing::sanitize::is_unsafe(c)),
        "a control character in the clean text"
    );
    let found = extract::findings(&doc);
    for c in &found.statistics {
        let line = &doc.blocks[c.line - 1].text;
        assert!(line.contains(&c.value), "{:?} is not on line {}", c.value, c.line);
        assert!(briefing::validate::is_slug(&c.id), "id {:?}", c.id);
    }
    let draft = extract::draft::render(&doc, &found, "fuzzed", "fuzzed.txt", "Fuzzed");
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "fuzzed.md".into(),
        Origin::Embedded,
        draft.clone(),
    ))]);
    let errors: Vec<String> = lib
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "the draft has errors: {errors:?}\n{draft}");
    let source = SourceText::new(text);
    for c in &found.statistics {
        assert!(source.find(&c.value).is_some(), "{:?} does not trace", c.value);
    }
});
