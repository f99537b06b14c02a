//! Figures across briefs: bars for shares only, compare by measure, and
//! disagreements marked in the panel, the finder and the timeline and
//! listed in their own view.

use crate::tui::testkit::{app_on, press, screen};

use crate::library::Library;
use crate::model::{BriefIdx, Origin, SourceFile};
use crate::tui::views::*;

fn line_with<'a>(s: &'a str, needle: &str) -> &'a str {
    s.lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle}: {s}"))
}

/// Two briefs that state one share differently for 2023, and a growth
/// rate in percent that is no share.
fn disagreeing() -> Library {
    let brief = |id: &str, title: &str, value: &str, extra: &str| {
        format!(
            "+++\nid = \"{id}\"\ntitle = \"{title}\"\n\
             [[figures]]\nid = \"chips\"\nvalue = \"{value}\"\nlabel = \"chip exports that go to China\"\n\
             section = \"trade\"\nsource = \"KITA\"\nas_of = \"2023\"\nmeasure = \"chip-exports-china\"\nkind = \"share\"\n\
             {extra}+++\n# {title}\n\n## Trade\n\nExports: [{value}](fig:chips).{mention}\n",
            mention = if extra.is_empty() {
                ""
            } else {
                " Trade grew [30%](fig:growth)."
            }
        )
    };
    let growth = "[[figures]]\nid = \"growth\"\nvalue = \"30%\"\nlabel = \"growth of bilateral trade\"\n\
                  section = \"trade\"\nsource = \"KITA\"\nmeasure = \"trade-growth\"\nkind = \"change\"\n";
    let files = [
        ("alpha.md", brief("alpha", "Alpha Report", "60%", growth)),
        ("beta.md", brief("beta", "Beta Report", "55 percent", "")),
    ];
    let lib = Library::from_files(
        files
            .into_iter()
            .map(|(n, t)| Ok(SourceFile::new(n.into(), Origin::Embedded, t)))
            .collect(),
    );
    assert!(lib.diagnostics.is_empty(), "{:?}", lib.diagnostics);
    lib
}

#[test]
fn the_panel_marks_a_disagreeing_figure_and_bars_only_a_share() {
    let mut a = app_on(disagreeing(), 120, 24);
    press(&mut a, "1");
    let s = screen(&a);
    insta::assert_snapshot!(s);
    assert!(s.contains("≠ 55 percent in Beta"), "{s}");
    assert!(line_with(&s, "60%").contains('█'), "a share has a bar: {s}");
    let growth = line_with(&s, "30%");
    assert!(
        !growth.contains('█') && !growth.contains('·'),
        "a change has none: {s}"
    );
    // The other side names this one.
    a.desk.reader.open_brief(&a.desk.lib.clone(), BriefIdx(1));
    press(&mut a, "1");
    assert!(screen(&a).contains("≠ 60% in Alpha Report"));
}

#[test]
fn the_finder_marks_a_disagreeing_figure() {
    let mut a = app_on(disagreeing(), 120, 24);
    press(&mut a, "f");
    a.desk.finder.take_index(&a.desk.lib, true);
    press(&mut a, "c h i p");
    a.desk.finder.settle();
    let s = screen(&a);
    assert!(
        line_with(&s, "55 percent  ").contains("≠ 60% in Alpha Report"),
        "{s}"
    );
    assert!(
        line_with(&s, "60%  ").contains("≠ 55 percent in Beta Report"),
        "{s}"
    );
}

