//! One fast, non-cryptographic hasher for the word tables of every finder (the FxHash scheme
//! over 8-byte chunks). The keys are short, fixed words: SipHash's protection against crafted
//! keys buys nothing here, and byte-at-a-time hashes dominate the lookups.

use std::hash::{BuildHasherDefault, Hasher};

/// FxHash over 8-byte chunks; short tails are folded byte by byte, with their length mixed in.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Two overlapping loads: a variable-length copy would call memcpy for every short key.
            let w = crate::swar::load_le(rest);
            self.add(w ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s for `HashMap`/`HashSet`.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// The [`FxHasher`] hash of some bytes.
#[inline]
pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.finish()
}
