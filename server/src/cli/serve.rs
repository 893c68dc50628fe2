//! `passerelle serve`: loads a build (or builds the embedded demo corpus) and serves the
//! HTTP API and web application until SIGINT or SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Args;
use passerelle_server::api::{self, AppState, Outlines, Settings};
use tracing::info;

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    snapshot: super::snapshot::SnapshotArgs,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "PASSERELLE_ADDR")]
    addr: SocketAddr,
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
    let snapshot = super::snapshot::load(&args.snapshot)?;
    let settings = Settings {
        admin_token: args.admin_token.filter(|t| !t.is_empty()),
        data_dir: args.snapshot.data.clone(),
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
