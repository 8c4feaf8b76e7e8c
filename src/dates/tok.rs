//! A tiny lazy tokenizer used around digit runs: numbers, words (classified against the
//! word tables of every language), and single punctuation characters.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use once_cell::sync::Lazy;

use super::lang::{Part, LANGS};

/// What a word means in one language. A word can have several roles (Russian "с" opens a
/// range and is a year trigger).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Entry {
    pub lang: u8,
    /// Month number, 0 when not a month.
    pub month: u8,
    pub month_abbr: bool,
    pub weekday: bool,
    pub from: bool,
    pub between: bool,
    pub to: bool,
    pub and: bool,
    pub ordinal: bool,
    pub ordinal_hyphen: bool,
    pub link: bool,
    pub year_suffix: bool,
    pub year_suffix_abbr: bool,
    pub year_trigger: bool,
    pub year_follower: bool,
    /// A month/year modifier ([`super::lang::Part`]).
    pub part: Option<Part>,
    /// A month name that is also an ordinary word or a name ("May", "March").
    pub ambiguous: bool,
}

/// A small multiplicative hash (FxHash): table keys are short and trusted, so SipHash's
/// DoS resistance buys nothing here and costs a third of the lookup time.
#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type Map = HashMap<Vec<u8>, Vec<Entry>, BuildHasherDefault<FxHasher>>;

/// The table index: words, the set of key lengths, and the set of first byte pairs.
struct Index {
    map: Map,
    /// Bit `n` set when some key is `n` bytes long.
    lengths: u64,
    /// Bit `b0 << 8 | b1` set when some key starts with bytes b0, b1 (b1 = 0 for 1-byte keys).
    pairs: Vec<u64>,
}

fn pair_index(key: &[u8]) -> usize {
    (key[0] as usize) << 8 | key.get(1).copied().unwrap_or(0) as usize
}

impl Index {
    /// Some key starts with the first two bytes of `key` (its only byte, for one byte).
    #[inline]
    fn has_pair(&self, key: &[u8]) -> bool {
        let p = pair_index(key);
        self.pairs[p >> 6] & (1 << (p & 63)) != 0
    }
}

/// All table words of all languages, lower-cased, to their roles; and a bit set of the key
/// lengths in bytes, to skip most words without hashing.
static INDEX: Lazy<Index> = Lazy::new(|| {
    let mut map: Map = HashMap::default();
    for (li, lang) in LANGS.iter().enumerate() {
        let li = li as u8;
        let mut add = |word: &str, f: &dyn Fn(&mut Entry)| {
            let key = word.trim_start_matches('-').to_lowercase().into_bytes();
            debug_assert!(key.len() < 64);
            let list = map.entry(key).or_default();
            let pos = match list.iter().position(|e| e.lang == li) {
                Some(p) => p,
                None => {
                    list.push(Entry { lang: li, ..Entry::default() });
                    list.len() - 1
                }
            };
            f(&mut list[pos]);
        };
        for &(w, m) in lang.months {
            add(w, &|e| e.month = m as u8);
        }
        for &(w, m) in lang.month_abbrevs {
            add(w, &|e| {
                e.month = m as u8;
                e.month_abbr = true;
            });
        }
        for &w in lang.weekdays {
            add(w, &|e| e.weekday = true);
        }
        for &w in lang.ordinal_suffixes {
            if w.starts_with('-') {
                add(w, &|e| e.ordinal_hyphen = true);
            } else {
                add(w, &|e| e.ordinal = true);
            }
        }
        for &w in lang.day_month_links {
            add(w, &|e| e.link = true);
        }
        for &w in lang.range_from {
            add(w, &|e| e.from = true);
        }
        for &w in lang.range_between {
            add(w, &|e| e.between = true);
        }
        for &w in lang.range_to {
            add(w, &|e| e.to = true);
        }
        for &w in lang.range_and {
            add(w, &|e| e.and = true);
        }
        for &w in lang.year_suffixes {
            add(w, &|e| e.year_suffix = true);
        }
        for &w in lang.year_suffix_abbrevs {
            add(w, &|e| {
                e.year_suffix = true;
                e.year_suffix_abbr = true;
            });
        }
        for &w in lang.year_triggers {
            add(w, &|e| e.year_trigger = true);
        }
        for &w in lang.ambiguous_months {
            add(w, &|e| e.ambiguous = true);
        }
        for &(w, p) in lang.parts {
            add(w, &|e| e.part = Some(p));
        }
        for &w in lang.year_followers {
            add(w, &|e| e.year_follower = true);
        }
    }
    let lengths = map.keys().fold(0u64, |acc, k| acc | 1u64 << k.len().min(63));
    let mut pairs = vec![0u64; 1024];
    for k in map.keys().filter(|k| !k.is_empty()) {
        let p = pair_index(k);
        pairs[p >> 6] |= 1 << (p & 63);
    }
    Index { map, lengths, pairs }
});

