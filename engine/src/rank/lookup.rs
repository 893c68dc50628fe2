//! Look-ups that feed the advisers' forms: skills by label or variant, métiers by job
//! title, trainings by words of their title, provider or city, each over folded texts
//! prepared once with the ranker.

use serde::Serialize;

use super::Ranker;
use crate::Result;
use crate::model::{Modality, RomeCode, SkillId};
use crate::taxonomy::{SkillKind, Taxonomy};
use crate::territory::TerritoryId;
use crate::text::fold;

/// Most synonyms a skill look-up lists.
const MAX_SYNONYMS: usize = 10;

/// The folded texts look-ups compare with, prepared once.
#[derive(Debug, Clone, Default)]
pub(super) struct LookupIndex {
    /// Per skill of the taxonomy (same order): folded label, folded surfaces.
    skills: Vec<(String, Vec<String>)>,
    /// Per métier title of the référentiel: folded title, occupation index, title.
    titles: Vec<(String, usize, String)>,
}

impl LookupIndex {
    pub(super) fn new(taxonomy: &Taxonomy, referential: Option<&Taxonomy>) -> LookupIndex {
        let skills = (taxonomy.skills().iter())
            .map(|skill| {
                let surfaces = skill.surfaces.iter().map(|s| fold(&s.text)).collect();
                (fold(&skill.label), surfaces)
            })
            .collect();
        let titles = referential
            .map(|rome| {
                (rome.occupations().iter().enumerate())
                    .flat_map(|(index, occupation)| {
                        std::iter::once(&occupation.label)
                            .chain(&occupation.appellations)
                            .map(move |title| (fold(title), index, title.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        LookupIndex { skills, titles }
    }
}

/// A skill found by a look-up, with its synonyms and the skills asked for with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = SkillItem))]
pub struct SkillMatch {
    pub family: Option<String>,
    pub id: SkillId,
    pub kind: SkillKind,
    pub label: String,
    /// Skills postings ask for together with this one, strongest first.
    pub related: Vec<RelatedSkillRef>,
    /// Other ways of writing it (at most 10).
    pub synonyms: Vec<String>,
}

/// A skill postings ask for together with another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = RelatedItem))]
pub struct RelatedSkillRef {
    pub id: SkillId,
    pub label: String,
    /// Strength of the association (scaled pointwise mutual information).
    pub score: f32,
}

/// A job title (appellation) with its métier.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = OccupationItem))]
pub struct TitleMatch {
    pub appellation: String,
    pub code: RomeCode,
    /// The métier's label.
    pub label: String,
}

/// A training of a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = TrainingItem))]
pub struct TrainingMatch {
    pub city: Option<String>,
    pub id: String,
    pub modality: Modality,
    pub provider: String,
    pub title: String,
}

impl Ranker {
    /// Skills whose label or a variant matches `query` (folded): the exact label first,
    /// then labels and variants starting with it, then labels containing it; shorter
    /// labels first. An empty query finds nothing.
    pub fn find_skills(&self, query: &str, limit: usize) -> Vec<SkillMatch> {
        let folded = fold(query.trim());
        if folded.is_empty() {
            return Vec::new();
        }
        let taxonomy = self.extractor.taxonomy();
        let mut found: Vec<(u8, usize, usize)> = (self.lookup.skills.iter().enumerate())
            .filter_map(|(index, (label, surfaces))| {
                let rank = if *label == folded {
                    0
                } else if label.starts_with(&folded) {
                    1
                } else if surfaces.iter().any(|s| s.starts_with(&folded)) {
                    2
                } else if label.contains(&folded) {
                    3
                } else {
                    return None;
                };
                Some((rank, taxonomy.skills()[index].label.len(), index))
            })
            .collect();
        let skills = taxonomy.skills();
        found.sort_by(|a, b| {
            (a.0.cmp(&b.0))
                .then(a.1.cmp(&b.1))
                .then_with(|| skills[a.2].id.cmp(&skills[b.2].id))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(_, _, index)| {
                let skill = &skills[index];
                SkillMatch {
                    family: skill.family.clone(),
                    id: skill.id.clone(),
                    kind: skill.kind,
                    label: skill.label.clone(),
                    related: (self.model.related(&skill.id).iter())
                        .map(|r| RelatedSkillRef {
                            id: r.skill.clone(),
                            label: (taxonomy.skill(&r.skill))
                                .map_or(r.skill.as_str(), |s| s.label.as_str())
                                .to_string(),
                            score: r.strength,
                        })
                        .collect(),
                    synonyms: (skill.surfaces.iter().skip(1).take(MAX_SYNONYMS))
                        .map(|s| s.text.clone())
                        .collect(),
                }
            })
            .collect()
    }

    /// Métier titles (labels and appellations of the référentiel) matching `query`
    /// (folded): titles starting with it, then with a word starting with it, then
    /// containing it; shorter titles first, each title once. Empty without a
    /// référentiel or a query.
    pub fn find_titles(&self, query: &str, limit: usize) -> Vec<TitleMatch> {
        let folded = fold(query.trim());
        let Some(referential) = self.extractor.referential() else {
            return Vec::new();
        };
        if folded.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u8, usize, &str, usize)> = (self.lookup.titles.iter())
            .filter_map(|(text, index, title)| {
                let rank = if text.starts_with(&folded) {
                    0
                } else if text.split_whitespace().any(|w| w.starts_with(&folded)) {
                    1
                } else if text.contains(&folded) {
                    2
                } else {
                    return None;
                };
                Some((rank, title.len(), title.as_str(), *index))
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then_with(|| a.2.cmp(b.2)));
        found.dedup_by(|a, b| a.2 == b.2);
        found
            .into_iter()
            .take(limit)
            .map(|(_, _, title, index)| {
                let occupation = &referential.occupations()[index];
                TitleMatch {
                    appellation: title.to_string(),
                    code: occupation.code,
                    label: occupation.label.clone(),
                }
            })
            .collect()
    }

    /// Trainings of the catalogue, in catalogue order, whose title, provider and city
    /// hold every word of `query` (folded), located in `territory` when given
    /// (`NotFound` for a territory the geography lacks).
    pub fn find_trainings(
        &self,
        query: &str,
        territory: Option<&TerritoryId>,
        limit: usize,
    ) -> Result<Vec<TrainingMatch>> {
        if let Some(territory) = territory {
            self.territory(territory)?;
        }
        let folded = fold(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        Ok(self
            .entries
            .iter()
            .filter(|entry| territory.is_none_or(|t| entry.is_in(t)))
            .filter(|entry| words.iter().all(|w| entry.haystack.contains(w)))
            .take(limit)
            .map(|entry| {
                let training = entry.training.as_ref();
                TrainingMatch {
                    city: training.location.city.clone(),
                    id: training.id.clone(),
                    modality: training.modality,
                    provider: training.provider.clone(),
                    title: training.title.clone(),
                }
            })
            .collect())
    }
}

/// The folded text a training look-up searches: title, provider and city.
pub(super) fn haystack(training: &crate::model::Training) -> String {
    fold(&format!(
        "{} {} {}",
        training.title,
        training.provider,
        training.location.city.as_deref().unwrap_or("")
    ))
}
