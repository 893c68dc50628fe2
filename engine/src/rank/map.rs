//! Indicators for maps: one value per territory of a level (the offers, the open seats
//! or the unmet demand), over every need or for one need or one skill, as rows, as a CSV
//! for French spreadsheets, or as GeoJSON features drawn on the territories' outlines.

use std::collections::HashMap;

use serde::Serialize;

use super::territorial::Supply;
use super::{Ranker, parse_date};
use crate::model::SkillId;
use crate::needs::unmet_demand;
use crate::spreadsheet::{FrenchCsv, decimal};
use crate::territory::TerritoryLevel;
use crate::{Error, Invalid, NotFoundKind, Result};

/// What a map shows in each territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MapIndicator {
    /// Offers (suppressed below the threshold).
    Demand,
    /// Open seats of the trainings located there.
    Supply,
    /// Unmet demand, `offers² / (offers + seats)`, one decimal.
    Gap,
}

impl MapIndicator {
    /// Every indicator, in the order they are listed to users.
    pub const ALL: [MapIndicator; 3] = [
        MapIndicator::Demand,
        MapIndicator::Supply,
        MapIndicator::Gap,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MapIndicator::Demand => "demand",
            MapIndicator::Supply => "supply",
            MapIndicator::Gap => "gap",
        }
    }
}

/// A map asked for: its level (région or département), indicator and filter.
#[derive(Debug, Clone, PartialEq)]
pub struct MapQuery {
    pub level: TerritoryLevel,
    pub indicator: MapIndicator,
    /// A need id.
    pub cluster: Option<String>,
    pub skill: Option<SkillId>,
}

impl MapQuery {
    /// Reads a map query from its text fields (`level` and `indicator` default to
    /// `region` and `demand`), naming the field at fault.
    pub fn parse(
        level: Option<&str>,
        indicator: Option<&str>,
        cluster: Option<String>,
        skill: Option<&str>,
    ) -> Result<MapQuery> {
        let level = match level.unwrap_or("region") {
            "region" => TerritoryLevel::Region,
            "departement" => TerritoryLevel::Departement,
            other => {
                return Err(Error::input(
                    "level",
                    Invalid::OneOf {
                        value: other.to_string(),
                        expected: &["region", "departement"],
                    },
                ));
            }
        };
        let indicator = indicator.unwrap_or("demand");
        let indicator = (MapIndicator::ALL.into_iter())
            .find(|i| i.as_str() == indicator)
            .ok_or_else(|| {
                Error::input(
                    "indicator",
                    Invalid::OneOf {
                        value: indicator.to_string(),
                        expected: &["demand", "supply", "gap"],
                    },
                )
            })?;
        let skill = skill.map(SkillId::parse).transpose()?;
        Ok(MapQuery {
            level,
            indicator,
            cluster,
            skill,
        })
    }
}

/// The indicator in one territory.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorValue {
    pub code: String,
    pub name: String,
    /// Offers; null when suppressed (statistical confidentiality).
    pub offers: Option<usize>,
    /// Open seats.
    pub seats: u32,
    pub suppressed: bool,
    /// Trainings with open seats.
    pub trainings: usize,
    /// The indicator; null when the offers are suppressed.
    pub value: Option<f64>,
    /// Latitude and longitude of the territory's centre.
    #[serde(skip)]
    pub centre: (f64, f64),
}

/// An indicator for every territory of a level.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = IndicatorsAnswer))]
pub struct IndicatorMap {
    /// The need the indicator is restricted to, if any.
    pub cluster: Option<String>,
    pub indicator: MapIndicator,
    pub level: TerritoryLevel,
    /// The skill the indicator is restricted to, if any.
    pub skill: Option<SkillId>,
    pub values: Vec<IndicatorValue>,
}

