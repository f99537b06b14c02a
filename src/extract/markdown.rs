//! Markdown to blocks: headings, paragraphs, list items and table rows, the
//! markup gone; footnote definitions kept as notes, code left out.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, BlockKind, Doc};

/// A Markdown report as a [`Doc`].
pub fn document(text: &str) -> Doc {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut w = Walker::default();
    for ev in Parser::new_ext(text, opts) {
        w.event(ev);
    }
    w.flush(BlockKind::Paragraph);
    Doc {
        blocks: w.out,
        ..Doc::default()
    }
}

#[derive(Default)]
struct Walker {
    out: Vec<Block>,
    buf: String,
    /// Inside code, metadata or an image: text left out.
    skip: usize,
    footnote: usize,
    cells: Vec<String>,
    in_cell: bool,
}

impl Walker {
    fn event(&mut self, ev: Event<'_>) {
        match ev {
            Event::Start(tag) => self.start(&tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) if self.skip == 0 => self.buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => self.buf.push(' '),
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. } => self.skip += 1,
            Tag::FootnoteDefinition(_) => {
                self.flush(BlockKind::Paragraph);
                self.footnote += 1;
            }
            Tag::Item | Tag::Heading { .. } | Tag::BlockQuote(_) => {
                self.flush(BlockKind::Paragraph);
            }
            Tag::TableCell => {
                self.in_cell = true;
                self.buf.clear();
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image => {
                self.skip = self.skip.saturating_sub(1);
            }
            TagEnd::Heading(level) => self.flush(BlockKind::Heading(level as u8)),
            TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) => {
                self.flush(BlockKind::Paragraph);
            }
            TagEnd::FootnoteDefinition => {
                self.flush(BlockKind::Paragraph);
                self.footnote = self.footnote.saturating_sub(1);
            }
            TagEnd::TableCell => {
                self.in_cell = false;
                self.cells
                    .push(std::mem::take(&mut self.buf).trim().to_owned());
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                let row = std::mem::take(&mut self.cells).join(" | ");
                self.buf = row;
                self.flush(BlockKind::Paragraph);
            }
            _ => {}
        }
    }

    fn flush(&mut self, kind: BlockKind) {
        if self.in_cell {
            return;
        }
        let text = std::mem::take(&mut self.buf);
        if text.trim().is_empty() {
            return;
        }
        let kind =
            if self.footnote > 0 || (kind == BlockKind::Paragraph && super::text::is_note(&text)) {
                BlockKind::Note
            } else {
                kind
            };
        self.out.push(Block { kind, text });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_blocks_stay() {
        let d = document(
            "# The Title\n\nSome **bold** [link](x) text.[^1]\n\n- one item\n- two\n\n| a | b |\n|---|---|\n| 1 | 38% |\n\n```\ncode 12%\n```\n\n[^1]: A note, p. 4.\n",
        );
        let got: Vec<(BlockKind, &str)> =
            d.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading(1), "The Title"),
                (BlockKind::Paragraph, "Some bold link text."),
                (BlockKind::Paragraph, "one item"),
                (BlockKind::Paragraph, "two"),
                (BlockKind::Paragraph, "a | b"),
                (BlockKind::Paragraph, "1 | 38%"),
                (BlockKind::Note, "A note, p. 4."),
            ]
        );
    }
}
