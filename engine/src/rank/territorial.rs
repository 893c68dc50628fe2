//! Territory → trainings: the trainings of a territory ranked by the unmet demand they
//! answer, and the needs no training of the territory answers ("besoins non couverts").

use serde::Serialize;

use crate::model::Modality;
use crate::territory::{TerritoryId, TerritoryLevel};
use std::collections::HashMap;

use jiff::civil::Date;

use crate::Result;
use crate::needs::{TerritoryNeeds, tension, unmet_demand};

use super::PublicSupply;

use super::{Ranker, parse_date, round3};

/// A territory as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TerritoryRef {
    pub id: String,
    pub level: TerritoryLevel,
    pub code: String,
    pub name: String,
}

/// A need a training answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnsweredNeed {
    pub id: String,
    pub label: String,
    /// Offers of the territory in this need.
    pub offers: usize,
    /// Cosine similarity of the curriculum's skills with the need's skills.
    pub similarity: f32,
}

/// One training of a territory ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TerritoryTraining {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub city: Option<String>,
    pub modality: Modality,
    /// Share of the territory's unmet demand the training answers, in [0, 1].
    pub score: f32,
    pub covers: Vec<AnsweredNeed>,
    pub reasons: Vec<String>,
}

/// A need with published demand in the territory that no training there answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UncoveredNeed {
    pub id: String,
    pub label: String,
    pub offers: usize,
    pub share: f32,
}

/// Trainings for a territory.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TerritoryRanking {
    pub territory: TerritoryRef,
    pub offers: usize,
    pub trainings: Vec<TerritoryTraining>,
    pub uncovered: Vec<UncoveredNeed>,
    /// How the score is computed, in French.
    pub formula: String,
}

/// A territory's indicators with the supply of its needs as of a day: what the
/// observatory's territory panel shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TerritoryReport {
    pub territory: TerritoryRef,
    /// The published indicators, each need's trainings, seats and tension counted as of
    /// the day asked; `None` when the territory has none.
    pub needs: Option<TerritoryNeeds>,
    /// Open seats per priority public.
    pub publics: PublicSupply,
    /// Needs with published demand no training of the territory answers.
    pub uncovered: Vec<UncoveredNeed>,
}

impl Ranker {
    /// A territory's indicators, supply as of `today`, and its uncovered needs.
    pub fn territory_report(
        &self,
        territory: &TerritoryId,
        today: &str,
    ) -> Result<TerritoryReport> {
        let reference = self.territory(territory)?;
        let uncovered = self
            .territory_trainings(territory, today, false, 0)?
            .uncovered;
        let publics = self.public_supply(territory, today)?;
        let day = parse_date("today", today)?;
        let supplied = self.supply_by_need(territory, day);
        let needs = self.model.needs(territory).map(|needs| {
            let mut needs = needs.clone();
            for cell in &mut needs.clusters {
                let supply = supplied.get(cell.id.as_str()).copied().unwrap_or_default();
                cell.trainings = supply.trainings;
                cell.seats = supply.seats;
                cell.tension = (!cell.suppressed).then(|| tension(cell.offers, supply.seats));
            }
            needs
        });
        Ok(TerritoryReport {
            territory: reference,
            needs,
            publics,
            uncovered,
        })
    }

    /// The display form of a territory, or `NotFound`.
    pub fn territory(&self, territory: &TerritoryId) -> Result<TerritoryRef> {
        Ok(TerritoryRef {
            id: territory.to_string(),
            level: territory.level,
            code: territory.code.clone(),
            name: self.geography.name_of(territory)?,
        })
    }

