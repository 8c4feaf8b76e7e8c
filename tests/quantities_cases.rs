//! Data-driven tests for `quantities::find_quantities` (cases in tests/data/quantities.tsv),
//! the seed bulletin, robustness on hostile input. Throughput is measured in the criterion benchmarks.

use bulletin_events::quantities::{find_quantities, QuantityMatch};
use std::ops::Range;
use std::path::Path;

fn data_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data"))
}

/// Checks the invariants every match must satisfy.
fn check_spans(text: &str, found: &[QuantityMatch]) -> Result<(), String> {
    let mut last_end = 0;
    for q in found {
        if q.span.start > q.span.end || q.span.end > text.len() {
            return Err(format!("span {:?} out of bounds", q.span));
        }
        if !text.is_char_boundary(q.span.start) || !text.is_char_boundary(q.span.end) {
            return Err(format!("span {:?} not on char boundaries", q.span));
        }
        if q.span.start < last_end {
            return Err(format!("span {:?} overlaps the previous match", q.span));
        }
        last_end = q.span.end;
        if !(q.value.is_finite() && q.value > 0.0) {
            return Err(format!("bad value {}", q.value));
        }
        if q.unit.is_empty() || q.unit != q.unit.to_lowercase() {
            return Err(format!("unit {:?} not lower-case", q.unit));
        }
    }
    Ok(())
}

fn render(text: &str, found: &[QuantityMatch]) -> String {
    if found.is_empty() {
        return "-".to_string();
    }
    found
        .iter()
        .map(|q| format!("{}|{}|{}|{}", q.value, q.unit, q.qualifier.as_deref().unwrap_or(""), &text[q.span.clone()]))
        .collect::<Vec<_>>()
        .join(" ;; ")
}

fn exclude_ranges(text: &str, spec: &str) -> Result<Vec<Range<usize>>, String> {
    let mut out = Vec::new();
    for piece in spec.split(" ;; ").filter(|p| !p.is_empty()) {
        let at = text.find(piece).ok_or_else(|| format!("exclude {piece:?} not in sentence"))?;
        out.push(at..at + piece.len());
    }
    out.sort_by_key(|r| r.start);
    Ok(out)
}

fn same(expected: &str, text: &str, found: &[QuantityMatch]) -> bool {
    if expected == "-" {
        return found.is_empty();
    }
    let exp: Vec<&str> = expected.split(" ;; ").collect();
    if exp.len() != found.len() {
        return false;
    }
    exp.iter().zip(found).all(|(e, q)| {
        let parts: Vec<&str> = e.split('|').collect();
        parts.len() == 4
            && parts[0].parse::<f64>().is_ok_and(|v| (v - q.value).abs() <= 1e-9 * v.abs().max(1.0))
            && parts[1] == q.unit
            && parts[2] == q.qualifier.as_deref().unwrap_or("")
            && parts[3] == &text[q.span.clone()]
    })
}

