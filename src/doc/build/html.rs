//! Raw HTML in a brief, shown as text: the common inline tags (`kbd`, `br`,
//! `sub`, `sup`, `b`/`strong`, `i`/`em`, `s`/`del`, `code`, `a`) become text
//! styles, comments are dropped, and any other tag shows only its text.

use super::Builder;
use crate::doc::{BlockKind, Inline, Role, Style, flags};
use crate::sanitize;

/// What an open inline tag does to the text inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Effect {
    Flags(u8),
    Sup,
    Sub,
    /// A link to this address, named after its text.
    Link(String),
    Nothing,
}

/// One tag: its lower-case name, whether it closes, and its attributes.
#[derive(Debug, PartialEq, Eq)]
struct Tag<'a> {
    name: String,
    close: bool,
    attrs: &'a str,
}

/// The tag `raw` (`<kbd>`, `</a>`, `<br/>`), or `None` for a comment, a
/// declaration or anything else that shows nothing.
fn tag(raw: &str) -> Option<Tag<'_>> {
    let inner = raw.trim().strip_prefix('<')?.strip_suffix('>')?;
    let (close, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let inner = inner.strip_suffix('/').unwrap_or(inner);
    let end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(inner.len());
    let name = inner.get(..end)?;
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(Tag {
        name: name.to_ascii_lowercase(),
        close,
        attrs: inner.get(end..).unwrap_or(""),
    })
}

/// The value of attribute `name` in `attrs`, quoted or not.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower.get(from..)?.find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0
            || lower
                .as_bytes()
                .get(at - 1)
                .is_some_and(u8::is_ascii_whitespace);
        let rest = attrs.get(from..)?.trim_start();
        let Some(rest) = rest.strip_prefix('=').filter(|_| before_ok) else {
            continue;
        };
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest.get(1..)?.split(q).next()?,
            _ => rest.split(|c: char| c.is_whitespace()).next()?,
        };
        return Some(decode(value));
    }
    None
}