    /// Ranks the trainings located in `territory` (remote ones included when
    /// `include_remote`) by the unmet demand of its needs they answer, as of `today`.
    pub fn territory_trainings(
        &self,
        territory: &TerritoryId,
        today: &str,
        include_remote: bool,
        limit: usize,
    ) -> Result<TerritoryRanking> {
        let today = parse_date("today", today)?;
        let reference = self.territory(territory)?;
        let needs = self.model.needs_or_empty(territory, &self.geography)?;
        // Unmet demand of each need: its offers, discounted by the seats open today.
        let supplied = self.supply_by_need(territory, today);
        let unmet: Vec<(&crate::needs::Cell, f32)> = needs
            .clusters
            .iter()
            .filter(|c| !c.suppressed && c.offers > 0)
            .map(|c| {
                let seats = supplied.get(c.id.as_str()).map_or(0, |s| s.seats);
                (c, unmet_demand(c.offers, seats) as f32)
            })
            .collect();
        let total: f32 = unmet.iter().map(|(_, u)| u).sum();
        let mut answered = std::collections::HashSet::new();
        let mut ranked = Vec::new();
        for (entry, gate) in self.entries.iter().zip(&self.gates) {
            let training = entry.training.as_ref();
            let local = entry.is_in(territory);
            let remote = training.modality == Modality::Distanciel;
            if !(local || include_remote && remote) {
                continue;
            }
            if gate.label_expired(today) || !entry.has_open_session(today) {
                continue;
            }
            let mut covers = Vec::new();
            let mut score = 0.0;
            for (cell, need_unmet) in &unmet {
                if let Some((_, similarity)) = entry.needs.iter().find(|(id, _)| *id == cell.id) {
                    score += similarity * need_unmet;
                    covers.push(AnsweredNeed {
                        id: cell.id.clone(),
                        label: cell.label.clone(),
                        offers: cell.offers,
                        similarity: round3(*similarity),
                    });
                    if local {
                        answered.insert(cell.id.clone());
                    }
                }
            }
            covers.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.id.cmp(&b.id)));
            let score = if total > 0.0 { score / total } else { 0.0 };
            let mut reasons: Vec<String> = covers
                .iter()
                .take(3)
                .map(|need| {
                    format!(
                        "Répond au besoin « {} » ({} offres dans le territoire).",
                        need.label, need.offers
                    )
                })
                .collect();
            if covers.is_empty() {
                reasons.push("Ne répond à aucun besoin publié du territoire.".to_string());
            }
            if remote && !local {
                reasons.push("Formation à distance, accessible depuis le territoire.".to_string());
            }
            ranked.push(TerritoryTraining {
                id: training.id.clone(),
                title: training.title.clone(),
                provider: training.provider.clone(),
                city: training.location.city.clone(),
                modality: training.modality,
                score: round3(score),
                covers,
                reasons,
            });
        }
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id)));
        ranked.truncate(limit);
        let mut uncovered: Vec<UncoveredNeed> = unmet
            .iter()
            .filter(|(cell, _)| !answered.contains(&cell.id))
            .map(|(cell, _)| UncoveredNeed {
                id: cell.id.clone(),
                label: cell.label.clone(),
                offers: cell.offers,
                share: cell.share,
            })
            .collect();
        uncovered.sort_by(|a, b| b.offers.cmp(&a.offers).then(a.id.cmp(&b.id)));
        Ok(TerritoryRanking {
            territory: reference,
            offers: needs.offers,
            trainings: ranked,
            uncovered,
            formula: "score = Σ_besoins similarité(formation, besoin) × demande non satisfaite \
                      / Σ_besoins demande non satisfaite, où demande non satisfaite = offres² / \
                      (offres + places ouvertes)"
                .to_string(),
        })
    }
}

/// Training supply of a territory: trainings located there with open seats in sessions
/// starting from `today`, and those seats.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Supply {
    pub trainings: usize,
    pub seats: u32,
}

impl Ranker {
    /// Supply of each need in a territory as of `today`: the trainings located there
    /// that answer it (the model's rule) with open seats.
    pub(super) fn supply_by_need(
        &self,
        territory: &TerritoryId,
        today: Date,
    ) -> HashMap<&str, Supply> {
        let mut supplied: HashMap<&str, Supply> = HashMap::new();
        for entry in self.entries.iter().filter(|e| e.is_in(territory)) {
            let seats = entry.open_seats(today);
            if seats == 0 {
                continue;
            }
            for (need, _) in &entry.needs {
                let supply = supplied.entry(need.as_str()).or_default();
                supply.trainings += 1;
                supply.seats += seats;
            }
        }
        supplied
    }

    /// Supply of a territory, for one need or one skill, or overall.
    pub fn supply(
        &self,
        territory: &TerritoryId,
        need: Option<&str>,
        skill: Option<&crate::model::SkillId>,
        today: &str,
    ) -> Result<Supply> {
        let today = parse_date("today", today)?;
        let mut supply = Supply::default();
        for entry in &self.entries {
            let here = entry.is_in(territory);
            if !here
                || need.is_some_and(|n| !entry.needs.iter().any(|(id, _)| id == n))
                || skill.is_some_and(|s| !entry.skills.contains(s))
            {
                continue;
            }
            let seats = entry.open_seats(today);
            if seats > 0 {
                supply.trainings += 1;
                supply.seats += seats;
            }
        }
        Ok(supply)
    }
}

impl From<TerritoryRef> for TerritoryId {
    fn from(value: TerritoryRef) -> TerritoryId {
        TerritoryId {
            level: value.level,
            code: value.code,
        }
    }
}
