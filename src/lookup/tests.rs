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
    let mut f = Finder::typing();
    let q = "how much of the cost of us troops does seoul pay";
    for end in 1..=q.len() {
        let typed = &q[..end];
        assert_eq!(
            f.rank(&index, typed),
            Finder::typing().rank(&index, typed),
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
    let one = big.entries.to_vec();
    big.entries = one
        .iter()
        .cycle()
        .take(CANCEL_EVERY * 2 + one.len())
        .copied()
        .collect::<Vec<_>>()
        .into();
    let mut g = Finder::typing();
    assert!(g.rank_until(&big, "chi", &|| true).is_none());
    let after = g.rank(&big, "chi");
    assert_eq!(after, Finder::typing().rank(&big, "chi"));
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
        crate::model::said::sentence(text, at..at + 5),
        " The U.S. share is [60 percent of all"
    );
}

#[test]
fn percentages_are_read_from_values() {
    assert_eq!(percent("77 percent"), Some(77.0));
    assert_eq!(percent("82.6%"), Some(82.6));
    assert_eq!(percent("more than 80 percent"), Some(80.0));
    assert_eq!(percent("approximately 40 per cent"), Some(40.0));
    // Bars and sorting read the number after the qualifier.
    assert_eq!(percent("less than 10 percent"), Some(10.0));
    assert_eq!(percent("around 30 percent"), Some(30.0));
    assert_eq!(percent("more than 77.5 percent"), Some(77.5));
    assert_eq!(percent("$133 billion"), None);
    // A wide character just before the number or the sign.
    assert_eq!(percent("한%"), None);
    assert_eq!(percent("약40%"), Some(40.0));
    assert_eq!(percent("15,000"), None);
}

fn ids(lib: &Library, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .filter_map(|h| lib.brief(h.figure.brief)?.figure(h.figure.figure))
        .map(|f| f.id.clone())
        .collect()
}

#[test]
fn question_words_never_score_nor_count() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let mut f = Finder::default();
    let q = "how much does korea pay for us troops";
    let hits = f.rank(&index, q);
    assert_eq!(ids(&lib, &hits[..1]), ["korea-stationing-cost-share"]);
    assert!(hits[0].answer);
    let x = f.explain(&index, &hits[0], q).expect("explanation");
    for w in x
        .words
        .iter()
        .filter(|w| ["how", "much", "does", "for"].contains(&w.word.as_str()))
    {
        assert!(w.filler && w.score == 0.0 && w.reasons.is_empty(), "{w:?}");
    }
    // `how` does not meet the label "how long" of the walkout figure.
    let walkout = hits
        .iter()
        .find(|h| ids(&lib, std::slice::from_ref(h)) == ["sma-walkout-hours"]);
    assert!(walkout.is_none_or(|h| !h.answer));
    // Nothing but question words: nothing asked.
    assert!(f.rank(&index, "what is the").is_empty());
}

#[test]
fn only_the_word_being_typed_is_a_prefix_and_never_of_a_shorter_word() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let exports = |f: &mut Finder, q: &str| {
        let hits = f.rank(&index, q);
        hits.first().and_then(|h| {
            f.explain(&index, h, q)?
                .words
                .iter()
                .find(|w| w.word == "exp")
                .map(|w| w.reasons.iter().any(|r| r.how == "prefix"))
        })
    };
    assert_eq!(exports(&mut Finder::typing(), "chip exp"), Some(true));
    // A blank after it: the word is finished.
    assert_ne!(exports(&mut Finder::typing(), "chip exp "), Some(true));
    // A whole query (`figures`, `cite`): no prefixes.
    assert_ne!(exports(&mut Finder::default(), "chip exp"), Some(true));
    // `without` never meets the shorter `with`.
    let mut f = Finder::typing();
    let q = "sent home without";
    for h in f.rank(&index, q) {
        let x = f.explain(&index, &h, q).expect("explanation");
        let without = x.words.iter().find(|w| w.word == "without").expect("word");
        assert!(
            without
                .reasons
                .iter()
                .all(|r| r.matched.to_lowercase() != "with"),
            "{x:?}"
        );
    }
}

#[test]
fn a_number_meets_a_number_only_with_a_compatible_unit() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let mut f = Finder::default();
    let got = |f: &mut Finder, q: &str| ids(&lib, &f.rank(&index, q));
    assert!(!got(&mut f, "40%").contains(&"years-since-gwangju".to_owned()));
    assert_eq!(got(&mut f, "40%"), ["korea-stationing-cost-share"]);
    assert_eq!(got(&mut f, "forty years")[0], "years-since-gwangju");
    assert!(!got(&mut f, "forty years").contains(&"korea-stationing-cost-share".to_owned()));
    // A bare number meets either.
    let bare = got(&mut f, "40");
    assert!(bare.contains(&"years-since-gwangju".to_owned()), "{bare:?}");
    assert!(
        bare.contains(&"korea-stationing-cost-share".to_owned()),
        "{bare:?}"
    );
    assert_eq!(got(&mut f, "$133 billion")[0], "moon-stimulus-plan");
}

#[test]
fn a_figure_met_only_around_it_is_related() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let mut f = Finder::default();
    // Troop numbers are in no brief: what is about U.S. forces is related.
    let hits = f.rank(&index, "number of us troops in korea");
    assert!(
        !hits.is_empty() && hits.iter().all(|h| !h.answer),
        "{hits:?}"
    );
    // Answers come first.
    let hits = f.rank(&index, "chip exports china");
    assert!(hits[0].answer);
    assert!(hits.windows(2).all(|w| w[0].answer || !w[1].answer));
    // A word met only in the brief's name (`renew`) does not answer.
    let hits = f.rank(&index, "renew");
    assert!(hits.iter().all(|h| !h.answer), "{hits:?}");
}

#[test]
fn an_analysts_words_reach_figures_through_glossary_synonyms() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let mut f = Finder::default();
    for (words, figure) in [
        ("chip buyers", "chip-exports-china"),
        ("chip sales china", "chip-exports-china"),
        ("how much does seoul pay", "korea-stationing-cost-share"),
        (
            "share of the bill seoul covers",
            "korea-stationing-cost-share",
        ),
        ("chip equipment bought abroad", "equipment-imported"),
        (
            "semiconductor raw materials from foreign suppliers",
            "raw-materials-imported",
        ),
        ("how reliant is japan on china", "japan-china-imports"),
        ("how dependent is taiwan on china", "taiwan-china-imports"),
    ] {
        let hits = f.rank(&index, words);
        let answers: Vec<String> = ids(&lib, &hits)
            .into_iter()
            .zip(&hits)
            .filter(|(_, h)| h.answer)
            .map(|(id, _)| id)
            .collect();
        assert_eq!(
            answers.first().map(String::as_str),
            Some(figure),
            "{words}: {answers:?}"
        );
        let x = f.explain(&index, &hits[0], words).expect("explanation");
        assert!(
            x.words
                .iter()
                .any(|w| w.reasons.iter().any(|r| r.field == "glossary")),
            "{words}: {x:?}"
        );
    }
}
