//! Date grammar: finds temporal expressions in bulletin text and resolves them to calendar
//! ranges.
//!
//! * [`find_dates`] finds every expression ("10 December 2022", "December 10-11",
//!   "from November 10 to 18", "18-19 ноября 2022 года", "10.12.2022", "November 2022",
//!   "in 2022" ...) with its byte span, before any year is guessed.
//! * [`resolve`] turns one [`DateMatch`] into a [`Resolved`] range of `chrono::NaiveDate`s,
//!   taking a missing year from an anchor date.
//! * [`resolve_all`] does both for a whole text the way the record contract asks (reference
//!   date, else the nearest dated mention).
//! * [`detect_numeric_order`] decides whether "10/12/2022" is day-first or month-first for a
//!   document.
//!
//! # How it works
//! Almost every date has a digit, so the scanner jumps from one anchor to the next, eight
//! bytes at a time: an ASCII digit run, or a word after whitespace or a hyphen whose first
//! bytes are those of a month name of the tables (a Bloom filter of 3-byte ASCII / 6-byte
//! Cyrillic prefixes; English candidates must be capitalised), for a month written alone.
//! Around an anchor it reads a few tokens back (for "from", a weekday, a month name, a
//! trigger word) and lazily forward, and runs a small grammar once per language of
//! [`lang::LANGS`], keeping the longest match. A month anchor only reports expressions
//! without digits; the digit anchors find the others. Words are classified through one hash lookup in the per-language
//! tables of [`lang`] (case-folded without allocation), so adding a language is data only.
//! No regex is used; the cost is linear in the input and does not depend on whether the text
//! is ASCII.
//!
//! # Decisions
//! * Spans include range openers ("from", "between", "с"), weekdays, "of", ordinal
//!   suffixes and year suffixes ("г.", "года"), but not a plain preposition in front of a
//!   single date or year: "in 2022" gives "2022", "в ноябре 2022 года" gives
//!   "ноябре 2022 года".
//! * A 4-digit year alone (1800..=2199) is a date only right after a year trigger word
//!   ("in", "since", "by", "until", "during", "for", "mid-", "the end of", "в", "с", "до" ...) or before a year
//!   suffix ("2022 году"), and only if the next word is not a lower-case word outside the
//!   language's `year_followers` ("by 2000 people" is a count). "Agenda 2030", "Vision
//!   2030", "Euro 2024" are not dates.
//! * A month name alone, written in full, is a date (precision month, year from the
//!   anchor) only right after a trigger word ("in", "since", "by", "until", "during",
//!   "for", "в", "с", "до" ...), a part word ("early", "mid-", "late", "в начале") or a part
//!   noun with its link ("the end of"); "the march to the border", "May we" are no dates.
//!   Month names that are also ordinary words or names (`Lang::ambiguous_months`: "May",
//!   "March", "August") must also be followed by what may follow a bare year ("after May
//!   said" is no date). Abbreviations alone ("in Dec") are not taken.
//! * "early / mid- / late November" is days 1-10 / 11-20 / 21-end (precision day, the
//!   modifier in the span); "the end of March", "в конце марта" keep the whole month, and
//!   modifiers never narrow a year ("late 2022" is 2022). This follows the project's gold.
//! * A list goes on after a reported date: "December 5 and 6", "March 3, 4 and 5, 2023",
//!   "in 2019, 2020 and 2021", "in November and December": each item takes the month and
//!   year of the one before, must come after it, and a comma must be followed by more of
//!   the list ("On December 5, 6 people were injured" has one date).
//! * English month and weekday names must be capitalised ("may" is a verb); ALL CAPS is fine.
//! * All-numeric dates need a 4-digit year ("10.12.2022", "10/12/2022", "2022-12-10").
//!   Dotted dates are always day-first (a European convention); slash and dash dates follow
//!   the [`NumericOrder`], falling back to the other order when only that one is valid
//!   ("13/12/2022" is day-first whatever the order).
//! * "3 and 5 March" (no "between") is a list: two dates, "3" and "5 March"; the last
//!   separator must be an "and" word ("No. 12, 3 Feb 2023" is no list).
//! * A year range ("2019-2022", "from 2019 to 2022") needs the same trigger as a lone year
//!   (or an opener, or a suffix: "2021–2025 гг."); "the 2021–2025 strategy" is not a date.
//! * Numbers glued to other things are never date parts: "G20", "COVID-19", "$10.12",
//!   "10%", "10:30", "1,000", "10.5", "5km", "10-day", "1990-х".
//! * A date invalid as written ("31 November 2022") is skipped whole: neither it nor its
//!   "November 2022" / "2022 г." tail is reported.
//! * Expressions never cross a blank line; a single line break is allowed (wrapped text).

pub mod lang;
mod tok;

use chrono::{Datelike, NaiveDate};

use lang::{Lang, Part, LANGS};
use tok::{is_dash, read_back, read_fwd, Entry, Gap, Kind, Tok, WordCache};

/// Order of day and month in all-numeric dates ("10/12/2022").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumericOrder {
    /// 10/12/2022 is 10 December 2022 (most of the world).
    #[default]
    DayFirst,
    /// 10/12/2022 is October 12, 2022 (United States).
    MonthFirst,
}

/// Why a document got its numeric order (recorded for the user).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderEvidence {
    /// A numeric date in the document is only valid one way ("13/12/2022").
    UnambiguousDate,
    /// The document writes month-name dates as "December 10" (month first) or
    /// "10 December" (day first).
    MonthNameStyle,
    /// Nothing in the document tells: day first, the convention outside the US.
    Default,
}

/// Decide the order for a whole document: an unambiguous numeric date in it
/// (13/12/2022 => DayFirst), else the style of its month-name dates ("December 10, 2022" =>
/// MonthFirst, "10 December" => DayFirst), else DayFirst (outside the US).
///
/// When several unambiguous numeric dates disagree, or both month-name styles occur, the
/// majority wins (ties go to the next kind of evidence).
///
/// The dates are read paragraph by paragraph (paragraphs are separated by blank lines), as
/// the extractor reads them: no date runs across a blank line.
///
/// # Example
/// ```
/// use bulletin_events::dates::*;
/// assert_eq!(detect_numeric_order("Held on 12/25/2022."),
///            (NumericOrder::MonthFirst, OrderEvidence::UnambiguousDate));
/// assert_eq!(detect_numeric_order("Signed December 10, 2022; due 01/02/2023."),
///            (NumericOrder::MonthFirst, OrderEvidence::MonthNameStyle));
/// assert_eq!(detect_numeric_order("Due 01/02/2023."),
///            (NumericOrder::DayFirst, OrderEvidence::Default));
/// ```
pub fn detect_numeric_order(text: &str) -> (NumericOrder, OrderEvidence) {
    let mut c = Counts::default();
    let lines = crate::layout::lines(text);
    let mut matches = Vec::new();
    for ls in crate::layout::paragraph_lines(&lines) {
        matches.clear();
        c.add(paragraph_dates(&text[lines[ls.start].span.start..lines[ls.end - 1].span.end], &mut matches).counts);
    }
    order_from(c)
}

/// The expressions of one paragraph read day first, with the evidence they give on the order.
#[derive(Clone, Debug, Default)]
pub(crate) struct ParagraphDates {
    /// Where the expressions are in the vector [`paragraph_dates`] appended them to, as
    /// [`find_dates`] with [`NumericOrder::DayFirst`] gives them.
    pub(crate) matches: std::ops::Range<usize>,
    counts: Counts,
    /// Some expression may read differently month first: without it, `matches` hold for
    /// either order.
    pub(crate) order_used: bool,
}

/// Reads one paragraph for [`ParagraphDates`], appending its expressions to `out`.
pub(crate) fn paragraph_dates(text: &str, out: &mut Vec<DateMatch>) -> ParagraphDates {
    let from = out.len();
    let mut counts = Counts::default();
    let order_used = scan(text, NumericOrder::DayFirst, |f| {
        counts.add(f.counts);
        out.push(f.to_match());
        true
    });
    ParagraphDates { matches: from..out.len(), counts, order_used }
}

/// The order the paragraphs' evidence decides (see [`detect_numeric_order`]).
pub(crate) fn order_of<'p>(paragraphs: impl IntoIterator<Item = &'p ParagraphDates>) -> (NumericOrder, OrderEvidence) {
    let mut c = Counts::default();
    for p in paragraphs {
        c.add(p.counts);
    }
    order_from(c)
}

