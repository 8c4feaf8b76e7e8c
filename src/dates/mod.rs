//! Temporary minimal date grammar (replaced by the full grammar).
#![allow(missing_docs)]
use std::ops::Range;

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumericOrder {
    #[default]
    DayFirst,
    MonthFirst,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderEvidence {
    UnambiguousDate,
    MonthNameStyle,
    Default,
}
pub fn detect_numeric_order(_text: &str) -> (NumericOrder, OrderEvidence) {
    (NumericOrder::DayFirst, OrderEvidence::Default)
}
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    Day,
    Month,
    Year,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch {
    pub span: Range<usize>,
    pub start: PartialDate,
    pub end: PartialDate,
    pub precision: Precision,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
    pub year_inferred: bool,
}
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
static RE: Lazy<Regex> = Lazy::new(|| {
    let m = "(january|february|march|april|may|june|july|august|september|october|november|december)";
    Regex::new(&format!(
        r"(?i-u)\b(?:(?P<a1>\d{{1,2}})(?:\s*(?:-|–)\s*(?P<a2>\d{{1,2}}))?\s+(?P<am>{m})(?:,?\s+(?P<ay>\d{{4}}))?|(?:from\s+)?(?P<bm>{m})\s+(?P<b1>\d{{1,2}})(?:\s*(?:(?:-|–)|to)\s*(?P<b2>\d{{1,2}}))?(?:,\s+(?P<by>\d{{4}}))?)\b"
    ))
    .unwrap()
});
pub fn find_dates(text: &str, _order: NumericOrder) -> Vec<DateMatch> {
    let mut out = Vec::new();
    for c in RE.captures_iter(text) {
        let g = |n: &str| c.name(n).map(|m| m.as_str());
        let month = |s: &str| MONTHS.iter().position(|m| m.eq_ignore_ascii_case(s)).map(|i| i as u32 + 1);
        let (d1, d2, m, y) =
            if g("am").is_some() { (g("a1"), g("a2"), g("am"), g("ay")) } else { (g("b1"), g("b2"), g("bm"), g("by")) };
        let year = y.and_then(|y| y.parse().ok());
        let month = m.and_then(month);
        let d1: Option<u32> = d1.and_then(|d| d.parse().ok());
        let d2: Option<u32> = d2.and_then(|d| d.parse().ok()).or(d1);
        let whole = c.get(0).unwrap();
        out.push(DateMatch {
            span: whole.range(),
            start: PartialDate { year, month, day: d1 },
            end: PartialDate { year, month, day: d2 },
            precision: Precision::Day,
        });
    }
    out
}
pub fn resolve(m: &DateMatch, anchor: Option<NaiveDate>) -> Option<Resolved> {
    use chrono::Datelike;
    let (year, inferred) = match m.start.year {
        Some(y) => (y, false),
        None => (anchor?.year(), true),
    };
    let start = NaiveDate::from_ymd_opt(year, m.start.month?, m.start.day?)?;
    let end = NaiveDate::from_ymd_opt(year, m.end.month?, m.end.day?)?;
    Some(Resolved { start, end, precision: m.precision, year_inferred: inferred })
}
