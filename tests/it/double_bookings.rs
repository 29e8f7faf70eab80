//! The current cohort's double bookings, found without indexing the whole network, are exactly
//! the network's double bookings that involve one of its seminars.

use cercle::domain::Data;
use cercle::domain::integrity::{Outline, double_bookings};
use cercle::domain::rules::{DoubleBooking, double_bookings_of_current};

/// Gives seminar `to` the trainer and the half-days' dates of seminar `from`.
fn clash(data: &mut Data, from: (usize, usize), to: (usize, usize)) {
    let source = data.cohorts[from.0].seminars[from.1].clone();
    let target = &mut data.cohorts[to.0].seminars[to.1];
    target.trainer = source.trainer.clone();
    for (mine, theirs) in target.half_days.iter_mut().zip(&source.half_days) {
        mine.date = theirs.date;
        mine.period = theirs.period;
    }
}

fn sorted(mut found: Vec<DoubleBooking>) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = found
        .drain(..)
        .map(|b| {
            let (a, c) = (b.seminars.0.to_string(), b.seminars.1.to_string());
            let (a, c) = if a < c { (a, c) } else { (c, a) };
            (format!("{} {} {:?}", b.trainer, b.date, b.period), a, c)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_current_cohorts_bookings_are_the_networks_that_involve_it() {
    let mut data = cercle::generate::generate(12, 5);
    let last = data.cohorts.len() - 1;
    clash(&mut data, (last, 0), (3, 2)); // another cohort's trainer elsewhere
    clash(&mut data, (last, 0), (last, 4)); // two seminars of the current cohort
    clash(&mut data, (1, 0), (2, 0)); // a clash the current cohort has no part in
    let current: Vec<String> = data.cohorts[last]
        .seminars
        .iter()
        .map(|s| s.id.to_string())
        .collect();
    let involved = |b: &DoubleBooking| {
        current.contains(&b.seminars.0.to_string()) || current.contains(&b.seminars.1.to_string())
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let outlines: Vec<Outline> = data.cohorts.iter().map(|c| Outline::of(c, today)).collect();
    let all = double_bookings(&outlines);
    assert!(all.iter().any(|b| !involved(b)), "the outside clash exists");
    let expected: Vec<DoubleBooking> = all.into_iter().filter(involved).collect();
    assert!(expected.len() >= 2 * 4, "{expected:?}");
    assert_eq!(sorted(double_bookings_of_current(&data)), sorted(expected));
}
