//! `POST /admin/refresh`: ingest a new batch of offers, rebuild the needs model against
//! the served one (cluster identities persist), and swap it in atomically while
//! requests go on. Guarded by a bearer token; disabled without one.

use std::sync::Arc;

use super::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use passerelle_engine::{parse_postings, save_model};
use serde_json::{Value, json};
use tracing::info;

use super::error::ApiError;
use super::state::{AppState, Snapshot, now_utc};

/// The batch (France Travail JSON lines or an API page) is the body.
#[utoipa::path(post, path = "/api/v1/admin/refresh", request_body(content = String, content_type = "application/x-ndjson"),
    responses((status = 200, description = "New model version and the batch report", body = Value),
              (status = 401, description = "Missing or wrong token", body = super::error::ErrorBody),
              (status = 404, description = "Refresh disabled (no token configured)", body = super::error::ErrorBody),
              (status = 409, description = "A refresh is already running", body = super::error::ErrorBody),
              (status = 422, description = "No valid offer in the batch", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn refresh(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, ApiError> {
    let Some(token) = state.settings.admin_token.as_deref() else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "admin_disabled",
            "Rafraîchissement désactivé : aucun jeton d'administration configuré.",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Jeton d'administration manquant ou invalide.",
        ));
    }
    let Ok(_guard) = state.refreshing.try_lock() else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "refresh_running",
            "Un rafraîchissement est déjà en cours.",
        ));
    };
    let current = state.current();
    let version = state.next_version();
    let data_dir = state.settings.data_dir.clone();
    let (snapshot, report) = super::blocking(move || {
        let batch = parse_postings("refresh", &body);
        let report = batch.report.clone();
        if batch.records.is_empty() {
            return Err(ApiError::invalid(
                "body",
                format!(
                    "Aucune offre valide dans le lot ({} lues, {} rejetées).",
                    report.read,
                    report.rejected.len()
                ),
            ));
        }
        let postings: Vec<_> = batch.records.into_iter().map(|(_, p)| p).collect();
        let ranker = &current.ranker;
        let trainings: Vec<_> = ranker.trainings().cloned().collect();
        let geography = Arc::new(ranker.geography().clone());
        let snapshot = Snapshot::build(
            ranker.engine(),
            geography,
            &postings,
            trainings,
            Some(ranker.model()),
            &now_utc(),
            version,
        )?;
        if let Some(folder) = &data_dir {
            save_model(folder, snapshot.ranker.model())?;
        }
        Ok((snapshot, report))
    })
    .await?;
    let clusters = snapshot.ranker.model().clusters.len();
    let refresh = snapshot.ranker.model().refresh.clone();
    let model_version = snapshot.model_version();
    state.snapshot.store(Arc::new(snapshot));
    info!(target: "http", version, clusters, accepted = report.accepted, "model refreshed");
    Ok(Json(json!({
        "version": version,
        "model_version": model_version,
        "report": report,
        "clusters": clusters,
        "refresh": refresh,
    })))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
