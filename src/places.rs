//! The seam between the pipeline and the gazetteer: place lookup for dateline segments and place
//! finding in text. (Temporary small table; the generated gazetteer replaces it.)

use std::ops::Range;

use crate::model::PlaceKind;

/// A gazetteer entry as the pipeline sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PlaceRef {
    pub name: &'static str,
    pub kind: PlaceKind,
    pub country_code: &'static str,
}

const TABLE: &[(&str, &str, PlaceKind, &str)] = &[
    ("kazakhstan", "Kazakhstan", PlaceKind::Country, "KZ"),
    ("kyrgyzstan", "Kyrgyzstan", PlaceKind::Country, "KG"),
    ("tajikistan", "Tajikistan", PlaceKind::Country, "TJ"),
    ("turkmenistan", "Turkmenistan", PlaceKind::Country, "TM"),
    ("uzbekistan", "Uzbekistan", PlaceKind::Country, "UZ"),
    ("switzerland", "Switzerland", PlaceKind::Country, "CH"),
    ("kenya", "Kenya", PlaceKind::Country, "KE"),
    ("united states", "United States", PlaceKind::Country, "US"),
    ("dushanbe", "Dushanbe", PlaceKind::City, "TJ"),
    ("bishkek", "Bishkek", PlaceKind::City, "KG"),
    ("astana", "Astana", PlaceKind::City, "KZ"),
    ("almaty", "Almaty", PlaceKind::City, "KZ"),
    ("ashgabat", "Ashgabat", PlaceKind::City, "TM"),
    ("tashkent", "Tashkent", PlaceKind::City, "UZ"),
    ("geneva", "Geneva", PlaceKind::City, "CH"),
    ("nairobi", "Nairobi", PlaceKind::City, "KE"),
    ("san francisco", "San Francisco", PlaceKind::City, "US"),
];

/// A country by ISO 3166-1 alpha-2 code.
pub(crate) fn country(code: &str) -> Option<PlaceRef> {
    TABLE.iter().find(|e| e.2 == PlaceKind::Country && e.3 == code).map(|e| PlaceRef {
        name: e.1,
        kind: e.2,
        country_code: e.3,
    })
}

/// The place a written name denotes, preferring places in the `context` countries.
pub(crate) fn lookup(written: &str, context: &[&str]) -> Option<PlaceRef> {
    let key = written.trim().to_lowercase();
    let mut best = None;
    for e in TABLE.iter().filter(|e| e.0 == key) {
        let r = PlaceRef { name: e.1, kind: e.2, country_code: e.3 };
        if context.contains(&e.3) {
            return Some(r);
        }
        best.get_or_insert(r);
    }
    best
}

/// Every place mention in `text`, spans relative to `text`.
pub(crate) fn find(text: &str, context: &[&str]) -> Vec<(Range<usize>, PlaceRef)> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut hit = None;
        for n in (1..=3).rev() {
            if i + n > words.len() {
                continue;
            }
            let r = words[i].0..words[i + n - 1].1;
            if !text[r.clone()].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            if let Some(p) = lookup(&text[r.clone()], context) {
                hit = Some((n, r, p));
                break;
            }
        }
        match hit {
            Some((n, r, p)) => {
                out.push((r, p));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}