/// Lower-case of a char, with a fast path for ASCII and basic Cyrillic.
fn lower(c: char, out: &mut [u8; 4]) -> &[u8] {
    let cp = c as u32;
    let lc = match cp {
        0x41..=0x5A | 0x410..=0x42F => char::from_u32(cp + 0x20).unwrap_or(c),
        0x400..=0x40F => char::from_u32(cp + 0x50).unwrap_or(c),
        0x00..=0x7F | 0x430..=0x45F => c,
        _ => {
            let mut it = c.to_lowercase();
            match (it.next(), it.next()) {
                (Some(l), None) => l,
                // multi-char lower-case forms never occur in the tables
                _ => c,
            }
        }
    };
    lc.encode_utf8(out).as_bytes()
}

/// Alphabetic test with fast paths for ASCII and Cyrillic letters.
#[inline]
pub(super) fn is_letter(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        c.is_ascii_alphabetic()
    } else if (0x400..=0x481).contains(&cp) || (0x48A..=0x52F).contains(&cp) {
        true
    } else {
        c.is_alphabetic()
    }
}

/// The index's keys of at most eight ASCII bytes by their packed bytes (most look-ups: "May",
/// "to", "and"; see [`crate::words::ShortKeys`]).
static SHORT: Lazy<crate::words::ShortKeys<&'static [Entry]>> = Lazy::new(|| {
    let map = &INDEX.map;
    crate::words::ShortKeys::new(
        map.iter().filter_map(|(k, v)| Some((crate::words::pack_lower8_exact(k)?, v.as_slice()))),
        |a, _| a,
    )
});

/// Roles of `word` in every language (empty when it is in no table). No allocation.
pub(super) fn lookup(word: &str) -> &'static [Entry] {
    let idx = &*INDEX;
    // Lower-casing keeps the byte length of ASCII and Cyrillic words.
    if word.is_empty() || word.len() >= 64 || idx.lengths & (1u64 << word.len()) == 0 {
        return &[];
    }
    let b = word.as_bytes();
    if b.is_ascii() {
        // Most words: the pair test on the first two bytes, then the word lower-cased whole
        // (the loop below gives the same key and refusals, a byte at a time).
        let first2 = [b[0].to_ascii_lowercase(), b.get(1).map_or(0, u8::to_ascii_lowercase)];
        if !idx.has_pair(&first2[..b.len().min(2)]) || b.len() >= 60 {
            return &[];
        }
        if let Some(key) = crate::words::pack_lower8(b) {
            return SHORT.get(key).unwrap_or(&[]);
        }
        let mut buf = [0u8; 64];
        let key = &mut buf[..b.len()];
        key.copy_from_slice(b);
        key.make_ascii_lowercase();
        return idx.map.get(&*key).map_or(&[], |v| v.as_slice());
    }
    lookup_chars(word, idx)
}

