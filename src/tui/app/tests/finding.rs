//! Finding: the figure finder (its index built in the background), the
//! search in a brief and across the library, the timeline and compare.

use super::*;

#[test]
fn the_finder_jumps_to_a_figure() {
    let mut a = app(140, 40);
    press(&mut a, "f");
    // The word being typed may be the start of one: `exp` of exports.
    type_text(&mut a, "china chip exp");
    let s = screen(&a);
    assert!(s.contains("› china chip exp"), "{s}");
    insta::assert_snapshot!(s);
    press(&mut a, "enter");
    assert!(!a.views.is_open());
    let brief = a
        .desk
        .lib
        .by_id("strategic-tech-cooperation")
        .expect("brief");
    assert_eq!(a.desk.reader.brief, brief);
    let Some(crate::doc::Role::Mention(m)) = a.desk.reader.highlight else {
        panic!("a mention is highlighted");
    };
    let fig = a.desk.lib.briefs[brief.0].mentions()[m as usize]
        .figure
        .expect("figure");
    assert_eq!(
        a.desk.lib.briefs[brief.0].figures()[fig.0].id,
        "chip-exports-china"
    );
    press(&mut a, "backspace");
    assert_eq!(a.desk.reader.brief, BriefIdx(0));
}

#[test]
fn the_finder_splits_answers_from_related_and_says_when_none_answers() {
    let mut a = app(140, 40);
    press(&mut a, "f");
    type_text(&mut a, "how much does korea pay for us troops");
    let s = screen(&a);
    assert!(!s.contains("no answer"), "{s}");
    let answer = s
        .find("share of the cost of stationing")
        .expect("the answer");
    let rule = s.find("── related").expect("a rule");
    assert!(answer < rule, "{s}");
    assert!(a.desk.finder.hits[0].answer);
    press(&mut a, "esc");
    press(&mut a, "f");
    type_text(&mut a, "number of us troops in korea");
    let s = screen(&a);
    assert!(s.contains("no answer"), "{s}");
    assert!(!s.contains("── related"), "{s}");
    assert!(a.desk.finder.hits.iter().all(|h| !h.answer));
}

#[test]
fn the_finder_filters_by_tag_and_edits() {
    let mut a = app(140, 40);
    press(&mut a, "f");
    type_text(&mut a, "#public-opinion");
    let n = a.desk.finder.hits.len();
    assert!((5..33).contains(&n), "{n}");
    press(&mut a, "backspace");
    assert_ne!(a.desk.finder.hits.len(), n);
    press(&mut a, "esc");
    assert!(!a.views.is_open());
}

#[test]
fn search_in_brief_counts_and_cycles() {
    let mut a = app(140, 40);
    press(&mut a, "/");
    type_text(&mut a, "alliance");
    let total = a.desk.search.matches.len();
    assert!(total > 3, "{total}");
    let s = screen(&a);
    assert!(s.contains(&format!("/alliance  1/{total}")), "{s}");
    press(&mut a, "enter");
    press(&mut a, "n n");
    assert_eq!(a.desk.search.current, Some(2));
    press(&mut a, "N");
    assert_eq!(a.desk.search.current, Some(1));
    let m = a.desk.search.matches[1];
    assert!(m.line >= a.desk.reader.top && m.line < a.desk.reader.top + a.desk.reader.height);
    let line = a.desk.reader.layout.line(m.line).expect("line").plain();
    let shown: String = line.chars().skip(m.col).take(m.width).collect();
    assert_eq!(shown.to_lowercase(), "alliance");
}

#[test]
fn search_the_whole_library() {
    let mut a = app(140, 40);
    press(&mut a, "/");
    type_text(&mut a, "Chip 4");
    press(&mut a, "tab");
    assert!(a.views.showing::<views::Results>());
    assert!(a.views.get::<views::Results>().expect("results").hits.len() > 3);
    let s = screen(&a);
    insta::assert_snapshot!(s);
    press(&mut a, "enter");
    assert!(!a.views.is_open());
    let (b, hit) = a.views.get::<views::Results>().expect("results").hits[0].clone();
    assert_eq!(a.desk.reader.brief, b);
    assert!(!a.desk.search.matches.is_empty());
    // The reader is at the block the hit was found in: the results' blocks
    // are the reader's.
    let line = a.desk.reader.layout.block_line(hit.block);
    let top = a.desk.reader.top;
    assert!(
        line >= top && line < top + a.desk.reader.height,
        "block {} at line {line}, screen from {top}",
        hit.block
    );
    assert!(screen(&a).contains("Chip 4"), "{}", screen(&a));
}

