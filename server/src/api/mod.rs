//! The HTTP API: [`router`] builds the whole application (API under `/api/v1`, health,
//! metrics, OpenAPI and Swagger UI, the web application) over an [`AppState`].
//!
//! Handlers only extract input, call the engine (CPU-heavy calls on the blocking pool)
//! and return JSON; errors are mapped in `error`. Request bodies are limited in size and
//! in reading time (`body`), request heads in size and time (`listen`), requests in time
//! and in number at once: uploads (the POST routes) and the API's GET routes have a limit
//! each, so that slow uploads never hold back the GET routes; health, metrics, the OpenAPI
//! document and the web application are outside both.

mod admin;
mod advisers;
mod answers;
pub mod body;
pub mod error;
mod history;
pub mod listen;
mod metrics;
mod observatory;
mod providers;
pub mod refresh;
mod schemas;
pub mod state;
mod web;

use std::time::Duration;

use cpu_time::ThreadTime;

use axum::Router;
use axum::error_handling::HandleErrorLayer;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use tower::ServiceBuilder;
use utoipa::OpenApi;

pub use advisers::Versioned;
pub use error::{ApiError, ErrorBody};
pub use state::{AppState, Outlines, Settings, Snapshot, now_utc, today_utc};

/// Largest request body, except refresh batches.
pub const BODY_LIMIT: usize = 2 << 20;
/// Largest refresh batch.
pub const REFRESH_BODY_LIMIT: usize = 256 << 20;
/// Longest a request may take (refreshes excepted).
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);
/// API GET requests served at once; others wait.
pub const CONCURRENCY: usize = 256;
/// API uploads (POST routes, body reading included) served at once; others wait.
pub const UPLOAD_CONCURRENCY: usize = 64;

#[derive(OpenApi)]
#[openapi(
    info(title = "Passerelle", description = "Compétences, besoins territoriaux et formations GEN du numérique."),
    paths(
        advisers::extract, advisers::recommendations, advisers::trainings, advisers::training,
        advisers::search, advisers::skills, advisers::occupations, advisers::communes,
        observatory::clusters, observatory::cluster, observatory::emerging, observatory::geography,
        observatory::outlines, observatory::indicators, observatory::territory_needs,
        observatory::territory_trainings, history::history, providers::coverage,
        providers::label_readiness, admin::refresh,
        healthz,
    ),
    components(schemas(
        ErrorBody, advisers::ExtractRequest, Health, state::RefreshStatus,
        schemas::ProfileEligibility, schemas::TrainingEligibility,
        passerelle_engine::Public, passerelle_engine::Funding, passerelle_engine::Situation,
        passerelle_engine::LabelCriterion, passerelle_engine::LabelReadiness,
        passerelle_engine::PublicSeats,
    )),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI 3.1 document of the API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let timeout = || {
        ServiceBuilder::new()
            .layer(HandleErrorLayer::new(|_: tower::BoxError| async {
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "timeout",
                    "Délai de traitement dépassé ; réessayez.",
                )
            }))
            .timeout(REQUEST_TIMEOUT)
    };
    let reads = Router::new()
        .route("/trainings", get(advisers::trainings))
        .route("/trainings/{id}", get(advisers::training))
        .route(
            "/trainings/{id}/label-readiness",
            get(providers::label_readiness),
        )
        .route("/search", get(advisers::search))
        .route("/skills", get(advisers::skills))
        .route("/occupations", get(advisers::occupations))
        .route("/communes", get(advisers::communes))
        .route("/clusters", get(observatory::clusters))
        .route("/clusters/{id}", get(observatory::cluster))
        .route("/emerging", get(observatory::emerging))
        .route("/geography", get(observatory::geography))
        .route("/geography/{file}", get(observatory::outlines))
        .route("/indicators", get(observatory::indicators))
        .route("/indicators/history", get(history::history))
        .route(
            "/territories/{level}/{code}/needs",
            get(observatory::territory_needs),
        )
        .route(
            "/territories/{level}/{code}/trainings",
            get(observatory::territory_trainings),
        )
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(CONCURRENCY))
        .layer(timeout());
    let uploads = Router::new()
        .route("/extract", post(advisers::extract))
        .route("/recommendations", post(advisers::recommendations))
        .route("/coverage", post(providers::coverage))
        .layer(axum::middleware::from_fn(body::buffered))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            UPLOAD_CONCURRENCY,
        ))
        .layer(timeout());
    // The refresh checks its token and the declared length before reading the body.
    let admin = Router::new()
        .route("/admin/refresh", post(admin::refresh))
        .layer(DefaultBodyLimit::disable());
    let api = reads.merge(uploads);
    let openapi_json = serde_json::to_value(openapi()).expect("serialisable OpenAPI");
    Router::new()
        .nest(
            "/api/v1",
            api.merge(admin)
                .fallback(error::no_route)
                .method_not_allowed_fallback(error::wrong_method),
        )
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics::metrics))
        .route(
            "/openapi.json",
            get(move || {
                let document = openapi_json.clone();
                async move { axum::Json(document) }
            }),
        )
        .merge(utoipa_swagger_ui::SwaggerUi::new("/docs").url("/docs/openapi.json", openapi()))
        .route("/", get(web::index))
        .route("/assets/{*path}", get(web::asset))
        .fallback(error::no_route)
        .method_not_allowed_fallback(error::wrong_method)
        // Method and path only: bodies and queries may carry personal data.
        .layer(
            tower_http::trace::TraceLayer::new_for_http().make_span_with(
                |request: &axum::http::Request<_>| {
                    tracing::debug_span!(
                        "request",
                        method = %request.method(),
                        path = %request.uri().path()
                    )
                },
            ),
        )
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::record,
        ))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                ApiError::internal("handler panicked").into_response()
            },
        ))
        .with_state(state)
}

