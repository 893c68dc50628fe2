//! The data a serving or ranking command works on: a build folder (or the embedded demo
//! corpus, built at start) and a training catalogue, assembled into one [`Snapshot`].

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_engine::{BuildFolder, Engine, Training, demo_catalogue, parse_postings};
use passerelle_server::api::Snapshot;
use tracing::info;

use crate::ReferentialArgs;

/// The demo offers the default snapshot builds its needs model from.
const DEMO_OFFERS: &str = include_str!("../../../corpora/postings/demo_offers.jsonl");

/// The build date stamped on the embedded demo model.
const DEMO_BUILT_AT: &str = "2026-11-29T00:00:00Z";

/// Where the served data comes from (shared by `serve`, `recommend`,
/// `territory-trainings` and `coverage`).
#[derive(Debug, Args)]
pub struct SnapshotArgs {
    #[command(flatten)]
    pub referential: ReferentialArgs,
    /// Build folder made by `passerelle build`: its current version is used (default:
    /// build the embedded demo corpus in memory).
    #[arg(long, env = "PASSERELLE_DATA")]
    pub data: Option<PathBuf>,
    /// Training files or folders: LHEO 2.2/2.3 XML for `.xml` files, Passerelle JSON
    /// lines otherwise; a folder gives every `.xml`, `.jsonl` and `.json` file in it.
    /// Default: the embedded demo catalogue.
    #[arg(long, num_args = 1..)]
    pub trainings: Vec<PathBuf>,
    /// Folder of French geography tables (geo_fr formats); default: built-in tables.
    #[arg(long, env = "PASSERELLE_GEO")]
    pub geo: Option<PathBuf>,
}

/// What a command serves or ranks from.
#[derive(Debug)]
pub struct Loaded {
    pub snapshot: Snapshot,
    /// The engine without learned models (refreshes learn afresh).
    pub engine: Engine,
    /// The build folder, when one was given.
    pub folder: Option<BuildFolder>,
}

/// Loads the engine, the geography, the build folder's current version (model, index,
/// learned models, history) or builds the demo one, and prepares the catalogue.
pub fn load(args: &SnapshotArgs) -> Result<Loaded> {
    let engine = super::open_engine(&args.referential)?;
    let geography = Arc::new(super::build::geography(args.geo.as_deref())?);
    let trainings = read_trainings(&args.trainings)?;
    let folder = args
        .data
        .as_deref()
        .map(BuildFolder::existing)
        .transpose()
        .context("cannot open the build folder")?;
    let snapshot = match &folder {
        Some(folder) => {
            let loaded = folder
                .load_current(engine.extractor().referential())
                .with_context(|| format!("cannot load {}", folder.root().display()))?
                .with_context(|| {
                    format!(
                        "{} holds no version yet: run passerelle build --out {0} first",
                        folder.root().display()
                    )
                })?;
            let history = folder.history().context("cannot read the history")?;
            info!(target: "cli", version = loaded.version, "using a build folder version");
            Snapshot::of_version(&engine, geography, loaded, trainings, history)
        }
        None => {
            let batch =
                parse_postings("corpora/postings/demo_offers.jsonl", DEMO_OFFERS.as_bytes());
            let postings: Vec<_> = batch.records.into_iter().map(|(_, p)| p).collect();
            info!(target: "cli", postings = postings.len(), "building the demo corpus");
            Snapshot::build(
                &engine,
                geography,
                &postings,
                trainings,
                None,
                DEMO_BUILT_AT,
                1,
            )?
        }
    };
    Ok(Loaded {
        snapshot,
        engine,
        folder,
    })
}

/// The catalogues given, or the embedded demo catalogue; each file's report on stderr.
fn read_trainings(paths: &[PathBuf]) -> Result<Vec<Training>> {
    if paths.is_empty() {
        return Ok(demo_catalogue()
            .records
            .into_iter()
            .map(|(_, t)| t)
            .collect());
    }
    super::build::read_training_files(paths)
}
