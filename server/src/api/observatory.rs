//! Routes for the observatory: the reference map of digital jobs (needs clusters),
//! emerging skills, territorial indicators for maps (JSON, CSV, GeoJSON), a territory's
//! needs and trainings, and the geography the maps are drawn from.

use super::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use passerelle_engine::{SkillId, TerritoryId, TerritoryLevel, TerritoryRanking};
use serde::Deserialize;
use serde_json::json;
use utoipa::IntoParams;

use super::answers::{
    ClusterAnswer, ClusterItem, ClusterTerritory, ClustersAnswer, EmergingAnswer, GeographyAnswer,
    IndicatorFeature, IndicatorFeatures, IndicatorProperties, IndicatorValue, IndicatorsAnswer,
    ModelItem, OutlineCollection, Sorted, TerritoryNeedsAnswer,
};

use super::error::{ApiError, ApiPath, ApiQuery};
use super::state::AppState;
use super::{limit, parse_territory};

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
    let model = snapshot.ranker.model();
    let national = model
        .territories
        .iter()
        .filter(|t| t.territory.level == TerritoryLevel::Region)
        .filter_map(|t| t.clusters.iter().find(|c| c.id == cluster.id))
        .fold((0usize, 0.0f32, 0usize), |acc, cell| match cell.growth {
            Some(g) => (
                acc.0 + cell.offers,
                acc.1 + g * cell.offers as f32,
                acc.2 + cell.offers,
            ),
            None => (acc.0 + cell.offers, acc.1, acc.2),
        });
    let growth = (national.2 > 0).then(|| national.1 / national.2 as f32);
    // `Example`, `RomeShare` and `WeightedSkill` declare their fields in alphabetical
    // order: written directly, they read as the `Value` they were first written as.
    ClusterItem {
        examples: cluster.examples.clone(),
        growth,
        id: cluster.id.clone(),
        label: cluster.label.clone(),
        rome: cluster.rome.clone(),
        share: cluster.share,
        size: cluster.size,
        top_skills: cluster.top_skills.clone(),
    }
}

/// One cluster with its distribution over régions.
#[utoipa::path(get, path = "/api/v1/clusters/{id}", params(("id" = String, Path, description = "Cluster id")),
    responses((status = 200, description = "The cluster", body = ClusterAnswer),
              (status = 404, description = "Unknown cluster", body = super::error::ErrorBody)))]
pub async fn cluster(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<ClusterAnswer>, ApiError> {
    super::check_id("id", &id)?;
    let snapshot = state.current();
    let model = snapshot.ranker.model();
    let cluster = model.cluster(&id).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_cluster",
            format!("Besoin inconnu : {id}."),
        )
    })?;
    let item = cluster_item(&snapshot, cluster);
    let territories: Vec<ClusterTerritory> = model
        .territories
        .iter()
        .filter(|t| t.territory.level == TerritoryLevel::Region)
        .filter_map(|t| {
            let cell = t.clusters.iter().find(|c| c.id == id)?;
            Some(ClusterTerritory {
                name: t.name.clone(),
                offers: cell.offers,
                share: cell.share,
                suppressed: cell.suppressed,
                territory: t.territory.to_string(),
            })
        })
        .collect();
    Ok(Json(ClusterAnswer::new(item, territories)))
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
                (IndicatorsAnswer = "application/json"),
                (String = "text/csv"),
                (IndicatorFeatures = "application/geo+json"),
              )),
              (status = 422, description = "Invalid parameter", body = super::error::ErrorBody)))]
