//! Counts of things and people in bulletin prose: "24 teams", "2 participants each",
//! "more than 300 participants", "IN TWO REGIONS", "1.5 million people", "25 человек",
//! "более 300 участников", "две области".
//!
//! [`find_quantities`] scans the text once with a hand-written tokenizer (no regex, no
//! allocation except for the results, and a normalised copy of `exclude` when it is not sorted
//! and disjoint) and reports every *number + counted noun*.
//!
//! # What is a count
//! A number (digits, or English/Russian number words) followed by at most three modifiers
//! (adjectives, participles, capitalised names, possessives) and a counted noun:
//! - after a value other than one, the noun must look plural: an English word ending in "s"
//!   ("teams", "households", "NGOs"), an irregular plural from a table ("people", "children",
//!   "staff"), or any Russian noun ("человек", "областях"); an English noun-noun compound takes
//!   the second plural ("12 sports facilities" → "facilities");
//! - after one ("1 child", "one school"), the first lower-case word that is not adjective-like
//!   (or, for a two-noun compound that ends the phrase, the second: "one health worker died"
//!   → "worker").
//!
//! The noun phrase stops at punctuation, a blank line, a digit, and at stop words from
//! `tables.rs` (prepositions, conjunctions, determiners, auxiliaries: "2 participants each",
//! "25 people from"). A capitalised word is not the unit in running text ("10 Downing",
//! "the 2030 Agenda") except a plural demonym ("300 Afghans", "50 Somalis"); on an ALL-CAPS
//! line ("IN TWO REGIONS OF TURKMENISTAN" → 2 "regions") or a Title Case line ("Over 300
//! Migrants Receive Aid" → 300 "migrants") capitalised words count as plain words. Plural
//! acronyms are units ("5 NGOs" → "ngos").
//!
//! # Design decisions
//! - **Span**: covers the number through the unit as written ("1.5 million people",
//!   "a dozen volunteers"); a qualifier before the number is *not* in the span and is reported
//!   in [`QuantityMatch::qualifier`], lower-cased ("more than", "some", "более").
//! - **Not counts** (nothing reported): years ("in 2022", "18, 2022"), day numbers next to a
//!   month ("10 December", "December 10-11"), times ("10:30", "10 am"), money ("$5 million",
//!   "USD 2,000", "5 million dollars", "€300"), percentages ("40%", "40 per cent"), ordinals
//!   ("2nd"), numbers glued to letters or hyphens ("G20", "COVID-19", "18-year-old",
//!   "two-day"), labels ("Article 5", "Resolution 2250", "Agenda 2030", "No. 3", "top 10"),
//!   ages ("aged 18"), zero, numbers with leading zeros, "one" as a pronoun ("one of the",
//!   "the one who", "no one") or in set phrases ("one way"), ratio bases ("seven out of ten
//!   households", "one in five children"), fractions ("two thirds of households"), currency
//!   codes before or after ("KES 2,000", "10 000 KZT"), year ranges ("2022-23 students"), and
//!   numbers right after a capitalised word inside a sentence, which belong to a name
//!   ("Windows 10 users", "Highway 7"; months excepted, and not on headline-style lines).
//! - **Durations** ("3 days", "two weeks", "10 years") are not counts: dates and durations
//!   belong to the date extractor.
//! - **Measurements** ("50 km", "20 tonnes of food", "5 litres") are not counts: they measure
//!   an amount; only things and people are counted.
//! - **"a dozen" / "two dozen"** count as 12 / 24; "dozens of", "hundreds of", "thousands of"
//!   have no definite value and are skipped. "a hundred", "a thousand", "a million" are
//!   100, 1000, 1e6.
//! - **Ranges** ("10-15 people", "from 10 to 15 people", "between 10 and 15 people"): only the
//!   upper bound is reported, with qualifier "up to"; the span starts at the upper number.
//! - **Separators**: "1,200", "3 000" / "3 000" (space, no-break, thin space; groups of
//!   exactly three digits), "1.5", Russian decimal comma "1,5"; "1.200.000" (two or more dot
//!   groups) is a European thousands form, a single ".200" is a decimal point.
//! - **Scales**: "million", "bn", "млн", "тыс.", glued "1.5m", "10k" multiply the value.
//! - A four-digit number 1800..=2100 without separators is a year after a year preposition
//!   ("in", "since", "by", "of", "в", "с" ... from `tables.rs`), after "Month DD," or before a
//!   capitalised word in running text; otherwise "2000 people" is a count.

mod tables;

use once_cell::sync::Lazy;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use tables::NumKind;

/// One count found in the text.
///
/// `&text[span]` is the number through the counted noun exactly as written; the qualifier
/// ("more than", "около") stands before the span and is not part of it.
#[derive(Clone, Debug, PartialEq)]
pub struct QuantityMatch {
    /// Byte range of the number through the unit, as written ("1.5 million people").
    pub span: Range<usize>,
    /// The number: 24.0 for "24", 2.0 for "two", 1_500_000.0 for "1.5 million", 12.0 for
    /// "a dozen".
    pub value: f64,
    /// The counted noun as written, lower-cased ("teams", "people", "regions", "человек").
    pub unit: String,
    /// Lower-cased qualifier before the number ("more than", "about", "at least", "up to",
    /// "nearly", "over", "some", "более", "около"), or `None`. One of a fixed list: borrowed,
    /// never allocated.
    pub qualifier: Option<Cow<'static, str>>,
}

/// Every count in `text`, in text order, with spans relative to `text`.
///
/// `exclude` holds byte ranges already claimed by other extractors (dates), normally sorted by
/// start and disjoint (other orders are accepted and normalised); a count whose span overlaps
/// one of them is dropped. Empty ranges exclude nothing. Dates are also recognised without
/// `exclude` ("10 December", "December 10-11", "2022" are never counts).
///
/// Never panics; runs in time linear in `text.len()`.
///
/// # Example
/// ```
/// use bulletin_events::quantities::find_quantities;
/// let text = "attended by 24 teams (2 participants each), and more than 300 people";
/// let found = find_quantities(text, &[]);
/// let got: Vec<(f64, &str, Option<&str>, &str)> = found
///     .iter()
///     .map(|q| (q.value, q.unit.as_str(), q.qualifier.as_deref(), &text[q.span.clone()]))
///     .collect();
/// assert_eq!(
///     got,
///     vec![
///         (24.0, "teams", None, "24 teams"),
///         (2.0, "participants", None, "2 participants"),
///         (300.0, "people", Some("more than"), "300 people"),
///     ]
/// );
/// ```
pub fn find_quantities(text: &str, exclude: &[Range<usize>]) -> Vec<QuantityMatch> {
    let mut out = Vec::new();
    find_quantities_into(text, exclude, &mut out);
    out
}

/// [`find_quantities`] appending to `out` (what `out` held before is left as it was): a
/// pipeline reading many texts reuses one vector.
pub(crate) fn find_quantities_into(text: &str, exclude: &[Range<usize>], out: &mut Vec<QuantityMatch>) {
    find_with(text, exclude, out, true);
}

/// [`find_quantities_into`], with `skip_plain` false when the scanner is to step over plain
/// words one at a time instead of eight bytes a step (the tests compare the two).
fn find_with(text: &str, exclude: &[Range<usize>], out: &mut Vec<QuantityMatch>, skip_plain: bool) {
    // The fast path needs ranges sorted by start and disjoint; anything else is normalised once.
    let well_formed = exclude.windows(2).all(|w| w[0].start <= w[1].start && w[0].end <= w[1].start);
    let normalised;
    let exclude = if well_formed {
        exclude
    } else {
        let mut v: Vec<Range<usize>> = exclude.iter().filter(|r| r.start < r.end).cloned().collect();
        v.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(v.len());
        for r in v {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        normalised = merged;
        &normalised[..]
    };
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        exclude,
        out: std::mem::take(out),
        lex: &LEXICON,
        line_cache: std::cell::Cell::new(None),
        skip_plain,
    };
    scanner.run();
    *out = scanner.out;
}

// ---------------------------------------------------------------------------------------------
// Lexicon

const F_NUM: u32 = 1;
const F_STOP: u32 = 1 << 1;
const F_MONTH: u32 = 1 << 2;
const F_TIME: u32 = 1 << 3;
const F_MONEY: u32 = 1 << 4;
const F_MEASURE: u32 = 1 << 5;
const F_LABEL: u32 = 1 << 6;
const F_YEAR_PREP: u32 = 1 << 7;
const F_AGE: u32 = 1 << 8;
const F_ONE_PRONOUN: u32 = 1 << 9;
const F_VAGUE_ONE: u32 = 1 << 10;
const F_IRREGULAR: u32 = 1 << 11;
const F_NOT_PLURAL: u32 = 1 << 12;
const F_VERB: u32 = 1 << 13;
const F_NOT_COUNT: u32 = F_TIME | F_MONEY | F_MEASURE;

#[derive(Clone, Copy, Default)]
struct Entry {
    flags: u32,
    num: Option<(f64, NumKind)>,
}

/// Bytes examined on each side of a number to classify its line's case.
const LINE_WINDOW: usize = 300;

