//! Stage 3: read a dateline: the date (or range) and the place, in either order.
//!
//! Forms: date first ("10 December 2022, Dushanbe, Tajikistan", "November 18, 2022,
//! Turkmenistan, Ashgabat", "2 November 2022, Astana, Kazakhstan. `<caption>`"), place first
//! ("Bishkek, 18-19 November 2022"), Russian ("10 декабря 2022 г., г. Душанбе, Таджикистан"), a
//! lone date, a date with a short phrase ending in a place ("19 December 2022, Press cafe held in
//! Kyrgyzstan"), and newswire's inline form at the start of a body ("SAN FRANCISCO, March 3
//! (Reuters) - ...", "GENEVA, 3 March 2023 (IOM) – ...").

use std::ops::Range;

use crate::dates::{find_dates, first_date, DateMatch, NumericOrder};
use crate::model::PlaceKind;
use crate::places::{self, PlaceRef};
use crate::words::is_ascii_space;

/// A dateline read from a line. Offsets are relative to the line.
#[derive(Clone, Debug)]
pub(crate) struct ParsedDateline {
    /// The dateline itself (date and places, without a caption).
    pub span: Range<usize>,
    /// The date, if the dateline has one.
    pub date: Option<DateMatch>,
    /// The city, if one was written.
    pub city: Option<PlaceRef>,
    /// The country: written, or the city's.
    pub country: Option<PlaceRef>,
    /// The country was derived from the city.
    pub country_inferred: bool,
    /// The place part holds words that are no place ("Press cafe held in Kyrgyzstan").
    pub free_words: bool,
    /// Text after the dateline on the same line (a caption).
    pub caption: Option<Range<usize>>,
}

/// Words that may stand before a place name in a dateline and are not part of it.
const PLACE_PREFIXES: &[&str] = &["г. ", "г.", "город ", "гор. ", "с. ", "пос. ", "city of ", "City of ", "Photo: "];

/// Separators allowed between a leading date and the place part.
const DATE_PLACE_SEPARATORS: &[&str] = &[",", " –", " —", " -", ":", "."];

/// Dashes that end a newswire dateline.
const NEWSWIRE_DASHES: &[&str] = &[" -- ", " - ", " – ", " — ", "—", "–"];

/// The part of a line a dateline's date must start in (after at most a short place list).
const HEAD: usize = 200;
/// Longest place part before a date ("Mazar-i-Sharif, Balkh Province, Afghanistan"), in bytes.
const MAX_PLACE_PREFIX: usize = 100;
/// Longest place segment, in words.
const MAX_PLACE_WORDS: usize = 4;
/// Longest free phrase before a place ("Press cafe held in Kyrgyzstan"), in words.
const MAX_FREE_WORDS: usize = 6;

/// Labels that open a photo caption ("Photo: 2 November 2022, Astana, Kazakhstan. ...").
pub(crate) const CAPTION_LABELS: &[&str] =
    &["Photo:", "PHOTO:", "Photo credit:", "Photos:", "Picture:", "Caption:", "Фото:", "ФОТО:", "Photo -", "Photo –"];

/// Bit `b & 63` of word `b >> 6` set when a caption label starts with byte `b`.
const CAPTION_FIRST_BYTES: [u64; 4] = {
    let mut set = [0u64; 4];
    let mut k = 0;
    while k < CAPTION_LABELS.len() {
        let b = CAPTION_LABELS[k].as_bytes()[0];
        set[(b >> 6) as usize] |= 1 << (b & 63);
        k += 1;
    }
    set
};

/// The length of a caption label at the start of `line`, with the space after it.
pub(crate) fn caption_label_len(line: &str) -> usize {
    // most lines start with a byte no label starts with
    match line.as_bytes().first() {
        Some(&b) if CAPTION_FIRST_BYTES[usize::from(b >> 6)] >> (b & 63) & 1 != 0 => {}
        _ => return 0,
    }
    CAPTION_LABELS
        .iter()
        .find(|l| line.starts_with(**l))
        .map_or(0, |l| l.len() + (line[l.len()..].len() - line[l.len()..].trim_start().len()))
}

