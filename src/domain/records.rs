//! A list of records found by id without a scan: 15,000 people are looked up by id on every
//! frame (names in a roster, a tutor, a trainer), and a scan of all of them each time is what
//! made a frame's cost follow the size of the file rather than what is on screen.

use super::shared::Shared;
use rustc_hash::FxBuildHasher as FastHash;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::hash::BuildHasher;
use std::ops::{Deref, DerefMut};
use std::sync::{Arc, OnceLock};

/// A record with a stable id.
pub trait Keyed {
    /// The id, as written in the file.
    fn key(&self) -> &str;
}

/// The records in file order, with an index by id built on the first lookup and dropped by
/// any change to the list (every change goes through `DerefMut`, so it can never be stale).
pub struct Records<T> {
    items: Vec<Shared<T>>,
    index: OnceLock<Arc<Index>>,
}

/// Each record's position sorted by a hash of its id: no id is copied.
struct Index(Vec<(u64, u32)>);

fn hash(key: &str) -> u64 {
    FastHash.hash_one(key)
}

impl<T: Keyed> Records<T> {
    /// The first record with this id.
    pub fn find(&self, key: &str) -> Option<&T> {
        self.position(key).map(|i| &*self.items[i])
    }

    /// The position of the first record with this id.
    pub fn position(&self, key: &str) -> Option<usize> {
        let index = self.index.get_or_init(|| Arc::new(self.build()));
        let h = hash(key);
        let start = index.0.partition_point(|&(other, _)| other < h);
        index.0[start..]
            .iter()
            .take_while(|&&(other, _)| other == h)
            .map(|&(_, i)| i as usize)
            .find(|&i| self.items[i].key() == key)
    }

    fn build(&self) -> Index {
        let mut entries: Vec<(u64, u32)> = self
            .items
            .iter()
            .zip(0u32..)
            .map(|(item, i)| (hash(item.key()), i))
            .collect();
        // Sorted by position within a hash too, so that the first of two equal ids is found.
        entries.sort_unstable();
        Index(entries)
    }
}

/// For `#[serde(deserialize_with)]` on a long-lived `Vec` read in great numbers (the marks of
/// every half-day): a list read from JSON grows by doubling, so up to half of it is spare room;
/// giving that back as each list ends keeps a network's marks a fifth smaller in memory.
pub fn tight<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Vec::<T>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}

impl<T> Deref for Records<T> {
    type Target = Vec<Shared<T>>;

    fn deref(&self) -> &Self::Target {
        &self.items
    }
}

/// Any change to the list may move or rename records: the index is dropped, and built again
/// on the next lookup.
impl<T> DerefMut for Records<T> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.index = OnceLock::new();
        &mut self.items
    }
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            index: OnceLock::new(),
        }
    }
}

/// A copy holds the same ids at the same places: it shares the index.
impl<T> Clone for Records<T> {
    fn clone(&self) -> Self {
        let index = OnceLock::new();
        if let Some(built) = self.index.get() {
            let _ = index.set(Arc::clone(built));
        }
        Self {
            items: self.items.clone(),
            index,
        }
    }
}

impl<T> From<Vec<Shared<T>>> for Records<T> {
    fn from(items: Vec<Shared<T>>) -> Self {
        Self {
            items,
            index: OnceLock::new(),
        }
    }
}

impl<T> From<Vec<T>> for Records<T> {
    fn from(items: Vec<T>) -> Self {
        items
            .into_iter()
            .map(Shared::new)
            .collect::<Vec<_>>()
            .into()
    }
}

impl<T> FromIterator<Shared<T>> for Records<T> {
    fn from_iter<I: IntoIterator<Item = Shared<T>>>(iter: I) -> Self {
        iter.into_iter().collect::<Vec<_>>().into()
    }
}

impl<'a, T> IntoIterator for &'a Records<T> {
    type Item = &'a Shared<T>;
    type IntoIter = std::slice::Iter<'a, Shared<T>>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut Records<T> {
    type Item = &'a mut Shared<T>;
    type IntoIter = std::slice::IterMut<'a, Shared<T>>;

    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl<T: PartialEq> PartialEq for Records<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}

/// Transparent: reads as the list itself.
impl<T: fmt::Debug> fmt::Debug for Records<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.items.fmt(f)
    }
}

/// Written as the list itself: the index is never in the file.
impl<T: Serialize> Serialize for Records<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.items.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Records<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<Shared<T>>::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Item(&'static str, u32);

    impl Keyed for Item {
        fn key(&self) -> &str {
            self.0
        }
    }

    #[test]
    fn finds_the_first_record_of_an_id_and_follows_every_change() {
        let mut list: Records<Item> = vec![Item("a", 1), Item("b", 2), Item("a", 3)].into();
        assert_eq!(list.find("a"), Some(&Item("a", 1)));
        assert_eq!(list.find("z"), None);
        let copy = list.clone();
        list.remove(0);
        assert_eq!(list.find("a"), Some(&Item("a", 3)), "the index followed");
        assert_eq!(copy.find("a"), Some(&Item("a", 1)), "the copy kept its own");
        list[0].0 = "c";
        assert_eq!((list.find("b"), list.position("c")), (None, Some(0)));
        list.push(Item("d", 4).into());
        assert_eq!(list.position("d"), Some(2));
        for item in &mut list {
            item.1 += 10;
        }
        assert_eq!(list.find("d"), Some(&Item("d", 14)));
    }

    #[test]
    fn it_is_written_as_the_list_itself() {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        struct Named {
            id: String,
        }
        impl Keyed for Named {
            fn key(&self) -> &str {
                &self.id
            }
        }
        let json = r#"[{"id":"x"},{"id":"y"}]"#;
        let list: Records<Named> = serde_json::from_str(json).unwrap();
        assert_eq!(list.position("y"), Some(1));
        assert_eq!(serde_json::to_string(&list).unwrap(), json);
    }
}
