//! What the views need that depends on the whole network, built once per version of the data
//! (after a change, on open) instead of on every frame.

use crate::domain::Data;
use crate::domain::rules::{DoubleBooking, double_bookings_of_current};
use std::borrow::Cow;
use std::sync::{Arc, Weak};

/// Facts about the data, each tied to the version it was built from.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    /// The version they describe; weak, so that an old version is not kept alive for this.
    data: Weak<Data>,
    /// The double bookings the current cohort's screens warn about.
    bookings: Arc<Vec<DoubleBooking>>,
}

impl Derived {
    /// Builds again for `data`, unless it is the version already described.
    pub fn refresh(&mut self, data: &Arc<Data>) {
        if !self.describes(data) {
            self.bookings = Arc::new(double_bookings_of_current(data));
            self.data = Arc::downgrade(data);
        }
    }

    /// The current cohort's double bookings: the stored ones, or (if the data moved on without
    /// a refresh) computed now, so a view is never wrong, only slower.
    pub fn double_bookings<'a>(&'a self, data: &Arc<Data>) -> Cow<'a, [DoubleBooking]> {
        if self.describes(data) {
            Cow::Borrowed(self.bookings.as_slice())
        } else {
            Cow::Owned(double_bookings_of_current(data))
        }
    }

    fn describes(&self, data: &Arc<Data>) -> bool {
        // While the weak pointer lives, the address cannot be reused by another version.
        std::ptr::eq(self.data.as_ptr(), Arc::as_ptr(data))
    }
}