/// Reads `line` as a dateline standing on its own line (leading or trailing), after an optional
/// caption label.
pub(crate) fn parse(line: &str, order: NumericOrder) -> Option<ParsedDateline> {
    parse_known(line, order, None)
}

/// [`parse`], with `first_date(line, order)` given when the caller already knows it.
pub(crate) fn parse_known(line: &str, order: NumericOrder, first: Option<Option<DateMatch>>) -> Option<ParsedDateline> {
    let label = caption_label_len(line);
    if label == 0 {
        return parse_unlabelled(line, order, first);
    }
    let mut d = parse_unlabelled(&line[label..], order, None)?;
    let shift = |r: &mut Range<usize>| *r = r.start + label..r.end + label;
    shift(&mut d.span);
    if let Some(c) = d.caption.as_mut() {
        shift(c);
    }
    if let Some(m) = d.date.as_mut() {
        shift(&mut m.span);
    }
    Some(d)
}

/// `first`: `first_date(line, order)` when already known.
fn parse_unlabelled(line: &str, order: NumericOrder, first: Option<Option<DateMatch>>) -> Option<ParsedDateline> {
    // Every dateline date has a digit, and the date starts within the line's head (at most a
    // short place list before it): most prose lines end here.
    let mut head = HEAD.min(line.len());
    while !line.is_char_boundary(head) {
        head -= 1;
    }
    let first_digit = crate::swar::find_digit(&line.as_bytes()[..head], 0);
    if first_digit == head {
        return None;
    }
    // What stands before the date is a place list, a weekday or a month: capitalised words.
    if !capitalised_words(&line[..first_digit]) {
        return None;
    }
    if line.len() > HEAD {
        // A long line is a dateline only with a caption after it.
        let d = first_date(&line[..head], order)?;
        let p = if d.span.start == 0 { date_first(line, d)? } else { place_first(line, d)? };
        return p.caption.is_some().then_some(p);
    }
    let d = first.unwrap_or_else(|| first_date(line, order))?;
    if d.span.start == 0 {
        date_first(line, d)
    } else {
        place_first(line, d)
    }
}

fn date_first(line: &str, d: DateMatch) -> Option<ParsedDateline> {
    // A time of day may follow the date ("Tuesday, 26 January, 2021 - 12:09").
    let time = time_len(&line[d.span.end..]);
    let rest = &line[d.span.end + time..];
    if rest.trim().is_empty() {
        let span = d.span.start..d.span.end + time;
        return Some(ParsedDateline {
            span,
            date: Some(d),
            city: None,
            country: None,
            country_inferred: false,
            free_words: false,
            caption: None,
        });
    }
    let sep = DATE_PLACE_SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
    let after = d.span.end + time + sep.len();
    let lead = line[after..].len() - line[after..].trim_start().len();
    let parts = place_part(line, after + lead, true)?;
    Some(build(d.span.start..parts.end, Some(d), parts))
}

fn place_first(line: &str, d: DateMatch) -> Option<ParsedDateline> {
    let prefix = line[..d.span.start].trim_end();
    let prefix = prefix.strip_suffix(',').unwrap_or(prefix).trim_end();
    if prefix.is_empty() {
        return None;
    }
    // Places before a date are a few short names, never a clause.
    if prefix.len() > MAX_PLACE_PREFIX || prefix.split_whitespace().count() > 3 * MAX_PLACE_WORDS {
        return None;
    }
    // What follows the date first (cheap): the end of the line, or a caption.
    let rest = &line[d.span.end..];
    let caption = if rest.trim().is_empty() {
        None
    } else if let Some(c) = rest.strip_prefix(['.', ';']).filter(|c| c.starts_with(' ')) {
        let start = line.len() - c.trim_start().len();
        (start < line.len()).then_some(start..line.len())
    } else {
        return None;
    };
    let parts = place_part(prefix, 0, false)?;
    if parts.end != prefix.len() || parts.free_words {
        return None;
    }
    let start = line.len() - line.trim_start().len();
    let mut p = build(start..d.span.end, Some(d), parts);
    p.caption = caption;
    Some(p)
}