/// Number of letters the number-word prefilter distinguishes: a-z and а-я.
const LETTERS: usize = 58;

struct Lexicon {
    map: HashMap<&'static [u8], Entry, crate::hash::FxBuild>,
    /// The entries of `map` keyed by at most eight lower-case ASCII bytes, by their packed
    /// bytes (most look-ups; see [`crate::words::ShortKeys`]).
    short: crate::words::ShortKeys<Entry>,
    /// For (first letter, last letter): bit `n` set when a number word of `n` chars exists.
    num_filter: Vec<u32>,
    /// Letters that start some number word.
    num_first: [bool; LETTERS],
    /// `num_first` by ASCII char: one load for the first letter of most words.
    num_first_ascii: [bool; 128],
    /// For a first letter: bit `s` set when a number word has second letter `s`.
    num_second: [u64; LETTERS],
    /// By ASCII first byte: bit `d` of the two words (128 bits) set when `may_start_number`
    /// and `may_begin_number` both hold for it and the ASCII second byte `d` (the run loop's
    /// test in one load).
    ascii_pairs: [[u64; 2]; 128],
}

impl Lexicon {
    fn get(&self, lower: &[u8]) -> Entry {
        match crate::words::pack_lower8_exact(lower) {
            Some(key) => self.short.get(key).unwrap_or_default(),
            None => self.map.get(lower).copied().unwrap_or_default(),
        }
    }
    /// `may_start_number(c) && may_begin_number(c, d)` for ASCII `c` and `d`.
    #[inline]
    fn ascii_pair(&self, c: u8, d: u8) -> bool {
        self.ascii_pairs[usize::from(c & 0x7F)][usize::from(d >> 6 & 1)] >> (d & 63) & 1 == 1
    }
    fn may_start_number(&self, first: char) -> bool {
        if first.is_ascii() {
            return self.num_first_ascii[first as usize];
        }
        letter_index(first).is_some_and(|f| self.num_first[f])
    }
    /// Whether some number word starts with `first` then `second` (the part of
    /// [`Lexicon::may_be_number`] known before the word's end is found).
    fn may_begin_number(&self, first: char, second: char) -> bool {
        match (letter_index(first), letter_index(second)) {
            (Some(f), Some(s)) => self.num_second[f] & (1u64 << s) != 0,
            _ => false,
        }
    }
    fn may_be_number(&self, first: char, second: char, last: char, nchars: usize) -> bool {
        self.may_begin_number(first, second)
            && match (letter_index(first), letter_index(last)) {
                (Some(f), Some(l)) => nchars < 32 && self.num_filter[f * LETTERS + l] & (1u32 << nchars) != 0,
                _ => false,
            }
    }
}

static LEXICON: Lazy<Lexicon> = Lazy::new(|| {
    let mut map: HashMap<&'static [u8], Entry, crate::hash::FxBuild> = HashMap::default();
    let mut add = |words: &[&'static str], flag: u32| {
        for w in words {
            map.entry(w.as_bytes()).or_default().flags |= flag;
        }
    };
    add(tables::EN_STOP_WORDS, F_STOP);
    add(tables::RU_STOP_WORDS, F_STOP);
    add(tables::EN_TIME_WORDS, F_TIME);
    add(tables::RU_TIME_WORDS, F_TIME);
    add(tables::EN_MONEY_WORDS, F_MONEY);
    add(tables::CURRENCY_CODES, F_MONEY);
    add(tables::RU_MONEY_WORDS, F_MONEY);
    add(tables::EN_MEASURE_WORDS, F_MEASURE);
    add(tables::EN_FRACTION_WORDS, F_MEASURE);
    add(tables::RU_FRACTION_WORDS, F_MEASURE);
    add(tables::RU_MEASURE_WORDS, F_MEASURE);
    add(tables::EN_LABEL_WORDS, F_LABEL);
    add(tables::RU_LABEL_WORDS, F_LABEL);
    add(tables::EN_YEAR_PREPOSITIONS, F_YEAR_PREP);
    add(tables::RU_YEAR_PREPOSITIONS, F_YEAR_PREP);
    add(tables::EN_AGE_WORDS, F_AGE);
    add(tables::RU_AGE_WORDS, F_AGE);
    add(tables::EN_ONE_PRONOUN_BEFORE, F_ONE_PRONOUN);
    add(tables::RU_ONE_PRONOUN_BEFORE, F_ONE_PRONOUN);
    add(tables::EN_VAGUE_AFTER_ONE, F_VAGUE_ONE);
    add(tables::EN_IRREGULAR_PLURALS, F_IRREGULAR);
    add(tables::EN_NOT_PLURAL, F_NOT_PLURAL);
    add(tables::EN_COMMON_VERBS, F_VERB);
    // Month names and abbreviations come from the date grammar's language tables.
    for lang in crate::dates::lang::LANGS {
        for (m, _) in lang.months.iter().chain(lang.month_abbrevs) {
            map.entry(m.as_bytes()).or_default().flags |= F_MONTH;
        }
    }
    let mut num_filter = vec![0u32; LETTERS * LETTERS];
    let mut num_first = [false; LETTERS];
    let mut num_second = [0u64; LETTERS];
    for &(w, v, kind) in tables::EN_NUMBER_WORDS.iter().chain(tables::RU_NUMBER_WORDS.iter()) {
        let e = map.entry(w.as_bytes()).or_default();
        e.flags |= F_NUM;
        e.num = Some((v, kind));
        let first = w.chars().next().and_then(letter_index);
        let last = w.chars().next_back().and_then(letter_index);
        let n = w.chars().count();
        if let (Some(f), Some(l)) = (first, last) {
            num_first[f] = true;
            if let Some(s) = w.chars().nth(1).and_then(letter_index) {
                num_second[f] |= 1u64 << s;
            }
            if n < 32 {
                num_filter[f * LETTERS + l] |= 1u32 << n;
            }
        }
    }
    let mut num_first_ascii = [false; 128];
    for (c, slot) in num_first_ascii.iter_mut().enumerate() {
        *slot = letter_index(char::from(c as u8)).is_some_and(|f| num_first[f]);
    }
    let short = crate::words::ShortKeys::new(
        map.iter().filter_map(|(k, e)| Some((crate::words::pack_lower8_exact(k)?, *e))),
        |a, _| a,
    );
    let mut lex =
        Lexicon { map, short, num_filter, num_first, num_first_ascii, num_second, ascii_pairs: [[0; 2]; 128] };
    for c in 0..128u8 {
        for d in 0..128u8 {
            let (f, s) = (char::from(c), char::from(d));
            if lex.may_start_number(f) && lex.may_begin_number(f, s) {
                lex.ascii_pairs[usize::from(c)][usize::from(d >> 6)] |= 1 << (d & 63);
            }
        }
    }
    lex
});

/// Qualifier phrases indexed by their last word; each with its words nearest-first, longest
/// phrase first.
type QualifierIndex = HashMap<&'static [u8], Vec<(&'static str, Vec<&'static str>)>, crate::hash::FxBuild>;

static QUALIFIERS_BY_LAST_WORD: Lazy<QualifierIndex> = Lazy::new(|| {
    let mut map: QualifierIndex = HashMap::default();
    for phrase in tables::EN_QUALIFIERS.iter().chain(tables::RU_QUALIFIERS) {
        let words: Vec<&'static str> = phrase.rsplit(' ').collect();
        if let Some(last) = words.first() {
            map.entry(last.as_bytes()).or_default().push((*phrase, words));
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|(_, w)| std::cmp::Reverse(w.len()));
    }
    map
});

/// Index of a Latin or Cyrillic letter, case-folded ("ё" as "е"), for the prefilter.
fn letter_index(c: char) -> Option<usize> {
    match c {
        'a'..='z' => Some(c as usize - 'a' as usize),
        'A'..='Z' => Some(c as usize - 'A' as usize),
        'а'..='я' => Some(26 + c as usize - 'а' as usize),
        'А'..='Я' => Some(26 + c as usize - 'А' as usize),
        'ё' | 'Ё' => Some(26 + 'е' as usize - 'а' as usize),
        _ => None,
    }
}

