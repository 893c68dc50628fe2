//! `passerelle eval extract|classify|clusters|mobility|required|spans|certifications`:
//! quality on labelled France Travail offers, of the learner rankings on the ROME's real
//! mobility links, of the mentions' `required` field and spans against hand labels, and
//! of the driving licences and languages found in offer texts against the offers' own
//! fields.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Subcommand;
use passerelle_engine::{
    Engine, EngineConfig, EvalOptions, ExtractParams, JobPosting, Ranker, RequiredScores, RomeCode,
    SpanScores, TaxonomySpec, ValidRankParams, builtin_geography, builtin_lexicon, demo_catalogue,
    demo_model, evaluate_certifications, evaluate_classification, evaluate_clusters,
    evaluate_extraction, evaluate_mobility, evaluate_required, evaluate_spans, mobility_pairs,
    parse_required_labels, parse_span_labels, read_postings, sample_pairs,
};

use crate::{AdaptArgs, ReferentialArgs};

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
        /// Link each offer to its labelled `romeCode` instead of the predicted métiers:
        /// what extraction would reach with a perfect classifier (a diagnostic).
        #[arg(long)]
        oracle_occupation: bool,
        /// Learn at run time from the labelled offers, scored by K-fold
        /// cross-validation (each offer by what the other folds taught).
        #[arg(long, value_name = "K")]
        learn_folds: Option<usize>,
        #[command(flatten)]
        adapt: AdaptArgs,
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
        /// Learn at run time from the labelled offers, scored by K-fold
        /// cross-validation (each offer by what the other folds taught).
        #[arg(long, value_name = "K")]
        learn_folds: Option<usize>,
        #[command(flatten)]
        adapt: AdaptArgs,
    },
    /// Share of the missing core skills of real ROME mobilities (any métier → a digital
    /// one) that the top trainings of the demo catalogue teach, against a ranking by
    /// title match only.
    Mobility {
        /// ROME 4.0 export folder (default: `$PASSERELLE_SHARED_DATA/rome_v460`, else
        /// `../shared/data/rome_v460`).
        #[arg(long)]
        rome: Option<PathBuf>,
        /// Trainings kept per ranking.
        #[arg(long, default_value_t = 5)]
        top: usize,
        /// Evaluate at most this many pairs, spread evenly over the mobility links.
        #[arg(long)]
        limit_pairs: Option<usize>,
        /// Day the catalogue's labels and sessions are judged on (the demo catalogue's
        /// reference day by default).
        #[arg(long, default_value = "2026-11-29")]
        today: String,
    },
    /// Agreement of the mentions' `required` (exigé, souhaité, neither) with hand
    /// labels, on the tune and check parts of the set, with the confusion table.
    Required {
        /// Labelled mentions, one JSON object a line (`tests/labels/required/dev.jsonl`).
        #[arg(long)]
        labels: PathBuf,
        /// The shared data folder whose `offers/` hold the labelled offers (default:
        /// `$PASSERELLE_SHARED_DATA`, else `../shared/data`).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Print the report as JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Span-overlap precision, recall and F1 of the mentions against hand labels of
    /// every skill span, with recall per kind and precision on digital and other offers.
    Spans {
        /// Labelled spans, one JSON object a line (`tests/labels/spans/dev.jsonl`).
        #[arg(long)]
        labels: PathBuf,
        /// The shared data folder whose `offers/` hold the labelled offers (default:
        /// `$PASSERELLE_SHARED_DATA`, else `../shared/data`).
        #[arg(long)]
        data: Option<PathBuf>,
        #[command(flatten)]
        referential: ReferentialArgs,
        /// Leave out mentions scored below this.
        #[arg(long, default_value_t = 0.0)]
        min_score: f32,
        /// Print the report as JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Driving licences and languages found in offer texts against the offers' own
    /// `permis[]` and `langues[]`: recall over every listed item and over those the text
    /// names, precision on the offers that list the field.
    Certifications {
        #[command(flatten)]
        referential: ReferentialArgs,
        /// France Travail offer files (JSON lines or API pages).
        #[arg(long, num_args = 1.., required = true)]
        offers: Vec<PathBuf>,
    },
}

/// The shared data folder, when none is given.
fn default_data_folder() -> PathBuf {
    std::env::var_os("PASSERELLE_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data"))
}

/// The ROME folder of the shared data, when none is given.
fn default_rome_folder() -> PathBuf {
    default_data_folder().join("rome_v460")
}

