//! Fuzz target: see `tests/common/hostile.rs` for what it checks.
#![no_main]

#[path = "../../tests/common/hostile.rs"]
mod hostile;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    hostile::csv(&String::from_utf8_lossy(data));
});
