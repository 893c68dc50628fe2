//! What the HTTP handlers read: the current [`Snapshot`] (engine, geography, needs
//! model, ranker and posting index), swapped atomically on refresh so that every
//! request sees exactly one model version.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use arc_swap::ArcSwap;
use passerelle_engine::{
    DocumentIndex, Engine, Geography, IndexDocument, JobPosting, NeedsModel, NeedsParams,
    RankParams, Ranker, Training,
};
use tokio::sync::Mutex;

use super::metrics::Metrics;

/// One consistent state of the served data.
#[derive(Debug)]
pub struct Snapshot {
    /// Increases by one at each refresh of a running server.
    pub version: u64,
    pub ranker: Ranker,
    pub index: Arc<DocumentIndex>,
}

impl Snapshot {
    /// Builds a snapshot from postings and trainings: needs model, index, ranker.
    pub fn build(
        engine: &Engine,
        geography: Arc<Geography>,
        postings: &[JobPosting],
        trainings: Vec<Training>,
        previous: Option<&NeedsModel>,
        built_at: &str,
        version: u64,
    ) -> passerelle_engine::Result<Snapshot> {
        let build = engine.build_needs(
            &geography,
            postings,
            &trainings,
            &NeedsParams::default(),
            previous,
            built_at,
        )?;
        let mut index = DocumentIndex::in_memory()?;
        index.upsert(&IndexDocument::of_build(
            postings,
            &build.postings,
            &trainings,
            &geography,
        ))?;
        Ok(Snapshot::assemble(
            engine,
            geography,
            build.model,
            index,
            trainings,
            version,
        ))
    }

    /// A snapshot from a model and an index already built.
    pub fn assemble(
        engine: &Engine,
        geography: Arc<Geography>,
        model: NeedsModel,
        index: DocumentIndex,
        trainings: Vec<Training>,
        version: u64,
    ) -> Snapshot {
        let index = Arc::new(index);
        let ranker = Ranker::new(
            engine.clone(),
            geography,
            Arc::new(model),
            trainings,
            RankParams::default(),
        )
        .with_index(index.clone());
        Snapshot {
            version,
            ranker,
            index,
        }
    }

    /// The version label of the served model: `<built_at>#<version>`.
    pub fn model_version(&self) -> String {
        format!("{}#{}", self.ranker.model().built_at, self.version)
    }
}

/// Server settings fixed at start.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Bearer token of `/admin/refresh`; the endpoint is disabled without one.
    pub admin_token: Option<String>,
    /// Build folder a refreshed model is saved into, when serving one.
    pub data_dir: Option<PathBuf>,
    /// GeoJSON outlines of régions and départements (`--geojson`).
    pub outlines: Outlines,
    /// The date rankings are computed at; `None` uses today's date.
    pub today: Option<String>,
}

/// Map outlines given at start, by level.
#[derive(Debug, Clone, Default)]
pub struct Outlines {
    pub region: Option<Arc<serde_json::Value>>,
    pub departement: Option<Arc<serde_json::Value>>,
}

/// Shared by every handler.
#[derive(Debug, Clone)]
pub struct AppState {
    pub snapshot: Arc<ArcSwap<Snapshot>>,
    pub settings: Arc<Settings>,
    pub metrics: Arc<Metrics>,
    /// One refresh at a time.
    pub refreshing: Arc<Mutex<()>>,
    versions: Arc<AtomicU64>,
    pub started: std::time::Instant,
}

impl AppState {
    pub fn new(snapshot: Snapshot, settings: Settings) -> AppState {
        let version = snapshot.version;
        AppState {
            snapshot: Arc::new(ArcSwap::from_pointee(snapshot)),
            settings: Arc::new(settings),
            metrics: Arc::new(Metrics::new()),
            refreshing: Arc::new(Mutex::new(())),
            versions: Arc::new(AtomicU64::new(version)),
            started: std::time::Instant::now(),
        }
    }

    /// The snapshot a request works on from start to end.
    pub fn current(&self) -> Arc<Snapshot> {
        self.snapshot.load_full()
    }

    /// The next snapshot version.
    pub fn next_version(&self) -> u64 {
        self.versions.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Today's date for rankings (`YYYY-MM-DD`).
    pub fn today(&self) -> String {
        self.settings.today.clone().unwrap_or_else(today_utc)
    }
}

/// Today's UTC date from the system clock (`YYYY-MM-DD`).
pub fn today_utc() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%d").to_string()
}

/// The current UTC time to the second (`2026-11-29T11:00:00Z`).
pub fn now_utc() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}
