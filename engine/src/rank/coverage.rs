//! Curriculum coverage for training providers: the skills a curriculum covers with
//! their evidence, the in-demand skills it misses with example postings, its nearest
//! needs, similar trainings, and an alignment score.
//!
//! A curriculum is measured against the demand of the métiers it prepares for, in the
//! territory (see `demand`); the territory's whole demand is given beside it as
//! context, and is the measure when no métier is known.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::error::Invalid;
use crate::extract::{Field, SkillMention};
use crate::index::{DocumentKind, SearchQuery};
use crate::model::MAX_TEXT_BYTES;
use crate::model::SkillId;
use crate::needs::Example;
use crate::{Error, Result};

use super::demand::{DemandSkill, TargetOccupation};
use super::territorial::TerritoryRef;
use super::{Ranker, round3};
use crate::vectors::sparse_cosine;

/// What a provider asks about: a curriculum text or a catalogue training, in a
/// territory (`region:84`, `departement:69`, `bassin:8457`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageRequest {
    pub curriculum: Option<String>,
    /// Optional title of a pasted curriculum.
    pub title: Option<String>,
    pub training_id: Option<String>,
    pub territory: String,
    /// ROME codes of the métiers the curriculum prepares for, when the provider gives
    /// them (else taken from the training or detected in the text).
    #[serde(default)]
    pub rome: Vec<String>,
}

/// One place a skill is evidenced, as a byte span of the report's `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
}

/// A skill the curriculum covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoveredSkill {
    pub id: SkillId,
    pub label: String,
    /// Share of the offers measured against (the métiers' in the territory) asking for
    /// it (none when not published there).
    pub demand_share: Option<f32>,
    pub evidence: Vec<Evidence>,
}

/// An in-demand skill the curriculum misses.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MissingSkill {
    pub id: SkillId,
    pub label: String,
    pub offers: usize,
    pub share: f32,
    pub examples: Vec<Example>,
}

/// A need the curriculum is close to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NearCluster {
    pub id: String,
    pub label: String,
    pub similarity: f32,
    /// Offers of the territory in this need (0 when none or suppressed).
    pub offers: usize,
}

/// A training of the territory teaching similar skills.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SimilarTraining {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub city: Option<String>,
    pub similarity: f32,
}

/// The alignment score and how it was computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Alignment {
    /// In [0, 1].
    pub score: f32,
    pub formula: String,
    /// Demand (sum of shares) of the considered skills the curriculum covers.
    pub covered_demand: f32,
    /// Demand of all considered skills.
    pub total_demand: f32,
    /// In-demand skills considered.
    pub skills_considered: usize,
    /// The demand measured against, in French.
    pub against: String,
}

/// The curriculum against the whole territory's demand, whatever the métiers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TerritoryWide {
    pub alignment: Alignment,
    pub missing: Vec<MissingSkill>,
}

/// The coverage report of a curriculum in a territory.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CoverageReport {
    pub territory: TerritoryRef,
    pub training_id: Option<String>,
    /// The text evidence spans point into.
    pub text: String,
    /// The métiers measured against, with why; empty when none is known (the
    /// territory's whole demand is then the measure).
    pub occupations: Vec<TargetOccupation>,
    pub alignment: Alignment,
    pub covered: Vec<CoveredSkill>,
    pub missing: Vec<MissingSkill>,
    /// The same measure against the territory's whole demand.
    pub territory_wide: TerritoryWide,
    pub clusters: Vec<NearCluster>,
    pub similar: Vec<SimilarTraining>,
}

/// A request gives a curriculum or a training, not both.
const ONE_OF: Invalid = Invalid::ExactlyOne {
    fields: &["curriculum", "training_id"],
};

/// Missing skills listed.
const MAX_MISSING: usize = 15;
/// Example postings per missing skill.
const EXAMPLES: usize = 3;

