//! Checks shared by the integration tests.

use std::path::{Path, PathBuf};

use bulletin_events::{Document, Span};

/// The fixture bulletins (`fixtures/*.txt`), in name order.
// tests/fixtures.rs keeps its own reader (the fixture tests are left as they are)
#[allow(dead_code)]
pub fn fixture_paths() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

/// `&input[span] == text` for one mention, and the span lies on char boundaries.
fn check_span(input: &str, span: Span, text: &str, what: &str, errors: &mut Vec<String>) {
    match input.get(span.range()) {
        Some(s) if s == text => {}
        Some(s) => errors.push(format!("{what}: span {span:?} slices {s:?}, text is {text:?}")),
        None => errors.push(format!("{what}: span {span:?} is out of bounds or off a char boundary")),
    }
}

/// Every span of a document, checked.
pub fn span_errors(input: &str, doc: &Document) -> Vec<String> {
    let mut e = Vec::new();
    for h in &doc.masthead {
        check_span(input, h.span, &h.text, "masthead", &mut e);
    }
    let mut last_end = 0;
    for (i, item) in doc.items.iter().enumerate() {
        if input.get(item.span.range()).is_none() || item.span.start < last_end || item.span.is_empty() {
            e.push(format!("item {i}: bad or overlapping span {:?}", item.span));
        }
        last_end = item.span.end;
        if let Some(h) = &item.headline {
            check_span(input, h.span, &h.text, "headline", &mut e);
        }
        if let Some(d) = &item.dateline {
            check_span(input, d.span, &d.text, "dateline", &mut e);
            if let Some(c) = &d.caption {
                check_span(input, c.span, &c.text, "caption", &mut e);
            }
        }
        for d in &item.dates {
            check_span(input, d.span, &d.text, "date", &mut e);
        }
        for p in &item.places {
            check_span(input, p.mentions[0], &p.text, "place", &mut e);
            for m in &p.mentions {
                if input.get(m.range()).is_none() {
                    e.push(format!("place mention {m:?} off bounds"));
                }
            }
        }
        for o in &item.organizations {
            for m in &o.mentions {
                if input.get(m.range()).is_none() {
                    e.push(format!("organization mention {m:?} off bounds"));
                }
            }
        }
        for q in &item.quantities {
            check_span(input, q.span, &q.text, "quantity", &mut e);
        }
    }
    e
}
