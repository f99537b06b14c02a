use super::*;
use crate::model::{FigureIdx, Origin};

fn brief(text: &str) -> (Brief, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let file = SourceFile::new("t.md".into(), Origin::Embedded, text.into());
    let b = parse_brief(file, &mut d).unwrap();
    (b, d)
}

const FRONT: &str = "+++\nid = \"t\"\ntitle = \"Test Brief\"\nshort_title = \"Test\"\n\n[[figures]]\nid = \"chips\"\nvalue = \"60%\"\nlabel = \"chip exports to China\"\nsection = \"economy\"\nsource = \"CFR\"\n\n[[events]]\ndate = \"2022-05\"\nlabel = \"summit\"\nsection = \"trade--investment\"\n+++\n";

#[test]
fn sections_nest_by_level() {
    let body = "# Test Brief\n\nLead.\n\n## Economy\n\nText [60 percent](fig:chips).\n\n### Chips\n\nMore.\n\n#### Deep\n\n## Trade & Investment\n\nEnd.\n";
    let (b, d) = brief(&format!("{FRONT}{body}"));
    assert!(d.is_empty(), "{d:?}");
    let titles: Vec<_> = b
        .sections
        .iter()
        .map(|s| (s.depth, s.anchor.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (0, "test-brief"),
            (1, "economy"),
            (2, "chips"),
            (3, "deep"),
            (1, "trade--investment"),
        ]
    );
    assert_eq!(b.sections[1].children, [SectionIdx(2)]);
    assert_eq!(b.sections[3].parent, Some(SectionIdx(2)));
    assert_eq!(
        b.pillars().collect::<Vec<_>>(),
        [SectionIdx(1), SectionIdx(4)]
    );
    assert_eq!(b.pillar_of(SectionIdx(3)), Some(SectionIdx(1)));
    let text = &b.source.text();
    assert!(text[b.sections[1].range.clone()].starts_with("## Economy"));
    assert!(text[b.sections[1].range.clone()].ends_with("(fig:chips).\n\n"));
    assert_eq!(b.events()[0].section, Some(SectionIdx(4)));
}

#[test]
fn headings_in_code_fences_are_not_sections() {
    let (b, _) = brief("# Doc\n\n```\n## not a heading\n```\n\n## Real\n\n    ## indented code\n");
    let anchors: Vec<_> = b.sections.iter().map(|s| s.anchor.as_str()).collect();
    assert_eq!(anchors, ["doc", "real"]);
}

#[test]
fn mentions_and_links_are_typed() {
    let body = "## Economy\n\nSee [60 percent](fig:chips), [above](#economy), [PP](peninsula-plus.md#recommendations), [site](https://example.org), [x](file:///etc/passwd), [y](other%2Emd), [z](javascript:alert(1)).\n";
    let (b, _) = brief(&format!("{FRONT}{body}"));
    assert_eq!(b.mentions().len(), 1);
    assert_eq!(b.mentions()[0].figure, Some(FigureIdx(0)));
    assert_eq!(b.mentions()[0].section, SectionIdx(1));
    let targets: Vec<_> = b.links.iter().map(|l| l.target.clone()).collect();
    assert_eq!(
        targets,
        [
            LinkTarget::Anchor("economy".into()),
            LinkTarget::Brief {
                path: "peninsula-plus.md".into(),
                anchor: Some("recommendations".into())
            },
            LinkTarget::External("https://example.org".into()),
            LinkTarget::Refused("file:///etc/passwd".into()),
            LinkTarget::Brief {
                path: "other.md".into(),
                anchor: None
            },
            LinkTarget::Refused("javascript:alert(1)".into()),
        ]
    );
    assert_eq!(b.links[1].text, "PP");
    let pos = b.source.pos(b.links[0].range.start);
    assert_eq!(pos.line, FRONT.lines().count() + 3);
}

#[test]
fn repeated_headings_get_github_suffixes() {
    let (b, _) = brief("## Notes\n\n## Notes\n\n## Notes\n");
    let anchors: Vec<_> = b
        .sections
        .iter()
        .skip(1)
        .map(|s| s.anchor.as_str())
        .collect();
    assert_eq!(anchors, ["notes", "notes-1", "notes-2"]);
}

#[test]
fn plain_markdown_is_a_brief() {
    let mut d = Vec::new();
    let file = SourceFile::new(
        "dir/My Notes.md".into(),
        Origin::Embedded,
        "Intro\n\n# First Title\n\n# Second\n\n## Sub\n".into(),
    );
    let b = parse_brief(file, &mut d).unwrap();
    assert!(d.is_empty());
    assert_eq!(b.meta.id, "my-notes");
    assert_eq!(b.meta.title, "First Title");
    assert!(!b.meta.has_front_matter);
    // Two level-1 headings: both are pillars.
    let pillars: Vec<_> = b
        .pillars()
        .map(|i| b.sections[i.0].title.as_str())
        .collect();
    assert_eq!(pillars, ["First Title", "Second"]);
}

#[test]
fn untitled_plain_file_uses_its_name() {
    let mut d = Vec::new();
    let file = SourceFile::new("notes.md".into(), Origin::Embedded, "just text\n".into());
    let b = parse_brief(file, &mut d).unwrap();
    assert_eq!(b.meta.title, "notes");
    assert_eq!(b.sections.len(), 1);
}

#[test]
fn plus_fence_mid_document_is_markdown() {
    let (b, d) = brief("# T\n\n+++\nid = \"x\"\n+++\n\n## After\n");
    assert!(d.is_empty());
    assert!(!b.meta.has_front_matter);
    assert_eq!(b.sections.len(), 2);
}

#[test]
fn figure_problems_are_reported() {
    let text = "+++\nid = \"t\"\ntitle = \"T\"\n\n[[figures]]\nid = \"a\"\nvalue = \"1\"\nlabel = \"l\"\nsection = \"nowhere\"\nsource = \"s\"\n\n[[figures]]\nid = \"a\"\nvalue = \"2\"\nlabel = \"l\"\nsection = \"x\"\nsource = \"s\"\n+++\n## X\n\n[ghost](fig:ghost)\n";
    let (_, d) = brief(text);
    let msgs: Vec<String> = d.iter().map(ToString::to_string).collect();
    assert_eq!(
        msgs,
        [
            "t.md:5:1: error: figure `a` names section `nowhere`, which does not exist",
            "t.md:5:1: error: figure `a` is never mentioned in the body (link it as [text](fig:a))",
            "t.md:12:1: error: duplicate figure id `a` (first declared on line 5)",
            "t.md:21:1: error: mention of unknown figure `ghost`",
        ]
    );
}

#[test]
fn percent_decoding() {
    assert_eq!(percent_decode("%2e%2e%2fetc"), "../etc");
    assert_eq!(percent_decode("100%"), "100%");
    assert_eq!(percent_decode("%zz"), "%zz");
}
