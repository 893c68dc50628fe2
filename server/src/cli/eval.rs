//! `passerelle eval extract|classify`: quality on labelled France Travail offers.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Subcommand;
use passerelle_engine::{
    EngineConfig, JobPosting, TaxonomySpec, evaluate_classification, evaluate_extraction,
    read_postings,
};

use crate::ReferentialArgs;

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Precision, recall and F1 of `rome:` skills against the recruiter's `competences[]`.
    Extract {
        #[command(flatten)]
        referential: ReferentialArgs,
        /// Offer files (JSON lines, API pages or the digital-titles CSV).
        #[arg(long, num_args = 1.., required = true)]
        offers: Vec<PathBuf>,
        /// Score at or above which a skill counts as predicted.
        #[arg(long, default_value_t = 0.5)]
        threshold: f32,
    },
    /// Accuracy@1 and @3 of predicted occupations against `romeCode`.
    Classify {
        #[command(flatten)]
        referential: ReferentialArgs,
        #[arg(long, num_args = 1.., required = true)]
        offers: Vec<PathBuf>,
    },
}

fn load(offers: &[PathBuf]) -> Result<Vec<JobPosting>> {
    let mut postings = Vec::new();
    for path in offers {
        let batch =
            read_postings(path).with_context(|| format!("cannot read {}", path.display()))?;
        eprintln!("{}", batch.report.summary());
        for rejected in batch.report.rejected.iter().take(10) {
            eprintln!("  line {}: {}", rejected.line, rejected.reason);
        }
        postings.extend(batch.records.into_iter().map(|(_, p)| p));
    }
    Ok(postings)
}

pub fn run(command: EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Extract {
            referential,
            offers,
            threshold,
        } => {
            if !matches!(referential.taxonomy, TaxonomySpec::Rome(_)) {
                anyhow::bail!("eval extract compares rome: ids: pass --taxonomy rome:DIR");
            }
            let engine = super::open_engine(&referential)?;
            let postings = load(&offers)?;
            let report = evaluate_extraction(&engine, &postings, threshold);
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
        EvalCommand::Classify {
            referential,
            offers,
        } => {
            let config = EngineConfig {
                taxonomy: referential.taxonomy.clone(),
                rome: referential.rome.clone(),
                ..EngineConfig::builtin()
            };
            let engine = passerelle_engine::Engine::open(&config)?;
            let postings = load(&offers)?;
            let report = evaluate_classification(&engine, &postings);
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
    }
    Ok(())
}
