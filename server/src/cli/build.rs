//! `passerelle build`: add offers to a build folder's store, then extract, vectorise,
//! cluster, compute the territorial indicators, index, and publish the whole as a new
//! version of the folder (learning from the store's labelled offers first).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_engine::{
    BuildFolder, ClusterParams, Geography, NeedsParams, Training, VersionInput, builtin_geography,
    load_model, read_geography, read_offer_records, read_postings, read_trainings, update_corpus,
};

use crate::{ReferentialArgs, StoreArgs};

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    referential: ReferentialArgs,
    /// Offer files or folders (France Travail JSON lines or API pages, {"id","text"}
    /// lines, the digital-titles CSV, an `ingest` output folder); added to the build
    /// folder's store. Without it, the version is rebuilt from the store alone.
    #[arg(long, num_args = 1..)]
    offers: Vec<PathBuf>,
    /// Training files or folders whose curricula give the supply side of the indicators:
    /// LHEO 2.2/2.3 XML for `.xml` files, Passerelle's catalogue (JSON lines) otherwise; a
    /// folder gives every `.xml`, `.jsonl` and `.json` file in it.
    #[arg(long, num_args = 1..)]
    trainings: Vec<PathBuf>,
    /// Folder of French geography tables (geo_fr formats); default: régions and
    /// départements only.
    #[arg(long, env = "PASSERELLE_GEO")]
    geo: Option<PathBuf>,
    /// Build folder: its offer store, its versions and their history.
    #[arg(long, default_value = "data/build")]
    out: PathBuf,
    /// Previous model (file or build folder) whose cluster identities persist;
    /// default: the version the build folder serves, if any.
    #[arg(long)]
    previous: Option<PathBuf>,
    /// Number of needs clusters (default: chosen by silhouette).
    #[arg(long)]
    k: Option<usize>,
    /// Time stamp written into the model (default: now, UTC).
    #[arg(long)]
    built_at: Option<String>,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn geography(geo: Option<&std::path::Path>) -> Result<Geography> {
    Ok(match geo {
        Some(folder) => read_geography(folder)
            .with_context(|| format!("cannot read geography from {}", folder.display()))?,
        None => builtin_geography()?,
    })
}

