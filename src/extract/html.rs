//! An HTML page to its article: page furniture (navigation, cookie banners,
//! sidebars, footers, scripts, styles, footnote marks) removed, then the
//! page's one `<article>` or `<main>`, else what a Readability port finds,
//! else all the text that is left (and a notice saying so).

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};

use super::{Block, BlockKind, Doc};

/// Elements that are never the article.
const FURNITURE_TAGS: &str = "script, style, noscript, template, iframe, svg, canvas, nav, \
    footer, aside, form, button, select, sup, dialog, object, embed";

/// Class or id words that mark page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "cookie",
    "consent",
    "banner",
    "newsletter",
    "subscribe",
    "related",
    "sidebar",
    "share",
    "social",
    "promo",
    "advert",
    "breadcrumb",
    "popup",
    "modal",
    "masthead",
    "site-header",
    "site-footer",
    "menu",
    "paywall",
    "signup",
    "recommended",
    "comments",
    "footnote-ref",
];

/// Elements the Readability pass may look at before it gives up.
const MAX_ELEMENTS: usize = 30_000;

/// Deepest nesting read as HTML; a page nested deeper is read as text with
/// its tags stripped (browsers cap nesting too, and tree building slows
/// down on such pages).
const MAX_DEPTH: usize = 512;

/// An HTML page as a [`Doc`].
pub fn document(html: &str) -> Doc {
    if nesting(html) > MAX_DEPTH {
        let mut doc = super::text::document(&strip_tags(html));
        doc.notices.push(
            "the page nests too deep to read as HTML: its text was taken with the tags stripped"
                .to_owned(),
        );
        return doc;
    }
    let page = Document::from(html);
    let mut doc = Doc {
        title: first_text(&page, "h1").or_else(|| first_text(&page, "title")),
        publisher: meta(&page, "og:site_name"),
        published: meta(&page, "article:published_time")
            .or_else(|| {
                page.select("time[datetime]")
                    .attr("datetime")
                    .map(|s| s.to_string())
            })
            .and_then(|d| iso_date(&d)),
        authors: meta(&page, "author").into_iter().collect(),
        url: meta(&page, "og:url"),
        ..Doc::default()
    };
    strip_furniture(&page);
    let main = page.select("article");
    let main = if main.length() == 1 {
        main
    } else {
        page.select("main")
    };
    if main.length() == 1
        && let Some(node) = main.nodes().first()
    {
        doc.blocks = blocks(node);
    }
    if doc.blocks.is_empty() {
        doc.blocks = readability(&page.html());
    }
    if doc.blocks.is_empty() {
        if let Some(body) = page.body() {
            doc.blocks = blocks(&body);
        }
        doc.notices
            .push("no article found in the page: all of its text was taken".to_owned());
    }
    doc
}