fn order_from(c: Counts) -> (NumericOrder, OrderEvidence) {
    if c.dmy_num != c.mdy_num {
        let o = if c.dmy_num > c.mdy_num { NumericOrder::DayFirst } else { NumericOrder::MonthFirst };
        return (o, OrderEvidence::UnambiguousDate);
    }
    if c.dm != c.md {
        let o = if c.dm > c.md { NumericOrder::DayFirst } else { NumericOrder::MonthFirst };
        return (o, OrderEvidence::MonthNameStyle);
    }
    (NumericOrder::DayFirst, OrderEvidence::Default)
}

/// How precise a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A day or a range of days.
    Day,
    /// A month or a range of months ("November 2022").
    Month,
    /// A year or a range of years ("in 2022").
    Year,
}

/// A calendar date as written; missing parts are None.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartialDate {
    /// The year, when written (or propagated from the other end of the range).
    pub year: Option<i32>,
    /// Month 1..=12.
    pub month: Option<u32>,
    /// Day of month 1..=31.
    pub day: Option<u32>,
}

/// One temporal expression found in a text, before year resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte span in the searched text: `&text[span]` is the expression as written.
    pub span: std::ops::Range<usize>,
    /// First day (or month, or year) of the expression.
    pub start: PartialDate,
    /// Last day (or month, or year); equal to `start` for a single date. With day precision,
    /// a missing day is the last day of the month ("late February").
    pub end: PartialDate,
    /// Day, month or year precision.
    pub precision: Precision,
}

/// Every temporal expression in `text`, in order, non-overlapping, spans relative to `text`.
///
/// `order` decides day/month order for slash- and dash-separated numeric dates (see
/// [`detect_numeric_order`]).
///
/// # Example
/// ```
/// use bulletin_events::dates::*;
/// let text = "The debate was held on December 10-11, 2022 in Dushanbe.";
/// let m = &find_dates(text, NumericOrder::DayFirst)[0];
/// assert_eq!(&text[m.span.clone()], "December 10-11, 2022");
/// assert_eq!(m.start, PartialDate { year: Some(2022), month: Some(12), day: Some(10) });
/// assert_eq!(m.end.day, Some(11));
/// assert!(find_dates("24 teams (2 participants each)", NumericOrder::DayFirst).is_empty());
/// ```
pub fn find_dates(text: &str, order: NumericOrder) -> Vec<DateMatch> {
    let mut out = Vec::new();
    find_dates_into(text, order, &mut out);
    out
}

/// [`find_dates`] appending to `out` (what `out` held before is left as it was).
pub(crate) fn find_dates_into(text: &str, order: NumericOrder, out: &mut Vec<DateMatch>) {
    scan(text, order, |f| {
        out.push(f.to_match());
        true
    });
}

/// The first temporal expression in `text`: the first of [`find_dates`], without reading on.
pub(crate) fn first_date(text: &str, order: NumericOrder) -> Option<DateMatch> {
    let mut first = None;
    scan(text, order, |f| {
        first = Some(f.to_match());
        false
    });
    first
}

/// A resolved range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// First day of the range.
    pub start: NaiveDate,
    /// Last day of the range (inclusive); equals `start` for a single day.
    pub end: NaiveDate,
    /// Day, month or year precision.
    pub precision: Precision,
    /// The year was not written and came from the anchor.
    pub year_inferred: bool,
}

/// Resolve to calendar dates. A missing year comes from `anchor` (the reference date, or the
/// nearest dated mention — the caller chooses): the year among anchor-1, anchor, anchor+1
/// that puts the date closest to the anchor (a "28 December" in a bulletin dated 3 January
/// is the year before).
/// None when the year is unknown and there is no anchor, or the date is invalid
/// (31 November), or the range ends before it starts.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use bulletin_events::dates::*;
/// let text = "Held on 28 December.";
/// let m = &find_dates(text, NumericOrder::DayFirst)[0];
/// let r = resolve(m, NaiveDate::from_ymd_opt(2023, 1, 3)).unwrap();
/// assert_eq!(r.start, NaiveDate::from_ymd_opt(2022, 12, 28).unwrap());
/// assert!(r.year_inferred);
/// assert_eq!(resolve(m, None), None);
/// ```
pub fn resolve(m: &DateMatch, anchor: Option<NaiveDate>) -> Option<Resolved> {
    let (mut s, mut e) = (m.start, m.end);
    // Defensive propagation (find_dates already propagates within an expression).
    propagate_years(&mut s, &mut e);
    if let Some(sy) = s.year {
        let (start, end) = bounds(s, e, sy, e.year.unwrap_or(sy), m.precision)?;
        return Some(Resolved { start, end, precision: m.precision, year_inferred: false });
    }
    let a = anchor?;
    let mut best: Option<(i64, NaiveDate, NaiveDate)> = None;
    for y in [a.year() - 1, a.year(), a.year() + 1] {
        let ey = if end_key(&e) < key(&s) { y + 1 } else { y };
        if let Some((start, end)) = bounds(s, e, y, ey, m.precision) {
            let dist = if a < start {
                (start - a).num_days()
            } else if a > end {
                (a - end).num_days()
            } else {
                0
            };
            if best.is_none_or(|(d, _, _)| dist < d) {
                best = Some((dist, start, end));
            }
        }
    }
    best.map(|(_, start, end)| Resolved { start, end, precision: m.precision, year_inferred: true })
}

/// Find and resolve every date of a text as the record contract asks: a year-less date takes
/// its year from `reference` (the bulletin's issue date) when given, else from the nearest
/// (in bytes) mention of the same text that has a written year. `None` for a date that
/// cannot be resolved (no year anywhere, or invalid).
///
/// # Example
/// ```
/// use bulletin_events::dates::*;
/// let text = "Bishkek, 18-19 November 2022. The debate was held on December 10-11.";
/// let all = resolve_all(text, NumericOrder::DayFirst, None);
/// let r = all[1].1.unwrap();
/// assert_eq!(r.start.to_string(), "2022-12-10");
/// assert!(r.year_inferred);
/// ```
pub fn resolve_all(
    text: &str,
    order: NumericOrder,
    reference: Option<NaiveDate>,
) -> Vec<(DateMatch, Option<Resolved>)> {
    let matches = find_dates(text, order);
    let own: Vec<Option<Resolved>> = matches.iter().map(|m| resolve(m, None)).collect();
    matches
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if own[i].is_some() || m.start.year.is_some() {
                return (m.clone(), own[i]);
            }
            let anchor = reference.or_else(|| nearest_anchor(&matches, &own, &m.span));
            (m.clone(), resolve(m, anchor))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Resolution helpers

/// The anchor for a year-less mention at `span`: the middle of the nearest (in bytes)
/// mention with a written year, preferring day-precision mentions (a bare "in 2022" only
/// says which year, so its middle stands for it).
fn nearest_anchor(matches: &[DateMatch], own: &[Option<Resolved>], span: &std::ops::Range<usize>) -> Option<NaiveDate> {
    let mut best: Option<(bool, usize, NaiveDate)> = None;
    for (m, r) in matches.iter().zip(own) {
        let Some(r) = r else { continue };
        let o = &m.span;
        let dist = if o.start >= span.end { o.start - span.end } else { span.start.saturating_sub(o.end) };
        let coarse = r.precision != Precision::Day;
        let mid = r.start + (r.end - r.start) / 2;
        if best.is_none_or(|(bc, bd, _)| (coarse, dist) < (bc, bd)) {
            best = Some((coarse, dist, mid));
        }
    }
    best.map(|b| b.2)
}

fn key(p: &PartialDate) -> (u32, u32) {
    (p.month.unwrap_or(0), p.day.unwrap_or(0))
}

/// Key of the end of a range: a missing day is the end of the month.
fn end_key(p: &PartialDate) -> (u32, u32) {
    (p.month.unwrap_or(0), p.day.unwrap_or(32))
}

/// Fill a missing year at one end from the other end ("30 November – 2 December 2022",
/// "28 December - 3 January 2023" starts the year before).
fn propagate_years(l: &mut PartialDate, r: &mut PartialDate) {
    match (l.year, r.year) {
        (None, Some(y)) => l.year = Some(if key(l) > end_key(r) { y - 1 } else { y }),
        (Some(y), None) => r.year = Some(if end_key(r) < key(l) { y + 1 } else { y }),
        _ => {}
    }
}

fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// Calendar bounds of a partial range with the given years; None if invalid or reversed.
fn bounds(s: PartialDate, e: PartialDate, sy: i32, ey: i32, p: Precision) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = match p {
        Precision::Day => {
            // A day range may end at the end of a month without naming the day ("late
            // February" = 21 February to the last day of February of that year).
            let end = match e.day {
                Some(d) => NaiveDate::from_ymd_opt(ey, e.month?, d)?,
                None => last_day(ey, e.month?)?,
            };
            (NaiveDate::from_ymd_opt(sy, s.month?, s.day?)?, end)
        }
        Precision::Month => (NaiveDate::from_ymd_opt(sy, s.month?, 1)?, last_day(ey, e.month?)?),
        Precision::Year => (NaiveDate::from_ymd_opt(sy, 1, 1)?, NaiveDate::from_ymd_opt(ey, 12, 31)?),
    };
    (start <= end).then_some((start, end))
}

