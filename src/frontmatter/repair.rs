//! Every schema error of a front matter in one run: deserialize, and on an
//! error set its cause aside (an unknown key dropped, a bad value made a
//! blank, a missing field given a blank) and go again, until it passes.

use std::borrow::Cow;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// How many errors one front matter may report before the rest are left.
const MOST: usize = 100;

/// What came of reading the front matter: the value, once every error
/// was set aside, the errors (span, message) and where blanks were put.
pub struct Repaired<T> {
    pub value: Option<T>,
    pub errors: Vec<(Range<usize>, String)>,
    pub blanks: Vec<usize>,
}

pub fn deserialize<'i, T: Deserialize<'i>>(text: &'i str) -> Result<Repaired<T>, toml::de::Error> {
    let mut doc = DeTable::parse(text)?;
    let mut out = Repaired {
        value: None,
        errors: Vec::new(),
        blanks: Vec::new(),
    };
    for _ in 0..MOST {
        match T::deserialize(toml::de::Deserializer::from(doc.clone())) {
            Ok(v) => {
                out.value = Some(v);
                break;
            }
            Err(e) => {
                let Some(at) = e.span() else {
                    out.errors.push((0..0, e.message().to_owned()));
                    break;
                };
                if !out.errors.iter().any(|(s, _)| s.start == at.start) {
                    out.errors.push((at.clone(), e.message().to_owned()));
                }
                let span = doc.span();
                if !fix_table(doc.get_mut(), span, true, &at, e.message(), &mut out.blanks) {
                    break;
                }
            }
        }
    }
    Ok(out)
}

fn blank(at: Range<usize>) -> Spanned<DeValue<'static>> {
    Spanned::new(at, DeValue::String(Cow::Borrowed("")))
}

/// Sets aside the cause of the error at `at` in `table` (spanning `span`;
/// `top` for the whole front matter, which takes any missing field the
/// tables inside it do not).
fn fix_table(
    table: &mut DeTable<'_>,
    span: Range<usize>,
    top: bool,
    at: &Range<usize>,
    msg: &str,
    blanks: &mut Vec<usize>,
) -> bool {
    let inside = |r: &Range<usize>| r.start <= at.start && at.start < r.end.max(r.start + 1);
    let mut drop = None;
    for (k, v) in table.iter_mut() {
        if inside(&k.span()) {
            drop = Some(k.get_ref().to_string());
            break;
        }
        let vspan = v.span();
        let fixed = match v.get_mut() {
            DeValue::Table(t) => fix_table(t, vspan.clone(), false, at, msg, blanks),
            DeValue::Array(a) => fix_array(a, at, msg, blanks),
            _ => false,
        };
        if fixed {
            return true;
        }
        if !inside(&vspan) {
            continue;
        }
        // A value of the wrong kind: a blank first, and if a blank will
        // not do either, the key goes.
        if blanks.contains(&vspan.start) {
            drop = Some(k.get_ref().to_string());
            break;
        }
        blanks.push(vspan.start);
        *v = blank(vspan);
        return true;
    }
    if let Some(key) = drop {
        return table.remove(key.as_str()).is_some();
    }
    // A missing field: a blank where the table is.
    let missing = msg
        .split_once("missing field `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map(|(name, _)| name.to_owned());
    match missing {
        Some(name) if top || at.start == span.start => {
            blanks.push(at.start);
            table.insert(
                Spanned::new(at.clone(), Cow::Owned(name)),
                blank(at.clone()),
            );
            true
        }
        _ => false,
    }
}

/// Sets aside the cause of the error at `at` in an array: in one of its
/// tables, or the element itself.
fn fix_array<'i>(
    a: &mut toml::de::DeArray<'i>,
    at: &Range<usize>,
    msg: &str,
    blanks: &mut Vec<usize>,
) -> bool {
    let items: &mut [Spanned<DeValue<'i>>] = a;
    let mut hit = None;
    for (i, e) in items.iter_mut().enumerate() {
        let espan = e.span();
        if let DeValue::Table(t) = e.get_mut() {
            if fix_table(t, espan, false, at, msg, blanks) {
                return true;
            }
        } else if espan.start <= at.start && at.start < espan.end.max(espan.start + 1) {
            hit = Some(i);
        }
    }
    let Some(i) = hit else { return false };
    let kept: Vec<_> = std::mem::replace(a, toml::de::DeArray::new())
        .into_iter()
        .enumerate()
        .filter(|&(j, _)| j != i)
        .map(|(_, e)| e)
        .collect();
    *a = kept.into_iter().collect();
    true
}
