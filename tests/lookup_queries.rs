//! The finder on an analyst's own words: a query set over the embedded
//! library (keywords, paraphrases with synonyms, full questions, typos,
//! number forms, acronyms, and every row of issue 13's table), each with
//! the figure that must come first. Prints top-1 and top-3.

use briefing::library::Library;
use briefing::lookup::{Finder, Index};

/// (query, acceptable first figures).
const QUERIES: &[(&str, &[&str])] = &[
    // Issue 13's table.
    ("chip exp", &["chip-exports-china"]),
    (
        "what share of korea's chip exports go to china",
        &["chip-exports-china"],
    ),
    ("furloughed base workers", &["unpaid-leave-workers"]),
    ("host nation support", &["korea-stationing-cost-share"]),
    (
        "how much of the cost of us troops does seoul pay",
        &["korea-stationing-cost-share"],
    ),
    ("60%", &["chip-exports-china", "foreign-interference-poll"]),
    ("visa", &["e4-visa-spots"]),
    // Keywords.
    ("semiconductor exports china", &["chip-exports-china"]),
    ("yoon approval", &["yoon-approval"]),
    ("lng imports", &["lng-imports-quadrupled"]),
    ("stimulus plan", &["moon-stimulus-plan"]),
    ("gwangju", &["years-since-gwangju"]),
    ("diplomatic relations", &["diplomatic-ties-years"]),
    ("cybersecurity market", &["us-share-korea-cyber-market"]),
    ("chip 4 experts hurt", &["chip4-negative-experts"]),
    ("chip equipment imports", &["equipment-imported"]),
    // Paraphrases and synonyms.
    (
        "how many korean workers were furloughed",
        &["unpaid-leave-workers"],
    ),
    (
        "cost-sharing negotiators walked out",
        &["sma-walkout-hours"],
    ),
    ("burden sharing", &["korea-stationing-cost-share"]),
    ("skilled worker visas for koreans", &["e4-visa-spots"]),
    (
        "survey of semiconductor experts on china as a partner",
        &["china-not-best-partner-experts"],
    ),
    (
        "koreans who see the chips act as america first",
        &["chips-act-america-first"],
    ),
    (
        "public opinion preferring the us over china",
        &["prefer-us-partner"],
    ),
    (
        "dependence on china for raw materials",
        &["raw-materials-from-china"],
    ),
    (
        "japanese reliance on chinese imports",
        &["japan-china-imports"],
    ),
    ("taiwan import dependence", &["taiwan-china-imports"]),
    (
        "share of global chip supply held by chip 4 countries",
        &["chip4-global-supply"],
    ),
    (
        "materials and equipment sourced from china",
        &["materials-equipment-from-china"],
    ),
    // Full questions.
    (
        "how long have the us and korea had diplomatic ties",
        &["diplomatic-ties-years"],
    ),
    ("how old is the alliance", &["alliance-age"]),
    (
        "do koreans expect foreign interference in elections",
        &["foreign-interference-poll"],
    ),
    (
        "by how much does china lead as korea's trading partner",
        &["china-trade-margin"],
    ),
    (
        "how much did trade grow after the korus fta",
        &["korus-trade-growth", "korus-trade-growth-since-2011"],
    ),
    (
        "how many free trade agreements has korea pushed ip provisions in",
        &["korea-fta-count"],
    ),
    ("what is korea spending on ai", &["korea-ai-spending"]),
    (
        "how much of korea's raw materials come from china",
        &["raw-materials-from-china"],
    ),
    (
        "how long have the us and korea had diplomatic ties",
        &["diplomatic-ties-years"],
    ),
    (
        "what share of the cyber market do us imports supply",
        &["us-share-korea-cyber-market"],
    ),
    // Typos.
    ("semicondctor exports", &["chip-exports-china"]),
    ("stationing csot", &["korea-stationing-cost-share"]),
    ("unpiad leave", &["unpaid-leave-workers"]),
    ("gwnagju", &["years-since-gwangju"]),
    ("aproval rating", &["yoon-approval"]),
    // Number forms.
    ("$133bn", &["moon-stimulus-plan"]),
    ("15k visas", &["e4-visa-spots"]),
    ("sixty percent chip exports", &["chip-exports-china"]),
    ("4500", &["unpaid-leave-workers"]),
    ("82.6%", &["us-should-weigh-allies"]),
    ("one third cyber", &["us-share-korea-cyber-market"]),
    ("140 years", &["diplomatic-ties-years"]),
    ("forty years", &["years-since-gwangju"]),
    ("77", &["chips-act-america-first"]),
    // Acronyms and laws.
    ("SMA talks walkout", &["sma-walkout-hours"]),
    ("ROK alliance seventy years", &["alliance-age"]),
    ("CHIPS and Science Act poll", &["chips-act-america-first"]),
    (
        "KORUS",
        &["korus-trade-growth", "korus-trade-growth-since-2011"],
    ),
    (
        "Special Measures Agreement negotiators",
        &["sma-walkout-hours"],
    ),
    ("USFK cost", &["korea-stationing-cost-share"]),
];

#[test]
fn an_analysts_queries_find_their_figure_first() {
    let lib = Library::embedded();
    let index = Index::new(&lib);
    let mut finder = Finder::default();
    let id = |h: &briefing::lookup::Hit| {
        lib.brief(h.figure.brief)
            .and_then(|b| b.figure(h.figure.figure))
            .map_or(String::new(), |f| f.id.clone())
    };
    let (mut top1, mut top3) = (0, 0);
    let mut misses = Vec::new();
    for (q, want) in QUERIES {
        let hits = finder.rank(&index, q);
        let ids: Vec<String> = hits.iter().take(3).map(id).collect();
        let first = ids.first().is_some_and(|i| want.contains(&i.as_str()));
        if first {
            top1 += 1;
        } else {
            misses.push(format!("{q:?}: want {want:?}, got {ids:?}"));
        }
        if ids.iter().any(|i| want.contains(&i.as_str())) {
            top3 += 1;
        }
    }
    let n = QUERIES.len();
    println!("query set: {n} queries, top-1 {top1}/{n}, top-3 {top3}/{n}");
    for m in &misses {
        println!("  miss {m}");
    }
    assert!(n >= 45);
    // The floor: at most three misses at the top, at most one outside
    // the top three.
    assert!(top1 + 3 >= n, "{misses:#?}");
    assert!(top3 + 1 >= n, "{misses:#?}");
}
