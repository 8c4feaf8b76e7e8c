//! Robustness: random mixtures of date-like fragments, odd Unicode and punctuation never
//! panic, and every span is on char boundaries, ordered and non-overlapping.

use bulletin_events::dates::*;
use chrono::NaiveDate;

const FRAGMENTS: &[&str] = &[
    "10",
    "2022",
    "31",
    "1",
    "0",
    "99",
    "12",
    "2030",
    "123456789012345678901234567890",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\u{a0}",
    "-",
    "–",
    "—",
    ".",
    ",",
    "/",
    ":",
    "%",
    "$",
    "+",
    "(",
    ")",
    "December",
    "Dec",
    "dec",
    "MAY",
    "May",
    "from",
    "to",
    "between",
    "and",
    "in",
    "since",
    "mid",
    "Monday",
    "Mon",
    "of",
    "th",
    "st",
    "декабря",
    "Ноябрь",
    "г",
    "года",
    "году",
    "с",
    "по",
    "и",
    "в",
    "-го",
    "é",
    "\u{301}",
    "\u{200f}",
    "ـ",
    "١٠",
    "🎉",
    "👩‍👩‍👧",
    "\u{feff}",
    "ı",
    "İ",
    "ß",
    "T",
    "x",
    "COVID",
    "G",
    "№",
];

fn check(text: &str) {
    for order in [NumericOrder::DayFirst, NumericOrder::MonthFirst] {
        let ms = find_dates(text, order);
        let mut last = 0;
        for m in &ms {
            assert!(m.span.start >= last, "overlap in {text:?}: {ms:?}");
            assert!(m.span.start < m.span.end, "empty span in {text:?}");
            assert!(text.get(m.span.clone()).is_some(), "bad span in {text:?}");
            last = m.span.end;
            for a in [None, NaiveDate::from_ymd_opt(2022, 12, 31), NaiveDate::from_ymd_opt(1, 1, 1)] {
                if let Some(r) = resolve(m, a) {
                    assert!(r.start <= r.end, "{text:?} {m:?} {r:?}");
                }
            }
        }
    }
    let _ = detect_numeric_order(text);
    let _ = resolve_all(text, NumericOrder::DayFirst, None);
}

#[test]
fn random_fragment_soup() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 14) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize]);
        }
        check(&s);
    }
}

#[test]
fn degenerate_inputs() {
    check("");
    check(&"1".repeat(100_000));
    check(&"1 ".repeat(50_000));
    check(&"10 December ".repeat(10_000));
    check(&"10-".repeat(30_000));
    check(&" ".repeat(100_000));
    check(&"декабря 2022 г. ".repeat(5_000));
    check(&"\u{301}1".repeat(20_000));
    check(&format!("{}5 December", "a".repeat(100_000)));
}

#[test]
fn extreme_anchor_dates() {
    use chrono::Datelike;
    let m = &find_dates("on 10 December", NumericOrder::DayFirst)[0];
    // Anchors at the ends of chrono's range: candidate years outside it are skipped.
    let r = resolve(m, Some(NaiveDate::MAX)).expect("a year within range");
    assert_eq!((r.start.month(), r.start.day()), (12, 10));
    let r = resolve(m, Some(NaiveDate::MIN)).expect("a year within range");
    assert_eq!((r.start.month(), r.start.day()), (12, 10));
}