pub fn run(args: BuildArgs) -> Result<()> {
    let started = Instant::now();
    let folder = BuildFolder::open(&args.out)
        .with_context(|| format!("cannot use {} as a build folder", args.out.display()))?;
    check_writable(folder.root())?;
    let engine = super::open_engine(&args.referential)?;
    let geography = geography(args.geo.as_deref())?;
    let loaded = started.elapsed();

    let reading = Instant::now();
    let mut records = Vec::new();
    let bar = super::progress(args.offers.len() as u64, "lecture des offres");
    for path in &args.offers {
        let batch = read_source(path).with_context(|| format!("cannot read {}", path.display()))?;
        bar.inc(1);
        bar.suspend(|| eprintln!("{}", batch.report.summary()));
        for rejection in batch.report.rejected.iter().take(20) {
            eprintln!("  line {}: {}", rejection.line, rejection.reason);
        }
        records.extend(batch.records.into_iter().map(|(_, record)| record));
    }
    bar.finish_and_clear();
    let update = update_corpus(&folder, records, args.store.window_days)
        .with_context(|| format!("cannot update the offer store of {}", args.out.display()))?;
    eprintln!(
        "store: {} new, {} updated, {} unchanged, {} refused; {} dropped as created before {}; corpus of {} offers",
        update.new,
        update.updated,
        update.unchanged,
        update.rejected.len(),
        update.dropped_as_old,
        update.window_start.as_deref().unwrap_or("-"),
        update.postings.len()
    );
    for rejection in update.rejected.iter().take(20) {
        eprintln!("  record {}: {}", rejection.line, rejection.reason);
    }
    anyhow::ensure!(
        !update.postings.is_empty(),
        "no offer in {}: give --offers",
        folder.offers_dir().display()
    );
    let trainings = read_training_files(&args.trainings)?;
    let read_time = reading.elapsed();

    let previous = args
        .previous
        .as_deref()
        .map(|path| load_model(path).with_context(|| format!("cannot load {}", path.display())))
        .transpose()?;
    let params = NeedsParams {
        clusters: ClusterParams {
            k: args.k,
            ..ClusterParams::default()
        },
        ..NeedsParams::default()
    };
    let spinner = stage_spinner("apprentissage, extraction, besoins, indicateurs, index");
    let building = Instant::now();
    let built_at = args
        .built_at
        .clone()
        .unwrap_or_else(passerelle_server::api::now_utc);
    let version = engine
        .build_version(
            &folder,
            VersionInput {
                geography: &geography,
                postings: &update.postings,
                trainings: &trainings,
                params: &params,
                built_at: &built_at,
                learn: !args.store.no_learn,
                keep: usize::from(args.store.keep),
                dropped_as_old: update.dropped_as_old,
                previous: previous.as_ref(),
            },
        )
        .context("build failed")?;
    let build_time = building.elapsed();
    spinner.finish_and_clear();

    let model = &version.model;
    eprintln!(
        "{} postings with skills, {} placed in a territory, unplaced: {:?}",
        model.counts.with_skills, model.counts.placed, model.counts.unplaced
    );
    eprintln!(
        "{} needs clusters (k by silhouette: {:?})",
        model.clusters.len(),
        model.k_selection
    );
    if !trainings.is_empty() {
        eprintln!(
            "{} of {} trainings placed in a need",
            model.counts.trainings,
            trainings.len()
        );
    }
    if let Some(refresh) = &model.refresh {
        eprintln!(
            "refresh: {} kept, {} appeared, {} vanished, {} split, {} merged",
            refresh.matched.len(),
            refresh.appeared.len(),
            refresh.vanished.len(),
            refresh.split.len(),
            refresh.merged.len()
        );
    }
    match version.report.as_ref().and_then(|r| r.learned.as_ref()) {
        Some(learned) => eprintln!(
            "learned from {} labelled offers ({} with ticked skills), {} métiers",
            learned.titled, learned.with_skills, learned.occupations
        ),
        None => eprintln!("learned nothing (too few labelled offers, or --no-learn)"),
    }
    eprintln!(
        "timings: load {:.1}s, read {:.1}s, build and index {:.1}s ({} documents); version {} published in {}",
        loaded.as_secs_f64(),
        read_time.as_secs_f64(),
        build_time.as_secs_f64(),
        version.report.as_ref().map_or(0, |r| r.indexed),
        version.version,
        version.path.display()
    );
    Ok(())
}

/// Offer records of a source as the store keeps them: JSON records as written, CSV
/// rows of the digital-titles export as `{"id","title","text","rome"}` objects.
fn read_source(path: &std::path::Path) -> Result<passerelle_engine::Batch<serde_json::Value>> {
    let csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !csv {
        return Ok(read_offer_records(path)?);
    }
    let batch = read_postings(path)?;
    Ok(passerelle_engine::Batch {
        records: batch
            .records
            .into_iter()
            .map(|(line, p)| {
                let record = serde_json::json!({
                    "id": p.id, "title": p.title, "text": p.description,
                    "rome": p.rome.map(|r| r.to_string()),
                });
                (line, record)
            })
            .collect(),
        report: batch.report,
    })
}

/// Training files or folders (see [`read_trainings`]), each file's report on stderr.
pub(crate) fn read_training_files(paths: &[PathBuf]) -> Result<Vec<Training>> {
    let mut trainings = Vec::new();
    for path in paths {
        let batches =
            read_trainings(path).with_context(|| format!("cannot read {}", path.display()))?;
        for batch in batches {
            eprintln!("{}", batch.report.summary());
            for rejection in batch.report.rejected.iter().take(20) {
                eprintln!("  line {}: {}", rejection.line, rejection.reason);
            }
            trainings.extend(batch.records.into_iter().map(|(_, t)| t));
        }
    }
    Ok(trainings)
}

/// Fails early, before any work, when the build folder cannot be written.
fn check_writable(root: &std::path::Path) -> Result<()> {
    let probe = root.join(format!(".write-probe-{}", std::process::id()));
    std::fs::write(&probe, b"").with_context(|| format!("{} is not writable", root.display()))?;
    let _ = std::fs::remove_file(&probe);
    Ok(())
}

/// A spinner on stderr with the stage's name and elapsed time (hidden off a terminal).
fn stage_spinner(stage: &str) -> indicatif::ProgressBar {
    let spinner = indicatif::ProgressBar::new_spinner();
    spinner.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .expect("valid template"),
    );
    spinner.set_message(stage.to_string());
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    spinner
}
