//! Upgrading files written by older Cercles, one data version at a time, on untyped JSON.
//!
//! To change the shape of [`Data`](crate::domain::Data): bump
//! [`SCHEMA_VERSION`](crate::domain::SCHEMA_VERSION) to N+1, then append to [`MIGRATIONS`] one
//! [`Migration`] `{ from: N, step }` whose `step` turns a version-N document into version N+1.
//! Steps work on `serde_json::Value`, not on the Rust types, so old steps keep compiling and
//! keep meaning the same thing as the types move on; the runner sets `schema_version` after
//! each step. Before the upgraded data is used, the store keeps the original file in
//! `backups/` (named `…-vN.json`, never rotated away).
//!
//! Version 2 brought trainee signatures and seals: a version-1 trainer signature is only a name
//! and a time, so it is marked `before_seals` and reported as such, never as altered.

use crate::domain::SCHEMA_VERSION;
use serde_json::Value;

/// One upgrade step, from data version `from` to `from + 1`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    /// The version this step reads.
    pub(crate) from: u32,
    /// Turns a version-`from` document into a version-`from + 1` one, or says why it cannot.
    pub(crate) step: fn(Value) -> Result<Value, String>,
}

/// Every upgrade step, oldest first.
pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    from: 1,
    step: signatures_before_seals,
}];

/// 1 → 2: every half-day's trainer signature is marked as made before seals existed.
#[allow(clippy::unnecessary_wraps)] // every step has the table's signature
fn signatures_before_seals(mut value: Value) -> Result<Value, String> {
    let cohorts = value.get_mut("cohorts").and_then(Value::as_array_mut);
    for cohort in cohorts.into_iter().flatten() {
        let seminars = cohort.get_mut("seminars").and_then(Value::as_array_mut);
        for seminar in seminars.into_iter().flatten() {
            let half_days = seminar.get_mut("half_days").and_then(Value::as_array_mut);
            for half_day in half_days.into_iter().flatten() {
                if let Some(signature) =
                    half_day.get_mut("signature").and_then(Value::as_object_mut)
                {
                    signature.insert("before_seals".into(), Value::Bool(true));
                }
            }
        }
    }
    Ok(value)
}

/// Why a document could not be upgraded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum MigrateError {
    /// No step reads that version: Cercle never wrote it.
    #[error("data version {0} was never written by any Cercle, so it cannot be upgraded")]
    NoStep(u32),
    /// A step failed on this document.
    #[error("upgrading from data version {from} failed: {reason}")]
    Step {
        /// The version the failing step reads.
        from: u32,
        /// What the step reported.
        reason: String,
    },
}

/// Upgrades a version-`from` document to [`SCHEMA_VERSION`] with the steps of `table`.
pub(crate) fn migrate(value: Value, from: u32, table: &[Migration]) -> Result<Value, MigrateError> {
    migrate_to(value, from, SCHEMA_VERSION, table)
}

fn migrate_to(
    mut value: Value,
    from: u32,
    to: u32,
    table: &[Migration],
) -> Result<Value, MigrateError> {
    let mut version = from;
    while version < to {
        let migration = table
            .iter()
            .find(|m| m.from == version)
            .ok_or(MigrateError::NoStep(version))?;
        value = (migration.step)(value).map_err(|reason| MigrateError::Step {
            from: version,
            reason,
        })?;
        version += 1;
        let Some(object) = value.as_object_mut() else {
            return Err(MigrateError::Step {
                from: version - 1,
                reason: "the result is not a JSON object".into(),
            });
        };
        object.insert("schema_version".into(), version.into());
    }
    Ok(value)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// A made-up version 0 kept the programme's title and provider at the top level.
    pub(crate) fn lift_programme(mut value: Value) -> Result<Value, String> {
        let object = value.as_object_mut().ok_or("not an object")?;
        let title = object.remove("title").ok_or("no title")?;
        let provider = object.remove("provider").ok_or("no provider")?;
        object.insert(
            "programme".into(),
            json!({ "id": "programme", "title": title, "provider": provider }),
        );
        Ok(value)
    }

    /// A test-only table: 0 → 1 as above, then the real steps.
    pub(crate) const TEST_MIGRATIONS: &[Migration] = &[
        Migration {
            from: 0,
            step: lift_programme,
        },
        MIGRATIONS[0],
    ];

    fn rename_people(mut value: Value) -> Result<Value, String> {
        let object = value.as_object_mut().ok_or("not an object")?;
        if let Some(people) = object.remove("persons") {
            object.insert("people".into(), people);
        }
        Ok(value)
    }

    #[test]
    fn the_real_table_reads_every_version_it_claims() {
        // Every step's version is below the current one and appears once: the chain is usable.
        let mut froms: Vec<_> = MIGRATIONS.iter().map(|m| m.from).collect();
        froms.sort_unstable();
        froms.dedup();
        assert_eq!(froms.len(), MIGRATIONS.len());
        assert!(froms.iter().all(|&from| from < SCHEMA_VERSION));
        let current = json!({ "schema_version": SCHEMA_VERSION, "x": 1 });
        assert_eq!(
            migrate(current.clone(), SCHEMA_VERSION, MIGRATIONS),
            Ok(current)
        );
    }

    #[test]
    fn version_1_signatures_read_as_signed_before_seals() {
        let old = json!({ "schema_version": 1, "cohorts": [{ "seminars": [{ "half_days": [
            { "id": "h1", "signature": { "by": "t", "at": "2025-01-06T11:35:00Z" } },
            { "id": "h2" }
        ] }] }] });
        let new = migrate(old, 1, MIGRATIONS).unwrap();
        let half_days = &new["cohorts"][0]["seminars"][0]["half_days"];
        assert_eq!(half_days[0]["signature"]["before_seals"], json!(true));
        assert_eq!(
            half_days[0]["signature"]["by"],
            json!("t"),
            "nothing else changes"
        );
        assert_eq!(half_days[1].get("signature"), None);
        assert_eq!(new["schema_version"], json!(2));
    }

    #[test]
    fn steps_run_in_order_and_set_the_version() {
        let table = [
            Migration {
                from: 1,
                step: rename_people,
            },
            Migration {
                from: 0,
                step: lift_programme,
            },
        ];
        let old = json!({ "schema_version": 0, "title": "T", "provider": "P", "persons": [] });
        let new = migrate_to(old, 0, 2, &table).unwrap();
        assert_eq!(
            new,
            json!({
                "schema_version": 2,
                "programme": { "id": "programme", "title": "T", "provider": "P" },
                "people": [],
            })
        );
    }

    #[test]
    fn a_missing_or_failing_step_is_an_error() {
        let old = json!({ "schema_version": 0 });
        assert_eq!(migrate(old.clone(), 0, &[]), Err(MigrateError::NoStep(0)));
        assert_eq!(
            migrate(old, 0, TEST_MIGRATIONS),
            Err(MigrateError::Step {
                from: 0,
                reason: "no title".into()
            })
        );
    }
}
