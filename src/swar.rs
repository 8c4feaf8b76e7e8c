//! Eight bytes at a time: byte-class tests on a `u64` ("SIMD within a register"), for the scans
//! that skip over plain letters and digits. Exact per byte; no `unsafe`.

/// One in every byte.
pub(crate) const L8: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub(crate) const H8: u64 = L8 * 0x80;

/// High bit of each byte of `x` set where the byte is zero.
#[inline]
pub(crate) fn zero_bytes(x: u64) -> u64 {
    !(((x & !H8).wrapping_add(!H8)) | x) & H8
}

/// High bit of each byte set where `lo < byte < hi` (`hi <= 128`).
#[inline]
pub(crate) fn between(x: u64, lo: u64, hi: u64) -> u64 {
    let low7 = x & (L8 * 127);
    (L8 * (127 + hi)).wrapping_sub(low7) & !x & (low7 + L8 * (127 - lo)) & H8
}

/// High bit of each byte set where the byte is ASCII whitespace as `char::is_whitespace` has
/// it: tab, line feed, vertical tab, form feed, carriage return (0x09..=0x0D) and space.
#[inline]
pub(crate) fn ascii_spaces(x: u64) -> u64 {
    between(x, 0x08, 0x0E) | zero_bytes(x ^ (L8 * 0x20))
}

/// High bit of each byte set where the byte is an ASCII letter or digit.
#[inline]
pub(crate) fn alnum(x: u64) -> u64 {
    // letters: the byte with 0x20 set lies in 'a'..='z' (0x20 maps capitals onto lower case
    // and nothing else onto letters)
    between(x, 0x2F, 0x3A) | between(x | (L8 * 0x20), 0x60, 0x7B)
}

/// The first byte at or after `i` that is not an ASCII letter or digit (`b.len()` if none):
/// the end of an ASCII word run.
#[inline]
pub(crate) fn alnum_run_end(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let stop = !alnum(u64::from_le_bytes(w)) & H8;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

/// How many of the eight bytes of `x` (little-endian) lead it as ASCII letters or digits.
#[inline]
pub(crate) fn alnum_prefix_len(x: u64) -> usize {
    let stop = !alnum(x) & H8;
    if stop == 0 {
        8
    } else {
        (stop.trailing_zeros() / 8) as usize
    }
}

/// `x` with its ASCII capitals lower-cased (0x20 added in their lanes), other bytes as they are.
#[inline]
pub(crate) fn ascii_lower(x: u64) -> u64 {
    x | (between(x, 0x40, 0x5B) >> 2)
}

/// The bytes of `b` (at most eight) as a little-endian `u64`, zero-padded: two overlapping
/// loads instead of a loop over the bytes (a byte loaded twice is the same byte, so OR-ing the
/// loads is exact).
#[inline]
pub(crate) fn load_le(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8);
    if n >= 4 {
        let lo = u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        let hi = u64::from(u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]));
        lo | hi << (8 * (n - 4))
    } else if n > 0 {
        u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1))
    } else {
        0
    }
}

/// `a.eq_ignore_ascii_case(b)`, eight bytes a step: equal lengths and equal bytes once ASCII
/// capitals are lower-cased (other bytes compared as they are).
#[inline]
pub(crate) fn eq_ignore_ascii_case(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut ca = a.chunks_exact(8);
    let mut cb = b.chunks_exact(8);
    for (x, y) in (&mut ca).zip(&mut cb) {
        let (mut wx, mut wy) = ([0u8; 8], [0u8; 8]);
        wx.copy_from_slice(x);
        wy.copy_from_slice(y);
        if ascii_lower(u64::from_le_bytes(wx)) != ascii_lower(u64::from_le_bytes(wy)) {
            return false;
        }
    }
    ascii_lower(load_le(ca.remainder())) == ascii_lower(load_le(cb.remainder()))
}

/// The first `byte` at or after `i` (`b.len()` if none): a line's end, eight bytes a step.
#[inline]
pub(crate) fn find_byte(b: &[u8], i: usize, byte: u8) -> usize {
    find_byte2(b, i, byte, byte)
}

/// The first byte at or after `i` that is `x` or `y` (`b.len()` if none).
#[inline]
pub(crate) fn find_byte2(b: &[u8], i: usize, x: u8, y: u8) -> usize {
    let (px, py) = (L8 * u64::from(x), L8 * u64::from(y));
    first_lane(b, i, |v| zero_bytes(v ^ px) | zero_bytes(v ^ py), |c| c == x || c == y)
}

