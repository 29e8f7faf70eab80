//! Writes a synthetic data set and prints its counts.
//!
//! `cargo run --example generate -- [COHORTS] [SEED] [OUT.json]` (defaults: 1000 42, no file).

use cercle::domain::integrity::{Severity, problems};
use cercle::generate::generate;
use cercle::sample::SAMPLE_TODAY;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let cohorts: usize = args.next().map_or(Ok(1000), |a| a.parse())?;
    let seed: u64 = args.next().map_or(Ok(42), |a| a.parse())?;
    let out = args.next();

    let started = Instant::now();
    let data = generate(cohorts, seed);
    let generated = started.elapsed();
    let json = serde_json::to_string(&data)?;
    let half_days = data
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .flat_map(|s| &s.half_days);
    let marks: usize = half_days.clone().map(|h| h.marks.len()).sum();
    let trainers: std::collections::BTreeSet<_> = data
        .cohorts
        .iter()
        .flat_map(|c| &c.seminars)
        .map(|s| &s.trainer)
        .collect();
    let sum =
        |f: fn(&cercle::domain::Cohort) -> usize| data.cohorts.iter().map(|c| f(c)).sum::<usize>();
    println!("cohorts          {}", data.cohorts.len());
    println!("people           {}", data.people.len());
    println!("trainees         {}", sum(|c| c.trainees.len()));
    println!("trainers (busy)  {}", trainers.len());
    println!("venues           {}", data.venues.len());
    println!("seminars         {}", sum(|c| c.seminars.len()));
    println!("half-days        {}", half_days.count());
    println!("marks            {marks}");
    println!("offers+requests  {}", sum(|c| c.knowledge.len()));
    println!("exchanges        {}", sum(|c| c.exchanges.len()));
    println!("tutor requests   {}", sum(|c| c.tutor_requests.len()));
    println!("follow-ups       {}", sum(|c| c.follow_ups.len()));
    println!("json bytes       {} (compact)", json.len());
    println!("generated in     {generated:.2?}");
    let started = Instant::now();
    let found = problems(&data, SAMPLE_TODAY);
    let errors = found
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    println!(
        "problems         {} ({errors} errors) in {:.2?}",
        found.len(),
        started.elapsed()
    );
    if let Some(path) = out {
        std::fs::write(&path, serde_json::to_string_pretty(&data)?)?;
        println!("wrote            {path}");
    }
    Ok(())
}