/// Days in a month when the year is unknown (February may be 29).
fn max_day(month: u32, year: Option<i32>) -> u32 {
    match year {
        Some(y) => last_day(y, month).map_or(0, |d| d.day()),
        None => match month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            1..=12 => 31,
            _ => 0,
        },
    }
}

fn valid(p: &PartialDate) -> bool {
    match (p.month, p.day) {
        (Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= max_day(m, p.year),
        (Some(m), None) => (1..=12).contains(&m),
        (None, None) => p.year.is_some(),
        (None, Some(_)) => false,
    }
}

// ---------------------------------------------------------------------------------------
// Scanner

/// Evidence counted for [`detect_numeric_order`].
#[derive(Clone, Copy, Debug, Default)]
struct Counts {
    dmy_num: u32,
    mdy_num: u32,
    dm: u32,
    md: u32,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.dmy_num += o.dmy_num;
        self.mdy_num += o.mdy_num;
        self.dm += o.dm;
        self.md += o.md;
    }
}

/// A match found by the grammar.
#[derive(Clone, Copy, Debug)]
struct Found {
    start_byte: usize,
    end_byte: usize,
    start: PartialDate,
    end: PartialDate,
    precision: Precision,
    counts: Counts,
}

impl Found {
    fn to_match(self) -> DateMatch {
        DateMatch { span: self.start_byte..self.end_byte, start: self.start, end: self.end, precision: self.precision }
    }
}

/// Tokens read back before the anchor digit run (at most).
const BACK: usize = 5;
/// Tokens read after the anchor to decide which languages to try.
const LOOKAHEAD: usize = 2;
/// Tokens in a window (back + forward).
const MAXT: usize = 24;
/// Plausible written years.
const YEARS: std::ops::RangeInclusive<u32> = 1800..=2199;

/// Quick test on a digit run before any tokenizing: only 1-2 digit days and 4-digit years
/// can start a date, and only when not glued to letters, signs or other numbers.
fn quick_ok(text: &str, ds: usize, de: usize) -> bool {
    let b = text.as_bytes();
    let nd = de - ds;
    if !(nd <= 2 || nd == 4) {
        return false;
    }
    // "1.5", "3/4", "2022.5": a '.' or '/' followed by a digit must start an all-numeric
    // date (d.m.yyyy, d/m/yyyy, yyyy.m.d), else the number is a decimal or a fraction.
    if de + 1 < b.len() && matches!(b[de], b'.' | b'/') && b[de + 1].is_ascii_digit() {
        let sep = b[de];
        let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let n2 = digits(de + 1);
        let p2 = de + 1 + n2;
        let n3 = if n2 <= 2 && p2 + 1 < b.len() && b[p2] == sep { digits(p2 + 1) } else { 0 };
        let date = if nd == 4 { (1..=2).contains(&n3) } else { n3 == 4 };
        if !date {
            return false;
        }
    }
    if nd == 4 {
        let v = b[ds..de].iter().fold(0u32, |v, d| v * 10 + (d - b'0') as u32);
        if !YEARS.contains(&v) {
            return false;
        }
    }
    tok::digits_clean(text, ds, de)
}

use crate::swar::{between, zero_bytes, H8, L8};

/// Bytes that may stand before a month name written alone ("in November", "mid-November").
fn is_sep(c: u8) -> bool {
    c <= b' ' || c == b'-'
}

/// The prefilter for month names written without a number, built from the tables of
/// [`LANGS`]: which first bytes to look at, and a Bloom filter of name prefixes.
struct MonthFilter {
    /// Some language has ASCII month names (looked for with an upper-case first letter).
    upper: bool,
    /// Some language writes ASCII month names in lower case.
    lower: bool,
    /// Some language has non-ASCII month names.
    non_ascii: bool,
    /// All non-ASCII month names start with one of the two lead bytes `lead` and `lead | 1`
    /// (Cyrillic: 0xD0, 0xD1); else any lead byte is looked at.
    lead: Option<u8>,
    /// Bloom filter (4096 bits) of [`month_key`]s of full month names.
    bloom: [u64; 64],
}

/// Prefix key of a word at `p`: its first 3 bytes ASCII-lower-cased when it starts with an
/// ASCII letter, else its first 6 bytes (3 Cyrillic letters). None near the end.
#[inline]
fn month_key(b: &[u8], p: usize) -> Option<u64> {
    let (n, fold) = if b[p] < 0x80 { (3, 0x20_2020) } else { (6, 1 << 63) };
    let x = match b.get(p..p + 8) {
        Some(c) => {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            u64::from_le_bytes(word)
        }
        None => b.get(p..p + n)?.iter().rev().fold(0u64, |a, &x| a << 8 | u64::from(x)),
    };
    Some((x & ((1u64 << (8 * n)) - 1)) | fold)
}

fn bloom_bit(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize
}

static MONTH_FILTER: once_cell::sync::Lazy<MonthFilter> = once_cell::sync::Lazy::new(|| {
    let mut f = MonthFilter { upper: false, lower: false, non_ascii: false, lead: None, bloom: [0; 64] };
    let mut leads = Vec::new();
    for lang in LANGS {
        for &(name, _) in lang.months {
            let lc = name.to_lowercase();
            let nb = lc.as_bytes();
            if nb[0] < 0x80 {
                f.upper = true;
                f.lower |= !lang.names_capitalized;
            } else {
                f.non_ascii = true;
                leads.push(nb[0] & !1);
            }
            // Names shorter than the key are only found next to a number.
            if let Some(k) = month_key(nb, 0) {
                let h = bloom_bit(k);
                f.bloom[h >> 6] |= 1 << (h & 63);
            }
        }
    }
    leads.dedup();
    f.lead = (leads.len() == 1).then(|| leads[0]);
    f
});

impl MonthFilter {
    #[inline]
    fn first_ok(&self, c: u8) -> bool {
        (self.upper && c.is_ascii_uppercase())
            || (self.lower && c.is_ascii_lowercase())
            || (self.non_ascii && self.lead.map_or(c >= 0xC0, |l| c & !1 == l))
    }

    #[inline]
    fn hit(&self, b: &[u8], p: usize) -> bool {
        month_key(b, p).is_some_and(|k| {
            let h = bloom_bit(k);
            self.bloom[h >> 6] & (1 << (h & 63)) != 0
        })
    }
}

/// The next anchor at or after `i`: a digit run (`true`), or a word that may be a month
/// name written alone (`false`: a word after whitespace or a hyphen whose prefix is in the
/// Bloom filter). Eight bytes at a time; most text is rejected on its bytes alone.
fn next_anchor(b: &[u8], mut i: usize) -> Option<(usize, bool)> {
    let f = &*MONTH_FILTER;
    let hi = if f.upper { 0x5B } else { 0x3A };
    let lower = f.lower;
    // lead bytes: an exact pair (`lead_x`), or any byte >= 0xC0 (`any_lead`)
    let (lead_x, lead_on, any_lead) = match (f.non_ascii, f.lead) {
        (false, _) => (0, false, false),
        (true, Some(l)) => (L8 * u64::from(l), true, false),
        (true, None) => (0, false, true),
    };
    let mut carry = i > 0 && b.get(i - 1).copied().is_some_and(is_sep);
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // One cheap test first: digits and ASCII capitals (0x30..=0x5A), the lead bytes of
        // the non-ASCII month names, lower-case ASCII letters if some language needs them.
        let mut firsts = between(x, 0x2F, hi);
        if lower {
            firsts |= between(x, 0x60, 0x7B);
        }
        if lead_on {
            firsts |= zero_bytes((x ^ lead_x) & !L8);
        } else if any_lead {
            firsts |= x & (x << 1) & H8;
        }
        if firsts == 0 {
            carry = is_sep((x >> 56) as u8);
            i += 8;
            continue;
        }
        let digits = between(x, 0x2F, 0x3A);
        let low7 = x & (L8 * 127);
        // bytes below 0x21 (whitespace), and hyphens
        let sep = (!(low7 + L8 * 0x5F) & !x & H8) | zero_bytes(x ^ (L8 * 0x2D));
        let mut m = (((sep << 8) | if carry { 0x80 } else { 0 }) & firsts & !digits) | digits;
        while m != 0 {
            let bit = m & m.wrapping_neg();
            let p = i + (m.trailing_zeros() / 8) as usize;
            if digits & bit != 0 {
                return Some((p, true));
            }
            if f.first_ok(b[p]) && f.hit(b, p) {
                return Some((p, false));
            }
            m &= m - 1;
        }
        carry = sep >> 63 != 0;
        i += 8;
    }
    while i < b.len() {
        if b[i].is_ascii_digit() {
            return Some((i, true));
        }
        if i > 0 && is_sep(b[i - 1]) && f.first_ok(b[i]) && f.hit(b, i) {
            return Some((i, false));
        }
        i += 1;
    }
    None
}

