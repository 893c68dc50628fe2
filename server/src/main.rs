//! The `passerelle` command line: offer ingestion, extraction, evaluation on labelled
//! offers, the observatory build and its queries, the rankings (`recommend`,
//! `territory-trainings`, `coverage`), and the HTTP server (`serve`).
//!
//! Raw arguments are parsed by clap here, turned into an [`passerelle_engine::EngineConfig`]
//! and handed to the command modules in `cli/`.

mod cli;

// Ranking and JSON answers allocate many small strings; glibc's allocator was a third
// of the serve profile under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use passerelle_engine::TaxonomySpec;

/// Passerelle: French skills extraction and GEN training recommendation.
#[derive(Debug, Parser)]
#[command(name = "passerelle", version, about)]
struct Cli {
    /// Log filter (tracing syntax), e.g. `info` or `engine=debug`.
    #[arg(long, env = "PASSERELLE_LOG", default_value = "warn", global = true)]
    log: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract skills and occupations from JSON lines (France Travail offers or {"id","text"}).
    Extract(cli::extract::ExtractArgs),
    /// Build the observatory's needs model: extract, vectorise, cluster, indicators.
    Build(cli::build::BuildArgs),
    /// Indicators of a territory (needs clusters and skills in demand).
    Needs(cli::needs::NeedsArgs),
    /// Full-text search of a build's postings, with territory, ROME and date filters.
    Search(cli::search::SearchArgs),
    /// The reference map of digital jobs: the needs clusters.
    Clusters(cli::needs::ModelArgs),
    /// Rank trainings for a learner profile (JSON file), with the reasons of each.
    Recommend(cli::rank::RecommendArgs),
    /// Rank a territory's trainings by the unmet demand they answer.
    TerritoryTrainings(cli::rank::TerritoryTrainingsArgs),
    /// Coverage of a curriculum or training against a territory's demand.
    Coverage(cli::rank::CoverageArgs),
    /// Serve the HTTP API and the web application.
    Serve(cli::serve::ServeArgs),
    /// Harvest job offers from a source into a deduplicated store folder.
    Ingest {
        #[command(subcommand)]
        source: cli::ingest::IngestSource,
    },
    /// Measure extraction or classification on offers that carry labels.
    Eval {
        #[command(subcommand)]
        what: cli::eval::EvalCommand,
    },
}

/// Where the vocabulary and the métier référentiel come from (shared by commands).
#[derive(Debug, Clone, Args)]
pub struct ReferentialArgs {
    /// Skill taxonomy: `builtin`, `rome:DIR` (ROME 4.0 CSV export) or `esco:DIR`.
    #[arg(long, default_value = "builtin", env = "PASSERELLE_TAXONOMY")]
    taxonomy: TaxonomySpec,
    /// ROME 4.0 export folder used to classify occupations when the taxonomy is not
    /// ROME itself (default: the built-in digital métiers).
    #[arg(long, env = "PASSERELLE_ROME")]
    rome: Option<PathBuf>,
    /// Labelled offers (France Travail records with `romeCode` and `competences[]`) to
    /// learn from at start: how recruiters title each métier and which of its skills
    /// they tick. Needs a métier référentiel (`--taxonomy rome:DIR` links ROME items).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    learn: Vec<PathBuf>,
}

/// How a build folder keeps its offers and versions (shared by `build` and `serve`).
#[derive(Debug, Clone, Copy, Args)]
pub struct StoreArgs {
    /// Offers created more than this many days before the newest one leave the store.
    #[arg(long, default_value_t = 365)]
    window_days: u32,
    /// Versions kept in the build folder (the new or served one included).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..))]
    keep: u16,
    /// Do not learn from the labelled offers (`romeCode`, ticked `competences[]`) of the
    /// store.
    #[arg(long)]
    no_learn: bool,
}

/// Adaptation of a batch command to the batch it reads.
#[derive(Debug, Clone, Copy, clap::Args)]
pub struct AdaptArgs {
    /// Do not adapt to the batch. By default a batch of 200 offers or more, read
    /// without labelled offers to learn from, teaches the occupation models its own
    /// vocabulary: the third of it classified most confidently serves as pseudo-labels
    /// (no label of the batch is read). Then each offer's answer depends on the batch.
    #[arg(long)]
    no_adapt: bool,
}

fn main() -> Result<()> {
    match run() {
        // A closed pipe (`passerelle clusters | head`) is not a failure.
        Err(error)
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(())
        }
        other => other,
    }
}

fn run() -> Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_new(&cli.log)?)
        .with_writer(std::io::stderr)
        .init();
    match cli.command {
        Command::Extract(args) => cli::extract::run(args),
        Command::Eval { what } => cli::eval::run(what),
        Command::Build(args) => cli::build::run(args),
        Command::Needs(args) => cli::needs::needs(args),
        Command::Clusters(args) => cli::needs::clusters(args),
        Command::Search(args) => cli::search::run(args),
        Command::Recommend(args) => cli::rank::recommend(args),
        Command::TerritoryTrainings(args) => cli::rank::territory_trainings(args),
        Command::Coverage(args) => cli::rank::coverage(args),
        Command::Serve(args) => cli::serve::run(args),
        Command::Ingest { source } => cli::ingest::run(source),
    }
}
