//! A quick reader for front matter written the usual way: bare keys,
//! one-line strings, arrays of strings and `[[figures]]` / `[[events]]`
//! tables. It gives exactly what the full TOML decoder gives, spans
//! included, and gives up (`None`) on anything else, so that the decoder
//! then reads the text and words any error. Every brief's front matter
//! goes through here first: decoding TOML in general builds a whole
//! document of values before our fields are taken from it.

use std::ops::Range;

use toml::Spanned;

use super::{RawEvent, RawFigure, RawFront};

type Text = Spanned<String>;

/// A value as written.
enum Value {
    Str(Text),
    List(Vec<Text>),
}

impl Value {
    fn string(self) -> Option<Text> {
        match self {
            Self::Str(s) => Some(s),
            Self::List(_) => None,
        }
    }

    fn list(self) -> Option<Vec<Text>> {
        match self {
            Self::List(v) => Some(v),
            Self::Str(_) => None,
        }
    }
}

/// Sets a field once; a second assignment is TOML's error, not ours.
fn set<T>(field: &mut Option<T>, v: Option<T>) -> Option<()> {
    if field.is_some() {
        return None;
    }
    *field = Some(v?);
    Some(())
}

#[derive(Default)]
struct Top {
    id: Option<Text>,
    title: Option<Text>,
    short_title: Option<Text>,
    publisher: Option<Text>,
    authors: Option<Vec<Text>>,
    published: Option<Text>,
    url: Option<Text>,
    summary: Option<Text>,
    tags: Option<Vec<Text>>,
    source_text: Option<Text>,
}

impl Top {
    fn set(&mut self, key: &str, v: Value) -> Option<()> {
        match key {
            "id" => set(&mut self.id, v.string()),
            "title" => set(&mut self.title, v.string()),
            "short_title" => set(&mut self.short_title, v.string()),
            "publisher" => set(&mut self.publisher, v.string()),
            "authors" => set(&mut self.authors, v.list()),
            "published" => set(&mut self.published, v.string()),
            "url" => set(&mut self.url, v.string()),
            "summary" => set(&mut self.summary, v.string()),
            "tags" => set(&mut self.tags, v.list()),
            "source_text" => set(&mut self.source_text, v.string()),
            _ => None,
        }
    }
}

#[derive(Default)]
struct Fig {
    id: Option<Text>,
    value: Option<Text>,
    label: Option<Text>,
    section: Option<Text>,
    source: Option<Text>,
    as_of: Option<Text>,
    tags: Option<Vec<Text>>,
}

impl Fig {
    fn set(&mut self, key: &str, v: Value) -> Option<()> {
        match key {
            "id" => set(&mut self.id, v.string()),
            "value" => set(&mut self.value, v.string()),
            "label" => set(&mut self.label, v.string()),
            "section" => set(&mut self.section, v.string()),
            "source" => set(&mut self.source, v.string()),
            "as_of" => set(&mut self.as_of, v.string()),
            "tags" => set(&mut self.tags, v.list()),
            _ => None,
        }
    }

    fn done(self) -> Option<RawFigure> {
        Some(RawFigure {
            id: self.id?,
            value: self.value?,
            label: self.label?,
            section: self.section?,
            source: self.source?,
            as_of: self.as_of,
            tags: self.tags.unwrap_or_default(),
        })
    }
}

#[derive(Default)]
struct Ev {
    date: Option<Text>,
    label: Option<Text>,
    section: Option<Text>,
}

impl Ev {
    fn set(&mut self, key: &str, v: Value) -> Option<()> {
        match key {
            "date" => set(&mut self.date, v.string()),
            "label" => set(&mut self.label, v.string()),
            "section" => set(&mut self.section, v.string()),
            _ => None,
        }
    }

    fn done(self) -> Option<RawEvent> {
        Some(RawEvent {
            date: self.date?,
            label: self.label?,
            section: self.section?,
        })
    }
}

/// The table keys are being read into, with where its header lies.
enum Table {
    Top,
    Figure(Range<usize>, Fig),
    Event(Range<usize>, Ev),
}

