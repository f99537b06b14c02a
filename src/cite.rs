//! Citations: a figure, or a passage of a brief, with where it comes from,
//! as plain text, Markdown or JSON. The reader's `y`/`Y` and `briefing cite`
//! print the same words.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::library::Library;
use crate::model::{Brief, FigureRef, SectionIdx};
use crate::sanitize;

/// How a citation is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
}

impl Format {
    /// The format named `s` (`text`, `markdown`, `json`).
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "text" => Some(Self::Text),
            "markdown" | "md" => Some(Self::Markdown),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// Where a figure's value stands in its source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceLine {
    pub file: String,
    pub line: usize,
}

/// Where a cited thing stands: the brief and section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub brief: String,
    pub title: String,
    pub publisher: Option<String>,
    pub year: Option<u16>,
    pub url: Option<String>,
    pub section: String,
    pub section_title: String,
}

/// What a citation holds: a figure, a brief's paragraph (our words, a
/// paraphrase of the source: never in quotation marks), or the source's
/// own words (the only thing ever quoted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Figure,
    Paraphrase,
    Quote,
}

/// A figure or a passage, ready to be written in any [`Format`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub kind: Kind,
    /// The figure's id, or none for a passage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<String>,
    /// The value, or the passage's text.
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Who measured it, when that is not the publisher.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured_by: Option<String>,
    /// When it was measured, if the brief says (`null` in JSON when not).
    pub as_of: Option<String>,
    #[serde(flatten)]
    pub origin: Origin,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<SourceLine>,
}

fn clean(s: &str) -> String {
    sanitize::line(s).into_owned()
}

fn origin(brief: &Brief, section: Option<SectionIdx>) -> Origin {
    let m = &brief.meta;
    let sec = section.and_then(|s| brief.section(s));
    let section_title = match sec {
        Some(s) if s.depth > 0 => s.title.as_str(),
        _ => m.short_title.as_str(),
    };
    Origin {
        brief: clean(&m.id),
        title: clean(&m.title),
        publisher: m.publisher.as_deref().map(clean),
        year: m.published.map(|d| d.year),
        url: m.url.as_deref().map(clean),
        section: sec.map_or_else(String::new, |s| clean(&s.anchor)),
        section_title: clean(section_title),
    }
}

/// The citation of figure `r`.
pub fn figure(lib: &Library, r: FigureRef) -> Option<Citation> {
    let brief = lib.brief(r.brief)?;
    let f = brief.figure(r.figure)?;
    let origin = origin(brief, f.section);
    let measured_by = (Some(f.source.as_str()) != brief.meta.publisher.as_deref()
        && !f.source.trim().is_empty())
    .then(|| clean(&f.source));
    Some(Citation {
        kind: Kind::Figure,
        figure: Some(clean(&f.id)),
        value: clean(&f.value),
        label: Some(clean(&f.label)),
        measured_by,
        as_of: f.as_of.as_deref().map(clean),
        origin,
        source_line: None,
    })
}

/// The citation of a paragraph of `brief` in `section`: the brief's own
/// words, a paraphrase of its source.
pub fn passage(brief: &Brief, section: SectionIdx, text: &str) -> Citation {
    Citation {
        kind: Kind::Paraphrase,
        figure: None,
        value: clean(text.trim()),
        label: None,
        measured_by: None,
        as_of: None,
        origin: origin(brief, Some(section)),
        source_line: None,
    }
}

/// The citation of the source's own words for a paragraph of `brief` in
/// `section`, from `file` at `line`: the one citation written in
/// quotation marks.
pub fn quotation(brief: &Brief, section: SectionIdx, words: &str, at: SourceLine) -> Citation {
    Citation {
        kind: Kind::Quote,
        source_line: Some(at),
        ..passage(brief, section, words)
    }
}

