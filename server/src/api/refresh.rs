//! Refreshing what is served: the scheduled refresh (`serve --refresh-every`) and
//! `POST /admin/refresh` both go through [`refresh`], which adds the new offers to the
//! build folder's store (first collecting France Travail's new offers into it when the
//! server has credentials), drops those older than the window, has the engine build
//! and publish a new version, and swaps it in. A failed refresh keeps the served
//! version and records why.

use std::sync::Arc;
use std::time::{Duration, Instant};

use passerelle_engine::{
    BatchReport, History, HistoryEntry, JobPosting, NeedsParams, RefreshReport, Training,
    VersionInput, read_offer_records, read_trainings, update_corpus,
};
use serde::Serialize;
use tracing::{info, warn};

use super::error::ApiError;
use super::state::{AppState, RefreshStatus, Snapshot, now_utc};

/// What started a refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Scheduled,
    Admin,
}

impl Trigger {
    fn as_str(self) -> &'static str {
        match self {
            Trigger::Scheduled => "scheduled",
            Trigger::Admin => "admin",
        }
    }
}

/// New offers handed to a refresh: the batch's raw records and its report.
#[derive(Debug, Default)]
pub struct Incoming {
    pub records: Vec<serde_json::Value>,
    pub report: Option<BatchReport>,
}

/// France Travail as the live source of a served build folder's offers.
#[derive(Debug, Clone)]
pub struct LiveSource {
    pub source: crate::france_travail::Source,
    pub credentials: crate::france_travail::Credentials,
}

/// What a refresh collected from France Travail before building.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Collection {
    /// API calls made, token requests included.
    pub calls: u64,
    /// Offers new to the store, updated, unchanged, rejected.
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub rejected: usize,
    /// Offers in the store afterwards.
    pub stored: usize,
}

impl Collection {
    fn of(collected: &crate::france_travail::Collected) -> Collection {
        let offers = collected.offers();
        Collection {
            calls: collected.calls.calls,
            new: offers.new as usize,
            updated: offers.updated as usize,
            unchanged: offers.unchanged as usize,
            rejected: offers.rejected.len(),
            stored: collected.stored,
        }
    }
}

/// What a refresh did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RefreshOutcome {
    /// The version now served.
    pub version: u64,
    pub model_version: String,
    /// The posted batch: read, accepted, rejected with reasons.
    #[schema(value_type = Option<Object>)]
    pub report: Option<BatchReport>,
    /// Offers of the corpus the version was built from.
    pub offers: usize,
    /// Offers of the batch new to the corpus, updated, unchanged.
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Offers dropped as older than the window.
    pub dropped_as_old: usize,
    pub clusters: usize,
    /// How the needs changed against the previous version.
    #[schema(value_type = Option<Object>)]
    pub refresh: Option<RefreshReport>,
    /// Labelled offers the version learned from (0: none).
    pub learned_from: usize,
    /// What was collected from France Travail first, when the server has credentials.
    pub collected: Option<Collection>,
}

/// Runs one refresh off the async workers and swaps the result in; records the
/// outcome. `Err` leaves the served version as it was.
pub async fn refresh(
    state: &AppState,
    trigger: Trigger,
    incoming: Incoming,
) -> Result<RefreshOutcome, ApiError> {
    let started_at = now_utc();
    let clock = Instant::now();
    let result = match collect(state).await {
        Ok(collected) => {
            let worker = state.clone();
            super::blocking(move || build(&worker, incoming).map_err(failed))
                .await
                .map(|(snapshot, mut outcome)| {
                    outcome.collected = collected;
                    (snapshot, outcome)
                })
        }
        Err(error) => Err(error),
    };
    let (version, error, collected) = match &result {
        Ok((snapshot, outcome)) => (snapshot.version, None, outcome.collected.clone()),
        Err(error) => (state.current().version, Some(error.message.clone()), None),
    };
    let status = RefreshStatus {
        trigger: trigger.as_str().to_string(),
        started_at,
        duration_seconds: clock.elapsed().as_secs_f64(),
        ok: result.is_ok(),
        version,
        error,
        collected,
    };
    state.metrics.record_refresh(&status);
    if let Ok(mut last) = state.last_refresh.lock() {
        *last = Some(status);
    }
    let (snapshot, outcome) = result?;
    state.snapshot.store(Arc::new(snapshot));
    info!(target: "refresh", version = outcome.version, offers = outcome.offers, new = outcome.new, "version served");
    Ok(outcome)
}

