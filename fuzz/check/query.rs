//! What the `query` fuzz target checks of one input, shared with the
//! regression test that replays the inputs it found
//! (`tests/hostile/fuzzed.rs`): the input is a query over the embedded
//! library, typed into the finder and given to `briefing figures QUERY
//! --explain`. Every hit is a real figure, once; the finder's highlights
//! fall inside their fields; the printed output, with `--explain`, stays
//! bounded. Panics on the first failure.

use std::sync::OnceLock;

use briefing::cli::figures;
use briefing::library::Library;
use briefing::lookup::{FIELD_LABEL, FIELD_VALUE, Finder, Index};
use briefing::query::{self, Analyzer};

/// The longest a line of `--explain` may get: a query word, its score and
/// the words of one figure it met.
const MAX_EXPLAIN_LINE: usize = 8 << 10;

fn library() -> &'static (Library, Index) {
    static LIB: OnceLock<(Library, Index)> = OnceLock::new();
    LIB.get_or_init(|| {
        let lib = Library::embedded();
        let index = Index::new(&lib);
        (lib, index)
    })
}

/// Runs every check on `data`.
pub fn run(data: &[u8]) {
    let query = String::from_utf8_lossy(data);
    let (lib, index) = library();
    let total = lib.figures().count();
    let mut finder = Finder::default();
    let hits = finder.rank(index, &query);
    assert!(
        hits.len() <= total,
        "{} hits of {total} figures",
        hits.len()
    );
    let mut seen = std::collections::HashSet::new();
    for h in &hits {
        assert!(
            lib.brief(h.figure.brief)
                .and_then(|b| b.figure(h.figure.figure))
                .is_some(),
            "hit {h:?} is no figure"
        );
        assert!(seen.insert(h.figure), "{h:?} listed twice");
        assert!(h.score.is_finite(), "{h:?}: score");
        let Some(e) = index.hit(h) else {
            panic!("hit {h:?} is not in the index");
        };
        assert_eq!(e.figure(), h.figure, "hit {h:?} names another entry");
        for field in [FIELD_VALUE, FIELD_LABEL] {
            let chars = index.field(e, field).map_or(0, |t| t.chars().count());
            for i in finder.indices(index, e, field, &query) {
                assert!((i as usize) < chars, "{h:?}: highlight {i} past {chars}");
            }
        }
    }
    // The words the query is read as: numbers may read as more than one
    // (`$133bn` is 133, billion, dollar), but never more than its bytes.
    let words = query::parse(&query, &Analyzer::default()).words.len();
    assert!(
        words <= query.len(),
        "{words} words of {} bytes",
        query.len()
    );
    let lines = figures::text_lines(lib, index, &query, true);
    let mut scores = 0;
    for l in &lines {
        assert!(
            l.len() <= MAX_EXPLAIN_LINE,
            "a line of {} bytes: {:?}",
            l.len(),
            l.get(..200)
        );
        if l.trim_start().starts_with("score ") {
            scores += 1;
        }
    }
    // When nothing answers, a few related figures are listed, no more.
    let shown = if hits.iter().any(|h| h.answer) {
        hits.len()
    } else {
        hits.len().min(5)
    };
    assert_eq!(scores, shown, "figures explained, against hits");
    // Per figure: its line, its score and at most a line per query word;
    // and "No figure answers", or the rule and "related" between answers
    // and related figures.
    assert!(
        lines.len() <= shown * (2 + words) + 2,
        "{} lines for {} hits of a {words}-word query",
        lines.len(),
        hits.len()
    );
}
