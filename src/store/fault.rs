//! What is wrong with a document Cercle cannot read: kept as a kind, and put in words only when
//! shown, in the user's language.

use crate::i18n::{Lang, Msg, fill, json::json_detail};

/// What is wrong with a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// Not one byte.
    Empty,
    /// Only zero bytes, as a crash while writing can leave.
    Zeros,
    /// A UTF-8 byte-order mark first, which JSON does not allow.
    ByteOrderMark,
    /// It ends before its last value does (`serde_json`'s words).
    CutOff(String),
    /// It is not JSON (`serde_json`'s words).
    NotJson(String),
    /// It is JSON, not the shape of a Cercle document (serde's words).
    NotShape(String),
    /// It could not be read from the disk (in words no one translated).
    Unread(String),
    /// It could not be read from the disk: its path, and what the system said, its kind (put
    /// in the user's language when Cercle knows it) and its words.
    CannotRead {
        /// The file or folder.
        path: String,
        /// The kind of the system's error.
        kind: std::io::ErrorKind,
        /// The system's words.
        detail: String,
    },
    /// Its data version was never written by any Cercle.
    NeverWritten(u32),
    /// An upgrade step failed on it.
    UpgradeFailed {
        /// The version the step reads.
        from: u32,
        /// What the step said.
        detail: String,
    },
    /// Upgraded from `from`, it is still not the shape of a Cercle file.
    UpgradedNotShape {
        /// The version it was upgraded from.
        from: u32,
        /// serde's words.
        detail: String,
    },
    /// An index of the split layout with another schema version.
    IndexVersion {
        /// The version it says.
        found: u32,
        /// The one an index has.
        index: u32,
    },
    /// The index names a file that is not a document of Cercle's.
    ForeignFile(String),
    /// The index lists a person no people file holds.
    PersonNowhere(String),
    /// A cohort's document holds another cohort than the index says: the document, the
    /// cohort it holds, the one the index says (boxed: the rarest fault sizes every error).
    CohortMismatch(Box<[String; 3]>),
    /// Written by a newer Cercle.
    Newer {
        /// The data version it says.
        found: u32,
        /// The newest this Cercle reads.
        supported: u32,
    },
    /// One document of a backup set, and what is wrong with it.
    InDocument(Box<Located>),
}

/// What is wrong with one document of several, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The document, as the set names it.
    pub file: String,
    /// 1-based line of the fault; 0 when it has none.
    pub line: usize,
    /// Column of the fault on that line.
    pub column: usize,
    /// What is wrong.
    pub fault: Fault,
}

impl Fault {
    /// The fault in words, in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let text = |msg: Msg| msg.text(lang).to_owned();
        let with = |msg: Msg, values: &[(&str, &str)]| fill(msg.text(lang), values);
        let detail = |detail: &str| json_detail(detail, lang);
        match self {
            Self::Empty => text(Msg::FaultEmpty),
            Self::Zeros => text(Msg::FaultZeros),
            Self::ByteOrderMark => text(Msg::FaultByteOrderMark),
            Self::CutOff(d) => with(Msg::FaultCutOff, &[("detail", &detail(d))]),
            Self::NotJson(d) => with(Msg::FaultNotJson, &[("detail", &detail(d))]),
            Self::NotShape(d) => with(Msg::FaultNotShape, &[("detail", &detail(d))]),
            Self::Unread(d) => d.clone(),
            Self::CannotRead { path, kind, detail } => {
                let error = std::io::Error::new(*kind, detail.clone());
                let said = crate::i18n::io_reason(&error, lang);
                format!("{} {said}", crate::i18n::format::label(path, lang))
            }
            Self::NeverWritten(version) => {
                with(Msg::FaultNeverWritten, &[("version", &version.to_string())])
            }
            Self::UpgradeFailed { from, detail } => with(
                Msg::FaultUpgradeFailed,
                &[("from", &from.to_string()), ("detail", detail)],
            ),
            Self::UpgradedNotShape { from, detail: d } => with(
                Msg::FaultUpgradedNotShape,
                &[("from", &from.to_string()), ("detail", &detail(d))],
            ),
            Self::IndexVersion { found, index } => with(
                Msg::FaultIndexVersion,
                &[("found", &found.to_string()), ("index", &index.to_string())],
            ),
            Self::ForeignFile(file) => with(Msg::FaultForeignFile, &[("file", file)]),
            Self::PersonNowhere(id) => with(Msg::FaultPersonNowhere, &[("id", id)]),
            Self::CohortMismatch(names) => with(
                Msg::FaultCohortMismatch,
                &[
                    ("file", &names[0]),
                    ("holds", &names[1]),
                    ("says", &names[2]),
                ],
            ),
            Self::Newer { found, supported } => with(
                Msg::FaultNewer,
                &[
                    ("found", &found.to_string()),
                    ("supported", &supported.to_string()),
                ],
            ),
            Self::InDocument(located) => {
                let position = if located.line > 0 {
                    with(
                        Msg::StoreDamagedAt,
                        &[
                            ("line", &located.line.to_string()),
                            ("column", &located.column.to_string()),
                        ],
                    )
                } else {
                    String::new()
                };
                with(
                    Msg::FaultInDocument,
                    &[
                        ("file", &located.file),
                        ("fault", &located.fault.say(lang)),
                        ("position", &position),
                    ],
                )
            }
        }
    }
}

/// In English, as logs and `Debug` want it.
impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}
