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
    /// Agreement of needs clusters with the offers' ROME codes (NMI, adjusted Rand).
    Clusters {
        #[command(flatten)]
        referential: ReferentialArgs,
        #[arg(long, num_args = 1.., required = true)]
        offers: Vec<PathBuf>,
        /// Number of clusters (default: chosen by silhouette).
        #[arg(long)]
        k: Option<usize>,
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
        EvalCommand::Clusters {
            referential,
            offers,
            k,
        } => {
            let engine = super::open_engine(&referential)?;
            let postings = load(&offers)?;
            let params = passerelle_engine::NeedsParams {
                clusters: passerelle_engine::ClusterParams {
                    k,
                    ..Default::default()
                },
                ..Default::default()
            };
            let geography = passerelle_engine::builtin_geography()?;
            let build = engine.build_needs(&geography, &postings, &[], &params, None, "eval")?;
            let agreement = |digital_only: bool| {
                let (clusters, codes): (Vec<&str>, Vec<String>) = postings
                    .iter()
                    .zip(&build.postings)
                    .filter_map(|(p, a)| Some((a.cluster.as_deref()?, p.rome?)))
                    .filter(|(_, code)| !digital_only || code.domain() == "M18")
                    .map(|(c, code)| (c, code.to_string()))
                    .unzip();
                let (nmi, ari) = passerelle_engine::agreement(&clusters, &codes);
                let distinct: std::collections::HashSet<&String> = codes.iter().collect();
                serde_json::json!({"postings": clusters.len(), "rome_codes": distinct.len(), "nmi": nmi, "ari": ari})
            };
            let k = build.model.clusters.len();
            let silhouette = build
                .model
                .k_selection
                .iter()
                .find(|(chosen, _)| *chosen == k)
                .map(|(_, s)| *s);
            let report = serde_json::json!({
                "postings": postings.len(),
                "clustered": build.model.counts.with_skills,
                "k": k,
                "silhouette_sample": silhouette,
                "all": agreement(false),
                "digital_m18": agreement(true),
            });
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
