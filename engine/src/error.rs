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
    /// A value given by the caller is invalid (named by its field).
    #[error("invalid {field}: {message}")]
    InvalidInput { field: String, message: String },
    /// A ROME code, skill id or other key is not known to the loaded referential.
    #[error("unknown {kind} {value:?}")]
    NotFound { kind: &'static str, value: String },
    /// The full-text index failed.
    #[error("index error: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// A JSON document could not be encoded or decoded.
    #[error("json error: {0}")]
    Json(#[from] serde_json::Error),
}

/// The engine's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an IO error with the path it concerns.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Builds an invalid-input error naming a field.
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Error {
        Error::InvalidInput {
            field: field.into(),
            message: message.into(),
        }
    }
}
