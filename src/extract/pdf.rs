//! A PDF to text with `pdf-extract`, page by page: a page that fails or
//! panics is skipped (the panic caught, its message kept quiet), the whole
//! bounded in time; running headers, footers and page numbers dropped,
//! lines joined into paragraphs, line-end hyphens undone.

use std::cell::Cell;
use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Once, mpsc};
use std::time::Duration;

use pdf_extract::{Document, Object, PlainTextOutput};

use super::{Doc, ExtractError, text};

/// The longest a PDF may take to read before it is given up on.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// A PDF report as a [`Doc`], read on a worker so a PDF that would never
/// finish is given up on after [`TIME_LIMIT`].
pub fn document(bytes: &[u8]) -> Result<Doc, ExtractError> {
    let owned = bytes.to_vec();
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("pdf".into())
        .spawn(move || {
            let _ = tx.send(read(&owned));
        });
    if spawned.is_err() {
        return read(bytes);
    }
    rx.recv_timeout(TIME_LIMIT)
        .unwrap_or_else(|_| Err(ExtractError::PdfBroken("it took too long to read".into())))
}

/// [`document`] on this thread, without the time bound (for the fuzzer).
pub fn read(bytes: &[u8]) -> Result<Doc, ExtractError> {
    let (pages, title, authors) = quietly(|| pages(bytes))
        .unwrap_or_else(|| Err(ExtractError::PdfBroken("the reader failed on it".into())))?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(ExtractError::PdfNoText);
    }
    let mut doc = Doc {
        title,
        authors,
        blocks: text::blocks(&lines(&pages), true),
        ..Doc::default()
    };
    doc.blocks.retain(|b| !b.text.trim().is_empty());
    Ok(doc)
}

type Pages = (Vec<String>, Option<String>, Vec<String>);

fn pages(bytes: &[u8]) -> Result<Pages, ExtractError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| broken(&e.to_string()))?;
    if doc.is_encrypted() && doc.encryption_state.is_none() && doc.decrypt("").is_err() {
        return Err(ExtractError::PdfEncrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(broken("it has no pages"));
    }
    let mut out = Vec::with_capacity(pages.len());
    for (&n, &id) in &pages {
        let mut s = String::new();
        // pdf-extract follows `Parent` links without end: a page tree that
        // loops would never finish.
        if !parents_end(&doc, id) {
            out.push(s);
            continue;
        }
        let page = panic::catch_unwind(AssertUnwindSafe(|| {
            let mut output = PlainTextOutput::new(&mut s);
            pdf_extract::output_doc_page(&doc, &mut output, n).is_ok()
        }));
        out.push(if page.unwrap_or(false) {
            s
        } else {
            String::new()
        });
    }
    let title = info(&doc, b"Title").filter(|t| is_real_title(t));
    let authors = info(&doc, b"Author")
        .map(|a| {
            a.split([';', ','])
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Ok((out, title, authors))
}

/// True when the `Parent` links up from a page end within a few steps
/// without coming back on themselves.
fn parents_end(doc: &Document, page: pdf_extract::ObjectId) -> bool {
    let mut seen = vec![page];
    let mut at = page;
    for _ in 0..64 {
        let parent = doc
            .get_dictionary(at)
            .ok()
            .and_then(|d| d.get(b"Parent").ok())
            .and_then(|p| p.as_reference().ok());
        let Some(next) = parent else {
            return true;
        };
        if seen.contains(&next) {
            return false;
        }
        seen.push(next);
        at = next;
    }
    false
}

fn broken(why: &str) -> ExtractError {
    let why = why.lines().next().unwrap_or("unreadable");
    ExtractError::PdfBroken(crate::sanitize::line(why).chars().take(120).collect())
}

/// A string of the document information dictionary.
fn info(doc: &Document, key: &[u8]) -> Option<String> {
    let info = match doc.trailer.get(b"Info").ok()? {
        Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let value = pdf_extract::decode_text_string(info.get(key).ok()?).ok()?;
    let value = super::clean::line(&value);
    (!value.is_empty()).then_some(value)
}

/// Not a file name a word processor left (`Microsoft Word - draft.docx`).
fn is_real_title(t: &str) -> bool {
    let lower = t.to_lowercase();
    t.chars().any(char::is_alphabetic)
        && ![
            "microsoft word",
            ".doc",
            ".pdf",
            ".indd",
            "untitled",
            ".tmp",
        ]
        .iter()
        .any(|k| lower.contains(k))
}

/// The lines of every page, furniture dropped; a blank line between pages
/// unless a paragraph runs on across the break.
fn lines(pages: &[String]) -> Vec<&str> {
    let repeated = running_lines(pages);
    let mut out: Vec<&str> = Vec::new();
    for page in pages {
        let kept: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !text::is_page_number(l) && !repeated.contains(&key(l)))
            .collect();
        let first = kept.iter().find(|l| !l.is_empty());
        let runs_on = first
            .is_some_and(|f| f.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()))
            && out
                .iter()
                .rev()
                .find(|l| !l.is_empty())
                .is_some_and(|l| !l.ends_with(['.', '!', '?', ':']));
        if runs_on {
            while out.last().is_some_and(|l| l.is_empty()) {
                out.pop();
            }
        } else {
            out.push("");
        }
        out.extend(kept.into_iter().skip_while(|l| runs_on && l.is_empty()));
    }
    out.dedup_by(|a, b| a.is_empty() && b.is_empty());
    out
}

/// Lines (digits masked) among the first or last three of a page that
/// recur on at least half the pages, and on two at least.
fn running_lines(pages: &[String]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let lines: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let n = lines.len();
        let mut edge: Vec<String> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < 3 || *i + 3 >= n)
            .map(|(_, l)| key(l))
            .collect();
        edge.sort();
        edge.dedup();
        for k in edge {
            *seen.entry(k).or_default() += 1;
        }
    }
    let need = (pages.len() / 2).max(2);
    seen.into_iter()
        .filter(|(_, c)| *c >= need)
        .map(|(k, _)| k)
        .collect()
}

fn key(l: &str) -> String {
    l.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .to_lowercase()
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, catching a panic (None) without printing its message: the
/// PDF crate panics on some malformed files by design.
pub fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.ok()
}