/// Decodes the character references HTML text commonly holds.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity = rest
            .get(1..)
            .and_then(|r| r.find(';').filter(|n| *n <= 10).map(|n| &r[..n]));
        let ch = entity.and_then(|e| match e {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => e
                .strip_prefix("#x")
                .or_else(|| e.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        });
        if let (Some(e), Some(c)) = (entity, ch) {
            out.push(c);
            rest = &rest[e.len() + 2..];
        } else {
            out.push('&');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// `text` in superscript or subscript letters when each has one, else
/// marked with `^` or `_`.
pub(super) fn script(text: &str, sup: bool) -> String {
    const SUP: [(char, char); 17] = [
        ('0', '⁰'),
        ('1', '¹'),
        ('2', '²'),
        ('3', '³'),
        ('4', '⁴'),
        ('5', '⁵'),
        ('6', '⁶'),
        ('7', '⁷'),
        ('8', '⁸'),
        ('9', '⁹'),
        ('+', '⁺'),
        ('-', '⁻'),
        ('=', '⁼'),
        ('(', '⁽'),
        (')', '⁾'),
        ('n', 'ⁿ'),
        ('i', 'ⁱ'),
    ];
    const SUB: [(char, char); 15] = [
        ('0', '₀'),
        ('1', '₁'),
        ('2', '₂'),
        ('3', '₃'),
        ('4', '₄'),
        ('5', '₅'),
        ('6', '₆'),
        ('7', '₇'),
        ('8', '₈'),
        ('9', '₉'),
        ('+', '₊'),
        ('-', '₋'),
        ('=', '₌'),
        ('(', '₍'),
        (')', '₎'),
    ];
    let table: &[(char, char)] = if sup { &SUP } else { &SUB };
    let mapped: Option<String> = text
        .chars()
        .map(|c| table.iter().find(|(k, _)| *k == c).map(|(_, v)| *v))
        .collect();
    match mapped {
        Some(m) if !m.is_empty() => m,
        _ => format!("{}{text}", if sup { '^' } else { '_' }),
    }
}

fn effect(t: &Tag<'_>) -> Effect {
    match t.name.as_str() {
        "b" | "strong" => Effect::Flags(flags::STRONG),
        "i" | "em" | "cite" | "dfn" | "var" => Effect::Flags(flags::EMPH),
        "s" | "del" | "strike" => Effect::Flags(flags::STRIKE),
        "kbd" | "code" | "samp" | "tt" => Effect::Flags(flags::CODE),
        "sup" => Effect::Sup,
        "sub" => Effect::Sub,
        "a" => Effect::Link(attr(t.attrs, "href").unwrap_or_default()),
        _ => Effect::Nothing,
    }
}

/// Tags that end a line of an HTML block.
fn breaks_line(name: &str) -> bool {
    matches!(
        name,
        "br" | "p"
            | "div"
            | "li"
            | "tr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "table"
            | "details"
            | "summary"
            | "hr"
            | "dt"
            | "dd"
    )
}

/// Drops the white space at the end of `inline`, and its emptied runs.
fn trim_end(inline: &mut Inline) {
    let trimmed = inline.text.trim_end().len();
    inline.text.truncate(trimmed);
    let end = u32::try_from(trimmed).unwrap_or(u32::MAX);
    for (e, _) in &mut inline.runs {
        *e = (*e).min(end);
    }
    inline.runs.dedup_by_key(|(e, _)| *e);
    inline.runs.retain(|(e, _)| *e > 0);
}

impl Builder<'_> {
    /// The flags the open inline tags add.
    pub(super) fn html_flags(&self) -> u8 {
        self.html_open.iter().fold(0, |acc, (_, e)| match e {
            Effect::Flags(f) => acc | f,
            _ => acc,
        })
    }

    /// The innermost open `sup` or `sub`, as `Some(true)` for `sup`.
    pub(super) fn html_script(&self) -> Option<bool> {
        self.html_open.iter().rev().find_map(|(_, e)| match e {
            Effect::Sup => Some(true),
            Effect::Sub => Some(false),
            _ => None,
        })
    }

    /// One inline tag (or comment) from the text.
    pub(super) fn inline_html(&mut self, raw: &str, at: usize) {
        let Some(t) = tag(raw) else {
            self.html_gap = self.inline(at).text.ends_with(' ');
            return;
        };
        if t.name == "br" {
            let s = self.current_style();
            self.inline(at).push("\n", s);
            return;
        }
        if t.close {
            let Some(i) = self.html_open.iter().rposition(|(n, _)| *n == t.name) else {
                return;
            };
            let (_, e) = self.html_open.remove(i);
            if let Effect::Link(href) = e
                && !href.is_empty()
            {
                let clean = sanitize::line(&href).into_owned();
                self.inline(at)
                    .push(&format!(" ({clean})"), Style::role(Role::Dim));
            }
            return;
        }
        let e = effect(&t);
        if e != Effect::Nothing && !raw.trim_end().ends_with("/>") {
            self.html_open.push((t.name, e));
        }
    }

    /// An HTML block: its text, with the inline tags as styles and a line
    /// break for each block tag; nothing when it holds only tags and
    /// comments.
    pub(super) fn html_block(&mut self, html: &str, at: usize) {
        let mut inline = Inline::default();
        let mut rest = html;
        let saved = std::mem::take(&mut self.html_open);
        // Once a comment is found left open, so is every later one: not
        // looking again keeps this linear.
        let mut comments_close = true;
        while !rest.is_empty() {
            // A comment or tag left open is shown as text, so nothing after
            // it is hidden.
            let closed = if rest.starts_with("<!--") && comments_close {
                let found = rest.find("-->").map(|i| (i + 3, true));
                comments_close = found.is_some();
                found
            } else if rest.starts_with('<') && !rest.starts_with("<!--") {
                // A tag ends at the first `>`, unless a `<` comes first.
                rest.get(1..)
                    .and_then(|r| r.find(['<', '>']))
                    .filter(|&i| rest.as_bytes().get(i + 1) == Some(&b'>'))
                    .map(|i| (i + 2, false))
            } else {
                None
            };
            if let Some((end, comment)) = closed {
                let raw = &rest[..end];
                rest = &rest[end..];
                match tag(raw).filter(|_| !comment) {
                    Some(t) if breaks_line(&t.name) => {
                        trim_end(&mut inline);
                        if !inline.text.is_empty() && !inline.text.ends_with('\n') {
                            inline.push("\n", Style::default());
                        }
                    }
                    Some(_) => self.html_open_tag(raw, &mut inline),
                    None => {}
                }
                continue;
            }
            let end = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| *c == '<')
                .map_or(rest.len(), |(i, _)| i);
            self.html_text(&rest[..end], &mut inline);
            rest = &rest[end..];
        }
        self.html_open = saved;
        trim_end(&mut inline);
        if !inline.is_blank() {
            self.emit(BlockKind::Paragraph(inline), at, false);
        }
    }

    /// Text between the tags of an HTML block: white space collapsed.
    fn html_text(&self, raw: &str, inline: &mut Inline) {
        let mut text = decode(raw);
        if let Some(sup) = self.html_script().filter(|_| !text.trim().is_empty()) {
            text = script(text.trim(), sup);
        }
        let mut t = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let fresh = inline.text.is_empty() || inline.text.ends_with(['\n', ' ']);
        if text.starts_with(char::is_whitespace) && !fresh {
            t.insert(0, ' ');
        }
        if text.ends_with(char::is_whitespace) && !t.is_empty() {
            t.push(' ');
        }
        let mut style = Style::default();
        style.flags |= self.html_flags();
        inline.push(&sanitize::text(&t), style);
    }

    /// An inline tag inside an HTML block, applied to `inline`.
    fn html_open_tag(&mut self, raw: &str, inline: &mut Inline) {
        let Some(t) = tag(raw) else {
            return;
        };
        if t.close {
            if let Some(i) = self.html_open.iter().rposition(|(n, _)| *n == t.name) {
                let (_, e) = self.html_open.remove(i);
                if let Effect::Link(href) = e
                    && !href.is_empty()
                {
                    let clean = sanitize::line(&href).into_owned();
                    inline.push(&format!("({clean}) "), Style::role(Role::Dim));
                }
            }
            return;
        }
        let e = effect(&t);
        if e != Effect::Nothing && !raw.trim_end().ends_with("/>") {
            self.html_open.push((t.name, e));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse() {
        let t = tag("<kbd>").expect("tag");
        assert_eq!((t.name.as_str(), t.close), ("kbd", false));
        let t = tag("</KBD>").expect("tag");
        assert_eq!((t.name.as_str(), t.close), ("kbd", true));
        assert_eq!(tag("<br/>").map(|t| t.name), Some("br".into()));
        assert_eq!(tag("<!-- note -->"), None);
        assert_eq!(tag("<!DOCTYPE html>"), None);
        let t = tag(r#"<a href="https://e.org/?a=1&amp;b=2" title='x'>"#).expect("a");
        assert_eq!(
            attr(t.attrs, "href").as_deref(),
            Some("https://e.org/?a=1&b=2")
        );
        assert_eq!(attr(t.attrs, "title").as_deref(), Some("x"));
        assert_eq!(attr("data-href=x", "href"), None);
    }

    #[test]
    fn scripts_use_letters_when_they_can() {
        assert_eq!(script("2", true), "²");
        assert_eq!(script("2", false), "₂");
        assert_eq!(script("th", true), "^th");
        assert_eq!(
            decode("a &lt;b&gt; &#x41;&#66; &bogus; &"),
            "a <b> AB &bogus; &"
        );
    }
}
