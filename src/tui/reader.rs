//! The reading pane's state: which brief, laid out at which width, scrolled
//! where, with which link selected.

mod job;
mod targets;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use job::Job;

use crate::doc::{self, Doc, Role};
use crate::layout::Layout;
use crate::library::Library;
use crate::model::{BriefIdx, SectionIdx, SectionRef};

/// A brief whose body is at least this long, kept whole, shows its first
/// screen from its first sections (at least [`FIRST_SCREEN_BYTES`]).
const FIRST_SCREEN_MIN: usize = 32 * 1024;
const FIRST_SCREEN_BYTES: usize = 12 * 1024;

/// A place in the library that survives re-layout: a brief and the block at
/// the top of the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub brief: BriefIdx,
    pub block: usize,
    pub section: Option<SectionIdx>,
    /// The link or figure selected there, which names its section.
    pub selected: Option<Role>,
    /// Lines from the block's first to the top of the pane.
    pub offset: usize,
}

#[derive(Debug, Default)]
pub struct ReaderState {
    pub brief: BriefIdx,
    docs: HashMap<BriefIdx, Doc>,
    pub layout: Layout,
    laid_out: Option<(BriefIdx, usize)>,
    pub top: usize,
    pub height: usize,
    /// The selected link or mention, by its role (`Link(i)`/`Mention(i)`).
    pub selected: Option<Role>,
    /// A mention highlighted after a jump, until the next move.
    pub highlight: Option<Role>,
    /// Columns the blocks wider than the pane (code, tables) are scrolled
    /// sideways; each is shifted at most as far as it reaches.
    pub hscroll: usize,
    /// The section a jump landed on, which counts as current even when the
    /// end of the brief keeps its heading from reaching the top.
    anchor: Option<SectionIdx>,
    /// A long brief being laid out in the background; `layout` holds its
    /// first sections meanwhile.
    job: Option<Job>,
    /// While `job` runs, `layout` may hold the last sections of the brief
    /// instead of its first (a jump to the end): the first of them, whose
    /// heading places the reader in the whole once it is laid out.
    tail: Option<SectionIdx>,
    /// `layout` holds the first sections of a brief kept whole (not long),
    /// for the first screen: the whole is laid out, and its terms marked,
    /// once that is up (see [`Self::mark_terms`]).
    partial: bool,
    /// Glossary terms wait to be marked until the first screen is up:
    /// they are not needed to show it (see [`Self::mark_terms`]).
    pub defer_terms: bool,
    /// The briefs whose kept document has its terms marked.
    marked: HashSet<BriefIdx>,
}

impl ReaderState {
    /// A pane on `brief`, laid out by the first [`Self::relayout`].
    pub fn new(brief: BriefIdx) -> Self {
        Self {
            brief,
            ..Self::default()
        }
    }

