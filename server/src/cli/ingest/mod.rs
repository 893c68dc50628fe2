//! `passerelle ingest france-travail`: harvests France Travail offers by creation date
//! into a deduplicated store folder that `passerelle build --offers DIR` reads.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp, tz::TimeZone};
use passerelle_engine::OfferStore;

use passerelle_server::france_travail::{
    self, ClientConfig, Credentials, DEPARTEMENTS, Plan, Source, api_date,
};

/// The sources `ingest` knows.
#[derive(Debug, Subcommand)]
pub enum IngestSource {
    /// France Travail "Offres d'emploi v2" (OAuth2 client credentials read from
    /// FRANCE_TRAVAIL_CLIENT_ID and FRANCE_TRAVAIL_CLIENT_SECRET).
    ///
    /// Offers are harvested by creation date: without --since, from the end of the last
    /// complete window of the state file in --out (less --overlap-minutes), or over the
    /// last --days days when there is no state; until --until (end of that day, UTC) or
    /// now. A window whose total exceeds what paging reaches (3,150 results) is split in
    /// two until every part is reachable.
    FranceTravail(FranceTravailArgs),
}

#[derive(Debug, Args)]
pub struct FranceTravailArgs {
    /// Store folder: JSON lines shards of the API's records (one per creation month,
    /// each offer id once) and the state file `ingest-state.json`.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// First creation day (YYYY-MM-DD, UTC) to harvest.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    since: Option<Date>,
    /// Last creation day (YYYY-MM-DD, UTC, included) to harvest; default: now.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    until: Option<Date>,
    /// Base URL of the API.
    #[arg(long, default_value = france_travail::API_URL)]
    api_url: String,
    /// OAuth2 token endpoint.
    #[arg(long, default_value = france_travail::TOKEN_URL)]
    token_url: String,
    /// Harvest one département only (code such as 75, 2A or 971).
    #[arg(long, value_parser = parse_departement)]
    departement: Option<String>,
    /// Days harvested when there is neither --since nor a state file.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u16).range(1..=366))]
    days: u16,
    /// Minutes re-read before the end of the state's last window on a continuing run.
    #[arg(long, default_value_t = 60)]
    overlap_minutes: u32,
    /// Retries of a call after a 5xx answer or a connection error (429s get four times
    /// as many waits).
    #[arg(long, default_value_t = 5)]
    max_retries: u32,
    /// Calls a second, token requests included (the API allows 10).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=10))]
    calls_per_second: u32,
    /// First wait before a retry, in milliseconds; doubled each time, with jitter.
    #[arg(long, default_value_t = 500)]
    backoff_ms: u64,
}

fn parse_day(text: &str) -> Result<Date, String> {
    passerelle_engine::check_date("date", text).map_err(|_| {
        format!("date invalide « {text} » : attendu AAAA-MM-JJ, par exemple 2026-11-03")
    })?;
    text.parse::<Date>()
        .map_err(|_| format!("date invalide « {text} » : ce jour n'existe pas"))
}

pub(crate) fn parse_departement(text: &str) -> Result<String, String> {
    let code = text.trim().to_ascii_uppercase();
    if DEPARTEMENTS.contains(&code.as_str()) {
        Ok(code)
    } else {
        Err(format!(
            "département inconnu « {text} » : attendu un code tel que 01, 2A, 75 ou 971"
        ))
    }
}

fn start_of_day(day: Date) -> Result<Timestamp> {
    Ok(day.to_zoned(TimeZone::UTC)?.timestamp())
}

fn end_of_day(day: Date) -> Result<Timestamp> {
    Ok(start_of_day(day.tomorrow()?)? - SignedDuration::from_secs(1))
}

pub fn run(source: IngestSource) -> Result<()> {
    match source {
        IngestSource::FranceTravail(args) => france_travail(args),
    }
}

fn france_travail(args: FranceTravailArgs) -> Result<()> {
    let credentials = Credentials::from_env()?;
    let now = Timestamp::from_second(Timestamp::now().as_second())?;
    let source = Source {
        client: ClientConfig {
            api_url: args.api_url.clone(),
            token_url: args.token_url.clone(),
            max_retries: args.max_retries,
            calls_per_second: args.calls_per_second,
            backoff: Duration::from_millis(args.backoff_ms),
        },
        departement: args.departement.clone(),
        days: args.days,
        overlap_minutes: args.overlap_minutes,
    };
    let since = args.since.map(start_of_day).transpose()?;
    let until = args.until.map(end_of_day).transpose()?;
    let plan = france_travail::plan(&args.out, &source, since, until, now)?;
    let (from, until) = match plan {
        Plan::UpToDate(until) => {
            if args.since.is_some() && args.until.is_some() {
                bail!("--since est postérieur à --until");
            }
            eprintln!(
                "rien à collecter : les offres créées jusqu'au {} sont déjà dans {}",
                api_date(until),
                args.out.display()
            );
            return Ok(());
        }
        Plan::Harvest { from, until, .. } => (from, until),
    };
    let before = OfferStore::open(&args.out)
        .with_context(|| format!("impossible d'ouvrir le dossier {}", args.out.display()))?
        .len();
    eprintln!(
        "collecte France Travail des offres créées du {} au {}{} dans {} ({before} offres déjà présentes)",
        api_date(from),
        api_date(until),
        args.departement
            .as_deref()
            .map(|d| format!(" (département {d})"))
            .unwrap_or_default(),
        args.out.display()
    );

    let started = Instant::now();
    let bar = indicatif::ProgressBar::new(1000);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{msg} {bar:40} {percent}% de la période ({elapsed})",
        )
        .expect("valid template"),
    );
    bar.set_message(format!("{before} offres"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let outcome = runtime.block_on(france_travail::collect(
        &args.out,
        &source,
        credentials,
        plan,
        |progress| {
            let done = progress.done_seconds * 1000 / progress.total_seconds.max(1);
            bar.set_position(done.clamp(0, 1000) as u64);
            bar.set_message(format!("{} offres", progress.stored));
        },
    ));
    bar.finish_and_clear();
    let (collected, error) = match outcome {
        Ok(collected) => (collected, None),
        Err((error, collected)) => (collected, Some(error)),
    };
    let elapsed = started.elapsed().as_secs_f64();
    let calls = &collected.calls;
    let stats = &collected.harvest;
    let offers = &stats.offers;
    eprintln!(
        "appels : {} (dont {} pour les jetons), pages : {}, reprises : {} (dont {} après un 429)",
        calls.calls, calls.token_calls, calls.pages, calls.retries, calls.rate_limited
    );
    eprintln!(
        "fenêtres : {} interrogées, {} coupées en deux, {} découpées par département, {} relues",
        stats.windows, stats.windows_split, stats.departement_splits, stats.restarts
    );
    eprintln!(
        "offres : {} nouvelles, {} mises à jour, {} inchangées, {} rejetées",
        offers.new,
        offers.updated,
        offers.unchanged,
        offers.rejected.len()
    );
    if stats.unreachable > 0 {
        eprintln!(
            "attention : {} offres comptées par l'API sont hors de portée de la pagination (plus de 3 150 dans une même seconde)",
            stats.unreachable
        );
    }
    eprintln!(
        "dossier : {} offres dans {} ; durée {elapsed:.1} s, {:.0} offres reçues/s, {:.1} appels/s",
        collected.stored,
        args.out.display(),
        (offers.new + offers.updated + offers.unchanged) as f64 / elapsed.max(1e-3),
        calls.calls as f64 / elapsed.max(1e-3)
    );
    match error {
        Some(error) => Err(error),
        None => Ok(()),
    }
}
