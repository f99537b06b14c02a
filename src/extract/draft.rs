//! A draft brief from a document and its findings: front matter with what
//! the document states (the rest as comments), `##` sections that follow
//! the document, every statistic a draft figure mentioned in its section,
//! every dated sentence a draft event.

use std::fmt::Write as _;

use super::{BlockKind, Doc, Findings};
use crate::slug::Slugger;

/// Paragraphs per section when the document has no headings.
const PART_PARAGRAPHS: usize = 8;

/// A section of the draft: its heading, level and the clean-text lines
/// (1-based, inclusive) it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub level: usize,
    pub anchor: String,
    pub first: usize,
    pub last: usize,
}

/// The draft's sections: the document's headings (the title aside), an
/// opening for what comes before the first, or parts of
/// [`PART_PARAGRAPHS`] paragraphs when there are none.
pub fn sections(doc: &Doc, title: &str) -> Vec<Section> {
    let mut heads: Vec<(usize, u8, String)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Heading(level) => Some((i, level, heading_text(&b.text))),
            _ => None,
        })
        .collect();
    // The title is the front matter's, not a section.
    if let Some(pos) = heads.iter().position(|(_, l, t)| *l == 1 || t == title)
        && pos == 0
    {
        heads.remove(0);
    }
    let n = doc.blocks.len();
    let mut raw: Vec<(String, u8, usize)> = Vec::new();
    let first_head = heads.first().map_or(n, |h| h.0);
    let opening_has_text = doc.blocks[..first_head].iter().any(|b| !b.is_heading());
    if heads.is_empty() {
        let mut count = 0;
        for (i, b) in doc.blocks.iter().enumerate() {
            if b.is_heading() {
                continue;
            }
            if count % PART_PARAGRAPHS == 0 {
                raw.push((format!("Part {}", raw.len() + 1), 2, i));
            }
            count += 1;
        }
    } else {
        if opening_has_text {
            raw.push(("Opening".to_owned(), 2, 0));
        }
        raw.extend(heads.into_iter().map(|(i, l, t)| (t, l, i)));
    }
    let top = raw.iter().map(|r| r.1).min().unwrap_or(2);
    let mut slugger = Slugger::default();
    slugger.unique(title);
    let mut out: Vec<Section> = Vec::with_capacity(raw.len());
    for (k, (t, level, start)) in raw.iter().enumerate() {
        let t = if crate::slug::slugify(t).is_empty() {
            format!("Section {} {t}", k + 1)
        } else {
            t.clone()
        };
        let first = if k == 0 { 1 } else { start + 1 };
        let last = raw.get(k + 1).map_or(n, |next| next.2);
        out.push(Section {
            anchor: slugger.unique(&t),
            title: t,
            level: 2 + usize::from(level.saturating_sub(top)).min(2),
            first,
            last: last.max(first),
        });
    }
    out
}

/// A heading's text with nothing Markdown would read as markup (an `&`
/// could start an entity, `&copy;`, and change the heading's anchor).
fn heading_text(s: &str) -> String {
    let t: String = s
        .replace('&', " and ")
        .chars()
        .map(|c| if "*_`[]<>#\\|~".contains(c) { ' ' } else { c })
        .collect();
    super::clean::line(&t)
}

/// Text safe inside a list item: no link, emphasis or HTML markup.
fn plain(s: &str) -> String {
    heading_text(s)
}

fn quote(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// The section holding clean-text line `line`.
fn section_of(sections: &[Section], line: usize) -> usize {
    sections.iter().rposition(|s| s.first <= line).unwrap_or(0)
}

/// The draft brief, as Markdown with TOML front matter.
pub fn render(
    doc: &Doc,
    found: &Findings,
    id: &str,
    source_text: &str,
    fallback_title: &str,
) -> String {
    let title = doc
        .best_title()
        .unwrap_or_else(|| fallback_title.to_owned());
    let title = super::clean::line(&title);
    let secs = sections(doc, &title);
    let source = doc.publisher.clone().unwrap_or_else(|| title.clone());
    let mut s = String::new();
    s.push_str("+++\n");
    let _ = writeln!(s, "id = {}", quote(id));
    let _ = writeln!(s, "title = {}", quote(&title));
    s.push_str("# short_title = \"\"\n");
    match &doc.publisher {
        Some(p) => drop(writeln!(s, "publisher = {}", quote(p))),
        None => s.push_str("# publisher = \"\"\n"),
    }
    if doc.authors.is_empty() {
        s.push_str("# authors = []\n");
    } else {
        let list: Vec<String> = doc.authors.iter().map(|a| quote(a)).collect();
        let _ = writeln!(s, "authors = [{}]", list.join(", "));
    }
    match &doc.published {
        Some(d) => drop(writeln!(s, "published = {}", quote(d))),
        None => s.push_str("# published = \"YYYY-MM-DD\"\n"),
    }
    match &doc.url {
        Some(u) => drop(writeln!(s, "url = {}", quote(u))),
        None => s.push_str("# url = \"\"\n"),
    }
    s.push_str("# summary = \"\"\n# bottom_line = \"\"\n# takeaways = []\n# tags = []\n");
    let _ = writeln!(s, "source_text = {}", quote(source_text));
    for c in &found.statistics {
        let sec = &secs[section_of(&secs, c.line)];
        let _ = write!(
            s,
            "\n[[figures]]\nid = {}\nvalue = {}\nlabel = {}\nsection = {}\nsource = {}\nkind = {}\ndraft = true\n",
            quote(&c.id),
            quote(&c.value),
            quote(&c.label),
            quote(&sec.anchor),
            quote(&source),
            quote(c.kind.name()),
        );
    }
    for e in &found.events {
        let sec = &secs[section_of(&secs, e.line)];
        let _ = write!(
            s,
            "\n[[events]]\ndate = {}\nlabel = {}\nsection = {}\ndraft = true\n",
            quote(&e.date),
            quote(&e.label),
            quote(&sec.anchor),
        );
    }
    s.push_str("+++\n\n");
    let _ = writeln!(s, "# {}\n", heading_text(&title));
    body(&mut s, &secs, found);
    s
}

fn body(s: &mut String, secs: &[Section], found: &Findings) {
    for (k, sec) in secs.iter().enumerate() {
        let _ = writeln!(s, "{} {}", "#".repeat(sec.level), sec.title);
        let _ = writeln!(s, "<!-- source lines {}–{} -->\n", sec.first, sec.last);
        s.push_str("Draft: say what this section argues, in your own words.\n\n");
        let mut any = false;
        for c in found
            .statistics
            .iter()
            .filter(|c| section_of(secs, c.line) == k)
        {
            let _ = writeln!(
                s,
                "- [{}](fig:{}): {} (line {})",
                c.value,
                c.id,
                plain(&c.label),
                c.line
            );
            any = true;
        }
        for e in found
            .events
            .iter()
            .filter(|e| section_of(secs, e.line) == k)
        {
            let _ = writeln!(s, "- {}: {} (line {})", e.date, plain(&e.label), e.line);
            any = true;
        }
        if any {
            s.push('\n');
        }
    }
}