/// Liveness and the served model.
/// What `/healthz` says: the served version and the last refresh.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct Health {
    status: &'static str,
    /// `<built_at>#<version>`.
    model_version: String,
    /// The served version of the build folder (0: a folder of the first layout; in
    /// memory, the refresh count).
    version: u64,
    /// When the served version was built.
    built_at: String,
    /// Offers the served version was built from.
    offers: usize,
    /// Labelled offers the served version learned from (0: none).
    learned_from: usize,
    /// Versions of the indicator history.
    history_versions: usize,
    trainings: usize,
    clusters: usize,
    uptime_seconds: u64,
    /// The last refresh since start, if any ran.
    last_refresh: Option<state::RefreshStatus>,
}

#[utoipa::path(get, path = "/healthz",
    responses((status = 200, description = "Serving", body = Health)))]
async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    let snapshot = state.current();
    let model = snapshot.ranker.model();
    let report = snapshot.report.as_ref();
    Json(Health {
        status: "ok",
        model_version: snapshot.model_version(),
        version: snapshot.version,
        built_at: model.built_at.clone(),
        offers: report.map_or(model.counts.postings, |r| r.offers),
        learned_from: report
            .and_then(|r| r.learned.as_ref())
            .map_or(0, |l| l.titled),
        history_versions: snapshot.history.len(),
        trainings: snapshot.ranker.len(),
        clusters: model.clusters.len(),
        uptime_seconds: state.started.elapsed().as_secs(),
        last_refresh: state.last_refresh(),
    })
}

/// Runs CPU-heavy work on the blocking pool, at most [`heavy_slots`] at once: what a
/// request holds in memory while it is worked on is bounded by its input, and how many
/// are worked on at once by the cores, not by how many arrive.
async fn blocking<T, F>(work: F) -> Result<T, ApiError>
where
    F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    T: Send + 'static,
{
    static HEAVY: std::sync::OnceLock<std::sync::Arc<tokio::sync::Semaphore>> =
        std::sync::OnceLock::new();
    let permit = HEAVY
        .get_or_init(|| std::sync::Arc::new(tokio::sync::Semaphore::new(heavy_slots())))
        .clone()
        .acquire_owned()
        .await
        .map_err(ApiError::internal)?;
    // The permit goes with the work: a request abandoned by its client or its timeout
    // holds its slot until the work it started is done.
    tokio::task::spawn_blocking(move || {
        let answer = work();
        drop(permit);
        answer
    })
    .await
    .map_err(ApiError::internal)?
}

/// Engine calls run at once on the blocking pool: one per core, two at least (the work
/// is CPU-bound: more at once would only hold more memory).
pub fn heavy_slots() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().max(2))
}

