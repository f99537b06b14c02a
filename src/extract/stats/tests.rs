use super::*;

fn values(s: &str) -> Vec<(String, FigureKind)> {
    let at = Place {
        line: 1,
        sentence: s,
        heading: None,
    };
    scan(&at).into_iter().map(|c| (c.value, c.kind)).collect()
}

fn only(s: &str) -> Vec<String> {
    values(s).into_iter().map(|v| v.0).collect()
}

#[test]
fn shares() {
    use FigureKind::Share;
    assert_eq!(
        values("Some 38 percent of voters agreed."),
        vec![("Some 38 percent".into(), Share)]
    );
    assert_eq!(
        only("It was 73% in 2021 and 12.5 per cent later."),
        ["73%", "12.5 per cent"]
    );
    assert_eq!(
        only("One in three Koreans and a third of firms agree."),
        ["One in three", "a third"]
    );
    assert_eq!(
        only("three-quarters of exports and nearly half of imports"),
        ["three-quarters", "nearly half"]
    );
    assert_eq!(
        only("Debt reached 2.5 percent of GDP."),
        ["2.5 percent of GDP"]
    );
}

#[test]
fn money() {
    assert_eq!(
        only("It cost $4.2 trillion, US$850 million, €3 billion and 12 trillion won."),
        [
            "$4.2 trillion",
            "US$850 million",
            "€3 billion",
            "12 trillion won"
        ]
    );
    assert_eq!(
        only("South Korea is spending billions of dollars on it."),
        ["billions of dollars"]
    );
}

#[test]
fn counts() {
    assert_eq!(
        only("About 40,000 troops, more than 1,200 companies and 5.6 million jobs."),
        ["About 40,000", "more than 1,200", "5.6 million"]
    );
    assert_eq!(
        only("It will create 15,000 annual spots in a visa."),
        ["15,000"]
    );
    assert_eq!(
        only("Rights in more than 15 free trade agreements.38 It also"),
        ["more than 15"]
    );
}

#[test]
fn changes_and_durations() {
    assert_eq!(
        only("Imports quadrupled, then doubled; a tenfold rise, 2.5 times more."),
        ["quadrupled", "doubled", "tenfold", "2.5 times"]
    );
    assert_eq!(
        only("Forty years after the uprising, 15 years on."),
        ["Forty years", "15 years"]
    );
    assert_eq!(
        only("It marks the 70th anniversary of the treaty."),
        ["70th anniversary"]
    );
}

#[test]
fn lookalikes_are_left_out() {
    for s in [
        "In 2022, the summit met on March 22, 2022.",
        "Under Section 232 and Article III, see Chapter 4.",
        "See page 12 and note 3 (ISBN 978-3-16-148410-0, doi:10.1000/182).",
        "The G20 and 5G and Chip 4 and COVID-19 groups met.",
        "1. Strengthen the alliance.",
        "The two countries agreed.",
    ] {
        assert_eq!(only(s), Vec::<String>::new(), "{s}");
    }
}

#[test]
fn ranks_and_multiples() {
    assert_eq!(
        only("China is Korea's No. 1 partner, the world's 10th-largest economy grew 3x."),
        ["No. 1", "10th-largest", "3x"]
    );
    assert_eq!(
        only("Under Resolution No. 12 the council met."),
        Vec::<String>::new()
    );
}
