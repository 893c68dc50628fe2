//! Routes for training providers: curriculum coverage against a territory's demand.

use axum::extract::State;
use passerelle_engine::CoverageRequest;
use serde_json::Value;

use super::error::{ApiError, ApiJson};
use super::state::AppState;
use super::{Json, blocking};

/// Curriculum text or training id + territory → covered skills with evidence spans,
/// missing in-demand skills with example postings, nearest needs, similar trainings and
/// an alignment score with its formula.
#[utoipa::path(post, path = "/api/v1/coverage", request_body = Value,
    responses((status = 200, description = "Coverage report", body = Value),
              (status = 404, description = "Unknown training or territory", body = super::error::ErrorBody),
              (status = 422, description = "Invalid request", body = super::error::ErrorBody)))]
pub async fn coverage(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CoverageRequest>,
) -> Result<Json<Value>, ApiError> {
    if let Some(id) = &request.training_id {
        super::check_id("training_id", id)?;
    }
    let snapshot = state.current();
    blocking(move || {
        let report = snapshot.ranker.coverage(&request)?;
        Ok(Json(
            serde_json::to_value(report).map_err(ApiError::internal)?,
        ))
    })
    .await
}
