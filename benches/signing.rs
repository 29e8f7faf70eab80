//! Signatures: one trainee signing her line with her code (the Argon2id derivation included,
//! which is what she waits for), and `cercle verify` on one cohort and on the 1,000-cohort
//! network, its past half-days signed and sealed as the sample's are.

#[path = "common/mod.rs"]
mod common;

use cercle::domain::audit::{verify, verify_all};
use cercle::domain::seal;
use cercle::domain::seal_past::sign_and_seal_past;
use cercle::domain::signing::{Attempts, KdfParams, register};
use cercle::domain::{Cohort, Data, PersonId, Status, rollcall};
use chrono::{TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn one_signature(c: &mut Criterion) {
    let data = cercle::sample::sample();
    let cohort = data.current().expect("the sample has a current cohort");
    let mut cohort = cohort.clone();
    let (s, h) = (cohort.seminars.len() - 1, 0);
    let half_day = cohort.seminars[s].half_days[h].id.clone();
    let trainee = cohort.trainees[0].clone();
    let sealer = cohort.trainers[0].clone();
    let at = Utc.with_ymd_and_hms(2026, 12, 8, 8, 10, 0).unwrap();
    cohort.keys.retain(|k| k.person != trainee);
    let input = rollcall::MarkInput {
        status: Status::Present,
        time: None,
        reason: None,
    };
    let view = cohort.clone();
    let sheet = &mut cohort.seminars[s].half_days[h];
    rollcall::mark(&view, sheet, &trainee, input, &sealer, at, None).unwrap();
    register(
        &mut cohort.keys,
        &trainee,
        "camille2026",
        "camille2026",
        [3; 16],
        KdfParams::DEFAULT,
        at,
    )
    .unwrap();
    let mut group = c.benchmark_group("signing");
    group.sample_size(10);
    group.bench_function("one trainee signature, key derivation included", |b| {
        b.iter(|| {
            let mut cohort = cohort.clone();
            let mut attempts = Attempts::default();
            seal::sign_own_line(
                &mut cohort,
                &half_day,
                &trainee,
                ("camille2026", None),
                &mut attempts,
                [0; 16],
                at,
            )
            .unwrap();
            black_box(cohort)
        });
    });
    group.finish();
}

/// The network as `cercle generate --cohorts 1000 --seed 42` writes it, then signed and sealed.
fn sealed_network() -> Data {
    let mut data = cercle::generate::generate(1000, 42);
    sign_and_seal_past(&mut data, &|id: &PersonId| format!("code-{id}"));
    data
}

fn verifying(c: &mut Criterion) {
    let mut group = c.benchmark_group("verify");
    group.sample_size(10);
    let sample = cercle::sample::sample();
    let network = sealed_network();
    for (size, data) in [("sample", &sample), ("network", &network)] {
        let cohort = data.current().expect("a current cohort");
        assert!(verify(data, cohort).is_empty(), "{size} verifies");
        group.bench_function(BenchmarkId::new("one cohort", size), |b| {
            b.iter(|| verify(black_box(data), cohort).len());
        });
    }
    group.measurement_time(Duration::from_secs(1));
    // As `cercle verify` checks a whole network: every cohort's chain on its own, side by side.
    let cohorts: Vec<&Cohort> = network.cohorts.iter().map(|c| &**c).collect();
    group.bench_function("every cohort of the network", |b| {
        b.iter(|| verify_all(&network, black_box(&cohorts)).len());
    });
    group.finish();
}

criterion_group!(benches, one_signature, verifying);
criterion_main!(benches);
