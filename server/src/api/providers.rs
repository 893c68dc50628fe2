//! Routes for training providers: curriculum coverage against a territory's demand, and
//! a training's readiness for the GEN label.

use axum::extract::State;
use passerelle_engine::{CoverageReport, CoverageRequest, LabelReadiness};

use super::answers::Sorted;
use super::error::{ApiError, ApiJson, ApiPath};
use super::state::AppState;
use super::{Json, blocking};

/// Curriculum text or training id + territory → covered skills with evidence spans,
/// missing in-demand skills with example postings, nearest needs, similar trainings and
/// an alignment score with its formula.
#[utoipa::path(post, path = "/api/v1/coverage", request_body = CoverageRequest,
    responses((status = 200, description = "Coverage report", body = CoverageReport),
              (status = 404, description = "Unknown training or territory", body = super::error::ErrorBody),
              (status = 422, description = "Invalid request", body = super::error::ErrorBody)))]
pub async fn coverage(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CoverageRequest>,
) -> Result<Json<Sorted>, ApiError> {
    if let Some(id) = &request.training_id {
        super::check_id("training_id", id)?;
    }
    let snapshot = state.current();
    blocking(move || {
        let report = snapshot.ranker.coverage(&request)?;
        Ok(Json(Sorted::of(&report)?))
    })
    .await
}

/// A training checked against the GEN label criteria that can be read from data: free
/// for the learner, 3 to 24 months, priority publics aimed at, at least 10 seats per
/// session, a digital métier as target; each met (true), not met (false) or not
/// decidable (null), with why in French.
#[utoipa::path(get, path = "/api/v1/trainings/{id}/label-readiness",
    params(("id" = String, Path, description = "Training id")),
    responses((status = 200, description = "Label readiness", body = LabelReadiness),
              (status = 404, description = "Unknown training", body = super::error::ErrorBody)))]
pub async fn label_readiness(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<LabelReadiness>, ApiError> {
    super::check_id("id", &id)?;
    let snapshot = state.current();
    Ok(Json(snapshot.ranker.label_readiness(&id)?))
}
