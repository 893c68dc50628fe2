//! Reading training offers from a file or a folder, whatever their format (LHEO or catalogue).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::model::Training;
use crate::{Error, Result};

use super::Batch;
use super::catalogue::read_catalogue;
use super::lheo::read_lheo;

/// Reads training offers from a file or from every training file of a folder.
///
/// A file is read by its extension: `.xml` as LHEO (2.2 or 2.3), anything else as
/// Passerelle's catalogue (JSON lines). A folder is read file by file, in the order of
/// their names, taking every `.xml`, `.jsonl` and `.json` file directly in it (other
/// files and sub-folders are left alone). Each file gives its own batch, so every
/// rejection keeps the file it came from; a training whose id an earlier file already
/// gave is rejected as a duplicate in the later file's report.
///
/// Reading the same path again reads the folder again, so new or changed files are seen.
pub fn read_trainings(path: &Path) -> Result<Vec<Batch<Training>>> {
    let metadata = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let files = if metadata.is_dir() {
        let files = training_files(path)?;
        if files.is_empty() {
            return Err(Error::invalid(
                "trainings",
                format!(
                    "{}: no .xml, .jsonl or .json file in the folder",
                    path.display()
                ),
            ));
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut first_file_of: HashMap<String, String> = HashMap::new();
    let mut batches = Vec::with_capacity(files.len());
    for file in &files {
        let mut batch = read_training_file(file)?;
        let source = batch.report.source.clone();
        let records = std::mem::take(&mut batch.records);
        for (line, training) in records {
            match first_file_of.get(&training.id) {
                Some(first) => {
                    let reason =
                        format!("duplicate id {:?}, already read from {first}", training.id);
                    let raw = serde_json::to_vec(&training).unwrap_or_default();
                    batch.report.accepted -= 1;
                    batch.report.read -= 1;
                    batch.reject(line, Some(training.id.clone()), reason, &raw);
                }
                None => {
                    first_file_of.insert(training.id.clone(), source.clone());
                    batch.records.push((line, training));
                }
            }
        }
        batches.push(batch);
    }
    Ok(batches)
}

/// Reads one file by its extension.
fn read_training_file(path: &Path) -> Result<Batch<Training>> {
    if has_extension(path, &["xml"]) {
        read_lheo(path)
    } else {
        read_catalogue(path)
    }
}

/// The training files directly in a folder, sorted by name.
fn training_files(folder: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io(folder, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(folder, e))?.path();
        if path.is_file() && has_extension(&path, &["xml", "jsonl", "json"]) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|known| e.eq_ignore_ascii_case(known)))
}
