//! Building and laying out a long brief on a worker thread, so its first
//! screen shows (from a preview of its first sections) before the whole
//! brief is laid out. The worker lays out each piece of the document as
//! soon as it is built and drops it, so the whole document is never held:
//! only the layout is kept.

use std::ops::ControlFlow;
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock, mpsc};

use crate::doc::{self, Progress};
use crate::layout::{Layout, Stream};
use crate::model::{Brief, BriefIdx, SectionIdx};
use crate::tui::task::{Poll, Task};

/// Bodies longer than this open from a preview while the rest is laid
/// out, and their documents are not kept once laid out.
pub const BACKGROUND_BYTES: usize = 256 * 1024;

/// How much of the body the preview holds, at least.
const PREVIEW_BYTES: usize = 12 * 1024;

/// The whole brief, being built and laid out.
#[derive(Debug)]
pub struct Job {
    pub brief: BriefIdx,
    pub width: usize,
    /// Dropped with the job: the worker stops after its piece, so a
    /// burst of resizes does not leave a worker per size running.
    task: Task<Layout>,
    progress: Arc<Progress>,
    /// Whether the body can be laid out a section at a time (nothing in
    /// it refers across sections), found out by the worker.
    cuttable: Arc<OnceLock<bool>>,
}

/// How much of the body the worker builds at a time: each piece is held
/// twice over while it is built (the parser's tree, then the blocks), and
/// one is built while the one before is laid out.
const PIECE_BYTES: usize = 128 * 1024;

/// How much of the body the end holds at first, when laid out on its own.
const TAIL_BYTES: usize = 8 * 1024;

/// Whether `brief` is long enough to be laid out in the background.
pub fn is_long(brief: &Brief) -> bool {
    brief.source.body().len() >= BACKGROUND_BYTES
}

/// The layout at `width` of the first sections of `brief`, at least
/// `bytes` of its body: line for line the first lines of the whole.
/// `None` when no section starts past that.
pub fn preview(brief: &Brief, width: usize, bytes: usize) -> Option<Layout> {
    let cut = doc::prefix_cut(brief, bytes)?;
    let base = brief.source.body_start;
    let starts = doc::section_starts(brief);
    let mut d = doc::build_text(brief.source.body().get(..cut)?, base, &starts, None);
    doc::lead::insert(brief, &mut d);
    Some(Layout::new(&d, brief.sections.len(), width, None))
}

impl Job {
    /// Starts building and laying out `brief` at `width`, and returns the
    /// job with a layout of its first sections to show meanwhile; `None`
    /// when the brief is short or no worker can be started.
    pub fn start(b: BriefIdx, brief: &Brief, width: usize) -> Option<(Self, Layout)> {
        if !is_long(brief) {
            return None;
        }
        let body = brief.source.body();
        let base = brief.source.body_start;
        let starts = doc::section_starts(brief);
        let sections = brief.sections.len();
        let preview = preview(brief, width, PREVIEW_BYTES)?;
        let mut lead = Some(doc::lead::blocks(brief, base));
        let progress = Arc::new(Progress::default());
        let seen = Arc::clone(&progress);
        let cuttable = Arc::new(OnceLock::new());
        let found = Arc::clone(&cuttable);
        let text = Arc::clone(brief.source.text());
        // The layout's buffers are made here, where the memory freed by
        // reading the brief can be taken again.
        let mut stream = Stream::new(sections, width, None);
        stream.reserve(body.len());
        let task = Task::spawn("layout", move |stop| {
            let body = text.get(base..).unwrap_or("");
            found.get_or_init(|| doc::cuttable(body));
            // One thread builds the pieces, this one lays each out as it
            // comes: the two stages overlap on two cores, and the builder
            // hands a piece over only when this one takes it, so few
            // pieces are held at once.
            let (pieces, built) = mpsc::sync_channel(0);
            std::thread::scope(|s| {
                s.spawn(|| {
                    doc::build_pieces(body, base, &starts, Some(&seen), PIECE_BYTES, |piece| {
                        if stop.load(Ordering::Relaxed) || pieces.send(piece).is_err() {
                            return ControlFlow::Break(());
                        }
                        ControlFlow::Continue(())
                    });
                    drop(pieces);
                });
                for mut piece in built {
                    if stop.load(Ordering::Relaxed) {
                        // Dropping the receiver stops the builder.
                        return None;
                    }
                    if let Some(lead) = lead.take() {
                        doc::lead::place(&mut piece, lead);
                    }
                    stream.add(&piece.blocks);
                }
                Some(stream.finish())
            })
        })?;
        let job = Self {
            brief: b,
            width,
            task,
            progress,
            cuttable,
        };
        Some((job, preview))
    }

