//! `passerelle recommend`, `territory-trainings` and `coverage`: the rankings of the API
//! from the command line. Each command loads the data like `serve`, makes the engine
//! call its API route makes, and prints the same JSON body (or, with `--format text`, a
//! table in French).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use clap::{Args, ValueEnum};
use passerelle_engine::{
    CoverageReport, CoverageRequest, LearnerProfile, Modality, Recommendations, TerritoryId,
    TerritoryRanking,
};
use passerelle_server::api::{ApiError, Versioned, error::parse_json, today_utc};

use super::snapshot::{self, SnapshotArgs};

/// How a ranking is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// The API's JSON body.
    Json,
    /// A table in French.
    Text,
}

#[derive(Debug, Args)]
pub struct RecommendArgs {
    #[command(flatten)]
    snapshot: SnapshotArgs,
    /// Learner profile: the JSON body `POST /api/v1/recommendations` reads.
    #[arg(long, value_name = "FILE")]
    profile: PathBuf,
    /// Trainings listed (1 to 100); replaces the profile's `limit`.
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
    /// Rank as of this date (YYYY-MM-DD) instead of today.
    #[arg(long)]
    today: Option<String>,
}

#[derive(Debug, Args)]
pub struct TerritoryTrainingsArgs {
    #[command(flatten)]
    snapshot: SnapshotArgs,
    /// `region:84`, `departement:69` or `bassin:CODE`.
    #[arg(long)]
    territory: TerritoryId,
    /// Include remote trainings from elsewhere.
    #[arg(long)]
    remote: bool,
    /// Trainings listed (1 to 200).
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
    /// Rank as of this date (YYYY-MM-DD) instead of today.
    #[arg(long)]
    today: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["curriculum", "training"])))]
pub struct CoverageArgs {
    #[command(flatten)]
    snapshot: SnapshotArgs,
    /// A curriculum as plain text (UTF-8).
    #[arg(long, value_name = "FILE")]
    curriculum: Option<PathBuf>,
    /// Title of the curriculum (with `--curriculum`).
    #[arg(long, requires = "curriculum")]
    title: Option<String>,
    /// A training of the catalogue, by id.
    #[arg(long, value_name = "ID")]
    training: Option<String>,
    /// ROME codes of the métiers the curriculum prepares for (default: the training's
    /// codes, else the métiers its text classifies as).
    #[arg(long = "occupation", value_name = "CODE", num_args = 1..)]
    occupations: Vec<String>,
    /// `region:84`, `departement:69` or `bassin:CODE`.
    #[arg(long)]
    territory: TerritoryId,
    #[arg(long, value_enum, default_value = "json")]
    format: OutputFormat,
}

pub fn recommend(args: RecommendArgs) -> Result<()> {
    let bytes = std::fs::read(&args.profile)
        .with_context(|| format!("cannot read {}", args.profile.display()))?;
    let mut profile: LearnerProfile = parse_json(&bytes)
        .map_err(|error| anyhow!("{} : {}", args.profile.display(), error.message))?;
    if let Some(top) = args.top {
        profile.limit = Some(top);
    }
    let today = args.today.unwrap_or_else(today_utc);
    let snapshot = snapshot::load(&args.snapshot)?.snapshot;
    let result = snapshot
        .ranker
        .recommend(&profile, &today)
        .map_err(in_french)?;
    let answer = Versioned {
        result,
        model_version: snapshot.model_version(),
    };
    match args.format {
        OutputFormat::Json => print_json(&answer),
        OutputFormat::Text => print_text(&recommendations_table(&answer.result, &today)),
    }
}

pub fn territory_trainings(args: TerritoryTrainingsArgs) -> Result<()> {
    if !(1..=200).contains(&args.top) {
        anyhow::bail!("--top : attendu un nombre de 1 à 200");
    }
    let today = args.today.unwrap_or_else(today_utc);
    let snapshot = snapshot::load(&args.snapshot)?.snapshot;
    let ranking = snapshot
        .ranker
        .territory_trainings(&args.territory, &today, args.remote, args.top)
        .map_err(in_french)?;
    match args.format {
        OutputFormat::Json => print_json(&ranking),
        OutputFormat::Text => print_text(&territory_table(&ranking)),
    }
}

pub fn coverage(args: CoverageArgs) -> Result<()> {
    let curriculum = args
        .curriculum
        .as_ref()
        .map(|path| {
            std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
        })
        .transpose()?;
    let request = CoverageRequest {
        curriculum,
        title: args.title,
        training_id: args.training,
        territory: args.territory.to_string(),
        rome: args.occupations,
    };
    let snapshot = snapshot::load(&args.snapshot)?.snapshot;
    let report = snapshot.ranker.coverage(&request).map_err(in_french)?;
    match args.format {
        OutputFormat::Json => print_json(&report),
        OutputFormat::Text => print_text(&coverage_text(&report)),
    }
}