/// Cheap checks before a month name at `ms..we` is parsed as a date of its own: a full
/// month name, not followed by a number (the digit anchor parses "December 10"), after a
/// word that may introduce it (a trigger, a part, a link, an opener, a list word) or a comma.
fn month_alone_plausible(text: &str, ms: usize, we: usize) -> bool {
    if !tok::lookup(&text[ms..we]).iter().any(|e| e.month > 0 && !e.month_abbr) {
        return false;
    }
    let rest = &text.as_bytes()[we..];
    let k = rest.iter().take(3).take_while(|c| c.is_ascii_whitespace()).count();
    match rest.get(k) {
        Some(c) if c.is_ascii_digit() => return false,
        // "December, 2022"
        Some(b',') => {
            let r = &rest[k + 1..];
            let s = r.iter().take(2).take_while(|c| c.is_ascii_whitespace()).count();
            if r[s..].iter().take_while(|c| c.is_ascii_digit()).count() == 4 {
                return false;
            }
        }
        _ => {}
    }
    let mut cache = tok::WordCache::new();
    let Some((mut t, _)) = read_back(text, ms, &mut cache) else {
        return false;
    };
    if t.punct().is_some_and(is_dash) {
        match read_back(text, t.start, &mut cache) {
            Some((p, _)) => t = p,
            None => return false,
        }
    }
    match t.kind {
        Kind::Punct(c) => c == ',',
        Kind::Word { entries, .. } => {
            entries.iter().any(|e| e.year_trigger || e.part.is_some() || e.link || e.from || e.between || e.and)
        }
        Kind::Num { .. } => false,
    }
}

/// Whether `f` was found without any number (a month written alone).
fn digitless(text: &str, f: &Found) -> bool {
    !text.as_bytes()[f.start_byte..f.end_byte].iter().any(u8::is_ascii_digit)
}

/// Hands each expression of `text` to `sink` (which returns false to stop). Returns whether
/// `order` was consulted: when it was not, every expression reads the same in either order.
fn scan(text: &str, order: NumericOrder, sink: impl FnMut(&Found) -> bool) -> bool {
    thread_local! {
        static STORE: std::cell::Cell<Option<Box<WinStore>>> = const { std::cell::Cell::new(None) };
    }
    // the thread's store, or a new one (the first call, or a scan inside a sink)
    let mut store = STORE.take().unwrap_or_else(|| Box::new(WinStore { toks: [DUMMY; MAXT], cache: WordCache::new() }));
    let order_used = scan_with(text, order, sink, &mut store);
    STORE.set(Some(store));
    order_used
}

/// [`scan`] with the window's storage.
fn scan_with(text: &str, order: NumericOrder, mut sink: impl FnMut(&Found) -> bool, store: &mut WinStore) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    let mut floor = 0;
    let mut w = Win::empty(text, store);
    while let Some((ds, digit)) = next_anchor(b, i) {
        if !digit {
            let ms = ds;
            // A month name that may stand alone ("in November").
            let we = tok::word_end(text, ms);
            i = we.max(ms + 1);
            if !month_alone_plausible(text, ms, we) {
                continue;
            }
            w.reset(ms, floor, true);
            let mut best: Option<Found> = None;
            for (li, lang) in LANGS.iter().enumerate() {
                if w.langs & (1 << li) == 0 {
                    continue;
                }
                let g = Grammar { lang, li: li as u8, order };
                for s in w.lo..=w.anchor {
                    if s != w.anchor && !g.can_start(&w.toks[s]) {
                        continue;
                    }
                    if let Some(f) = g.expr(&mut w, s) {
                        if f.start_byte <= ms
                            && f.end_byte > ms
                            && best.is_none_or(|bf| f.end_byte - f.start_byte > bf.end_byte - bf.start_byte)
                        {
                            best = Some(f);
                        }
                        break;
                    }
                }
            }
            // Expressions with a number are left to the digit anchor.
            if let Some(f) = best.filter(|f| digitless(text, f)) {
                if !sink(&f) {
                    return w.order_used;
                }
                w.prev = Some(f);
                floor = f.end_byte;
                i = i.max(f.end_byte);
            }
            continue;
        }
        let mut de = ds;
        while de < b.len() && b[de].is_ascii_digit() {
            de += 1;
        }
        if !quick_ok(text, ds, de) {
            i = de;
            continue;
        }
        w.reset(ds, floor, false);
        let mut best: Option<Found> = None;
        // Only the languages with a table word among the tokens read so far are tried (the
        // first language when there is none yet: all-numeric dates need no words, and its
        // parse reads further tokens that may bring other languages in).
        let _ = w.get(w.anchor + LOOKAHEAD);
        for (li, lang) in LANGS.iter().enumerate() {
            if w.langs & (1 << li) == 0 && !(li == 0 && w.langs == 0) {
                continue;
            }
            let g = Grammar { lang, li: li as u8, order };
            for s in w.lo..=w.anchor {
                if s != w.anchor && !g.can_start(&w.toks[s]) {
                    continue;
                }
                if let Some(f) = g.expr(&mut w, s) {
                    if f.end_byte > ds && best.is_none_or(|bf| f.end_byte - f.start_byte > bf.end_byte - bf.start_byte)
                    {
                        best = Some(f);
                    }
                    break;
                }
            }
        }
        match best {
            Some(f) => {
                if !sink(&f) {
                    return w.order_used;
                }
                w.prev = Some(f);
                floor = f.end_byte;
                i = f.end_byte.max(de);
            }
            None => {
                // An invalid date as written ("31 November 2022") is skipped whole, so
                // that its month or year is not picked up as a date of its own.
                i = de;
                for (li, lang) in LANGS.iter().enumerate() {
                    if w.langs & (1 << li) == 0 {
                        continue;
                    }
                    let g = Grammar { lang, li: li as u8, order };
                    let anchor = w.anchor;
                    if let Some(side) = g.side(&mut w, anchor) {
                        let dated = matches!(side.style, Style::DayMonth | Style::MonthDay);
                        if dated && !valid(&side.date) {
                            i = i.max(w.toks[side.end - 1].end);
                            floor = i;
                        }
                    }
                }
            }
        }
    }
    w.order_used
}

fn langs_of(t: &Tok) -> u32 {
    match t.kind {
        Kind::Word { entries, .. } => entries.iter().fold(0, |m, e| m | 1 << e.lang),
        _ => 0,
    }
}

const DUMMY: Tok = Tok { start: 0, end: 0, gap: Gap::Blank, kind: Kind::Punct(' ') };

/// The storage of a [`Win`]: its tokens and its word cache. Each thread keeps one from text
/// to text: setting up its 2 KB for every paragraph cost more than reading short paragraphs.
struct WinStore {
    toks: [Tok; MAXT],
    cache: WordCache,
}

/// Tokens around one anchor digit run: up to [`BACK`] before it, then lazily forward.
struct Win<'a> {
    text: &'a str,
    /// Valid from `lo` to `n` (what lies outside is left from earlier anchors or texts).
    toks: &'a mut [Tok; MAXT],
    cache: &'a mut WordCache,
    /// First valid token (the anchor is at [`BACK`], earlier tokens were read backwards).
    lo: usize,
    /// Bit set of the languages with a table word among the tokens read so far.
    langs: u32,
    /// End of the valid tokens.
    n: usize,
    anchor: usize,
    fwd_pos: usize,
    fwd_done: bool,
    /// The last expression reported (a list continues it: "December 5 and 6").
    prev: Option<Found>,
    /// The numeric order was consulted (an all-numeric date whose day and month may swap).
    order_used: bool,
}

impl<'a> Win<'a> {
    /// An empty window over `text` in `store`, reused for every anchor (no per-anchor setup
    /// cost). The store's word cache moves on to `text` (it is keyed by offsets into one text).
    fn empty(text: &'a str, store: &'a mut WinStore) -> Self {
        store.cache.next_text(text.len());
        Win {
            text,
            toks: &mut store.toks,
            cache: &mut store.cache,
            lo: 0,
            langs: 0,
            n: 0,
            anchor: 0,
            fwd_pos: 0,
            fwd_done: true,
            prev: None,
            order_used: false,
        }
    }