    /// The last sections of `brief` (the brief this job lays out) laid
    /// out on their own, at least `min_lines` lines of them where the brief
    /// has that many, with the first of those sections: the end of the
    /// brief to show before the whole is laid out. Their lines are the
    /// last lines of the whole. `None` when the brief cannot be cut
    /// (something refers across sections) or has no section to cut at.
    pub fn tail(&self, brief: &Brief, min_lines: usize) -> Option<(Layout, SectionIdx)> {
        let body = brief.source.body();
        if !*self.cuttable.get_or_init(|| doc::cuttable(body)) {
            return None;
        }
        let base = brief.source.body_start;
        let text = brief.source.text().as_bytes();
        // Sections whose heading opens a line, from the last one back.
        let mut cuts = brief
            .sections
            .iter()
            .enumerate()
            .skip(1)
            .rev()
            .filter(|(_, s)| s.range.start > base && text.get(s.range.start - 1) == Some(&b'\n'));
        let starts = doc::section_starts(brief);
        let mut want = TAIL_BYTES;
        loop {
            let (i, s) = cuts.find(|(_, s)| base + body.len() - s.range.start >= want)?;
            let at = s.range.start;
            let before = |ranges: &mut dyn Iterator<Item = usize>| {
                u32::try_from(ranges.filter(|&r| r < at).count()).unwrap_or(u32::MAX)
            };
            let links = before(&mut brief.links.iter().map(|l| l.range.start));
            let mentions = before(&mut brief.mentions().iter().map(|m| m.range.start));
            let d = doc::build_tail(body, base, at - base, &starts, links, mentions);
            let mut stream = Stream::new(brief.sections.len(), self.width, None);
            stream.add(&d.blocks);
            let layout = stream.finish();
            if layout.len() >= min_lines {
                return Some((layout, SectionIdx(i)));
            }
            want = (base + body.len() - at).saturating_mul(4);
        }
    }

    /// The finished layout, if it is ready.
    pub fn try_take(&self) -> Option<Layout> {
        match self.task.poll(false) {
            Poll::Ready(l) => Some(l),
            Poll::Pending | Poll::Failed => None,
        }
    }

    /// Waits for the finished layout.
    pub fn wait(self) -> Option<Layout> {
        match self.task.poll(true) {
            Poll::Ready(l) => Some(l),
            Poll::Pending | Poll::Failed => None,
        }
    }

