//! Word tables as hashed sets: "is this word, in any case, one of these?" in one lookup.

use std::collections::HashSet;

use crate::hash::FxBuild;

/// The ASCII bytes `char::is_whitespace` accepts (the vertical tab included, unlike
/// `u8::is_ascii_whitespace`): byte loops over ASCII text split words where `split_whitespace`
/// would.
#[inline]
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// A word of one to eight ASCII bytes, none of them NUL, as a little-endian number
/// (zero-padded): distinct words give distinct numbers, never 0. `None` for any other word.
#[inline]
fn pack8(w: &[u8]) -> Option<u64> {
    use crate::swar::{zero_bytes, H8};
    if w.is_empty() || w.len() > 8 {
        return None;
    }
    let x = crate::swar::load_le(w);
    // the padding lanes, set, so that only a NUL inside the word counts
    let pad = !0u64 << (8 * w.len() - 1) << 1;
    (x & H8 == 0 && zero_bytes(x | pad) == 0).then_some(x)
}

/// [`pack8`] of the word lower-cased: the key of a [`ShortKeys`] table, equal for words that
/// differ only in ASCII case.
#[inline]
pub(crate) fn pack_lower8(w: &[u8]) -> Option<u64> {
    pack8(w).map(crate::swar::ascii_lower)
}

/// [`pack_lower8`] of a word already in lower case: `None` also when it holds an ASCII
/// capital, so a key that is not exactly a lower-case table word is never taken for one.
#[inline]
pub(crate) fn pack_lower8_exact(w: &[u8]) -> Option<u64> {
    pack8(w).filter(|&x| crate::swar::between(x, 0x40, 0x5B) == 0)
}

/// A table keyed by short ASCII words packed with [`pack_lower8`]. Most word look-ups are of
/// short ASCII words ("of", "the", "May", "people"), and their key is the word itself: a probe
/// needs no hash of the bytes and no comparison of strings. The finders keep their hashed maps
/// for longer and non-ASCII words. A table is built from its map's lower-case keys with
/// [`pack_lower8_exact`] (a key the map could never match stays out) and probed with
/// [`pack_lower8`] for words as written, or [`pack_lower8_exact`] for keys already folded. Open addressing, at most a quarter full, each key beside its
/// value (one cache line per probe); key 0 marks an empty slot.
pub(crate) struct ShortKeys<V> {
    slots: Vec<(u64, V)>,
    shift: u32,
}