#[test]
fn the_timeline_lists_events_by_year_and_opens_them() {
    let mut a = app(140, 40);
    press(&mut a, "T");
    let s = screen(&a);
    insta::assert_snapshot!(s);
    assert!(s.contains("1910"), "{s}");
    press(&mut a, "G enter");
    assert!(!a.views.is_open());
    assert_ne!(a.desk.current().section, SectionIdx(0));
}

#[test]
fn compare_shows_bars_for_a_tag() {
    let mut a = app(140, 40);
    press(&mut a, "c");
    let tags = a.desk.lib.figure_tags();
    let i = tags
        .iter()
        .position(|(t, _)| t == "semiconductors")
        .expect("tag");
    for _ in 0..i {
        press(&mut a, "j");
    }
    press(&mut a, "enter");
    let tag = |a: &App| a.views.get::<views::Compare>().and_then(|c| c.tag.clone());
    assert_eq!(tag(&a).as_deref(), Some("semiconductors"));
    let s = screen(&a);
    insta::assert_snapshot!(s);
    assert!(s.contains("Compare: #semiconductors"), "{s}");
    assert!(s.contains("███"), "bars drawn as the panel draws them: {s}");
    assert!(!s.contains("━━━"), "{s}");
    press(&mut a, "h");
    assert_eq!(tag(&a), None);
    press(&mut a, "esc");
    assert!(!a.views.is_open());
}

/// Ticks until the finder's index, built in the background, comes in.
fn wait_for_index(a: &mut App) {
    let start = std::time::Instant::now();
    while a.desk.finder.index.is_none() && start.elapsed() < std::time::Duration::from_secs(20) {
        a.tick();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert!(a.desk.finder.index.is_some(), "the index came in");
}

#[test]
fn the_index_is_built_in_the_background_before_the_first_f() {
    let mut a = app(140, 40);
    a.first_screen_shown();
    assert!(
        a.desk.finder.building.is_none(),
        "a small library waits for f"
    );
    a.desk.finder.index_background_from = 0;
    a.first_screen_shown();
    assert!(a.desk.finder.building.is_some());
    wait_for_index(&mut a);
    assert!(!a.busy());
    press(&mut a, "f");
    type_text(&mut a, "chip exp china");
    assert!(!a.desk.finder.hits.is_empty());
    press(&mut a, "enter");
    assert!(!a.views.is_open());
    assert_eq!(
        a.desk.reader.brief,
        a.desk
            .lib
            .by_id("strategic-tech-cooperation")
            .expect("brief")
    );
}

#[test]
fn the_finder_opens_while_the_index_is_being_built() {
    let mut a = app(140, 40);
    let (build, tx) = crate::tui::finder::IndexBuild::by_hand();
    a.desk.finder.building = Some(build);
    press(&mut a, "f");
    assert!(a.views.showing::<views::Finder>());
    assert!(a.desk.finder.indexing() && a.busy());
    type_text(&mut a, "chip exp china");
    let s = screen(&a);
    assert!(
        s.contains("› chip exp china") && s.contains("indexing…"),
        "{s}"
    );
    assert!(s.contains("Gathering the library's figures") && !s.contains("No figure matches"));
    assert!(a.desk.finder.hits.is_empty());
    assert!(!a.tick(), "nothing came in yet");
    tx.send((
        std::sync::Arc::new(crate::lookup::Index::new(&a.desk.lib)),
        None,
    ))
    .expect("send");
    assert!(a.tick(), "the index came in");
    assert!(!a.desk.finder.indexing());
    assert!(!a.desk.finder.hits.is_empty(), "what was typed is ranked");
    assert!(!screen(&a).contains("indexing…"));
    press(&mut a, "enter");
    assert_eq!(
        a.desk.reader.brief,
        a.desk
            .lib
            .by_id("strategic-tech-cooperation")
            .expect("brief")
    );
}

#[test]
fn enter_waits_for_an_index_still_being_built() {
    let mut a = app(140, 40);
    let (build, tx) = crate::tui::finder::IndexBuild::by_hand();
    a.desk.finder.building = Some(build);
    press(&mut a, "f");
    type_text(&mut a, "chip exp china");
    let index = crate::lookup::Index::new(&a.desk.lib);
    let late = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let _ = tx.send((std::sync::Arc::new(index), None));
    });
    press(&mut a, "enter");
    late.join().expect("sender");
    assert!(!a.views.is_open());
    assert_eq!(
        a.desk.reader.brief,
        a.desk
            .lib
            .by_id("strategic-tech-cooperation")
            .expect("brief")
    );
}