#[test]
fn the_conflicts_view_lists_both_sides_and_goes_to_each() {
    let mut a = app_on(Library::embedded(), 160, 45);
    press(&mut a, "C");
    assert!(a.views.showing::<ConflictsView>());
    let s = screen(&a);
    insta::assert_snapshot!(s);
    for needle in [
        // Named as a reader would, not by the slug that ties the sides.
        "≠ United States releases its National Security Strategy",
        "2022-10     Peninsula Plus",
        "2022-11     Strategic Tech Cooperation › Threat Perception",
    ] {
        assert!(s.contains(needle), "{needle}: {s}");
    }
    // The cursor starts on a side, never a heading; Enter goes there.
    let rows = conflicts::rows(&a.desk);
    let cursor = a.views.get::<ConflictsView>().expect("view").cursor;
    let ConflictRow::Event(first) = rows[cursor] else {
        panic!("{:?}", rows[cursor]);
    };
    let before = a.desk.reader.place();
    press(&mut a, "enter");
    assert!(!a.views.is_open());
    assert_eq!(a.desk.reader.brief, first.brief);
    let event = &a.desk.lib.briefs[first.brief.0].events()[first.event];
    assert_eq!(Some(a.desk.current().section), event.section);
    press(&mut a, "backspace");
    assert_eq!(a.desk.reader.place(), before, "history takes you back");
    // Down skips the next heading to the next side.
    press(&mut a, "C j j");
    let c = a.views.get::<ConflictsView>().expect("view").cursor;
    assert!(!matches!(rows[c], ConflictRow::Head(_)), "{:?}", rows[c]);
}

#[test]
fn the_conflicts_view_says_when_briefs_agree() {
    let notes = SourceFile::new("n.md".into(), Origin::Embedded, "# N\n\nText.\n".into());
    let mut a = app_on(Library::from_files(vec![Ok(notes)]), 100, 20);
    press(&mut a, "C");
    assert!(screen(&a).contains("No disagreements"));
}

#[test]
fn the_timeline_marks_an_event_dated_differently_elsewhere() {
    let mut a = app_on(Library::embedded(), 160, 45);
    press(&mut a, "T");
    // Scroll to 2022 where the two NSS dates stand.
    for _ in 0..40 {
        if screen(&a).contains("≠ 2022-11 in Strategic Tech Cooperation") {
            break;
        }
        press(&mut a, "j");
    }
    let s = screen(&a);
    // The event's row, then its provenance and the other side under it.
    let lines: Vec<&str> = s.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("≠ 2022-11 in Strategic Tech Cooperation"))
        .expect("the other side is named");
    assert!(lines[at].contains("Peninsula Plus"), "{}", lines[at]);
    assert!(lines[at - 1].contains("2022-10    ≠ "), "{}", lines[at - 1]);
}

#[test]
fn compare_draws_bars_for_shares_only_and_names_other_kinds() {
    let mut a = app_on(Library::embedded(), 140, 40);
    press(&mut a, "c");
    let tags = a.desk.lib.figure_tags();
    let i = tags.iter().position(|(t, _)| t == "trade").expect("tag");
    for _ in 0..i {
        press(&mut a, "j");
    }
    press(&mut a, "enter");
    let s = screen(&a);
    insta::assert_snapshot!(s);
    let growth = line_with(&s, "30 percent ");
    assert!(growth.contains("change"), "{growth}");
    assert!(!growth.contains('█'), "no bar for a change: {growth}");
    let share = line_with(&s, "one-third");
    assert!(share.contains("share of"), "{share}");
    assert!(line_with(&s, "60 percent ").contains('█'), "a share: {s}");
}