    /// Refill the window around the token starting at `ds` (a digit run, or a month name
    /// when `word`), never reading before `floor`.
    fn reset(&mut self, ds: usize, floor: usize, word: bool) {
        let text = self.text;
        // A year or a month alone needs its trigger word: read back over triggers too.
        let year = word || self.text.as_bytes()[ds..].iter().take_while(|c| c.is_ascii_digit()).count() == 4;
        let mut cur = read_back(text, ds, self.cache);
        // Gap in front of the anchor.
        let anchor_gap = cur.map_or(Gap::Blank, |x| x.1);
        let mut gap_here = anchor_gap;
        let mut nb = 0;
        self.langs = 0;
        while nb < BACK && gap_here != Gap::Blank {
            let Some((t, _)) = cur else {
                break;
            };
            if t.start < floor {
                break;
            }
            let keep = match t.kind {
                Kind::Num { .. } => false,
                // Only words that can begin an expression ("from", a weekday, a month), or
                // mark a year ("in 2022"), are worth reading past.
                Kind::Word { entries, .. } => entries.iter().any(|e| {
                    e.month > 0
                        || e.weekday
                        || e.from
                        || e.between
                        || e.and
                        || (year && (e.year_trigger || e.to || e.part.is_some() || e.link))
                }),
                Kind::Punct(c) => matches!(c, ',' | '.') || is_dash(c),
            };
            if !keep {
                break;
            }
            let prev = read_back(text, t.start, self.cache);
            // A number before a word ("31 November 2022" rejected as a day) owns that word
            // (not a list word: "December 5 and 6").
            if matches!(t.kind, Kind::Word { entries, .. } if !entries.iter().any(|e| e.and))
                && prev.is_some_and(|(p, g)| matches!(p.kind, Kind::Num { .. }) && g != Gap::Blank)
            {
                break;
            }
            let g = prev.map_or(Gap::Blank, |x| x.1);
            self.langs |= langs_of(&t);
            self.toks[BACK - 1 - nb] = Tok { gap: g, ..t };
            nb += 1;
            gap_here = g;
            cur = prev;
        }
        self.lo = BACK - nb;
        self.n = BACK;
        self.anchor = BACK;
        self.fwd_pos = ds;
        self.fwd_done = false;
        self.pull();
        if self.n > BACK {
            self.toks[BACK].gap = anchor_gap;
        }
    }

    fn pull(&mut self) {
        if self.fwd_done || self.n >= MAXT {
            self.fwd_done = true;
            return;
        }
        match read_fwd(self.text, self.fwd_pos, self.cache) {
            Some(t) if t.gap != Gap::Blank || self.n == self.anchor => {
                self.langs |= langs_of(&t);
                self.toks[self.n] = t;
                self.n += 1;
                self.fwd_pos = t.end;
            }
            _ => self.fwd_done = true,
        }
    }

