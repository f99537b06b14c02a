//! The words the statistics scanner knows: qualifiers, currencies, units,
//! and the words that make a number something else.

mod nouns;

pub use nouns::{is_false_plural, is_function_word, is_irregular_plural, is_label_word};

/// Words before a value that stay part of it, longest first where one
/// starts another.
pub const QUALIFIERS: &[&str] = &[
    "slightly more than",
    "slightly less than",
    "a little more than",
    "a little over",
    "no fewer than",
    "no more than",
    "no less than",
    "as many as",
    "as much as",
    "as few as",
    "as little as",
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "higher than",
    "lower than",
    "at least",
    "at most",
    "up to",
    "just over",
    "just under",
    "well over",
    "well under",
    "well above",
    "well below",
    "close to",
    "in excess of",
    "upwards of",
    "upward of",
    "an estimated",
    "an average of",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "estimated",
    "approx.",
    "circa",
    "barely",
    "above",
    "below",
];

/// Currency signs and codes written before an amount.
pub const CURRENCY_SIGNS: &[&str] = &["$", "€", "£", "¥", "₩", "₹", "₽", "₺"];
pub const CURRENCY_CODES: &[&str] = &[
    "usd", "krw", "eur", "jpy", "cny", "rmb", "gbp", "twd", "inr", "aud", "cad", "chf", "hkd",
    "sgd",
];
/// Letters glued before `$`: `US$`, `A$`, `HK$`, `NT$`.
pub const DOLLAR_PREFIXES: &[&str] = &["us", "a", "c", "hk", "nt", "s", "nz", "r", "mx"];
/// Currency names written after an amount.
pub const CURRENCY_WORDS: &[&str] = &[
    "dollars", "dollar", "won", "yen", "euros", "euro", "yuan", "renminbi", "pounds", "rupees",
    "rubles", "roubles", "francs",
];

/// Time units: a number before one is a duration.
pub fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "decade"
            | "decades"
            | "minute"
            | "minutes"
            | "century"
            | "centuries"
            | "quarters"
            | "yrs"
    )
}

/// Units of measure: a number before one is a quantity of kind `other`.
pub fn is_measure_unit(w: &str) -> bool {
    matches!(
        w,
        "tons"
            | "tonnes"
            | "ton"
            | "tonne"
            | "barrels"
            | "kilometers"
            | "kilometres"
            | "km"
            | "miles"
            | "mile"
            | "gw"
            | "mw"
            | "gigawatts"
            | "megawatts"
            | "twh"
            | "kwh"
            | "kilograms"
            | "kg"
            | "meters"
            | "metres"
            | "feet"
            | "acres"
            | "hectares"
            | "nanometers"
            | "nanometres"
            | "nm"
            | "mt"
            | "bcm"
            | "teu"
    )
}

/// Words after a percentage that make it a change, not a share.
pub fn is_change_word(w: &str) -> bool {
    matches!(
        w,
        "increase"
            | "increases"
            | "rise"
            | "rises"
            | "growth"
            | "decline"
            | "declines"
            | "drop"
            | "drops"
            | "jump"
            | "gain"
            | "gains"
            | "more"
            | "higher"
            | "lower"
            | "fewer"
            | "less"
            | "margin"
            | "faster"
            | "slower"
            | "larger"
            | "smaller"
            | "cut"
            | "reduction"
            | "surge"
            | "fall"
            | "hike"
            | "premium"
            | "discount"
            | "year-on-year"
            | "annually"
    )
}

/// Verbs before a percentage that make it a change.
pub fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "grew"
            | "grown"
            | "grow"
            | "grows"
            | "rose"
            | "risen"
            | "rise"
            | "increased"
            | "increase"
            | "fell"
            | "fallen"
            | "declined"
            | "dropped"
            | "jumped"
            | "surged"
            | "climbed"
            | "soared"
            | "plunged"
            | "shrank"
            | "contracted"
            | "expanded"
            | "decreased"
            | "slid"
            | "slumped"
            | "by"
            | "up"
            | "down"
            | "cut"
            | "reduced"
            | "boosted"
            | "raised"
            | "lowered"
    )
}

/// Words after an ordinal that make it a rank: `fifth-largest`.
pub fn is_rank_word(w: &str) -> bool {
    matches!(
        w,
        "largest"
            | "biggest"
            | "highest"
            | "lowest"
            | "smallest"
            | "most"
            | "leading"
            | "least"
            | "top"
            | "greatest"
            | "strongest"
            | "richest"
            | "poorest"
            | "busiest"
            | "place"
    )
}
