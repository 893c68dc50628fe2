//! What the HTTP handlers read: the current [`Snapshot`] (engine, geography, needs
//! model, ranker, posting index and indicator history), swapped atomically on refresh
//! so that every request sees exactly one model version.

use std::path::PathBuf;
use std::sync::Arc;

use arc_swap::ArcSwap;
use passerelle_engine::{
    BuildFolder, DocumentIndex, Engine, Geography, History, HistoryEntry, IndexDocument,
    JobPosting, LoadedVersion, NeedsModel, NeedsParams, Ranker, Training, ValidRankParams,
    VersionReport,
};
use tokio::sync::Mutex;

use super::metrics::Metrics;

/// One consistent state of the served data.
#[derive(Debug)]
pub struct Snapshot {
    /// The build folder's version number (0 for a folder of the first layout); in
    /// memory, increases by one at each refresh of the running server.
    pub version: u64,
    pub ranker: Ranker,
    pub index: Arc<DocumentIndex>,
    /// Indicators of every published version, oldest first.
    pub history: Arc<History>,
    /// What the served version was built from, when it comes from a build folder.
    pub report: Option<VersionReport>,
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
        index.upsert_all(IndexDocument::stream_build(
            postings,
            &build.postings,
            &trainings,
            &geography,
        ))?;
        let history = History::new(vec![HistoryEntry::of_model(&build.model, version)]);
        let mut snapshot =
            Snapshot::assemble(engine, geography, build.model, index, trainings, version);
        snapshot.history = Arc::new(history);
        Ok(snapshot)
    }

    /// The snapshot of a version loaded from a build folder: its model, its index and
    /// what it learned (given to `engine`, the engine without learned models), with the
    /// folder's history.
    pub fn of_version(
        engine: &Engine,
        geography: Arc<Geography>,
        loaded: LoadedVersion,
        trainings: Vec<Training>,
        history: History,
    ) -> Snapshot {
        let engine = engine.with_learned(loaded.learned);
        let mut snapshot = Snapshot::assemble(
            &engine,
            geography,
            loaded.model,
            loaded.index,
            trainings,
            loaded.version,
        );
        snapshot.history = Arc::new(history);
        snapshot.report = loaded.report;
        snapshot
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
            engine.extractor().clone(),
            geography,
            Arc::new(model),
            trainings,
            ValidRankParams::default(),
        )
        .with_index(index.clone());
        Snapshot {
            version,
            ranker,
            index,
            history: Arc::new(History::default()),
            report: None,
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
    /// The build folder served, whose versions refreshes publish.
    pub folder: Option<BuildFolder>,
    /// What a refresh reads and how it builds.
    pub refresh: RefreshSettings,
    /// GeoJSON outlines of régions and départements (`--geojson`).
    pub outlines: Outlines,
    /// The date rankings are computed at; `None` uses today's date.
    pub today: Option<String>,
}

/// Sources and rules of a refresh (scheduled or posted).
#[derive(Debug, Clone)]
pub struct RefreshSettings {
    /// Offer files or folders re-read at each refresh (`--offers`).
    pub offers: Vec<PathBuf>,
    /// Training catalogues or folders re-read at each refresh (`--trainings`); empty:
    /// the trainings served now.
    pub trainings: Vec<PathBuf>,
    /// Offers created more than this many days before a refresh leave the corpus.
    pub window_days: u32,
    /// Versions kept in the build folder.
    pub keep: usize,
    /// Learn from the labelled offers of the corpus at each version.
    pub learn: bool,
    /// France Travail, collected into the build folder's store before each refresh
    /// (when the server has credentials).
    pub live: Option<super::refresh::LiveSource>,
}

impl Default for RefreshSettings {
    fn default() -> RefreshSettings {
        RefreshSettings {
            offers: Vec::new(),
            trainings: Vec::new(),
            window_days: 365,
            keep: 3,
            learn: true,
            live: None,
        }
    }
}

/// Map outlines by level: those shipped with the server (IGN Admin Express, simplified,
/// overseas included) unless others were given at start.
#[derive(Debug, Clone)]
pub struct Outlines {
    pub region: Option<Arc<serde_json::Value>>,
    pub departement: Option<Arc<serde_json::Value>>,
}

impl Outlines {
    /// No outlines: the map is the tile grid.
    pub fn none() -> Outlines {
        Outlines {
            region: None,
            departement: None,
        }
    }

    /// The outlines shipped in `models/outlines/` (see `simplify_outlines`).
    pub fn shipped() -> Outlines {
        let parse = |bytes: &str| serde_json::from_str(bytes).ok().map(Arc::new);
        Outlines {
            region: parse(include_str!("../../../models/outlines/regions.geojson")),
            departement: parse(include_str!(
                "../../../models/outlines/departements.geojson"
            )),
        }
    }
}

impl Default for Outlines {
    fn default() -> Outlines {
        Outlines::shipped()
    }
}

/// Shared by every handler.
#[derive(Debug, Clone)]
pub struct AppState {
    pub snapshot: Arc<ArcSwap<Snapshot>>,
    pub settings: Arc<Settings>,
    pub metrics: Arc<Metrics>,
    /// One refresh at a time.
    pub refreshing: Arc<Mutex<()>>,
    /// How the last refresh went, for `/healthz` and `/metrics`.
    pub last_refresh: Arc<std::sync::Mutex<Option<RefreshStatus>>>,
    /// The engine without learned models: each version learns afresh.
    pub engine: Engine,
    pub started: std::time::Instant,
}

/// The outcome of the last refresh.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct RefreshStatus {
    /// `scheduled` or `admin`.
    pub trigger: String,
    /// When it started (UTC).
    pub started_at: String,
    pub duration_seconds: f64,
    /// True when a new version is served.
    pub ok: bool,
    /// The version served afterwards.
    pub version: u64,
    /// Why it failed (in French), when it did.
    pub error: Option<String>,
    /// What was collected from France Travail first, when the server collects.
    pub collected: Option<super::refresh::Collection>,
}

impl AppState {
    /// The state serving `snapshot`, whose engine refreshes build with (see
    /// [`AppState::with_engine`] when the snapshot's engine learned from its version).
    pub fn new(snapshot: Snapshot, settings: Settings) -> AppState {
        let engine = Engine::from_extractor(snapshot.ranker.extractor().clone());
        AppState {
            snapshot: Arc::new(ArcSwap::from_pointee(snapshot)),
            settings: Arc::new(settings),
            metrics: Arc::new(Metrics::new()),
            refreshing: Arc::new(Mutex::new(())),
            last_refresh: Arc::new(std::sync::Mutex::new(None)),
            engine,
            started: std::time::Instant::now(),
        }
    }

    /// The snapshot a request works on from start to end.
    pub fn current(&self) -> Arc<Snapshot> {
        self.snapshot.load_full()
    }

    /// Refreshes build with `engine` (the engine without learned models).
    pub fn with_engine(mut self, engine: Engine) -> AppState {
        self.engine = engine;
        self
    }

    /// What the last refresh did, if one ran.
    pub fn last_refresh(&self) -> Option<RefreshStatus> {
        self.last_refresh.lock().map(|s| s.clone()).unwrap_or(None)
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