/// [`lookup`] for any word (past its length test), lower-casing it a char at a time.
fn lookup_chars(word: &str, idx: &'static Index) -> &'static [Entry] {
    let mut buf = [0u8; 64];
    let b = word.as_bytes();
    let mut n = 0;
    let mut i = 0;
    let mut tmp = [0u8; 4];
    while i < b.len() {
        let c0 = b[i];
        if c0 < 0x80 {
            buf[n] = c0.to_ascii_lowercase();
            n += 1;
            i += 1;
        } else if (c0 == 0xD0 || c0 == 0xD1) && i + 1 < b.len() && n + 2 <= buf.len() {
            // Basic Cyrillic (U+0400..U+047F), lower-cased on the bytes.
            let c1 = b[i + 1];
            let (l0, l1) = match (c0, c1) {
                (0xD0, 0x80..=0x8F) => (0xD1, c1 + 0x10),
                (0xD0, 0x90..=0x9F) => (0xD0, c1 + 0x20),
                (0xD0, 0xA0..=0xAF) => (0xD1, c1 - 0x20),
                _ => (c0, c1),
            };
            buf[n] = l0;
            buf[n + 1] = l1;
            n += 2;
            i += 2;
        } else {
            let Some(c) = word[i..].chars().next() else {
                return &[];
            };
            let l = lower(c, &mut tmp);
            if n + l.len() > buf.len() {
                return &[];
            }
            buf[n..n + l.len()].copy_from_slice(l);
            n += l.len();
            i += c.len_utf8();
        }
        if n == 2 || (n == 1 && i == b.len()) {
            // Cheap rejection on the first two lower-cased bytes before hashing.
            if !idx.has_pair(&buf[..n]) {
                return &[];
            }
        }
        if n >= buf.len() - 4 {
            return &[];
        }
    }
    if n == 0 {
        return &[];
    }
    if !idx.has_pair(&buf[..n]) {
        return &[];
    }
    idx.map.get(&buf[..n]).map_or(&[], |v| v.as_slice())
}

/// Whitespace between a token and the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    /// Glued to the previous token.
    None,
    /// Spaces, or a single line break.
    Space,
    /// A blank line (paragraph break): expressions never cross it.
    Blank,
}

#[derive(Clone, Copy, Debug)]
pub(super) enum Kind {
    /// A run of ASCII digits. `val` saturates; `clean` is false when the digits are glued to
    /// something that makes them not a date part (a letter before "G20", a currency sign,
    /// "COVID-19", the tail of a decimal "1.5", a following "%", "10:30", "1,000").
    Num { val: u32, nd: u8, clean: bool },
    /// A run of alphabetic characters; `cap` = a table word starting with an upper-case
    /// letter (always false for words in no table).
    Word { entries: &'static [Entry], cap: bool },
    /// Any other single character.
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    pub kind: Kind,
}

impl Tok {
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }
    pub fn glued(&self) -> bool {
        self.gap == Gap::None
    }
}

/// Dash characters that separate the two ends of a range.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