/// The first byte at or after `i` that `lanes` marks (its high bit set in the lane, eight bytes
/// a step) and `byte` accepts in the last, shorter step (`b.len()` if none). `lanes` and `byte`
/// must agree on every byte.
#[inline(always)]
fn first_lane(b: &[u8], mut i: usize, lanes: impl Fn(u64) -> u64, byte: impl Fn(u8) -> bool) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let hit = lanes(u64::from_le_bytes(w));
        if hit != 0 {
            return i + (hit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    b.get(i..).and_then(|r| r.iter().position(|&c| byte(c))).map_or(b.len(), |p| i + p)
}

/// The first ASCII digit at or after `i` in `b` (`b.len()` if none).
#[inline]
pub(crate) fn find_digit(b: &[u8], i: usize) -> usize {
    first_lane(b, i, |v| between(v, 0x2F, 0x3A), |c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_byte_finds_the_first_at_any_offset() {
        for len in 0..20 {
            for hit in 0..=len {
                let mut b = vec![b'a'; len];
                if hit < len {
                    b[hit] = b'\n';
                    // a second one after it is never the answer
                    if hit + 3 < len {
                        b[hit + 3] = b'\n';
                    }
                }
                for start in 0..=hit {
                    let want = if hit < len { hit } else { len };
                    assert_eq!(find_byte(&b, start, b'\n'), want, "len {len} hit {hit} start {start}");
                }
            }
        }
        assert_eq!(find_byte("é\nx".as_bytes(), 0, b'\n'), 2);
        let text = "a well-known x \u{2013} y / z, and more text after it".as_bytes();
        for start in 0..=text.len() {
            let want = (start..text.len()).find(|&k| text[k] == b'-' || text[k] == 0xE2).unwrap_or(text.len());
            assert_eq!(find_byte2(text, start, b'-', 0xE2), want, "start {start}");
        }
        assert_eq!(find_byte(b"\x8a\x0a", 0, b'\n'), 1);
        let text = "Almaty, 5 May — ‘9’ of 1.5 x".as_bytes();
        for start in 0..=text.len() {
            let want = (start..text.len()).find(|&k| text[k].is_ascii_digit()).unwrap_or(text.len());
            assert_eq!(find_digit(text, start), want, "start {start}");
        }
        // every byte value in every lane: only '0'..='9' stop the search
        for v in 0..=255u8 {
            for lane in 0..12 {
                let mut b = vec![b'x'; 12];
                b[lane] = v;
                let want = if v.is_ascii_digit() { lane } else { b.len() };
                assert_eq!(find_digit(&b, 0), want, "byte {v:#x} at {lane}");
            }
        }
    }

    #[test]
    fn eq_ignore_ascii_case_is_the_byte_wise_comparison() {
        let words: [&[u8]; 14] = [
            b"",
            b"a",
            b"A",
            b"of",
            b"OF",
            b"Of",
            b"the",
            b"The",
            b"internationa",
            b"INTERNATIONAL",
            b"International",
            b"internationaL",
            "Для".as_bytes(),
            "для".as_bytes(),
        ];
        for a in words {
            for b in words {
                assert_eq!(eq_ignore_ascii_case(a, b), a.eq_ignore_ascii_case(b), "{a:?} {b:?}");
            }
        }
        // every byte value against every other, in a lane of each step and of the tail
        for lane in [0, 5, 8, 12] {
            for v in 0..=255u8 {
                for w in [v, v ^ 0x20, v.to_ascii_lowercase(), v.to_ascii_uppercase(), 0x41, 0x61, 0x80] {
                    let mut a = vec![b'q'; 13];
                    let mut b = vec![b'Q'; 13];
                    a[lane] = v;
                    b[lane] = w;
                    assert_eq!(eq_ignore_ascii_case(&a, &b), a.eq_ignore_ascii_case(&b), "{v:#x} {w:#x} at {lane}");
                }
            }
        }
    }

    #[test]
    fn load_le_is_the_bytes_in_order() {
        let bytes = [0x01u8, 0x82, 0x03, 0xF4, 0x05, 0x06, 0x07, 0xE8];
        for n in 0..=8 {
            let w = &bytes[..n];
            let want = w.iter().rev().fold(0u64, |acc, &b| acc << 8 | u64::from(b));
            assert_eq!(load_le(w), want, "{n}");
        }
    }

    #[test]
    fn alnum_run_end_stops_at_the_first_other_byte() {
        let naive = |b: &[u8], i: usize| (i..b.len()).find(|&j| !b[j].is_ascii_alphanumeric()).unwrap_or(b.len());
        // every byte value, in every lane, inside and at the end of a run
        for v in 0..=255u8 {
            for lane in 0..12 {
                let mut b = vec![b'k'; 20];
                b[lane] = v;
                for start in [0, 1, 3] {
                    assert_eq!(alnum_run_end(&b, start), naive(&b, start), "byte {v:#x} at {lane} from {start}");
                }
            }
        }
        assert_eq!(alnum_run_end(b"Hello, world", 0), 5);
        assert_eq!(alnum_run_end("Covid19 в".as_bytes(), 0), 7);
        assert_eq!(alnum_run_end(b"abc", 3), 3);
        assert_eq!(alnum_run_end(b"", 0), 0);
    }

    #[test]
    fn byte_tests_are_exact() {
        for v in 0..=255u8 {
            let x = u64::from_le_bytes([v, 0, b'A', v, 0xFF, v, 0x80, v]);
            let lanes = |m: u64| (0..8).filter(|k| m >> (8 * k + 7) & 1 == 1).collect::<Vec<_>>();
            let expect = |f: &dyn Fn(u8) -> bool| {
                x.to_le_bytes().iter().enumerate().filter(|(_, &c)| f(c)).map(|(k, _)| k).collect::<Vec<_>>()
            };
            assert_eq!(lanes(zero_bytes(x)), expect(&|c| c == 0));
            assert_eq!(lanes(between(x, 0x2F, 0x3A)), expect(&|c| c.is_ascii_digit()));
            assert_eq!(lanes(alnum(x)), expect(&|c| c.is_ascii_alphanumeric()));
            assert_eq!(lanes(ascii_spaces(x)), expect(&|c| crate::words::is_ascii_space(c)));
            let lowered: Vec<u8> = x.to_le_bytes().iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(ascii_lower(x).to_le_bytes().to_vec(), lowered);
            let lead = x.to_le_bytes().iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            assert_eq!(alnum_prefix_len(x), lead);
            let y = u64::from_le_bytes([b'a', b'Z', b'0', v, b'q', v, b'Q', b'9']);
            let lead = y.to_le_bytes().iter().take_while(|c| c.is_ascii_alphanumeric()).count();
            assert_eq!(alnum_prefix_len(y), lead, "byte {v:#x}");
        }
    }
}