/// An engine error about the request, in the French the API answers with; other
/// failures as they are.
fn in_french(error: passerelle_engine::Error) -> anyhow::Error {
    use passerelle_engine::Error;
    match error {
        Error::InvalidInput { .. } | Error::NotFound { .. } => {
            anyhow!(ApiError::from(error).message)
        }
        other => other.into(),
    }
}

fn print_json(value: &impl serde::Serialize) -> Result<()> {
    let mut out = std::io::stdout().lock();
    passerelle_server::json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

fn print_text(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// A learner's ranking as a table: one row per training, its reasons below it.
fn recommendations_table(result: &Recommendations, today: &str) -> String {
    let mut text = format!("Formations recommandées au {today}\n");
    let learner = &result.learner;
    if let Some(target) = &learner.target {
        text += &format!("Métier visé : {}\n", target.label);
    }
    if !learner.gap.is_empty() {
        let labels: Vec<&str> = learner.gap.iter().map(|s| &*s.label).collect();
        text += &format!("Compétences à acquérir : {}\n", labels.join(", "));
    }
    for notice in &result.notices {
        text += &format!("{notice}\n");
    }
    text.push('\n');
    let mut table = Table::new(&[
        ("Rang", Align::Right),
        ("Formation", Align::Left),
        ("Organisme", Align::Left),
        ("Ville", Align::Left),
        ("Distance", Align::Right),
        ("Score", Align::Right),
    ]);
    for (rank, training) in result.trainings.iter().enumerate() {
        let place = match (training.city, training.modality) {
            (_, Modality::Distanciel) => "à distance".to_string(),
            (Some(city), _) => city.to_string(),
            (None, _) => "—".to_string(),
        };
        let distance = training
            .distance_km
            .filter(|_| training.modality != Modality::Distanciel)
            .map_or_else(|| "—".to_string(), |d| format!("{} km", decimal(d, 1)));
        table.row(
            vec![
                (rank + 1).to_string(),
                training.title.to_string(),
                training.provider.to_string(),
                place,
                distance,
                decimal(f64::from(training.score), 3),
            ],
            training.reasons.clone(),
        );
    }
    if result.trainings.is_empty() {
        text += "Aucune formation.\n";
    } else {
        text += &table.render();
    }
    if !result.excluded.is_empty() {
        let excluded: Vec<String> = (result.excluded.iter())
            .map(|(reason, count)| format!("{reason} {count}"))
            .collect();
        text += &format!("\nÉcartées : {}\n", excluded.join(", "));
    }
    text
}

/// A territory's ranking as a table, then its needs left uncovered.
fn territory_table(ranking: &TerritoryRanking) -> String {
    let mut text = format!(
        "Formations du territoire {} ({}) : {} offres analysées\n\n",
        ranking.territory.name, ranking.territory.id, ranking.offers
    );
    let mut table = Table::new(&[
        ("Rang", Align::Right),
        ("Formation", Align::Left),
        ("Organisme", Align::Left),
        ("Ville", Align::Left),
        ("Score", Align::Right),
    ]);
    for (rank, training) in ranking.trainings.iter().enumerate() {
        table.row(
            vec![
                (rank + 1).to_string(),
                training.title.clone(),
                training.provider.clone(),
                training.city.clone().unwrap_or_else(|| "—".to_string()),
                decimal(f64::from(training.score), 3),
            ],
            training.reasons.clone(),
        );
    }
    if ranking.trainings.is_empty() {
        text += "Aucune formation.\n";
    } else {
        text += &table.render();
    }
    if !ranking.uncovered.is_empty() {
        text += "\nBesoins sans formation sur le territoire :\n";
        for need in &ranking.uncovered {
            text += &format!(
                "  - {} : {} offres ({} %)\n",
                need.label,
                need.offers,
                decimal(f64::from(need.share) * 100.0, 1)
            );
        }
    }
    text += &format!("\n{}\n", ranking.formula);
    text
}

/// A coverage report in French, section by section.
fn coverage_text(report: &CoverageReport) -> String {
    let mut text = format!(
        "Couverture de la demande — {} ({})\n",
        report.territory.name, report.territory.id
    );
    if let Some(id) = &report.training_id {
        text += &format!("Formation : {id}\n");
    }
    if report.occupations.is_empty() {
        text += "Métiers visés : aucun reconnu, mesure sur toute la demande du territoire\n";
    } else {
        text += "Métiers visés :\n";
        for occupation in &report.occupations {
            text += &format!(
                "  - {} ({}) : {} offres ; {}\n",
                occupation.label, occupation.code, occupation.offers, occupation.why
            );
        }
    }
    text += &format!(
        "\nAlignement : {} % ({} compétences demandées prises en compte)\nMesuré sur : {}\n{}\n",
        decimal(f64::from(report.alignment.score) * 100.0, 1),
        report.alignment.skills_considered,
        report.alignment.against,
        report.alignment.formula
    );
    text += &format!(
        "Sur toute la demande du territoire : {} % ({})\n",
        decimal(f64::from(report.territory_wide.alignment.score) * 100.0, 1),
        report.territory_wide.alignment.against
    );
    text += "\nCompétences couvertes :\n";
    for skill in &report.covered {
        let share = skill.demand_share.map_or_else(
            || "demande non publiée".to_string(),
            |s| format!("{} % des offres", decimal(f64::from(s) * 100.0, 1)),
        );
        text += &format!("  - {} ({share})\n", skill.label);
    }
    text += "\nCompétences demandées absentes du programme :\n";
    for skill in &report.missing {
        text += &format!(
            "  - {} : {} offres ({} %)\n",
            skill.label,
            skill.offers,
            decimal(f64::from(skill.share) * 100.0, 1)
        );
    }
    if !report.clusters.is_empty() {
        text += "\nBesoins les plus proches :\n";
        for cluster in &report.clusters {
            text += &format!(
                "  - {} (similarité {}, {} offres)\n",
                cluster.label,
                decimal(f64::from(cluster.similarity), 3),
                cluster.offers
            );
        }
    }
    if !report.similar.is_empty() {
        text += "\nFormations proches sur le territoire :\n";
        for training in &report.similar {
            text += &format!(
                "  - {} — {} (similarité {})\n",
                training.title,
                training.provider,
                decimal(f64::from(training.similarity), 3)
            );
        }
    }
    text
}

/// A number with `places` decimals and a decimal comma, as French readers write it.
fn decimal(value: f64, places: usize) -> String {
    let written = format!("{:.*}", places, passerelle_server::json::round(value));
    let written = if written.trim_start_matches(['-', '0', '.']).is_empty() {
        written.trim_start_matches('-').to_string()
    } else {
        written
    };
    written.replace('.', ",")
}

#[derive(Debug, Clone, Copy)]
enum Align {
    Left,
    Right,
}

/// A plain-text table whose columns fit their widest cell (long cells are cut), with
/// notes printed under each row.
struct Table {
    headers: Vec<(&'static str, Align)>,
    rows: Vec<(Vec<String>, Vec<String>)>,
}

/// Widest a text column may be.
const MAX_COLUMN: usize = 40;

impl Table {
    fn new(headers: &[(&'static str, Align)]) -> Table {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>, notes: Vec<String>) {
        let cells = cells.into_iter().map(|c| cut(&c, MAX_COLUMN)).collect();
        self.rows.push((cells, notes));
    }

    fn render(&self) -> String {
        let width = |i: usize| {
            (self.rows.iter())
                .map(|(cells, _)| cells[i].chars().count())
                .chain([self.headers[i].0.chars().count()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.headers.len()).map(width).collect();
        let line = |cells: Vec<&str>| -> String {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .zip(&self.headers)
                .map(|((cell, &width), (_, align))| {
                    let pad = " ".repeat(width - cell.chars().count());
                    match align {
                        Align::Left => format!("{cell}{pad}"),
                        Align::Right => format!("{pad}{cell}"),
                    }
                })
                .collect();
            format!("{}\n", padded.join("  ").trim_end())
        };
        let mut text = line(self.headers.iter().map(|(h, _)| *h).collect());
        let indent = " ".repeat(widths[0] + 2);
        for (cells, notes) in &self.rows {
            text += &line(cells.iter().map(String::as_str).collect());
            for note in notes {
                text += &format!("{indent}· {note}\n");
            }
        }
        text
    }
}

/// `text` cut to `at_most` characters, an ellipsis marking the cut.
fn cut(text: &str, at_most: usize) -> String {
    if text.chars().count() <= at_most {
        return text.to_string();
    }
    let kept: String = text.chars().take(at_most - 1).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_the_french_way() {
        assert_eq!(decimal(0.81234, 3), "0,812");
        assert_eq!(decimal(-0.0001, 3), "0,000");
        assert_eq!(decimal(12.0, 1), "12,0");
    }

    #[test]
    fn tables_align_columns_and_cut_long_cells() {
        let mut table = Table::new(&[("Rang", Align::Right), ("Formation", Align::Left)]);
        table.row(
            vec!["1".into(), "Développeuse".into()],
            vec!["Près.".into()],
        );
        table.row(vec!["10".into(), "x".repeat(50)], vec![]);
        let text = table.render();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Rang  Formation");
        assert_eq!(lines[1], "   1  Développeuse");
        assert_eq!(lines[2], "      · Près.");
        assert!(lines[3].ends_with('…') && lines[3].chars().count() == 6 + MAX_COLUMN);
    }
}
