//! One module per command of the `passerelle` binary.

pub mod build;
pub mod eval;
pub mod extract;
pub mod ingest;
pub mod needs;
pub mod rank;
pub mod search;
pub mod serve;
pub mod snapshot;

use anyhow::{Context, Result};
use passerelle_engine::{AdaptParams, Engine, EngineConfig, JobPosting};

use crate::{AdaptArgs, ReferentialArgs};

/// Loads the engine a command needs.
pub fn open_engine(referential: &ReferentialArgs) -> Result<Engine> {
    let config = EngineConfig {
        taxonomy: referential.taxonomy.clone(),
        rome: referential.rome.clone(),
        ..EngineConfig::builtin()
    };
    let engine = Engine::open(&config).context("cannot load the taxonomy")?;
    if referential.learn.is_empty() {
        return Ok(engine);
    }
    let mut postings = Vec::new();
    for path in &referential.learn {
        let batch = passerelle_engine::read_postings(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        eprintln!("learn: {}", batch.report.summary());
        postings.extend(batch.records.into_iter().map(|(_, p)| p));
    }
    let engine = engine.learn(&postings, passerelle_engine::LearnParams::default())?;
    if let Some(learned) = engine.extractor().learned() {
        let report = learned.report();
        eprintln!(
            "learn: {} offers with a known métier ({} with ticked skills), {} métiers",
            report.titled, report.with_skills, report.occupations
        );
    }
    Ok(engine)
}

/// `engine` adapted to the batch `postings` (see [`Engine::adapt`]), unless told not
/// to or it learned from labelled offers; says on stderr what it did.
pub fn adapt(engine: Engine, postings: &[JobPosting], args: AdaptArgs) -> Engine {
    if args.no_adapt || engine.extractor().learned().is_some() {
        return engine;
    }
    let adapted = engine.adapt(postings, AdaptParams::default());
    match adapted.extractor().learned() {
        Some(learned) => {
            let report = learned.report();
            eprintln!(
                "adapt: {} of {} offers, the most confidently classified, taught the occupation models ({} métiers)",
                report.titled,
                postings.len(),
                report.occupations
            );
            adapted
        }
        None => engine,
    }
}

/// A progress bar on stderr, hidden when stderr is not a terminal.
pub fn progress(length: u64, message: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(length);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} ({per_sec}, {eta})")
            .expect("valid template"),
    );
    bar.set_message(message.to_string());
    bar
}
