//! Place finding in running text: one pass over the text, candidate words only.

use super::{is_all_caps, is_joiner, is_letter, is_upper, is_word_char, pick, Gazetteer, KeyInfo, Place, PlaceKind};
use std::ops::Range;

use once_cell::sync::Lazy;

use crate::words::WordSet;

/// Words that, right before a name, say "this is a place" ("in Nice", "from Reading").
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "into",
    "across",
    "outside",
    "inside",
    "around",
    "toward",
    "towards",
    "via",
    "through",
    "throughout",
    "within",
    "between",
    "across",
    "visited",
    "reached",
    "в",
    "во",
    "из",
    "на",
];

/// Titles that make the next capitalized word a person's name ("Mr. Jordan", "President
/// Georgia ..."), compared case-insensitively, with or without a final period.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "lady",
    "lord",
    "president",
    "minister",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "general",
    "gen",
    "col",
    "colonel",
    "captain",
    "capt",
    "senator",
    "sen",
    "rep",
    "ambassador",
    "judge",
    "pope",
    "chairman",
    "chairwoman",
    "director",
    "secretary",
    "commissioner",
    "governor",
    "mayor",
    "st",
    "saint",
    "г-н",
    "г-жа",
];

/// What may stand between two listed names ("Reading and Bath", "Osh, Naryn").
const LIST_GAPS: &[&str] = &[",", "and", ", and", "or", ", or", "&", "/", "и", ", и", "или"];

/// Month name prefixes: a capitalized name at the start of a line followed by a date
/// ("ROME, March 3") is a dateline city.
const MONTH_PREFIXES: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Opening punctuation skipped when deciding whether a word starts a sentence.
const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '[', '«', '„', '*', '_'];

/// A city this large is taken without place context even when its name is a common word
/// ("Shanghai", "Phoenix"): the prior that the capitalized word means the city is high.
const BIG_CITY: u32 = 1_000_000;

/// Words that open a sentence before a name without being part of it ("The Bishkek office").
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "our",
    "their",
    "his",
    "her",
    "every",
    "each",
    "both",
    "all",
    "some",
    "most",
    "many",
    "several",
    "another",
    "other",
    "no",
    "when",
    "while",
    "after",
    "before",
    "since",
    "as",
    "if",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "also",
    "both",
    "where",
    "whereas",
    "yesterday",
    "today",
    "tomorrow",
];

/// Nouns that say the names near them are regions ("the provinces of Hatay and Gaziantep",
/// "Batken province"), several languages; lower-case.
const REGION_NOUNS: &[&str] = &[
    "province",
    "provinces",
    "region",
    "regions",
    "state",
    "states",
    "oblast",
    "oblasts",
    "county",
    "counties",
    "governorate",
    "governorates",
    "prefecture",
    "prefectures",
    "department",
    "departments",
    "canton",
    "cantons",
    "district",
    "districts",
    "velayat",
    "region's",
    "область",
    "области",
    "областях",
    "регион",
    "регионе",
    "регионах",
    "провинция",
    "провинции",
    "штат",
    "штате",
    "велаят",
    "велаяте",
];

/// Words that join names in a list the region noun heads ("the provinces of Hatay and Osh").
const LIST_WORDS: &[&str] = &["of", "and", "or", "the", "и"];

static PREPOSITION_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(PLACE_PREPOSITIONS));
static TITLE_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(TITLES));
static DETERMINER_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(DETERMINERS));
static REGION_NOUN_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(REGION_NOUNS));
static LIST_WORD_SET: Lazy<WordSet> = Lazy::new(|| WordSet::new(LIST_WORDS));

/// An ALL-CAPS word this short in mixed-case text is more likely an acronym ("ILO", "FAO")
/// than a place, unless it is a registered abbreviation ("US", "UK") or has place evidence.
const ACRONYM_MAX_LETTERS: usize = 4;

/// Most chars allowed between two words of one name ("St. Petersburg", "Côte d’Ivoire").
const MAX_GAP_CHARS: usize = 3;

/// One place mention found by [`Gazetteer::find`].
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMatch {
    /// Byte range of the mention in the text (`&text[span]` is the name as written).
    pub span: Range<usize>,
    /// Every entry the written name may denote, best first (never empty).
    pub candidates: Vec<&'static Place>,
    /// The name is ambiguous with a common word or an acronym and the text around it gives
    /// no place evidence: keep it only if one of its candidates lies in a context country
    /// ([`resolve_matches`] does this).
    pub weak: bool,
}

