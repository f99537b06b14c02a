use super::words::LIGHT;
use super::*;

fn stems(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.stem).collect()
}

fn norms(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.norm).collect()
}

#[test]
fn folding_takes_case_diacritics_dashes_and_quotes() {
    assert_eq!(fold("U.S.–China"), "u.s.-china");
    assert_eq!(fold("U.S.—China"), fold("u.s.-china"));
    assert_eq!(fold("Korea’s Café"), "korea's cafe");
    assert_eq!(fold("“quoted”"), "\"quoted\"");
    assert_eq!(fold_punct('–'), '-');
    assert_eq!(fold_punct('A'), 'A');
    // One character for one, so positions carry over.
    let s = "Ünïcödé – ‘x’";
    assert_eq!(fold(s).chars().count(), s.chars().count());
}

#[test]
fn apostrophes_possessives_and_initialisms() {
    assert_eq!(
        norms("korea's Korea’s koreas"),
        ["korea", "korea", "koreas"]
    );
    assert_eq!(norms("don't"), ["dont"]);
    assert_eq!(norms("U.S.-China ties"), ["us", "china", "ties"]);
    assert_eq!(norms("the U.S. and ROK"), ["the", "us", "and", "rok"]);
    assert_eq!(norms("A. Smith"), ["a", "smith"]);
    // Ranges point at the original text.
    let t = "Seoul’s share";
    let toks = tokens(t);
    assert_eq!(&t[toks[0].range.clone()], "Seoul");
    assert_eq!(&t[toks[1].range.clone()], "share");
}

#[test]
fn number_forms_meet() {
    let sixty = ["60", "percent"];
    assert_eq!(norms("60%"), sixty);
    assert_eq!(norms("60 percent"), sixty);
    assert_eq!(norms("60 per cent"), sixty);
    assert_eq!(norms("sixty percent"), sixty);
    assert_eq!(norms("Sixty per cent"), sixty);
    assert_eq!(norms("$133bn"), ["dollar", "133", "billion"]);
    assert_eq!(norms("$133 billion"), ["dollar", "133", "billion"]);
    assert_eq!(norms("15k"), ["15000"]);
    assert_eq!(norms("15,000"), ["15000"]);
    assert_eq!(norms("15 thousand"), ["15000"]);
    assert_eq!(norms("fifteen thousand"), ["15000"]);
    assert_eq!(norms("4,500 workers"), ["4500", "workers"]);
    assert_eq!(norms("82.6%"), ["82.6", "percent"]);
    assert_eq!(norms("82.60"), ["82.6"]);
    assert_eq!(norms("seventy-five"), ["75"]);
    assert_eq!(norms("seventy years"), ["70", "years"]);
    assert_eq!(norms("Forty"), ["40"]);
    assert_eq!(norms("70th anniversary"), ["70", "anniversary"]);
    assert_eq!(norms("the 1990s"), ["the", "1990"]);
    assert_eq!(norms("one hundred"), ["100"]);
    assert_eq!(norms("$1.5tn"), ["dollar", "1.5", "trillion"]);
    // Not numbers: a word with digits, and a list.
    assert_eq!(norms("5G E-4"), ["5g", "e", "4"]);
    assert_eq!(norms("1, 2"), ["1", "2"]);
    assert_eq!(norms("1,2345"), ["1", "2345"]);
}

#[test]
fn english_stems_meet() {
    assert_eq!(stems("exports export exported"), ["export"; 3]);
    assert_eq!(stems("furloughed furlough"), ["furlough"; 2]);
    assert_eq!(stems("polled polls poll"), ["poll"; 3]);
    assert_eq!(stems("semiconductors"), ["semiconductor"]);
    assert_eq!(stems("Chips"), ["chip"]);
}

#[test]
fn questions_keep_their_content_words() {
    let an = Analyzer::default();
    let q = parse("what share of korea's chip exports go to china", &an);
    let needed: Vec<&str> = q
        .words
        .iter()
        .filter(|w| !w.filler && !w.soft)
        .map(|w| w.stem.as_str())
        .collect();
    assert_eq!(needed, ["korea", "chip", "export", "china"]);
    let q = parse("how many #trade @renew visas", &an);
    assert_eq!(q.tags, ["trade"]);
    assert_eq!(q.briefs, ["renew"]);
    assert!(
        q.words
            .iter()
            .find(|w| w.norm == "many")
            .is_some_and(|w| w.soft || w.filler)
    );
    // Question words never count, even alone.
    let q = parse("who", &an);
    assert!(q.words[0].filler);
    // A bare `#` is a tag still being typed.
    assert!(parse("# @", &an).tags.is_empty());
}

#[test]
fn the_word_lists_are_sorted() {
    assert!(FILLER.windows(2).all(|w| w[0] < w[1]));
    assert!(SOFT.windows(2).all(|w| w[0] < w[1]));
    assert!(LIGHT.windows(2).all(|w| w[0] < w[1]));
    let an = Analyzer::default();
    for s in SOFT {
        // Each is a stem as the analyzer makes it.
        assert_eq!(an.stem(s).as_str(), *s, "{s}");
    }
}
