//! The JSON Schema of the data file, shipped in the binary, and a validator for it.
//!
//! The schema is stricter than the app on one point: it rejects unknown fields, which the app
//! ignores, so that a typo in a hand-edited or scripted file is caught.

mod locate;
mod said;

pub use locate::{locate, position};
use serde_json::Value;
use std::sync::OnceLock;

/// One way a document breaks its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    /// The JSON pointer of the culprit (`/` for the whole document).
    pub pointer: String,
    /// What is wrong, as the validator says it (in English).
    pub message: String,
    /// The pointer of the place to show: the culprit, or the first field it should not have.
    pub at: String,
    /// What is wrong, in French, when the validator's words have a French.
    pub french: Option<String>,
}

impl SchemaError {
    /// What is wrong, in `lang`.
    pub fn message_in(&self, lang: crate::i18n::Lang) -> &str {
        match (&self.french, lang) {
            (Some(french), crate::i18n::Lang::Fr) => french,
            _ => &self.message,
        }
    }
}

/// The JSON Schema (draft 2020-12) of the data file, as in `assets/cercle.schema.json`.
pub const SCHEMA_JSON: &str = include_str!("../assets/cercle.schema.json");

/// Every way `value` breaks the schema, each message led by the JSON pointer of the culprit
/// (`/` for the whole document). Empty when the document is valid.
pub fn validate(value: &Value) -> Vec<String> {
    schema_errors(None, value)
        .into_iter()
        .map(|e| format!("{}: {}", e.pointer, e.message))
        .collect()
}

/// The kinds of documents of the split layout, each with a JSON Schema of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// `cercle.json` in a split directory: everything but the people and the cohorts, and the
    /// files that hold those.
    Index,
    /// `cercle/cohorts/<id>.json`: one cohort.
    Cohort,
    /// `cercle/people/<xx>.json`: a list of people.
    People,
}

impl DocumentKind {
    /// Every kind, in the order of the layout's table.
    pub const ALL: [Self; 3] = [Self::Index, Self::Cohort, Self::People];

    /// The schema's file name in `assets/schema/`.
    pub fn file_name(self) -> &'static str {
        match self {
            Self::Index => "index.schema.json",
            Self::Cohort => "cohort.schema.json",
            Self::People => "people.schema.json",
        }
    }
}

/// The JSON Schema of one kind of document, made from the data file's: the same definitions,
/// so a record is described once.
pub fn document_schema(kind: DocumentKind) -> Value {
    let Ok(mut whole) = serde_json::from_str::<Value>(SCHEMA_JSON) else {
        return Value::Null;
    };
    let defs = whole["$defs"].take();
    let id = format!("https://cercle.example.org/schema/v3/{}", kind.file_name());
    let head = |title: &str, description: &str| {
        serde_json::json!({
            "$schema": whole["$schema"],
            "$id": id,
            "title": title,
            "description": description,
        })
    };
    let mut schema = match kind {
        DocumentKind::Cohort => {
            let mut s = head(
                "Cercle cohort document",
                "cercle/cohorts/<id>.json in a data directory of the split layout (data version 3): one cohort.",
            );
            s["$ref"] = "#/$defs/cohort".into();
            s
        }
        DocumentKind::People => {
            let mut s = head(
                "Cercle people document",
                "cercle/people/<xx>.json in a data directory of the split layout (data version 3): the people whose id falls in this shard.",
            );
            s["type"] = "array".into();
            s["items"] = serde_json::json!({ "$ref": "#/$defs/person" });
            s
        }
        DocumentKind::Index => {
            let mut s = head(
                "Cercle index",
                "cercle.json in a data directory of the split layout (data version 3): every top-level field of the data, the people and the cohorts replaced by the files that hold them.",
            );
            let mut properties = whole["properties"].take();
            properties["schema_version"] = serde_json::json!({
                "description": "Version of the data's shape: 3 is the records of version 2, split into documents.",
                "const": 3
            });
            let file = serde_json::json!({ "type": "string", "pattern": "^cercle/(cohorts|people)/[^/.][^/]*\\.json$" });
            properties["people"] = serde_json::json!({
                "type": "object",
                "additionalProperties": false,
                "required": ["files", "order"],
                "properties": {
                    "files": { "description": "The people documents.", "type": "array", "items": file },
                    "order": { "description": "Every person's id, in order.", "type": "array", "items": { "$ref": "#/$defs/id" } }
                }
            });
            properties["cohorts"] = serde_json::json!({
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "file"],
                    "properties": { "id": { "$ref": "#/$defs/id" }, "file": file }
                }
            });
            s["type"] = "object".into();
            s["additionalProperties"] = false.into();
            s["required"] = serde_json::json!(["schema_version", "programme", "people", "cohorts"]);
            s["properties"] = properties;
            s
        }
    };
    schema["$defs"] = defs;
    schema
}

/// Every way `value`, a document of the split layout, breaks its kind's schema, as
/// [`validate`] says them.
pub fn validate_document(kind: DocumentKind, value: &Value) -> Vec<String> {
    schema_errors(Some(kind), value)
        .into_iter()
        .map(|e| format!("{}: {}", e.pointer, e.message))
        .collect()
}

/// Every way `value` breaks the schema of its `kind` of document (`None`: the whole data file).
pub fn schema_errors(kind: Option<DocumentKind>, value: &Value) -> Vec<SchemaError> {
    static VALIDATORS: OnceLock<Vec<Result<jsonschema::Validator, String>>> = OnceLock::new();
    let Some(kind) = kind else {
        return errors(validator(), value);
    };
    let validators = VALIDATORS.get_or_init(|| {
        DocumentKind::ALL
            .iter()
            .map(|&kind| {
                jsonschema::options()
                    .should_validate_formats(true)
                    .build(&document_schema(kind))
                    .map_err(|e| format!("the {} schema does not compile: {e}", kind.file_name()))
            })
            .collect()
    });
    let at = DocumentKind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(0);
    errors(&validators[at], value)
}

fn errors(validator: &Result<jsonschema::Validator, String>, value: &Value) -> Vec<SchemaError> {
    match validator {
        Ok(validator) => validator
            .iter_errors(value)
            .map(|error| {
                let pointer = error.instance_path().as_str();
                let at = match error.kind() {
                    jsonschema::error::ValidationErrorKind::AdditionalProperties { unexpected } => {
                        unexpected.first().map_or_else(
                            || pointer.to_owned(),
                            |key| {
                                format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"))
                            },
                        )
                    }
                    _ => pointer.to_owned(),
                };
                let pointer = if pointer.is_empty() { "/" } else { pointer };
                SchemaError {
                    pointer: pointer.to_owned(),
                    message: error.to_string(),
                    at,
                    french: said::french(error.kind(), error.instance()),
                }
            })
            .collect(),
        Err(message) => vec![SchemaError {
            pointer: "/".into(),
            message: message.clone(),
            at: String::new(),
            french: None,
        }],
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
