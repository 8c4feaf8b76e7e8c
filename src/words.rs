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
