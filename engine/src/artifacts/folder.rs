//! Build folders: each build or refresh writes a complete version folder (model, index,
//! what was learned, report), then switches the `CURRENT` pointer by an atomic rename,
//! so that a reader — a restarted server — always finds exactly one complete version.
//!
//! ```text
//! DIR/
//!   build-folder.json     layout version of the folder
//!   offers/               the offer store the versions are built from
//!   CURRENT               the served version's folder name, e.g. "v000004"
//!   versions/v000004/     needs-model.json, index/, learned.bin, report.json
//!   history/v000004.json  the version's indicators, kept after the version is pruned
//! ```
//!
//! A folder written before versions existed (layout 1: `needs-model.json` and `index/`
//! at its root) still loads, as version 0; the first build into it writes layout 2 and
//! leaves the old files in place (a legacy model is also read as the previous model, so
//! that cluster identities persist across the upgrade).

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::extract::{LearnReport, Learned};
use crate::history::{History, HistoryEntry};
use crate::index::DocumentIndex;
use crate::needs::NeedsModel;
use crate::taxonomy::Taxonomy;
use crate::{Error, Result};

use super::{MODEL_FILE, save_model};

/// Layout of build folders written by this code; 1 is the layout without versions.
pub const LAYOUT_VERSION: u32 = 2;

/// The oldest layout this code still reads.
pub const OLDEST_LAYOUT: u32 = 1;

const LAYOUT_FILE: &str = "build-folder.json";
const CURRENT_FILE: &str = "CURRENT";
const VERSIONS_DIR: &str = "versions";
const HISTORY_DIR: &str = "history";
const OFFERS_DIR: &str = "offers";
const INDEX_DIR: &str = "index";
const LEARNED_FILE: &str = "learned.bin";
const REPORT_FILE: &str = "report.json";
const STAGING_PREFIX: &str = ".staging-";

/// What a build folder says of itself.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct LayoutStamp {
    layout_version: u32,
}

/// What a version was built from and what it holds (`report.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionReport {
    /// The version number, increasing by one per published version of the folder.
    pub version: u64,
    /// The model's `built_at`.
    pub built_at: String,
    /// Offers the version was built from (the store's, deduplicated by id).
    pub offers: usize,
    /// Offers dropped from the store as older than the window before this build.
    #[serde(default)]
    pub dropped_as_old: usize,
    /// Trainings read for the supply side.
    pub trainings: usize,
    /// Needs clusters of the model.
    pub clusters: usize,
    /// Documents in the version's index.
    pub indexed: u64,
    /// What the labelled offers of the store taught (`None`: nothing was learned).
    pub learned: Option<LearnReport>,
    /// Taxonomy of the model (`name` and `version`).
    pub taxonomy: String,
}

/// A version loaded from a build folder: everything a server needs to answer.
#[derive(Debug)]
pub struct LoadedVersion {
    /// 0 for a legacy folder.
    pub version: u64,
    pub path: PathBuf,
    pub model: NeedsModel,
    pub index: DocumentIndex,
    /// What the version learned, when it learned.
    pub learned: Option<Learned>,
    /// `None` for a legacy folder.
    pub report: Option<VersionReport>,
}

/// A build folder on disk.
#[derive(Debug, Clone)]
pub struct BuildFolder {
    root: PathBuf,
}

impl BuildFolder {
    /// Opens (creating it if needed) a build folder; refuses a path that is a file and
    /// a folder written by a newer layout.
    pub fn open(root: &Path) -> Result<BuildFolder> {
        if root.exists() && !root.is_dir() {
            return Err(Error::invalid(
                "out",
                format!("{} is a file, not a build folder", root.display()),
            ));
        }
        std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
        let folder = BuildFolder {
            root: root.to_path_buf(),
        };
        folder.layout()?;
        Ok(folder)
    }

