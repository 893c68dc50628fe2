//! `GET /api/v1/indicators/history`: a territory's demand for a need or a skill over
//! every published version, with growth over 3 and 12 months (JSON or French CSV).

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use passerelle_engine::Indicator;
use serde::Deserialize;
use utoipa::IntoParams;

use super::error::{ApiError, ApiQuery};
use super::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    /// `region:CODE`, `departement:CODE` or `bassin:CODE`.
    pub territory: String,
    /// A needs cluster id (exactly one of `need` and `skill`).
    pub need: Option<String>,
    /// A skill id.
    pub skill: Option<String>,
    /// `json` (default) or `csv`.
    pub format: Option<String>,
}

/// The time series of one indicator of a territory, oldest version first.
#[utoipa::path(get, path = "/api/v1/indicators/history", params(HistoryQuery),
    responses((status = 200, description = "Offers, trainings, seats and tension per version (JSON or CSV)", body = SeriesSchema),
              (status = 404, description = "The territory never had this need or skill", body = super::error::ErrorBody),
              (status = 422, description = "Invalid parameter", body = super::error::ErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<HistoryQuery>,
) -> Result<Response, ApiError> {
    let territory = passerelle_engine::TerritoryId::parse_field("territory", &query.territory)?;
    let indicator = match (query.need, query.skill) {
        (Some(need), None) => {
            super::check_id("need", &need)?;
            Indicator::Need(need)
        }
        (None, Some(skill)) => {
            super::check_id("skill", &skill)?;
            Indicator::Skill(skill)
        }
        _ => {
            return Err(ApiError::invalid(
                "need",
                "Donnez exactement un des paramètres « need » ou « skill ».",
            ));
        }
    };
    let csv = match query.format.as_deref().unwrap_or("json") {
        "json" => false,
        "csv" => true,
        _ => return Err(ApiError::invalid("format", "Attendu : json ou csv.")),
    };
    let snapshot = state.current();
    let series = snapshot
        .history
        .series(&territory, &indicator)
        .map_err(|_| {
            let what = match &indicator {
                Indicator::Need(_) => "Ce besoin",
                Indicator::Skill(_) => "Cette compétence",
            };
            ApiError::new(
                axum::http::StatusCode::NOT_FOUND,
                "unknown_indicator",
                format!("{what} n'a jamais été publié(e) pour le territoire {territory}."),
            )
        })?;
    if !csv {
        return Ok(axum::Json(series).into_response());
    }
    let bytes = series.to_csv()?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"historique-{}-{}.csv\"",
                    territory.to_string().replace(':', "-"),
                    match &indicator {
                        Indicator::Need(id) | Indicator::Skill(id) => id.replace(':', "-"),
                    }
                ),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The OpenAPI shape of a [`passerelle_engine::Series`] (the engine type stays free of utoipa).
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct SeriesSchema {
    /// The territory, e.g. `region:84`.
    territory: String,
    /// `{"kind": "need"|"skill", "id": "..."}`.
    indicator: IndicatorSchema,
    /// The label in the latest version that had it.
    label: Option<String>,
    points: Vec<PointSchema>,
    /// Relative change of offers over 3 months, when the history reaches back that far.
    growth_3_months: Option<f32>,
    /// The same over 12 months.
    growth_12_months: Option<f32>,
}

#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct IndicatorSchema {
    /// `need` or `skill`.
    kind: String,
    id: String,
}

#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct PointSchema {
    version: u64,
    built_at: String,
    /// `null` when the count was suppressed.
    offers: Option<u64>,
    trainings: u64,
    seats: u32,
    tension: Option<f32>,
}