/// GeoJSON features of a map.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = IndicatorFeatures))]
pub struct MapFeatures {
    pub features: Vec<MapFeature>,
    /// `FeatureCollection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// One territory: its outline (else its centre as a point) and the indicator.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = IndicatorFeature))]
pub struct MapFeature {
    /// A GeoJSON geometry.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub geometry: serde_json::Value,
    pub properties: MapProperties,
    /// `Feature`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// The indicator in one territory, as the properties of a GeoJSON feature.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = IndicatorProperties))]
pub struct MapProperties {
    pub code: String,
    pub nom: String,
    pub offers: Option<usize>,
    pub seats: u32,
    pub trainings: usize,
    pub value: Option<f64>,
}

impl Ranker {
    /// The map `query` asks for, supply as of `today`; `NotFound` for an unknown need
    /// or skill.
    pub fn indicator_map(&self, query: &MapQuery, today: &str) -> Result<IndicatorMap> {
        let today = parse_date("today", today)?;
        if let Some(cluster) = &query.cluster
            && self.model.cluster(cluster).is_none()
        {
            return Err(Error::NotFound {
                kind: NotFoundKind::Need,
                value: cluster.clone(),
            });
        }
        if let Some(skill) = &query.skill
            && self.extractor.taxonomy().skill(skill).is_none()
        {
            return Err(Error::NotFound {
                kind: NotFoundKind::Skill,
                value: skill.to_string(),
            });
        }
        // Supply per territory of the level, in one pass over the catalogue.
        let mut supplied: HashMap<&str, Supply> = HashMap::new();
        for entry in &self.entries {
            let Some(code) = (entry.placement.as_ref()).and_then(|p| p.at(query.level)) else {
                continue;
            };
            let answers = (query.cluster.as_ref())
                .is_none_or(|need| entry.needs.iter().any(|(id, _)| id == need));
            let teaches = (query.skill.as_ref()).is_none_or(|skill| entry.skills.contains(skill));
            let seats = entry.open_seats(today);
            if answers && teaches && seats > 0 {
                let supply = supplied.entry(code).or_default();
                supply.trainings += 1;
                supply.seats += seats;
            }
        }
        let territories: Vec<(&str, &str, (f64, f64))> = match query.level {
            TerritoryLevel::Region => (self.geography.regions().iter())
                .map(|r| (r.code.as_str(), r.name.as_str(), (r.lat, r.lon)))
                .collect(),
            _ => (self.geography.departements().iter())
                .map(|d| (d.code.as_str(), d.name.as_str(), (d.lat, d.lon)))
                .collect(),
        };
        let threshold = self.model.params.suppression_threshold;
        let values = territories
            .into_iter()
            .map(|(code, name, centre)| {
                let territory = crate::territory::TerritoryId {
                    level: query.level,
                    code: code.to_string(),
                };
                let needs = self.model.needs(&territory);
                // `None`: the count is suppressed (statistical confidentiality).
                let offers: Option<usize> = match (needs, &query.cluster, &query.skill) {
                    (None, _, _) => Some(0),
                    (Some(n), Some(cluster), _) => {
                        published(n.clusters.iter().find(|c| &c.id == cluster))
                    }
                    (Some(n), None, Some(skill)) => {
                        published(n.skills.iter().find(|c| c.id == skill.as_str()))
                    }
                    (Some(n), None, None) if n.offers > 0 && n.offers < threshold => None,
                    (Some(n), None, None) => Some(n.offers),
                };
                let supply = supplied.get(code).copied().unwrap_or_default();
                let value = match query.indicator {
                    MapIndicator::Demand => offers.map(|o| o as f64),
                    MapIndicator::Supply => Some(f64::from(supply.seats)),
                    MapIndicator::Gap => {
                        offers.map(|o| (unmet_demand(o, supply.seats) * 10.0).round() / 10.0)
                    }
                };
                IndicatorValue {
                    code: code.to_string(),
                    name: name.to_string(),
                    offers,
                    seats: supply.seats,
                    suppressed: offers.is_none(),
                    trainings: supply.trainings,
                    value,
                    centre,
                }
            })
            .collect();
        Ok(IndicatorMap {
            cluster: query.cluster.clone(),
            indicator: query.indicator,
            level: query.level,
            skill: query.skill.clone(),
            values,
        })
    }
}

/// A cell's offers, `None` when suppressed, 0 when the territory has no such cell.
fn published(cell: Option<&crate::needs::Cell>) -> Option<usize> {
    match cell {
        Some(cell) if cell.suppressed => None,
        Some(cell) => Some(cell.offers),
        None => Some(0),
    }
}

impl IndicatorMap {
    /// The name of a download of the map: `indicateur-<level>-<indicator>.<extension>`.
    pub fn file_name(&self, extension: &str) -> String {
        format!(
            "indicateur-{}-{}.{extension}",
            self.level.as_str(),
            self.indicator.as_str()
        )
    }

    /// The map for French spreadsheets; a suppressed count is left empty.
    pub fn to_csv(&self) -> Result<Vec<u8>> {
        let mut csv = FrenchCsv::new(&[
            "code",
            "nom",
            "indicateur",
            "valeur",
            "offres",
            "formations",
            "places",
        ])?;
        for row in &self.values {
            csv.row([
                row.code.as_str(),
                row.name.as_str(),
                self.indicator.as_str(),
                &row.value
                    .map_or_else(String::new, |v| decimal(v, None, true)),
                &row.offers.map_or_else(String::new, |o| o.to_string()),
                &row.trainings.to_string(),
                &row.seats.to_string(),
            ])?;
        }
        csv.finish()
    }

    /// The map as GeoJSON features: each territory drawn with its outline from
    /// `outlines` (a FeatureCollection whose features carry `properties.code`), else as
    /// a point at its centre.
    pub fn to_geojson(&self, outlines: Option<&serde_json::Value>) -> MapFeatures {
        let shapes: HashMap<&str, &serde_json::Value> = outlines
            .and_then(|o| o["features"].as_array())
            .into_iter()
            .flatten()
            .filter_map(|f| Some((f["properties"]["code"].as_str()?, &f["geometry"])))
            .collect();
        let features = (self.values.iter())
            .map(|row| MapFeature {
                geometry: shapes.get(row.code.as_str()).map_or_else(
                    || {
                        serde_json::json!({"type": "Point", "coordinates": [row.centre.1, row.centre.0]})
                    },
                    |g| (*g).clone(),
                ),
                properties: MapProperties {
                    code: row.code.clone(),
                    nom: row.name.clone(),
                    offers: row.offers,
                    seats: row.seats,
                    trainings: row.trainings,
                    value: row.value,
                },
                kind: "Feature",
            })
            .collect();
        MapFeatures {
            features,
            kind: "FeatureCollection",
        }
    }
}