/// The built-in digital métiers of `corpora/occupations.tsv`.
fn digital_metiers() -> Result<HashSet<RomeCode>> {
    let lexicon = builtin_lexicon().context("cannot load the built-in lexicon")?;
    Ok(lexicon.occupations().iter().map(|o| o.code).collect())
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

/// The engine, the offers and the folds of `eval extract|classify`: the engine adapted
/// to the offers unless it learns by cross-validation.
fn scored(
    referential: &ReferentialArgs,
    offers: &[PathBuf],
    learn_folds: Option<usize>,
    adapt: AdaptArgs,
) -> Result<(Engine, Vec<JobPosting>, usize)> {
    let engine = super::open_engine(referential)?;
    let postings = load(offers)?;
    let folds = checked_folds(learn_folds)?;
    let engine = if folds < 2 {
        super::adapt(engine, &postings, adapt)
    } else {
        engine
    };
    Ok((engine, postings, folds))
}

/// `--learn-folds K`: none, or at least two folds.
fn checked_folds(folds: Option<usize>) -> Result<usize> {
    match folds {
        None => Ok(0),
        Some(k) if k >= 2 => Ok(k),
        Some(k) => anyhow::bail!("--learn-folds needs at least 2 folds, got {k}"),
    }
}

pub fn run(command: EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Extract {
            referential,
            offers,
            threshold,
            oracle_occupation,
            learn_folds,
            adapt,
        } => {
            if !matches!(referential.taxonomy, TaxonomySpec::Rome(_)) {
                anyhow::bail!("eval extract compares rome: ids: pass --taxonomy rome:DIR");
            }
            let (engine, postings, folds) = scored(&referential, &offers, learn_folds, adapt)?;
            let options = EvalOptions {
                threshold,
                oracle: oracle_occupation,
                folds,
                ..EvalOptions::default()
            };
            let report = evaluate_extraction(&engine, &postings, &options);
            println!("{}", passerelle_server::json::to_string_pretty(&report)?);
        }
        EvalCommand::Clusters {
            referential,
            offers,
            k,
        } => {
            let engine = super::open_engine(&referential)?;
            let postings = load(&offers)?;
            let geography = passerelle_engine::builtin_geography()?;
            let report = evaluate_clusters(&engine, &geography, &postings, k)?;
            println!("{}", passerelle_server::json::to_string_pretty(&report)?);
        }
        EvalCommand::Classify {
            referential,
            offers,
            learn_folds,
            adapt,
        } => {
            let (engine, postings, folds) = scored(&referential, &offers, learn_folds, adapt)?;
            let options = EvalOptions {
                folds,
                ..EvalOptions::default()
            };
            let report = evaluate_classification(&engine, &postings, &options);
            println!("{}", passerelle_server::json::to_string_pretty(&report)?);
        }
        EvalCommand::Mobility {
            rome,
            top,
            limit_pairs,
            today,
        } => mobility(
            rome.unwrap_or_else(default_rome_folder),
            top,
            limit_pairs,
            &today,
        )?,
        EvalCommand::Required { labels, data, json } => {
            required(&labels, &data.unwrap_or_else(default_data_folder), json)?
        }
        EvalCommand::Spans {
            labels,
            data,
            referential,
            min_score,
            json,
        } => spans(
            &labels,
            &data.unwrap_or_else(default_data_folder),
            &referential,
            min_score,
            json,
        )?,
        EvalCommand::Certifications {
            referential,
            offers,
        } => {
            let engine = super::open_engine(&referential)?;
            let postings = load(&offers)?;
            let report = evaluate_certifications(&engine, &postings);
            println!("{}", passerelle_server::json::to_string_pretty(&report)?);
        }
    }
    Ok(())
}

fn required(labels: &std::path::Path, data: &std::path::Path, json: bool) -> Result<()> {
    let text = std::fs::read_to_string(labels)
        .with_context(|| format!("cannot read {}", labels.display()))?;
    let labels = parse_required_labels(labels, &text)?;
    let offers = data.join("offers");
    let postings = load(std::slice::from_ref(&offers))?;
    let engine = Engine::open(&EngineConfig::builtin()).context("cannot load the taxonomy")?;
    let report = evaluate_required(&engine, &postings, &labels)?;
    if json {
        println!("{}", passerelle_server::json::to_string_pretty(&report)?);
        return Ok(());
    }
    println!(
        "{} offers, {} labelled mentions",
        report.offers, report.all.labelled
    );
    for (name, scores) in [
        ("tune", &report.tune),
        ("check", &report.check),
        ("all", &report.all),
    ] {
        print_required(name, scores);
    }
    Ok(())
}

