//! Data-driven cases for the date grammar: `tests/data/dates.tsv`.
//!
//! Each non-comment line has four tab-separated columns:
//!
//! 1. the input sentence (`\n` stands for a line break);
//! 2. the reference date `YYYY-MM-DD`, or `-` (year-less dates then take the year of the
//!    nearest dated mention, as `resolve_all` does);
//! 3. the numeric order: `DMY`, `MDY`, or `auto` (= `detect_numeric_order` on the input);
//! 4. the expected mentions, `-` for none, else separated by ` | `, each
//!    `TEXT = START PRECISION`, `TEXT = START..END PRECISION`, optionally followed by
//!    ` inferred`, or `TEXT = unresolved` (found, but no year can be given).
//!
//! Every failing line is reported, not just the first.

use bulletin_events::dates::*;
use chrono::NaiveDate;

fn fmt_mention(text: &str, m: &DateMatch, r: &Option<Resolved>) -> String {
    let t = text[m.span.clone()].replace('\n', "\\n");
    match r {
        None => format!("{t} = unresolved"),
        Some(r) => {
            let p = match r.precision {
                Precision::Day => "day",
                Precision::Month => "month",
                Precision::Year => "year",
            };
            let range = if r.start == r.end { r.start.to_string() } else { format!("{}..{}", r.start, r.end) };
            let inf = if r.year_inferred { " inferred" } else { "" };
            format!("{t} = {range} {p}{inf}")
        }
    }
}

#[test]
fn dates_tsv() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dates.tsv");
    let data = std::fs::read_to_string(path).expect("read dates.tsv");
    let mut failures = Vec::new();
    let (mut cases, mut negatives) = (0, 0);
    for (ln, line) in data.lines().enumerate() {
        let ln = ln + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            failures.push(format!("line {ln}: expected 4 tab-separated columns"));
            continue;
        }
        cases += 1;
        let input = cols[0].replace("\\n", "\n");
        let reference = match cols[1].trim() {
            "-" => None,
            s => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    failures.push(format!("line {ln}: bad reference date {s:?}"));
                    continue;
                }
            },
        };
        let order = match cols[2].trim() {
            "DMY" => NumericOrder::DayFirst,
            "MDY" => NumericOrder::MonthFirst,
            "auto" => detect_numeric_order(&input).0,
            o => {
                failures.push(format!("line {ln}: bad order {o:?}"));
                continue;
            }
        };
        let expected: Vec<String> = match cols[3].trim() {
            "-" => {
                negatives += 1;
                Vec::new()
            }
            s => s.split(" | ").map(|x| x.trim().to_string()).collect(),
        };
        let got: Vec<String> = resolve_all(&input, order, reference)
            .iter()
            .map(|(m, r)| {
                assert!(input.get(m.span.clone()).is_some(), "span off char boundary");
                fmt_mention(&input, m, r)
            })
            .collect();
        if got != expected {
            failures.push(format!(
                "line {ln}: {:?}\n    expected: {}\n    got:      {}",
                cols[0],
                if expected.is_empty() { "-".to_string() } else { expected.join(" | ") },
                if got.is_empty() { "-".to_string() } else { got.join(" | ") }
            ));
        }
    }
    assert!(cases >= 200, "only {cases} cases");
    assert!(negatives >= 30, "only {negatives} negative cases");
    assert!(failures.is_empty(), "{} of {cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}