#[test]
fn tsv_cases() {
    let path = data_dir().join("quantities.tsv");
    let data = std::fs::read_to_string(&path).expect("read quantities.tsv");
    let mut failures = Vec::new();
    let (mut cases, mut negatives) = (0, 0);
    for (no, line) in data.lines().enumerate() {
        let line_no = no + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 || cols.len() > 3 {
            failures.push(format!("line {line_no}: expected 2 or 3 columns, got {}", cols.len()));
            continue;
        }
        let (text, expected) = (cols[0], cols[1]);
        let exclude = match exclude_ranges(text, cols.get(2).copied().unwrap_or("")) {
            Ok(e) => e,
            Err(e) => {
                failures.push(format!("line {line_no}: {e}"));
                continue;
            }
        };
        cases += 1;
        if expected == "-" {
            negatives += 1;
        }
        let found = find_quantities(text, &exclude);
        if let Err(e) = check_spans(text, &found) {
            failures.push(format!("line {line_no}: {e}: {text}"));
            continue;
        }
        if !same(expected, text, &found) {
            failures.push(format!(
                "line {line_no}: {text}\n    expected: {expected}\n    got:      {}",
                render(text, &found)
            ));
        }
    }
    assert!(cases >= 150, "only {cases} cases");
    assert!(negatives >= 40, "only {negatives} negative cases");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// Byte ranges of the date mentions a date extractor reports on the seed (written by hand).
fn seed_dates(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for d in [
        "10 December 2022",
        "December 10-11",
        "19 December 2022",
        "2 November 2022",
        "18-19 November 2022",
        "16 December 2022",
        "from November 10 to 18",
        "November 18, 2022",
        "18 November",
    ] {
        let mut from = 0;
        while let Some(at) = text[from..].find(d) {
            out.push(from + at..from + at + d.len());
            from += at + d.len();
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

#[test]
fn seed_bulletin_matches_gold_with_and_without_exclude() {
    let text = std::fs::read_to_string(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/iom-central-asia-2022-12.txt"
    )))
    .expect("read seed");
    let gold = [
        (24.0, "teams", "24 teams"),
        (2.0, "participants", "2 participants"),
        (4.0, "teams", "4 teams"),
        (2.0, "regions", "TWO REGIONS"),
        (25.0, "people", "25 people"),
    ];
    for exclude in [Vec::new(), seed_dates(&text)] {
        let found = find_quantities(&text, &exclude);
        check_spans(&text, &found).unwrap();
        let got: Vec<(f64, &str, &str)> =
            found.iter().map(|q| (q.value, q.unit.as_str(), &text[q.span.clone()])).collect();
        assert_eq!(got, gold, "exclude: {exclude:?}");
        assert!(found.iter().all(|q| q.qualifier.is_none()));
    }
}

/// A single excluded range.
fn only(start: usize, end: usize) -> Vec<Range<usize>> {
    vec![Range { start, end }]
}

#[test]
fn qualifiers_are_borrowed_from_their_list() {
    let text = "More than 200 people and between 10 and 15 teams came; about 3 regions and 4 cities did not.";
    let found = find_quantities(text, &[]);
    let quals: Vec<Option<&str>> = found.iter().map(|q| q.qualifier.as_deref()).collect();
    assert_eq!(quals, [Some("more than"), Some("up to"), Some("about"), None]);
    assert!(found.iter().all(|q| !matches!(q.qualifier, Some(std::borrow::Cow::Owned(_)))));
}

#[test]
fn excluded_ranges_are_respected() {
    let text = "On 10 December 2022 some 40 teams met.";
    let all = find_quantities(text, &[]);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].qualifier.as_deref(), Some("some"));
    let at = text.find("40 teams").unwrap();
    // An exclusion that touches only the unit still drops the count.
    assert!(find_quantities(text, &only(at + 5, at + 6)).is_empty());
    // Adjacent (non-overlapping) ranges do not.
    assert_eq!(find_quantities(text, &[0..at, at + 8..at + 9]).len(), 1);
    // Empty ranges never exclude.
    assert_eq!(find_quantities(text, &only(at + 1, at + 1)).len(), 1);
    // A range holding the number's first digit, or the whole number, drops the count; the
    // date excluded before it leaves it alone.
    assert!(find_quantities(text, &only(at, at + 1)).is_empty());
    assert!(find_quantities(text, &only(at - 5, at + 2)).is_empty());
    let date = text.find("10 December 2022").unwrap();
    let kept = find_quantities(text, &only(date, date + "10 December 2022".len()));
    assert_eq!(kept.len(), 1);
    assert_eq!(&text[kept[0].span.clone()], "40 teams");
}

#[test]
fn hostile_input_never_panics_and_spans_are_valid() {
    let samples = [
        "",
        "0",
        "1",
        "1,",
        "1.",
        "1,5",
        "-",
        "a",
        "one",
        "a dozen",
        "twenty-",
        "twenty-five-",
        "1 000 000 000 000 000 000 000 000 people",
        "99999999999999999999999999999999999999999999 people",
        "12\u{2009}",
        "3\u{202f}000\u{202f}",
        "5 e\u{301}le\u{300}ves",
        "7 👩‍👩‍👧 families 😀 12 🎉",
        "٣ أشخاص و 12 عائلة",
        "12 שלום people",
        "ДВА\u{0301} ЧЕЛОВЕКА",
        "1.5m",
        "$",
        "№12",
        "\u{feff}24 teams",
        "Ёлки: две ёлки, 3 ёжика",
        "İ 2 İNSAN",
    ];
    for s in samples {
        let found = find_quantities(s, &[]);
        check_spans(s, &found).unwrap_or_else(|e| panic!("{s:?}: {e}"));
        let found = find_quantities(s, &only(0, s.len()));
        assert!(found.is_empty() || s.is_empty(), "{s:?}");
    }
    // Every prefix and suffix of a mixed text (cuts at each char boundary).
    let mixed = "Около 3\u{202f}000 семей, “24 teams” — two-day; IN TWO REGIONS 1,5 млн; 10-15 kids…";
    for (i, _) in mixed.char_indices() {
        for part in [&mixed[..i], &mixed[i..]] {
            let found = find_quantities(part, &[]);
            check_spans(part, &found).unwrap_or_else(|e| panic!("{part:?}: {e}"));
        }
    }
    // Pseudo-random bytes made valid UTF-8.
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..2000 {
        let mut bytes = Vec::new();
        for _ in 0..200 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const PIECES: [&str; 32] = [
                "1",
                "2,",
                "000",
                " ",
                "\u{a0}",
                "-",
                "one",
                "teams",
                "человек",
                "две",
                ".",
                "a",
                "dozen",
                "\n",
                "’s",
                "é",
                "2022",
                ",",
                "–",
                "December",
                "ДВЕ",
                "One",
                "$",
                "%",
                "Windows",
                "to",
                "between",
                "and",
                "in",
                "out of",
                "тыс.",
                "million",
            ];
            let piece = PIECES[(x % PIECES.len() as u64) as usize];
            bytes.extend_from_slice(piece.as_bytes());
        }
        let s = String::from_utf8(bytes).unwrap();
        let found = find_quantities(&s, &[]);
        check_spans(&s, &found).unwrap_or_else(|e| panic!("{s:?}: {e}"));
    }
}