impl Citation {
    /// The citation written in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => self.text(),
            Format::Markdown => self.markdown(),
            Format::Json => serde_json::to_string_pretty(self).unwrap_or_default(),
        }
    }

    /// Who measured it and when, in brackets, if either is known; a date
    /// the label already gives (`celebrated in 2022`) is not repeated.
    fn provenance(&self) -> Option<String> {
        let said = |d: &str| {
            self.label
                .as_deref()
                .is_some_and(|l| crate::query::words(l).iter().any(|w| w.norm == d))
        };
        let as_of = self.as_of.as_deref().filter(|d| !said(d));
        let parts: Vec<&str> = [self.measured_by.as_deref(), as_of]
            .into_iter()
            .flatten()
            .collect();
        (!parts.is_empty()).then(|| format!(" ({})", parts.join(", ")))
    }

    /// Publisher, "title", year, section.
    fn reference(&self, title: &str) -> String {
        let o = &self.origin;
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = &o.publisher {
            parts.push(p.clone());
        }
        parts.push(title.to_owned());
        if let Some(y) = o.year {
            parts.push(y.to_string());
        }
        if o.section_title != o.title {
            parts.push(o.section_title.clone());
        }
        let mut s = parts.join(", ");
        if let Some(l) = &self.source_line {
            let _ = write!(s, ". Source text {}:{}", l.file, l.line);
        }
        s.push('.');
        s
    }

    fn text(&self) -> String {
        let reference = self.reference(&format!("\"{}\"", self.origin.title));
        match &self.label {
            Some(label) => format!(
                "{}: {}{}. {reference}",
                self.value,
                label.trim_end_matches('.'),
                self.provenance().unwrap_or_default()
            ),
            None if self.kind == Kind::Quote => format!("\"{}\" {reference}", self.value),
            None => format!(
                "Paraphrasing {}: {}",
                reference.trim_end_matches('.'),
                self.value
            ),
        }
    }

    fn markdown(&self) -> String {
        let title = match &self.origin.url {
            Some(url) => format!("*[{}]({url})*", md_escape(&self.origin.title)),
            None => format!("*{}*", md_escape(&self.origin.title)),
        };
        let reference = self.reference(&title);
        match &self.label {
            Some(label) => format!(
                "**{}**: {}{}. {reference}",
                md_escape(&self.value),
                md_escape(label.trim_end_matches('.')),
                self.provenance().map(|p| md_escape(&p)).unwrap_or_default()
            ),
            None if self.kind == Kind::Quote => {
                format!("> {}\n\n{reference}", md_escape(&self.value))
            }
            None => format!(
                "Paraphrasing {}: {}",
                reference.trim_end_matches('.'),
                md_escape(&self.value)
            ),
        }
    }
}