/// One part's agreement and its confusion table (rows: label; columns: predicted).
fn print_required(name: &str, scores: &RequiredScores) {
    println!();
    println!(
        "{name}: agreement {:.3} ({} of {}, {} no longer found)",
        scores.agreement, scores.agreed, scores.labelled, scores.missing
    );
    println!(
        "  {:<12}{:>8}{:>8}{:>8}{:>10}",
        "label \\ got", "true", "false", "null", "missing"
    );
    for (label, row) in ["true", "false", "null"].iter().zip(&scores.confusion) {
        println!(
            "  {label:<12}{:>8}{:>8}{:>8}{:>10}",
            row[0], row[1], row[2], row[3]
        );
    }
}

fn spans(
    labels: &std::path::Path,
    data: &std::path::Path,
    referential: &ReferentialArgs,
    min_score: f32,
    json: bool,
) -> Result<()> {
    let text = std::fs::read_to_string(labels)
        .with_context(|| format!("cannot read {}", labels.display()))?;
    let labels = parse_span_labels(labels, &text)?;
    let postings = load(&[data.join("offers")])?;
    let engine = super::open_engine(referential)?;
    let report = evaluate_spans(&engine, &postings, &labels, min_score)?;
    if json {
        println!("{}", passerelle_server::json::to_string_pretty(&report)?);
        return Ok(());
    }
    println!(
        "{:<10}{:>7}{:>10}{:>8}{:>8}{:>8}{:>11}{:>8}{:>8}{:>8}{:>8}",
        "",
        "offers",
        "predicted",
        "P",
        "R",
        "F1",
        "technical",
        "method",
        "domain",
        "s-être",
        "certif."
    );
    for (name, scores) in [
        ("tune", &report.tune),
        ("check", &report.check),
        ("all", &report.all),
        ("digital", &report.digital),
        ("other", &report.other),
    ] {
        print_spans(name, scores);
    }
    Ok(())
}

/// One line of the span report: overall figures, then recall per kind.
fn print_spans(name: &str, scores: &SpanScores) {
    let kinds: String = scores
        .kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let width = if i == 0 { 11 } else { 8 };
            format!("{:>width$.3}", k.recall)
        })
        .collect();
    println!(
        "{name:<10}{:>7}{:>10}{:>8.3}{:>8.3}{:>8.3}{kinds}",
        scores.offers, scores.predicted, scores.precision, scores.recall, scores.f1
    );
}

fn mobility(rome: PathBuf, top: usize, limit_pairs: Option<usize>, today: &str) -> Result<()> {
    let started = Instant::now();
    let config = EngineConfig {
        taxonomy: TaxonomySpec::Rome(rome.clone()),
        rome: None,
        extract: ExtractParams::default(),
    };
    let engine = Engine::open(&config)
        .with_context(|| format!("cannot load the ROME export {}", rome.display()))?;
    let catalogue = demo_catalogue();
    let ranker = Ranker::new(
        engine.extractor().clone(),
        Arc::new(builtin_geography()?),
        Arc::new(demo_model()?),
        catalogue.records.into_iter().map(|(_, t)| t).collect(),
        ValidRankParams::default(),
    );
    eprintln!(
        "engine and {} trainings ready in {:.1}s",
        ranker.len(),
        started.elapsed().as_secs_f64()
    );
    // Destinations: the built-in digital métiers and the whole M18 domain ("Systèmes
    // d'information et de télécommunication"), which they already include in v460.
    let digital = digital_metiers()?;
    let pairs = mobility_pairs(ranker.extractor().taxonomy(), |code| {
        digital.contains(&code) || code.domain() == "M18"
    });
    let pairs = match limit_pairs {
        Some(limit) => sample_pairs(&pairs, limit),
        None => pairs,
    };
    let started = Instant::now();
    let report = evaluate_mobility(&ranker, &pairs, today, top)?;
    eprintln!(
        "{} pairs evaluated in {:.1}s",
        report.pairs,
        started.elapsed().as_secs_f64()
    );
    println!("{}", passerelle_server::json::to_string_pretty(&report)?);
    Ok(())
}