/// Reads a newswire dateline at the start of a body line: places, an optional date, an optional
/// agency in parentheses, then a dash. Returns the dateline and where the prose starts.
pub(crate) fn parse_inline(line: &str, order: NumericOrder) -> Option<(ParsedDateline, usize)> {
    let mut head_len = line.len().min(120);
    while !line.is_char_boundary(head_len) {
        head_len -= 1;
    }
    let head = &line[..head_len];
    let dash = first_newswire_dash(head);
    // Russian agencies write "ДУШАНБЕ, 14.03.2023 /НИАТ «Ховар»/. Министр ...".
    let slash = slash_agency(head);
    let (prefix_end, body_start) = match (dash, slash) {
        (Some(d), Some(s)) => {
            if s.0 < d.0 {
                s
            } else {
                d
            }
        }
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => return None,
    };
    let separator = &line[prefix_end..body_start];
    let body_start = body_start + (line[body_start..].len() - line[body_start..].trim_start().len());
    let mut prefix = line[..prefix_end].trim_end();
    // "(Reuters)" is an agency; "(5 March 2023)" is the date.
    let mut paren_date = None;
    if let Some(open) = prefix.strip_suffix(')').and_then(|p| p.rfind('(')) {
        let inner = &prefix[open + 1..prefix.len() - 1];
        if inner.contains(|c: char| c.is_ascii_digit()) {
            let d = first_date(inner, order).filter(|d| d.span == (0..inner.len()))?;
            paren_date = Some((d, open + 1, prefix.len()));
        } else if inner.is_empty() || inner.len() > 40 {
            return None;
        }
        prefix = prefix[..open].trim_end();
    }
    let before_digit = prefix.bytes().position(|b| b.is_ascii_digit()).unwrap_or(prefix.len());
    if !capitalised_words(&prefix[..before_digit]) {
        return None;
    }
    let dates = find_dates(prefix, order);
    let (places_end, date) = match dates.last() {
        Some(d) if d.span.end == prefix.len() && d.span.start > 0 => {
            (prefix[..d.span.start].trim_end().trim_end_matches(',').trim_end().len(), Some(d.clone()))
        }
        Some(_) => return None,
        None => (prefix.len(), None),
    };
    let place_text = &prefix[..places_end];
    let first_word_caps = crate::layout::is_all_caps(place_text)
        || place_text.split(',').next().is_some_and(|w| {
            let w = w.trim();
            w.len() >= 3 && w.chars().all(|c| !c.is_lowercase())
        });
    let parts = place_part(place_text, 0, false)?;
    if parts.end != place_text.len() || parts.free_words || parts.places.is_empty() {
        return None;
    }
    // Without a date, a place in ordinary case must be a city ("Geneva – On Monday, ...") and
    // the dash a real one.
    if date.is_none()
        && !first_word_caps
        && (!separator.contains(['–', '—']) || !parts.places.iter().any(|p| p.kind == PlaceKind::City))
    {
        return None;
    }
    let mut end = date.as_ref().map_or(places_end, |d| d.span.end);
    let mut date = date;
    let mut body_start = body_start;
    if let Some((mut d, at, close)) = paren_date.filter(|_| date.is_none()) {
        d.span = at + d.span.start..at + d.span.end;
        date = Some(d);
        end = close;
    } else if date.is_none() {
        // "Lilongwe, Malawi – 28 February 2023: The ministry ...": the date opens the prose.
        if let Some(d) = first_date(&line[body_start..], order).filter(|d| d.span.start == 0) {
            let after = &line[body_start + d.span.end..];
            if after.starts_with([':', '.', ','])
                || after.starts_with(" –")
                || after.starts_with(" —")
                || after.starts_with(" -")
            {
                let sep = after.len() - after[1..].trim_start_matches(['–', '—', '-']).len();
                let mut d = d;
                d.span = body_start + d.span.start..body_start + d.span.end;
                end = d.span.end;
                body_start = d.span.end + sep;
                body_start += line[body_start..].len() - line[body_start..].trim_start().len();
                date = Some(d);
            }
        }
    }
    Some((build(0..end, date, parts), body_start))
}

