//! Hostile input in CI: the inputs the fuzz targets (`fuzz/`) try, as property tests with the
//! same harness (`tests/it/common/hostile.rs`): arbitrary bytes, and valid files cut, flipped and
//! spliced at random places. No input may make the loader or an importer panic.

use crate::common;

use cercle::domain::Person;
use common::hostile;
use proptest::prelude::*;
use std::sync::LazyLock;

static SAMPLE_JSON: LazyLock<Vec<u8>> =
    LazyLock::new(|| cercle::store::to_json(&cercle::sample::sample()).unwrap());

fn people() -> Vec<Person> {
    cercle::sample::sample()
        .people
        .iter()
        .map(|p| (**p).clone())
        .collect()
}

static SAMPLE_VCARD: LazyLock<String> = LazyLock::new(|| {
    let people = people();
    cercle::exchange::vcard::write(&people.iter().collect::<Vec<_>>())
});

static SAMPLE_CSV: LazyLock<String> = LazyLock::new(|| {
    let people = people();
    cercle::exchange::csv::write(&people.iter().collect::<Vec<_>>()).unwrap()
});

/// A valid file damaged: cut at `at`, a byte there replaced, and `splice` put in.
fn damaged(valid: &[u8], at: usize, byte: u8, splice: &[u8], cut: bool) -> Vec<u8> {
    let at = at % (valid.len() + 1);
    let mut bytes = valid[..at].to_vec();
    bytes.extend_from_slice(splice);
    if !cut {
        bytes.push(byte);
        bytes.extend_from_slice(valid.get(at + 1..).unwrap_or_default());
    }
    bytes
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 400,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_json_loader_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        hostile::json_loader(&bytes);
    }

    #[test]
    fn the_json_loader_never_panics_on_a_damaged_file(
        at in any::<usize>(), byte in any::<u8>(),
        splice in proptest::collection::vec(any::<u8>(), 0..8), cut in any::<bool>(),
    ) {
        hostile::json_loader(&damaged(&SAMPLE_JSON, at, byte, &splice, cut));
    }

    #[test]
    fn the_vcard_importer_never_panics(
        any_text in ".{0,300}",
        lines in proptest::collection::vec("(BEGIN:VCARD|END:VCARD|VERSION:[34].0|FN[;:].{0,20}|N:.{0,20}|EMAIL[;:].{0,20}|TEL:.{0,12}|NOTE:.{0,30}|ADR:.{0,30}| .{0,10}|X-CERCLE-[A-Z]+:.{0,10}|.{0,20})", 0..20),
        at in any::<usize>(), byte in any::<u8>(), splice in ".{0,8}", cut in any::<bool>(),
    ) {
        hostile::vcard(&any_text);
        hostile::vcard(&format!("BEGIN:VCARD\r\n{}\r\n", lines.join("\r\n")));
        hostile::vcard(&text(&damaged(SAMPLE_VCARD.as_bytes(), at, byte, splice.as_bytes(), cut)));
    }

    #[test]
    fn the_csv_importer_never_panics(
        any_text in ".{0,300}",
        rows in proptest::collection::vec("[a-z@.,;\"\n =+-]{0,40}", 0..10),
        at in any::<usize>(), byte in any::<u8>(), splice in ".{0,8}", cut in any::<bool>(),
    ) {
        hostile::csv(&any_text);
        hostile::csv(&format!("name,emails,phones,notes,shared,uid\n{}", rows.join("\n")));
        hostile::csv(&text(&damaged(SAMPLE_CSV.as_bytes(), at, byte, splice.as_bytes(), cut)));
    }
}
