//! stub
use crate::domain::Data;
/// stub
pub fn generate(_c: usize, _s: u64) -> Data {
    Data::default()
}