/// Runs an engine call and serialises its result on the same thread: the async worker
/// when `inline`, else the blocking pool.
///
/// A ranking is a large tree of small allocations: serialising it where it was built
/// frees it there too, and the async worker only writes the bytes. Handlers pass
/// `inline` for calls bounded well under the 500 µs an async task may block (quickwit's
/// rule): for a ~100 µs call, the hand-off to the blocking pool and back costs a third
/// more CPU in thread wake-ups (measured with the load bench).
async fn engine_json<F>(inline: bool, work: F) -> Result<JsonBytes, ApiError>
where
    F: FnOnce(AnswerClock) -> Result<JsonBytes, ApiError> + Send + 'static,
{
    let answer = move || work(AnswerClock(ThreadTime::now()));
    if inline {
        answer()
    } else {
        blocking(answer).await
    }
}

/// The CPU clock of one answer, started before its engine call. The result is written
/// by [`AnswerClock::json`] inside the call's closure, so that it may borrow the
/// snapshot the closure holds (a ranking borrows its trainings' texts).
pub(crate) struct AnswerClock(ThreadTime);

impl AnswerClock {
    /// Writes `value`, the engine call's result, as JSON, frees it, and attaches what
    /// each part cost.
    fn json<T: serde::Serialize>(self, value: T) -> Result<JsonBytes, ApiError> {
        let computed = ThreadTime::now();
        let mut bytes = Vec::with_capacity(JSON_CAPACITY);
        crate::json::to_writer(&mut bytes, &value).map_err(ApiError::internal)?;
        let serialised = ThreadTime::now();
        // Freeing the result is part of the work, not of the serialisation.
        drop(value);
        let cost = AnswerCost {
            compute: Some(computed.duration_since(self.0) + serialised.elapsed()),
            serialise: serialised.duration_since(computed),
        };
        Ok(JsonBytes(bytes, Some(cost)))
    }
}

/// Room reserved for a serialised answer: rankings take a few dozen KiB.
const JSON_CAPACITY: usize = 16 << 10;

/// What an answer cost the thread that made it, in CPU time of that thread (a thread
/// preempted under load is not charged for the wait): the engine call (and freeing its
/// result), and writing the result as JSON. Attached to the response for
/// [`metrics::record`], which adds it to `/metrics` under the route.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnswerCost {
    /// The engine call, when it ran inside the timed answer (not when the handler made
    /// the value before it was written).
    pub compute: Option<Duration>,
    pub serialise: Duration,
}

/// A JSON document already serialised, answered with `content-type: application/json`
/// as `axum::Json` would, with what it cost when known.
struct JsonBytes(Vec<u8>, Option<AnswerCost>);

impl IntoResponse for JsonBytes {
    fn into_response(self) -> axum::response::Response {
        let mut response = (
            [(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("application/json"),
            )],
            self.0,
        )
            .into_response();
        if let Some(cost) = self.1 {
            response.extensions_mut().insert(cost);
        }
        response
    }
}

/// A JSON answer written by [`crate::json`] (floats rounded to four decimals), with
/// `content-type: application/json`.
pub struct Json<T>(pub T);

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> axum::response::Response {
        let started = ThreadTime::now();
        match crate::json::to_vec(&self.0) {
            Ok(bytes) => {
                let cost = AnswerCost {
                    compute: None,
                    serialise: started.elapsed(),
                };
                JsonBytes(bytes, Some(cost)).into_response()
            }
            Err(error) => ApiError::internal(error).into_response(),
        }
    }
}

/// Ids in paths and bodies: printable, short, no path separators.
fn check_id(field: &str, id: &str) -> Result<(), ApiError> {
    let valid = !id.is_empty()
        && id.len() <= 128
        && !id.contains("..")
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'));
    if valid {
        Ok(())
    } else {
        Err(ApiError::invalid(field, "Identifiant invalide."))
    }
}

/// A `limit` parameter, under one rule for every route: `default` when absent, else an
/// integer from 1 to `max` (422 outside; the bounds are in each route's documentation).
fn limit(given: Option<usize>, default: usize, max: usize) -> Result<usize, ApiError> {
    match given {
        None => Ok(default),
        Some(n) if (1..=max).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::invalid(
            "limit",
            format!("« limit » vaut {n} : attendu un entier de 1 à {max}."),
        )),
    }
}