impl<V: Copy + Default> ShortKeys<V> {
    /// The table of `entries` (packed key, value); a key given twice gets `merge(old, new)`.
    pub(crate) fn new(entries: impl IntoIterator<Item = (u64, V)>, merge: impl Fn(V, V) -> V) -> ShortKeys<V> {
        let entries: Vec<(u64, V)> = entries.into_iter().filter(|&(k, _)| k != 0).collect();
        let mut bits = 4;
        while (1usize << bits) < entries.len() * 4 {
            bits += 1;
        }
        let mut t = ShortKeys { slots: vec![(0, V::default()); 1 << bits], shift: 64 - bits };
        let last = t.slots.len() - 1;
        for (key, val) in entries {
            let mut s = t.slot(key);
            while t.slots[s].0 != 0 && t.slots[s].0 != key {
                s = (s + 1) & last;
            }
            let slot = &mut t.slots[s];
            slot.1 = if slot.0 == key { merge(slot.1, val) } else { val };
            slot.0 = key;
        }
        t
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of the word packed as `key`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> Option<V> {
        let last = self.slots.len() - 1;
        let mut s = self.slot(key);
        loop {
            let (k, v) = self.slots[s];
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            s = (s + 1) & last;
        }
    }
}

/// A table of lower-case words, hashed once: `contains` lower-cases the word on the stack and
/// makes one lookup instead of comparing it with every entry.
pub(crate) struct WordSet {
    /// The words' bytes: a lookup needs no UTF-8 check of the lower-cased copy.
    words: HashSet<&'static [u8], FxBuild>,
    /// Longest entry in bytes: longer words are rejected before any work.
    max_len: usize,
    /// Bit `n` set when an entry has `n` bytes (entries of 64 bytes or more set none): an
    /// ASCII word keeps its length when lower-cased, so most are rejected on it.
    lens: u64,
    /// Bit `b` set when an entry starts with byte `b`: an ASCII word's first byte,
    /// lower-cased, must be one of them.
    firsts: [u64; 4],
}

impl WordSet {
    pub(crate) fn new(table: &'static [&'static str]) -> WordSet {
        let mut set = WordSet {
            words: table.iter().map(|w| w.as_bytes()).collect(),
            max_len: table.iter().map(|w| w.len()).max().unwrap_or(0),
            lens: 0,
            firsts: [0; 4],
        };
        for w in table {
            if w.len() < 64 {
                set.lens |= 1 << w.len();
            }
            if let Some(&b) = w.as_bytes().first() {
                set.firsts[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        set
    }

    /// `w` equals one of the words, ignoring case, without allocating.
    pub(crate) fn contains(&self, w: &str) -> bool {
        // Lower-casing never shortens ASCII or Cyrillic; a word longer than every entry (with
        // room for the rare letter whose lower case is longer) cannot match.
        if w.is_empty() || w.len() > self.max_len * 2 {
            return false;
        }
        let mut buf = [0u8; 64];
        let mut len = 0;
        if w.is_ascii() {
            let first = w.as_bytes()[0].to_ascii_lowercase();
            if w.len() >= 64
                || self.lens >> w.len() & 1 == 0
                || self.firsts[usize::from(first >> 6)] >> (first & 63) & 1 == 0
            {
                return false;
            }
            for (d, b) in buf.iter_mut().zip(w.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            len = w.len();
        } else {
            for ch in w.chars().flat_map(char::to_lowercase) {
                if len + ch.len_utf8() > buf.len() {
                    return false;
                }
                len += ch.encode_utf8(&mut buf[len..]).len();
            }
        }
        self.words.contains(&buf[..len])
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn packed_words_are_distinct_and_found() {
        use super::{pack_lower8, ShortKeys};
        assert_eq!(pack_lower8(b"Of"), pack_lower8(b"oF"));
        assert_eq!(pack_lower8(b"of"), Some(u64::from(b'o') | u64::from(b'f') << 8));
        assert_ne!(pack_lower8(b"a"), pack_lower8(b"b"));
        for w in [&b""[..], b"a\0", b"\0a", b"abcdefghi", "é".as_bytes(), b"ab\x80"] {
            assert_eq!(pack_lower8(w), None, "{w:?}");
        }
        assert!(pack_lower8(b"abcdefgh").is_some() && pack_lower8(b"a-b'c.9").is_some());
        for w in [&b"of"[..], b"new york", b"a-b'c.9", b"Of", b"OF", b"a\0", b"", b"abcdefghi", "é".as_bytes(), b"@[`{"]
        {
            let lower = !w.iter().any(u8::is_ascii_uppercase);
            let want = if lower { pack_lower8(w) } else { None };
            assert_eq!(super::pack_lower8_exact(w), want, "{w:?}");
        }
        let words = ["the", "of", "May", "people", "a", "abcdefgh", "and", "AND"];
        let t = ShortKeys::new(words.iter().map(|w| (pack_lower8(w.as_bytes()).unwrap(), 1u32)), |a, b| a + b);
        assert_eq!(t.get(pack_lower8(b"THE").unwrap()), Some(1));
        assert_eq!(t.get(pack_lower8(b"And").unwrap()), Some(2));
        assert_eq!(t.get(pack_lower8(b"people").unwrap()), Some(1));
        for w in ["them", "o", "peoples", "abcdefg", "ma", "an"] {
            assert_eq!(t.get(pack_lower8(w.as_bytes()).unwrap()), None, "{w}");
        }
        // a table fuller than one probe: every key still found, no other
        let many: Vec<u64> = (0..300u32).map(|i| pack_lower8(format!("w{i}").as_bytes()).unwrap()).collect();
        let t = ShortKeys::new(many.iter().map(|&k| (k, k)), |a, _| a);
        assert!(many.iter().all(|&k| t.get(k) == Some(k)));
        assert_eq!(t.get(pack_lower8(b"w300").unwrap()), None);
    }

    #[test]
    fn a_word_set_ignores_case_and_rejects_long_words() {
        let s = WordSet::new(&["the", "of", "для"]);
        assert!(s.contains("The") && s.contains("OF") && s.contains("Для") && s.contains("ДЛЯ"));
        assert!(!s.contains("Theory") && !s.contains("") && !s.contains("fo"));
        assert!(!s.contains(&"a".repeat(200)) && !s.contains(&"я".repeat(40)));
    }

    #[test]
    fn the_length_and_first_letter_filters_reject_only_non_members() {
        let table: &'static [&'static str] = &["the", "of", "для", "über", "a", "n.", "co-op"];
        let s = WordSet::new(table);
        let naive = |w: &str| table.iter().any(|t| *t == w.to_lowercase());
        let words =
            ["THE", "Of", "ДЛЯ", "Über", "ÜBER", "A", "N.", "Co-Op", "them", "to", "o", "b", "the ", "n", "co-o"];
        for w in words {
            assert_eq!(s.contains(w), naive(w), "{w:?}");
        }
        assert!(s.contains("A") && s.contains("CO-OP") && !s.contains("an"));
    }
}