/// Collects France Travail's new offers into the build folder's store, when the server
/// has a live source; resumes where the last collection stopped.
async fn collect(state: &AppState) -> Result<Option<Collection>, ApiError> {
    let (Some(live), Some(folder)) = (&state.settings.refresh.live, &state.settings.folder) else {
        return Ok(None);
    };
    let store = folder.offers_dir();
    let unavailable = |error: anyhow::Error| {
        tracing::error!(target: "refresh", error = format!("{error:#}"), "France Travail collection failed");
        ApiError::new(
            axum::http::StatusCode::BAD_GATEWAY,
            "collection_failed",
            format!(
                "La collecte des offres France Travail a échoué ; la version servie reste en \
                 place ({error:#})."
            ),
        )
    };
    let now = jiff::Timestamp::from_second(jiff::Timestamp::now().as_second())
        .map_err(|e| unavailable(e.into()))?;
    let plan =
        crate::france_travail::plan(&store, &live.source, None, None, now).map_err(unavailable)?;
    let collected = crate::france_travail::collect(
        &store,
        &live.source,
        live.credentials.clone(),
        plan,
        |_| {},
    )
    .await
    .map_err(|(error, _)| unavailable(error))?;
    info!(target: "refresh", calls = collected.calls.calls, new = collected.offers().new, stored = collected.stored, "France Travail offers collected");
    Ok(Some(Collection::of(&collected)))
}

/// An engine failure during a refresh, said in French with its technical detail (the
/// file or record at fault), since the operator needs both; bad input keeps its 422.
fn failed(error: BuildError) -> ApiError {
    match error {
        BuildError::Api(error) => error,
        BuildError::Engine(error @ passerelle_engine::Error::InvalidInput { .. }) => error.into(),
        BuildError::Engine(error) => {
            tracing::error!(target: "refresh", %error, "refresh failed");
            ApiError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "refresh_failed",
                format!(
                    "Le rafraîchissement a échoué ; la version servie reste en place ({error})."
                ),
            )
        }
    }
}

/// Why a refresh build stopped.
#[derive(Debug)]
enum BuildError {
    Api(ApiError),
    Engine(passerelle_engine::Error),
}

impl From<ApiError> for BuildError {
    fn from(error: ApiError) -> BuildError {
        BuildError::Api(error)
    }
}

impl From<passerelle_engine::Error> for BuildError {
    fn from(error: passerelle_engine::Error) -> BuildError {
        BuildError::Engine(error)
    }
}

/// Refreshes every `every` until the process ends; the first run waits one period.
pub fn schedule(state: AppState, every: Duration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let Ok(_guard) = state.refreshing.try_lock() else {
                warn!(target: "refresh", "scheduled refresh skipped: another one is running");
                continue;
            };
            if let Err(error) = refresh(&state, Trigger::Scheduled, Incoming::default()).await {
                warn!(target: "refresh", code = error.code, "scheduled refresh failed; the served version stays");
            }
        }
    });
}

