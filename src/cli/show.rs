//! `briefing show TARGET`: a brief, or one section of it, as text.

use std::io;
use std::process::ExitCode;

use ratatui::crossterm::style::{Attribute, Color, ContentStyle, StyledContent, Stylize};

use super::{Cli, Out, report_load_problems};
use crate::doc::{self, Role, Style, flags};
use crate::layout::{Layout, Notes};
use crate::library::Library;
use crate::model::{BriefIdx, LinkTarget, SectionRef};
use crate::sanitize::line as clean;

pub fn run(cli: &Cli, target: &str, width: Option<usize>, color: bool) -> io::Result<ExitCode> {
    let lib = cli.load_library(&[]);
    report_load_problems(&lib);
    let at = match lib.target(target) {
        Ok(at) => at,
        Err(e) => {
            eprintln!("briefing: {}", clean(&e));
            return Ok(ExitCode::from(2));
        }
    };
    let width = width
        .unwrap_or_else(super::out::terminal_width)
        .clamp(20, 100);
    let mut out = Out::default();
    for line in render(&lib, at, width, color) {
        out.raw(&line)?;
        out.raw("\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The rendered lines of `at` (a whole brief when it is the preamble).
pub fn render(lib: &Library, at: SectionRef, width: usize, color: bool) -> Vec<String> {
    let Some(brief) = lib.brief(at.brief) else {
        return Vec::new();
    };
    let mut doc = doc::build(brief);
    let keep = brief.subtree(at.section);
    doc.blocks.retain(|b| keep.contains(&b.section.0));
    let notes = notes(lib, at.brief);
    let layout = Layout::new(&doc, brief.sections.len(), width, Some(&notes));
    let mut lines = Vec::new();
    if at.section.0 == 0 {
        lines.extend(header(lib, at.brief, width, color));
    }
    for i in 0..layout.len() {
        if let Some(l) = layout.line(i) {
            let mut s = String::new();
            for (text, style) in l.spans() {
                if color {
                    s.push_str(&StyledContent::new(ansi(style), text).to_string());
                } else {
                    s.push_str(text);
                }
            }
            lines.push(s.trim_end().to_owned());
        }
    }
    while lines.first().is_some_and(String::is_empty) {
        lines.remove(0);
    }
    lines
}

fn header(lib: &Library, b: BriefIdx, width: usize, color: bool) -> Vec<String> {
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
    let bold = ContentStyle::new().attribute(Attribute::Bold);
    let dim = ContentStyle::new().with(Color::DarkGrey);
    let paint = |s: String, st: ContentStyle| {
        if color {
            StyledContent::new(st, s).to_string()
        } else {
            s
        }
    };
    for l in textwrap::wrap(&clean(&m.title), width) {
        lines.push(paint(l.into_owned(), bold));
    }
    for l in textwrap::wrap(&byline.join(" · "), width) {
        lines.push(paint(l.into_owned(), dim));
    }
    if let Some(url) = &m.url {
        lines.push(paint(clean(url).into_owned(), dim));
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
        .mentions
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
    Notes { links, mentions }
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
        Role::Text => s,
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
