//! `briefing show TARGET`: a brief, one section of it, or a Markdown file,
//! as text.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ratatui::backend::IntoCrossterm;
use ratatui::crossterm::style::{Attribute, Color, ContentStyle, StyledContent, Stylize};

use super::{Cli, ColorChoice, Out, report_load_problems};
use crate::config::Dirs;
use crate::doc::{self, Role, Style, flags};
use crate::layout::{Layout, Notes};
use crate::library::Library;
use crate::model::{BriefIdx, LinkTarget, SectionRef};
use crate::sanitize::line as clean;
use crate::theme::Theme;
use crate::theme::style_of;

pub fn run(cli: &Cli, target: &str, width: Option<usize>, color: bool) -> io::Result<ExitCode> {
    if cli.color == ColorChoice::Always {
        // crossterm leaves colours out under `NO_COLOR` unless told.
        ratatui::crossterm::style::force_color_output(true);
    }
    let paint = match cli.theme.as_deref() {
        None if color => Paint::Ansi,
        None => Paint::Off,
        Some(name) => match Theme::load(name, Dirs::xdg().themes().as_deref()) {
            Ok(mut theme) if color => {
                // `color` already weighs `--color` against `NO_COLOR`.
                theme.monochrome = false;
                Paint::Theme(Box::new(theme))
            }
            Ok(_) => Paint::Off,
            Err(e) => return Ok(fail(&e)),
        },
    };
    let (lib, target) = if let Some((path, anchor)) = file_target(target) {
        let (lib, brief) = load_file(&path);
        let Some(id) = brief.and_then(|b| lib.brief(b)).map(|b| b.meta.id.clone()) else {
            return Ok(fail(&format!("cannot show {}", path.display())));
        };
        let target = anchor.map_or_else(|| id.clone(), |a| format!("{id}#{a}"));
        (lib, target)
    } else {
        let lib = cli.load_library(&[]);
        report_load_problems(&lib);
        (lib, target.to_owned())
    };
    let at = match lib.target(&target) {
        Ok(at) => at,
        Err(_) if names_a_file(&target) => {
            let path = target.rsplit_once('#').map_or(target.as_str(), |(p, _)| p);
            return Ok(fail(&format!("{path}: no such file")));
        }
        Err(e) => return Ok(fail(&e)),
    };
    let full = width.unwrap_or_else(super::out::terminal_width).max(20);
    let mut out = Out::default();
    for line in render(&lib, at, full, &paint) {
        out.raw(&line)?;
        out.raw("\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn fail(e: &str) -> ExitCode {
    eprintln!("briefing: {}", clean(e));
    ExitCode::from(2)
}

/// A TARGET that names a Markdown file (`README.md`, `./notes.md`,
/// `/abs/brief.md#section`): its path and the anchor after `#`. A brief
/// id has neither `.` nor `/`, so anything else is a brief id.
fn file_target(target: &str) -> Option<(PathBuf, Option<String>)> {
    let whole = Path::new(target);
    if whole.is_file() {
        return Some((whole.to_path_buf(), None));
    }
    let (path, anchor) = target.rsplit_once('#')?;
    let path = Path::new(path);
    path.is_file()
        .then(|| (path.to_path_buf(), Some(anchor.to_owned())))
}

/// True when `target` is written as a path (`/tmp/x.md`, `notes.md`,
/// `docs/a.md#part`), not as a brief id.
fn names_a_file(target: &str) -> bool {
    let path = target.rsplit_once('#').map_or(target, |(p, _)| p);
    path.contains('/')
        || path.contains(std::path::MAIN_SEPARATOR)
        || Path::new(path)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The Markdown file at `path`, read with the other `.md` files of its
/// folder so its cross-references resolve; its own errors are reported.
fn load_file(path: &Path) -> (Library, Option<BriefIdx>) {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let canon = path.canonicalize().ok();
    let mut paths = vec![path.to_path_buf()];
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut siblings: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "md") && p.is_file())
            .filter(|p| p.canonicalize().ok() != canon)
            .collect();
        siblings.sort();
        paths.extend(siblings);
    }
    let lib = Library::from_paths(&paths);
    let name = path.display().to_string();
    let own: Vec<_> = lib
        .diagnostics
        .iter()
        // `show` reads any Markdown: a brief's warnings are `check`'s to give.
        .filter(|d| *d.path == *name && d.is_error())
        .cloned()
        .collect();
    crate::diag::print_all(&own);
    let brief = lib
        .briefs
        .iter()
        .position(|b| b.source.name == name)
        .map(BriefIdx);
    (lib, brief)
}

