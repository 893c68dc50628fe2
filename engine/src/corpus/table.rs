//! Reading delimited tables (the ROME and ESCO CSV exports, the lexicon TSV files)
//! with errors that name the file, the line and the column.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// A delimited table loaded in memory, with its columns located by name.
pub(crate) struct Table {
    path: PathBuf,
    columns: HashMap<String, usize>,
    reader: csv::Reader<Box<dyn std::io::Read>>,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// One record of a [`Table`], with the line it started on.
#[derive(Debug)]
pub(crate) struct Row<'t> {
    table: &'t Table,
    record: csv::StringRecord,
    pub line: u64,
}

impl Table {
    /// Opens a comma-separated file with a header row.
    pub fn open_csv(path: &Path, required: &[&str]) -> Result<Table> {
        Table::open(path, b',', required)
    }

    /// Opens a delimited file with a header row.
    pub fn open(path: &Path, delimiter: u8, required: &[&str]) -> Result<Table> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        Table::from_reader(path, Box::new(file), delimiter, required)
    }

    /// Reads a table from any reader; `path` names it in errors.
    pub fn from_reader(
        path: &Path,
        reader: Box<dyn std::io::Read>,
        delimiter: u8,
        required: &[&str],
    ) -> Result<Table> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .quoting(delimiter != b'\t')
            .from_reader(reader);
        let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
        let columns: HashMap<String, usize> = headers
            .iter()
            .enumerate()
            .map(|(i, name)| (name.trim_start_matches('\u{feff}').trim().to_string(), i))
            .collect();
        for column in required {
            if !columns.contains_key(*column) {
                return Err(Error::MissingColumn {
                    path: path.to_path_buf(),
                    column: (*column).to_string(),
                });
            }
        }
        Ok(Table {
            path: path.to_path_buf(),
            columns,
            reader,
        })
    }

    /// Calls `each` on every record; stops at the first malformed line.
    pub fn for_each(mut self, mut each: impl FnMut(&Row<'_>) -> Result<()>) -> Result<()> {
        let mut record = csv::StringRecord::new();
        loop {
            let more = self
                .reader
                .read_record(&mut record)
                .map_err(|e| csv_error(&self.path, &e))?;
            if !more {
                return Ok(());
            }
            let line = record.position().map_or(0, |p| p.line());
            let row = Row {
                table: &self,
                record: std::mem::take(&mut record),
                line,
            };
            each(&row)?;
            record = row.record;
        }
    }
}

impl Row<'_> {
    /// The trimmed value of a column that the table was opened with as required.
    pub fn get(&self, column: &str) -> &str {
        self.table
            .columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map_or("", str::trim)
    }

    /// The value of a column that must not be empty.
    pub fn require(&self, column: &str) -> Result<&str> {
        let value = self.get(column);
        if value.is_empty() {
            return Err(self.error(format!("empty value in column {column}")));
        }
        Ok(value)
    }

    /// An error located at this row.
    pub fn error(&self, message: String) -> Error {
        Error::Format {
            path: self.table.path.clone(),
            line: self.line,
            message,
        }
    }
}

fn csv_error(path: &Path, error: &csv::Error) -> Error {
    let line = error.position().map_or(0, csv::Position::line);
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8".to_string(),
        _ => error.to_string(),
    };
    Error::Format {
        path: path.to_path_buf(),
        line,
        message,
    }
}
