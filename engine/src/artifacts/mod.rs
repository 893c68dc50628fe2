//! Saving and loading versioned artifacts (`needs-model.json`), stamped with
//! [`FORMAT_VERSION`]; writes go to a temporary file renamed into place, so an
//! interrupted build leaves the previous artifact whole.

mod folder;

pub use folder::{BuildFolder, LAYOUT_VERSION, LoadedVersion, StagedVersion, VersionReport};

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::needs::{FORMAT_VERSION, NeedsModel, OLDEST_FORMAT};
use crate::{Error, Result};

/// File name of the needs model inside a build folder.
pub const MODEL_FILE: &str = "needs-model.json";

/// The needs model built from the demo postings of `corpora/postings`, shipped in
/// `models/` (regenerate with `passerelle build`, see the README).
const DEMO_MODEL: &str = include_str!("../../../models/needs-demo.json");

/// Writes `model` into `folder` (created if needed) atomically; returns the file path.
pub fn save_model(folder: &Path, model: &NeedsModel) -> Result<PathBuf> {
    std::fs::create_dir_all(folder).map_err(|e| Error::io(folder, e))?;
    let target = folder.join(MODEL_FILE);
    let temporary = folder.join(format!(".{MODEL_FILE}.{}.tmp", std::process::id()));
    let json = serde_json::to_vec(model)?;
    let mut file = std::fs::File::create(&temporary).map_err(|e| Error::io(&temporary, e))?;
    file.write_all(&json)
        .map_err(|e| Error::io(&temporary, e))?;
    file.sync_all().map_err(|e| Error::io(&temporary, e))?;
    drop(file);
    std::fs::rename(&temporary, &target).map_err(|e| Error::io(&target, e))?;
    // Leftovers of builds killed before their rename are of no use to anyone.
    if let Ok(entries) = std::fs::read_dir(folder) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&format!(".{MODEL_FILE}.")) && name.ends_with(".tmp") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(target)
}

/// Loads a needs model from a file, or from a build folder: its served version (the
/// `CURRENT` pointer), or `needs-model.json` at its root for a folder of the first
/// layout.
pub fn load_model(path: &Path) -> Result<NeedsModel> {
    if !path.is_dir() {
        return load_model_file(path);
    }
    let folder = BuildFolder::existing(path)?;
    match folder.current_dir()? {
        Some(dir) => load_model_file(&dir.join(MODEL_FILE)),
        None => Err(Error::MissingFile {
            folder: path.to_path_buf(),
            file: MODEL_FILE.to_string(),
        }),
    }
}

fn load_model_file(file: &Path) -> Result<NeedsModel> {
    let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
    parse_model(&bytes).map_err(|e| match e {
        Error::Json(json) => Error::Format {
            path: file.to_path_buf(),
            line: json.line() as u64,
            message: json.to_string(),
        },
        other => other,
    })
}

/// The needs model shipped with the binary, built from the demo postings.
pub fn demo_model() -> Result<NeedsModel> {
    parse_model(DEMO_MODEL.as_bytes())
}

fn parse_model(bytes: &[u8]) -> Result<NeedsModel> {
    // Read the version first, so that an old file says so rather than failing on a field.
    #[derive(serde::Deserialize)]
    struct Version {
        format_version: u32,
    }
    let version: Version = serde_json::from_slice(bytes)?;
    if !(OLDEST_FORMAT..=FORMAT_VERSION).contains(&version.format_version) {
        return Err(Error::invalid(
            "model",
            format!(
                "format version {} is not supported (this version reads {OLDEST_FORMAT} to {FORMAT_VERSION})",
                version.format_version
            ),
        ));
    }
    let mut model: NeedsModel = serde_json::from_slice(bytes)?;
    // Older formats are upgraded in memory: what they lacked is empty (see OLDEST_FORMAT).
    model.format_version = FORMAT_VERSION;
    model.reindex();
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_model_loads_and_serialises_back_to_the_same_bytes() {
        let model = demo_model().unwrap();
        let json = serde_json::to_string(&model).unwrap();
        assert!(
            json == DEMO_MODEL.trim_end(),
            "the demo model changed when re-serialised"
        );
    }
}
