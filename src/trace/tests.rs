use super::*;

fn src(t: &str) -> SourceText {
    SourceText::new(t.to_owned())
}

#[test]
fn percent_forms() {
    let s = src("Korea exports 60 percent of its chips\nand 77.5 per cent more; 82.6% agree.");
    assert_eq!(s.find("60%"), Some(1));
    assert_eq!(s.find("60 percent"), Some(1));
    assert_eq!(s.find("77.5 percent"), Some(2));
    assert_eq!(s.find("82.6 percent"), Some(2));
    assert_eq!(s.find("5 percent"), None);
    assert_eq!(s.find("6%"), None);
    assert_eq!(s.find("0 percent"), None);
}

#[test]
fn money_separators_and_hyphenation() {
    let s =
        src("worth $133\nbillion, with 15,000 troops and one-\nthird of trade; it quadru-\npled");
    assert_eq!(s.find("$133 billion"), Some(1));
    assert_eq!(s.find("15000"), Some(2));
    assert_eq!(s.find("15,000"), Some(2));
    assert_eq!(s.find("one-third"), Some(2));
    assert_eq!(s.find("quadrupled"), Some(3));
    assert_eq!(s.find("1/3"), Some(2));
    assert_eq!(s.find("5,000"), None);
}

#[test]
fn number_words_and_boundaries() {
    let s = src("In five years, twenty-five states; Forty years later");
    assert_eq!(s.find("five"), Some(1));
    assert_eq!(s.find("5 years"), Some(1));
    assert_eq!(s.find("forty years"), Some(1));
    assert_eq!(s.find("six"), None);
    let s = src("preparing a seventh nuclear test.7 While");
    assert_eq!(s.find("seventh nuclear test"), Some(1));
    assert_eq!(s.find(""), None);
}

#[test]
fn the_passage_is_the_sentence_around_the_value() {
    let t = "Intro line.\n\nKorea's trade with the U.S. grew. It sends\n60 percent of its chips to\nChina. Other text follows.\n";
    let p = src(t).locate("60%").unwrap();
    assert_eq!(p.line, 4);
    assert_eq!(p.text, "It sends 60 percent of its chips to China.");
    assert_eq!(&p.text[p.highlight.clone()], "60 percent");
    let p = src(t).locate("grew").unwrap();
    assert_eq!(p.text, "Korea's trade with the U.S. grew.");
    assert!(src(t).locate("61%").is_none());
}

#[test]
fn a_passage_stops_at_a_blank_line_and_keeps_its_reach() {
    let long = "word ".repeat(400);
    let t = format!("Heading\n\n{long}15,000 visas {long}");
    let p = src(&t).locate("15,000").unwrap();
    assert!(p.text.len() <= 2 * PASSAGE_REACH + 20, "{}", p.text.len());
    assert_eq!(&p.text[p.highlight.clone()], "15,000");
    assert!(!p.text.contains("Heading"));
}
