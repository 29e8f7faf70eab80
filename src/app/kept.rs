//! What the recovery file keeps beside the data: the form being typed in, so that a terminal
//! that hangs up (or a crash) halfway through a form loses none of its text. It is a member of
//! the data's own JSON object (`open_form`), which a reader of the data alone ignores.

use super::Form;
use crate::domain::Data;
use crate::i18n::Msg;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The name of the form's member in the recovery file.
pub const OPEN_FORM: &str = "open_form";

#[derive(Serialize)]
struct Kept<'a> {
    #[serde(flatten)]
    data: &'a Data,
    #[serde(skip_serializing_if = "Option::is_none")]
    open_form: Option<&'a Form>,
}

#[derive(Deserialize)]
struct KeptForm {
    open_form: Option<Form>,
}

/// The recovery file's JSON: the data, and the form being typed in, if any.
pub fn recovery_json(data: &Data, form: Option<&Form>) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(&Kept {
        data,
        open_form: form,
    })
}

/// The form a recovery file kept, if it kept one that this version still reads.
pub fn recovered_form(json: &[u8]) -> Option<Form> {
    serde_json::from_slice::<KeptForm>(json).ok()?.open_form
}

/// A text area as its lines, read back with the cursor at the end, as a form opens.
pub mod text_area {
    use super::{Deserialize, Deserializer, Serialize, Serializer};
    use ratatui_textarea::{CursorMove, TextArea};

    /// Writes the lines.
    pub fn serialize<S: Serializer>(input: &TextArea<'static>, to: S) -> Result<S::Ok, S::Error> {
        input.lines().serialize(to)
    }

    /// Reads the lines into a text area, the cursor after the last character.
    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<TextArea<'static>, D::Error> {
        let lines = Vec::<String>::deserialize(from)?;
        let mut input = TextArea::new(lines);
        input.move_cursor(CursorMove::Bottom);
        input.move_cursor(CursorMove::End);
        Ok(input)
    }
}

/// The words of a choice field. They are `'static` in a form built by the code; read back from
/// a recovery file, at most once per start, they are leaked to be so, a few bytes.
pub fn words<'de, D: Deserializer<'de>>(from: D) -> Result<&'static [Msg], D::Error> {
    Ok(Vec::<Msg>::deserialize(from)?.leak())
}
