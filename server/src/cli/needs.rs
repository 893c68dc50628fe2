//! `passerelle needs` and `passerelle clusters`: the indicators of a territory and the
//! reference map of digital jobs, in JSON or in CSV for French spreadsheet users.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use clap::{Args, ValueEnum};
use passerelle_engine::{
    Cell, EmergingTerm, Example, NeedsCluster, NeedsCounts, NeedsModel, RefreshReport, RomeShare,
    TerritoryId, TerritoryLevel, WeightedSkill, builtin_geography, demo_model, load_model,
};
use serde::Serialize;

#[derive(Serialize)]
struct TerritoryOutput<'a> {
    level: TerritoryLevel,
    code: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct NeedsOutput<'a> {
    territory: TerritoryOutput<'a>,
    offers: usize,
    suppression_threshold: usize,
    clusters: &'a [Cell],
    skills: &'a [Cell],
    skills_suppressed: usize,
}

#[derive(Serialize)]
struct ModelSummary<'a> {
    format_version: u32,
    built_at: &'a str,
    taxonomy: &'a str,
    taxonomy_version: &'a str,
    period: &'a (Option<String>, Option<String>),
    counts: &'a NeedsCounts,
    k: usize,
    k_selection: &'a [(usize, f32)],
    refresh: &'a Option<RefreshReport>,
}

#[derive(Serialize)]
struct ClusterOutput<'a> {
    id: &'a str,
    label: &'a str,
    size: usize,
    share: f32,
    top_skills: &'a [WeightedSkill],
    rome: &'a [RomeShare],
    examples: &'a [Example],
}

#[derive(Serialize)]
struct ClustersOutput<'a> {
    model: ModelSummary<'a>,
    clusters: Vec<ClusterOutput<'a>>,
    emerging: &'a [EmergingTerm],
}

/// Writes pretty JSON to standard output; a closed pipe is an error, not a panic.
fn print_json(value: &impl Serialize) -> Result<()> {
    let mut out = std::io::stdout().lock();
    passerelle_server::json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct ModelArgs {
    /// Build folder (or model file) made by `passerelle build`; default: the embedded
    /// demo build.
    #[arg(long, env = "PASSERELLE_DATA")]
    data: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Write decimals with a comma in CSV (French Excel).
    #[arg(long)]
    decimal_comma: bool,
}

#[derive(Debug, Args)]
pub struct NeedsArgs {
    #[command(flatten)]
    model: ModelArgs,
    /// `region:84`, `departement:69` or `bassin:CODE`.
    #[arg(long)]
    territory: TerritoryId,
}

fn load(args: &ModelArgs) -> Result<NeedsModel> {
    match &args.data {
        Some(path) => load_model(path).with_context(|| format!("cannot load {}", path.display())),
        None => demo_model().context("cannot load the embedded demo model"),
    }
}

/// Writes a CSV document to the standard output.
fn print_csv(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    Ok(out.flush()?)
}

pub fn needs(args: NeedsArgs) -> Result<()> {
    let model = load(&args.model)?;
    let territory = args.territory;
    let needs = model
        .needs_or_empty(&territory, &builtin_geography()?)
        .map_err(|_| anyhow!("unknown territory {territory}"))?;
    match args.model.format {
        Format::Json => print_json(&NeedsOutput {
            territory: TerritoryOutput {
                level: needs.territory.level,
                code: &needs.territory.code,
                name: &needs.name,
            },
            offers: needs.offers,
            suppression_threshold: model.params.suppression_threshold,
            clusters: &needs.clusters,
            skills: &needs.skills,
            skills_suppressed: needs.skills_suppressed,
        })?,
        Format::Csv => print_csv(&needs.to_csv(args.model.decimal_comma)?)?,
    }
    Ok(())
}

pub fn clusters(args: ModelArgs) -> Result<()> {
    let model = load(&args)?;
    match args.format {
        Format::Json => print_json(&ClustersOutput {
            model: ModelSummary {
                format_version: model.format_version,
                built_at: &model.built_at,
                taxonomy: &model.taxonomy,
                taxonomy_version: &model.taxonomy_version,
                period: &model.period,
                counts: &model.counts,
                k: model.clusters.len(),
                k_selection: &model.k_selection,
                refresh: &model.refresh,
            },
            clusters: model.clusters.iter().map(cluster_output).collect(),
            emerging: &model.emerging,
        })?,
        Format::Csv => print_csv(&model.clusters_csv(args.decimal_comma)?)?,
    }
    Ok(())
}

fn cluster_output(cluster: &NeedsCluster) -> ClusterOutput<'_> {
    ClusterOutput {
        id: &cluster.id,
        label: &cluster.label,
        size: cluster.size,
        share: cluster.share,
        top_skills: &cluster.top_skills,
        rome: &cluster.rome,
        examples: &cluster.examples,
    }
}