/// The first newswire dash of `head` (the leftmost; at one position, the first in
/// [`NEWSWIRE_DASHES`]): its start and end. Every dash holds '-' or the lead byte 0xE2 ('–',
/// '—') at its first or second byte, so only the bytes around those are compared.
fn first_newswire_dash(head: &str) -> Option<(usize, usize)> {
    let b = head.as_bytes();
    let mut from = 0;
    loop {
        // a hyphen, or the lead byte of an en or em dash
        let q = crate::swar::find_byte2(b, from, b'-', 0xE2);
        if q >= b.len() {
            return None;
        }
        for p in q.saturating_sub(1)..=q {
            if let Some(d) = NEWSWIRE_DASHES.iter().find(|d| b[p..].starts_with(d.as_bytes())) {
                return Some((p, p + d.len()));
            }
        }
        from = q + 1;
    }
}

/// An agency written between slashes after a newswire dateline: where the dateline ends, and
/// where the prose starts (after a full stop, a comma or a dash).
fn slash_agency(head: &str) -> Option<(usize, usize)> {
    // the first " /": a slash with a space before it
    let b = head.as_bytes();
    let mut from = 1;
    let open = loop {
        let q = crate::swar::find_byte(b, from, b'/');
        match q.checked_sub(1).map(|p| b.get(p..=q)) {
            Some(Some(b" /")) => break q - 1,
            Some(Some(_)) => from = q + 1,
            _ => return None,
        }
    };
    let inner_start = open + 2;
    let close = inner_start + head[inner_start..].find('/')?;
    let agency = &head[inner_start..close];
    if agency.is_empty() || agency.len() > 60 || agency.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = &head[close + 1..];
    let sep = if after.starts_with(['.', ',', ':']) {
        1
    } else {
        let t = after.trim_start();
        let dash = ["–", "—", "-"].iter().find(|d| t.starts_with(**d))?;
        after.len() - t.len() + dash.len()
    };
    Some((open, close + 1 + sep))
}

/// Lower-case words that may stand inside a place name or before it in a dateline ("Rio de
/// Janeiro", "Bosnia and Herzegovina", "г. Душанбе").
const PLACE_CONNECTORS: &[&str] = &[
    "of",
    "and",
    "de",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "della",
    "di",
    "la",
    "le",
    "les",
    "el",
    "al",
    "ad",
    "as",
    "es",
    "en",
    "sur",
    "am",
    "an",
    "im",
    "der",
    "upon",
    "on",
    "y",
    "i",
    "г.",
    "г",
    "город",
    "гор.",
    "с.",
    "пос.",
    "и",
    "на",
    "city",
    "the",
];

/// Every word of `s` starts with a capital or a digit, or is a place connector: the shape of
/// what may precede a dateline's date. Cheap, so prose lines are dropped before any date search.
fn capitalised_words(s: &str) -> bool {
    if s.is_ascii() {
        return capitalised_words_ascii(s.as_bytes());
    }
    capitalised_words_chars(s)
}

/// [`capitalised_words`] on ASCII text, word by word over the bytes: a word fails only when,
/// trimmed of punctuation, it starts with a lower-case letter and is not a place connector.
fn capitalised_words_ascii(s: &[u8]) -> bool {
    let trim = |b: u8| matches!(b, b',' | b';' | b':' | b'(' | b')' | b'"' | b'-' | b'/');
    let mut i = 0;
    while i < s.len() {
        if is_ascii_space(s[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.len() && !is_ascii_space(s[i]) {
            i += 1;
        }
        let mut w = &s[start..i];
        while let [first, rest @ ..] = w {
            if !trim(*first) {
                break;
            }
            w = rest;
        }
        while let [rest @ .., last] = w {
            if !trim(*last) {
                break;
            }
            w = rest;
        }
        if w.first().is_some_and(u8::is_ascii_lowercase) && !PLACE_CONNECTORS.iter().any(|c| c.as_bytes() == w) {
            return false;
        }
    }
    true
}

/// [`capitalised_words`] char by char, for any text.
fn capitalised_words_chars(s: &str) -> bool {
    s.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '«' | '»' | '“' | '”' | '–' | '—' | '-' | '/')
        });
        w.is_empty()
            || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || PLACE_CONNECTORS.contains(&w)
            || !w.starts_with(char::is_alphabetic)
    })
}