    /// Opens an existing build folder for reading (nothing is created).
    pub fn existing(root: &Path) -> Result<BuildFolder> {
        if !root.is_dir() {
            return Err(Error::invalid(
                "data",
                format!("{} is not a build folder", root.display()),
            ));
        }
        let folder = BuildFolder {
            root: root.to_path_buf(),
        };
        folder.layout()?;
        Ok(folder)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of the offer store versions are built from.
    pub fn offers_dir(&self) -> PathBuf {
        self.root.join(OFFERS_DIR)
    }

    /// The layout the folder was written with: 2 when it has versions, 1 for a model at
    /// its root, the current layout for an empty folder.
    pub fn layout(&self) -> Result<u32> {
        let stamp_path = self.root.join(LAYOUT_FILE);
        if stamp_path.is_file() {
            let bytes = std::fs::read(&stamp_path).map_err(|e| Error::io(&stamp_path, e))?;
            let stamp: LayoutStamp = serde_json::from_slice(&bytes).map_err(|e| Error::Format {
                path: stamp_path.clone(),
                line: e.line() as u64,
                message: e.to_string(),
            })?;
            if !(OLDEST_LAYOUT..=LAYOUT_VERSION).contains(&stamp.layout_version) {
                return Err(Error::invalid(
                    "build folder",
                    format!(
                        "{}: layout {} is not supported (this version reads {OLDEST_LAYOUT} to {LAYOUT_VERSION})",
                        self.root.display(),
                        stamp.layout_version
                    ),
                ));
            }
            return Ok(stamp.layout_version);
        }
        if self.root.join(MODEL_FILE).is_file() {
            return Ok(1);
        }
        Ok(LAYOUT_VERSION)
    }

    /// The served version's number: the `CURRENT` pointer, 0 for a legacy folder,
    /// `None` when nothing was built yet.
    pub fn current(&self) -> Result<Option<u64>> {
        let pointer = self.root.join(CURRENT_FILE);
        match std::fs::read_to_string(&pointer) {
            Ok(text) => parse_version_name(text.trim()).map(Some).ok_or_else(|| {
                Error::invalid(
                    "build folder",
                    format!("{}: {text:?} is not a version name", pointer.display()),
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(self.root.join(MODEL_FILE).is_file().then_some(0))
            }
            Err(e) => Err(Error::io(&pointer, e)),
        }
    }

    /// The folder of the served version (the root itself for a legacy folder).
    pub fn current_dir(&self) -> Result<Option<PathBuf>> {
        Ok(self.current()?.map(|n| match n {
            0 => self.root.clone(),
            n => self.version_path(n),
        }))
    }

    /// Numbers of the versions on disk, oldest first.
    pub fn versions(&self) -> Result<Vec<u64>> {
        let dir = self.root.join(VERSIONS_DIR);
        let mut numbers = Vec::new();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(numbers),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        for entry in entries.flatten() {
            if let Some(n) = parse_version_name(&entry.file_name().to_string_lossy()) {
                numbers.push(n);
            }
        }
        numbers.sort_unstable();
        Ok(numbers)
    }

    /// The model of the served version, to carry cluster identities into the next.
    pub fn current_model(&self) -> Result<Option<NeedsModel>> {
        self.current_dir()?
            .map(|dir| super::load_model_file(&dir.join(MODEL_FILE)))
            .transpose()
    }

    /// Loads the served version: model, index, learned models and report, all of the
    /// one version `CURRENT` names. `rome` is the référentiel the engine classifies
    /// into; a learned model fitted on another one is refused.
    pub fn load_current(&self, rome: Option<&Taxonomy>) -> Result<Option<LoadedVersion>> {
        let Some(version) = self.current()? else {
            return Ok(None);
        };
        if version == 0 {
            let model = super::load_model_file(&self.root.join(MODEL_FILE))?;
            let index = DocumentIndex::open_or_create(&self.root.join(INDEX_DIR))?;
            return Ok(Some(LoadedVersion {
                version,
                path: self.root.clone(),
                model,
                index,
                learned: None,
                report: None,
            }));
        }
        let path = self.version_path(version);
        let model = super::load_model_file(&path.join(MODEL_FILE))?;
        let report_path = path.join(REPORT_FILE);
        let bytes = std::fs::read(&report_path).map_err(|e| Error::io(&report_path, e))?;
        let report: VersionReport = serde_json::from_slice(&bytes).map_err(|e| Error::Format {
            path: report_path.clone(),
            line: e.line() as u64,
            message: e.to_string(),
        })?;
        let learned_path = path.join(LEARNED_FILE);
        let learned = if learned_path.is_file() {
            let bytes = std::fs::read(&learned_path).map_err(|e| Error::io(&learned_path, e))?;
            let learned: Learned = postcard::from_bytes(&bytes).map_err(|e| Error::Format {
                path: learned_path.clone(),
                line: 0,
                message: e.to_string(),
            })?;
            if let Some(rome) = rome
                && !learned.fits(rome)
            {
                return Err(Error::invalid(
                    "build folder",
                    format!(
                        "{} was learned against another métier référentiel than {} {}: serve with the taxonomy and --rome it was built with",
                        learned_path.display(),
                        rome.name,
                        rome.version
                    ),
                ));
            }
            Some(learned)
        } else {
            None
        };
        let index_dir = path.join(INDEX_DIR);
        if !index_dir.is_dir() {
            return Err(Error::MissingFile {
                folder: path.clone(),
                file: INDEX_DIR.to_string(),
            });
        }
        let index = DocumentIndex::open_or_create(&index_dir)?;
        Ok(Some(LoadedVersion {
            version,
            path,
            model,
            index,
            learned,
            report: Some(report),
        }))
    }

    /// Starts a new version: a staging folder under `versions/` whose index the caller
    /// fills before [`StagedVersion::publish`]. Leftovers of interrupted builds (staging
    /// folders, versions and history written after the pointer) are removed first.
    pub fn begin(&self) -> Result<StagedVersion> {
        let versions_dir = self.root.join(VERSIONS_DIR);
        std::fs::create_dir_all(&versions_dir).map_err(|e| Error::io(&versions_dir, e))?;
        let current = self.current()?.unwrap_or(0);
        if let Ok(entries) = std::fs::read_dir(&versions_dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let unpublished = parse_version_name(&name).is_some_and(|n| n > current);
                if name.starts_with(STAGING_PREFIX) || unpublished {
                    std::fs::remove_dir_all(entry.path())
                        .map_err(|e| Error::io(entry.path(), e))?;
                }
            }
        }
        let history_dir = self.root.join(HISTORY_DIR);
        if let Ok(entries) = std::fs::read_dir(&history_dir) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let stem = name.strip_suffix(".json").unwrap_or(&name);
                if parse_version_name(stem).is_some_and(|n| n > current) || name.ends_with(".tmp") {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        let number = current + 1;
        let path = versions_dir.join(format!("{STAGING_PREFIX}{}", version_name(number)));
        std::fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        Ok(StagedVersion { number, path })
    }

    /// The history of every published version (including pruned ones), oldest first.
    pub fn history(&self) -> Result<History> {
        let dir = self.root.join(HISTORY_DIR);
        let current = self.current()?.unwrap_or(0);
        let mut entries = Vec::new();
        let listing = match std::fs::read_dir(&dir) {
            Ok(listing) => listing,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(History::default()),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        for entry in listing.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(number) = name.strip_suffix(".json").and_then(parse_version_name) else {
                continue;
            };
            if number > current {
                continue;
            }
            let path = entry.path();
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            let parsed: HistoryEntry =
                serde_json::from_slice(&bytes).map_err(|e| Error::Format {
                    path: path.clone(),
                    line: e.line() as u64,
                    message: e.to_string(),
                })?;
            entries.push(parsed);
        }
        Ok(History::new(entries))
    }

    fn version_path(&self, number: u64) -> PathBuf {
        self.root.join(VERSIONS_DIR).join(version_name(number))
    }
}

/// A version being written; invisible to readers until published.
#[derive(Debug)]
pub struct StagedVersion {
    number: u64,
    path: PathBuf,
}

impl Drop for StagedVersion {
    /// A version abandoned before publication (a failed build, a full disk) leaves no
    /// staging folder behind; once published, the staging path no longer exists.
    fn drop(&mut self) {
        remove_abandoned(&self.path);
    }
}

impl StagedVersion {
    /// The number the version will have.
    pub fn number(&self) -> u64 {
        self.number
    }

    /// Where the caller builds the version's index.
    pub fn index_dir(&self) -> PathBuf {
        self.path.join(INDEX_DIR)
    }

    /// Writes the model, what was learned and the report, renames the staging folder
    /// into place, records the history entry, switches `CURRENT` atomically and keeps
    /// the `keep` newest versions. On any error before the switch, the staging folder
    /// is removed and the previous version stays current.
    pub fn publish(
        self,
        folder: &BuildFolder,
        model: &NeedsModel,
        learned: Option<&Learned>,
        report: &VersionReport,
        keep: usize,
    ) -> Result<u64> {
        let result = self.write_and_switch(folder, model, learned, report);
        if result.is_err() {
            remove_abandoned(&self.path);
            remove_abandoned(&folder.version_path(self.number));
        }
        result?;
        folder.prune(keep.max(1));
        Ok(self.number)
    }

    fn write_and_switch(
        &self,
        folder: &BuildFolder,
        model: &NeedsModel,
        learned: Option<&Learned>,
        report: &VersionReport,
    ) -> Result<()> {
        save_model(&self.path, model)?;
        if let Some(learned) = learned {
            let bytes = postcard::to_allocvec(learned)
                .map_err(|e| Error::invalid("learned", e.to_string()))?;
            write_file(&self.path.join(LEARNED_FILE), &bytes)?;
        }
        write_file(
            &self.path.join(REPORT_FILE),
            &serde_json::to_vec_pretty(report)?,
        )?;
        sync_dir(&self.path)?;
        let target = folder.version_path(self.number);
        std::fs::rename(&self.path, &target).map_err(|e| Error::io(&target, e))?;
        sync_dir(&folder.root.join(VERSIONS_DIR))?;
        let history_dir = folder.root.join(HISTORY_DIR);
        std::fs::create_dir_all(&history_dir).map_err(|e| Error::io(&history_dir, e))?;
        let entry = HistoryEntry::of_model(model, self.number);
        write_file(
            &history_dir.join(format!("{}.json", version_name(self.number))),
            &serde_json::to_vec(&entry)?,
        )?;
        write_file(
            &folder.root.join(LAYOUT_FILE),
            &serde_json::to_vec(&LayoutStamp {
                layout_version: LAYOUT_VERSION,
            })?,
        )?;
        // The switch: one rename of a complete file.
        write_file(
            &folder.root.join(CURRENT_FILE),
            version_name(self.number).as_bytes(),
        )?;
        sync_dir(&folder.root)
    }
}

/// Removes a version folder that will not be published. A removal that fails (a file
/// created in the folder while it was emptied, a busy file system) is tried again a few
/// times; whatever remains is removed by the next [`BuildFolder::begin`].
fn remove_abandoned(path: &Path) {
    for attempt in 0..20u64 {
        match std::fs::remove_dir_all(path) {
            Ok(()) => return,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(10 * (attempt + 1))),
        }
    }
}

impl BuildFolder {
    /// Removes all but the `keep` newest versions (never the current one). History
    /// entries stay.
    fn prune(&self, keep: usize) {
        let Ok(versions) = self.versions() else {
            return;
        };
        let current = self.current().ok().flatten();
        let excess = versions.len().saturating_sub(keep);
        for number in versions.into_iter().take(excess) {
            if Some(number) != current {
                let _ = std::fs::remove_dir_all(self.version_path(number));
            }
        }
    }
}

fn version_name(number: u64) -> String {
    format!("v{number:06}")
}

fn parse_version_name(name: &str) -> Option<u64> {
    let digits = name.strip_prefix('v')?;
    (digits.len() >= 6 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Writes `bytes` to `path` through a synced temporary file renamed over it.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    if let Err(e) = write() {
        let _ = std::fs::remove_file(&temporary);
        return Err(Error::io(&temporary, e));
    }
    std::fs::rename(&temporary, path).map_err(|e| Error::io(path, e))
}

/// Makes the entries of a folder (renames) durable.
fn sync_dir(path: &Path) -> Result<()> {
    std::fs::File::open(path)
        .and_then(|dir| dir.sync_all())
        .map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names_round_trip_and_reject_others() {
        assert_eq!(parse_version_name(&version_name(42)), Some(42));
        assert_eq!(parse_version_name("v1"), None);
        assert_eq!(parse_version_name(".staging-v000001"), None);
        assert_eq!(parse_version_name("vabcdef"), None);
    }

    /// An abandoned version is removed even while a late writer (an index thread that
    /// has not yet seen the build fail) keeps adding files to it.
    #[test]
    fn an_abandoned_version_is_removed_while_a_writer_still_adds_files() {
        let root = std::env::temp_dir().join(format!("passerelle-abandon-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let folder = BuildFolder::open(&root).unwrap();
        for _ in 0..5 {
            let staged = folder.begin().unwrap();
            let index = staged.index_dir();
            std::fs::create_dir_all(&index).unwrap();
            let writer = std::thread::spawn(move || {
                let mut written = 0u32;
                // Until the folder is gone (a file cannot be created in it any more),
                // for half a second at most (a late writer stops soon).
                let deadline = std::time::Instant::now() + std::time::Duration::from_millis(500);
                while std::time::Instant::now() < deadline
                    && std::fs::write(index.join(format!(".tmp{}", written % 1000)), b"x").is_ok()
                {
                    written += 1;
                }
                written
            });
            while !staged.index_dir().join(".tmp100").exists() {
                std::thread::yield_now();
            }
            let staging = staged.path.clone();
            drop(staged);
            assert!(writer.join().unwrap() > 100);
            assert!(!staging.exists(), "{} left behind", staging.display());
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