struct Reader<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    top: Top,
    figures: Vec<Spanned<RawFigure>>,
    events: Vec<Spanned<RawEvent>>,
}

/// Reads `text` if it is written in the usual subset; `None` otherwise
/// (including every text the decoder would refuse).
pub(super) fn read(text: &str) -> Option<RawFront> {
    let mut r = Reader {
        text,
        b: text.as_bytes(),
        i: 0,
        top: Top::default(),
        figures: Vec::new(),
        events: Vec::new(),
    };
    let mut table = Table::Top;
    loop {
        r.blanks();
        let Some(&c) = r.b.get(r.i) else {
            break;
        };
        match c {
            b'\n' => r.i += 1,
            b'\r' => {
                if r.b.get(r.i + 1) != Some(&b'\n') {
                    return None;
                }
                r.i += 2;
            }
            b'#' => r.comment()?,
            b'[' => {
                let start = r.i;
                let rest = &r.b[r.i..];
                let next = if rest.starts_with(b"[[figures]]") {
                    r.i += "[[figures]]".len();
                    Table::Figure(start..r.i, Fig::default())
                } else if rest.starts_with(b"[[events]]") {
                    r.i += "[[events]]".len();
                    Table::Event(start..r.i, Ev::default())
                } else {
                    return None;
                };
                r.close(std::mem::replace(&mut table, next))?;
                r.line_end()?;
            }
            c if is_bare(c) => {
                let start = r.i;
                while r.b.get(r.i).copied().is_some_and(is_bare) {
                    r.i += 1;
                }
                let key = &r.text[start..r.i];
                r.blanks();
                if r.b.get(r.i) != Some(&b'=') {
                    return None;
                }
                r.i += 1;
                r.blanks();
                let v = r.value()?;
                match &mut table {
                    Table::Top => r.top.set(key, v)?,
                    Table::Figure(_, f) => f.set(key, v)?,
                    Table::Event(_, e) => e.set(key, v)?,
                }
                r.line_end()?;
            }
            _ => return None,
        }
    }
    r.close(table)?;
    let top = r.top;
    Some(RawFront {
        id: top.id?,
        title: top.title?,
        short_title: top.short_title,
        publisher: top.publisher,
        authors: top.authors.unwrap_or_default(),
        published: top.published,
        url: top.url,
        summary: top.summary,
        tags: top.tags.unwrap_or_default(),
        source_text: top.source_text,
        figures: r.figures,
        events: r.events,
    })
}

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// High bits set in the bytes of `x` that are zero (and perhaps in some
/// after one that is; never in none).
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// High bits set in the bytes of `x` below 0x20 (as [`zero_bytes`]).
fn control_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES * 0x20) & !x & HIGHS
}

/// From `i`, the first byte that may end or escape a string or be refused
/// in one: a quote, a backslash, a control character or DEL (a tab too,
/// which the caller lets by). Eight bytes are looked at a time.
fn skip_ordinary(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        let special = control_bytes(x)
            | zero_bytes(x ^ (ONES * u64::from(b'"')))
            | zero_bytes(x ^ (ONES * u64::from(b'\'')))
            | zero_bytes(x ^ (ONES * u64::from(b'\\')))
            | zero_bytes(x ^ (ONES * 0x7f));
        if special != 0 {
            break;
        }
        i += 8;
    }
    while b
        .get(i)
        .is_some_and(|&c| !matches!(c, b'"' | b'\'' | b'\\' | 0x7f) && c >= 0x20)
    {
        i += 1;
    }
    i
}

/// True if `s` is all printable ASCII and tabs.
pub(super) fn is_plain(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_ne_bytes(word);
        if (control_bytes(x) | zero_bytes(x ^ (ONES * 0x7f)) | (x & HIGHS)) != 0 {
            break;
        }
        i += 8;
    }
    b[i..]
        .iter()
        .all(|&c| c == b'\t' || (b' '..0x7f).contains(&c))
}

fn is_bare(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-'
}

/// A character TOML refuses inside strings and comments.
fn is_control(c: u8) -> bool {
    (c < 0x20 && c != b'\t') || c == 0x7f
}