impl Ranker {
    /// The coverage report of a curriculum (or a catalogue training) in a territory.
    pub fn coverage(&self, request: &CoverageRequest) -> Result<CoverageReport> {
        let territory =
            crate::territory::TerritoryId::parse_field("territory", &request.territory)?;
        let reference = self.territory(&territory)?;
        let (title, text, training_id) = match (&request.curriculum, &request.training_id) {
            (Some(_), Some(_)) => {
                return Err(Error::input("curriculum", ONE_OF));
            }
            (Some(text), None) => {
                if text.trim().is_empty() {
                    return Err(Error::input("curriculum", Invalid::Empty));
                }
                if text.len() > MAX_TEXT_BYTES {
                    return Err(Error::input(
                        "curriculum",
                        Invalid::TooLong {
                            max_bytes: MAX_TEXT_BYTES,
                        },
                    ));
                }
                (
                    request.title.clone().unwrap_or_default(),
                    text.clone(),
                    None,
                )
            }
            (None, Some(id)) => {
                let training = self.training(id)?;
                (
                    training.title.clone(),
                    training.curriculum_text(),
                    Some(id.clone()),
                )
            }
            (None, None) => {
                return Err(Error::input("curriculum", ONE_OF));
            }
        };
        // A catalogue training was extracted when the ranker was built; its métiers are
        // classified only when its ROME codes give none with a demand profile.
        let (mentions, detected) = match &training_id {
            Some(id) => (self.entry(id)?.mentions.clone(), None),
            None => {
                let extraction = self.extractor.extract(&title, &text);
                let taught = taught_skills(&extraction.skills, self.params.min_skill_score);
                let detected = self.detect_occupations(&extraction.occupations, &taught);
                (extraction.skills, Some(detected))
            }
        };
        let training_rome = match &training_id {
            Some(id) => self.training(id)?.rome.clone(),
            None => Vec::new(),
        };
        let mut targets = self.target_occupations(
            &request.rome,
            &training_rome,
            detected.as_deref().unwrap_or_default(),
        )?;
        if targets.is_empty() && detected.is_none() {
            let occupations = self.extractor.extract(&title, &text).occupations;
            let taught = taught_skills(&mentions, self.params.min_skill_score);
            let detected = self.detect_occupations(&occupations, &taught);
            targets = self.target_occupations(&[], &[], &detected)?;
        }
        let needs = self.model.needs(&territory);
        // The territory's in-demand skills, most offers first.
        let territory_demand: Vec<DemandSkill> = needs
            .map(|n| {
                n.skills
                    .iter()
                    .filter(|c| !c.suppressed && c.offers > 0)
                    .filter_map(|c| {
                        Some(DemandSkill {
                            id: SkillId::parse(&c.id).ok()?,
                            label: c.label.clone(),
                            offers: c.offers,
                            share: c.share,
                        })
                    })
                    .take(self.params.alignment_skills)
                    .collect()
            })
            .unwrap_or_default();
        let territory_against = format!(
            "ensemble des offres analysées en {} ({})",
            reference.name,
            needs.map_or(0, |n| n.offers)
        );
        let occupations_demand = (!targets.is_empty())
            .then(|| self.occupations_demand(&targets, &territory, &reference.name));
        // The métiers' demand when they have published skills, else the territory's.
        let (demand, against): (Vec<DemandSkill>, String) = match &occupations_demand {
            Some(d) if !d.skills.is_empty() => {
                let labels: Vec<&str> = d.occupations.iter().map(|o| o.label.as_str()).collect();
                let place = if d.local {
                    format!("en {}", reference.name)
                } else {
                    "sur l'ensemble des offres analysées".to_string()
                };
                (
                    d.skills
                        .iter()
                        .take(self.params.alignment_skills)
                        .cloned()
                        .collect(),
                    format!(
                        "offres des métiers {} {place} ({})",
                        labels.join(", "),
                        d.offers
                    ),
                )
            }
            _ => (territory_demand.clone(), territory_against.clone()),
        };
        let share_of =
            |id: &SkillId| -> Option<f32> { demand.iter().find(|c| &c.id == id).map(|c| c.share) };
        // Every occurrence of every skill, grouped by skill, in text order.
        let mut covered: BTreeMap<SkillId, CoveredSkill> = BTreeMap::new();
        for mention in &mentions {
            if mention.score < self.params.min_skill_score {
                continue;
            }
            let skill = covered
                .entry(mention.skill.clone())
                .or_insert_with(|| CoveredSkill {
                    id: mention.skill.clone(),
                    label: mention.label.clone(),
                    demand_share: share_of(&mention.skill),
                    evidence: Vec::new(),
                });
            if mention.field == Field::Text
                && let (Some(start), Some(end)) = (mention.start, mention.end)
            {
                skill.evidence.push(Evidence { start, end });
            }
        }
        for skill in covered.values_mut() {
            skill.evidence.sort_by_key(|e| (e.start, e.end));
            skill.evidence.dedup();
        }
        let held: HashSet<&SkillId> = covered.keys().collect();
        let (alignment, missing) = self.measure(&demand, &held, &territory, against);
        let (wide_alignment, wide_missing) =
            self.measure(&territory_demand, &held, &territory, territory_against);
        // Nearest needs and similar trainings, by IDF-weighted skill cosine.
        let weights: Vec<(SkillId, f32)> = held
            .iter()
            .map(|id| ((*id).clone(), self.model.idf(id)))
            .collect();
        let similarities = self.model.need_similarities(held.iter().copied());
        let mut clusters: Vec<NearCluster> = (self.model.clusters.iter())
            .zip(similarities)
            .map(|(cluster, similarity)| {
                let offers = needs
                    .and_then(|n| n.clusters.iter().find(|c| c.id == cluster.id))
                    .map_or(0, |c| c.offers);
                NearCluster {
                    id: cluster.id.clone(),
                    label: cluster.label.clone(),
                    similarity: round3(similarity),
                    offers,
                }
            })
            .filter(|c| c.similarity > 0.0)
            .collect();
        clusters.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.id.cmp(&b.id)));
        clusters.truncate(5);
        let mut similar: Vec<SimilarTraining> = self
            .entries
            .iter()
            .filter(|e| training_id.as_deref() != Some(e.training.id.as_str()))
            .filter(|e| e.is_in(&territory))
            .map(|e| {
                let other: Vec<(SkillId, f32)> = e
                    .skills
                    .iter()
                    .map(|id| (id.clone(), self.model.idf(id)))
                    .collect();
                SimilarTraining {
                    id: e.training.id.clone(),
                    title: e.training.title.clone(),
                    provider: e.training.provider.clone(),
                    city: e.training.location.city.clone(),
                    similarity: round3(sparse_cosine(&weights, &other)),
                }
            })
            .filter(|s| s.similarity > 0.0)
            .collect();
        similar.sort_by(|a, b| b.similarity.total_cmp(&a.similarity).then(a.id.cmp(&b.id)));
        similar.truncate(5);
        let mut covered: Vec<CoveredSkill> = covered.into_values().collect();
        covered.sort_by(|a, b| {
            b.demand_share
                .unwrap_or(0.0)
                .total_cmp(&a.demand_share.unwrap_or(0.0))
                .then(a.label.cmp(&b.label))
        });
        Ok(CoverageReport {
            territory: reference,
            training_id,
            text,
            occupations: occupations_demand
                .map(|d| d.occupations)
                .unwrap_or_default(),
            alignment,
            covered,
            missing,
            territory_wide: TerritoryWide {
                alignment: wide_alignment,
                missing: wide_missing,
            },
            clusters,
            similar,
        })
    }

    /// The alignment of the skills `held` with `demand` (most asked first), and the
    /// in-demand technical skills missing, with example postings of the territory.
    fn measure(
        &self,
        demand: &[DemandSkill],
        held: &HashSet<&SkillId>,
        territory: &crate::territory::TerritoryId,
        against: String,
    ) -> (Alignment, Vec<MissingSkill>) {
        let total_demand: f32 = demand.iter().map(|c| c.share).sum();
        let covered_demand: f32 = demand
            .iter()
            .filter(|c| held.contains(&c.id))
            .map(|c| c.share)
            .sum();
        let taxonomy = self.extractor.taxonomy();
        let missing: Vec<MissingSkill> = demand
            .iter()
            .filter(|c| !held.contains(&c.id))
            // Transversal skills and languages are asked for everywhere: they are not a
            // curriculum gap.
            .filter(|c| {
                !taxonomy
                    .skill(&c.id)
                    .is_some_and(|s| s.kind.is_transversal())
            })
            .take(MAX_MISSING)
            .map(|c| MissingSkill {
                examples: self.examples(&c.id, territory),
                id: c.id.clone(),
                label: c.label.clone(),
                offers: c.offers,
                share: c.share,
            })
            .collect();
        let score = if total_demand > 0.0 {
            covered_demand / total_demand
        } else {
            0.0
        };
        let alignment = Alignment {
            score: round3(score),
            formula: format!(
                "alignement = Σ part des offres des compétences demandées couvertes / Σ part \
                 des offres des {} compétences les plus demandées",
                self.params.alignment_skills
            ),
            covered_demand: round3(covered_demand),
            total_demand: round3(total_demand),
            skills_considered: demand.len(),
            against,
        };
        (alignment, missing)
    }

    /// Postings of the territory asking for a skill, from the posting index.
    fn examples(&self, skill: &SkillId, territory: &crate::territory::TerritoryId) -> Vec<Example> {
        let Some(index) = &self.index else {
            return Vec::new();
        };
        let query = SearchQuery {
            territory: Some(territory.clone()),
            kind: Some(DocumentKind::Posting),
            skill: Some(skill.clone()),
            limit: EXAMPLES,
            ..SearchQuery::default()
        };
        index
            .search(&query)
            .map(|results| {
                results
                    .hits
                    .into_iter()
                    .map(|hit| Example {
                        id: hit.id,
                        title: hit.title,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The distinct skills of a curriculum's mentions scored at least `min_score`.
fn taught_skills(mentions: &[SkillMention], min_score: f32) -> Vec<SkillId> {
    let mut taught: Vec<SkillId> = mentions
        .iter()
        .filter(|m| m.score >= min_score)
        .map(|m| m.skill.clone())
        .collect();
    taught.sort();
    taught.dedup();
    taught
}