/// Case folding used for table lookups (tables are lower-case, "ё" written "е").
fn fold(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
        'ё' | 'Ё' => 'е',
        'а'..='я' => c,
        '’' => '\'',
        _ if c.is_ascii() => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// `s.to_lowercase()`, without its char loop for ASCII text (most units).
fn lower_case(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// Folds `word` into `buf`; `None` when it does not fit (such words are in no table).
fn fold_into<'a>(word: &str, buf: &'a mut [u8; 64]) -> Option<&'a [u8]> {
    let wb = word.as_bytes();
    if wb.is_ascii() {
        if wb.len() > buf.len() {
            return None;
        }
        for (d, s) in buf.iter_mut().zip(wb) {
            *d = s.to_ascii_lowercase();
        }
        return Some(&buf[..wb.len()]);
    }
    let mut n = 0;
    let mut i = 0;
    while i < wb.len() {
        // Russian letters (U+0401, U+0410..=U+044F, U+0451; lead byte D0 or D1) folded on
        // their code point: the same as `fold`, without decoding and encoding the char
        if let [lead @ (0xD0 | 0xD1), next, ..] = wb[i..] {
            let u = (u32::from(lead & 0x1F) << 6) | u32::from(next & 0x3F);
            let f = match u {
                0x401 | 0x451 => Some(0x435),
                0x410..=0x42F => Some(u + 0x20),
                0x430..=0x44F => Some(u),
                _ => None,
            };
            if let Some(f) = f {
                let out = buf.get_mut(n..n + 2)?;
                out[0] = 0xC0 | (f >> 6) as u8;
                out[1] = 0x80 | (f & 0x3F) as u8;
                n += 2;
                i += 2;
                continue;
            }
        }
        let c = word[i..].chars().next()?;
        i += c.len_utf8();
        let f = fold(c);
        let len = f.len_utf8();
        if n + len > buf.len() {
            return None;
        }
        f.encode_utf8(&mut buf[n..n + len]);
        n += len;
    }
    Some(&buf[..n])
}

fn lookup(lex: &Lexicon, word: &str) -> (Entry, bool) {
    // a short ASCII word folds to its ASCII lower case: its packed bytes are the folded key
    if let Some(key) = crate::words::pack_lower8(word.as_bytes()) {
        return (lex.short.get(key).unwrap_or_default(), true);
    }
    let mut buf = [0u8; 64];
    match fold_into(word, &mut buf) {
        Some(l) => (lex.get(l), true),
        None => (Entry::default(), false),
    }
}

// ---------------------------------------------------------------------------------------------
// Character helpers

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{200a}' | '\u{202f}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’')
}

/// ASCII letters and digits, as a table for the scanning loop.
const ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

/// Letters, with fast answers for ASCII, Cyrillic and general punctuation.
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => true,
        '\0'..='\u{7f}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Letters and digits, with fast answers for Cyrillic and general punctuation.
fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' => true,
        '\0'..='\u{7f}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{4ff}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    // ASCII fast path: an ASCII byte always starts a char.
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(i..).and_then(|s| s.chars().next()),
    }
}