    /// The document of brief `b`: built once and kept for a short brief,
    /// built afresh for a long one (whose document would take several
    /// times its text's memory).
    pub fn doc(&mut self, lib: &Library, b: BriefIdx) -> Cow<'_, Doc> {
        let Some(brief) = lib.brief(b) else {
            return Cow::Owned(Doc::default());
        };
        if job::is_long(brief) {
            return Cow::Owned(doc::build_with_lead(brief));
        }
        // Glossary terms are marked in a short brief only: a long one is
        // laid out a piece at a time and costs nothing more.
        let defer = self.defer_terms;
        let marked = &mut self.marked;
        Cow::Borrowed(self.docs.entry(b).or_insert_with(|| {
            let mut d = doc::build_with_lead(brief);
            if !defer {
                doc::terms::mark(&mut d, &lib.glossary);
                marked.insert(b);
            }
            d
        }))
    }

    /// True while the brief being read waits for its glossary terms (or
    /// for the rest of its layout, see [`Self::partial`]).
    pub fn terms_pending(&self) -> bool {
        !self.defer_terms
            && (self.partial
                || self.docs.contains_key(&self.brief) && !self.marked.contains(&self.brief))
    }

    /// Lays out the whole of a brief shown from its first sections (for
    /// the first screen), where the reader is.
    fn complete(&mut self, lib: &Library) {
        if !std::mem::take(&mut self.partial) {
            return;
        }
        let b = self.brief;
        let sections = lib.brief(b).map_or(1, |x| x.sections.len());
        let width = self.width();
        // The same lines, and more of them: the place stays as it is.
        self.layout = Layout::new(&self.doc(lib, b), sections, width, None);
        self.clamp();
    }

    /// Marks the glossary terms of the brief being read, if its document
    /// was built without them, and lays it out again where it was; true if
    /// the text changed. Terms wait while [`Self::defer_terms`] holds.
    pub fn mark_terms(&mut self, lib: &Library) -> bool {
        let completed = self.partial && !self.defer_terms;
        if completed {
            self.complete(lib);
        }
        if !self.terms_pending() {
            return completed;
        }
        let b = self.brief;
        let Some(d) = self.docs.get_mut(&b) else {
            return false;
        };
        doc::terms::mark(d, &lib.glossary);
        self.marked.insert(b);
        if let Some((laid, width)) = self.laid_out
            && laid == b
        {
            // The same text in the same lines, with terms underlined: the
            // reader stays on the very line it was on.
            let block = self.layout.block_of(self.top);
            let into = self.top.saturating_sub(self.layout.block_line(block));
            let sections = lib.brief(b).map_or(1, |x| x.sections.len());
            if let Some(d) = self.docs.get(&b) {
                self.layout = Layout::new(d, sections, width, None);
            }
            self.top = self.layout.block_line(block) + into;
            self.clamp();
        }
        true
    }

    /// Lays the current brief out at `width` if it is not already; keeps the
    /// block at the top of the pane in place.
    pub fn relayout(&mut self, lib: &Library, width: usize) {
        if self.laid_out == Some((self.brief, width)) {
            return;
        }
        if self.tail.is_some() {
            // The end of the brief alone: in the same brief the place is
            // kept in the whole, so that is waited for.
            if self.laid_out.map(|(b, _)| b) == Some(self.brief) {
                self.finish();
            }
            self.tail = None;
        }
        let keep = (self.laid_out.map(|(b, _)| b) == Some(self.brief))
            .then(|| self.layout.block_of(self.top));
        let b = self.brief;
        self.job = None;
        self.partial = false;
        let sections = lib.brief(b).map_or(1, |x| x.sections.len());
        let background = lib.brief(b).and_then(|brief| Job::start(b, brief, width));
        let layout = match background {
            Some((job, preview)) => {
                self.job = Some(job);
                preview
            }
            None => match self.first_screen(lib, b, width) {
                Some(preview) => {
                    self.partial = true;
                    preview
                }
                None => Layout::new(&self.doc(lib, b), sections, width, None),
            },
        };
        self.layout = layout;
        self.laid_out = Some((b, width));
        self.hscroll = 0;
        // A place past the preview (the pane was resized deep in a long
        // brief) waits for the whole, so the reader stays where it was.
        if keep.is_some_and(|block| block >= self.layout.blocks()) {
            self.finish();
        }
        self.top = keep.map_or(0, |block| self.layout.block_line(block));
        self.clamp();
    }

    /// The first sections of brief `b` alone, when the first screen waits
    /// for it and it is long enough for that to matter.
    fn first_screen(&self, lib: &Library, b: BriefIdx, width: usize) -> Option<Layout> {
        let brief = lib.brief(b)?;
        if !self.defer_terms
            || self.docs.contains_key(&b)
            || brief.source.body().len() < FIRST_SCREEN_MIN
        {
            return None;
        }
        job::preview(brief, width, FIRST_SCREEN_BYTES)
    }

    /// Takes in the brief laid out in the background, if it is ready;
    /// true if it was.
    pub fn receive(&mut self) -> bool {
        let Some(done) = self.job.as_ref().and_then(Job::try_take) else {
            return false;
        };
        if let Some(job) = self.job.take() {
            self.install(job.brief, job.width, done);
        }
        true
    }

    /// Waits for the brief being laid out in the background, so what
    /// follows sees all of it.
    pub fn finish(&mut self) {
        let Some(job) = self.job.take() else {
            return;
        };
        let (brief, width) = (job.brief, job.width);
        match job.wait() {
            Some(done) => self.install(brief, width, done),
            // The worker failed: what is shown stays, as the whole.
            None => self.tail = None,
        }
    }

    /// The whole layout continues the preview line for line, so the
    /// position, selection and highlight stay as they are; it ends with
    /// the lines of a tail shown meanwhile, so the reader stays on the
    /// same line of it.
    fn install(&mut self, brief: BriefIdx, width: usize, layout: Layout) {
        let tail = self.tail.take();
        if self.laid_out == Some((brief, width)) {
            if let Some(first) = tail {
                let (was, is) = (self.layout.section_line(first), layout.section_line(first));
                self.top = (self.top + is).saturating_sub(was);
            }
            self.layout = layout;
            self.clamp();
        }
    }

    /// Scrolls to the end of the brief. While a long brief is laid out in
    /// the background, its last sections are laid out on their own and
    /// shown at once (the whole follows, see [`Self::install`]).
    pub fn to_end(&mut self, lib: &Library) {
        self.receive();
        self.complete(lib);
        if self.tail.is_none()
            && let Some(job) = &self.job
        {
            let tail = lib
                .brief(self.brief)
                .and_then(|b| job.tail(b, self.height.max(1)));
            match tail {
                Some((layout, first)) => {
                    self.layout = layout;
                    self.tail = Some(first);
                }
                None => self.finish(),
            }
        }
        self.scroll(isize::MAX / 2);
    }

    /// How much of the brief is laid out, in percent, while that goes on
    /// in the background.
    pub fn progress(&self) -> Option<usize> {
        self.job.as_ref().map(Job::percent)
    }

    pub fn width(&self) -> usize {
        self.laid_out.map_or(0, |(_, w)| w)
    }

    pub fn place(&self) -> Place {
        Place {
            brief: self.brief,
            block: self.layout.block_of(self.top),
            section: self.anchor,
            selected: self.selected,
            offset: self.top
                - self
                    .layout
                    .block_line(self.layout.block_of(self.top))
                    .min(self.top),
        }
    }

    /// Opens `brief` (laying it out at the current width) without moving.
    pub fn open_brief(&mut self, lib: &Library, brief: BriefIdx) {
        if brief != self.brief {
            let width = self.width();
            self.brief = brief;
            self.selected = None;
            self.highlight = None;
            self.top = 0;
            self.hscroll = 0;
            self.relayout(lib, width);
        }
    }

    pub fn go_place(&mut self, lib: &Library, p: Place) {
        self.open_brief(lib, p.brief);
        if p.block > 0 {
            self.finish();
            self.complete(lib);
        }
        self.top = self.top_at(p.block, p.offset);
        self.anchor = p.section;
        self.highlight = None;
        self.clamp();
        // Back where a figure was selected, it is again, and so is its
        // section in the status bar and the panel.
        self.selected = p.selected.filter(|&r| self.is_visible(r));
    }

    /// The line `offset` lines into `block`, or its last line if the block
    /// is shorter now (laid out at another width).
    fn top_at(&self, block: usize, offset: usize) -> usize {
        let next = if block + 1 < self.layout.blocks() {
            self.layout.block_line(block + 1)
        } else {
            self.layout.len()
        };
        let start = self.layout.block_line(block);
        (start + offset).min(next.max(start + 1) - 1)
    }

    pub fn go_section(&mut self, lib: &Library, to: SectionRef) {
        self.open_brief(lib, to.brief);
        if to.section.0 > 0 {
            self.finish();
            self.complete(lib);
        }
        self.top = if to.section.0 == 0 {
            0
        } else {
            self.layout.section_line(to.section)
        };
        self.selected = None;
        self.clamp();
        self.anchor = Some(to.section);
    }

    /// Opens `brief` with the block holding byte `offset` of its file at
    /// the top.
    pub fn go_offset(&mut self, lib: &Library, brief: BriefIdx, offset: usize) {
        self.open_brief(lib, brief);
        self.finish();
        self.complete(lib);
        let block = self
            .doc(lib, brief)
            .blocks
            .iter()
            .rposition(|b| b.offset <= offset)
            .unwrap_or(0);
        self.top = self.layout.block_line(block);
        self.selected = None;
        self.highlight = None;
        self.anchor = None;
        self.clamp();
    }

    /// Makes the section holding `line` current, as a jump to it does (a
    /// search match shown at the end of the brief, say).
    pub fn anchor_line(&mut self, line: usize) {
        self.anchor = Some(self.layout.section_of(line));
    }

    /// Forgets the section a jump landed on: the current section is again
    /// the one at the top of the pane.
    pub fn unanchor(&mut self) {
        self.anchor = None;
    }

    pub fn max_top(&self) -> usize {
        self.layout.len().saturating_sub(self.height.max(1))
    }

    pub fn clamp(&mut self) {
        self.top = self.top.min(self.max_top());
    }

    pub fn scroll(&mut self, delta: isize) {
        let before = self.top;
        self.top = self.top.saturating_add_signed(delta);
        self.clamp();
        if self.top != before {
            self.anchor = None;
        }
        self.highlight = None;
        if let Some(sel) = self.selected
            && !self.is_visible(sel)
        {
            self.selected = None;
        }
    }

    fn is_visible(&self, role: Role) -> bool {
        self.layout
            .targets()
            .iter()
            .any(|t| t.role == role && t.line >= self.top && t.line < self.top + self.height)
    }

    /// The section being read, the one place the status bar, the panel
    /// and the outline follow: the selected link's or figure's when there
    /// is a selection, else the one a jump landed on, else the one at the
    /// top of the pane, else (scrolled to the very end) the last one.
    pub fn section(&self) -> SectionIdx {
        if let Some(sel) = self.selected
            && let Some(t) = self.layout.targets().iter().find(|t| t.role == sel)
        {
            return self.layout.section_of(t.line);
        }
        if let Some(a) = self.anchor {
            return a;
        }
        if self.top > 0 && self.top >= self.max_top() {
            return self.layout.section_of(self.layout.len().saturating_sub(1));
        }
        self.layout.section_of(self.top)
    }
}
