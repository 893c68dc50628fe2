//! Routes for the observatory: the reference map of digital jobs (needs clusters),
//! emerging skills, territorial indicators for maps (JSON, CSV, GeoJSON), a territory's
//! needs and trainings, and the geography the maps are drawn from.

use super::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use passerelle_engine::{
    Error, IndicatorMap, MapFeatures, MapQuery, NotFoundKind, TerritoryId, TerritoryLevel,
    TerritoryRanking,
};
use serde::Deserialize;
use utoipa::IntoParams;

use super::answers::{
    ClusterItem, ClustersAnswer, EmergingAnswer, GeographyAnswer, ModelItem, OutlineCollection,
    Sorted, SortedCells, SortedPublics, SortedTerritory, TerritoryNeedsAnswer,
};

use super::error::{ApiError, ApiPath, ApiQuery};
use super::limit;
use super::state::AppState;

/// The needs clusters with their skills, métiers and growth since the last refresh.
#[utoipa::path(get, path = "/api/v1/clusters",
    responses((status = 200, description = "Needs clusters", body = ClustersAnswer)))]
pub async fn clusters(State(state): State<AppState>) -> Json<ClustersAnswer> {
    let snapshot = state.current();
    let model = snapshot.ranker.model();
    let clusters: Vec<ClusterItem> = model
        .clusters
        .iter()
        .map(|c| cluster_item(&snapshot, c))
        .collect();
    Json(ClustersAnswer {
        clusters,
        model: ModelItem {
            built_at: model.built_at.clone(),
            postings: model.counts.postings,
            taxonomy: model.taxonomy.clone(),
            version: snapshot.model_version(),
        },
    })
}

fn cluster_item(
    snapshot: &super::state::Snapshot,
    cluster: &passerelle_engine::NeedsCluster,
) -> ClusterItem {
    // `Example`, `RomeShare` and `WeightedSkill` declare their fields in alphabetical
    // order: written directly, they read as the `Value` they were first written as.
    ClusterItem {
        examples: cluster.examples.clone(),
        growth: snapshot.ranker.model().national_growth(&cluster.id),
        id: cluster.id.clone(),
        label: cluster.label.clone(),
        rome: cluster.rome.clone(),
        share: cluster.share,
        size: cluster.size,
        territories: None,
        top_skills: cluster.top_skills.clone(),
    }
}

/// One cluster with its distribution over régions.
#[utoipa::path(get, path = "/api/v1/clusters/{id}", params(("id" = String, Path, description = "Cluster id")),
    responses((status = 200, description = "The cluster", body = ClusterItem),
              (status = 404, description = "Unknown cluster", body = super::error::ErrorBody)))]
pub async fn cluster(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ClusterItem>, ApiError> {
    super::check_id("id", &id)?;
    let snapshot = state.current();
    let model = snapshot.ranker.model();
    let territories = model.need_by_region(&id)?;
    let cluster = model
        .cluster(&id)
        .ok_or_else(|| ApiError::not_found("Besoin"))?;
    Ok(Json(ClusterItem {
        territories: Some(territories),
        ..cluster_item(&snapshot, cluster)
    }))
}

/// Frequent terms of recent postings that the taxonomy lacks.
#[utoipa::path(get, path = "/api/v1/emerging",
    responses((status = 200, description = "Emerging terms", body = EmergingAnswer)))]
pub async fn emerging(State(state): State<AppState>) -> Result<Json<EmergingAnswer>, ApiError> {
    let snapshot = state.current();
    Ok(Json(EmergingAnswer {
        emerging: Sorted::of(&snapshot.ranker.model().emerging)?,
    }))
}

/// Régions and départements with their tile-grid positions; `outlines` says whether
/// GeoJSON outlines were given at start.
#[utoipa::path(get, path = "/api/v1/geography",
    responses((status = 200, description = "Régions and départements", body = GeographyAnswer)))]
pub async fn geography(State(state): State<AppState>) -> Result<Json<GeographyAnswer>, ApiError> {
    let snapshot = state.current();
    let geography = snapshot.ranker.geography();
    let outlines = &state.settings.outlines;
    Ok(Json(GeographyAnswer {
        departements: Sorted::of(geography.departements())?,
        outlines: outlines.region.is_some() && outlines.departement.is_some(),
        regions: Sorted::of(geography.regions())?,
    }))
}

/// GeoJSON outlines of a level: those given at start with `--geojson`, else the shipped
/// ones (IGN Admin Express, simplified, with their attribution).
#[utoipa::path(get, path = "/api/v1/geography/{file}", params(("file" = String, Path, description = "region.geojson or departement.geojson")),
    responses((status = 200, description = "FeatureCollection", body = OutlineCollection),
              (status = 404, description = "Unknown level or no outlines", body = super::error::ErrorBody)))]
pub async fn outlines(
    State(state): State<AppState>,
    ApiPath(file): ApiPath<String>,
) -> Result<axum::response::Response, ApiError> {
    let outlines = match file.as_str() {
        "region.geojson" => state.settings.outlines.region.clone(),
        "departement.geojson" => state.settings.outlines.departement.clone(),
        _ => return Err(ApiError::not_found("Fond de carte")),
    };
    outlines
        // Outlines are passed on as read (coordinates unrounded).
        .map(|o| axum::Json(o.as_ref().clone()).into_response())
        .ok_or_else(|| ApiError::not_found("Fond de carte"))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct IndicatorQuery {
    /// `region` or `departement`.
    pub level: Option<String>,
    /// `demand` (offers), `supply` (open seats) or `gap` (unmet demand).
    pub indicator: Option<String>,
    /// A needs cluster id.
    pub cluster: Option<String>,
    /// A skill id.
    pub skill: Option<String>,
    /// `json` (default), `csv` or `geojson`.
    pub format: Option<String>,
}

/// An indicator for every territory of a level, for maps and downloads.
#[utoipa::path(get, path = "/api/v1/indicators", params(IndicatorQuery),
    responses((status = 200, description = "Values per territory (JSON, CSV or GeoJSON)", content(
                (IndicatorMap = "application/json"),
                (String = "text/csv"),
                (MapFeatures = "application/geo+json"),
              )),
              (status = 422, description = "Invalid parameter", body = super::error::ErrorBody)))]