/// The deepest nesting of elements, counted from tags alone: `<x` opens,
/// `</x` and `/>` close; void elements and those whose end tag may be left
/// out (`br`, `p`, `li`...) open nothing.
fn nesting(html: &str) -> usize {
    const VOID: &[&str] = &[
        "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source",
        "track", "wbr", "param", "p", "li", "td", "tr", "th", "option", "dt", "dd",
    ];
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    for i in memchr::memchr_iter(b'<', b) {
        let rest = &b[i + 1..];
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let name = String::from_utf8_lossy(&rest[..name_len]).to_ascii_lowercase();
        if VOID.contains(&name.as_str()) {
            continue;
        }
        let self_closing = memchr::memchr(b'>', rest).is_some_and(|e| e > 0 && rest[e - 1] == b'/');
        if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The text of a page with every tag removed and a few entities decoded;
/// each tag a line break, so blocks stay apart.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

fn first_text(page: &Document, sel: &str) -> Option<String> {
    let s = page.select(sel).first();
    let t = super::clean::line(&s.text());
    (!t.is_empty()).then_some(t)
}

/// `<meta property|name="KEY" content="...">`.
fn meta(page: &Document, key: &str) -> Option<String> {
    let sel = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
    let v = page.select(&sel).first().attr("content")?;
    let v = super::clean::line(&v);
    (!v.is_empty()).then_some(v)
}

/// `2023-03-15T09:00:00Z` → `2023-03-15`.
fn iso_date(s: &str) -> Option<String> {
    let d = s.get(..10).unwrap_or(s);
    crate::date::PartialDate::parse(d)
        .ok()
        .map(|_| d.to_owned())
}

fn strip_furniture(page: &Document) {
    page.select(FURNITURE_TAGS).remove();
    for node in page.select("[class], [id], [role]").nodes() {
        let name = node
            .node_name()
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        if matches!(name.as_str(), "article" | "main" | "body" | "html") {
            continue;
        }
        let marks = format!(
            "{} {} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default(),
            node.attr("role").unwrap_or_default()
        )
        .to_lowercase();
        let furniture = FURNITURE_WORDS.iter().any(|w| marks.contains(w))
            || marks.contains("navigation")
            || marks.contains("contentinfo");
        if furniture {
            node.remove_from_parent();
        }
    }
}

/// The article a Readability port finds, as blocks; none when it finds none.
fn readability(html: &str) -> Vec<Block> {
    let cfg = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let Ok(mut r) = Readability::new(html, None, Some(cfg)) else {
        return Vec::new();
    };
    let Ok(article) = r.parse() else {
        return Vec::new();
    };
    let content = Document::from(article.content.to_string());
    content.body().map(|b| blocks(&b)).unwrap_or_default()
}

/// The block an element starts, if it is a block element.
fn block_kind(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" => BlockKind::Heading(1),
        "h2" => BlockKind::Heading(2),
        "h3" => BlockKind::Heading(3),
        "h4" => BlockKind::Heading(4),
        "h5" => BlockKind::Heading(5),
        "h6" => BlockKind::Heading(6),
        "p" | "li" | "blockquote" | "pre" | "dd" | "dt" | "figcaption" | "caption" | "div"
        | "section" | "article" | "main" | "tr" | "table" | "ul" | "ol" | "dl" | "figure"
        | "header" | "address" | "details" | "summary" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// The blocks under `root`, walked without recursion (pages nest deep).
fn blocks(root: &NodeRef<'_>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut buf = String::new();
    // (node, leaving): a node is visited on the way in and on the way out.
    let mut stack: Vec<(NodeRef<'_>, bool)> = vec![(*root, false)];
    // Open block elements, and how many of them are headings.
    let mut open: Vec<BlockKind> = Vec::new();
    let mut headings = 0usize;
    while let Some((node, leaving)) = stack.pop() {
        if node.is_text() {
            buf.push_str(&node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_lowercase())
            .unwrap_or_default();
        let kind = block_kind(&name);
        if leaving {
            if matches!(name.as_str(), "td" | "th") {
                buf.push_str(" | ");
            }
            if let Some(k) = kind {
                if let Some(BlockKind::Heading(_)) = open.pop() {
                    headings = headings.saturating_sub(1);
                }
                // A block inside a heading is part of it.
                let k = if headings > 0 {
                    BlockKind::Paragraph
                } else {
                    k
                };
                flush(&mut out, &mut buf, k);
            }
            continue;
        }
        if name == "br" {
            buf.push(' ');
            continue;
        }
        if let Some(k) = kind {
            flush(&mut out, &mut buf, BlockKind::Paragraph);
            headings += usize::from(matches!(k, BlockKind::Heading(_)));
            open.push(k);
        }
        stack.push((node, true));
        for child in node.children().into_iter().rev() {
            stack.push((child, false));
        }
    }
    flush(&mut out, &mut buf, BlockKind::Paragraph);
    out
}

fn flush(out: &mut Vec<Block>, buf: &mut String, kind: BlockKind) {
    let text = std::mem::take(buf);
    let text = text.trim().trim_end_matches('|').trim();
    if text.is_empty() {
        return;
    }
    let kind = if kind == BlockKind::Paragraph && super::text::is_note(text) {
        BlockKind::Note
    } else {
        kind
    };
    out.push(Block {
        kind,
        text: text.to_owned(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_without_furniture() {
        let html = r#"<html><head><title>T</title><script>var x = "40%";</script></head><body>
<nav><a href="/">Home</a> 12 links</nav>
<div class="cookie-banner">We use 3 cookies</div>
<article><h1>The Report</h1><p>Exports rose 38 percent.<sup>1</sup></p>
<ul><li>one item</li></ul><table><tr><td>a</td><td>12%</td></tr></table></article>
<aside>Related: 99 reports</aside><footer>Subscribe</footer></body></html>"#;
        let d = document(html);
        let got: Vec<&str> = d.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            got,
            vec![
                "The Report",
                "Exports rose 38 percent.",
                "one item",
                "a | 12%"
            ]
        );
        assert_eq!(d.title.as_deref(), Some("The Report"));
        assert_eq!(d.blocks[0].kind, BlockKind::Heading(1));
    }
}
