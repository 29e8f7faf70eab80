//! Fuzz target: see `tests/it/common/hostile.rs` for what it checks.
#![no_main]

#[path = "../../tests/it/common/hostile.rs"]
mod hostile;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    hostile::bundle(data);
});