fn build(state: &AppState, incoming: Incoming) -> Result<(Snapshot, RefreshOutcome), BuildError> {
    let current = state.current();
    let settings = &state.settings;
    let Some(folder) = &settings.folder else {
        return Ok(build_in_memory(state, &current, incoming)?);
    };
    let mut records = incoming.records;
    for source in &settings.refresh.offers {
        records.extend(read_raw_records(source)?);
    }
    let update = update_corpus(folder, records, settings.refresh.window_days)?;
    let postings = update.postings;
    let dropped_as_old = update.dropped_as_old;
    let trainings = refresh_trainings(state, &current)?;
    let ranker = &current.ranker;
    let geography = Arc::new(ranker.geography().clone());
    let built_at = now_utc();
    let loaded = state.engine.build_version(
        folder,
        VersionInput {
            geography: &geography,
            postings: &postings,
            trainings: &trainings,
            params: &NeedsParams::default(),
            built_at: &built_at,
            learn: settings.refresh.learn,
            keep: settings.refresh.keep,
            dropped_as_old,
            previous: Some(ranker.model()),
        },
    )?;
    let history = folder.history()?;
    let learned_from = loaded
        .report
        .as_ref()
        .and_then(|r| r.learned.as_ref())
        .map_or(0, |l| l.titled);
    let snapshot = Snapshot::of_version(&state.engine, geography, loaded, trainings, history);
    let outcome = RefreshOutcome {
        version: snapshot.version,
        model_version: snapshot.model_version(),
        report: incoming.report,
        offers: postings.len(),
        new: update.new as usize,
        updated: update.updated as usize,
        unchanged: update.unchanged as usize,
        dropped_as_old,
        clusters: snapshot.ranker.model().clusters.len(),
        refresh: snapshot.ranker.model().refresh.clone(),
        learned_from,
        collected: None,
    };
    Ok((snapshot, outcome))
}

/// Without a build folder (the embedded demo), a refresh replaces the corpus by the
/// posted batch, in memory.
fn build_in_memory(
    state: &AppState,
    current: &Snapshot,
    incoming: Incoming,
) -> Result<(Snapshot, RefreshOutcome), ApiError> {
    let mut postings: Vec<JobPosting> = Vec::new();
    for record in incoming.records {
        let line = record.to_string();
        let batch = passerelle_engine::parse_postings("refresh", line.as_bytes());
        postings.extend(batch.records.into_iter().map(|(_, p)| p));
    }
    if postings.is_empty() {
        return Err(ApiError::invalid(
            "body",
            "Aucune offre valide dans le lot : rien à reconstruire.",
        ));
    }
    let ranker = &current.ranker;
    let trainings: Vec<Training> = ranker.trainings().cloned().collect();
    let geography = Arc::new(ranker.geography().clone());
    // Refreshes run one at a time: the next number is the served one's successor, taken
    // only by a version that is built (a failed build consumes no number).
    let version = current.version + 1;
    let mut snapshot = Snapshot::build(
        &state.engine,
        geography,
        &postings,
        trainings,
        Some(ranker.model()),
        &now_utc(),
        version,
    )?;
    let mut entries = current.history.entries().to_vec();
    entries.push(HistoryEntry::of_model(snapshot.ranker.model(), version));
    snapshot.history = Arc::new(History::new(entries));
    let outcome = RefreshOutcome {
        version,
        model_version: snapshot.model_version(),
        report: incoming.report,
        offers: postings.len(),
        new: postings.len(),
        updated: 0,
        unchanged: 0,
        dropped_as_old: 0,
        clusters: snapshot.ranker.model().clusters.len(),
        refresh: snapshot.ranker.model().refresh.clone(),
        learned_from: 0,
        collected: None,
    };
    Ok((snapshot, outcome))
}

/// The trainings of a refresh: the `--trainings` sources re-read, else those served.
fn refresh_trainings(state: &AppState, current: &Snapshot) -> Result<Vec<Training>, BuildError> {
    let sources = &state.settings.refresh.trainings;
    if sources.is_empty() {
        return Ok(current.ranker.trainings().cloned().collect());
    }
    let mut trainings = Vec::new();
    for source in sources {
        for batch in read_trainings(source)? {
            if !batch.report.rejected.is_empty() {
                warn!(target: "refresh", source = %batch.report.source, rejected = batch.report.rejected.len(), "trainings rejected");
            }
            trainings.extend(batch.records.into_iter().map(|(_, t)| t));
        }
    }
    Ok(trainings)
}

/// The raw records of an offer file or folder, for the store.
fn read_raw_records(source: &std::path::Path) -> Result<Vec<serde_json::Value>, BuildError> {
    let batch = read_offer_records(source)?;
    if !batch.report.rejected.is_empty() {
        warn!(target: "refresh", source = %batch.report.source, rejected = batch.report.rejected.len(), "offer records rejected");
    }
    Ok(batch
        .records
        .into_iter()
        .map(|(_, record)| record)
        .collect())
}
