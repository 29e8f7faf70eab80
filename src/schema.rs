//! The JSON Schema of the data file, shipped in the binary, and a validator for it.
//!
//! The schema is stricter than the app on one point: it rejects unknown fields, which the app
//! ignores, so that a typo in a hand-edited or scripted file is caught.

use serde_json::Value;
use std::sync::OnceLock;

/// The JSON Schema (draft 2020-12) of the data file, as in `assets/cercle.schema.json`.
pub const SCHEMA_JSON: &str = include_str!("../assets/cercle.schema.json");

/// Every way `value` breaks the schema, each message led by the JSON pointer of the culprit
/// (`/` for the whole document). Empty when the document is valid.
pub fn validate(value: &Value) -> Vec<String> {
    match validator() {
        Ok(validator) => validator
            .iter_errors(value)
            .map(|error| {
                let pointer = error.instance_path().as_str();
                let pointer = if pointer.is_empty() { "/" } else { pointer };
                format!("{pointer}: {error}")
            })
            .collect(),
        Err(message) => vec![message.clone()],
    }
}

/// The compiled schema, built once. An error here is a bug in the shipped schema (a test
/// compiles it), reported as a validation message rather than a panic.
fn validator() -> &'static Result<jsonschema::Validator, String> {
    static VALIDATOR: OnceLock<Result<jsonschema::Validator, String>> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(SCHEMA_JSON)
            .map_err(|e| format!("the embedded schema is not JSON: {e}"))?;
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .map_err(|e| format!("the embedded schema does not compile: {e}"))
    })
}