    /// Percent of the body built and laid out.
    pub fn percent(&self) -> usize {
        self.progress.get() / 10
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::time::{Duration, Instant};

    use super::*;
    use crate::library::Library;
    use crate::model::{Origin, SourceFile};
    use crate::tui::reader::ReaderState;

    fn long_library() -> Library {
        library_of(BACKGROUND_BYTES * 2)
    }

    fn library_of(bytes: usize) -> Library {
        let mut md = String::new();
        let mut i = 0;
        while md.len() < bytes {
            let _ = write!(
                md,
                "## Pillar {i}\n\nA paragraph about pillar {i} that is long enough to wrap at the widths the reader uses, with [a link](#pillar-0).\n\n- a list\n- of items\n\n"
            );
            i += 1;
        }
        md.push_str("## The end\n\nLAST-LINE-MARKER\n");
        Library::from_files(vec![Ok(SourceFile::new(
            "long.md".into(),
            Origin::Embedded,
            md,
        ))])
    }

    fn lines(l: &Layout) -> Vec<String> {
        (0..l.len())
            .filter_map(|i| l.line(i))
            .map(|l| l.plain())
            .collect()
    }

    fn whole(lib: &Library, width: usize) -> Vec<String> {
        let brief = lib.brief(BriefIdx(0)).expect("brief");
        let d = doc::build_with_lead(brief);
        lines(&Layout::new(&d, brief.sections.len(), width, None))
    }

    #[test]
    fn a_long_brief_shows_its_preview_then_the_whole() {
        let lib = long_library();
        let mut r = ReaderState::new(BriefIdx(0));
        r.height = 40;
        r.relayout(&lib, 100);
        assert!(r.progress().is_some(), "laid out in the background");
        let preview = lines(&r.layout);
        let expected = whole(&lib, 100);
        assert!(preview.len() > 40 && preview.len() < expected.len());
        assert_eq!(preview[..], expected[..preview.len()]);
        r.top = 10;
        r.finish();
        assert_eq!(r.progress(), None);
        assert_eq!(lines(&r.layout), expected);
        assert_eq!(r.top, 10, "the position survives");
        r.scroll(isize::MAX);
        let last = r.layout.line(r.layout.len() - 1).map(|l| l.plain());
        assert_eq!(last.as_deref(), Some("LAST-LINE-MARKER"));
    }

    #[test]
    fn the_whole_arrives_without_waiting_for_it() {
        let lib = long_library();
        let mut r = ReaderState::new(BriefIdx(0));
        r.relayout(&lib, 60);
        let deadline = Instant::now() + Duration::from_secs(20);
        while !r.receive() {
            assert!(Instant::now() < deadline, "the worker never finished");
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(lines(&r.layout), whole(&lib, 60));
        // Laid out again at another width, in the background again: the
        // document of a long brief is not kept.
        r.relayout(&lib, 80);
        assert!(r.progress().is_some());
        r.finish();
        assert_eq!(lines(&r.layout), whole(&lib, 80));
    }

    #[test]
    fn the_end_laid_out_alone_is_the_end_of_the_whole() {
        let lib = long_library();
        let brief = lib.brief(BriefIdx(0)).expect("brief");
        let d = doc::build_with_lead(brief);
        let whole = Layout::new(&d, brief.sections.len(), 70, None);
        let (job, _) = Job::start(BriefIdx(0), brief, 70).expect("a job");
        for want in [1, 40, 500] {
            let (tail, first) = job.tail(brief, want).expect("a tail");
            assert!(tail.len() >= want && tail.len() < whole.len());
            let from = whole.len() - tail.len();
            // Line for line the last lines of the whole, links numbered
            // as in the whole; the first section's heading where it is.
            assert_eq!(lines(&tail)[..], lines(&whole)[from..]);
            let roles = |l: &Layout, from: usize| -> Vec<_> {
                l.targets()
                    .iter()
                    .filter(|t| t.line >= from)
                    .map(|t| (t.line - from, t.role))
                    .collect()
            };
            assert_eq!(roles(&tail, 0), roles(&whole, from));
            assert_eq!(whole.section_line(first), from + tail.section_line(first));
            assert_eq!(
                tail.section_of(tail.len() - 1),
                whole.section_of(whole.len() - 1)
            );
        }
    }

    #[test]
    fn the_end_shows_at_once_and_the_whole_keeps_the_place() {
        let lib = long_library();
        let mut r = ReaderState::new(BriefIdx(0));
        r.height = 30;
        r.relayout(&lib, 100);
        assert!(r.progress().is_some());
        r.to_end(&lib);
        let last = |r: &ReaderState| {
            r.layout
                .line(r.top + r.height - 1)
                .map(|l| l.plain())
                .unwrap_or_default()
        };
        assert_eq!(last(&r), "LAST-LINE-MARKER");
        let seen: Vec<String> = (r.top..r.top + r.height)
            .filter_map(|i| r.layout.line(i))
            .map(|l| l.plain())
            .collect();
        let section = r.section();
        r.finish();
        assert_eq!(r.progress(), None);
        assert_eq!(lines(&r.layout), whole(&lib, 100));
        assert_eq!(r.top, r.max_top(), "still at the end");
        assert_eq!(last(&r), "LAST-LINE-MARKER");
        let now: Vec<String> = (r.top..r.top + r.height)
            .filter_map(|i| r.layout.line(i))
            .map(|l| l.plain())
            .collect();
        assert_eq!(now, seen);
        assert_eq!(r.section(), section);
        // A brief that refers across its sections (a footnote) is not cut:
        // the end waits for the whole.
        let mut md = lib
            .brief(BriefIdx(0))
            .expect("brief")
            .source
            .text()
            .to_string();
        md.push_str("\nA note.[^n]\n\n[^n]: The note.\n");
        let lib = Library::from_files(vec![Ok(SourceFile::new(
            "long.md".into(),
            Origin::Embedded,
            md,
        ))]);
        let mut r = ReaderState::new(BriefIdx(0));
        r.height = 30;
        r.relayout(&lib, 100);
        assert!(r.progress().is_some());
        r.to_end(&lib);
        assert_eq!(r.progress(), None);
        assert_eq!(r.top, r.max_top());
    }

    #[test]
    fn a_resize_at_the_end_laid_out_alone_keeps_the_place() {
        let lib = long_library();
        let mut r = ReaderState::new(BriefIdx(0));
        r.height = 30;
        r.relayout(&lib, 100);
        r.to_end(&lib);
        r.scroll(-5);
        let block = |r: &ReaderState| {
            let l = r.layout.line(r.top).map(|l| l.plain());
            (l, r.section())
        };
        let before = block(&r);
        // The same width: nothing to do, the end stays as it is.
        r.relayout(&lib, 100);
        assert_eq!(block(&r), before);
        r.relayout(&lib, 90);
        r.finish();
        assert_eq!(lines(&r.layout), whole(&lib, 90));
        assert_eq!(r.section(), before.1);
        assert!(r.top + r.height + 5 >= r.layout.len(), "near the end still");
    }

    #[test]
    fn a_brief_kept_whole_shows_its_first_screen_from_its_first_sections() {
        let lib = library_of(BACKGROUND_BYTES / 3);
        let mut r = ReaderState::new(BriefIdx(0));
        r.defer_terms = true;
        r.height = 40;
        r.relayout(&lib, 100);
        assert_eq!(r.progress(), None, "not long: no worker");
        let first = lines(&r.layout);
        let expected = whole(&lib, 100);
        assert!(first.len() > 40 && first.len() < expected.len());
        assert_eq!(first[..], expected[..first.len()]);
        assert!(!r.terms_pending(), "nothing more before the first screen");
        r.top = 7;
        // The first screen is up: the whole follows, where the reader is.
        r.defer_terms = false;
        assert!(r.terms_pending());
        assert!(r.mark_terms(&lib));
        assert_eq!(lines(&r.layout), expected);
        assert_eq!(r.top, 7);
        assert!(!r.terms_pending());
        // A place deep in it, before the first screen, is had at once.
        let mut r = ReaderState::new(BriefIdx(0));
        r.defer_terms = true;
        r.height = 40;
        r.relayout(&lib, 100);
        let brief = lib.brief(BriefIdx(0)).expect("brief");
        let last = crate::model::SectionIdx(brief.sections.len() - 1);
        r.go_section(
            &lib,
            crate::model::SectionRef {
                brief: BriefIdx(0),
                section: last,
            },
        );
        assert_eq!(lines(&r.layout), expected);
        assert_eq!(r.section(), last);
    }

    #[test]
    fn jumping_into_a_section_waits_for_the_whole() {
        let lib = long_library();
        let brief = lib.brief(BriefIdx(0)).expect("brief");
        let last = crate::model::SectionIdx(brief.sections.len() - 1);
        let mut r = ReaderState::new(BriefIdx(1));
        r.height = 20;
        r.relayout(&lib, 100);
        r.go_section(
            &lib,
            crate::model::SectionRef {
                brief: BriefIdx(0),
                section: last,
            },
        );
        assert_eq!(r.progress(), None);
        assert_eq!(r.section(), last);
        assert!(
            (r.top..r.layout.len())
                .filter_map(|i| r.layout.line(i))
                .any(|l| l.plain() == "LAST-LINE-MARKER")
        );
    }
}
