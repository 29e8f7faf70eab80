//! Temporary stand-in until the sample module lands.
use crate::domain::Data;
/// The sample.
pub fn sample() -> Data {
    Data::empty("x", "y")
}