pub async fn indicators(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<IndicatorQuery>,
) -> Result<Response, ApiError> {
    let map = MapQuery::parse(
        query.level.as_deref(),
        query.indicator.as_deref(),
        query.cluster,
        query.skill.as_deref(),
    )?;
    let format: &'static str = match query.format.as_deref().unwrap_or("json") {
        "json" => "json",
        "csv" => "csv",
        "geojson" => "geojson",
        _ => {
            return Err(ApiError::invalid(
                "format",
                "Attendu : json, csv ou geojson.",
            ));
        }
    };
    let snapshot = state.current();
    let today = state.today();
    let outlines = match map.level {
        TerritoryLevel::Region => state.settings.outlines.region.clone(),
        _ => state.settings.outlines.departement.clone(),
    };
    // Every territory of the level against the whole catalogue: off the async workers.
    super::blocking(move || {
        let map = (snapshot.ranker.indicator_map(&map, &today)).map_err(|error| {
            // The filters are query parameters here.
            let field = match &error {
                Error::NotFound {
                    kind: NotFoundKind::Need,
                    ..
                } => "cluster",
                _ => "skill",
            };
            ApiError::from(error).with_field(field)
        })?;
        let download = |extension: &str| {
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", map.file_name(extension)),
            )
        };
        Ok(match format {
            "csv" => (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    download("csv"),
                ],
                map.to_csv()?,
            )
                .into_response(),
            "geojson" => (
                [
                    (header::CONTENT_TYPE, "application/geo+json".to_string()),
                    download("geojson"),
                ],
                // Geometries come from the outlines: written unrounded, as read.
                axum::Json(map.to_geojson(outlines.as_deref())),
            )
                .into_response(),
            _ => Json(map).into_response(),
        })
    })
    .await
}

fn territory_of(level: &str, code: &str) -> Result<TerritoryId, ApiError> {
    Ok(TerritoryId::parse_field(
        "level",
        &format!("{level}:{code}"),
    )?)
}

/// Indicators of a territory: needs with offers, supply and tension, skills in demand,
/// the needs no training of the territory answers, and next to the demand (`offers`) the
/// open seats (`seats`) and those open to each priority public (`publics`, items of the
/// `PublicSeats` schema).
#[utoipa::path(get, path = "/api/v1/territories/{level}/{code}/needs",
    params(("level" = String, Path, description = "region, departement or bassin"), ("code" = String, Path, description = "Territory code")),
    responses((status = 200, description = "Indicators", body = TerritoryNeedsAnswer),
              (status = 404, description = "Unknown territory", body = super::error::ErrorBody)))]
pub async fn territory_needs(
    State(state): State<AppState>,
    ApiPath((level, code)): ApiPath<(String, String)>,
) -> Result<impl IntoResponse, ApiError> {
    let territory = territory_of(&level, &code)?;
    let snapshot = state.current();
    let today = state.today();
    // A report is computed from the seats open on the day: a few hundred µs at most.
    super::engine_json(true, move |clock| {
        let report = snapshot.ranker.territory_report(&territory, &today)?;
        let (offers, skills_suppressed) =
            (report.needs.as_ref()).map_or((0, 0), |n| (n.offers, n.skills_suppressed));
        let (clusters, skills) = match report.needs {
            Some(needs) => (Some(needs.clusters), Some(needs.skills)),
            None => (None, None),
        };
        clock.json(TerritoryNeedsAnswer {
            clusters: SortedCells(clusters),
            model_version: snapshot.model_version(),
            offers,
            publics: SortedPublics(report.publics.publics),
            seats: report.publics.seats,
            skills: SortedCells(skills),
            skills_suppressed,
            territory: SortedTerritory(report.territory),
            // `UncoveredNeed` declares its fields in alphabetical order.
            uncovered: report.uncovered,
        })
    })
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TerritoryTrainingsQuery {
    /// Include remote trainings from elsewhere (default false).
    pub remote: Option<bool>,
    /// Trainings listed, 1 to 200 (default 20).
    pub limit: Option<usize>,
}

/// The trainings of a territory ranked by the unmet demand they answer, and the needs
/// left uncovered.
#[utoipa::path(get, path = "/api/v1/territories/{level}/{code}/trainings",
    params(("level" = String, Path, description = "region, departement or bassin"), ("code" = String, Path, description = "Territory code"), TerritoryTrainingsQuery),
    responses((status = 200, description = "Ranked trainings", body = TerritoryRanking),
              (status = 404, description = "Unknown territory", body = super::error::ErrorBody)))]
pub async fn territory_trainings(
    State(state): State<AppState>,
    ApiPath((level, code)): ApiPath<(String, String)>,
    ApiQuery(query): ApiQuery<TerritoryTrainingsQuery>,
) -> Result<Json<Sorted>, ApiError> {
    let territory = territory_of(&level, &code)?;
    let snapshot = state.current();
    let today = state.today();
    super::blocking(move || {
        let ranking = snapshot.ranker.territory_trainings(
            &territory,
            &today,
            query.remote.unwrap_or(false),
            limit(query.limit, 20, 200)?,
        )?;
        Ok(Json(Sorted::of(&ranking)?))
    })
    .await
}
