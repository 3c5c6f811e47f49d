//! A map and a set keyed by strings, kept as sorted lists. They iterate in key order,
//! like `BTreeMap` and `BTreeSet`, so exported answers files come out the same every
//! time, but their code is a binary search and a `Vec`: the two B-tree types cost the
//! browser app 15 kB of wasm (docs/performance.md). Answers hold at most a few thousand
//! entries, where a sorted list is as quick.
//!
//! Both serialize as their B-tree counterparts do (a map; a sequence), so JSON and
//! postcard written by either read back with the other. Reading sorts what arrives and,
//! for a key given twice, keeps the last value, as `BTreeMap` does.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::util::sorting::sort_by;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SortedMap<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for SortedMap<V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<V> SortedMap<V> {
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`, giving back the value it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// Sorts `entries` by key; of equal keys the last one stays.
    fn from_unsorted(mut entries: Vec<(String, V)>) -> Self {
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
            let mut kept: Vec<(String, V)> = Vec::with_capacity(entries.len());
            for entry in entries {
                match kept.last_mut() {
                    Some(last) if last.0 == entry.0 => *last = entry,
                    _ => kept.push(entry),
                }
            }
            entries = kept;
        }
        SortedMap { entries }
    }
}

impl<V> IntoIterator for SortedMap<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    /// The entries in key order.
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<V> FromIterator<(String, V)> for SortedMap<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        Self::from_unsorted(iter.into_iter().collect())
    }
}

impl<V: Serialize> Serialize for SortedMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for SortedMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = SortedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(SortedMap::from_unsorted(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A set of strings in sorted order (a multi-select's ticked options).
/// Its own sorted list rather than a `SortedMap<()>`: that made the release wasm 0.6 kB
/// brotli larger (measured).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SortedSet {
    items: Vec<String>,
}

impl SortedSet {
    fn find(&self, item: &str) -> Result<usize, usize> {
        self.items.binary_search_by(|i| i.as_str().cmp(item))
    }

    pub fn contains(&self, item: &str) -> bool {
        self.find(item).is_ok()
    }

    /// Adds `item`; false if it was there already.
    pub fn insert(&mut self, item: String) -> bool {
        match self.find(&item) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, item);
                true
            }
        }
    }

    /// Removes `item`; false if it was not there.
    pub fn remove(&mut self, item: &str) -> bool {
        match self.find(item) {
            Ok(i) => {
                self.items.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.items.iter()
    }
}

impl FromIterator<String> for SortedSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let mut items: Vec<String> = iter.into_iter().collect();
        if !items.windows(2).all(|w| w[0] < w[1]) {
            sort_by(&mut items, |a, b| a.cmp(b));
            items.dedup();
        }
        SortedSet { items }
    }
}

impl<const N: usize> From<[String; N]> for SortedSet {
    fn from(items: [String; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a SortedSet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl Serialize for SortedSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(&self.items)
    }
}

impl<'de> Deserialize<'de> for SortedSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SetVisitor;
        impl<'de> Visitor<'de> for SetVisitor {
            type Value = SortedSet;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of strings")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(items.into_iter().collect())
            }
        }
        deserializer.deserialize_seq(SetVisitor)
    }
}

#[cfg(test)]
// Compared against the std types they replace.
#[allow(clippy::disallowed_types)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    #[derive(Debug, Clone)]
    enum Op {
        Insert(String, u8),
        Remove(String),
    }

    fn key() -> impl Strategy<Value = String> {
        "[a-e]{0,2}"
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (key(), any::<u8>()).prop_map(|(k, v)| Op::Insert(k, v)),
            key().prop_map(Op::Remove),
        ]
    }

    proptest! {
        /// After any inserts and removals the map holds what a `BTreeMap` would, in the
        /// same order, and each step gives back what the `BTreeMap` gives back.
        #[test]
        fn behaves_as_a_btree_map(ops in proptest::collection::vec(op(), 0..60)) {
            let mut ours = SortedMap::default();
            let mut std = BTreeMap::new();
            for op in ops {
                match op {
                    Op::Insert(k, v) => prop_assert_eq!(ours.insert(k.clone(), v), std.insert(k, v)),
                    Op::Remove(k) => prop_assert_eq!(ours.remove(&k), std.remove(&k)),
                }
                prop_assert_eq!(ours.len(), std.len());
            }
            let pairs: Vec<(&String, &u8)> = ours.iter().collect();
            prop_assert_eq!(pairs, std.iter().collect::<Vec<_>>());
            for k in ["", "a", "ab", "e", "z"] {
                prop_assert_eq!(ours.get(k), std.get(k));
                prop_assert_eq!(ours.contains_key(k), std.contains_key(k));
            }
        }

        /// Collected from any list, it keeps each key's last value, as `BTreeMap` does.
        #[test]
        fn collects_as_a_btree_map(pairs in proptest::collection::vec((key(), any::<u8>()), 0..40)) {
            let ours: SortedMap<u8> = pairs.iter().cloned().collect();
            let std: BTreeMap<String, u8> = pairs.into_iter().collect();
            prop_assert_eq!(ours.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
        }

        /// The set holds what a `BTreeSet` would, in order.
        #[test]
        fn behaves_as_a_btree_set(ops in proptest::collection::vec((key(), any::<bool>()), 0..60)) {
            let mut ours = SortedSet::default();
            let mut std = BTreeSet::new();
            for (k, add) in ops {
                if add {
                    prop_assert_eq!(ours.insert(k.clone()), std.insert(k));
                } else {
                    prop_assert_eq!(ours.remove(&k), std.remove(&k));
                }
            }
            prop_assert_eq!(ours.iter().collect::<Vec<_>>(), std.iter().collect::<Vec<_>>());
            let collected: SortedSet = std.iter().rev().cloned().collect();
            prop_assert_eq!(collected, ours);
        }

        /// JSON and postcard written from the B-tree types read back the same, and the
        /// other way round.
        #[test]
        fn serializes_as_the_btree_types(pairs in proptest::collection::vec((key(), proptest::collection::btree_set(key(), 0..4)), 0..12)) {
            let std: BTreeMap<String, BTreeSet<String>> = pairs.into_iter().collect();
            let ours: SortedMap<SortedSet> = std.iter().map(|(k, s)| (k.clone(), s.iter().cloned().collect())).collect();
            let json = serde_json::to_string(&std).unwrap();
            prop_assert_eq!(&serde_json::to_string(&ours).unwrap(), &json);
            prop_assert_eq!(&serde_json::from_str::<SortedMap<SortedSet>>(&json).unwrap(), &ours);
            let bytes = postcard::to_allocvec(&std).unwrap();
            prop_assert_eq!(&postcard::to_allocvec(&ours).unwrap(), &bytes);
            prop_assert_eq!(postcard::from_bytes::<SortedMap<SortedSet>>(&bytes).unwrap(), ours);
        }
    }

    #[test]
    fn a_json_object_naming_a_key_twice_keeps_the_last_value() {
        let map: SortedMap<u8> = serde_json::from_str(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
        assert_eq!(
            map.iter().collect::<Vec<_>>(),
            [(&"a".to_string(), &2), (&"b".to_string(), &3)]
        );
        let set: SortedSet = serde_json::from_str(r#"["y", "x", "y"]"#).unwrap();
        assert_eq!(set.iter().collect::<Vec<_>>(), ["x", "y"]);
    }
}
