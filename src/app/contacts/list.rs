//! The contacts list: the search typed with `/`, the sort and the grouping, cached so that a
//! keystroke over 15,000 people only matches once, and a resize or a redraw costs nothing.

use crate::domain::directory::{self, Group, Sort, SortKeys};
use crate::domain::search::{self, Index, Query};
use crate::domain::{Data, geo};
use std::sync::Arc;

/// The contacts screen's own state.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The directory, searched.
    pub listing: crate::app::list::Listing,
    /// The order of the list.
    pub sort: Sort,
    /// The grouping of the list.
    pub group: Group,
    /// Whether the selected person's card fills the screen.
    pub zoomed: bool,
    prepared: Option<Prepared>,
    result: Option<Computed>,
}

/// What is built once per data version: the search fields and the sort keys.
#[derive(Debug, Clone)]
struct Prepared {
    /// Held so that the address compared can never be reused by another version.
    data: Arc<Data>,
    index: Arc<Index>,
    keys: Arc<SortKeys>,
}

/// The last search and its rows.
#[derive(Debug, Clone)]
struct Computed {
    /// The search fields it ran on: the rows hold as long as they do.
    index: Arc<Index>,
    text: String,
    sort: Sort,
    group: Group,
    me: Option<String>,
    query: Arc<Query>,
    rows: Vec<usize>,
}

impl State {
    /// The rows for this data, query and user, recomputed only when one of them (or the sort or
    /// grouping) changed since the last call.
    pub fn rows(&mut self, data: &Arc<Data>, text: &str, me: Option<&str>) -> &[usize] {
        let prepared = self.prepare(data);
        // The rows depend on the data only through what the search fields and keys were built
        // from: the same prepared fields mean the same rows, whatever else the change touched.
        let fresh = self.result.as_ref().is_some_and(|r| {
            Arc::ptr_eq(&r.index, &prepared.index)
                && r.text == text
                && r.sort == self.sort
                && r.group == self.group
                && r.me.as_deref() == me
        });
        if !fresh {
            let query = Query::parse(text);
            // A letter added to the last search only needs to look at what it found.
            let among = self
                .result
                .as_ref()
                .filter(|r| {
                    Arc::ptr_eq(&r.index, &prepared.index) && search::refines(&r.text, text)
                })
                .map(|r| r.rows.clone());
            let mut hits = search::search_among(
                data,
                &prepared.index,
                &prepared.keys.cohorts,
                &query,
                &mut search::matcher(),
                among.as_deref(),
            );
            let here = me.and_then(geo::departement).map(|d| (d.lat, d.lon));
            directory::order(
                data,
                &prepared.keys,
                &mut hits,
                query.has_words(),
                self.sort,
                self.group,
                here,
            );
            self.result = Some(Computed {
                index: Arc::clone(&prepared.index),
                text: text.to_owned(),
                sort: self.sort,
                group: self.group,
                me: me.map(str::to_owned),
                query: Arc::new(query),
                rows: hits.into_iter().map(|(i, _)| i).collect(),
            });
        }
        self.result.as_ref().map_or(&[], |r| r.rows.as_slice())
    }

    /// A state whose search fields are already built for `data`: the loading thread makes it,
    /// so that the UI thread does not spend the first frame after loading on 15,000 people.
    pub fn prepared_for(data: &Arc<Data>) -> Self {
        let mut state = Self::default();
        state.prepare(data);
        state
    }

    /// Takes the search fields another state built, keeping this one's sort and grouping.
    pub fn adopt(&mut self, built: Self) {
        self.prepared = built.prepared;
    }

    fn prepare(&mut self, data: &Arc<Data>) -> Prepared {
        if let Some(p) = &self.prepared {
            if Arc::ptr_eq(&p.data, data) {
                return p.clone();
            }
            // A change elsewhere (a mark, a request) keeps the fields: only the version moves.
            if directory::unchanged(&p.data, data) {
                let kept = Prepared {
                    data: Arc::clone(data),
                    ..p.clone()
                };
                self.prepared = Some(kept.clone());
                return kept;
            }
        }
        let (index, keys) = build(data);
        let prepared = Prepared {
            data: Arc::clone(data),
            index: Arc::new(index),
            keys: Arc::new(keys),
        };
        self.prepared = Some(prepared.clone());
        prepared
    }

    /// The query of the rows shown, for highlighting.
    pub fn query(&self) -> Option<&Query> {
        self.result.as_ref().map(|r| r.query.as_ref())
    }

    /// The sort keys of the data shown (cohorts of each person), for group labels.
    pub fn keys(&self) -> Option<&SortKeys> {
        self.prepared.as_ref().map(|p| p.keys.as_ref())
    }
}

/// The search fields and the sort keys, each on its own core when a second thread can start:
/// together they are most of what loading builds after reading the file.
fn build(data: &Data) -> (Index, SortKeys) {
    std::thread::scope(|scope| {
        let keys = std::thread::Builder::new().spawn_scoped(scope, || SortKeys::new(data));
        let index = Index::new(data);
        let keys = match keys {
            Ok(handle) => handle.join().ok(),
            Err(_) => None,
        };
        (index, keys.unwrap_or_else(|| SortKeys::new(data)))
    })
}
