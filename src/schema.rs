//! stub
/// stub
pub fn validate(_v: &serde_json::Value) -> Vec<String> {
    Vec::new()
}
