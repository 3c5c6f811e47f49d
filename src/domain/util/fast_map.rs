//! A hash map keyed by short ids with FNV-1a: ids are short and trusted (they come from
//! checked questionnaires), so SipHash's DoS resistance buys nothing and costs time on
//! the hot scoring path.

// The stand-in itself: std's HashMap with FNV in place of SipHash.
#[allow(clippy::disallowed_types)]
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[allow(clippy::disallowed_types)]
pub type IdMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;
