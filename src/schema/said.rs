//! What the schema's validator says of a document, in French: jsonschema words it in English.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;

/// The French of one validation error of `kind` on `instance`; `None` for a kind the schema
/// does not use, which is then shown as the validator words it.
pub(super) fn french(kind: &ValidationErrorKind, instance: &Value) -> Option<String> {
    let it = shown(instance);
    let text = match kind {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().map_or_else(|| shown(property), quoted);
            format!("le champ {name} est obligatoire")
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let names: Vec<String> = unexpected.iter().map(|n| quoted(n)).collect();
            format!("champ non prévu par le schéma\u{a0}: {}", names.join(", "))
        }
        ValidationErrorKind::Type { kind } => {
            let types: Vec<String> = match kind {
                TypeKind::Single(one) => vec![type_name(&one.to_string())],
                TypeKind::Multiple(set) => set.iter().map(|t| type_name(&t.to_string())).collect(),
            };
            match types.as_slice() {
                [one] => format!("{it} n'est pas {one}"),
                several => format!("{it} n'est ni {}", several.join(" ni ")),
            }
        }
        ValidationErrorKind::Enum { options } => {
            format!(
                "{it} n'est pas une des valeurs permises ({})",
                shown(options)
            )
        }
        ValidationErrorKind::Constant { expected_value } => {
            format!("{} était attendu", shown(expected_value))
        }
        ValidationErrorKind::Format { format } => {
            format!("{it} n'est pas au format {}", quoted(format))
        }
        ValidationErrorKind::Pattern { pattern } => {
            format!("{it} ne suit pas le motif {}", quoted(pattern))
        }
        ValidationErrorKind::Minimum { limit } => {
            format!("{it} est en dessous du minimum permis ({limit})")
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            format!("{it} doit être strictement supérieur à {limit}")
        }
        ValidationErrorKind::Maximum { limit } => {
            format!("{it} dépasse le maximum permis ({limit})")
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            format!("{it} doit être strictement inférieur à {limit}")
        }
        ValidationErrorKind::MinItems { limit } => {
            format!("{it} a moins de {limit}\u{a0}élément(s)")
        }
        ValidationErrorKind::MaxItems { limit } => {
            format!("{it} a plus de {limit}\u{a0}élément(s)")
        }
        ValidationErrorKind::MinLength { limit } => {
            format!("{it} a moins de {limit}\u{a0}caractère(s)")
        }
        ValidationErrorKind::MaxLength { limit } => {
            format!("{it} a plus de {limit}\u{a0}caractère(s)")
        }
        ValidationErrorKind::UniqueItems => format!("{it} contient un élément en double"),
        ValidationErrorKind::AnyOf { .. } | ValidationErrorKind::OneOfNotValid { .. } => {
            format!("{it} n'a aucune des formes permises")
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => {
            format!("{it} a plusieurs des formes permises à la fois")
        }
        _ => return None,
    };
    Some(text)
}

/// A value as JSON writes it, cut after 80 characters: the message names it, not the whole of it.
fn shown(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

fn quoted(text: &str) -> String {
    crate::i18n::format::guillemets(text)
}

/// A JSON type, as a French reader calls it.
fn type_name(json: &str) -> String {
    match json {
        "string" => "un texte",
        "integer" => "un entier",
        "number" => "un nombre",
        "object" => "un objet",
        "array" => "une liste",
        "boolean" => "un booléen (true ou false)",
        "null" => "null",
        other => return quoted(other),
    }
    .to_owned()
}
