//! `passerelle serve`: loads a build (or builds the embedded demo corpus) and serves the
//! HTTP API and web application until SIGINT or SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_engine::{DocumentIndex, Training, demo_catalogue, load_model, parse_postings};
use passerelle_server::api::{self, AppState, Outlines, Settings, Snapshot};
use tracing::info;

use crate::ReferentialArgs;

/// The demo offers the default server builds its needs model from.
const DEMO_OFFERS: &str = include_str!("../../../corpora/postings/demo_offers.jsonl");

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    referential: ReferentialArgs,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "PASSERELLE_ADDR")]
    addr: SocketAddr,
    /// Build folder made by `passerelle build` (default: build the embedded demo corpus).
    #[arg(long, env = "PASSERELLE_DATA")]
    data: Option<PathBuf>,
    /// Training files or folders: LHEO 2.2/2.3 XML for `.xml` files, Passerelle JSON
    /// lines otherwise; a folder gives every `.xml`, `.jsonl` and `.json` file in it.
    /// Default: the embedded demo catalogue.
    #[arg(long, num_args = 1..)]
    trainings: Vec<PathBuf>,
    /// Folder of French geography tables (geo_fr formats); default: built-in tables.
    #[arg(long, env = "PASSERELLE_GEO")]
    geo: Option<PathBuf>,
    /// Folder with `regions*.geojson` and `departements*.geojson` outlines for the map.
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
    let engine = super::open_engine(&args.referential)?;
    let geography = Arc::new(super::build::geography(args.geo.as_deref())?);
    let trainings = read_trainings(&args.trainings)?;
    let snapshot = match &args.data {
        Some(folder) => {
            let model = load_model(folder)
                .with_context(|| format!("cannot load the model of {}", folder.display()))?;
            let index = DocumentIndex::open_or_create(&folder.join("index"))
                .with_context(|| format!("cannot open the index of {}", folder.display()))?;
            Snapshot::assemble(&engine, geography, model, index, trainings, 1)
        }
        None => {
            let batch =
                parse_postings("corpora/postings/demo_offers.jsonl", DEMO_OFFERS.as_bytes());
            let postings: Vec<_> = batch.records.into_iter().map(|(_, p)| p).collect();
            info!(target: "serve", postings = postings.len(), "building the demo corpus");
            Snapshot::build(
                &engine,
                geography,
                &postings,
                trainings,
                None,
                "2026-11-29T00:00:00Z",
                1,
            )?
        }
    };
    let settings = Settings {
        admin_token: args.admin_token.filter(|t| !t.is_empty()),
        data_dir: args.data.clone(),
        outlines: read_outlines(args.geojson.as_deref())?,
        today: args.today,
    };
    let state = AppState::new(snapshot, settings);
    let app = api::router(state);
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let address = listener.local_addr()?;
    info!(target: "serve", %address, "listening");
    eprintln!("passerelle: listening on http://{address}");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    info!(target: "serve", "stopped");
    Ok(())
}

fn read_trainings(paths: &[PathBuf]) -> Result<Vec<Training>> {
    if paths.is_empty() {
        return Ok(demo_catalogue()
            .records
            .into_iter()
            .map(|(_, t)| t)
            .collect());
    }
    let mut trainings = Vec::new();
    for path in paths {
        let batches = passerelle_engine::read_trainings(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        for batch in batches {
            eprintln!("{}", batch.report.summary());
            for rejection in batch.report.rejected.iter().take(20) {
                eprintln!("  line {}: {}", rejection.line, rejection.reason);
            }
            trainings.extend(batch.records.into_iter().map(|(_, t)| t));
        }
    }
    Ok(trainings)
}

/// Outlines from a folder of geo_fr-style GeoJSON files (overseas versions preferred).
fn read_outlines(folder: Option<&std::path::Path>) -> Result<Outlines> {
    let Some(folder) = folder else {
        return Ok(Outlines::default());
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
