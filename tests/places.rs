//! Data-driven place-finding cases: `tests/places.tsv`.
use bulletin_events::gazetteer::{resolve_matches, Gazetteer, PlaceKind};

/// Unescapes `\n` and `\uXXXX` in a test text.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('u') => {
                let hex: String = (0..4).filter_map(|_| chars.next()).collect();
                let cp = u32::from_str_radix(&hex, 16).expect("bad \\u escape");
                out.push(char::from_u32(cp).expect("bad code point"));
            }
            Some(o) => {
                out.push('\\');
                out.push(o);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn kind_str(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::City => "city",
        PlaceKind::Country => "country",
        PlaceKind::Region => "region",
    }
}

#[test]
fn places_tsv() {
    let data = include_str!("data/places.tsv");
    let g = Gazetteer::global();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 2, "line {}: needs text and context columns", n + 1);
        let text = unescape(cols[0]);
        let context: Vec<&str> = cols[1].split(',').map(str::trim).filter(|c| !c.is_empty()).collect();
        let expected: Vec<String> = cols
            .get(2)
            .map(|e| e.split(';').map(|x| unescape(x.trim())).filter(|x| !x.is_empty()).collect())
            .unwrap_or_default();
        let found = g.find(&text);
        for m in &found {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert!(!m.candidates.is_empty());
        }
        let got: Vec<String> = resolve_matches(&found, &context)
            .into_iter()
            .map(|(span, p)| format!("{}|{}|{}|{}", &text[span], p.name, kind_str(p.kind), p.country_code))
            .collect();
        cases += 1;
        if got != expected {
            failures.push(format!("line {}: {:?}\n   expected {:?}\n   got      {:?}", n + 1, text, expected, got));
        }
    }
    assert!(cases >= 150, "only {cases} cases");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}
