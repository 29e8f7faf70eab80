//! A fast hash for ids, for maps that live inside one process (the index of records by id, the
//! ids shared while loading). Std's default hash resists crafted collisions, which costs more
//! than the rest of a lookup; a hostile file here could only make its own loading slower.

use std::hash::{BuildHasherDefault, Hasher};

/// The hash state: the multiply-rotate hash of rustc's `FxHasher`.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            // The length in the byte the tail never fills, so that "ab" and "ab\0" differ.
            word[7] = u8::try_from(rest.len()).unwrap_or(u8::MAX);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`FastHasher`]s, for `HashMap::with_hasher`.
pub type FastHash = BuildHasherDefault<FastHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_ids_hash_equal_and_near_ids_apart() {
        let hash = |s: &str| FastHash::default().hash_one(s);
        assert_eq!(hash("p-romain-ndiaye-41"), hash("p-romain-ndiaye-41"));
        assert_ne!(hash("p-romain-ndiaye-41"), hash("p-romain-ndiaye-42"));
        assert_ne!(hash("ab"), hash("ab\0"));
    }
}