fn is_money_or_sign(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₽' | '₸' | '₹' | '+' | '#' | '№' | '@' | '_' | '\\')
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// Whether the digit run `text[ds..de]` may be part of a date, judged from its neighbours.
pub(super) fn digits_clean(text: &str, ds: usize, de: usize) -> bool {
    let b = text.as_bytes();
    let before = &text[..ds];
    if let Some(pc) = last_char(before) {
        if is_letter(pc) || is_money_or_sign(pc) {
            return false;
        }
        let prefix = &before[..before.len() - pc.len_utf8()];
        let ppc = last_char(prefix);
        if matches!(pc, '.' | ',' | ':') && ppc.is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
        if is_dash(pc) && ppc.is_some_and(is_letter) {
            // "COVID-19" is a name; "mid-2022" is a year after a trigger word.
            let word_end = prefix.len();
            let word_start =
                prefix.char_indices().rev().take_while(|(_, c)| is_letter(*c)).last().map_or(word_end, |(i, _)| i);
            let trigger = lookup(&prefix[word_start..word_end]).iter().any(|e| e.year_trigger || e.part.is_some());
            if !trigger || de - ds != 4 {
                return false;
            }
        }
    }
    if de < b.len() {
        let nb = b[de];
        if nb == b'%' {
            return false;
        }
        if matches!(nb, b':' | b',') && de + 1 < b.len() && b[de + 1].is_ascii_digit() {
            return false;
        }
    }
    true
}

fn digit_tok(text: &str, start: usize, end: usize, gap: Gap) -> Tok {
    let mut val: u32 = 0;
    for &d in &text.as_bytes()[start..end] {
        val = val.saturating_mul(10).saturating_add((d - b'0') as u32);
    }
    let nd = (end - start).min(255) as u8;
    Tok { start, end, gap, kind: Kind::Num { val, nd, clean: digits_clean(text, start, end) } }
}

/// A small direct-mapped cache of word classifications by byte span: neighbouring anchors
/// read the same words again (backwards, then forwards).
///
/// A cache serves one text at a time; [`WordCache::next_text`] moves it to another without
/// clearing it: each text's offsets are keyed from a base past every earlier text's (the
/// slots of earlier texts can never match again).
pub(super) struct WordCache {
    /// (base + start, base + end, entries).
    slots: [(usize, usize, &'static [Entry]); 32],
    /// Added to the offsets of the current text.
    base: usize,
    /// The base of the next text: past every key of the current one.
    next_base: usize,
}

impl WordCache {
    pub fn new() -> Self {
        WordCache { slots: [(usize::MAX, 0, &[]); 32], base: 0, next_base: 0 }
    }

    /// Readies the cache for a new text of `len` bytes.
    pub fn next_text(&mut self, len: usize) {
        match self.next_base.checked_add(len + 1) {
            // (the empty slots' usize::MAX stays out of reach)
            Some(next) if next < usize::MAX / 2 => {
                self.base = self.next_base;
                self.next_base = next;
            }
            _ => {
                *self = WordCache::new();
                self.next_base = len + 1;
            }
        }
    }

    fn get(&mut self, text: &str, start: usize, end: usize) -> &'static [Entry] {
        let slot = &mut self.slots[(start ^ (end << 3)) & 31];
        let key = (self.base + start, self.base + end);
        if (slot.0, slot.1) == key {
            return slot.2;
        }
        let e = lookup(&text[start..end]);
        *slot = (key.0, key.1, e);
        e
    }
}

fn word_tok(text: &str, start: usize, end: usize, gap: Gap, cache: &mut WordCache) -> Tok {
    let w = &text[start..end];
    let entries = cache.get(text, start, end);
    let cap = !entries.is_empty() && w.chars().next().is_some_and(char::is_uppercase);
    Tok { start, end, gap, kind: Kind::Word { entries, cap } }
}

fn gap_of(newlines: usize, any: bool) -> Gap {
    if newlines >= 2 {
        Gap::Blank
    } else if any {
        Gap::Space
    } else {
        Gap::None
    }
}

/// End of the run of letters starting at `i`, with byte-level fast paths for ASCII and
/// basic Cyrillic (lead bytes 0xD0/0xD1 are all letters).
pub(super) fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c0 = b[i];
        if c0.is_ascii_alphabetic() {
            i += 1;
        } else if c0 < 0x80 {
            break;
        } else if (c0 == 0xD0 || c0 == 0xD1) && i + 1 < b.len() {
            i += 2;
        } else {
            match text[i..].chars().next() {
                Some(ch) if is_letter(ch) => i += ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// Read the token starting at or after `pos` (a char boundary). Returns None at the end.
pub(super) fn read_fwd(text: &str, pos: usize, cache: &mut WordCache) -> Option<Tok> {
    let b = text.as_bytes();
    let mut i = pos;
    let mut newlines = 0;
    let mut any = false;
    // skip whitespace
    loop {
        if i >= b.len() {
            return None;
        }
        let c0 = b[i];
        if c0 < 0x80 {
            if c0.is_ascii_whitespace() {
                if c0 == b'\n' {
                    newlines += 1;
                }
                any = true;
                i += 1;
                continue;
            }
            break;
        }
        let c = text[i..].chars().next()?;
        if c.is_whitespace() {
            any = true;
            i += c.len_utf8();
            continue;
        }
        break;
    }
    let gap = gap_of(newlines, any);
    let start = i;
    let c0 = b[i];
    if c0.is_ascii_digit() {
        let mut e = i;
        while e < b.len() && b[e].is_ascii_digit() {
            e += 1;
        }
        return Some(digit_tok(text, start, e, gap));
    }
    let c = text[i..].chars().next()?;
    if is_letter(c) {
        let e = word_end(text, i);
        return Some(word_tok(text, start, e, gap, cache));
    }
    Some(Tok { start, end: start + c.len_utf8(), gap, kind: Kind::Punct(c) })
}

/// Read the token ending at or before `pos` (a char boundary), skipping whitespace. Returns
/// the token and the gap between it and `pos`. Its own `gap` field is set to `Gap::Space`
/// (the caller fixes it when it reads further back).
pub(super) fn read_back(text: &str, pos: usize, cache: &mut WordCache) -> Option<(Tok, Gap)> {
    let head = &text[..pos];
    let mut end = pos;
    let mut newlines = 0;
    let mut any = false;
    let mut last = None;
    for (i, c) in head.char_indices().rev() {
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            any = true;
            end = i;
        } else {
            last = Some(c);
            break;
        }
    }
    let c = last?;
    let gap = gap_of(newlines, any);
    let seg = &text[..end];
    if c.is_ascii_digit() {
        let b = seg.as_bytes();
        let mut s = end;
        while s > 0 && b[s - 1].is_ascii_digit() {
            s -= 1;
        }
        return Some((digit_tok(text, s, end, Gap::Space), gap));
    }
    if is_letter(c) {
        let mut s = end;
        for (i, ch) in seg.char_indices().rev() {
            if is_letter(ch) {
                s = i;
            } else {
                break;
            }
        }
        return Some((word_tok(text, s, end, Gap::Space, cache), gap));
    }
    Some((Tok { start: end - c.len_utf8(), end, gap: Gap::Space, kind: Kind::Punct(c) }, gap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ascii_words_find_what_the_map_holds() {
        let idx = &*INDEX;
        let mut words: Vec<String> = Vec::new();
        for k in idx.map.keys() {
            let Ok(w) = std::str::from_utf8(k) else { continue };
            words.extend([w.to_string(), w.to_uppercase(), format!("{w}x"), format!("x{w}"), format!("{w}\0")]);
        }
        words.extend(["", "May", "MAY", "mAy", "to", "and", "Mayy", "\0", "th"].map(String::from));
        let mut short = 0;
        for w in &words {
            let want: &[Entry] = if w.is_empty() || w.len() >= 60 {
                &[]
            } else {
                idx.map.get(w.to_lowercase().as_bytes()).map_or(&[], |v| v.as_slice())
            };
            let got = lookup(w);
            assert!(
                got.as_ptr() == want.as_ptr() && got.len() == want.len() || want.is_empty() && got.is_empty(),
                "{w:?}"
            );
            short += usize::from(w.is_ascii() && w.len() <= 8 && !want.is_empty());
        }
        let packed = idx.map.keys().filter(|k| crate::words::pack_lower8(k).is_some()).count();
        assert!(packed > 20 && short >= packed, "{short} {packed}");
    }

    #[test]
    fn a_word_cache_moved_to_another_text_answers_for_that_text() {
        let mut cache = WordCache::new();
        let (a, b) = ("March 2023", "Marsh 2023");
        cache.next_text(a.len());
        assert!(!cache.get(a, 0, 5).is_empty());
        cache.next_text(b.len());
        // same offsets, other words: looked up again, not answered from the slot of "March"
        assert!(cache.get(b, 0, 5).is_empty());
        cache.next_text(a.len());
        assert!(std::ptr::eq(cache.get(a, 0, 5), lookup("March")));
        // near the end of the key space the cache starts over
        cache.next_base = usize::MAX / 2 - 3;
        cache.next_text(b.len());
        assert_eq!((cache.base, cache.next_base), (0, b.len() + 1));
        assert!(cache.get(b, 0, 5).is_empty());
        cache.next_text(a.len());
        assert!(std::ptr::eq(cache.get(a, 0, 5), lookup("March")));
    }

    /// `lookup`'s ASCII path finds what the char-by-char path finds: every table word in
    /// three cases, with a letter glued on either side, and odd words.
    #[test]
    fn ascii_lookup_is_the_char_lookup() {
        let idx = &*INDEX;
        let mut words: Vec<String> = Vec::new();
        for w in idx.map.keys().filter_map(|k| std::str::from_utf8(k).ok()).filter(|w| w.is_ascii()) {
            let mut title = w.to_string();
            title[..1].make_ascii_uppercase();
            words.extend([w.to_string(), w.to_ascii_uppercase(), title, format!("{w}x"), format!("x{w}")]);
        }
        assert!(words.len() > 100);
        for odd in ["", "a", "Z", "1", "2022", "-", "in2022", "MaY", "x y"] {
            words.push(odd.to_string());
        }
        for n in 55..=64 {
            words.push("a".repeat(n));
        }
        let mut found = 0;
        for w in &words {
            let fast = lookup(w);
            let slow = if w.is_empty() || w.len() >= 64 || idx.lengths & (1u64 << w.len()) == 0 {
                &[][..]
            } else {
                lookup_chars(w, idx)
            };
            assert!(std::ptr::eq(fast, slow) || (fast.is_empty() && slow.is_empty()), "{w:?}");
            found += usize::from(!fast.is_empty());
        }
        assert!(found > 100);
        assert!(!lookup("DECEMBER").is_empty() && lookup("Decembers").is_empty());
    }
}