/// `s` with the characters Markdown would read as markup escaped.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chip() -> Citation {
        let lib = Library::embedded();
        let b = lib.by_id("strategic-tech-cooperation").expect("brief");
        let brief = lib.brief(b).expect("brief");
        let i = brief
            .figures()
            .iter()
            .position(|f| f.id == "chip-exports-china")
            .expect("figure");
        figure(
            &lib,
            FigureRef {
                brief: b,
                figure: crate::model::FigureIdx(i),
            },
        )
        .expect("citation")
    }

    #[test]
    fn text_names_value_label_publisher_title_and_section() {
        assert_eq!(
            chip().render(Format::Text),
            "60 percent: share of Korea's semiconductor exports that go to China (incl. Hong Kong). \
             Council on Foreign Relations, \"Strengthening Strategic Technology Cooperation Between \
             South Korea and the United States\", Economic Security."
        );
    }

    #[test]
    fn who_measured_it_and_when_and_the_source_line() {
        let mut c = chip();
        c.measured_by = Some("Asan Institute".into());
        c.as_of = Some("2023".into());
        c.origin.year = Some(2023);
        c.source_line = Some(SourceLine {
            file: "001.txt".into(),
            line: 42,
        });
        let t = c.render(Format::Text);
        assert!(
            t.starts_with("60 percent: share of Korea's semiconductor exports that go to China (incl. Hong Kong) (Asan Institute, 2023). Council on Foreign Relations, \"Strengthening"),
            "{t}"
        );
        assert!(
            t.ends_with(", 2023, Economic Security. Source text 001.txt:42."),
            "{t}"
        );
    }

    #[test]
    fn markdown_escapes_and_links_the_title() {
        let mut c = chip();
        c.origin.url = Some("https://example.org/r".into());
        c.label = Some("a *starred* [label]".into());
        let m = c.render(Format::Markdown);
        assert!(m.starts_with("**60 percent**: a \\*starred\\* \\[label\\]. Council on Foreign Relations, *[Strengthening"), "{m}");
        assert!(m.contains("](https://example.org/r)*"), "{m}");
    }

    #[test]
    fn json_is_exact_and_complete() {
        let v: serde_json::Value =
            serde_json::from_str(&chip().render(Format::Json)).expect("json");
        assert_eq!(v["figure"], "chip-exports-china");
        assert_eq!(v["value"], "60 percent");
        assert_eq!(v["brief"], "strategic-tech-cooperation");
        assert_eq!(v["section"], "economic-security");
        assert_eq!(v["section_title"], "Economic Security");
        assert_eq!(v["publisher"], "Council on Foreign Relations");
        assert!(v.get("measured_by").is_none());
        assert!(v.get("as_of").is_some_and(serde_json::Value::is_null));
        let mut c = chip();
        c.as_of = Some("2023".into());
        let v: serde_json::Value = serde_json::from_str(&c.render(Format::Json)).expect("json");
        assert_eq!(v["as_of"], "2023");
    }

    #[test]
    fn a_year_the_label_gives_is_not_repeated() {
        let mut c = chip();
        c.label = Some("ties celebrated in 2022".into());
        c.as_of = Some("2022".into());
        let t = c.render(Format::Text);
        assert!(
            t.starts_with("60 percent: ties celebrated in 2022. Council"),
            "{t}"
        );
        assert!(!t.contains("(2022)"), "{t}");
        c.as_of = Some("2023".into());
        assert!(c.render(Format::Text).contains("in 2022 (2023)."));
    }

    #[test]
    fn a_paragraph_is_a_paraphrase_never_in_quotation_marks() {
        let lib = Library::embedded();
        let b = lib.by_id("peninsula-plus").expect("brief");
        let brief = lib.brief(b).expect("brief");
        let sec = SectionIdx(1);
        let title = brief.section(sec).expect("section").title.clone();
        let t = passage(brief, sec, "  Some words.\n").render(Format::Text);
        assert!(
            t.starts_with("Paraphrasing Center for a New American Security, \"Peninsula Plus"),
            "{t}"
        );
        assert!(t.ends_with(&format!(", 2023, {title}: Some words.")), "{t}");
        assert!(!t.contains("\"Some words"), "{t}");
        let m = passage(brief, sec, "x").render(Format::Markdown);
        assert!(m.starts_with("Paraphrasing ") && !m.contains("> x"), "{m}");
        let j: serde_json::Value =
            serde_json::from_str(&passage(brief, sec, "x").render(Format::Json)).expect("json");
        assert_eq!(j["kind"], "paraphrase");
    }

    #[test]
    fn the_source_s_words_are_quoted_with_file_and_line() {
        let lib = Library::embedded();
        let b = lib.by_id("peninsula-plus").expect("brief");
        let brief = lib.brief(b).expect("brief");
        let at = SourceLine {
            file: "003.txt".into(),
            line: 7,
        };
        let c = quotation(brief, SectionIdx(1), "Their words.", at);
        let t = c.render(Format::Text);
        assert!(
            t.starts_with("\"Their words.\" Center for a New American Security"),
            "{t}"
        );
        assert!(t.ends_with("Source text 003.txt:7."), "{t}");
        assert!(c.render(Format::Markdown).starts_with("> Their words.\n\n"));
        let j: serde_json::Value = serde_json::from_str(&c.render(Format::Json)).expect("json");
        assert_eq!(j["kind"], "quote");
        assert_eq!(j["source_line"]["line"], 7);
    }
}