impl Reader<'_> {
    fn blanks(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }

    /// Skips a comment up to (not over) its line end.
    fn comment(&mut self) -> Option<()> {
        self.i += 1;
        while let Some(&c) = self.b.get(self.i) {
            if c == b'\n' || (c == b'\r' && self.b.get(self.i + 1) == Some(&b'\n')) {
                break;
            }
            if is_control(c) {
                return None;
            }
            self.i += 1;
        }
        Some(())
    }

    /// Blanks and a comment, then the end of the line (left unread) or
    /// of the text.
    fn line_end(&mut self) -> Option<()> {
        self.blanks();
        if self.b.get(self.i) == Some(&b'#') {
            self.comment()?;
        }
        match self.b.get(self.i) {
            None | Some(b'\n') => Some(()),
            Some(b'\r') if self.b.get(self.i + 1) == Some(&b'\n') => Some(()),
            _ => None,
        }
    }

    /// Blanks, line ends and comments, as allowed inside an array.
    fn array_space(&mut self) -> Option<()> {
        loop {
            match self.b.get(self.i) {
                Some(b' ' | b'\t' | b'\n') => self.i += 1,
                Some(b'\r') if self.b.get(self.i + 1) == Some(&b'\n') => self.i += 2,
                Some(b'#') => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    /// Ends the table being read: a figure or an event joins its list.
    fn close(&mut self, table: Table) -> Option<()> {
        match table {
            Table::Top => {}
            Table::Figure(header, f) => self.figures.push(Spanned::new(header, f.done()?)),
            Table::Event(header, e) => self.events.push(Spanned::new(header, e.done()?)),
        }
        Some(())
    }

    fn value(&mut self) -> Option<Value> {
        match self.b.get(self.i)? {
            b'"' | b'\'' => self.string().map(Value::Str),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                loop {
                    self.array_space()?;
                    if self.b.get(self.i) == Some(&b']') {
                        break;
                    }
                    items.push(self.string()?);
                    self.array_space()?;
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => break,
                        _ => return None,
                    }
                }
                self.i += 1;
                Some(Value::List(items))
            }
            _ => None,
        }
    }

    /// A one-line basic string with the simple escapes, or a one-line
    /// literal string.
    fn string(&mut self) -> Option<Text> {
        let start = self.i;
        let quote = *self.b.get(start)?;
        if !matches!(quote, b'"' | b'\'') {
            return None;
        }
        if self.b.get(start + 1) == Some(&quote) && self.b.get(start + 2) == Some(&quote) {
            // A multi-line string.
            return None;
        }
        let mut i = start + 1;
        let mut out: Option<String> = None;
        let mut run = i;
        loop {
            i = skip_ordinary(self.b, i);
            let c = *self.b.get(i)?;
            if c == quote {
                break;
            }
            if is_control(c) {
                return None;
            }
            if c == b'\\' && quote == b'"' {
                let s = out.get_or_insert_with(String::new);
                s.push_str(&self.text[run..i]);
                s.push(match self.b.get(i + 1)? {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return None,
                });
                i += 2;
                run = i;
                continue;
            }
            i += 1;
        }
        let raw = &self.text[run..i];
        let value = match out {
            Some(mut s) => {
                s.push_str(raw);
                s
            }
            None => raw.to_owned(),
        };
        self.i = i + 1;
        Some(Spanned::new(start..self.i, value))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Every value with its span, in order, for comparing two readings.
    fn flat(r: &RawFront) -> Vec<(&'static str, Range<usize>, String)> {
        let mut out = Vec::new();
        let mut one =
            |what: &'static str, s: &Text| out.push((what, s.span(), s.get_ref().clone()));
        one("id", &r.id);
        one("title", &r.title);
        for (what, s) in [
            ("short_title", &r.short_title),
            ("publisher", &r.publisher),
            ("published", &r.published),
            ("url", &r.url),
            ("summary", &r.summary),
            ("source_text", &r.source_text),
        ] {
            if let Some(s) = s {
                one(what, s);
            }
        }
        r.authors.iter().for_each(|s| one("author", s));
        r.tags.iter().for_each(|s| one("tag", s));
        for f in &r.figures {
            out.push(("figure", f.span(), String::new()));
            let f = f.get_ref();
            for (what, s) in [
                ("figure id", &f.id),
                ("value", &f.value),
                ("label", &f.label),
                ("section", &f.section),
                ("source", &f.source),
            ] {
                out.push((what, s.span(), s.get_ref().clone()));
            }
            if let Some(a) = &f.as_of {
                out.push(("as_of", a.span(), a.get_ref().clone()));
            }
            for t in &f.tags {
                out.push(("figure tag", t.span(), t.get_ref().clone()));
            }
        }
        for e in &r.events {
            out.push(("event", e.span(), String::new()));
            let e = e.get_ref();
            for (what, s) in [
                ("date", &e.date),
                ("label", &e.label),
                ("section", &e.section),
            ] {
                out.push((what, s.span(), s.get_ref().clone()));
            }
        }
        out
    }

    /// The quick reader either declines or reads what the decoder reads.
    fn agrees(text: &str) -> Result<bool, String> {
        let Some(quick) = read(text) else {
            return Ok(false);
        };
        let full: RawFront = toml::from_str(text)
            .map_err(|e| format!("quick read what the decoder refuses ({e}): {text:?}"))?;
        if flat(&quick) == flat(&full) {
            Ok(true)
        } else {
            Err(format!(
                "readings differ for {text:?}:\n{:?}\n{:?}",
                flat(&quick),
                flat(&full)
            ))
        }
    }

    const USUAL: &str = "id = \"a-b\"  # the slug\n\
        title = \"A \\\"quoted\\\" title\\tand é, 한, \u{200b}\u{85}\"\n\
        short_title='lit\\eral'\n\
        \tauthors = [ \"X\" , 'Y' ,]\n\
        tags = [\n  \"one\", # first\n  \"two\"\n]\n\
        published = \"2023-03\"\n\
        \n\
        # figures\n\
        [[figures]]\n\
        id = \"f1\"\n\
        value = \"77%\"\n\
        label = \"l\"\n\
        section = \"s\"\n\
        source = \"src\"\n\
        tags = []\n\
        \n\
        [[events]] # an event\n\
        date = \"2020\"\n\
        label = \"e\"\n\
        section = \"s\"\n\
        [[figures]]\n\
        id = \"f2\"\r\n\
        value = \"\"\r\n\
        label = \"l\"\n\
        section = \"s\"\n\
        source = \"src\"\n\
        as_of = \"2020\"";

    #[test]
    fn the_usual_front_matter_is_read_quickly_and_alike() {
        assert_eq!(agrees(USUAL), Ok(true));
        for text in [
            "id = \"a\"\ntitle = \"T\"\n",
            "id = \"a\"\ntitle = \"T\"",
            "\n\n  id=\"a\"\ntitle = \"T\"\n# end",
            "title = \"T\"\nid = \"a\"\nsummary = \"\"\n",
        ] {
            assert_eq!(agrees(text), Ok(true), "{text:?}");
        }
    }

    #[test]
    fn every_embedded_brief_is_read_quickly() {
        for (name, text) in crate::embedded::BRIEFS {
            let Ok(Some(split)) = super::super::split(text) else {
                panic!("{name} has front matter");
            };
            assert_eq!(agrees(&text[split.toml]), Ok(true), "{name}");
        }
    }

    #[test]
    fn anything_unusual_is_left_to_the_decoder() {
        for text in [
            "id = \"a\"\n",
            "id = \"a\"\ntitle = \"T\"\ncolour = \"red\"\n",
            "id = \"a\"\nid = \"b\"\ntitle = \"T\"\n",
            "id = \"a\"\ntitle = \"\"\"T\"\"\"\n",
            "id = \"a\"\ntitle = '''T'''\n",
            "id = \"a\"\ntitle = \"\\u0041\"\n",
            "id = \"a\"\ntitle = \"\\e\"\n",
            "id = \"a\"\ntitle = \"T\" \"U\"\n",
            "id = \"a\"\ntitle = \"T\nU\"\n",
            "id = \"a\"\ntitle = \"T\x7f\"\n",
            "id = \"a\"\ntitle = \"T\"\r",
            "id = \"a\"\ntitle = \"T\" # bell \x07\n",
            "id = \"a\"\ntitle = 1\n",
            "id = \"a\"\ntitle = [\"T\"]\n",
            "id = \"a\"\ntitle = \"T\"\ntags = \"x\"\n",
            "id = \"a\"\ntitle = \"T\"\ntags = [\"x\", 1]\n",
            "id = \"a\"\ntitle = \"T\"\ntags = [,]\n",
            "id = \"a\"\ntitle = \"T\"\nmeta.x = \"y\"\n",
            "\"id\" = \"a\"\ntitle = \"T\"\n",
            "id = \"a\"\ntitle = \"T\"\n[figures]\n",
            "id = \"a\"\ntitle = \"T\"\n[[ figures ]]\n",
            "id = \"a\"\ntitle = \"T\"\n[[figures]]\nid = \"f\"\n",
            "id = \"a\"\ntitle = \"T\"\n[[figures]] x\n",
            "id = \"a\"\ntitle = \"T\"\nfigures = []\n",
            "id = \"a\"\ntitle = \"T\"\n[[events]]\ndate = \"2020\"\nlabel = \"e\"\nsection = \"s\"\ntitle = \"x\"\n",
            "id = \"a\"\ntitle = { x = 1 }\n",
        ] {
            assert_eq!(agrees(text), Ok(false), "{text:?}");
        }
    }

    #[test]
    fn scanning_eight_bytes_at_a_time_finds_what_one_at_a_time_finds() {
        let special = |c: u8| matches!(c, b'"' | b'\'' | b'\\' | 0x7f) || c < 0x20;
        let plain = |s: &str| s.bytes().all(|c| c == b'\t' || (b' '..0x7f).contains(&c));
        let mut text = String::new();
        for (n, piece) in [
            "abcdefghijkl",
            "\t",
            "é",
            "\"",
            "'",
            "\\",
            "\x7f",
            "\x01",
            "\n",
            "\u{85}",
        ]
        .iter()
        .enumerate()
        {
            for pad in 0..17 {
                text.clear();
                text.push_str(&"x".repeat(pad));
                text.push_str(piece);
                text.push_str(&"y".repeat(n));
                let b = text.as_bytes();
                for from in 0..b.len() {
                    let naive = (from..b.len()).find(|&i| special(b[i])).unwrap_or(b.len());
                    assert_eq!(skip_ordinary(b, from), naive, "{text:?} from {from}");
                }
                assert_eq!(is_plain(&text), plain(&text), "{text:?}");
            }
        }
    }

    /// Pieces of TOML, valid and not, to splice into the usual text.
    const PIECES: &[&str] = &[
        " ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "#",
        "# c\n",
        "=",
        "\"",
        "'",
        "\"\"\"",
        "\\",
        "\\\"",
        "\\u00e9",
        "\\n",
        "[",
        "]",
        "[[",
        "]]",
        ",",
        ".",
        "{",
        "}",
        "1",
        "é",
        "\u{200b}",
        "\x07",
        "id",
        "title",
        "tags",
        "value",
        "[[figures]]\n",
        "[[events]]\n",
        "[figures]\n",
        "x = \"y\"\n",
        "tags = [\"a\",\n\"b\"]\n",
        "as_of = \"2020\"\n",
        "\"k\"",
        "true",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn spliced_front_matter_reads_alike_or_is_declined(
            edits in prop::collection::vec(
                (0usize..100_000, any::<bool>(), 0..PIECES.len(), 0usize..4),
                1..5,
            )
        ) {
            let mut text = USUAL.to_owned();
            for (at, line_end, piece, cut) in edits {
                let mut at = at % (text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                if line_end {
                    // Where a line ends, more of the edits stay valid TOML.
                    at = text[at..].find('\n').map_or(text.len(), |i| at + i);
                }
                let mut end = (at + cut).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, PIECES[piece]);
            }
            let r = agrees(&text);
            prop_assert!(r.is_ok(), "{:?}", r);
        }
    }
}
