use proptest::prelude::*;

use super::*;

/// The whole body in one piece: what every piecewise scan must equal.
fn whole(body: &str) -> Scan {
    scan_piece(body, 7).0
}

fn pieces(body: &str, piece: usize) -> Scan {
    scan_in_pieces(body, 7, piece)
}

const SECTION: &str = "## Trade [one](fig:a)\n\nText with a [link](#x) and more.\n\n- item\n- item [two](fig:b)\n\n| a | b |\n|---|---|\n| [c](#c) | d |\n\n> quoted\n> [q](fig:q)\n\n";

#[test]
fn a_long_body_is_cut_at_headings_after_blank_lines() {
    let body = SECTION.repeat(40);
    let cuts = candidate_cuts(&body, 1000);
    assert!(cuts.len() >= 4, "{cuts:?}");
    for c in &cuts {
        assert!(body[..*c].ends_with("\n\n"), "cut at {c}");
        assert!(body[*c..].starts_with("## "), "cut at {c}");
    }
    assert_eq!(pieces(&body, 1000), whole(&body));
}

#[test]
fn a_heading_inside_an_unclosed_fence_is_not_a_cut() {
    // The fence opened in the first piece swallows the `#` line that a
    // cut would start at; the scan must see it as code, as the whole does.
    let head = SECTION.repeat(8);
    let body = format!(
        "{head}```\ncode\n\n# not a heading\n\nmore code\n```\n\n{}",
        SECTION.repeat(8)
    );
    let w = whole(&body);
    assert!(!w.headings.iter().any(|h| h.title == "not a heading"));
    for piece in [64, 200, 700, 1500] {
        assert_eq!(pieces(&body, piece), w, "pieces of {piece}");
    }
}

#[test]
fn a_fence_that_never_closes_swallows_the_rest() {
    let body = format!(
        "{}~~~\n{}",
        SECTION.repeat(6),
        "\n\n# inside\n\ntext".repeat(200)
    );
    let w = whole(&body);
    assert_eq!(pieces(&body, 100), w);
    assert!(!w.headings.iter().any(|h| h.title == "inside"));
}

#[test]
fn html_comments_and_raw_blocks_keep_their_headings() {
    let body = format!(
        "{}<!--\n\n# commented\n\n-->\n\n{}<script>\n\n# in script\n\n</script>\n\n{}",
        SECTION.repeat(5),
        SECTION.repeat(5),
        SECTION.repeat(5)
    );
    let w = whole(&body);
    for piece in [50, 300, 900] {
        assert_eq!(pieces(&body, piece), w, "pieces of {piece}");
    }
}

#[test]
fn reference_definitions_and_footnotes_are_scanned_whole() {
    let refs = format!("{}[r]: #x\n", SECTION.repeat(20));
    assert!(candidate_cuts(&refs, 100).is_empty());
    let notes = format!("{}A note.[^1]\n\n[^1]: Said.\n", SECTION.repeat(20));
    assert!(candidate_cuts(&notes, 100).is_empty());
    assert_eq!(pieces(&notes, 100), whole(&notes));
}

#[test]
fn offsets_are_in_file_coordinates() {
    let body = SECTION.repeat(30);
    let s = pieces(&body, 500);
    let last = s.headings.last().map(|h| h.range.clone());
    let Some(last) = last else {
        panic!("no headings");
    };
    assert_eq!(&body[last.start - 7..last.start - 7 + 8], "## Trade");
}

/// Pieces of Markdown that open and close blocks in awkward places.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "# Title\n\n",
        "## Section [l](#a)\n\n",
        "###### Deep\n\n",
        "#hashtag, not a heading\n\n",
        "Paragraph [m](fig:x) text.\n\n",
        "Lazy\n# heading right after\n\n",
        "```\n",
        "~~~~\n",
        "    indented code\n\n",
        "<!--\n\n",
        "-->\n\n",
        "<div>\n\n",
        "</div>\n\n",
        "<pre>\n\n",
        "</pre>\n\n",
        "- list\n\n  continued\n\n",
        "1. one\n2. two [t](#t)\n\n",
        "> quote\n>\n> # quoted heading\n\n",
        "| h |\n|---|\n| c |\n\n",
        "Setext\n======\n\n",
        "\n",
        "***\n\n",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn pieces_scan_like_the_whole(
        parts in prop::collection::vec(fragment(), 1..120),
        piece in 8usize..400,
    ) {
        let body: String = parts.concat();
        prop_assert_eq!(pieces(&body, piece), whole(&body));
    }
}
