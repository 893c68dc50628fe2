//! The needs read as tables: a territory's indicators (published or empty), a need's
//! spread over the régions and its national growth, and the CSV exports of both for
//! French spreadsheets.

use serde::Serialize;

use super::{Cell, NeedsModel, TerritoryNeeds};
use crate::spreadsheet::{FrenchCsv, decimal};
use crate::territory::{Geography, TerritoryId, TerritoryLevel};
use crate::{Error, NotFoundKind, Result};

/// A need in one région.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedInRegion {
    pub name: String,
    /// Offers of the région in the need (0 when suppressed).
    pub offers: usize,
    pub share: f32,
    /// Fewer offers than the suppression threshold: the count is not published.
    pub suppressed: bool,
    /// `region:CODE`.
    pub territory: String,
}

impl NeedsModel {
    /// The indicators of a territory, empty for a territory of `geography` without
    /// offers; `NotFound` for a territory `geography` does not know.
    pub fn needs_or_empty(
        &self,
        territory: &TerritoryId,
        geography: &Geography,
    ) -> Result<TerritoryNeeds> {
        if let Some(needs) = self.needs(territory) {
            return Ok(needs.clone());
        }
        Ok(TerritoryNeeds {
            territory: territory.clone(),
            name: geography.name_of(territory)?,
            offers: 0,
            clusters: Vec::new(),
            skills: Vec::new(),
            skills_suppressed: 0,
        })
    }

    /// A need's cells in each région that has one, in the model's order.
    pub fn need_by_region(&self, id: &str) -> Result<Vec<NeedInRegion>> {
        self.cluster(id).ok_or_else(|| Error::NotFound {
            kind: NotFoundKind::Need,
            value: id.to_string(),
        })?;
        Ok(self
            .regions()
            .filter_map(|t| {
                let cell = t.clusters.iter().find(|c| c.id == id)?;
                Some(NeedInRegion {
                    name: t.name.clone(),
                    offers: cell.offers,
                    share: cell.share,
                    suppressed: cell.suppressed,
                    territory: t.territory.to_string(),
                })
            })
            .collect())
    }

    /// A need's national growth since the previous refresh: the régions' growth
    /// weighted by their offers (over the régions with a published growth), or `None`.
    pub fn national_growth(&self, id: &str) -> Option<f32> {
        let (weighted, offers) = self
            .regions()
            .filter_map(|t| t.clusters.iter().find(|c| c.id == id))
            .filter_map(|cell| cell.growth.map(|g| (g * cell.offers as f32, cell.offers)))
            .fold((0.0f32, 0usize), |acc, (w, o)| (acc.0 + w, acc.1 + o));
        (offers > 0).then(|| weighted / offers as f32)
    }

    fn regions(&self) -> impl Iterator<Item = &TerritoryNeeds> {
        self.territories
            .iter()
            .filter(|t| t.territory.level == TerritoryLevel::Region)
    }

    /// The needs and their top skills and métiers as CSV, decimals with a comma when
    /// `comma`.
    pub fn clusters_csv(&self, comma: bool) -> Result<Vec<u8>> {
        let mut csv = FrenchCsv::new(&[
            "id",
            "libelle",
            "offres",
            "part",
            "competences",
            "metiers_rome",
        ])?;
        for cluster in &self.clusters {
            let skills: Vec<&str> = cluster
                .top_skills
                .iter()
                .map(|s| s.label.as_str())
                .collect();
            let rome: Vec<String> = cluster.rome.iter().map(|r| r.code.to_string()).collect();
            csv.row([
                cluster.id.clone(),
                cluster.label.clone(),
                cluster.size.to_string(),
                decimal(f64::from(cluster.share), Some(4), comma),
                skills.join(", "),
                rome.join(", "),
            ])?;
        }
        csv.finish()
    }
}

impl TerritoryNeeds {
    /// The territory's needs then skills as CSV rows, decimals with a comma when
    /// `comma`; a suppressed count is left empty with `secret_statistique` = `oui`.
    pub fn to_csv(&self, comma: bool) -> Result<Vec<u8>> {
        let mut csv = FrenchCsv::new(&[
            "type",
            "id",
            "libelle",
            "offres",
            "part",
            "secret_statistique",
            "evolution",
            "formations",
            "places_ouvertes",
            "tension",
        ])?;
        let number = |value: f32| decimal(f64::from(value), Some(4), comma);
        for (kind, cells) in [("besoin", &self.clusters), ("competence", &self.skills)] {
            for cell in cells.iter() {
                let Cell {
                    suppressed,
                    offers,
                    share,
                    ..
                } = *cell;
                csv.row([
                    kind.to_string(),
                    cell.id.clone(),
                    cell.label.clone(),
                    if suppressed {
                        String::new()
                    } else {
                        offers.to_string()
                    },
                    if suppressed {
                        String::new()
                    } else {
                        number(share)
                    },
                    if suppressed { "oui" } else { "non" }.to_string(),
                    cell.growth.map(number).unwrap_or_default(),
                    cell.trainings.to_string(),
                    cell.seats.to_string(),
                    cell.tension.map(number).unwrap_or_default(),
                ])?;
            }
        }
        csv.finish()
    }
}