#[test]
fn compare_by_measure_orders_one_quantity_by_as_of() {
    let mut a = app_on(Library::embedded(), 140, 40);
    press(&mut a, "c tab");
    assert!(a.views.showing::<Measures>(), "tab: by measure");
    let s = screen(&a);
    insta::assert_snapshot!("measures_list", s);
    assert!(s.contains("tab by tag"), "the hint names the way back: {s}");
    assert!(!s.contains("us-rok-alliance-age"), "names, not slugs: {s}");
    let first = line_with(&s, "anniversary of the US-ROK alliance");
    assert!(first.contains("3 figures · 3 briefs"), "{first}");
    press(&mut a, "enter");
    let s = screen(&a);
    insta::assert_snapshot!("measures_one", s);
    let rows: Vec<&str> = s
        .lines()
        .filter(|l| {
            !l.contains("Measure:") && (l.contains("anniversary") || l.contains("seventy years"))
        })
        .collect();
    assert_eq!(rows.len(), 3, "{s}");
    assert!(rows[0].contains("2023"), "dated first: {s}");
    assert!(rows[2].contains("—"), "undated last: {s}");
    assert!(rows[0].contains("duration"), "no bar for a duration: {s}");
    // Enter opens the figure; back comes back; tab returns to the tags.
    press(&mut a, "j j enter");
    assert!(!a.views.is_open());
    assert_eq!(
        a.desk
            .lib
            .brief(a.desk.reader.brief)
            .map(|b| b.meta.id.as_str()),
        Some("strategic-tech-cooperation")
    );
    press(&mut a, "c");
    assert!(a.views.showing::<Compare>(), "c opens compare by tag");
    press(&mut a, "tab");
    assert!(a.views.showing::<Measures>());
    press(&mut a, "h");
    assert!(a.views.get::<Measures>().expect("view").measure.is_none());
    press(&mut a, "tab");
    assert!(a.views.showing::<Compare>());
}

#[test]
fn the_new_views_fit_a_small_screen() {
    let mut a = app_on(Library::embedded(), 40, 12);
    for keys in ["C", "c tab", "c tab enter"] {
        press(&mut a, keys);
        let s = screen(&a);
        assert!(s.lines().count() == 12, "{s}");
        press(&mut a, "esc");
        press(&mut a, "esc");
    }
}

#[test]
fn the_conflicts_view_shows_a_figure_stated_differently() {
    let mut a = app_on(disagreeing(), 120, 24);
    press(&mut a, "C");
    let s = screen(&a);
    assert!(
        s.contains("≠ chip exports that go to China  values differ as of 2023"),
        "{s}"
    );
    assert!(
        line_with(&s, "55 percent ").contains("Beta Report › Trade"),
        "{s}"
    );
    press(&mut a, "j enter");
    assert_eq!(a.desk.reader.brief, BriefIdx(1), "the second side");
    assert!(matches!(
        a.desk.reader.selected,
        Some(crate::doc::Role::Mention(_))
    ));
    // And by measure, the measure is marked.
    press(&mut a, "c tab");
    assert!(line_with(&screen(&a), "chip exports that go to China").contains("≠"));
}

#[test]
fn the_panel_marks_a_draft_figure_in_words() {
    let text = "+++\nid = \"draft\"\ntitle = \"Draft Report\"\n\
                [[figures]]\nid = \"jobs\"\nvalue = \"5.6 million\"\nlabel = \"jobs\"\n\
                section = \"work\"\nsource = \"Ministry\"\ndraft = true\n\
                [[figures]]\nid = \"firms\"\nvalue = \"1,200\"\nlabel = \"companies\"\n\
                section = \"work\"\nsource = \"Ministry\"\n\
                +++\n# Draft Report\n\n## Work\n\nJobs: [5.6 million](fig:jobs); firms: [1,200](fig:firms).\n";
    let lib = Library::from_files(vec![Ok(SourceFile::new(
        "draft.md".into(),
        Origin::Embedded,
        text.into(),
    ))]);
    let mut a = app_on(lib, 120, 24);
    press(&mut a, "1");
    let s = screen(&a);
    assert_eq!(s.matches("✎ draft: to review").count(), 1, "{s}");
    // The mark stands under the draft figure, not the reviewed one.
    let rows: Vec<&str> = s.lines().collect();
    let jobs = rows
        .iter()
        .position(|r| r.contains("5.6 million"))
        .unwrap_or(0);
    let firms = rows.iter().position(|r| r.contains("1,200")).unwrap_or(0);
    let mark = rows.iter().position(|r| r.contains("✎ draft")).unwrap_or(0);
    assert!(jobs < mark && mark < firms, "{s}");
}
