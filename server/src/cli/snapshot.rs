//! The data a serving or ranking command works on: a build folder (or the embedded demo
//! corpus, built at start) and a training catalogue, assembled into one [`Snapshot`].

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_engine::{
    DocumentIndex, Training, demo_catalogue, load_model, parse_postings, read_catalogue, read_lheo,
};
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
    /// Build folder made by `passerelle build` (default: build the embedded demo corpus).
    #[arg(long, env = "PASSERELLE_DATA")]
    pub data: Option<PathBuf>,
    /// Training catalogues (Passerelle JSON lines, or LHEO 2.3 XML for `.xml` files);
    /// default: the embedded demo catalogue.
    #[arg(long, num_args = 1..)]
    pub trainings: Vec<PathBuf>,
    /// Folder of French geography tables (geo_fr formats); default: built-in tables.
    #[arg(long, env = "PASSERELLE_GEO")]
    pub geo: Option<PathBuf>,
}

/// Loads the engine, the geography, the model and its index (or builds the demo ones)
/// and prepares the catalogue for ranking.
pub fn load(args: &SnapshotArgs) -> Result<Snapshot> {
    let engine = super::open_engine(&args.referential)?;
    let geography = Arc::new(super::build::geography(args.geo.as_deref())?);
    let trainings = read_trainings(&args.trainings)?;
    match &args.data {
        Some(folder) => {
            let model = load_model(folder)
                .with_context(|| format!("cannot load the model of {}", folder.display()))?;
            let index = DocumentIndex::open_or_create(&folder.join("index"))
                .with_context(|| format!("cannot open the index of {}", folder.display()))?;
            Ok(Snapshot::assemble(
                &engine, geography, model, index, trainings, 1,
            ))
        }
        None => {
            let batch =
                parse_postings("corpora/postings/demo_offers.jsonl", DEMO_OFFERS.as_bytes());
            let postings: Vec<_> = batch.records.into_iter().map(|(_, p)| p).collect();
            info!(target: "cli", postings = postings.len(), "building the demo corpus");
            Ok(Snapshot::build(
                &engine,
                geography,
                &postings,
                trainings,
                None,
                DEMO_BUILT_AT,
                1,
            )?)
        }
    }
}

/// The catalogues given, or the embedded demo catalogue; each batch's report on stderr.
fn read_trainings(paths: &[PathBuf]) -> Result<Vec<Training>> {
    if paths.is_empty() {
        return Ok(demo_catalogue()
            .records
            .into_iter()
            .map(|(_, t)| t)
            .collect());
    }
    let mut trainings = Vec::new();
    for path in paths {
        let xml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
        let batch = if xml {
            read_lheo(path)
        } else {
            read_catalogue(path)
        }
        .with_context(|| format!("cannot read {}", path.display()))?;
        eprintln!("{}", batch.report.summary());
        for rejection in batch.report.rejected.iter().take(20) {
            eprintln!("  line {}: {}", rejection.line, rejection.reason);
        }
        trainings.extend(batch.records.into_iter().map(|(_, t)| t));
    }
    Ok(trainings)
}