fn char_before(text: &str, i: usize) -> Option<char> {
    // ASCII fast path: the byte after an ASCII byte is always a char boundary.
    match i.checked_sub(1).and_then(|k| text.as_bytes().get(k)) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(..i).and_then(|s| s.chars().next_back()),
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Case {
    Lower,
    Upper,
    Capital,
    Mixed,
}

fn word_case(w: &str) -> Case {
    if w.is_ascii() {
        // ASCII fast path, same answers as the general loop below.
        let b = w.as_bytes();
        let has_lower = b.iter().any(u8::is_ascii_lowercase);
        let has_upper = b.iter().any(u8::is_ascii_uppercase);
        return match (has_lower, has_upper) {
            (_, false) => Case::Lower,
            (false, true) => Case::Upper,
            (true, true) if b[0].is_ascii_uppercase() && !b[1..].iter().any(u8::is_ascii_uppercase) => Case::Capital,
            _ => Case::Mixed,
        };
    }
    let mut has_lower = false;
    let mut has_upper = false;
    let mut first_upper = false;
    for (i, c) in w.chars().enumerate() {
        if c.is_uppercase() {
            has_upper = true;
            if i == 0 {
                first_upper = true;
            }
        } else if c.is_lowercase() {
            has_lower = true;
        }
    }
    match (has_lower, has_upper) {
        (_, false) => Case::Lower,
        (false, true) => Case::Upper,
        (true, true) if first_upper && w.chars().skip(1).all(|c| !c.is_uppercase()) => Case::Capital,
        _ => Case::Mixed,
    }
}

/// "NGOs", "IDPs", "CSOs": an acronym with a plural "s".
fn is_acronym_plural(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && b[b.len() - 1] == b's' && b[..b.len() - 1].iter().all(|c| c.is_ascii_uppercase())
}

fn is_possessive(lower: &[u8]) -> bool {
    lower.ends_with(b"'s") || lower.ends_with(b"s'")
}

fn looks_plural(lower: &[u8], flags: u32) -> bool {
    if flags & F_IRREGULAR != 0 {
        return true;
    }
    flags & F_NOT_PLURAL == 0
        && lower.len() >= 3
        && lower.ends_with(b"s")
        && !lower.ends_with(b"ss")
        && !lower.ends_with(b"us")
        && !lower.ends_with(b"is")
        && !is_possessive(lower)
}

fn ends_with_any(lower: &[u8], endings: &[&str]) -> bool {
    endings.iter().any(|e| lower.len() > e.len() && lower.ends_with(e.as_bytes()))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LineCase {
    Mixed,
    Upper,
    Title,
}

// ---------------------------------------------------------------------------------------------
// Scanner

struct Scanner<'t, 'e> {
    text: &'t str,
    bytes: &'t [u8],
    exclude: &'e [Range<usize>],
    out: Vec<QuantityMatch>,
    lex: &'static Lexicon,
    /// Last line examined by `line_case`: (start, end, case).
    line_cache: std::cell::Cell<Option<(usize, usize, LineCase)>>,
    /// Step over plain words eight bytes at a time ([`Scanner::skip_plain_words`]).
    skip_plain: bool,
}

/// A parsed number.
struct Num {
    /// Start of the number as written (the "a" of "a dozen").
    start: usize,
    end: usize,
    value: f64,
    /// Plain four digits 1800..=2100.
    year_like: bool,
    /// Spelled "one"/"один": a pronoun check applies.
    spelled_one: bool,
    /// Upper end of a hyphenated range ("10-15"): where the range starts.
    range_from: Option<usize>,
}

enum Parsed {
    Num(Num),
    /// Not a count; resume scanning at this byte.
    Skip(usize),
}

impl<'t, 'e> Scanner<'t, 'e> {
    fn run(&mut self) {
        let b = self.bytes;
        let n = b.len();
        let mut i = 0;
        while i < n {
            if self.skip_plain {
                i = self.skip_plain_words(i);
            }
            let Some(&c) = b.get(i) else {
                break;
            };
            if c.is_ascii_digit() {
                i = self.candidate(i, false).max(i + 1);
                continue;
            }
            if c < 0x80 && !c.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            // A word: letters and digits. Only words whose first letter starts some number
            // word are looked up.
            let start = i;
            // The first two letters decide for most words ("the", "of", "and"): a word no number
            // word begins like is skipped whole, as `may_be_number` below would reject it. An
            // ASCII letter before an ASCII byte (or the end) is decided by one table load.
            let (first, second, skip) = if c < 0x80 && b.get(i + 1).is_none_or(|&d| d < 0x80) {
                let first = c as char;
                let second = b.get(i + 1).map_or(first, |&d| d as char);
                (first, second, !self.lex.ascii_pair(c, second as u8))
            } else {
                let first = if c < 0x80 {
                    c as char
                } else {
                    let Some(ch) = char_at(self.text, i) else {
                        break;
                    };
                    ch
                };
                if !is_word_char(first) {
                    i += first.len_utf8();
                    continue;
                }
                let second = char_at(self.text, i + first.len_utf8()).unwrap_or(first);
                (first, second, !self.lex.may_start_number(first) || !self.lex.may_begin_number(first, second))
            };
            let mut j = i + first.len_utf8();
            if skip {
                // Most words: only their end matters. Same boundaries as the loop below.
                while j < n {
                    let d = b[j];
                    if d < 0x80 {
                        if ASCII_WORD[usize::from(d)] {
                            j = crate::swar::alnum_run_end(b, j);
                            continue;
                        }
                        break;
                    }
                    if d == 0xD0 || d == 0xD1 {
                        j += 2;
                        continue;
                    }
                    match char_at(self.text, j) {
                        Some(ch) if is_word_char(ch) => j += ch.len_utf8(),
                        _ => break,
                    }
                }
                // the space after it starts nothing either
                i = j + usize::from(b.get(j) == Some(&b' '));
                continue;
            }
            let mut last_start = i;
            let mut nchars = 1usize;
            let mut has_digit = false;
            while j < n {
                let d = b[j];
                if d < 0x80 {
                    if ASCII_WORD[usize::from(d)] {
                        has_digit |= d <= b'9';
                        last_start = j;
                        nchars += 1;
                        j += 1;
                        continue;
                    }
                    break;
                }
                if d == 0xD0 || d == 0xD1 {
                    // U+0400..U+047F, Cyrillic letters: a two-byte sequence in valid UTF-8.
                    last_start = j;
                    nchars += 1;
                    j += 2;
                    continue;
                }
                match char_at(self.text, j) {
                    Some(ch) if is_word_char(ch) => {
                        has_digit |= ch.is_numeric();
                        last_start = j;
                        nchars += 1;
                        j += ch.len_utf8();
                    }
                    _ => break,
                }
            }
            if !has_digit && self.lex.may_start_number(first) {
                let last = char_at(self.text, last_start).unwrap_or(first);
                if self.lex.may_be_number(first, second, last, nchars)
                    && lookup(self.lex, &self.text[start..j]).0.flags & F_NUM != 0
                {
                    i = self.candidate(start, true).max(j);
                    continue;
                }
            }
            i = j;
        }
    }

    /// From `i`, where [`Scanner::run`] takes the byte as the start of a word, the next position
    /// `run` has to examine itself, found eight bytes a step. Passed over, exactly as `run`
    /// passes them one at a time: ASCII bytes other than letters and digits, and every run of
    /// ASCII letters and digits that starts with a letter, ends in ASCII and cannot be a number
    /// word (by its first two letters, or by its length and first and last letters, or as it
    /// holds a digit). Returned: the start of any other run (a digit, a possible number word, a
    /// letter before a non-ASCII byte), a non-ASCII byte, or, when the text ends in fewer than
    /// eight bytes, where `run` goes on byte by byte (the start of a run left open).
    #[inline]
    fn skip_plain_words(&self, mut i: usize) -> usize {
        use crate::swar::{alnum, H8};
        let b = self.bytes;
        // whether the byte before `i` lies in a run passed over, and where that run started
        let mut open = false;
        let mut run_start = i;
        'chunks: while let Some(chunk) = b.get(i..i + 8) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            let x = u64::from_le_bytes(w);
            let a = alnum(x);
            let high = x & H8;
            // each lane's byte before it is in a run (`run` takes `i` itself as a word start)
            let prev = (a << 8) | if open { 0x80 } else { 0 };
            // lanes before the first non-ASCII byte
            let below = if high == 0 { u64::MAX } else { (high & high.wrapping_neg()) - 1 };
            let mut starts = a & !prev & below;
            while starts != 0 {
                let p = i + (starts.trailing_zeros() / 8) as usize;
                let c = b[p];
                if c <= b'9' {
                    return p;
                }
                let d = b.get(p + 1).copied().unwrap_or(c);
                if d >= 0x80 {
                    return p;
                }
                if self.lex.ascii_pair(c, d) {
                    // Its first two letters may begin a number word: `run` decides on the
                    // whole run, its length and last letter, as here.
                    let e = crate::swar::alnum_run_end(b, p + 1);
                    // (`may_be_number` implies `may_start_number`, `run`'s cheap first test)
                    if b.get(e).is_some_and(|&x| x >= 0x80)
                        || !b[p..e].iter().any(u8::is_ascii_digit)
                            && self.lex.may_be_number(char::from(c), char::from(d), char::from(b[e - 1]), e - p)
                    {
                        return p;
                    }
                    // no number word: on after it (`b[e]` is no letter or digit)
                    i = e;
                    open = false;
                    continue 'chunks;
                }
                run_start = p;
                starts &= starts - 1;
            }
            if high != 0 {
                // a run that reaches the non-ASCII byte goes on through it: `run` reads it whole
                let q = high.trailing_zeros() / 8;
                return if prev >> (8 * q) & 0x80 != 0 { run_start } else { i + q as usize };
            }
            open = a >> 63 != 0;
            i += 8;
        }
        if open {
            run_start
        } else {
            i
        }
    }

    /// Examines a number starting at `start`; records a count if there is one and returns where
    /// scanning resumes.
    fn candidate(&mut self, start: usize, spelled: bool) -> usize {
        let parsed = if spelled { self.parse_words(start) } else { self.parse_digits(start) };
        let num = match parsed {
            Parsed::Num(n) => n,
            Parsed::Skip(p) => return p,
        };
        let resume = num.end;
        // A count's span starts at its number: one starting inside an excluded range (a
        // date) would overlap it, and `accept` would refuse it last, after its context checks.
        if self.excluded_at(num.start) {
            return resume;
        }
        match self.accept(&num) {
            Some(m) => {
                let end = m.span.end;
                self.out.push(m);
                end
            }
            None => resume,
        }
    }

    // ----- numbers written with digits

    fn parse_digits(&self, start: usize) -> Parsed {
        let b = self.bytes;
        let n = b.len();
        let mut j = start;
        let mut value = 0f64;
        while j < n && b[j].is_ascii_digit() {
            value = value * 10.0 + f64::from(b[j] - b'0');
            j += 1;
        }
        let int_len = j - start;
        let digits_at = |p: usize, k: usize| -> bool {
            p + k <= n && b[p..p + k].iter().all(u8::is_ascii_digit) && (p + k == n || !b[p + k].is_ascii_digit())
        };
        let mut plain = true;
        if int_len <= 3 {
            // Thousands groups: "1,200,000", "3 000", "1.200.000" (two or more dot groups).
            if j < n && b[j] == b',' && digits_at(j + 1, 3) {
                while j < n && b[j] == b',' && digits_at(j + 1, 3) {
                    value = value * 1000.0 + group(&b[j + 1..j + 4]);
                    j += 4;
                    plain = false;
                }
            } else if j < n && b[j] == b'.' && digits_at(j + 1, 3) && {
                let k = j + 4;
                k < n && b[k] == b'.' && digits_at(k + 1, 3)
            } {
                while j < n && b[j] == b'.' && digits_at(j + 1, 3) {
                    value = value * 1000.0 + group(&b[j + 1..j + 4]);
                    j += 4;
                    plain = false;
                }
            } else {
                while let Some(sep) = self.space_sep_len(j) {
                    if !digits_at(j + sep, 3) || self.next_is_group_continuation(j + sep + 3) {
                        break;
                    }
                    let g = j + sep;
                    value = value * 1000.0 + group(&b[g..g + 3]);
                    j = g + 3;
                    plain = false;
                }
            }
        }
        // Decimal part: "1.5", Russian "1,5".
        if j + 1 < n && (b[j] == b'.' || b[j] == b',') && b[j + 1].is_ascii_digit() {
            let mut k = j + 1;
            while k < n && b[k].is_ascii_digit() {
                k += 1;
            }
            let frac_len = k - j - 1;
            let is_decimal = b[j] == b'.' || frac_len <= 2;
            if is_decimal {
                let mut scale = 0.1;
                for &d in &b[j + 1..k] {
                    value += f64::from(d - b'0') * scale;
                    scale /= 10.0;
                }
                j = k;
                plain = false;
            }
        }
        let run_end = self.alnum_end(j);
        if b[start] == b'0' && int_len > 1 {
            return Parsed::Skip(run_end);
        }
        // What follows the digits.
        let mut end = j;
        if let Some(c) = char_at(self.text, j) {
            if c.is_alphanumeric() {
                // Glued suffix: a scale ("1.5m", "10k") or an ordinal/measure ("2nd", "5km").
                let suffix = &self.text[j..run_end];
                let scale = tables::GLUED_SCALES.iter().find(|(s, _)| suffix.eq_ignore_ascii_case(s));
                match scale {
                    Some(&(_, m)) => {
                        value *= m;
                        end = run_end;
                        plain = false;
                    }
                    None => return Parsed::Skip(run_end),
                }
            } else if is_hyphen(c) {
                let after = j + c.len_utf8();
                if after < n && b[after].is_ascii_digit() {
                    // "10-15": the upper bound is examined on its own.
                    return Parsed::Skip(j);
                }
                return Parsed::Skip(self.skip_compound(after));
            } else if matches!(c, '%' | '‰' | '°' | '/' | '\u{2044}' | '½' | '¼' | '¾') {
                return Parsed::Skip(j + c.len_utf8());
            } else if matches!(c, ':' | '.' | ',') && j + 1 < n && b[j + 1].is_ascii_digit() {
                // "10:30", "10.12.2022", "2021,2022".
                let mut k = j + 1;
                while k < n && (b[k].is_ascii_digit() || matches!(b[k], b':' | b'.' | b',')) {
                    k += 1;
                }
                return Parsed::Skip(k);
            }
        }
        // Context before the digits.
        let mut range_from = None;
        if let Some(p) = char_before(self.text, start) {
            if is_hyphen(p) {
                // "10-15": the upper bound of a range; anything else glued by a hyphen
                // ("COVID-19", "-5") is not a count.
                let before = start - p.len_utf8();
                if !char_before(self.text, before).is_some_and(|d| d.is_ascii_digit()) {
                    return Parsed::Skip(end);
                }
                let mut s = before;
                while s > 0 && (b[s - 1].is_ascii_digit() || matches!(b[s - 1], b',' | b'.')) {
                    s -= 1;
                }
                // "2022-23", "2021-2022": a range of years.
                let from = &b[s..before];
                if from.len() == 4 && from.iter().all(u8::is_ascii_digit) && (1800.0..=2100.0).contains(&group(from)) {
                    return Parsed::Skip(end);
                }
                range_from = Some(s);
            } else if p.is_alphanumeric()
                || CURRENCY_OR_CODE_BEFORE.contains(&p)
                || ((p == '.' || p == ',') && char_before(self.text, start - 1).is_some_and(|d| d.is_alphanumeric()))
            {
                return Parsed::Skip(end);
            }
        }
        // A scale word after the digits: "1.5 million", "2 тыс.", "3 dozen".
        if let Some((ws, we)) = self.next_word(end) {
            let (e, _) = lookup(self.lex, &self.text[ws..we]);
            if let Some((m, kind)) = e.num {
                if matches!(kind, NumKind::Scale | NumKind::Hundred | NumKind::Dozen) {
                    if self.hyphen_after(we) {
                        return Parsed::Skip(self.skip_compound(we));
                    }
                    value *= m;
                    end = we;
                    plain = false;
                    if b.get(we) == Some(&b'.') && we - ws <= 8 && ws < we {
                        let w = &self.text[ws..we];
                        if !w.is_ascii() {
                            end = we + 1; // "тыс.", "млн."
                        }
                    }
                }
            }
        }
        Parsed::Num(Num {
            start,
            end,
            value,
            year_like: plain && int_len == 4 && (1800.0..=2100.0).contains(&value),
            spelled_one: false,
            range_from,
        })
    }

    /// Length of a thousands separator made of one space-like char at `p`.
    fn space_sep_len(&self, p: usize) -> Option<usize> {
        let c = char_at(self.text, p)?;
        matches!(c, ' ' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}').then(|| c.len_utf8())
    }

    /// After a candidate space-separated group: reject "3 000-5" or "12 345.6.7" shapes.
    fn next_is_group_continuation(&self, p: usize) -> bool {
        matches!(self.bytes.get(p), Some(b'-') | Some(b'/') | Some(b':'))
    }

    fn alnum_end(&self, mut p: usize) -> usize {
        while let Some(c) = char_at(self.text, p) {
            if !c.is_alphanumeric() {
                break;
            }
            p += c.len_utf8();
        }
        p
    }

    fn hyphen_after(&self, p: usize) -> bool {
        char_at(self.text, p)
            .is_some_and(|c| is_hyphen(c) && char_at(self.text, p + c.len_utf8()).is_some_and(char::is_alphanumeric))
    }

    /// Skips a hyphenated compound ("year-old", "day") after a number.
    fn skip_compound(&self, mut p: usize) -> usize {
        loop {
            p = self.alnum_end(p);
            match char_at(self.text, p) {
                Some(c) if is_hyphen(c) && char_at(self.text, p + c.len_utf8()).is_some_and(char::is_alphanumeric) => {
                    p += c.len_utf8();
                }
                _ => return p,
            }
        }
    }

    // ----- numbers written with words

    fn parse_words(&self, start: usize) -> Parsed {
        let text = self.text;
        let mut total = 0f64;
        let mut current = 0f64;
        let mut state: Option<NumKind> = None;
        let mut last_scale = f64::INFINITY;
        let mut span_start = start;
        let mut end = start;
        let mut words = 0;
        let mut pos = start;
        let mut first_value = 0f64;
        loop {
            let we = self.word_end(pos);
            if we == pos {
                break;
            }
            let (e, _) = lookup(self.lex, &text[pos..we]);
            let Some((v, kind)) = e.num else { break };
            use NumKind::*;
            let allowed = match state {
                None => match kind {
                    Unit | Teen | Tens | Hundreds => true,
                    Hundred | Scale | Dozen => {
                        // "a dozen", "a hundred", "a million"
                        match self.prev_word(pos) {
                            Some((ps, pe)) if text[ps..pe].eq_ignore_ascii_case("a") => {
                                span_start = ps;
                                current = 1.0;
                                true
                            }
                            _ => false,
                        }
                    }
                },
                Some(Unit) | Some(Teen) => matches!(kind, Hundred | Scale | Dozen),
                Some(Tens) => matches!(kind, Unit | Scale | Dozen),
                Some(Hundreds) => matches!(kind, Tens | Teen | Unit | Scale),
                Some(Hundred) => matches!(kind, Unit | Teen | Tens | Scale),
                Some(Scale) => matches!(kind, Unit | Teen | Tens | Hundreds),
                Some(Dozen) => false,
            };
            if !allowed {
                break;
            }
            match kind {
                Unit | Teen | Tens | Hundreds => current += v,
                Hundred => current = current.max(1.0) * v,
                Dozen => current = current.max(1.0) * v,
                Scale => {
                    if v >= last_scale {
                        break;
                    }
                    total += current.max(1.0) * v;
                    current = 0.0;
                    last_scale = v;
                }
            }
            if words == 0 {
                first_value = v;
            }
            words += 1;
            state = Some(kind);
            end = we;
            // Separator to the next number word.
            let Some(c) = char_at(text, we) else { break };
            if is_hyphen(c) {
                let next = we + c.len_utf8();
                let ne = self.word_end(next);
                let next_kind = lookup(self.lex, &text[next..ne]).0.num.map(|x| x.1);
                if kind == Tens && next_kind == Some(Unit) {
                    pos = next;
                    continue;
                }
                // "two-day", "one-third", "twenty-five-year-old": not a count.
                return Parsed::Skip(self.skip_compound(next));
            }
            match self.next_word(we) {
                Some((ns, ne)) => {
                    let w = &text[ns..ne];
                    if w.eq_ignore_ascii_case("and") && matches!(kind, Hundred | Scale) {
                        match self.next_word(ne) {
                            Some((ms, me))
                                if lookup(self.lex, &text[ms..me])
                                    .0
                                    .num
                                    .is_some_and(|x| matches!(x.1, Unit | Teen | Tens)) =>
                            {
                                pos = ms;
                            }
                            _ => break,
                        }
                    } else if lookup(self.lex, w).0.flags & F_NUM != 0 {
                        pos = ns;
                    } else {
                        break;
                    }
                }
                None => break,
            }
        }
        if words == 0 {
            return Parsed::Skip(self.word_end(start).max(start + 1));
        }
        // Something glued before the first word ("x-two").
        if let Some(p) = char_before(text, span_start) {
            if is_hyphen(p) && char_before(text, span_start - p.len_utf8()).is_some_and(char::is_alphanumeric) {
                return Parsed::Skip(end);
            }
        }
        let value = total + current;
        Parsed::Num(Num {
            start: span_start,
            end,
            value,
            year_like: false,
            spelled_one: words == 1 && first_value == 1.0 && span_start == start,
            range_from: None,
        })
    }

    /// End of the letters-only word starting at `p` (`p` itself when none).
    fn word_end(&self, mut p: usize) -> usize {
        while let Some(c) = char_at(self.text, p) {
            if !is_letter(c) {
                break;
            }
            p += c.len_utf8();
        }
        p
    }

    /// The next word after `p`, across spaces and at most one line break: letters with inner
    /// hyphens/apostrophes. `None` when punctuation, a digit, a blank line or the end comes
    /// first.
    fn next_word(&self, p: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let mut p = p;
        let mut newlines = 0;
        loop {
            let c = char_at(text, p)?;
            if c == '\n' {
                newlines += 1;
                if newlines > 1 {
                    return None;
                }
            } else if !is_space(c) {
                break;
            }
            p += c.len_utf8();
        }
        let ws = p;
        let c = char_at(text, p)?;
        if !is_letter(c) {
            return None;
        }
        p += c.len_utf8();
        let b = self.bytes;
        loop {
            // ASCII letters: no char decoding.
            while p < b.len() && b[p].is_ascii_alphabetic() {
                p += 1;
            }
            let Some(c) = char_at(text, p) else {
                break;
            };
            let inner_joiner = is_joiner(c) && char_at(text, p + c.len_utf8()).is_some_and(is_letter);
            if !(is_letter(c) || inner_joiner) {
                break;
            }
            p += c.len_utf8();
        }
        Some((ws, p))
    }

    /// The word before `p`, across spaces and at most one line break only.
    fn prev_word(&self, p: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let mut p = p;
        let mut newlines = 0;
        loop {
            let c = char_before(text, p)?;
            if c == '\n' {
                newlines += 1;
                if newlines > 1 {
                    return None;
                }
            } else if !is_space(c) {
                break;
            }
            p -= c.len_utf8();
        }
        let we = p;
        let mut ws = p;
        let b = self.bytes;
        loop {
            // ASCII letters: no char decoding.
            while ws > 0 && b[ws - 1].is_ascii_alphabetic() {
                ws -= 1;
            }
            let Some(c) = char_before(text, ws) else {
                break;
            };
            let inner_joiner = is_joiner(c) && char_before(text, ws - c.len_utf8()).is_some_and(is_letter);
            if !(is_letter(c) || inner_joiner) {
                break;
            }
            ws -= c.len_utf8();
        }
        // A word glued to a digit or other letters-with-digits is not a word ("G7 2022").
        if ws == we || char_before(text, ws).is_some_and(char::is_alphanumeric) {
            return None;
        }
        Some((ws, we))
    }

    /// Like [`Self::prev_word`], also across one dot ("No. 5", "Art. 12").
    fn prev_label_word(&self, p: usize) -> Option<(usize, usize)> {
        let text = self.text;
        let mut q = p;
        while let Some(c) = char_before(text, q) {
            if !is_space(c) {
                break;
            }
            q -= c.len_utf8();
        }
        if char_before(text, q) == Some('.') {
            let we = q - 1;
            let mut ws = we;
            while let Some(c) = char_before(text, ws) {
                if !is_letter(c) {
                    break;
                }
                ws -= c.len_utf8();
            }
            return (ws < we).then_some((ws, we));
        }
        self.prev_word(p)
    }

    /// The first char before `p` that is not a space.
    fn prev_nonspace(&self, p: usize) -> Option<(usize, char)> {
        let mut q = p;
        while let Some(c) = char_before(self.text, q) {
            q -= c.len_utf8();
            if !is_space(c) && c != '\n' {
                return Some((q, c));
            }
        }
        None
    }

    /// Case style of the line around `pos` (ALL CAPS, Title Case or mixed). Lines longer than
    /// `2 * LINE_WINDOW` bytes are prose (mixed). Cached per line.
    fn line_case(&self, pos: usize) -> LineCase {
        if let Some((s, e, case)) = self.line_cache.get() {
            if s <= pos && pos < e {
                return case;
            }
        }
        let b = self.bytes;
        let lo = pos.saturating_sub(LINE_WINDOW);
        let mut s = pos;
        while s > lo && b[s - 1] != b'\n' {
            s -= 1;
        }
        let hi = (pos + LINE_WINDOW).min(b.len());
        let mut e = pos;
        while e < hi && b[e] != b'\n' {
            e += 1;
        }
        let truncated = (s == lo && s > 0 && b[s - 1] != b'\n') || (e == hi && e < b.len());
        while !self.text.is_char_boundary(s) {
            s += 1;
        }
        while !self.text.is_char_boundary(e) {
            e -= 1;
        }
        let case = if truncated { LineCase::Mixed } else { self.case_of_line(&self.text[s..e.max(s)]) };
        self.line_cache.set(Some((s, e.max(s), case)));
        case
    }

    fn case_of_line(&self, line: &str) -> LineCase {
        let (mut lower, mut upper) = (0usize, 0usize);
        for c in line.chars() {
            if c.is_lowercase() {
                lower += 1;
            } else if c.is_uppercase() {
                upper += 1;
            }
        }
        if lower == 0 && upper >= 4 {
            return LineCase::Upper;
        }
        let mut long_words = 0;
        for w in line.split(|c: char| !is_letter(c)) {
            if w.chars().count() < 4 {
                continue;
            }
            let (e, _) = lookup(self.lex, w);
            if e.flags & (F_STOP | F_NUM) != 0 {
                continue;
            }
            if !w.chars().next().is_some_and(char::is_uppercase) {
                return LineCase::Mixed;
            }
            long_words += 1;
        }
        if long_words >= 3 {
            LineCase::Title
        } else {
            LineCase::Mixed
        }
    }

    // ----- acceptance: context before, the counted noun after, qualifier, exclusions

    fn accept(&self, num: &Num) -> Option<QuantityMatch> {
        if num.value <= 0.0 || !num.value.is_finite() {
            return None;
        }
        let text = self.text;
        // Cheap early rejection, before the context checks: every number needs a counted noun,
        // and `counted_noun` gives up on a first word that is missing, a stop word, a number
        // word, a unit of time, money or measure, or a month.
        let (ws, we) = self.next_word(num.end)?;
        let first = &text[ws..we];
        let first_flags = lookup(self.lex, first).0.flags;
        if first_flags & (F_STOP | F_NUM | F_NOT_COUNT) != 0 || (first_flags & F_MONTH != 0 && !is_lowercase_may(first))
        {
            return None;
        }
        let ctx_start = num.range_from.unwrap_or(num.start);
        // Currency symbol before ("$ 5", "№ 3").
        if let Some((_, c)) = self.prev_nonspace(ctx_start) {
            if matches!(c, '$' | '€' | '£' | '¥' | '₽' | '₸' | '₹' | '№' | '#') {
                return None;
            }
        }
        // The word before ("Article 5", "USD 2,000", "aged 18", "No. 3").
        let prev = self.prev_word(ctx_start);
        let prev_entry = match prev {
            Some((ws, we)) => Some((lookup(self.lex, &text[ws..we]).0, ws, we)),
            None => {
                if let Some((ws, we)) = self.prev_label_word(ctx_start) {
                    if lookup(self.lex, &text[ws..we]).0.flags & F_LABEL != 0 {
                        return None;
                    }
                }
                None
            }
        };
        if let Some((e, ws, we)) = prev_entry {
            if e.flags & (F_LABEL | F_MONEY | F_AGE) != 0 {
                return None;
            }
            // "Windows 10 users", "Route 66 travellers": a number right after a capitalised
            // word inside a sentence belongs to a name (not on headline-style lines).
            if e.flags & (F_MONTH | F_STOP) == 0
                && word_case(&text[ws..we]) == Case::Capital
                && !self.sentence_starts_at(ws)
                && QUALIFIERS_BY_LAST_WORD.get(fold_into(&text[ws..we], &mut [0u8; 64]).unwrap_or(&[])).is_none()
                && self.line_case(ws) == LineCase::Mixed
            {
                return None;
            }
            // "Tables 2 and 3", "Articles 5 to 7": the label carries over a linked number.
            if COORDINATORS.iter().chain(RANGE_LINKS).any(|w| text[ws..we].eq_ignore_ascii_case(w)) {
                if let Some((q, c)) = self.prev_nonspace(ws) {
                    if c.is_ascii_digit() {
                        let mut s = q;
                        while s > 0 && self.bytes[s - 1].is_ascii_digit() {
                            s -= 1;
                        }
                        if let Some((a, b)) = self.prev_label_word(s) {
                            if lookup(self.lex, &text[a..b]).0.flags & F_LABEL != 0 {
                                return None;
                            }
                        }
                    }
                }
            }
        }
        if let Some((e, ws, we)) = prev_entry {
            // "December 10", "December 2022"; "December 150 people" is a count.
            if e.flags & F_MONTH != 0 && !is_lowercase_may(&text[ws..we]) && (num.value <= 31.0 || num.year_like) {
                return None;
            }
            if num.year_like && e.flags & F_YEAR_PREP != 0 {
                return None;
            }
            if num.spelled_one && e.flags & F_ONE_PRONOUN != 0 {
                return None;
            }
        }
        if num.year_like {
            // "November 18, 2022": a year after a day number and comma.
            if let Some((q, ',')) = self.prev_nonspace(num.start) {
                if char_before(text, q).is_some_and(|c| c.is_ascii_digit()) {
                    return None;
                }
            }
        }
        if self.is_ratio(ctx_start) {
            return None;
        }
        if num.year_like {
            // "the 2030 Agenda", "2022 Annual Report": a year before a name.
            if let Some((ws, we)) = self.next_word(num.end) {
                if word_case(&text[ws..we]) != Case::Lower && self.line_case(ws) == LineCase::Mixed {
                    return None;
                }
            }
        }
        let (us, ue) = self.counted_noun(num)?;
        let span = num.start..ue;
        if self.overlaps_exclude(&span) {
            return None;
        }
        let qualifier = self.qualifier(num);
        Some(QuantityMatch { span, value: num.value, unit: lower_case(&text[us..ue]), qualifier })
    }

    /// Whether byte `p` lies inside an excluded range.
    fn excluded_at(&self, p: usize) -> bool {
        let i = self.exclude.partition_point(|r| r.end <= p);
        self.exclude.get(i).is_some_and(|r| r.start <= p)
    }

    fn overlaps_exclude(&self, span: &Range<usize>) -> bool {
        let i = self.exclude.partition_point(|r| r.end <= span.start);
        self.exclude[i..]
            .iter()
            .take_while(|r| r.start < span.end)
            .any(|r| r.start < r.end && r.start < span.end && span.start < r.end)
    }

    /// The counted noun after the number, or `None` when there is none (or the number is a
    /// date, duration, measure or amount of money).
    fn counted_noun(&self, num: &Num) -> Option<(usize, usize)> {
        let text = self.text;
        let singular = num.value == 1.0;
        let mut line_case: Option<LineCase> = None;
        let mut pos = num.end;
        let mut modifiers = 0;
        let mut ru_fallback: Option<(usize, usize)> = None;
        for k in 0..6 {
            let Some((ws, we)) = self.next_word(pos) else {
                break;
            };
            pos = we;
            let w = &text[ws..we];
            let mut buf = [0u8; 64];
            let lower = fold_into(w, &mut buf).unwrap_or(&[]);
            let e = self.lex.get(lower);
            if k == 0 && e.flags & F_MONTH != 0 && !is_lowercase_may(w) {
                return None;
            }
            // "250 unaccompanied and separated children": coordinated modifiers.
            if modifiers > 0 && COORDINATORS.iter().any(|c| c.as_bytes() == lower) {
                modifiers += 1;
                if modifiers > 4 {
                    break;
                }
                continue;
            }
            if e.flags & (F_STOP | F_NUM) != 0 {
                break;
            }
            if num.spelled_one && e.flags & F_VAGUE_ONE != 0 {
                return None;
            }
            if e.flags & F_NOT_COUNT != 0 {
                return None;
            }
            let case = word_case(w);
            let usable = match case {
                Case::Lower => true,
                _ if is_acronym_plural(w) => true,
                Case::Upper | Case::Capital => {
                    let lc = *line_case.get_or_insert_with(|| self.line_case(ws));
                    (lc == LineCase::Upper && case == Case::Upper) || lc == LineCase::Title
                }
                Case::Mixed => false,
            };
            let cyrillic = w.chars().next().is_some_and(is_cyrillic);
            if cyrillic {
                if !usable {
                    break;
                }
                if k > 0 && ends_with_any(lower, tables::RU_VERB_ENDINGS) {
                    break;
                }
                if ends_with_any(lower, tables::RU_ADJECTIVE_ENDINGS) {
                    ru_fallback = Some((ws, we));
                    modifiers += 1;
                    if modifiers > 3 {
                        break;
                    }
                    continue;
                }
                return Some((ws, we));
            }
            if singular {
                // An adjective-like word ("hospital", "regional") is the noun only when the
                // phrase ends after it.
                let adjective = is_possessive(lower)
                    || (ends_with_any(lower, tables::EN_ADJECTIVE_SUFFIXES) && !self.phrase_ends_after(we));
                if usable && !adjective && e.flags & F_VERB == 0 {
                    if num.spelled_one && e.flags & F_VAGUE_ONE != 0 {
                        return None;
                    }
                    return Some(self.singular_compound(ws, we));
                }
                modifiers += 1;
                if modifiers > 2 {
                    break;
                }
                continue;
            }
            let demonym = case == Case::Capital && is_demonym_plural(lower);
            if (usable || demonym) && (looks_plural(lower, e.flags) || is_acronym_plural(w) || demonym) {
                return Some(self.extend_compound(ws, we, line_case));
            }
            modifiers += 1;
            if modifiers > 3 {
                break;
            }
        }
        ru_fallback
    }

    /// "12 sports facilities": a second plural right after the first is the head noun.
    fn extend_compound(&self, ws: usize, we: usize, line_case: Option<LineCase>) -> (usize, usize) {
        let Some((ns, ne)) = self.next_word(we) else {
            return (ws, we);
        };
        // Only across plain spaces.
        if self.text[we..ns].contains('\n') {
            return (ws, we);
        }
        let w = &self.text[ns..ne];
        let mut buf = [0u8; 64];
        let Some(lower) = fold_into(w, &mut buf) else {
            return (ws, we);
        };
        let e = self.lex.get(lower);
        let case_ok = match word_case(w) {
            Case::Lower => true,
            Case::Upper => line_case == Some(LineCase::Upper),
            Case::Capital => line_case == Some(LineCase::Title),
            Case::Mixed => false,
        };
        if case_ok && e.flags & (F_STOP | F_NUM | F_NOT_COUNT | F_IRREGULAR) == 0 && looks_plural(lower, e.flags) {
            (ns, ne)
        } else {
            (ws, we)
        }
    }

    /// "one health worker": the last of up to two plain lower-case nouns ("one school was").
    fn singular_compound(&self, ws: usize, we: usize) -> (usize, usize) {
        let Some((ns, ne)) = self.next_word(we) else {
            return (ws, we);
        };
        if self.text[we..ns].contains('\n') {
            return (ws, we);
        }
        let w = &self.text[ns..ne];
        let mut buf = [0u8; 64];
        let Some(lower) = fold_into(w, &mut buf) else {
            return (ws, we);
        };
        let e = self.lex.get(lower);
        let plain_noun = word_case(w) == Case::Lower
            && e.flags & (F_STOP | F_NUM | F_NOT_COUNT | F_VERB) == 0
            && !ends_with_any(lower, tables::EN_ADJECTIVE_SUFFIXES)
            && !lower.ends_with(b"ing")
            && !is_possessive(lower)
            && !looks_plural(lower, e.flags);
        // The second noun must itself end the phrase.
        if plain_noun && self.phrase_ends_after(ne) {
            (ns, ne)
        } else {
            (ws, we)
        }
    }

    /// True when `p` starts a sentence: only spaces, and before them the text start, a line
    /// break, an opening bracket or quote, or sentence punctuation.
    fn sentence_starts_at(&self, p: usize) -> bool {
        match self.prev_nonspace(p) {
            None => true,
            Some((q, c)) => {
                matches!(
                    c,
                    '.' | '!' | '?' | ':' | ';' | '(' | '[' | '"' | '“' | '«' | '‘' | '—' | '–' | '-' | '•' | '*'
                ) || self.text[q..p].contains('\n')
            }
        }
    }

    /// "seven out of ten households", "one in five children": the number is the base of a
    /// ratio, not a count.
    fn is_ratio(&self, start: usize) -> bool {
        let Some((ws, we)) = self.prev_word(start) else {
            return false;
        };
        let mut buf = [0u8; 64];
        let Some(link) = fold_into(&self.text[ws..we], &mut buf) else {
            return false;
        };
        let mut before = ws;
        let mut matched = false;
        for phrase in tables::EN_RATIO_LINKS.iter().chain(tables::RU_RATIO_LINKS) {
            // the phrase's last word is the link: a byte test, the phrase split only then
            let Some(rest) = phrase.as_bytes().strip_suffix(link) else {
                continue;
            };
            let words = match rest {
                [] => None,
                [.., b' '] => Some(phrase[..rest.len() - 1].rsplit(' ')),
                _ => continue,
            };
            let mut p = ws;
            let mut ok = true;
            for w in words.into_iter().flatten() {
                match self.prev_word(p) {
                    Some((a, b)) if self.text[a..b].eq_ignore_ascii_case(w) => p = a,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                before = p;
                matched = true;
                break;
            }
        }
        if !matched {
            return false;
        }
        // A number (digits or a number word) right before the link.
        match self.prev_nonspace(before) {
            Some((_, c)) if c.is_ascii_digit() => true,
            _ => self.prev_word(before).is_some_and(|(a, b)| lookup(self.lex, &self.text[a..b]).0.flags & F_NUM != 0),
        }
    }

    /// True when the word after `p` cannot continue a singular noun phrase: punctuation, end,
    /// a stop word, a common verb, a past participle or a verb in "-s".
    fn phrase_ends_after(&self, p: usize) -> bool {
        match self.next_word(p) {
            None => true,
            Some((ms, me)) => {
                let mut buf = [0u8; 64];
                let l = fold_into(&self.text[ms..me], &mut buf).unwrap_or(&[]);
                let f = self.lex.get(l).flags;
                f & (F_STOP | F_VERB) != 0 || l.ends_with(b"ed") || (l.ends_with(b"s") && !l.ends_with(b"ss"))
            }
        }
    }

    fn qualifier(&self, num: &Num) -> Option<Cow<'static, str>> {
        let text = self.text;
        if num.range_from.is_some() {
            return Some(Cow::Borrowed("up to"));
        }
        let (fs, fe) = self.prev_word(num.start)?;
        let mut buf0 = [0u8; 64];
        let first_l = fold_into(&text[fs..fe], &mut buf0)?;
        // "from 10 to 15 people", "between 10 and 15 people", "от 10 до 15 человек".
        if RANGE_LINKS.iter().any(|w| w.as_bytes() == first_l) {
            if let Some((q, c)) = self.prev_nonspace(fs) {
                if c.is_ascii_digit() {
                    let mut s = q;
                    while s > 0 && (self.bytes[s - 1].is_ascii_digit() || matches!(self.bytes[s - 1], b',' | b'.')) {
                        s -= 1;
                    }
                    let mut buf2 = [0u8; 64];
                    let opener = self
                        .prev_word(s)
                        .and_then(|(a, b)| fold_into(&text[a..b], &mut buf2))
                        .is_some_and(|x| RANGE_OPENERS.iter().any(|w| w.as_bytes() == x));
                    if RANGE_TO.iter().any(|w| w.as_bytes() == first_l) || opener {
                        return Some(Cow::Borrowed("up to"));
                    }
                }
            }
        }
        let candidates = QUALIFIERS_BY_LAST_WORD.get(first_l)?;
        // Up to three more words before it, nearest first.
        let mut lowered: [[u8; 64]; 3] = [[0u8; 64]; 3];
        let mut lens = [0usize; 3];
        let mut count = 0;
        let mut p = fs;
        while count < 3 {
            let Some((ws, we)) = self.prev_word(p) else {
                break;
            };
            let mut b = [0u8; 64];
            match fold_into(&text[ws..we], &mut b) {
                Some(l) => {
                    lens[count] = l.len();
                    lowered[count][..l.len()].copy_from_slice(l);
                }
                None => break,
            }
            count += 1;
            p = ws;
        }
        candidates
            .iter()
            .find(|(_, words)| {
                words.len() <= count + 1
                    && words.iter().skip(1).enumerate().all(|(i, w)| &lowered[i][..lens[i]] == w.as_bytes())
            })
            .map(|&(phrase, _)| Cow::Borrowed(phrase))
    }
}

/// Chars glued before digits that make them money, a code or a number part ("$5", "#3", "+996").
const CURRENCY_OR_CODE_BEFORE: &[char] =
    &['$', '€', '£', '¥', '₽', '₸', '₹', '#', '№', '+', '§', '@', '^', '_', '/', '\\', ':', '×', '°', '='];

/// "Syrians", "Afghans", "Pakistanis": capitalised plural demonyms are counted nouns.
fn is_demonym_plural(lower: &[u8]) -> bool {
    tables::EN_DEMONYM_PLURAL_ENDINGS.iter().any(|e| lower.len() >= e.len() + 3 && lower.ends_with(e.as_bytes()))
}

/// Words joining two numbers of a range ("10 to 15", "between 10 and 15", "от 10 до 15").
const RANGE_LINKS: &[&str] = &["to", "and", "до", "и"];
/// Range links that make a range on their own ("10 to 15").
const RANGE_TO: &[&str] = &["to", "до"];
/// Words opening a range whose link is "and"/"и" ("between 10 and 15").
const RANGE_OPENERS: &[&str] = &["between", "from", "между", "от"];

/// Conjunctions allowed between two modifiers before the counted noun.
const COORDINATORS: &[&str] = &["and", "or", "и", "или"];

/// "may" written in lower case is the verb, not the month.
fn is_lowercase_may(w: &str) -> bool {
    w == "may"
}

/// Value of a run of ASCII digits (other bytes are ignored).
fn group(d: &[u8]) -> f64 {
    d.iter().filter(|x| x.is_ascii_digit()).fold(0.0, |acc, &x| acc * 10.0 + f64::from(x - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts found with plain words passed eight bytes a step, and one at a time.
    fn both_ways(text: &str) -> (Vec<QuantityMatch>, Vec<QuantityMatch>) {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        find_with(text, &[], &mut fast, true);
        find_with(text, &[], &mut slow, false);
        (fast, slow)
    }

    #[test]
    fn passing_plain_words_eight_bytes_a_step_finds_the_same_counts() {
        for text in [
            "The flood displaced 2,500 people and destroyed three bridges in two regions.",
            // number words at and across eight-byte steps, after non-ASCII and digits
            "aaaaaaa three teams; bbbbbbbbbbbbbb twenty-five volunteers",
            "Café seven chefs, naïve five pupils, дом два человека",
            "x1 G20 summit 10km 3rd 12 teams ab12 seven12 people",
            "ёж пять детей; йцукенг три семьи",
            "thethe those thirty theatre thousands of households, one hundred people",
            "q",
            "seven",
            "abcdefg seven",
            "abcdefgh",
            "abcdefghé twelve families",
            // a run passed over goes on through non-ASCII letters, and to the text's end
            "xдва человека, abcdefghдва человека",
            "aaaaaaaaseven teams",
            "aaaaaaaatwo men",
            "thxxxxxxxxxxxxxxx seven teams, the 5 teams, tho(3 teams), th2 teams, tw",
            "aaaaaaaaaaaaaaaaseven teams",
        ] {
            let (fast, slow) = both_ways(text);
            assert_eq!(fast, slow, "{text}");
        }
        let units = |text: &str| both_ways(text).0.iter().map(|m| m.unit.clone()).collect::<Vec<_>>();
        assert_eq!(
            units("aaaaaaa three teams and 12 volunteers in seven villages"),
            ["teams", "volunteers", "villages"]
        );
        // one word each: no number word inside
        assert_eq!(units("x два человека"), ["человека"]);
        assert!(units("xдва человека").is_empty());
        assert!(units("aaaaaaaaseven teams").is_empty());
        assert!(units("aaaaaaaatwo men").is_empty());
        assert_eq!(units("aaaaaaa two men"), ["men"]);
        assert_eq!(units("thxxxxxxxxxxxxxxx seven teams, the 5 teams, tho(3 teams)"), ["teams", "teams", "teams"]);
        assert_eq!(units("aaaaaaaa seven teams"), ["teams"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 256,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x9e37_79b9),
            ..proptest::test_runner::Config::default()
        })]

        #[test]
        fn plain_word_skipping_never_changes_the_counts(
            text in "([a-z]{1,9} |[a-z]{1,9}|[A-Z][a-z]{0,7} |[0-9]{1,4}|[ ,.;:()\n-]|three |Twenty |thousand |one |seven|é|д|два |два|teams |people |’s ){0,40}"
        ) {
            let (fast, slow) = both_ways(&text);
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    #[test]
    fn short_words_find_what_the_lexicon_map_holds() {
        let lex = &*LEXICON;
        let by_map = |w: &str| {
            let mut buf = [0u8; 64];
            match fold_into(w, &mut buf) {
                Some(l) => (lex.map.get(l).copied().unwrap_or_default(), true),
                None => (Entry::default(), false),
            }
        };
        let same = |a: (Entry, bool), b: (Entry, bool)| {
            a.1 == b.1
                && a.0.flags == b.0.flags
                && a.0.num.map(|(v, k)| (v.to_bits(), k)) == b.0.num.map(|(v, k)| (v.to_bits(), k))
        };
        let mut words: Vec<String> = Vec::new();
        for k in lex.map.keys() {
            let Ok(w) = std::str::from_utf8(k) else { continue };
            words.extend([w.to_string(), w.to_uppercase(), format!("{w}x"), format!("x{w}"), format!("{w}\0")]);
        }
        words.extend(["", "Two", "TWO", "people", "dozen", "\0", "Ёлка"].map(String::from));
        let mut short = 0;
        for w in &words {
            let want = by_map(w);
            assert!(same(lookup(lex, w), want), "{w:?}");
            let mut buf = [0u8; 64];
            if let Some(l) = fold_into(w, &mut buf) {
                assert!(same((lex.get(l), true), want), "{w:?}");
            }
            short += usize::from(crate::words::pack_lower8(w.as_bytes()).is_some() && want.0.flags != 0);
        }
        // a key with a capital is looked up as written, not by its packed lower case
        assert_eq!(lex.get(b"Two").flags, lex.map.get(&b"Two"[..]).map_or(0, |e| e.flags));
        assert!(short > 100, "{short}");
    }

    #[test]
    fn find_quantities_into_appends_what_find_quantities_returns() {
        let texts = [
            ("24 teams and 300 people met on 5 March 2023.", vec![Range { start: 31, end: 43 }]),
            ("Two regions received food for more than 1,500 families.", vec![]),
            ("", vec![]),
        ];
        let mut out = Vec::new();
        let mut want = Vec::new();
        for (text, exclude) in &texts {
            let before = out.len();
            find_quantities_into(text, exclude, &mut out);
            let alone = find_quantities(text, exclude);
            assert_eq!(out[before..], alone[..], "{text:?}");
            want.extend(alone);
        }
        assert_eq!(out, want);
        assert_eq!(out.iter().map(|q| q.unit.as_str()).collect::<Vec<_>>(), ["teams", "people", "regions", "families"]);
    }

    /// `fold_into` by its definition: each char folded, `None` past 64 bytes.
    fn fold_chars(word: &str) -> Option<Vec<u8>> {
        let s: String = word.chars().map(fold).collect();
        (s.len() <= 64).then(|| s.into_bytes())
    }

    /// The run loop's one-load test lets every ASCII number word through, in any case, and
    /// stops words that begin no number word.
    #[test]
    fn ascii_pairs_pass_every_number_word() {
        let lex = &*LEXICON;
        let mut n = 0;
        for (k, e) in &lex.map {
            if e.flags & F_NUM == 0 || k.len() < 2 || !k.is_ascii() || !k[1].is_ascii_alphabetic() {
                continue;
            }
            for (c, d) in [
                (k[0], k[1]),
                (k[0].to_ascii_uppercase(), k[1]),
                (k[0].to_ascii_uppercase(), k[1].to_ascii_uppercase()),
            ] {
                assert!(lex.ascii_pair(c, d), "{:?}", std::str::from_utf8(k));
            }
            n += 1;
        }
        assert!(n > 20, "{n} number words");
        for w in ["of", "in", "we", "up", "Xy", "q1", "t-"] {
            let b = w.as_bytes();
            assert!(!lex.ascii_pair(b[0], b[1]), "{w}");
        }
        // the walk leaves `may_start_number` out where `may_be_number` holds: it implies it
        for c in (0..128u8).map(char::from).chain('а'..='я').chain('А'..='Я') {
            for d in (0..128u8).map(char::from).chain('а'..='я') {
                if lex.may_begin_number(c, d) {
                    assert!(lex.may_start_number(c), "{c}{d}");
                }
            }
        }
    }

    #[test]
    fn fold_into_folds_each_char() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let word = format!("{c}Ёж{c}ЯA");
            let mut buf = [0u8; 64];
            assert_eq!(fold_into(&word, &mut buf).map(<[u8]>::to_vec), fold_chars(&word), "U+{u:04X}");
        }
        for word in ["ТЫСЯЧ", "тысяч", "Объединённых", "двадцать’", &"Я".repeat(32), &"Я".repeat(33), &"я".repeat(31)]
        {
            let mut buf = [0u8; 64];
            assert_eq!(fold_into(word, &mut buf).map(<[u8]>::to_vec), fold_chars(word), "{word:?}");
        }
        assert_eq!(fold_into("ЁЛКИ", &mut [0u8; 64]), Some("елки".as_bytes()));
    }
}
