use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::*;
use crate::library::Library;

/// A clock that moves only when told, in milliseconds.
fn fake_clock() -> (Clock, Arc<AtomicU64>) {
    let base = Instant::now();
    let ms = Arc::new(AtomicU64::new(0));
    let read = Arc::clone(&ms);
    (
        Box::new(move || base + Duration::from_millis(read.load(Ordering::SeqCst))),
        ms,
    )
}

fn shown(anchor: &str, lines: usize, total: usize, end: bool, words: usize) -> Shown {
    Shown {
        anchor: anchor.into(),
        lines,
        total,
        end,
        words,
    }
}

#[allow(clippy::unnecessary_wraps)]
fn screen(sections: Vec<Shown>) -> Option<Screen> {
    Some(Screen {
        brief: "b".into(),
        sections,
    })
}

#[test]
fn reviewed_toggles_and_read_stays() {
    let mut m = Marks::default();
    m.mark_read("b", "one");
    m.mark_read("b", "one");
    assert!(m.is_read("b", "one"), "marking again keeps it read");
    assert!(!m.is_read("b", "two"));
    assert!(!m.is_read("c", "one"), "marks are per brief");
    assert!(m.toggle_reviewed("b", "two"));
    assert!(m.is_reviewed("b", "two"));
    assert!(!m.toggle_reviewed("b", "two"));
    assert!(!m.is_reviewed("b", "two"));
}

#[test]
fn progress_counts_the_sections_under_headings_by_anchor() {
    let lib = Library::embedded();
    let b = &lib.briefs[0];
    let total = b.sections.iter().filter(|s| s.depth > 0).count();
    let mut m = Marks::default();
    let p = progress(&m, b);
    assert_eq!((p.read, p.reviewed, p.total), (0, 0, total));
    assert_eq!(p.label(), format!("0/{total}"));
    let anchor = &b.sections[1].anchor;
    m.mark_read(&b.meta.id, anchor);
    m.mark_read(&b.meta.id, "a-section-since-renamed");
    m.toggle_reviewed(&b.meta.id, anchor);
    let p = progress(&m, b);
    assert_eq!((p.read, p.reviewed), (1, 1), "gone anchors do not count");
    assert_eq!(p.label(), format!("✓ 1/{total}  ★ 1"));
}

#[test]
fn the_time_to_read_grows_with_the_words_from_two_seconds() {
    assert_eq!(time_to_read(0), MIN_READ);
    assert_eq!(time_to_read(10), MIN_READ);
    assert_eq!(time_to_read(500), Duration::from_secs(60));
    assert_eq!(time_to_read(100), Duration::from_secs(12));
}

#[test]
fn scrolling_past_is_not_reading() {
    let (clock, ms) = fake_clock();
    let mut t = ReadTracker::new(clock);
    let mut m = Marks::default();
    // A short section whole on screen, for under a second, ten times over.
    for _ in 0..10 {
        t.observe(screen(vec![shown("s", 4, 4, true, 10)]), &mut m);
        ms.fetch_add(150, Ordering::SeqCst);
        t.observe(None, &mut m);
        ms.fetch_add(1000, Ordering::SeqCst);
    }
    assert!(
        !m.is_read("b", "s"),
        "1.5 s in all is under the 2 s minimum"
    );
    t.observe(screen(vec![shown("s", 4, 4, true, 10)]), &mut m);
    ms.fetch_add(500, Ordering::SeqCst);
    assert!(t.observe(None, &mut m), "2 s in all: read");
    assert!(m.is_read("b", "s"));
}

#[test]
fn a_long_section_needs_its_words_time_and_its_end_on_screen() {
    let (clock, ms) = fake_clock();
    let mut t = ReadTracker::new(clock);
    let mut m = Marks::default();
    // 200 words take 24 s at 500 a minute. A minute at its top is not
    // enough while its end has not been on screen.
    t.observe(screen(vec![shown("long", 30, 80, false, 200)]), &mut m);
    ms.fetch_add(60_000, Ordering::SeqCst);
    assert!(!t.observe(screen(vec![shown("long", 30, 80, true, 200)]), &mut m));
    assert!(!m.is_read("b", "long"));
    // Its end comes on screen; the time already spent counts.
    ms.fetch_add(100, Ordering::SeqCst);
    assert!(t.observe(None, &mut m));
    assert!(m.is_read("b", "long"));
}

#[test]
fn a_few_lines_at_the_edge_of_the_screen_do_not_count() {
    let (clock, ms) = fake_clock();
    let mut t = ReadTracker::new(clock);
    let mut m = Marks::default();
    // The next section's heading and first lines peek in at the bottom.
    let peek = || {
        screen(vec![
            shown("here", 20, 20, true, 50),
            shown("next", 2, 20, false, 50),
        ])
    };
    t.observe(peek(), &mut m);
    ms.fetch_add(30_000, Ordering::SeqCst);
    t.observe(peek(), &mut m);
    assert!(m.is_read("b", "here"));
    // Its end comes into view for a moment: the time at its edge did not
    // count.
    t.observe(screen(vec![shown("next", 20, 20, true, 50)]), &mut m);
    ms.fetch_add(100, Ordering::SeqCst);
    t.observe(None, &mut m);
    assert!(!m.is_read("b", "next"));
    // A heading-only section counts once it is all on screen 2 s.
    t.observe(screen(vec![shown("pillar", 2, 2, true, 3)]), &mut m);
    ms.fetch_add(2_000, Ordering::SeqCst);
    t.observe(None, &mut m);
    assert!(m.is_read("b", "pillar"));
}

#[test]
fn the_loop_is_told_when_a_mark_falls_due_and_not_before() {
    let (clock, ms) = fake_clock();
    let start = clock();
    let mut t = ReadTracker::new(clock);
    let mut m = Marks::default();
    // 1,000 words take two minutes at 500 a minute.
    t.observe(screen(vec![shown("s", 10, 20, true, 1000)]), &mut m);
    assert_eq!(t.next_due(&m), Some(start + Duration::from_secs(120)));
    // Half of it read: the rest is due from now.
    ms.store(60_000, Ordering::SeqCst);
    t.observe(screen(vec![shown("s", 10, 20, true, 1000)]), &mut m);
    assert_eq!(t.next_due(&m), Some(start + Duration::from_secs(120)));
    // Its end not seen, or too few of its lines on screen: waiting marks
    // nothing, so nothing is due.
    let mut t2 = ReadTracker::new(Box::new(Instant::now));
    t2.observe(screen(vec![shown("a", 10, 20, false, 10)]), &mut m);
    assert_eq!(t2.next_due(&m), None);
    t2.observe(screen(vec![shown("c", 1, 20, true, 10)]), &mut m);
    assert_eq!(t2.next_due(&m), None);
    // Read already: nothing due either.
    ms.store(200_000, Ordering::SeqCst);
    assert!(t.observe(screen(vec![shown("s", 10, 20, true, 1000)]), &mut m));
    assert_eq!(t.next_due(&m), None);
    t.observe(None, &mut m);
    assert_eq!(t.next_due(&m), None);
}