pub async fn indicators(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<IndicatorQuery>,
) -> Result<Response, ApiError> {
    let level = match query.level.as_deref().unwrap_or("region") {
        "region" => TerritoryLevel::Region,
        "departement" => TerritoryLevel::Departement,
        _ => {
            return Err(ApiError::invalid(
                "level",
                "Attendu : region ou departement.",
            ));
        }
    };
    let indicator = query
        .indicator
        .clone()
        .unwrap_or_else(|| "demand".to_string());
    if !matches!(indicator.as_str(), "demand" | "supply" | "gap") {
        return Err(ApiError::invalid(
            "indicator",
            "Attendu : demand, supply ou gap.",
        ));
    }
    let snapshot = state.current();
    let ranker = &snapshot.ranker;
    let model = ranker.model();
    if let Some(cluster) = &query.cluster
        && model.cluster(cluster).is_none()
    {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_cluster",
            format!("Besoin inconnu : {cluster}."),
        )
        .with_field("cluster"));
    }
    let skill = match &query.skill {
        Some(text) => {
            let id = SkillId::parse(text)
                .ok()
                .filter(|id| ranker.engine().taxonomy().skill(id).is_some())
                .ok_or_else(|| {
                    ApiError::new(
                        StatusCode::NOT_FOUND,
                        "unknown_skill",
                        format!("Compétence inconnue : {text}."),
                    )
                    .with_field("skill")
                })?;
            Some(id)
        }
        None => None,
    };
    let today = state.today();
    let geography = ranker.geography();
    let codes: Vec<(String, String, (f64, f64))> = match level {
        TerritoryLevel::Region => geography
            .regions()
            .iter()
            .map(|r| (r.code.clone(), r.name.clone(), (r.lat, r.lon)))
            .collect(),
        _ => geography
            .departements()
            .iter()
            .map(|d| (d.code.clone(), d.name.clone(), (d.lat, d.lon)))
            .collect(),
    };
    let mut rows = Vec::new();
    for (code, name, centre) in codes {
        let territory = TerritoryId {
            level,
            code: code.clone(),
        };
        let needs = model.needs(&territory);
        // `None`: the count is suppressed (statistical confidentiality), never shown.
        let threshold = model.params.suppression_threshold;
        let offers: Option<usize> = match (needs, &query.cluster, &skill) {
            (None, _, _) => Some(0),
            (Some(n), Some(cluster), _) => match n.clusters.iter().find(|c| &c.id == cluster) {
                Some(cell) if cell.suppressed => None,
                Some(cell) => Some(cell.offers),
                None => Some(0),
            },
            (Some(n), None, Some(skill)) => {
                match n.skills.iter().find(|c| c.id == skill.as_str()) {
                    Some(cell) if cell.suppressed => None,
                    Some(cell) => Some(cell.offers),
                    None => Some(0),
                }
            }
            (Some(n), None, None) if n.offers > 0 && n.offers < threshold => None,
            (Some(n), None, None) => Some(n.offers),
        };
        let supply = ranker.supply(&territory, query.cluster.as_deref(), skill.as_ref(), &today)?;
        let value: Option<f64> = match indicator.as_str() {
            "demand" => offers.map(|o| o as f64),
            "supply" => Some(f64::from(supply.seats)),
            _ => offers.map(|o| {
                let o = o as f64;
                if o > 0.0 {
                    (o * o / (o + f64::from(supply.seats)) * 10.0).round() / 10.0
                } else {
                    0.0
                }
            }),
        };
        rows.push((code, name, centre, value, offers, supply));
    }
    match query.format.as_deref().unwrap_or("json") {
        "json" => Ok(Json(IndicatorsAnswer {
            cluster: query.cluster,
            indicator,
            level,
            skill,
            values: (rows.into_iter())
                .map(|(code, name, _, value, offers, supply)| IndicatorValue {
                    code,
                    name,
                    offers,
                    seats: supply.seats,
                    suppressed: offers.is_none(),
                    trainings: supply.trainings,
                    value,
                })
                .collect(),
        })
        .into_response()),
        "csv" => {
            // For French spreadsheets: `;` separator, UTF-8 with a byte order mark.
            let mut writer = csv::WriterBuilder::new()
                .delimiter(b';')
                .from_writer(b"\xEF\xBB\xBF".to_vec());
            writer
                .write_record([
                    "code",
                    "nom",
                    "indicateur",
                    "valeur",
                    "offres",
                    "formations",
                    "places",
                ])
                .map_err(ApiError::internal)?;
            for (code, name, _, value, offers, supply) in &rows {
                writer
                    .write_record([
                        code.as_str(),
                        name.as_str(),
                        indicator.as_str(),
                        &value.map_or_else(String::new, |v| v.to_string().replace('.', ",")),
                        &offers.map_or_else(String::new, |o| o.to_string()),
                        &supply.trainings.to_string(),
                        &supply.seats.to_string(),
                    ])
                    .map_err(ApiError::internal)?;
            }
            let bytes = writer.into_inner().map_err(ApiError::internal)?;
            Ok((
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!(
                            "attachment; filename=\"indicateur-{}-{indicator}.csv\"",
                            level.as_str()
                        ),
                    ),
                ],
                bytes,
            )
                .into_response())
        }
        "geojson" => {
            let outlines = match level {
                TerritoryLevel::Region => state.settings.outlines.region.clone(),
                _ => state.settings.outlines.departement.clone(),
            };
            let features: Vec<IndicatorFeature> = rows
                .into_iter()
                .map(|(code, name, centre, value, offers, supply)| {
                    let geometry = outlines
                        .as_ref()
                        .and_then(|o| o["features"].as_array())
                        .and_then(|features| {
                            features
                                .iter()
                                .find(|f| f["properties"]["code"].as_str() == Some(code.as_str()))
                        })
                        .map(|f| f["geometry"].clone())
                        .unwrap_or_else(
                            || json!({"type": "Point", "coordinates": [centre.1, centre.0]}),
                        );
                    IndicatorFeature {
                        geometry,
                        properties: IndicatorProperties {
                            code,
                            nom: name,
                            offers,
                            seats: supply.seats,
                            trainings: supply.trainings,
                            value,
                        },
                        kind: "Feature",
                    }
                })
                .collect();
            Ok((
                [
                    (header::CONTENT_TYPE, "application/geo+json".to_string()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!(
                            "attachment; filename=\"indicateur-{}-{indicator}.geojson\"",
                            level.as_str()
                        ),
                    ),
                ],
                // Geometries come from the outlines: written unrounded, as read.
                axum::Json(IndicatorFeatures {
                    features,
                    kind: "FeatureCollection",
                }),
            )
                .into_response())
        }
        _ => Err(ApiError::invalid(
            "format",
            "Attendu : json, csv ou geojson.",
        )),
    }
}

fn territory_of(level: &str, code: &str) -> Result<TerritoryId, ApiError> {
    parse_territory("level", &format!("{level}:{code}"))
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
) -> Result<Json<TerritoryNeedsAnswer>, ApiError> {
    let territory = territory_of(&level, &code)?;
    let snapshot = state.current();
    let reference = snapshot.ranker.territory(&territory)?;
    let ranking = snapshot
        .ranker
        .territory_trainings(&territory, &state.today(), false, 0)?;
    let needs = snapshot.ranker.model().needs(&territory);
    let publics = snapshot.ranker.public_supply(&territory, &state.today())?;
    Ok(Json(TerritoryNeedsAnswer {
        clusters: Sorted::of(&needs.map(|n| &n.clusters))?,
        model_version: snapshot.model_version(),
        offers: needs.map_or(0, |n| n.offers),
        publics: Sorted::of(&publics.publics)?,
        seats: publics.seats,
        skills: Sorted::of(&needs.map(|n| &n.skills))?,
        skills_suppressed: needs.map_or(0, |n| n.skills_suppressed),
        territory: Sorted::of(&reference)?,
        // `UncoveredNeed` declares its fields in alphabetical order.
        uncovered: ranking.uncovered,
    }))
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
