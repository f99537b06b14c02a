//! A small PDF writer for tests, benches and the fuzz corpus: pages of
//! lines in Helvetica, blank lines as paragraph gaps, optional metadata.

use std::fmt::Write as _;

use pdf_extract::{Dictionary, Document, Object, Stream, StringFormat};

/// Font size of every line.
const SIZE: i64 = 11;
/// Distance between two lines of a paragraph.
const LEADING: i64 = 14;

/// A PDF whose pages hold `pages`' lines (an empty line is a paragraph
/// gap), with `title` in its information dictionary when given. Only
/// ASCII survives the standard encoding.
pub fn build(pages: &[Vec<String>], title: Option<&str>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut font = Dictionary::new();
    font.set("Type", Object::Name(b"Font".to_vec()));
    font.set("Subtype", Object::Name(b"Type1".to_vec()));
    font.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
    let font_id = doc.add_object(font);
    let mut fonts = Dictionary::new();
    fonts.set("F1", Object::Reference(font_id));
    let mut resources = Dictionary::new();
    resources.set("Font", Object::Dictionary(fonts));
    let resources_id = doc.add_object(resources);
    let mut kids = Vec::new();
    for lines in pages {
        let stream = Stream::new(Dictionary::new(), content(lines).into_bytes());
        let content_id = doc.add_object(stream);
        let mut page = Dictionary::new();
        page.set("Type", Object::Name(b"Page".to_vec()));
        page.set("Parent", Object::Reference(pages_id));
        page.set("Contents", Object::Reference(content_id));
        kids.push(Object::Reference(doc.add_object(page)));
    }
    let mut tree = Dictionary::new();
    tree.set("Type", Object::Name(b"Pages".to_vec()));
    tree.set(
        "Count",
        Object::Integer(i64::try_from(kids.len()).unwrap_or(i64::MAX)),
    );
    tree.set("Kids", Object::Array(kids));
    tree.set("Resources", Object::Reference(resources_id));
    tree.set(
        "MediaBox",
        Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]),
    );
    doc.objects.insert(pages_id, Object::Dictionary(tree));
    let mut catalog = Dictionary::new();
    catalog.set("Type", Object::Name(b"Catalog".to_vec()));
    catalog.set("Pages", Object::Reference(pages_id));
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", Object::Reference(catalog_id));
    if let Some(t) = title {
        let mut info = Dictionary::new();
        info.set(
            "Title",
            Object::String(t.as_bytes().to_vec(), StringFormat::Literal),
        );
        let info_id = doc.add_object(info);
        doc.trailer.set("Info", Object::Reference(info_id));
    }
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = doc.save_to(&mut out);
    out
}

/// The content stream of one page: each line placed below the last.
fn content(lines: &[String]) -> String {
    let mut s = format!("BT /F1 {SIZE} Tf 72 740 Td\n");
    let mut gap = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            gap += LEADING;
            continue;
        }
        if i > 0 {
            let _ = writeln!(s, "0 -{} Td", LEADING + gap);
        }
        gap = 0;
        let escaped = line
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        let _ = writeln!(s, "({escaped}) Tj");
    }
    s.push_str("ET\n");
    s
}
