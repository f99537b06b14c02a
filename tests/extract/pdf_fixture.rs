//! The two-page PDF report of the quality test, made here: a running
//! header and page numbers to drop, a word hyphenated across lines, a
//! paragraph running on across the page break.

pub const HEADER: &str = "MERIDIAN WORKING PAPER 7 | RAILS AND REACTORS";

pub fn pages() -> Vec<Vec<String>> {
    let p1 = [
        HEADER,
        "",
        "Rails and Reactors: Financing the Northern Corridor",
        "",
        "Introduction",
        "",
        "Freight on the northern corridor grew 18 percent in 2023, and pass-",
        "enger traffic reached 41 million trips, according to Section 4 of the",
        "operator's filing.",
        "",
        "The corridor authority borrowed $2.8 billion from three lenders, and",
        "nearly two-thirds of that debt matures within 12 years. Chapter 9 of",
        "the 2021 plan and Table 3 list the 14 stations that will close. About",
        "",
        "1",
    ];
    let p2 = [
        HEADER,
        "",
        "6,400 workers will move to the reactor sites by 2026.",
        "",
        "Outlook",
        "",
        "Reactor output tripled after the G7 summit, and the plants now supply",
        "one in five homes. Tariffs fell by 4.5 percent, while 5G towers were",
        "installed at 300 sites over the past decade.",
        "",
        "2",
    ];
    vec![
        p1.iter().map(|s| (*s).to_owned()).collect(),
        p2.iter().map(|s| (*s).to_owned()).collect(),
    ]
}

pub fn bytes() -> Vec<u8> {
    briefing::extract::sample_pdf::build(&pages(), Some("Rails and Reactors"))
}
