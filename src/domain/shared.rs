//! A record shared between versions of the data, copied only when one version changes it.
//!
//! Every change keeps the data as it was for undo, so a change that copied all the data would
//! copy ten years of cohorts to mark one trainee. Cohorts and people are each held in a
//! [`Shared`]: copying the data copies pointers, and writing to a record copies that record
//! alone, and only while another version (an undo step, a save in flight) still holds it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A copy-on-write record: reads go to the shared value; a write first makes it this version's own.
#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Wraps a record.
    pub fn new(value: T) -> Self {
        Self(Arc::new(value))
    }

    /// Whether two versions still hold the very same record (nothing changed it in between).
    pub fn same(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Writing copies the record first if another version holds it: that is the whole point.
impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

/// `for item in &shared_list` reads the list in place.
#[allow(clippy::into_iter_without_iter)] // `iter()` is the list's own, through `Deref`
impl<'a, T> IntoIterator for &'a Shared<T>
where
    &'a T: IntoIterator,
{
    type Item = <&'a T as IntoIterator>::Item;
    type IntoIter = <&'a T as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        (**self).into_iter()
    }
}

/// `for item in &mut shared_list` writes to it, copying it first if another version holds it.
#[allow(clippy::into_iter_without_iter)] // `iter_mut()` is the list's own, through `DerefMut`
impl<'a, T: Clone> IntoIterator for &'a mut Shared<T>
where
    &'a mut T: IntoIterator,
{
    type Item = <&'a mut T as IntoIterator>::Item;
    type IntoIter = <&'a mut T as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        (**self).into_iter()
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Self::new(value)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        // The same record is equal to itself without a look inside: undo steps compare fast.
        Self::same(self, other) || *self.0 == *other.0
    }
}

impl<T: Eq> Eq for Shared<T> {}

/// Transparent, so that debug output and snapshots read as the record itself.
impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Written as the record itself: the file does not know about sharing.
impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_copies_only_a_record_another_version_holds() {
        let mut a = Shared::new(vec![1, 2]);
        let b = a.clone();
        assert!(Shared::same(&a, &b));
        a.push(3);
        assert!(!Shared::same(&a, &b), "the write copied the shared record");
        assert_eq!((a.len(), b.len()), (3, 2));
        let before = Arc::as_ptr(&a.0);
        a.push(4);
        assert_eq!(
            Arc::as_ptr(&a.0),
            before,
            "a record held once is changed in place"
        );
    }

    #[test]
    fn it_is_written_and_read_as_the_record_itself() {
        let shared = Shared::new(vec!["x".to_owned()]);
        let json = serde_json::to_string(&shared).unwrap();
        assert_eq!(json, r#"["x"]"#);
        let back: Shared<Vec<String>> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, shared);
        assert_eq!(format!("{shared:?}"), r#"["x"]"#);
    }
}
