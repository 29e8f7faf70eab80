//! Random key sequences on random terminal sizes, against the sample cohort: no panic, and the
//! rules hold whatever the order of keys; what would be saved reloads equal to memory. The
//! same harness drives the `keys` fuzz target (`fuzz/`).

use crate::common;

use cercle::app::Screen;
use cercle::store::Store;
use common::hostile;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 3000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_on_random_sizes_keep_the_rules(
        size in proptest::collection::vec(any::<u8>(), 4),
        keys in proptest::collection::vec(any::<u8>(), 1..48),
        other_sizes in proptest::collection::vec((1u16..=300, 1u16..=100), 0..3),
    ) {
        let bytes: Vec<u8> = size.into_iter().chain(keys).collect();
        // Drawn every third key and after the last one (drawing dominates the time).
        let (app, saved) = hostile::keys(&bytes, 3);
        // Whatever the keys did, every list's cursor stays on one of its rows and in sight.
        for screen in Screen::ALL {
            let listing = app.listing(screen);
            let len = listing.rows.len();
            prop_assert!(listing.cursor.selected < len.max(1), "{screen:?}: {:?} of {len}", listing.cursor);
            prop_assert!(listing.cursor.offset <= listing.cursor.selected, "{screen:?}: {:?}", listing.cursor);
            prop_assert!(listing.rows.len() <= listing.total, "{screen:?}");
        }
        // The same state on other terminals, down to 1×1.
        for (width, height) in other_sizes.into_iter().chain([(1, 1)]) {
            let _ = hostile::draw(&app, width, height);
        }
        // What the event loop would save reads back equal, through the real store.
        if saved {
            let tmp = tempfile::tempdir().unwrap();
            Store::open(tmp.path()).unwrap().save(&app.data).unwrap();
            let back = Store::open_read_only(tmp.path()).unwrap().load().unwrap();
            prop_assert_eq!(back.as_ref(), Some(app.data.as_ref()));
        }
    }
}
