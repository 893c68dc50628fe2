//! Curriculum coverage for training providers: the skills a curriculum covers with
//! their evidence, the in-demand skills of a territory it misses with example postings,
//! its nearest needs, similar trainings, and an alignment score.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::corpus::MAX_TEXT_BYTES;
use crate::extract::Field;
use crate::index::{DocumentKind, SearchQuery};
use crate::model::SkillId;
use crate::needs::Example;
use crate::taxonomy::SkillKind;
use crate::{Error, Result};

use super::territorial::{TerritoryRef, parse_territory};
use super::{Ranker, round3, skill_cosine};

/// What a provider asks about: a curriculum text or a catalogue training, in a
/// territory (`region:84`, `departement:69`, `bassin:8457`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverageRequest {
    pub curriculum: Option<String>,
    /// Optional title of a pasted curriculum.
    pub title: Option<String>,
    pub training_id: Option<String>,
    pub territory: String,
}

/// One place a skill is evidenced, as a byte span of the report's `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
}

/// A skill the curriculum covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoveredSkill {
    pub id: SkillId,
    pub label: String,
    /// Share of the territory's offers asking for it (none when not published there).
    pub demand_share: Option<f32>,
    pub evidence: Vec<Evidence>,
}

/// An in-demand skill of the territory the curriculum misses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MissingSkill {
    pub id: SkillId,
    pub label: String,
    pub offers: usize,
    pub share: f32,
    pub examples: Vec<Example>,
}

/// A need the curriculum is close to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NearCluster {
    pub id: String,
    pub label: String,
    pub similarity: f32,
    /// Offers of the territory in this need (0 when none or suppressed).
    pub offers: usize,
}

/// A training of the territory teaching similar skills.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarTraining {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub city: Option<String>,
    pub similarity: f32,
}

/// The alignment score and how it was computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}

/// The coverage report of a curriculum in a territory.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageReport {
    pub territory: TerritoryRef,
    pub training_id: Option<String>,
    /// The text evidence spans point into.
    pub text: String,
    pub alignment: Alignment,
    pub covered: Vec<CoveredSkill>,
    pub missing: Vec<MissingSkill>,
    pub clusters: Vec<NearCluster>,
    pub similar: Vec<SimilarTraining>,
}

/// Missing skills listed.
const MAX_MISSING: usize = 15;
/// Example postings per missing skill.
const EXAMPLES: usize = 3;

impl Ranker {
    /// The coverage report of a curriculum (or a catalogue training) in a territory.
    pub fn coverage(&self, request: &CoverageRequest) -> Result<CoverageReport> {
        let territory = parse_territory("territory", &request.territory)?;
        let reference = self.territory(&territory)?;
        let (title, text, training_id) = match (&request.curriculum, &request.training_id) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid(
                    "curriculum",
                    "give either curriculum or training_id, not both",
                ));
            }
            (Some(text), None) => {
                if text.trim().is_empty() {
                    return Err(Error::invalid("curriculum", "empty curriculum"));
                }
                if text.len() > MAX_TEXT_BYTES {
                    return Err(Error::invalid(
                        "curriculum",
                        format!("longer than {MAX_TEXT_BYTES} bytes"),
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
                return Err(Error::invalid(
                    "curriculum",
                    "give a curriculum text or a training_id",
                ));
            }
        };
        // A catalogue training was extracted when the ranker was built.
        let mentions = match &training_id {
            Some(id) => self.entry(id)?.mentions.clone(),
            None => self.engine.extract(&title, &text).skills,
        };
        let needs = self.model.needs(&territory);
        let share_of = |id: &SkillId| -> Option<f32> {
            needs.and_then(|n| {
                n.skills
                    .iter()
                    .find(|c| c.id == id.as_str() && !c.suppressed)
                    .map(|c| c.share)
            })
        };
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
        // The territory's in-demand skills, most offers first.
        let in_demand: Vec<&crate::needs::Cell> = needs
            .map(|n| {
                n.skills
                    .iter()
                    .filter(|c| !c.suppressed && c.offers > 0)
                    .take(self.params.alignment_skills)
                    .collect()
            })
            .unwrap_or_default();
        let total_demand: f32 = in_demand.iter().map(|c| c.share).sum();
        let covered_demand: f32 = in_demand
            .iter()
            .filter(|c| SkillId::parse(&c.id).is_ok_and(|id| held.contains(&id)))
            .map(|c| c.share)
            .sum();
        let taxonomy = self.engine.taxonomy();
        let missing: Vec<MissingSkill> = in_demand
            .iter()
            .filter_map(|cell| {
                let id = SkillId::parse(&cell.id).ok()?;
                if held.contains(&id) {
                    return None;
                }
                // Transversal skills are asked for everywhere: they are not a curriculum gap.
                if taxonomy
                    .skill(&id)
                    .is_some_and(|s| s.kind == SkillKind::Transversal)
                {
                    return None;
                }
                Some(MissingSkill {
                    examples: self.examples(&id, &territory),
                    id,
                    label: cell.label.clone(),
                    offers: cell.offers,
                    share: cell.share,
                })
            })
            .take(MAX_MISSING)
            .collect();
        // Nearest needs and similar trainings, by IDF-weighted skill cosine.
        let weights: Vec<(SkillId, f32)> = held
            .iter()
            .map(|id| ((*id).clone(), self.idf(id)))
            .collect();
        let mut clusters: Vec<NearCluster> = self
            .model
            .clusters
            .iter()
            .map(|cluster| {
                let centroid: Vec<(SkillId, f32)> = cluster
                    .top_skills
                    .iter()
                    .map(|s| (s.id.clone(), s.weight))
                    .collect();
                let offers = needs
                    .and_then(|n| n.clusters.iter().find(|c| c.id == cluster.id))
                    .map_or(0, |c| c.offers);
                NearCluster {
                    id: cluster.id.clone(),
                    label: cluster.label.clone(),
                    similarity: round3(skill_cosine(&weights, &centroid)),
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
            .filter(|e| {
                e.placement
                    .as_ref()
                    .and_then(|p| p.at(territory.level))
                    .is_some_and(|code| code == territory.code)
            })
            .map(|e| {
                let other: Vec<(SkillId, f32)> = e
                    .skills
                    .iter()
                    .map(|id| (id.clone(), self.idf(id)))
                    .collect();
                SimilarTraining {
                    id: e.training.id.clone(),
                    title: e.training.title.clone(),
                    provider: e.training.provider.clone(),
                    city: e.training.location.city.clone(),
                    similarity: round3(skill_cosine(&weights, &other)),
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
        let score = if total_demand > 0.0 {
            covered_demand / total_demand
        } else {
            0.0
        };
        Ok(CoverageReport {
            territory: reference,
            training_id,
            text,
            alignment: Alignment {
                score: round3(score),
                formula: format!(
                    "alignement = Σ part des offres des compétences demandées couvertes / Σ part \
                     des offres des {} compétences les plus demandées du territoire",
                    self.params.alignment_skills
                ),
                covered_demand: round3(covered_demand),
                total_demand: round3(total_demand),
                skills_considered: in_demand.len(),
            },
            covered,
            missing,
            clusters,
            similar,
        })
    }

    fn idf(&self, id: &SkillId) -> f32 {
        self.model
            .vocabulary
            .position(id)
            .map_or(1.0, |p| self.model.vocabulary.idf[p as usize])
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