/// The place part of a dateline: comma-separated place names, maybe a final free phrase ending in
/// a place, then the end of the line or a caption.
struct PlaceParts {
    places: PlaceList,
    free_words: bool,
    /// End of the last place (relative to the line).
    end: usize,
    caption: Option<Range<usize>>,
}

/// The places of a dateline, in order: three at most ("Osh, Kyrgyzstan"; "Springfield,
/// Illinois, United States"), kept inline.
#[derive(Clone, Copy, Debug, Default)]
struct PlaceList {
    items: [Option<PlaceRef>; 3],
    len: usize,
}

impl PlaceList {
    /// Adds `p`; false when the list is full.
    fn push(&mut self, p: PlaceRef) -> bool {
        let Some(slot) = self.items.get_mut(self.len) else {
            return false;
        };
        *slot = Some(p);
        self.len += 1;
        true
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn iter(&self) -> impl Iterator<Item = &PlaceRef> {
        self.items.iter().flatten()
    }
}

fn place_part(line: &str, from: usize, allow_caption: bool) -> Option<PlaceParts> {
    let mut parts = PlaceParts { places: PlaceList::default(), free_words: false, end: from, caption: None };
    let mut pos = from;
    loop {
        let seg_start = pos + (line[pos..].len() - line[pos..].trim_start().len());
        let mut name_start = seg_start;
        if let Some(p) = PLACE_PREFIXES.iter().find(|p| line[seg_start..].starts_with(**p)) {
            name_start += p.len();
            name_start += line[name_start..].len() - line[name_start..].trim_start().len();
        }
        let (seg_end, term) = segment_end(line, name_start);
        let seg = line[name_start..seg_end].trim_end();
        if seg.is_empty() || seg.split_whitespace().count() > MAX_PLACE_WORDS + MAX_FREE_WORDS {
            return None;
        }
        let words = seg.split_whitespace().count();
        match (words <= MAX_PLACE_WORDS).then(|| places::lookup(seg, &[])).flatten() {
            Some(p) => {
                if !parts.places.push(p) {
                    return None;
                }
            }
            None => {
                // A short phrase that ends in a place ("Press cafe held in Kyrgyzstan"), last.
                let p = tail_place(seg)?;
                if words > MAX_FREE_WORDS + 1 || term == Term::Comma {
                    return None;
                }
                parts.free_words = true;
                if !parts.places.push(p) {
                    return None;
                }
            }
        }
        parts.end = name_start + seg.len();
        match term {
            Term::Comma if parts.places.len() < 3 => pos = seg_end + 1,
            Term::Comma => return None,
            Term::End => break,
            Term::Caption(at) => {
                if !allow_caption {
                    return None;
                }
                parts.caption = Some(at..line.len());
                break;
            }
        }
    }
    Some(parts)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    Comma,
    End,
    /// A caption starts at this offset.
    Caption(usize),
}

/// Length of a time of day at the start of `s`, with the separator before it: " - 12:09",
/// ", 14.30 CET", " 9:15 a.m.". Zero when there is none.
fn time_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && matches!(b[i], b' ' | b',' | b'-' | b'@') {
        i += 1;
    }
    if let Some(rest) = s.get(i..) {
        for dash in ["–", "—"] {
            if rest.starts_with(dash) {
                i += dash.len();
                while i < b.len() && b[i] == b' ' {
                    i += 1;
                }
            }
        }
    }
    let h = b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&h) || !matches!(b.get(i + h), Some(b':' | b'.' | b'h')) {
        return 0;
    }
    let m = b[i + h + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    if m != 2 {
        return 0;
    }
    let mut end = i + h + 1 + m;
    let tail = &s[end..];
    for suffix in
        [" a.m.", " p.m.", " am", " pm", " AM", " PM", "am", "pm", " CET", " GMT", " UTC", " EAT", " EST", " ET"]
    {
        if tail.starts_with(suffix) && !tail[suffix.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            end += suffix.len();
            break;
        }
    }
    if s[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return 0;
    }
    end
}