    fn get(&mut self, i: usize) -> Option<Tok> {
        while i >= self.n && !self.fwd_done {
            self.pull();
        }
        (i < self.n).then(|| self.toks[i])
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// "18" waiting for a month from the other end of a range.
    BareDay,
    /// "10 December \[2022\]".
    DayMonth,
    /// "December 10[, 2022]".
    MonthDay,
    /// "10.12.2022", "2022-12-10".
    Numeric,
    /// "November" waiting for a year ("November–December 2022").
    MonthOnly,
    /// "November 2022".
    MonthYear,
    /// "2022".
    Year,
}

/// One end of an expression.
#[derive(Clone, Copy, Debug)]
struct Side {
    date: PartialDate,
    style: Style,
    /// Token index after the side.
    end: usize,
    /// A year suffix ("г.", "года") was written.
    year_marked: bool,
    counts: Counts,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opener {
    From,
    Between,
}

struct Grammar<'l> {
    lang: &'l Lang,
    li: u8,
    order: NumericOrder,
}

impl Grammar<'_> {
    fn entry(&self, t: &Tok) -> Option<&'static Entry> {
        match t.kind {
            Kind::Word { entries, .. } => entries.iter().find(|e| e.lang == self.li),
            _ => None,
        }
    }

    fn name_ok(&self, t: &Tok) -> bool {
        match t.kind {
            Kind::Word { cap, .. } => cap || !self.lang.names_capitalized,
            _ => false,
        }
    }

    fn month(&self, t: &Tok) -> Option<(u32, bool)> {
        let e = self.entry(t)?;
        (e.month > 0 && self.name_ok(t)).then_some((e.month as u32, e.month_abbr))
    }

    fn weekday(&self, t: &Tok) -> bool {
        self.entry(t).is_some_and(|e| e.weekday) && self.name_ok(t)
    }

    fn can_start(&self, t: &Tok) -> bool {
        self.entry(t).is_some_and(|e| e.from || e.between || e.month > 0 || e.weekday)
    }

    /// A clean number usable as a day or year (not "1.5", not "5km").
    fn num(&self, w: &mut Win, i: usize) -> Option<(u32, u8)> {
        let t = w.get(i)?;
        let Kind::Num { val, nd, clean } = t.kind else {
            return None;
        };
        if !clean {
            return None;
        }
        // "10-day", "5-year", "1990-х": a number glued by a hyphen to a word that is not a
        // month, weekday or hyphenated ordinal ("10-го") is a compound, not a date part.
        if let Some(n1) = w.get(i + 1) {
            if n1.glued() && n1.punct().is_some_and(is_dash) {
                if let Some(n2) = w.get(i + 2) {
                    if n2.glued() && matches!(n2.kind, Kind::Word { .. }) {
                        let ok = self.entry(&n2).is_some_and(|e| e.month > 0 || e.weekday || e.ordinal_hyphen);
                        if !ok {
                            return None;
                        }
                    }
                }
            }
        }
        // decimal tail: "10.5"
        if let Some(n1) = w.get(i + 1) {
            if n1.glued() && matches!(n1.punct(), Some('.' | ',')) {
                if let Some(n2) = w.get(i + 2) {
                    if n2.glued() && matches!(n2.kind, Kind::Num { .. }) {
                        return None;
                    }
                }
            }
        }
        Some((val, nd))
    }

    fn is_word(&self, w: &mut Win, i: usize, pred: impl Fn(&Entry) -> bool) -> bool {
        w.get(i).and_then(|t| self.entry(&t)).is_some_and(pred)
    }

    fn glued_punct(&self, w: &mut Win, i: usize, c: char) -> bool {
        w.get(i).is_some_and(|t| t.glued() && t.punct() == Some(c))
    }

    /// Glued letters after a number: None when there are none, Some(k) = index after an
    /// accepted suffix, or Err when letters are glued but not accepted.
    fn day_suffix(&self, w: &mut Win, k: usize) -> Result<usize, ()> {
        let Some(t) = w.get(k) else { return Ok(k) };
        if !t.glued() {
            return Ok(k);
        }
        match t.kind {
            Kind::Word { .. } => {
                if self.entry(&t).is_some_and(|e| e.ordinal) {
                    Ok(k + 1)
                } else {
                    Err(())
                }
            }
            Kind::Punct(c) if is_dash(c) => {
                let ok = w.get(k + 1).is_some_and(|t2| t2.glued()) && self.is_word(w, k + 1, |e| e.ordinal_hyphen);
                Ok(if ok { k + 2 } else { k })
            }
            _ => Ok(k),
        }
    }

    /// Optional year suffix at `k` ("г.", "года"); returns (index after, marked).
    fn year_suffix(&self, w: &mut Win, k: usize) -> Result<(usize, bool), ()> {
        let Some(t) = w.get(k) else {
            return Ok((k, false));
        };
        if let Some(e) = self.entry(&t) {
            if e.year_suffix {
                let mut k = k + 1;
                if e.year_suffix_abbr && self.glued_punct(w, k, '.') {
                    k += 1;
                }
                return Ok((k, true));
            }
        }
        if t.glued() && matches!(t.kind, Kind::Word { .. }) {
            return Err(());
        }
        Ok((k, false))
    }

    /// A year at `k` (with optional suffix): (year, index after, marked).
    fn year_at(&self, w: &mut Win, k: usize) -> Option<(i32, usize, bool)> {
        let (v, nd) = self.num(w, k)?;
        if nd != 4 || !YEARS.contains(&v) {
            return None;
        }
        let (e, marked) = self.year_suffix(w, k + 1).ok()?;
        Some((v as i32, e, marked))
    }

    /// Optional year after a day/month: " 2022", ", 2022", with suffix.
    fn opt_year(&self, w: &mut Win, k: usize) -> (Option<i32>, usize, bool) {
        if let Some((y, e, m)) = self.year_at(w, k) {
            return (Some(y), e, m);
        }
        if w.get(k).and_then(|t| t.punct()) == Some(',') {
            if let Some((y, e, m)) = self.year_at(w, k + 1) {
                return (Some(y), e, m);
            }
        }
        (None, k, false)
    }

    /// "10.12.2022", "10/12/2022", "2022-12-10" starting at token `j`.
    fn numeric(&self, w: &mut Win, j: usize) -> Option<Side> {
        let t0 = w.get(j)?;
        let Kind::Num { val: a, nd: na, clean: true } = t0.kind else {
            return None;
        };
        let sep = w.get(j + 1)?;
        let c = sep.punct()?;
        if !sep.glued() || !matches!(c, '.' | '/' | '-') {
            return None;
        }
        let num_at = |w: &mut Win, i: usize| -> Option<(u32, u8)> {
            let t = w.get(i)?;
            match t.kind {
                Kind::Num { val, nd, .. } if t.glued() => Some((val, nd)),
                _ => None,
            }
        };
        let (b, nb) = num_at(w, j + 2)?;
        if !self.glued_punct(w, j + 3, c) {
            return None;
        }
        let (c3, n3) = num_at(w, j + 4)?;
        // Not followed by more numeric parts ("1.2.2022.5", an IP address).
        if let Some(t5) = w.get(j + 5) {
            if t5.glued() && matches!(t5.punct(), Some('.' | '/' | '-' | ':' | ',')) {
                if let Some(t6) = w.get(j + 6) {
                    if t6.glued() && matches!(t6.kind, Kind::Num { .. }) {
                        return None;
                    }
                }
            }
        }
        let mut counts = Counts::default();
        let date = if na == 4 {
            if nb > 2 || n3 > 2 || !YEARS.contains(&a) {
                return None;
            }
            PartialDate { year: Some(a as i32), month: Some(b), day: Some(c3) }
        } else {
            if na > 2 || nb > 2 || n3 != 4 || !YEARS.contains(&c3) {
                return None;
            }
            if a > 12 && b <= 12 {
                counts.dmy_num = 1;
            } else if b > 12 && a <= 12 {
                counts.mdy_num = 1;
            }
            let dmy = PartialDate { year: Some(c3 as i32), month: Some(b), day: Some(a) };
            let mdy = PartialDate { year: Some(c3 as i32), month: Some(a), day: Some(b) };
            if c != '.' && a != b {
                w.order_used = true;
            }
            let first = if c == '.' || self.order == NumericOrder::DayFirst { dmy } else { mdy };
            if valid(&first) {
                first
            } else if c != '.' && valid(&if first == dmy { mdy } else { dmy }) {
                if first == dmy {
                    mdy
                } else {
                    dmy
                }
            } else {
                return None;
            }
        };
        if !valid(&date) {
            return None;
        }
        // ISO 8601 date-time: "2023-01-31T12:00" (the date ends before the T).
        if na == 4 {
            if let Some(t5) = w.get(j + 5) {
                let tee = t5.glued() && matches!(&w.text[t5.start..t5.end], "T" | "t");
                if tee && w.get(j + 6).is_some_and(|t6| t6.glued() && matches!(t6.kind, Kind::Num { .. })) {
                    return Some(Side { date, style: Style::Numeric, end: j + 5, year_marked: false, counts });
                }
            }
        }
        let (end, marked) = self.year_suffix(w, j + 5).ok()?;
        Some(Side { date, style: Style::Numeric, end, year_marked: marked, counts })
    }

    /// One end of an expression, starting at token `i`.
    fn side(&self, w: &mut Win, i: usize) -> Option<Side> {
        let mut j = i;
        let t = w.get(j)?;
        if self.weekday(&t) {
            j += 1;
            if self.glued_punct(w, j, '.') {
                j += 1;
            }
            if w.get(j).and_then(|t| t.punct()) == Some(',') {
                j += 1;
            }
        }
        let t = w.get(j)?;
        let side = match t.kind {
            Kind::Num { .. } => {
                if let Some(s) = self.numeric(w, j) {
                    return Some(s);
                }
                let (v, nd) = self.num(w, j)?;
                if nd == 4 {
                    let (y, e, marked) = self.year_at(w, j)?;
                    return (j == i).then_some(Side {
                        date: PartialDate { year: Some(y), ..PartialDate::default() },
                        style: Style::Year,
                        end: e,
                        year_marked: marked,
                        counts: Counts::default(),
                    });
                }
                if !(1..=31).contains(&v) {
                    return None;
                }
                let mut k = self.day_suffix(w, j + 1).ok()?;
                let k0 = k;
                if self.is_word(w, k, |e| e.link) {
                    k += 1;
                }
                let mon = w.get(k).and_then(|t| self.month(&t));
                match mon {
                    Some((m, abbr)) => {
                        k += 1;
                        if abbr && self.glued_punct(w, k, '.') {
                            k += 1;
                        }
                        let (year, e, marked) = self.opt_year(w, k);
                        Side {
                            date: PartialDate { year, month: Some(m), day: Some(v) },
                            style: Style::DayMonth,
                            end: e,
                            year_marked: marked,
                            counts: Counts { dm: 1, ..Counts::default() },
                        }
                    }
                    None => Side {
                        date: PartialDate { day: Some(v), ..PartialDate::default() },
                        style: Style::BareDay,
                        end: k0,
                        year_marked: false,
                        counts: Counts::default(),
                    },
                }
            }
            Kind::Word { .. } => {
                let (m, abbr) = self.month(&t)?;
                let mut k = j + 1;
                if abbr && self.glued_punct(w, k, '.') {
                    k += 1;
                }
                let month_only = Side {
                    date: PartialDate { month: Some(m), ..PartialDate::default() },
                    style: Style::MonthOnly,
                    end: k,
                    year_marked: false,
                    counts: Counts::default(),
                };
                match self.num(w, k) {
                    Some((v, nd)) if nd <= 2 && (1..=31).contains(&v) => {
                        let Ok(k2) = self.day_suffix(w, k + 1) else {
                            return Some(month_only);
                        };
                        let (year, e, marked) = self.opt_year(w, k2);
                        Side {
                            date: PartialDate { year, month: Some(m), day: Some(v) },
                            style: Style::MonthDay,
                            end: e,
                            year_marked: marked,
                            counts: Counts { md: 1, ..Counts::default() },
                        }
                    }
                    Some((_, 4)) | None => match self.opt_year(w, k) {
                        (Some(y), e, marked) => Side {
                            date: PartialDate { year: Some(y), month: Some(m), day: None },
                            style: Style::MonthYear,
                            end: e,
                            year_marked: marked,
                            counts: Counts::default(),
                        },
                        _ => month_only,
                    },
                    _ => month_only,
                }
            }
            Kind::Punct(_) => return None,
        };
        // A weekday must precede a day, not a bare month or year.
        if j != i && !matches!(side.style, Style::DayMonth | Style::MonthDay | Style::BareDay) {
            return None;
        }
        Some(side)
    }

    /// The range separator at `k` allowed after `opener`; index after it.
    fn separator(&self, w: &mut Win, k: usize, opener: Option<Opener>) -> Option<usize> {
        let t = w.get(k)?;
        if let Some(c) = t.punct() {
            return (is_dash(c) && opener != Some(Opener::Between)).then_some(k + 1);
        }
        let e = self.entry(&t)?;
        let ok = match opener {
            Some(Opener::Between) => e.and,
            _ => e.to,
        };
        ok.then_some(k + 1)
    }

    /// The words before token `s` that make a bare year or month a date: a trigger word
    /// ("in", "since", "for", "в"), a part ("early", "в конце"), or a part noun and a link
    /// ("the end of"); a part may be glued with a hyphen ("mid-2022"). Returns the index of
    /// the first of those words and the part, if any.
    fn trigger(&self, w: &Win, s: usize) -> Option<(usize, Option<Part>)> {
        if s <= w.lo {
            return None;
        }
        let t = w.toks[s];
        let mut p = s - 1;
        let pt = w.toks[p];
        if let Some(c) = pt.punct() {
            if !(is_dash(c) && t.glued() && pt.glued() && p > w.lo) {
                return None;
            }
            p -= 1;
        }
        let e = self.entry(&w.toks[p])?;
        if let Some(part) = e.part {
            return Some((p, Some(part)));
        }
        if e.year_trigger && pt.punct().is_none() {
            return Some((p, None));
        }
        if e.link && p > w.lo && pt.punct().is_none() {
            if let Some(part) = self.entry(&w.toks[p - 1]).and_then(|e| e.part) {
                return Some((p - 1, Some(part)));
            }
        }
        None
    }

    /// Whether the token at `e` may follow a bare year or month: the end, punctuation, a
    /// capitalised word, or a listed lower-case word ("in 2022 alone"; not "by 2000 people").
    fn follower_ok(&self, w: &mut Win, e: usize) -> bool {
        match w.get(e) {
            None => true,
            Some(t) => match t.kind {
                Kind::Punct(_) => true,
                Kind::Num { .. } => false,
                Kind::Word { .. } => {
                    w.text[t.start..].chars().next().is_some_and(char::is_uppercase)
                        || self.entry(&t).is_some_and(|x| x.year_follower || x.year_suffix)
                }
            },
        }
    }

    /// Whether a bare year (or month) at tokens `s..e` reads as a date: a trigger before
    /// `s` (or an opener), and an acceptable word after.
    fn year_context(&self, w: &mut Win, s: usize, e: usize, opener: bool, range: bool) -> bool {
        if !(opener || self.trigger(w, s).is_some()) {
            return false;
        }
        range || self.follower_ok(w, e)
    }

    /// A list going on after the last reported date: "December 5 and 6", "in 2019, 2020 and
    /// 2021", "in November and December". The item at token `i` takes the month and year
    /// of the previous one, must come after it, and a comma must be followed by more of the
    /// list. Returns the date, its precision and the token index after it.
    fn continues(&self, w: &mut Win, i: usize, left: &Side) -> Option<(PartialDate, Precision, usize)> {
        let prev = w.prev?;
        if i <= w.lo || prev.start != prev.end {
            return None;
        }
        let sep = w.toks[i - 1];
        let is_and = self.entry(&sep).is_some_and(|e| e.and);
        if !(is_and || sep.punct() == Some(',')) || sep.start < prev.end_byte {
            return None;
        }
        let between = &w.text[prev.end_byte..sep.start];
        if !between.trim().is_empty() || between.matches('\n').count() > 1 {
            return None;
        }
        let p = prev.start;
        let mut d = match (left.style, prev.precision) {
            (Style::BareDay, Precision::Day) if p.month.is_some() => PartialDate { day: left.date.day, ..p },
            (Style::MonthOnly, Precision::Month) if p.day.is_none() => PartialDate { month: left.date.month, ..p },
            (Style::Year, Precision::Year) if p.month.is_none() => left.date,
            _ => return None,
        };
        if (d.year, key(&d)) <= (p.year, key(&p)) || !valid(&d) {
            return None;
        }
        // The year may close the list: "March 3, 4 and 5, 2023".
        let mut end = left.end;
        if left.style == Style::BareDay && d.year.is_none() {
            if let (Some(y), e, _) = self.opt_year(w, left.end) {
                d.year = Some(y);
                end = e;
                if !valid(&d) {
                    return None;
                }
            }
        }
        if !is_and {
            let more = w.get(left.end).is_some_and(|t| t.punct() == Some(',') || self.entry(&t).is_some_and(|e| e.and));
            if !more {
                return None;
            }
        }
        self.follower_ok(w, end).then_some((d, prev.precision, end))
    }

    /// An expression starting at token `s`.
    fn expr(&self, w: &mut Win, s: usize) -> Option<Found> {
        let t0 = w.get(s)?;
        let mut i = s;
        let opener = match self.entry(&t0) {
            Some(e) if e.from => Some(Opener::From),
            Some(e) if e.between => Some(Opener::Between),
            _ => None,
        };
        if opener.is_some() {
            i += 1;
        }
        let left = self.side(w, i)?;
        // A range?
        if let Some(k) = self.separator(w, left.end, opener) {
            if let Some(right) = self.side(w, k) {
                if let Some(f) = self.combine(w, s, left, right, opener.is_some()) {
                    return Some(f);
                }
            }
        }
        // A list "3 and 5 March", "3, 4 and 5 March": this day takes the month of the last.
        // The last separator must be an "and" word: "No. 12, 3 Feb 2023" is no list.
        if left.style == Style::BareDay && opener.is_none() {
            let mut k = left.end;
            for _ in 0..8 {
                let Some(t) = w.get(k) else { break };
                let is_and = self.entry(&t).is_some_and(|e| e.and);
                if t.punct() != Some(',') && !is_and {
                    break;
                }
                let Some(next) = self.side(w, k + 1) else {
                    break;
                };
                match next.style {
                    Style::BareDay => k = next.end,
                    Style::DayMonth if is_and => {
                        let d = PartialDate { day: left.date.day, ..next.date };
                        if !valid(&d) {
                            break;
                        }
                        return Some(self.found(w, i, left.end, d, d, Precision::Day, left.counts));
                    }
                    _ => break,
                }
            }
        }
        // A single date.
        let (p, ok) = match left.style {
            Style::DayMonth | Style::MonthDay | Style::Numeric => (Precision::Day, true),
            Style::MonthYear => (Precision::Month, true),
            Style::Year => (Precision::Year, left.year_marked || self.year_context(w, i, left.end, false, false)),
            // A month name alone, written in full, after a trigger: "in November".
            Style::MonthOnly => {
                let e = w.get(i).and_then(|t| self.entry(&t));
                let full = e.is_some_and(|e| !e.month_abbr);
                let ambiguous = e.is_some_and(|e| e.ambiguous);
                let ok = opener.is_none()
                    && full
                    && self.trigger(w, i).is_some()
                    && (!ambiguous || self.follower_ok(w, left.end));
                (Precision::Month, ok)
            }
            Style::BareDay => (Precision::Day, false),
        };
        if !ok && opener.is_none() {
            if let Some((d, p, end)) = self.continues(w, i, &left) {
                return Some(self.found(w, i, end, d, d, p, left.counts));
            }
        }
        if !ok || !valid(&left.date) {
            return None;
        }
        // "early November", "mid-November 2022", "late December": a third of the month.
        if p == Precision::Month {
            if let Some((pi, Some(part))) = self.trigger(w, i) {
                let (a, b) = match part {
                    Part::Whole => (None, None),
                    Part::Early => (Some(1), Some(10)),
                    Part::Mid => (Some(11), Some(20)),
                    Part::Late => (Some(21), None),
                };
                if a.is_some() {
                    let start = PartialDate { day: a, ..left.date };
                    let end = PartialDate { day: b, ..left.date };
                    return Some(self.found(w, pi, left.end, start, end, Precision::Day, left.counts));
                }
            }
        }
        Some(self.found(w, i, left.end, left.date, left.date, p, left.counts))
    }

    #[allow(clippy::too_many_arguments)]
    fn found(
        &self,
        w: &Win,
        s: usize,
        e: usize,
        start: PartialDate,
        end: PartialDate,
        precision: Precision,
        counts: Counts,
    ) -> Found {
        Found { start_byte: w.toks[s].start, end_byte: w.toks[e - 1].end, start, end, precision, counts }
    }

    /// Combine two ends into a range starting at token `s`.
    fn combine(&self, w: &mut Win, s: usize, l: Side, r: Side, opener: bool) -> Option<Found> {
        use Style::*;
        let mut end_tok = r.end;
        let counts = Counts {
            dmy_num: l.counts.dmy_num + r.counts.dmy_num,
            mdy_num: l.counts.mdy_num + r.counts.mdy_num,
            dm: l.counts.dm + r.counts.dm,
            md: l.counts.md + r.counts.md,
        };
        let (mut a, mut b, p) = match (l.style, r.style) {
            (BareDay, DayMonth | Numeric) => {
                if l.date.day >= r.date.day {
                    return None;
                }
                (PartialDate { day: l.date.day, ..r.date }, r.date, Precision::Day)
            }
            (MonthDay, BareDay) if l.date.year.is_none() => {
                if l.date.day >= r.date.day {
                    return None;
                }
                let (year, e, _) = self.opt_year(w, r.end);
                end_tok = e;
                let a = PartialDate { year, ..l.date };
                (a, PartialDate { day: r.date.day, ..a }, Precision::Day)
            }
            (DayMonth | MonthDay | Numeric, DayMonth | MonthDay | Numeric) => (l.date, r.date, Precision::Day),
            (MonthOnly | MonthYear, MonthOnly | MonthYear) => {
                // Without any year: "from November to December", "in November–December".
                if l.date.year.is_none() && r.date.year.is_none() && !opener && self.trigger(w, s).is_none() {
                    return None;
                }
                (l.date, r.date, Precision::Month)
            }
            (Year, Year) => {
                let ok = r.year_marked || self.year_context(w, s, r.end, opener, true);
                if !ok {
                    return None;
                }
                (l.date, r.date, Precision::Year)
            }
            _ => return None,
        };
        propagate_years(&mut a, &mut b);
        if !valid(&a) || !valid(&b) {
            return None;
        }
        if let (Some(ay), Some(by)) = (a.year, b.year) {
            if (ay, key(&a)) >= (by, key(&b)) {
                return None;
            }
        }
        Some(self.found(w, s, end_tok, a, b, p, counts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_store_carries_nothing_from_one_text_to_the_next() {
        let texts = [
            "Between 3 and 5 March 2023, in Geneva; then on 14.03.2023 and from 1 to 3 April.",
            "On 5 March.",
            "",
            "In November 2022 the office moved; December 5 and 6 were holidays, 2021-12-31 too.",
            "31 November 2022",
            "12/10/2022",
            "Ежегодно 15 марта 2023 года, с 1 по 3 апреля.",
        ];
        // each text read on a thread of its own (a new store), then all in a row on one thread,
        // forwards and backwards
        let alone: Vec<Vec<DateMatch>> = texts
            .iter()
            .map(|t| {
                let t = t.to_string();
                std::thread::spawn(move || find_dates(&t, NumericOrder::DayFirst)).join().unwrap()
            })
            .collect();
        assert!(alone[0].len() >= 3 && alone[1].len() == 1 && alone[2].is_empty());
        let forwards: Vec<_> = texts.iter().map(|t| find_dates(t, NumericOrder::DayFirst)).collect();
        assert_eq!(forwards, alone);
        let mut backwards: Vec<_> = texts.iter().rev().map(|t| find_dates(t, NumericOrder::DayFirst)).collect();
        backwards.reverse();
        assert_eq!(backwards, alone);
        // a scan inside a scan's sink gets a store of its own
        let mut inner = Vec::new();
        let mut outer = Vec::new();
        scan(texts[0], NumericOrder::DayFirst, |f| {
            inner.push(find_dates(texts[3], NumericOrder::DayFirst));
            outer.push(f.to_match());
            true
        });
        assert_eq!(outer, alone[0]);
        assert!(inner.iter().all(|d| *d == alone[3]));
    }

    fn d(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn one(text: &str) -> DateMatch {
        let v = find_dates(text, NumericOrder::DayFirst);
        assert_eq!(v.len(), 1, "{text:?} gave {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn detect_unambiguous_numeric() {
        assert_eq!(
            detect_numeric_order("Report of 13/12/2022, see also 01/02/2023."),
            (NumericOrder::DayFirst, OrderEvidence::UnambiguousDate)
        );
        assert_eq!(
            detect_numeric_order("December 10, 2022. Filed 12/25/2022."),
            (NumericOrder::MonthFirst, OrderEvidence::UnambiguousDate)
        );
        // the numeric evidence beats the month-name style
        assert_eq!(
            detect_numeric_order("On December 10, 2022 and December 11, 2022; form 25.12.2022"),
            (NumericOrder::DayFirst, OrderEvidence::UnambiguousDate)
        );
    }

    #[test]
    fn detect_month_name_style() {
        assert_eq!(
            detect_numeric_order("SAN FRANCISCO, March 3 - The company said on 04/05/2023"),
            (NumericOrder::MonthFirst, OrderEvidence::MonthNameStyle)
        );
        assert_eq!(
            detect_numeric_order("10 December 2022, Dushanbe. Deadline 04/05/2023."),
            (NumericOrder::DayFirst, OrderEvidence::MonthNameStyle)
        );
        assert_eq!(
            detect_numeric_order("10 декабря 2022 г., г. Душанбе"),
            (NumericOrder::DayFirst, OrderEvidence::MonthNameStyle)
        );
    }

    #[test]
    fn detect_default() {
        assert_eq!(detect_numeric_order(""), (NumericOrder::DayFirst, OrderEvidence::Default));
        assert_eq!(
            detect_numeric_order("Deadline 04/05/2023; 24 teams."),
            (NumericOrder::DayFirst, OrderEvidence::Default)
        );
        // one of each style: a tie falls through to the default
        assert_eq!(
            detect_numeric_order("On 10 December and on December 12."),
            (NumericOrder::DayFirst, OrderEvidence::Default)
        );
    }

    #[test]
    fn resolve_year_boundary() {
        let m = one("a meeting on 28 December");
        let r = resolve(&m, Some(d(2023, 1, 3))).unwrap();
        assert_eq!((r.start, r.end), (d(2022, 12, 28), d(2022, 12, 28)));
        assert!(r.year_inferred);
        let m = one("due on 3 January");
        let r = resolve(&m, Some(d(2022, 12, 28))).unwrap();
        assert_eq!(r.start, d(2023, 1, 3));
        let m = one("from 28 December to 3 January");
        let r = resolve(&m, Some(d(2023, 1, 10))).unwrap();
        assert_eq!((r.start, r.end), (d(2022, 12, 28), d(2023, 1, 3)));
        let r = resolve(&m, Some(d(2022, 12, 1))).unwrap();
        assert_eq!((r.start, r.end), (d(2022, 12, 28), d(2023, 1, 3)));
    }

    #[test]
    fn resolve_explicit_and_propagated() {
        let m = one("28 December - 3 January 2023");
        assert_eq!(m.start.year, Some(2022));
        let r = resolve(&m, None).unwrap();
        assert_eq!((r.start, r.end), (d(2022, 12, 28), d(2023, 1, 3)));
        assert!(!r.year_inferred);
        let m = one("30 November – 2 December 2022");
        let r = resolve(&m, Some(d(1999, 1, 1))).unwrap();
        assert_eq!((r.start, r.end), (d(2022, 11, 30), d(2022, 12, 2)));
        assert!(!r.year_inferred);
    }

    #[test]
    fn resolve_month_and_year_precision() {
        let r = resolve(&one("in February 2024"), None).unwrap();
        assert_eq!((r.start, r.end), (d(2024, 2, 1), d(2024, 2, 29)));
        assert_eq!(r.precision, Precision::Month);
        let r = resolve(&one("since 2019"), None).unwrap();
        assert_eq!((r.start, r.end), (d(2019, 1, 1), d(2019, 12, 31)));
        assert_eq!(r.precision, Precision::Year);
    }

    #[test]
    fn resolve_invalid_and_missing() {
        // 31 November is never found
        assert!(find_dates("on 31 November 2022", NumericOrder::DayFirst).is_empty());
        // 29 February without a year is found, and resolves only to a leap year
        let m = one("on 29 February");
        let r = resolve(&m, Some(d(2023, 6, 1))).unwrap();
        assert_eq!(r.start, d(2024, 2, 29));
        assert_eq!(resolve(&m, Some(d(2022, 6, 1))), None);
        assert_eq!(resolve(&one("on 10 December"), None), None);
    }

    #[test]
    fn swar_masks_match_bytewise() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut x = [b'a'; 8];
                x[pos] = b;
                let x = u64::from_le_bytes(x);
                let bit = 0x80u64 << (8 * pos);
                assert_eq!(between(x, 0x2F, 0x3A) & bit != 0, b.is_ascii_digit(), "byte {b} at {pos}");
                assert_eq!(between(x, 0x40, 0x5B) & bit != 0, b.is_ascii_uppercase(), "byte {b} at {pos}");
                assert_eq!(zero_bytes(x) & bit != 0, b == 0, "byte {b} at {pos}");
            }
        }
        let t = "abc\u{444}\u{444}defgh 7";
        assert_eq!(next_anchor(t.as_bytes(), 0), Some((t.len() - 1, true)));
        let t = "long text with words before in November";
        assert_eq!(next_anchor(t.as_bytes(), 0), Some((t.len() - 8, false)));
        let t = "долгий текст и слова перед в ноябре";
        assert_eq!(next_anchor(t.as_bytes(), 0), Some((t.len() - "ноябре".len(), false)));
    }

    #[test]
    fn spans_are_char_boundaries_on_odd_input() {
        let inputs = [
            "",
            "1",
            "0000000000000000000000000000000000000",
            "ı̇10 декабря\u{301} 2022 г.\u{200f}",
            "🎉10🎉December🎉2022",
            "١٠ ديسمبر 2022 — 10 December",
            "\u{301}\u{301}5 Dec",
            "9999999999999999999999/99/9999 99.99.9999 2022-99-99",
            "10 - - - 12 December --- 2022",
        ];
        for s in inputs {
            for m in find_dates(s, NumericOrder::MonthFirst) {
                assert!(s.get(m.span.clone()).is_some(), "{s:?} {m:?}");
            }
        }
    }
}
