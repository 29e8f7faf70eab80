//! One mark's durable save, in process through the store, at network size and on the sample
//! cohort, in turn, each on its own copy of the fixture's directory.

use super::common::with_one_mark_changed;
use super::session::{Fixture, copy_documents};
use super::stats::{median, ms, ratio};
use super::table::Line;
use cercle::domain::Data;
use cercle::store::Store;
use std::path::Path;
use std::time::{Duration, Instant};

/// The limit for the save at network size.
const LIMIT: Duration = Duration::from_millis(20);
/// How many times the network's save may take the sample's.
const RATIO: f64 = 2.0;

/// A store open on a data directory, with the data it holds.
struct Opened {
    store: Store,
    data: Data,
    saves: Vec<Duration>,
    bytes: usize,
}

impl Opened {
    fn load(dir: &Path) -> Result<Self, String> {
        let e = |e: cercle::store::StoreError| e.to_string();
        let mut store = Store::open(dir).map_err(e)?;
        let data = store.load().map_err(e)?.ok_or("no data")?;
        Ok(Self {
            store,
            data,
            saves: Vec::new(),
            bytes: 0,
        })
    }

    /// Changes one mark and saves it, timing the save alone.
    fn save_one_mark(&mut self, n: usize) -> Result<(), String> {
        self.data = with_one_mark_changed(&self.data, n);
        let started = Instant::now();
        let report = self.store.save(&self.data).map_err(|e| e.to_string())?;
        self.saves.push(started.elapsed());
        self.bytes = report.bytes;
        Ok(())
    }
}

/// The save's line: the network's median against the sample's.
pub fn measure(fixture: &Fixture, root: &Path, runs: usize) -> Result<Line, String> {
    let (network, small) = (root.join("saves-network"), root.join("saves-small"));
    copy_documents(&fixture.pristine, &network, false)?;
    copy_documents(&fixture.small, &small, false)?;
    let mut opened = [Opened::load(&network)?, Opened::load(&small)?];
    for run in 0..runs {
        // Each size first in turn, so that neither always follows the other's writes.
        if run % 2 == 0 {
            opened[0].save_one_mark(run)?;
            opened[1].save_one_mark(run)?;
        } else {
            opened[1].save_one_mark(run)?;
            opened[0].save_one_mark(run)?;
        }
    }
    let [mut network, mut small] = opened;
    let net = median(&mut network.saves);
    let sample = median(&mut small.saves);
    let r = ratio(net, sample);
    Ok(Line {
        what: format!(
            "one mark, durable save, network vs small ({} KB written)",
            network.bytes.div_ceil(1000)
        ),
        ours: ms(net),
        floor: ms(sample),
        ratio: format!("{r:.2}×"),
        target: format!("≤ {} & {RATIO}×", ms(LIMIT)),
        pass: Some(net <= LIMIT && r <= RATIO),
    })
}
