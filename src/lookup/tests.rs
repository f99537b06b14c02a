use super::rank::CANCEL_EVERY;
use super::*;

fn top(lib: &Library, q: &str) -> String {
    let hits = search(lib, q);
    let Some(h) = hits.first() else {
        return String::new();
    };
    lib.brief(h.figure.brief)
        .and_then(|b| b.figure(h.figure.figure))
        .map(|f| f.id.clone())
        .unwrap_or_default()
}

#[test]
fn the_real_library_ranks_the_intended_figure_first() {
    let lib = Library::embedded();
    assert_eq!(top(&lib, "77"), "chips-act-america-first");
    assert_eq!(top(&lib, "chips poll"), "chips-act-america-first");
    assert_eq!(top(&lib, "chip exp china"), "chip-exports-china");
    assert_eq!(top(&lib, "visa"), "e4-visa-spots");
    assert_eq!(top(&lib, "stationing cost"), "korea-stationing-cost-share");
}

#[test]
fn scattered_letters_are_not_a_match() {
    let lib = Library::embedded();
    let hits = search(&lib, "visa");
    assert_eq!(hits.len(), 1, "only the visa figure: {hits:?}");
    assert!(search(&lib, "zzzzqqq").is_empty());
}

#[test]
fn filters_by_tag_and_brief() {
    let lib = Library::embedded();
    let hits = search(&lib, "#public-opinion");
    assert!(hits.len() >= 5);
    for h in &hits {
        let f = lib
            .brief(h.figure.brief)
            .and_then(|b| b.figure(h.figure.figure))
            .expect("figure");
        assert!(f.tags.iter().any(|t| t == "public-opinion"));
    }
    let hits = search(&lib, "@peninsula");
    assert_eq!(hits.len(), 2);
    assert!(!search(&lib, "#public-opinion @renew poll").is_empty());
    assert!(search(&lib, "#no-such-tag").is_empty());
}

#[test]
fn typing_word_by_word_ranks_as_a_fresh_finder() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let mut f = Finder::default();
    let q = "how much of the cost of us troops does seoul pay";
    for end in 1..=q.len() {
        let typed = &q[..end];
        assert_eq!(
            f.rank(&index, typed),
            Finder::default().rank(&index, typed),
            "{typed}"
        );
    }
}

#[test]
fn a_finder_forgets_what_it_learnt_from_another_index() {
    let lib = Library::embedded();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    let other = Library::from_paths(&[dir]);
    let (a, b) = (Index::new(&lib), Index::new(&other));
    let mut f = Finder::default();
    let _ = f.rank(&a, "c");
    let hits = f.rank(&b, "ch");
    assert_eq!(hits, Finder::default().rank(&b, "ch"));
    for h in &hits {
        assert!(
            b.hit(h).is_some(),
            "every hit is an entry of the index ranked"
        );
    }
}

#[test]
fn cancelling_gives_up_and_keeps_what_was_known() {
    let lib = Library::embedded();
    let mut big = Index::new(&lib);
    let one = big.entries.clone();
    while big.entries.len() < CANCEL_EVERY * 2 {
        big.entries.extend(one.iter().cloned());
    }
    let mut g = Finder::default();
    assert!(g.rank_until(&big, "chi", &|| true).is_none());
    let after = g.rank(&big, "chi");
    assert_eq!(after, Finder::default().rank(&big, "chi"));
    assert!(!after.is_empty());
}

#[test]
fn highlights_cover_the_words_matched() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let mut f = Finder::default();
    let hits = f.rank(&index, "semicondctor exports");
    let e = index.hit(&hits[0]).expect("entry");
    let label = index.field(e, FIELD_LABEL).expect("label");
    let marked: String = f
        .indices(&index, e, FIELD_LABEL, "semicondctor exports")
        .iter()
        .filter_map(|&i| label.chars().nth(i as usize))
        .collect();
    assert_eq!(marked, "semiconductorexports", "{label}");
}

#[test]
fn explanations_name_fields_words_and_glossary_terms() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let mut f = Finder::default();
    let q = "furloughed base workers";
    let hits = f.rank(&index, q);
    let x = f.explain(&index, &hits[0], q).expect("explanation");
    let furlough = &x.words[0];
    assert_eq!(furlough.word, "furloughed");
    assert!(
        furlough
            .reasons
            .iter()
            .any(|r| r.field == "glossary" && r.matched == "unpaid leave"),
        "{x:?}"
    );
    let workers = &x.words[2];
    assert!(
        workers
            .reasons
            .iter()
            .any(|r| r.field == "id" && r.how == "word")
    );
    assert!(
        (x.score - hits[0].score).abs() < 1e-3,
        "{} {}",
        x.score,
        hits[0].score
    );
}

#[test]
fn sentences_are_cut_at_sentence_ends_without_link_destinations() {
    let text = "Intro. The U.S. share is [60 percent](fig:x) of all. Next one.";
    let at = text.find("[60").expect("link");
    assert_eq!(
        sentences::sentence(text, at..at + 5),
        " The U.S. share is [60 percent of all"
    );
}

#[test]
fn percentages_are_read_from_values() {
    assert_eq!(percent("77 percent"), Some(77.0));
    assert_eq!(percent("82.6%"), Some(82.6));
    assert_eq!(percent("more than 80 percent"), Some(80.0));
    assert_eq!(percent("approximately 40 per cent"), Some(40.0));
    assert_eq!(percent("$133 billion"), None);
    // A wide character just before the number or the sign.
    assert_eq!(percent("한%"), None);
    assert_eq!(percent("약40%"), Some(40.0));
    assert_eq!(percent("15,000"), None);
}