/// Where the segment starting at `from` ends, and what ends it.
fn segment_end(line: &str, from: usize) -> (usize, Term) {
    let b = line.as_bytes();
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b',' | b';' => return (i, Term::Comma),
            b'.' | b':' | b'!' | b'?' => {
                let rest = &line[i + 1..];
                let text = rest.trim_start();
                if text.is_empty() {
                    return (i, Term::End);
                }
                if rest.len() > text.len() {
                    return (i, Term::Caption(line.len() - text.len()));
                }
            }
            b' ' => {
                for d in [" – ", " — ", " - "] {
                    if b[i..].starts_with(d.as_bytes()) {
                        let text = line[i + d.len()..].trim_start();
                        return if text.is_empty() {
                            (i, Term::End)
                        } else {
                            (i, Term::Caption(line.len() - text.len()))
                        };
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    (b.len(), Term::End)
}

/// The place that ends a short phrase: its last one to three words.
fn tail_place(seg: &str) -> Option<PlaceRef> {
    // the starts of the last four words (a ring), and how many words there are
    let mut starts = [0usize; 4];
    let mut words = 0;
    for w in seg.split_whitespace() {
        starts[words % 4] = w.as_ptr() as usize - seg.as_ptr() as usize;
        words += 1;
    }
    (1..=3.min(words.saturating_sub(1))).rev().find_map(|n| {
        let start = starts[(words - n) % 4];
        let name = &seg[start..];
        name.starts_with(|c: char| c.is_uppercase()).then(|| places::lookup(name, &[])).flatten()
    })
}

fn build(span: Range<usize>, date: Option<DateMatch>, parts: PlaceParts) -> ParsedDateline {
    let country = parts.places.iter().find(|p| p.kind == PlaceKind::Country).copied();
    let context = country.map(|c| [c.country_code]);
    let context: &[&str] = context.as_ref().map_or(&[], |c| c.as_slice());
    // Re-resolve cities knowing the written country ("Valencia, Venezuela").
    let city = parts.places.iter().find(|p| p.kind == PlaceKind::City).map(|c| {
        if context.is_empty() {
            *c
        } else {
            places::lookup(c.name, context).filter(|r| r.kind == PlaceKind::City).unwrap_or(*c)
        }
    });
    let (country, country_inferred) = match (country, city) {
        (Some(c), _) => (Some(c), false),
        (None, Some(city)) => (places::country(city.country_code), true),
        (None, None) => (None, false),
    };
    ParsedDateline { span, date, city, country, country_inferred, free_words: parts.free_words, caption: parts.caption }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_place_reads_the_last_words_as_before() {
        // the definition: the last three, two, then one word (never the whole phrase)
        let reference = |seg: &str| {
            let words: Vec<&str> = seg.split_whitespace().collect();
            (1..=3.min(words.len().saturating_sub(1))).rev().find_map(|n| {
                let start = words[words.len() - n].as_ptr() as usize - seg.as_ptr() as usize;
                let name = &seg[start..];
                name.starts_with(|c: char| c.is_uppercase()).then(|| places::lookup(name, &[])).flatten()
            })
        };
        for seg in [
            "Press cafe held in Kyrgyzstan",
            "held in New York",
            "Kyrgyzstan",
            "",
            "in  Osh",
            "a b c d e f Bishkek",
            "meeting in Rio de Janeiro",
            "talks near the town",
        ] {
            assert_eq!(tail_place(seg), reference(seg), "{seg:?}");
        }
        assert_eq!(tail_place("Press cafe held in Kyrgyzstan").map(|p| p.name), Some("Kyrgyzstan"));
    }

    #[test]
    fn a_place_list_holds_three() {
        let p = places::lookup("Osh", &[]).unwrap();
        let mut list = PlaceList::default();
        assert!(list.is_empty());
        assert!(list.push(p) && list.push(p) && list.push(p));
        assert!(!list.push(p));
        assert_eq!((list.len(), list.iter().count()), (3, 3));
    }

    #[test]
    fn capitalised_words_ascii_path_matches_the_char_path() {
        let words = [
            "Kabul",
            "of",
            "de",
            "and",
            "(Reuters)",
            "--",
            "\"the",
            "the\"",
            "-",
            "",
            "9",
            "x",
            "/of/",
            "Of",
            "ofs",
            ":de,",
        ];
        let gaps = [" ", "  ", "\t", "\n", "\x0b", ", "];
        for a in words {
            for b in words {
                for g in gaps {
                    let s = format!("{g}{a}{g}{b}");
                    assert_eq!(capitalised_words(&s), capitalised_words_chars(&s), "{s:?}");
                    assert_eq!(capitalised_words_ascii(s.as_bytes()), capitalised_words_chars(&s), "{s:?}");
                }
            }
        }
        assert!(capitalised_words("Bishkek, Republic of Kyrgyzstan, "));
        assert!(!capitalised_words("the agency said on "));
        assert!(capitalised_words("MAPUTO (IOM) - "));
    }

    #[test]
    fn first_newswire_dash_is_the_leftmost_of_any_dash() {
        // the plain definition: each dash's first occurrence, the leftmost wins
        let naive = |h: &str| {
            NEWSWIRE_DASHES.iter().filter_map(|d| h.find(d).map(|at| (at, at + d.len()))).min_by_key(|&(at, _)| at)
        };
        for h in [
            "KABUL (Reuters) - Taliban officials said",
            "GENEVA -- The agency",
            "Nairobi – Floods displaced",
            "ДУШАНБЕ, 14 марта — Министр",
            "A well-known x — then y - z",
            "well-known–joined and then – spaced",
            "no dash at all",
            "-- leading",
            "trailing –",
            "e\u{301}–é — x",
            "",
        ] {
            assert_eq!(first_newswire_dash(h), naive(h), "{h:?}");
        }
        assert_eq!(first_newswire_dash("KABUL (Reuters) - Taliban"), Some((15, 18)));
        assert_eq!(first_newswire_dash("Nairobi—Floods"), Some((7, 10)));
    }

    #[test]
    fn every_caption_label_passes_the_first_byte_filter() {
        for label in CAPTION_LABELS {
            let line = format!("{label}  2 November 2022, Astana");
            assert_eq!(caption_label_len(&line), label.len() + 2, "{label:?}");
        }
        for line in ["", "photo: x", "Phot", "Caption", " Photo: x", "Фото 1"] {
            assert_eq!(caption_label_len(line), 0, "{line:?}");
        }
    }

    #[test]
    fn slash_agency_opens_at_the_first_slash_after_a_space() {
        let opening = |h: &str| {
            let b = h.as_bytes();
            (1..b.len()).find(|&q| b[q] == b'/' && b[q - 1] == b' ').map(|q| q - 1)
        };
        for h in [
            "ДУШАНБЕ, 14.03.2023 /НИАТ «Ховар»/. Министр",
            "and/or /TASS/ - text",
            "/x/ y /AKIpress/, text",
            "a /b",
            " /",
            "/",
            "",
            "no slash",
            "x/ /y/ – z",
        ] {
            // an agency found opens where the first " /" is
            if let Some((open, _)) = slash_agency(h) {
                assert_eq!(Some(open), opening(h), "{h:?}");
            }
        }
        assert_eq!(slash_agency("and/or /TASS/ - text"), Some((6, 15)));
        assert_eq!(slash_agency("/x/ y /AKIpress/, text"), Some((5, 17)));
        assert_eq!(slash_agency("ДУШАНБЕ, 14.03.2023 /НИАТ «Ховар»/. Министр"), Some((26, 53)));
        assert_eq!(slash_agency("x/ /y/ – z"), Some((2, 10)));
        assert_eq!(slash_agency("and/or text"), None);
    }

    /// Text, city, country, country inferred, caption.
    type Read = (String, Option<&'static str>, Option<&'static str>, bool, Option<String>);

    fn read(line: &str) -> Option<Read> {
        parse(line, NumericOrder::DayFirst).map(|d| {
            (
                line[d.span.clone()].to_string(),
                d.city.map(|c| c.name),
                d.country.map(|c| c.name),
                d.country_inferred,
                d.caption.map(|c| line[c].to_string()),
            )
        })
    }

    #[test]
    fn date_first_and_place_first() {
        let s = |x: &str| x.to_string();
        assert_eq!(
            read("10 December 2022, Dushanbe, Tajikistan"),
            Some((s("10 December 2022, Dushanbe, Tajikistan"), Some("Dushanbe"), Some("Tajikistan"), false, None))
        );
        assert_eq!(
            read("Bishkek, 18-19 November 2022"),
            Some((s("Bishkek, 18-19 November 2022"), Some("Bishkek"), Some("Kyrgyzstan"), true, None))
        );
        assert_eq!(
            read("November 18, 2022, Turkmenistan, Ashgabat"),
            Some((s("November 18, 2022, Turkmenistan, Ashgabat"), Some("Ashgabat"), Some("Turkmenistan"), false, None))
        );
        assert_eq!(
            read("2 November 2022, Astana, Kazakhstan. The Ministry of Internal Affairs met."),
            Some((
                s("2 November 2022, Astana, Kazakhstan"),
                Some("Astana"),
                Some("Kazakhstan"),
                false,
                Some(s("The Ministry of Internal Affairs met."))
            ))
        );
        assert_eq!(
            read("19 December 2022, Press cafe held in Kyrgyzstan"),
            Some((s("19 December 2022, Press cafe held in Kyrgyzstan"), None, Some("Kyrgyzstan"), false, None))
        );
    }

    #[test]
    fn prose_is_not_a_dateline() {
        assert!(read("10 December 2022 was a day to remember in Dushanbe.").is_none());
        assert!(read("On 10 December 2022, the team met in Dushanbe.").is_none());
        assert!(read("The forum, held on 10 December 2022, was a success.").is_none());
        assert!(read("10 December 2022, the ministry held a forum with partners from many regions").is_none());
    }

    #[test]
    fn newswire_inline() {
        let line = "GENEVA, 3 March 2023 (IOM) – The International Organization for Migration said";
        let (d, body) = parse_inline(line, NumericOrder::DayFirst).unwrap();
        assert_eq!(&line[d.span.clone()], "GENEVA, 3 March 2023");
        assert_eq!(d.city.map(|c| c.name), Some("Geneva"));
        assert_eq!(&line[body..body + 3], "The");
        assert!(parse_inline("The meeting - which was long - ended.", NumericOrder::DayFirst).is_none());
        // The date in parentheses, or opening the prose after the dash.
        let line = "GENEVA (5 March 2023) – Four UN agencies warned on Friday.";
        let (d, body) = parse_inline(line, NumericOrder::DayFirst).unwrap();
        assert_eq!(&line[d.span.clone()], "GENEVA (5 March 2023)");
        assert_eq!(d.date.as_ref().map(|m| &line[m.span.clone()]), Some("5 March 2023"));
        assert_eq!(&line[body..body + 4], "Four");
        let line = "Lilongwe, Malawi – 28 February 2023: The Ministry of Health reported new cases.";
        let (d, body) = parse_inline(line, NumericOrder::DayFirst).unwrap();
        assert_eq!(&line[d.span.clone()], "Lilongwe, Malawi – 28 February 2023");
        assert_eq!(d.country.map(|c| c.name), Some("Malawi"));
        assert_eq!(&line[body..body + 3], "The");
        assert!(parse_inline("GENEVA (Reuters 2) – text", NumericOrder::DayFirst).is_none());
    }
}
