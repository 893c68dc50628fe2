//! The engine's single error type and `Result` alias.

use std::path::PathBuf;

/// Everything that can go wrong inside the engine.
///
/// Messages are lowercase and name the file, line, field or record at fault,
/// so that a user can find and fix the input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("cannot access {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A referential or corpus file is malformed (missing column, bad value).
    #[error("{path}: line {line}: {message}")]
    Format {
        path: PathBuf,
        line: u64,
        message: String,
    },
    /// A required file of a referential export is missing.
    #[error("{folder}: missing file {file}")]
    MissingFile { folder: PathBuf, file: String },
    /// A required column is absent from a CSV header.
    #[error("{path}: missing column {column}")]
    MissingColumn { path: PathBuf, column: String },
    /// A taxonomy specification such as `rome:DIR` could not be understood.
    #[error("unknown taxonomy {0:?}: expected builtin, rome:DIR or esco:DIR")]
    UnknownTaxonomy(String),
    /// A value given by the caller is invalid (named by its field): what is wrong is a
    /// code with its values, worded in French by the server.
    #[error("invalid {field}: {problem}")]
    InvalidInput { field: String, problem: Invalid },
    /// A ROME code, skill id or other key is not known to the loaded referential.
    #[error("unknown {kind} {value:?}")]
    NotFound { kind: NotFoundKind, value: String },
    /// The full-text index failed.
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A JSON document could not be encoded or decoded.
    #[error("json error: {0}")]
    Json(#[from] serde_json::Error),
}

/// The engine's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What an unknown key was meant to name ([`Error::NotFound`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NotFoundKind {
    /// A ROME code the referential and the model do not know.
    RomeCode,
    /// A job title (appellation) no métier has.
    JobTitle,
    /// An INSEE commune code.
    Commune,
    Postcode,
    /// A région, département or bassin d'emploi.
    Territory,
    /// A training of the catalogue.
    Training,
    /// A skill named by id or label.
    Skill,
    /// A needs cluster.
    Need,
    /// A posting a hand label names (evaluation).
    Offer,
}

impl NotFoundKind {
    /// The kind in English, for logs and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            NotFoundKind::RomeCode => "ROME code",
            NotFoundKind::JobTitle => "job title",
            NotFoundKind::Commune => "commune",
            NotFoundKind::Postcode => "postcode",
            NotFoundKind::Territory => "territory",
            NotFoundKind::Training => "training",
            NotFoundKind::Skill => "skill",
            NotFoundKind::Need => "need",
            NotFoundKind::Offer => "offer",
        }
    }
}

impl std::fmt::Display for NotFoundKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// Wraps an IO error with the path it concerns.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// An invalid-input error naming a field and what is wrong with it.
    pub fn input(field: impl Into<String>, problem: Invalid) -> Error {
        Error::InvalidInput {
            field: field.into(),
            problem,
        }
    }

    /// An invalid-input error with a free message, for what only an operator sets
    /// (command-line parameters, build settings), not for request fields.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error::input(field, Invalid::Other(message.into()))
    }
}

/// What is wrong with a value: a stable code and the values a message needs. `Display`
/// writes it in English for logs and the command line; the server words it in French
/// for API users.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Invalid {
    /// A number outside `[min, max]`.
    Range { min: f64, max: f64, unit: Unit },
    /// Not a date written `YYYY-MM-DD`.
    Date { value: String },
    /// Not a code of the expected kind.
    Code { value: String, kind: CodeKind },
    /// Not a territory written `region:CODE`, `departement:CODE` or `bassin:CODE`.
    Territory { value: String },
    /// Fields of which at least one must be given.
    AtLeastOne { fields: &'static [&'static str] },
    /// Fields of which exactly one must be given.
    ExactlyOne { fields: &'static [&'static str] },
    /// An empty text or list.
    Empty,
    /// A list longer than `max` items.
    TooMany { max: usize },
    /// A text longer than `max_bytes` bytes.
    TooLong { max_bytes: usize },
    /// Coordinates out of range or given alone.
    Coordinates,
    /// Not one of the `expected` words.
    OneOf {
        value: String,
        expected: &'static [&'static str],
    },
    /// Anything else, in English (operator settings only).
    Other(String),
}

/// The unit of a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A plain number (a count, a level).
    Number,
    Kilometres,
    Months,
}

/// The kinds of codes a caller gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// A ROME 4.0 métier code (`M1805`).
    Rome,
    /// An INSEE commune code.
    Insee,
    /// A skill id (`rome:…`, `esco:…`, `passerelle:…`).
    Skill,
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |fields: &[&str]| match fields {
            [] => String::new(),
            [one] => (*one).to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        };
        match self {
            Invalid::Range { min, max, unit } => {
                let unit = match unit {
                    Unit::Number => "",
                    Unit::Kilometres => " km",
                    Unit::Months => " months",
                };
                write!(f, "must be between {min} and {max}{unit}")
            }
            Invalid::Date { value } => write!(f, "{value:?} is not a date (YYYY-MM-DD)"),
            Invalid::Code { value, kind } => {
                let kind = match kind {
                    CodeKind::Rome => "a ROME code (a letter and four digits, e.g. M1805)",
                    CodeKind::Insee => "an INSEE commune code",
                    CodeKind::Skill => "a skill id (rome:…, esco:… or passerelle:…)",
                };
                write!(f, "{value:?} is not {kind}")
            }
            Invalid::Territory { value } => write!(
                f,
                "{value:?}: expected region:CODE, departement:CODE or bassin:CODE"
            ),
            Invalid::AtLeastOne { fields } => write!(f, "give at least one of {}", list(fields)),
            Invalid::ExactlyOne { fields } => write!(f, "give exactly one of {}", list(fields)),
            Invalid::Empty => f.write_str("empty"),
            Invalid::TooMany { max } => write!(f, "at most {max} items"),
            Invalid::TooLong { max_bytes } => write!(f, "longer than {max_bytes} bytes"),
            Invalid::Coordinates => {
                f.write_str("lat must be in [-90, 90] and lon in [-180, 180], both given")
            }
            Invalid::OneOf { value, expected } => {
                write!(f, "{value:?}: expected {}", list(expected))
            }
            Invalid::Other(message) => f.write_str(message),
        }
    }
}