/// How `show` colours its text.
pub enum Paint {
    Off,
    /// The terminal's own palette.
    Ansi,
    /// A theme's colours (foregrounds only: the terminal keeps its
    /// background).
    Theme(Box<Theme>),
}

impl Paint {
    fn style(&self, style: Style) -> Option<ContentStyle> {
        match self {
            Self::Off => None,
            Self::Ansi => Some(ansi(style)),
            Self::Theme(t) => {
                let mut st = style_of(t, style);
                st.bg = None;
                Some(st.into_crossterm())
            }
        }
    }

    fn paint(&self, text: &str, style: Style) -> String {
        match self.style(style) {
            Some(st) => StyledContent::new(st, text).to_string(),
            None => text.to_owned(),
        }
    }
}

/// The rendered lines of `at` (a whole brief when it is the preamble), at
/// most `full` wide: prose in a measure of 100 at most, tables as wide as
/// they need up to `full`.
fn render(lib: &Library, at: SectionRef, full: usize, paint: &Paint) -> Vec<String> {
    let width = full.clamp(20, 100);
    let Some(brief) = lib.brief(at.brief) else {
        return Vec::new();
    };
    let mut doc = doc::build(brief);
    let keep = brief.subtree(at.section);
    doc.blocks.retain(|b| keep.contains(&b.section.0));
    let mut notes = notes(lib, at.brief);
    // Piped, a code line stays whole: a copied command must still run.
    notes.whole_code = !std::io::IsTerminal::is_terminal(&std::io::stdout());
    notes.table_width = full;
    let layout = Layout::new(&doc, brief.sections.len(), width, Some(&notes));
    let mut lines = Vec::new();
    if at.section.0 == 0 {
        lines.extend(header(lib, at.brief, width, paint));
    }
    for i in 0..layout.len() {
        if let Some(l) = layout.line(i) {
            let mut s = String::new();
            for (text, style) in l.spans() {
                s.push_str(&paint.paint(text, style));
            }
            lines.push(s.trim_end().to_owned());
        }
    }
    while lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
    lines
}

fn header(lib: &Library, b: BriefIdx, width: usize, paint: &Paint) -> Vec<String> {
    let Some(brief) = lib.brief(b) else {
        return Vec::new();
    };
    let m = &brief.meta;
    if !m.has_front_matter {
        return Vec::new();
    }
    let mut byline: Vec<String> = Vec::new();
    if let Some(p) = &m.publisher {
        byline.push(clean(p).into_owned());
    }
    if let Some(d) = m.published {
        byline.push(d.long());
    }
    if !m.authors.is_empty() {
        byline.push(clean(&m.authors.join(", ")).into_owned());
    }
    let mut lines = Vec::new();
    let bold = Style {
        role: Role::Text,
        flags: flags::STRONG,
    };
    let dim = Style::role(Role::Dim);
    for l in textwrap::wrap(&clean(&m.title), width) {
        lines.push(paint.paint(&l, bold));
    }
    if !byline.is_empty() {
        for l in textwrap::wrap(&byline.join(" · "), width) {
            lines.push(paint.paint(&l, dim));
        }
    }
    if let Some(url) = &m.url {
        lines.push(paint.paint(&clean(url), dim));
    }
    if let Some(b) = &m.bottom_line {
        lines.push(String::new());
        let text = format!("Bottom line. {}", clean(b));
        for (i, l) in textwrap::wrap(&text, width).into_iter().enumerate() {
            let l = l.into_owned();
            lines.push(match l.strip_prefix("Bottom line.") {
                Some(rest) if i == 0 => format!("{}{rest}", paint.paint("Bottom line.", bold)),
                _ => l,
            });
        }
    }
    if !m.takeaways.is_empty() {
        lines.push(String::new());
        lines.push(paint.paint("Takeaways", bold));
        let opts = textwrap::Options::new(width)
            .initial_indent("• ")
            .subsequent_indent("  ");
        for t in &m.takeaways {
            for l in textwrap::wrap(&clean(t), &opts) {
                lines.push(l.into_owned());
            }
        }
    }
    if let Some(s) = &m.summary {
        lines.push(String::new());
        for l in textwrap::wrap(&clean(s), width) {
            lines.push(l.into_owned());
        }
    }
    lines.push(String::new());
    lines
}

