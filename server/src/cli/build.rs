//! `passerelle build`: ingest offers, extract, vectorise, cluster and compute the
//! territorial indicators; writes the needs model into a build folder.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_engine::{
    ClusterParams, DocumentIndex, Geography, IndexDocument, JobPosting, NeedsParams, Training,
    builtin_geography, load_model, read_geography, read_postings, read_trainings, save_model,
};

use crate::ReferentialArgs;

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    referential: ReferentialArgs,
    /// Offer files (France Travail JSON lines or API pages, {"id","text"} lines, CSV).
    #[arg(long, num_args = 1.., required = true)]
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
    /// Build folder written.
    #[arg(long, default_value = "data/build")]
    out: PathBuf,
    /// Previous model (file or build folder) whose cluster identities persist;
    /// default: the model already in `--out`, if any.
    #[arg(long)]
    previous: Option<PathBuf>,
    /// Number of needs clusters (default: chosen by silhouette).
    #[arg(long)]
    k: Option<usize>,
    /// Time stamp written into the model (default: now, UTC).
    #[arg(long)]
    built_at: Option<String>,
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
    let engine = super::open_engine(&args.referential)?;
    let geography = geography(args.geo.as_deref())?;
    let loaded = started.elapsed();

    let reading = Instant::now();
    let mut postings: Vec<JobPosting> = Vec::new();
    let (mut read, mut rejected) = (0u64, 0usize);
    let bar = super::progress(args.offers.len() as u64, "lecture des offres");
    for path in &args.offers {
        let batch =
            read_postings(path).with_context(|| format!("cannot read {}", path.display()))?;
        bar.inc(1);
        bar.suspend(|| eprintln!("{}", batch.report.summary()));
        for rejection in batch.report.rejected.iter().take(20) {
            eprintln!("  line {}: {}", rejection.line, rejection.reason);
        }
        read += batch.report.read;
        rejected += batch.report.rejected.len();
        postings.extend(batch.records.into_iter().map(|(_, p)| p));
    }
    bar.finish_and_clear();
    // An offer seen again (same id) counts once: the last version wins.
    let before = postings.len();
    let mut seen = std::collections::HashMap::new();
    for (i, p) in postings.iter().enumerate() {
        seen.insert(p.id.clone(), i);
    }
    let mut keep: Vec<usize> = seen.into_values().collect();
    keep.sort_unstable();
    let postings: Vec<JobPosting> = keep.into_iter().map(|i| postings[i].clone()).collect();
    let duplicates = before - postings.len();
    let mut trainings: Vec<Training> = Vec::new();
    for path in &args.trainings {
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
    let read_time = reading.elapsed();

    let previous_path = args.previous.clone().unwrap_or_else(|| args.out.clone());
    let previous =
        if previous_path.join(passerelle_engine::MODEL_FILE).is_file() || previous_path.is_file() {
            Some(
                load_model(&previous_path)
                    .with_context(|| format!("cannot load {}", previous_path.display()))?,
            )
        } else {
            None
        };
    let params = NeedsParams {
        clusters: ClusterParams {
            k: args.k,
            ..ClusterParams::default()
        },
        ..NeedsParams::default()
    };
    let spinner = stage_spinner("extraction, vecteurs, besoins, indicateurs");
    let building = Instant::now();
    let built_at = args
        .built_at
        .clone()
        .unwrap_or_else(passerelle_server::api::now_utc);
    let build = engine
        .build_needs(
            &geography,
            &postings,
            &trainings,
            &params,
            previous.as_ref(),
            &built_at,
        )
        .context("build failed")?;
    let build_time = building.elapsed();
    spinner.finish_and_clear();

    let indexing = Instant::now();
    let mut index = DocumentIndex::open_or_create(&args.out.join("index"))
        .with_context(|| format!("cannot open the index in {}", args.out.display()))?;
    let documents = IndexDocument::of_build(&postings, &build.postings, &trainings, &geography);
    let spinner = stage_spinner("index plein texte");
    index.upsert(&documents).context("indexing failed")?;
    let index_time = indexing.elapsed();
    spinner.finish_and_clear();
    let model = build.model;
    let path = save_model(&args.out, &model)?;

    eprintln!(
        "read {read} offers: {} accepted, {rejected} rejected, {duplicates} duplicate ids merged",
        postings.len()
    );
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
    eprintln!(
        "timings: load {:.1}s, read {:.1}s, build {:.1}s, index {:.1}s ({} documents); model written to {}",
        loaded.as_secs_f64(),
        read_time.as_secs_f64(),
        build_time.as_secs_f64(),
        index_time.as_secs_f64(),
        index.len(),
        path.display()
    );
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
