//! `passerelle serve`: loads the served version of a build folder (or builds the
//! embedded demo corpus), serves the HTTP API and web application until SIGINT or
//! SIGTERM, and refreshes the folder on a schedule when asked to.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_server::api::refresh::LiveSource;
use passerelle_server::api::state::RefreshSettings;
use passerelle_server::api::{self, AppState, Outlines, Settings};
use passerelle_server::france_travail;
use tracing::info;

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    snapshot: super::snapshot::SnapshotArgs,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "PASSERELLE_ADDR")]
    addr: SocketAddr,
    /// Refresh the build folder this often (`90s`, `30m`, `24h`, `7d`): collect France
    /// Travail's new offers into its store when FRANCE_TRAVAIL_CLIENT_ID and
    /// FRANCE_TRAVAIL_CLIENT_SECRET are set, re-read the `--offers` sources, rebuild off
    /// the request path, and swap.
    #[arg(long, value_parser = parse_duration, requires = "data")]
    refresh_every: Option<std::time::Duration>,
    /// Offer files or folders (JSON lines, API pages; an `ingest` output folder) that
    /// each refresh adds to the build folder's store.
    #[arg(long, num_args = 1..)]
    offers: Vec<PathBuf>,
    #[command(flatten)]
    store: crate::StoreArgs,
    /// Do not collect from France Travail at each refresh, even with credentials set.
    #[arg(long)]
    no_france_travail: bool,
    /// Base URL of France Travail's API for the refresh's collection.
    #[arg(long, default_value = france_travail::API_URL)]
    france_travail_api_url: String,
    /// OAuth2 token endpoint for the refresh's collection.
    #[arg(long, default_value = france_travail::TOKEN_URL)]
    france_travail_token_url: String,
    /// Collect one département only (code such as 75, 2A or 971).
    #[arg(long, value_parser = super::ingest::parse_departement)]
    france_travail_departement: Option<String>,
    /// Days collected by the first refresh, when the store has no collection state.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u16).range(1..=366))]
    france_travail_days: u16,
    /// Folder with `regions*.geojson` and `departements*.geojson` outlines for the map,
    /// instead of the shipped ones (IGN Admin Express, simplified).
    #[arg(long, env = "PASSERELLE_GEOJSON")]
    geojson: Option<PathBuf>,
    /// Bearer token enabling `POST /api/v1/admin/refresh`.
    #[arg(long, env = "PASSERELLE_ADMIN_TOKEN", hide_env_values = true)]
    admin_token: Option<String>,
    /// Compute rankings as of this date (YYYY-MM-DD) instead of today.
    #[arg(long)]
    today: Option<String>,
}

pub fn run(args: ServeArgs) -> Result<()> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(serve(args))
}

async fn serve(args: ServeArgs) -> Result<()> {
    let super::snapshot::Loaded {
        snapshot,
        engine,
        folder,
    } = super::snapshot::load(&args.snapshot)?;
    let live = live_source(&args)?;
    let settings = Settings {
        admin_token: args.admin_token.filter(|t| !t.is_empty()),
        folder,
        refresh: RefreshSettings {
            offers: args.offers.clone(),
            trainings: args.snapshot.trainings.clone(),
            window_days: args.store.window_days,
            keep: usize::from(args.store.keep),
            learn: !args.store.no_learn,
            live,
        },
        outlines: read_outlines(args.geojson.as_deref())?,
        today: args.today,
    };
    let state = AppState::new(snapshot, settings).with_engine(engine);
    if let Some(every) = args.refresh_every {
        api::refresh::schedule(state.clone(), every);
        info!(target: "serve", seconds = every.as_secs(), "scheduled refresh");
    }
    let app = api::router(state);
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let address = listener.local_addr()?;
    info!(target: "serve", %address, "listening");
    eprintln!("passerelle: listening on http://{address}");
    api::listen::serve(listener, app, shutdown()).await?;
    info!(target: "serve", "stopped");
    Ok(())
}

/// France Travail as the refreshes' live source: with a schedule and both credentials
/// in the environment, unless `--no-france-travail`.
fn live_source(args: &ServeArgs) -> Result<Option<LiveSource>> {
    let given = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let any = given("FRANCE_TRAVAIL_CLIENT_ID") || given("FRANCE_TRAVAIL_CLIENT_SECRET");
    if args.refresh_every.is_none() || args.no_france_travail || !any {
        return Ok(None);
    }
    let credentials = france_travail::Credentials::from_env()?;
    info!(target: "serve", "each refresh collects France Travail offers first");
    Ok(Some(LiveSource {
        source: france_travail::Source {
            client: france_travail::ClientConfig {
                api_url: args.france_travail_api_url.clone(),
                token_url: args.france_travail_token_url.clone(),
                max_retries: 5,
                calls_per_second: 10,
                backoff: std::time::Duration::from_millis(500),
            },
            departement: args.france_travail_departement.clone(),
            days: args.france_travail_days,
            overlap_minutes: 60,
        },
        credentials,
    }))
}

/// Outlines from a folder of geo_fr-style GeoJSON files (overseas versions preferred).
fn read_outlines(folder: Option<&std::path::Path>) -> Result<Outlines> {
    let Some(folder) = folder else {
        return Ok(Outlines::shipped());
    };
    let read = |names: &[&str]| -> Result<Option<Arc<serde_json::Value>>> {
        for name in names {
            let path = folder.join(name);
            if path.is_file() {
                let bytes = std::fs::read(&path)?;
                let value: serde_json::Value = serde_json::from_slice(&bytes)
                    .with_context(|| format!("{} is not GeoJSON", path.display()))?;
                return Ok(Some(Arc::new(value)));
            }
        }
        Ok(None)
    };
    let outlines = Outlines {
        region: read(&[
            "regions-avec-outre-mer.geojson",
            "regions-version-simplifiee.geojson",
            "regions.geojson",
        ])?,
        departement: read(&[
            "departements-avec-outre-mer.geojson",
            "departements-version-simplifiee.geojson",
            "departements.geojson",
        ])?,
    };
    anyhow::ensure!(
        outlines.region.is_some() && outlines.departement.is_some(),
        "{} lacks regions*.geojson or departements*.geojson",
        folder.display()
    );
    Ok(outlines)
}

/// A duration such as `90s`, `30m`, `24h` or `7d` (at least one second).
fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .ok_or_else(|| format!("{text:?}: add a unit (s, m, h or d), e.g. 24h"))?;
    let (number, unit) = text.split_at(split);
    let number: u64 = number
        .parse()
        .map_err(|_| format!("{text:?}: expected a number followed by s, m, h or d"))?;
    let seconds = match unit {
        "s" => Some(number),
        "m" => number.checked_mul(60),
        "h" => number.checked_mul(3600),
        "d" => number.checked_mul(86_400),
        _ => return Err(format!("{text:?}: unknown unit {unit:?} (s, m, h or d)")),
    }
    .filter(|&s| s > 0)
    .ok_or_else(|| format!("{text:?}: expected a duration of at least one second"))?;
    Ok(std::time::Duration::from_secs(seconds))
}

/// Resolves on SIGINT or SIGTERM.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    info!(target: "serve", "shutting down");
}