/// Note texts for every link and mention of a brief.
pub fn notes(lib: &Library, b: BriefIdx) -> Notes {
    let Some(brief) = lib.brief(b) else {
        return Notes::default();
    };
    let section_name = |r: SectionRef| -> String {
        let Some(tb) = lib.brief(r.brief) else {
            return String::new();
        };
        let title = tb.section(r.section).map_or("", |s| s.title.as_str());
        if r.brief == b {
            format!("→ {title}")
        } else if r.section.0 == 0 {
            format!("→ {}", tb.meta.short_title)
        } else {
            format!("→ {} › {title}", tb.meta.short_title)
        }
    };
    let links = brief
        .links
        .iter()
        .map(|l| {
            let text = match (&l.target, l.resolved) {
                (LinkTarget::External(url), _) => url.clone(),
                (_, Some(r)) => section_name(r),
                (LinkTarget::Refused(d), _) => format!("(not followed) {d}"),
                (LinkTarget::Anchor(a), None) => format!("(missing) #{a}"),
                (LinkTarget::Brief { path, anchor }, None) => {
                    format!(
                        "(missing) {path}{}",
                        anchor.as_ref().map_or(String::new(), |a| format!("#{a}"))
                    )
                }
            };
            clean(&text).into_owned()
        })
        .collect();
    let mentions = brief
        .mentions()
        .iter()
        .map(|m| {
            let text = match m.figure.and_then(|f| brief.figure(f)) {
                Some(f) => {
                    let mut cite = f.source.clone();
                    if let Some(a) = &f.as_of {
                        cite.push_str(", ");
                        cite.push_str(a);
                    }
                    format!("{} — {} ({cite})", f.value, f.label)
                }
                None => format!("(unknown figure {})", m.figure_id),
            };
            clean(&text).into_owned()
        })
        .collect();
    Notes {
        links,
        mentions,
        whole_code: false,
        table_width: 0,
    }
}

fn ansi(style: Style) -> ContentStyle {
    let mut s = ContentStyle::new();
    s = match style.role {
        Role::Heading(1 | 2) => s.with(Color::Cyan).attribute(Attribute::Bold),
        Role::Heading(_) => s.with(Color::Blue).attribute(Attribute::Bold),
        Role::CodeBlock | Role::Html => s.with(Color::Green),
        Role::Marker => s.with(Color::Cyan),
        Role::Border | Role::Dim => s.with(Color::DarkGrey),
        Role::Link(_) => s.with(Color::Blue).attribute(Attribute::Underlined),
        Role::Mention(_) => s.with(Color::Yellow).attribute(Attribute::Bold),
        Role::FootnoteRef(_) | Role::Image => s.with(Color::Magenta),
        Role::Text | Role::Term { .. } => s,
    };
    if style.flags & flags::STRONG != 0 {
        s = s.attribute(Attribute::Bold);
    }
    if style.flags & flags::EMPH != 0 {
        s = s.attribute(Attribute::Italic);
    }
    if style.flags & flags::STRIKE != 0 {
        s = s.attribute(Attribute::CrossedOut);
    }
    if style.flags & flags::CODE != 0 {
        s = s.with(Color::Green);
    }
    s
}