/// A match's candidates, best first: up to three inline (nearly every match: seven in ten
/// names have one candidate, nearly all the rest two or three), more on the heap. The
/// pipeline keeps a block's matches until its items are built, so a vector per match was
/// one long-lived allocation per place mention.
#[derive(Clone, Debug)]
pub(crate) enum Cands {
    Inline([&'static Place; Cands::INLINE], u8),
    Heap(Vec<&'static Place>),
}

/// Fills the unused inline slots of [`Cands`]; never read.
static NO_PLACE: Place = Place { id: u32::MAX, name: "", kind: PlaceKind::City, country_code: "", population: 0 };

impl Cands {
    const INLINE: usize = 3;

    fn new() -> Cands {
        Cands::Inline([&NO_PLACE; Cands::INLINE], 0)
    }

    fn push(&mut self, p: &'static Place) {
        match self {
            Cands::Inline(list, len) if usize::from(*len) < Cands::INLINE => {
                list[usize::from(*len)] = p;
                *len += 1;
            }
            Cands::Inline(list, _) => {
                let mut v = Vec::with_capacity(2 * Cands::INLINE);
                v.extend_from_slice(list);
                v.push(p);
                *self = Cands::Heap(v);
            }
            Cands::Heap(v) => v.push(p),
        }
    }

    pub(crate) fn as_slice(&self) -> &[&'static Place] {
        match self {
            Cands::Inline(list, len) => &list[..usize::from(*len)],
            Cands::Heap(v) => v,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [&'static Place] {
        match self {
            Cands::Inline(list, len) => &mut list[..usize::from(*len)],
            Cands::Heap(v) => v,
        }
    }

    /// Keeps the candidates `keep` accepts, in order.
    fn retain(&mut self, keep: impl Fn(&'static Place) -> bool) {
        match self {
            Cands::Inline(list, len) => {
                let mut n = 0;
                for i in 0..usize::from(*len) {
                    if keep(list[i]) {
                        list[n] = list[i];
                        n += 1;
                    }
                }
                // n <= len <= INLINE
                *len = n as u8;
            }
            Cands::Heap(v) => v.retain(|&p| keep(p)),
        }
    }

    fn into_vec(self) -> Vec<&'static Place> {
        match self {
            Cands::Inline(list, len) => list[..usize::from(len)].to_vec(),
            Cands::Heap(v) => v,
        }
    }
}

/// A place mention as the pipeline keeps it: [`PlaceMatch`] with its candidates in a
/// [`Cands`].
#[derive(Clone, Debug)]
pub(crate) struct RawMatch {
    pub(crate) span: Range<usize>,
    pub(crate) candidates: Cands,
    pub(crate) weak: bool,
}

impl From<RawMatch> for PlaceMatch {
    fn from(m: RawMatch) -> PlaceMatch {
        PlaceMatch { span: m.span, candidates: m.candidates.into_vec(), weak: m.weak }
    }
}

/// What [`resolve_each`] reads of a match.
pub(crate) trait MatchParts {
    /// The span, the candidates best first, and whether the match is weak.
    fn parts(&self) -> (&Range<usize>, &[&'static Place], bool);
}

impl MatchParts for PlaceMatch {
    fn parts(&self) -> (&Range<usize>, &[&'static Place], bool) {
        (&self.span, &self.candidates, self.weak)
    }
}

impl MatchParts for RawMatch {
    fn parts(&self) -> (&Range<usize>, &[&'static Place], bool) {
        (&self.span, self.candidates.as_slice(), self.weak)
    }
}

/// Resolves matches against context country codes (ISO alpha-2, those written in the same
/// item or document): each match becomes its first candidate lying in a context country,
/// else its first candidate. Countries of unambiguous, non-weak matches in `matches` are
/// added to the context. Weak matches with no candidate in the context are dropped.
///
/// # Example
/// ```
/// use bulletin_events::gazetteer::{resolve_matches, Gazetteer};
/// let text = "Clashes in Tripoli, Lebanon, and shelling near Tripoli.";
/// let r = resolve_matches(&Gazetteer::global().find(text), &[]);
/// let codes: Vec<&str> = r.iter().map(|(_, p)| p.country_code).collect();
/// assert_eq!(codes, ["LB", "LB", "LB"]);
/// ```
pub fn resolve_matches(matches: &[PlaceMatch], context: &[&str]) -> Vec<(Range<usize>, &'static Place)> {
    let mut out = Vec::with_capacity(matches.len());
    resolve_each(matches, context, |span, p| out.push((span.clone(), p)));
    out
}

/// [`resolve_matches`], each kept match and its place handed to `f` in order: no vector.
pub(crate) fn resolve_each<'c, M: MatchParts>(
    matches: &[M],
    context: &[&'c str],
    mut f: impl FnMut(&Range<usize>, &'static Place),
) {
    // The context countries: the given ones, then those of unambiguous matches. Short lists
    // (nearly all) live on the stack.
    let cap = context.len() + matches.len();
    let mut stack: [&'c str; 16] = [""; 16];
    let mut heap;
    let buf: &mut [&'c str] = if cap <= stack.len() {
        &mut stack[..cap]
    } else {
        heap = vec![""; cap];
        &mut heap
    };
    buf[..context.len()].copy_from_slice(context);
    let mut n = context.len();
    for m in matches {
        let (_, candidates, weak) = m.parts();
        if weak {
            continue;
        }
        if let Some(first) = candidates.first() {
            let cc = first.country_code;
            if candidates.iter().all(|p| p.country_code == cc) && !buf[..n].contains(&cc) {
                buf[n] = cc;
                n += 1;
            }
        }
    }
    let ctx = &buf[..n];
    for m in matches {
        let (span, candidates, weak) = m.parts();
        if let Some(p) = candidates.first().and_then(|best| pick(candidates.iter().copied(), best, ctx)) {
            f(span, p);
        } else if !weak {
            if let Some(p) = candidates.first() {
                f(span, p);
            }
        }
    }
}

/// Char at byte `i` (which must be a char boundary of `text`). Two-byte sequences (Latin
/// letters with accents, Cyrillic) are decoded straight from the bytes.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let bytes = text.as_bytes();
    let b0 = *bytes.get(i)?;
    if b0 < 0x80 {
        return Some(char::from(b0));
    }
    if (0xC2..=0xDF).contains(&b0) {
        if let Some(&b1) = bytes.get(i + 1) {
            if b1 & 0xC0 == 0x80 {
                return char::from_u32((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F));
            }
        }
    }
    text.get(i..).and_then(|s| s.chars().next())
}

/// Char ending at byte `i`.
#[inline]
fn char_before(text: &str, i: usize) -> Option<char> {
    if let Some(&b) = text.as_bytes().get(i.wrapping_sub(1)) {
        if b < 0x80 && i <= text.len() {
            return Some(char::from(b));
        }
    }
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// ASCII letters and digits folded to lower case; 0 for every other byte.
pub(super) static ASCII_FOLD: [u8; 256] = ascii_fold();

const fn ascii_fold() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
}

/// `true` for each byte of `x` that is an ASCII capital or a non-ASCII byte (high bit set
/// in that byte of the result).
#[inline]
fn swar_interesting(x: u64) -> u64 {
    use crate::swar::{between, H8};
    (x & H8) | between(x, 0x40, 0x5B)
}

/// First byte at or after `i` that is an ASCII capital or non-ASCII (`bytes.len()` if none).
#[inline]
fn next_interesting(bytes: &[u8], mut i: usize) -> usize {
    while i + 8 <= bytes.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i..i + 8]);
        let m = swar_interesting(u64::from_le_bytes(w));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && !(bytes[i].is_ascii_uppercase() || bytes[i] >= 0x80) {
        i += 1;
    }
    i
}

/// End of the word starting at `i` (first byte that is not part of a word).
#[inline]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        i = crate::swar::alnum_run_end(bytes, i);
        if i >= bytes.len() || bytes[i] < 0x80 {
            return i;
        }
        // Two-byte Latin letters (U+00C0..U+027F but × and ÷) and basic Cyrillic (U+0400..U+047F)
        // are word chars: decided from the bytes, as `is_word_char` does.
        // A run of them is stepped over here: Cyrillic words are nothing else.
        let start = i;
        while let Some(&[b0, b1]) = bytes.get(i..i + 2) {
            if b1 & 0xC0 == 0x80
                && (matches!(b0, 0xC4..=0xC9 | 0xD0 | 0xD1) || (b0 == 0xC3 && b1 != 0x97 && b1 != 0xB7))
            {
                i += 2;
            } else {
                break;
            }
        }
        if i > start {
            continue;
        }
        match char_at(text, i) {
            Some(ch) if is_word_char(ch) => i += ch.len_utf8(),
            _ => return i,
        }
    }
}

/// Start of the word ending at `i`.
fn word_start_before(text: &str, mut i: usize) -> usize {
    while let Some(ch) = char_before(text, i) {
        if !is_word_char(ch) {
            break;
        }
        i -= ch.len_utf8();
    }
    i
}

/// Number of letters in `s`.
fn letters(s: &str) -> usize {
    s.chars().filter(|&c| is_letter(c)).count()
}

/// The word before byte `start`, separated from it only by spaces (no line break).
fn prev_word(text: &str, start: usize) -> Option<&str> {
    let mut i = start;
    let mut saw_space = false;
    while let Some(ch) = char_before(text, i) {
        if ch == ' ' || ch == '\u{a0}' || ch == '\t' {
            saw_space = true;
            i -= ch.len_utf8();
        } else {
            break;
        }
    }
    if !saw_space {
        return None;
    }
    let s = word_start_before(text, i);
    (s < i).then(|| &text[s..i])
}

/// The word before byte `start` when only spaces and at most one period separate them
/// ("Mr. Jordan").
fn prev_word_skip_period(text: &str, start: usize) -> Option<&str> {
    let mut i = start;
    let mut period = false;
    while let Some(ch) = char_before(text, i) {
        match ch {
            ' ' | '\u{a0}' => i -= ch.len_utf8(),
            '.' if !period => {
                period = true;
                i -= 1;
            }
            _ => break,
        }
    }
    let s = word_start_before(text, i);
    (s < i && i < start).then(|| &text[s..i])
}

/// The word after byte `end`, separated from it by exactly one space.
fn next_word_after_space(text: &str, end: usize) -> Option<&str> {
    if char_at(text, end) != Some(' ') {
        return None;
    }
    let s = end + 1;
    let e = word_end(text, s);
    (e > s).then(|| &text[s..e])
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_preposition(w: &str) -> bool {
    PREPOSITION_SET.contains(w)
}

/// Nothing but openers and spaces between the start of the line (or a sentence end) and `start`.
fn at_sentence_start(text: &str, start: usize) -> bool {
    let mut i = start;
    while let Some(ch) = char_before(text, i) {
        if ch == ' ' || ch == '\t' || ch == '\u{a0}' || OPENERS.contains(&ch) {
            i -= ch.len_utf8();
            continue;
        }
        return matches!(ch, '\n' | '\r' | '.' | '!' | '?' | ':' | ';' | '•' | '-' | '–' | '—' | '>' | '|');
    }
    true
}

/// Only spaces between the start of the line and `start`.
fn at_line_start(text: &str, start: usize) -> bool {
    let mut i = start;
    while let Some(ch) = char_before(text, i) {
        match ch {
            ' ' | '\t' | '\u{a0}' => i -= ch.len_utf8(),
            '\n' | '\r' => return true,
            _ => return false,
        }
    }
    true
}

/// Nearest word with letters before `start` / after `end` on the same line (within 64 bytes)
/// are all ALL-CAPS, and there is at least one: the name stands in an ALL-CAPS headline.
fn in_caps_context(text: &str, start: usize, end: usize) -> bool {
    let mut seen = false;
    // Backwards.
    let mut i = start;
    let limit = start.saturating_sub(64);
    while i > limit {
        let Some(ch) = char_before(text, i) else {
            break;
        };
        if ch == '\n' {
            break;
        }
        if is_letter(ch) {
            let s = word_start_before(text, i);
            if !is_all_caps(&text[s..i]) {
                return false;
            }
            seen = true;
            break;
        }
        i -= ch.len_utf8();
    }
    // Forwards.
    let mut i = end;
    let limit = end.saturating_add(64).min(text.len());
    while i < limit {
        let Some(ch) = char_at(text, i) else { break };
        if ch == '\n' {
            break;
        }
        if is_letter(ch) {
            let e = word_end(text, i);
            if !is_all_caps(&text[i..e]) {
                return false;
            }
            seen = true;
            break;
        }
        i += ch.len_utf8();
    }
    seen
}

/// "US/JTIP": an ALL-CAPS word glued by '/' to another ALL-CAPS word is part of an
/// organization or programme name.
fn slash_glued(text: &str, start: usize, end: usize) -> bool {
    if char_before(text, start) == Some('/') {
        let s = word_start_before(text, start - 1);
        let w = &text[s..start - 1];
        if letters(w) >= 2 && is_all_caps(w) {
            return true;
        }
    }
    if char_at(text, end) == Some('/') {
        let e = word_end(text, end + 1);
        let w = &text[end + 1..e];
        if letters(w) >= 2 && is_all_caps(w) {
            return true;
        }
    }
    false
}

/// Dateline position: at the start of a line, followed by a comma and, within the next 40
/// bytes of the line, a digit or a month name ("ROME, March 3", "OSH, 12 May").
fn at_dateline(text: &str, start: usize, end: usize) -> bool {
    if !at_line_start(text, start) || char_at(text, end) != Some(',') {
        return false;
    }
    let mut i = end + 1;
    let limit = end.saturating_add(40).min(text.len());
    while i < limit {
        let Some(ch) = char_at(text, i) else { break };
        if ch == '\n' {
            return false;
        }
        if ch.is_ascii_digit() {
            return true;
        }
        if is_letter(ch) {
            let e = word_end(text, i);
            let w = text[i..e].to_lowercase();
            if MONTH_PREFIXES.iter().any(|m| w.starts_with(m)) {
                return true;
            }
            i = e;
            continue;
        }
        i += ch.len_utf8();
    }
    false
}

/// `gap` (the text between two mentions) only lists them: "and", ", ", "or", "&".
fn is_list_gap(gap: &str) -> bool {
    if gap.len() > 8 || gap.contains('\n') {
        return false;
    }
    let t = gap.trim();
    LIST_GAPS.iter().any(|g| g.eq_ignore_ascii_case(t))
}

/// Scratch state of one `find` call.
struct Finder<'t> {
    g: &'static Gazetteer,
    text: &'t str,
    key: Vec<u8>,
    /// End of the last mention taken with place evidence (not weak).
    last_strong_end: Option<usize>,
}

impl Finder<'_> {
    /// All keys with entries that match words starting at `start`, shortest first:
    /// `(end, info)`. Stops as soon as no longer key can match.
    fn keys_at(&mut self, start: usize, out: &mut Vec<(usize, KeyInfo)>) {
        out.clear();
        self.key.clear();
        let text = self.text;
        let bytes = text.as_bytes();
        let mut pos = start;
        for t in 0..self.g.max_tokens {
            if t > 0 {
                self.key.push(b' ');
            }
            // ASCII letters and digits are lower-cased straight into the key, eight bytes a
            // step (all eight stored, the key then cut back to the run); a non-ASCII char hands
            // the rest of the word to the general word scan and fold.
            let mut j = pos;
            while let Some(chunk) = bytes.get(j..j + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(chunk);
                let x = u64::from_le_bytes(w);
                let run = crate::swar::alnum_prefix_len(x);
                self.key.extend_from_slice(&crate::swar::ascii_lower(x).to_le_bytes());
                self.key.truncate(self.key.len() - (8 - run));
                j += run;
                if run < 8 {
                    break;
                }
            }
            if bytes.len() < j + 8 {
                while let Some(&b) = bytes.get(j) {
                    let l = ASCII_FOLD[b as usize];
                    if l == 0 {
                        break;
                    }
                    self.key.push(l);
                    j += 1;
                }
            }
            let we = if bytes.get(j).is_some_and(|&b| b >= 0x80) {
                let we = word_end(text, j);
                self.g.fold_word(&text[j..we], &mut self.key);
                we
            } else {
                j
            };
            if we == pos {
                break;
            }
            let word = &text[pos..we];
            let Some(info) = self.g.key_info(&self.key) else {
                break;
            };
            if info.len > 0 {
                let mut end = we;
                // "U.S.": a one-letter last word keeps its period.
                if t > 0 && char_at(text, we) == Some('.') && letters(word) == 1 {
                    end += 1;
                }
                out.push((end, info));
            }
            if !info.prefix {
                break;
            }
            // The gap to the next word: a few joiner chars, a period only after a short word.
            let mut i = we;
            let mut n = 0;
            let mut ok = true;
            while let Some(ch) = char_at(text, i) {
                if is_word_char(ch) {
                    break;
                }
                if !is_joiner(ch) || n >= MAX_GAP_CHARS || (ch == '.' && letters(word) > 3) {
                    ok = false;
                    break;
                }
                n += 1;
                i += ch.len_utf8();
            }
            if !ok || n == 0 || i >= text.len() {
                break;
            }
            pos = i;
        }
    }

    /// A country or region named right after ", " following `end` ("Reading, Pennsylvania"):
    /// the country codes it denotes.
    fn following_place_codes(&mut self, end: usize, buf: &mut Vec<(usize, KeyInfo)>) -> Vec<&'static str> {
        let text = self.text;
        if char_at(text, end) != Some(',') {
            return Vec::new();
        }
        let mut i = end + 1;
        while char_at(text, i) == Some(' ') {
            i += 1;
        }
        if !char_at(text, i).is_some_and(char::is_uppercase) {
            return Vec::new();
        }
        self.keys_at(i, buf);
        let Some(&(_, info)) = buf.last() else {
            return Vec::new();
        };
        if info.common {
            return Vec::new();
        }
        self.g
            .entries_of(info)
            .iter()
            .filter_map(|e| self.g.places.get(e.place as usize))
            .filter(|p| p.kind != PlaceKind::City)
            .map(|p| p.country_code)
            .collect()
    }

    /// `word` alone is a place name that is not a common word.
    /// A region noun stands before the name (possibly heading a list of names) or right after it.
    fn region_context(&self, start: usize, end: usize) -> bool {
        let text = self.text;
        if next_word_after_space(text, end).is_some_and(|w| REGION_NOUN_SET.contains(w)) {
            return true;
        }
        // Walk back over "of", "and", commas and earlier names, to a region noun.
        let mut i = start;
        for _ in 0..12 {
            let before = text[..i].trim_end_matches([' ', '\u{a0}']);
            let before = before.strip_suffix(',').map_or(before, |b| b.trim_end_matches([' ', '\u{a0}']));
            if before.len() == i {
                return false;
            }
            let ws = word_start_before(text, before.len());
            if ws == before.len() {
                return false;
            }
            let w = &text[ws..before.len()];
            if REGION_NOUN_SET.contains(w) {
                return true;
            }
            if !(starts_upper(w) || LIST_WORD_SET.contains(w)) {
                return false;
            }
            i = ws;
        }
        false
    }

    /// The word names a country ("Tashkent Uzbekistan").
    fn is_country_word(&mut self, word: &str) -> bool {
        self.key.clear();
        self.g.fold_word(word, &mut self.key);
        self.g.key_info(&self.key).is_some_and(|i| {
            i.len > 0
                && self
                    .g
                    .entries_of(i)
                    .iter()
                    .any(|e| self.g.places.get(e.place as usize).is_some_and(|p| p.kind == PlaceKind::Country))
        })
    }

    fn is_plain_place_word(&mut self, word: &str) -> bool {
        self.key.clear();
        self.g.fold_word(word, &mut self.key);
        self.g.key_info(&self.key).is_some_and(|i| i.len > 0 && !i.common)
    }

    /// Decides whether words `start..end` (key `info`) are a place mention.
    fn evaluate(
        &mut self,
        start: usize,
        end: usize,
        info: KeyInfo,
        buf: &mut Vec<(usize, KeyInfo)>,
    ) -> Option<RawMatch> {
        let g = self.g;
        let text = self.text;
        let written = &text[start..end];
        let caps = is_all_caps(written);
        let mut has_abbrev = false;
        let mut candidates = Cands::new();
        for e in g.entries_of(info) {
            if e.caps_only && !caps {
                continue;
            }
            has_abbrev |= e.caps_only;
            if let Some(p) = g.places.get(e.place as usize) {
                candidates.push(p);
            }
        }
        if candidates.as_slice().is_empty() {
            return None;
        }
        let single_word = written.trim_end_matches('.').chars().all(is_word_char);
        // "Mr. Jordan", "President Georgia ...": a title makes a person's name.
        if prev_word_skip_period(text, start).is_some_and(|w| TITLE_SET.contains(w)) {
            return None;
        }
        // "The mission": in a name of several words, the long words are capitalized
        // (short particles are not: "Republic of the Congo", "Rio de Janeiro").
        if !single_word && written.split(|c: char| !is_word_char(c)).any(|w| letters(w) >= 5 && !starts_upper(w)) {
            return None;
        }
        // "Tripoli, Lebanon": a following country or region picks the candidates.
        let codes = self.following_place_codes(end, buf);
        if candidates.as_slice().iter().any(|p| codes.contains(&p.country_code)) {
            candidates.retain(|p| codes.contains(&p.country_code));
        }
        if caps && letters(written) <= ACRONYM_MAX_LETTERS && slash_glued(text, start, end) {
            return None;
        }
        // "US$21 million", "HK$": a currency, not a place.
        if caps && text[end..].starts_with('$') {
            return None;
        }
        // "the provinces of Hatay, Gaziantep and ...": a region noun before the name (or a list
        // it heads), or after it ("Hatay province"), puts regions first.
        if candidates.as_slice().iter().any(|p| p.kind == PlaceKind::Region) && self.region_context(start, end) {
            candidates.as_mut_slice().sort_by_key(|p| p.kind != PlaceKind::Region);
        }
        let caps_ctx = caps && in_caps_context(text, start, end);
        let acronym_like = caps && !caps_ctx && !has_abbrev && single_word && letters(written) <= ACRONYM_MAX_LETTERS;
        let abbrev_evidence = caps && has_abbrev && !caps_ctx;
        let needs_evidence = (info.common && !abbrev_evidence) || acronym_like;
        let mut weak = false;
        // "Aga Khan", "Sam Okafor", "Peter Kamau", "Paris Hilton": a city's one-word name next
        // to a capitalized word that is no place is likely part of a person's or an
        // organization's name; it stands only where the item's countries confirm it
        // ("American Space Dushanbe" in a bulletin about Tajikistan). Countries are exempt
        // ("IOM Kazakhstan"), and so is a word after an acronym ("UNICEF Tashkent").
        if !needs_evidence
            && !caps
            && single_word
            && candidates.as_slice().iter().all(|p| p.kind == PlaceKind::City)
            && (next_word_after_space(text, end).is_some_and(|w| starts_upper(w) && !self.is_country_word(w))
                || prev_word(text, start).is_some_and(|w| {
                    starts_upper(w)
                        && !is_all_caps(w)
                        && !is_preposition(w)
                        && !DETERMINER_SET.contains(w)
                        && !self.is_country_word(w)
                }))
        {
            weak = true;
        }
        if needs_evidence {
            // "Central Asia", "Reading Room": a common word followed by a capitalized word is
            // part of a longer name, whatever precedes it; "NORTHERN ETHIOPIA": followed by a
            // place name, it is a modifier of that place.
            if let Some(next) = next_word_after_space(text, end) {
                if (!caps && starts_upper(next)) || self.is_plain_place_word(next) {
                    return None;
                }
            }
            let prep = prev_word(text, start).is_some_and(is_preposition);
            // "in Reading and Bath": a name listed right after a place mention shares its
            // evidence.
            let listed = self.last_strong_end.filter(|&e| e <= start).is_some_and(|e| is_list_gap(&text[e..start]));
            if codes.is_empty() && !(prep || listed || at_dateline(text, start, end)) {
                if !caps {
                    // Title case in running text: "European Union", "Human Rights" and words
                    // that start a sentence carry no place evidence.
                    let prev_cap = prev_word(text, start).is_some_and(starts_upper);
                    let next_cap = next_word_after_space(text, end).is_some_and(starts_upper);
                    if prev_cap || next_cap || at_sentence_start(text, start) {
                        return None;
                    }
                    let big = candidates
                        .as_slice()
                        .first()
                        .is_some_and(|p| p.kind == PlaceKind::City && p.population >= BIG_CITY);
                    weak = !big;
                } else {
                    weak = true;
                }
            }
        }
        Some(RawMatch { span: start..end, candidates, weak })
    }
}

/// See [`Gazetteer::find`].
pub(crate) fn find(g: &'static Gazetteer, text: &str) -> Vec<RawMatch> {
    let mut out = Vec::new();
    find_into(g, text, &mut out);
    out
}

/// [`find`] appending to `out` (what `out` held before is left as it was).
pub(crate) fn find_into(g: &'static Gazetteer, text: &str, out: &mut Vec<RawMatch>) {
    // The scratch buffers of the last call on this thread (a call per block: their
    // allocations used to cost more than short blocks' scanning).
    thread_local! {
        static SCRATCH: std::cell::Cell<Scratch> = const { std::cell::Cell::new((Vec::new(), Vec::new(), Vec::new())) };
    }
    let (key, found, buf) = SCRATCH.take();
    let scratch = find_with(g, text, key, found, buf, out);
    SCRATCH.set(scratch);
}

/// Reusable buffers of [`find`]: the key, and two lists of keys.
type Scratch = (Vec<u8>, Vec<(usize, KeyInfo)>, Vec<(usize, KeyInfo)>);

fn find_with(
    g: &'static Gazetteer,
    text: &str,
    mut key: Vec<u8>,
    mut found: Vec<(usize, KeyInfo)>,
    mut buf: Vec<(usize, KeyInfo)>,
    out: &mut Vec<RawMatch>,
) -> Scratch {
    key.clear();
    found.clear();
    buf.clear();
    let mut f = Finder { g, text, key, last_strong_end: None };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only a capital that starts a word can start a mention: skip 8 bytes at a time to
        // the next ASCII capital or non-ASCII byte.
        i = next_interesting(bytes, i);
        if i >= bytes.len() {
            break;
        }
        if bytes[i] < 0x80 {
            // An ASCII capital: a word start when the char before is no word char.
            if i > 0 && char_before(text, i).is_some_and(is_word_char) {
                i += 1;
                continue;
            }
        } else {
            let Some(ch) = char_at(text, i) else { break };
            if i > 0 && char_before(text, i).is_some_and(is_word_char) {
                i += ch.len_utf8();
                continue;
            }
            if !is_upper(ch) {
                i = if is_word_char(ch) { word_end(text, i) } else { i + ch.len_utf8() };
                continue;
            }
        }
        f.keys_at(i, &mut found);
        let mut taken = None;
        let candidates = std::mem::take(&mut found);
        for &(end, info) in candidates.iter().rev() {
            if let Some(m) = f.evaluate(i, end, info, &mut buf) {
                taken = Some(m);
                break;
            }
        }
        found = candidates;
        match taken {
            Some(m) => {
                i = m.span.end;
                if !m.weak {
                    f.last_strong_end = Some(m.span.end);
                }
                out.push(m);
            }
            // The rest of the word starts nothing (each of its chars follows a word char): an
            // ASCII word's lower-case rest is skipped by the eight-byte search at the loop's top.
            None => i = if bytes[i] < 0x80 { i + 1 } else { word_end(text, i) },
        }
    }
    (f.key, found, buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interesting_bytes_are_capitals_and_non_ascii() {
        for v in 0..=255u8 {
            let m = swar_interesting(u64::from_le_bytes([b'a', v, b' ', b'Z', v, 0x80, b'@', v]));
            let want = v >= 0x80 || v.is_ascii_uppercase();
            let lanes: Vec<usize> = (0..8).filter(|k| m >> (8 * k + 7) & 1 == 1).collect();
            let mut expect = vec![3, 5];
            if want {
                expect.extend([1, 4, 7]);
                expect.sort();
            }
            assert_eq!(lanes, expect, "byte {v:#x}");
        }
    }

    #[test]
    fn word_tables_are_lower_case_for_their_sets() {
        for w in [PLACE_PREPOSITIONS, TITLES, DETERMINERS, REGION_NOUNS, LIST_WORDS].concat() {
            assert_eq!(w.to_lowercase(), w);
        }
        assert!(TITLE_SET.contains("Mr") && TITLE_SET.contains("Г-Н") && REGION_NOUN_SET.contains("Oblast"));
        assert!(!DETERMINER_SET.contains("Theory"));
    }

    /// `Cands` holds what a vector would, in order, through pushes past the inline slots,
    /// filtering and sorting.
    #[test]
    fn cands_behave_as_a_vector() {
        let pool: Vec<&'static Place> = Gazetteer::global().places.iter().take(8).collect();
        assert_eq!(pool.len(), 8);
        for n in 0..=pool.len() {
            for keep_mask in [0u32, 0b1, 0b1010_1010, 0b0101, 0xFF] {
                let mut c = Cands::new();
                let mut v: Vec<&'static Place> = Vec::new();
                for &p in &pool[..n] {
                    c.push(p);
                    v.push(p);
                    assert_eq!(c.as_slice(), v.as_slice());
                }
                let keep = |p: &'static Place| {
                    pool.iter().position(|q| std::ptr::eq(*q, p)).is_some_and(|i| keep_mask >> i & 1 == 1)
                };
                c.retain(keep);
                v.retain(|&p| keep(p));
                assert_eq!(c.as_slice(), v.as_slice(), "n {n} mask {keep_mask:#b}");
                c.as_mut_slice().sort_by_key(|p| std::cmp::Reverse(p.id));
                v.sort_by_key(|p| std::cmp::Reverse(p.id));
                assert_eq!(c.clone().into_vec(), v);
                let m = RawMatch { span: 0..1, candidates: c, weak: n % 2 == 0 };
                assert_eq!(PlaceMatch::from(m), PlaceMatch { span: 0..1, candidates: v, weak: n % 2 == 0 });
            }
        }
    }
}
