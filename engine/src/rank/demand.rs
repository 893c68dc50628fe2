//! The demand a curriculum is measured against: the métiers it prepares for (given by
//! the provider, the training's ROME codes, or detected in its title and text) and the
//! skills their postings ask for in a territory.
//!
//! The needs model keeps one demand profile per métier for the whole build, not per
//! territory: the territory's share of each skill is counted in the posting index
//! (postings of the territory classified in the métier and naming the skill). Without
//! an index, or when the territory has fewer postings of those métiers than the
//! suppression threshold, the métiers' profiles over every posting are used, and the
//! report says so.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::{CodeKind, Invalid};
use crate::extract::OccupationCandidate;
use crate::index::{DocumentKind, SearchQuery};
use crate::model::{RomeCode, SkillId};
use crate::territory::TerritoryId;
use crate::{Error, Result};

use super::Ranker;

/// Métiers detected in a curriculum's text that a report measures against, at most.
const MAX_DETECTED: usize = 3;
/// A detected métier is kept when its probability is at least this share of the best.
const DETECTED_RELATIVE: f32 = 0.5;
/// Pseudo-postings pulling a métier's share of a skill towards the share over all
/// postings, when detecting a curriculum's métiers by its skills.
const SMOOTHING: f32 = 10.0;
/// Métiers a provider may name.
const MAX_GIVEN: usize = 10;

/// A métier a coverage report measures the curriculum against.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TargetOccupation {
    pub code: String,
    pub label: String,
    /// Why this métier, in French.
    pub why: String,
    /// Postings of the métier in the territory (in the whole build when the report's
    /// demand is national).
    pub offers: usize,
}

/// Where a curriculum's métiers came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Source {
    /// Named by the provider in the request.
    Given,
    /// The ROME codes of a catalogue training.
    Training,
    /// Classified from the curriculum's title and text, with its probability.
    Detected(f32),
}

/// One in-demand skill with the offers asking for it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct DemandSkill {
    pub id: SkillId,
    pub label: String,
    pub offers: usize,
    /// Share of the offers considered that ask for the skill.
    pub share: f32,
}

/// The métiers' demand: their skills, most asked first, and what was counted.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct OccupationsDemand {
    pub occupations: Vec<TargetOccupation>,
    pub skills: Vec<DemandSkill>,
    /// Offers of the métiers counted (in the territory, or national).
    pub offers: usize,
    /// True when counted in the territory's postings, false for the national profiles.
    pub local: bool,
}

impl Ranker {
    /// Métiers a curriculum prepares for, most likely first: the text classifier's
    /// probability averaged with the probability that a métier's postings ask for the
    /// skills the curriculum teaches (a programme lists skills more than it describes a
    /// job, so the skills decide as much as the words).
    ///
    /// The skills' probability is a naive Bayes posterior over the métiers with a demand
    /// profile: prior the métier's share of postings, likelihood the product over the
    /// taught skills of the share of its postings asking for each (their geometric mean),
    /// smoothed towards the skill's share over all postings with [`SMOOTHING`] pseudo-postings (a métier
    /// with 7 postings does not claim every skill its 7 postings happen to share).
    pub(super) fn detect_occupations(
        &self,
        classified: &[OccupationCandidate],
        taught: &[SkillId],
    ) -> Vec<OccupationCandidate> {
        let profiles = &self.model.occupations;
        let all_postings: f32 = profiles.values().map(|p| p.postings as f32).sum();
        // Each taught skill's share over all postings; skills no métier asks for say
        // nothing and are left out.
        let overall: Vec<(&SkillId, f32)> = taught
            .iter()
            .map(|id| {
                let asked: f32 = profiles
                    .values()
                    .filter_map(|p| {
                        let skill = p.skills.iter().find(|s| &s.id == id)?;
                        Some(skill.weight * p.postings as f32)
                    })
                    .sum();
                (
                    id,
                    if all_postings > 0.0 {
                        asked / all_postings
                    } else {
                        0.0
                    },
                )
            })
            .filter(|(_, share)| *share > 0.0)
            .collect();
        let log_posterior: Vec<(RomeCode, f32)> = profiles
            .iter()
            .filter(|(_, p)| p.postings > 0)
            .map(|(code, p)| {
                let n = p.postings as f32;
                let likelihood: f32 = overall
                    .iter()
                    .map(|(id, share)| {
                        let weight = p
                            .skills
                            .iter()
                            .find(|s| &s.id == *id)
                            .map_or(0.0, |s| s.weight);
                        ((weight * n + SMOOTHING * share) / (n + SMOOTHING)).ln()
                    })
                    .sum();
                // A geometric mean: the skills of one programme are not independent
                // draws, and their number should not sharpen the answer.
                let likelihood = likelihood / overall.len().max(1) as f32;
                (*code, (n / all_postings).ln() + likelihood)
            })
            .collect();
        let best = log_posterior
            .iter()
            .map(|l| l.1)
            .fold(f32::NEG_INFINITY, f32::max);
        let normaliser: f32 = log_posterior.iter().map(|l| (l.1 - best).exp()).sum();
        let mut detected: Vec<OccupationCandidate> = log_posterior
            .iter()
            .filter_map(|(code, log_p)| {
                let by_skills = if overall.is_empty() {
                    0.0
                } else {
                    (log_p - best).exp() / normaliser
                };
                let classified = classified.iter().find(|c| c.code == *code);
                let by_text = classified.map_or(0.0, |c| c.score);
                let label = match classified {
                    Some(c) => c.label.clone(),
                    None => profiles.get(code)?.label.clone(),
                };
                Some(OccupationCandidate {
                    code: *code,
                    label,
                    score: if overall.is_empty() {
                        by_text
                    } else {
                        (by_text + by_skills) / 2.0
                    },
                    title_score: classified.map_or(0.0, |c| c.title_score),
                    text_score: classified.map_or(0.0, |c| c.text_score),
                })
            })
            .filter(|c| c.score > 0.0)
            .collect();
        detected.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.code.cmp(&b.code)));
        detected
    }

    /// The métiers to measure a curriculum against, best reason first: the codes the
    /// provider gave, else the training's ROME codes, else the métiers its title and
    /// text classify as. Only métiers with a demand profile in the model are kept.
    pub(super) fn target_occupations(
        &self,
        given: &[String],
        training_rome: &[RomeCode],
        detected: &[OccupationCandidate],
    ) -> Result<Vec<(RomeCode, Source)>> {
        if given.len() > MAX_GIVEN {
            return Err(Error::input("rome", Invalid::TooMany { max: MAX_GIVEN }));
        }
        let mut chosen: Vec<(RomeCode, Source)> = Vec::new();
        for (i, code) in given.iter().enumerate() {
            let code = RomeCode::parse(code.trim()).map_err(|_| {
                Error::input(
                    format!("rome[{i}]"),
                    Invalid::Code {
                        value: code.clone(),
                        kind: CodeKind::Rome,
                    },
                )
            })?;
            chosen.push((code, Source::Given));
        }
        if chosen.is_empty() {
            chosen.extend(training_rome.iter().map(|code| (*code, Source::Training)));
        }
        chosen.retain(|(code, _)| self.model.occupation(code).is_some());
        if chosen.is_empty() {
            let best = detected.first().map_or(0.0, |c| c.score);
            chosen.extend(
                detected
                    .iter()
                    .filter(|c| c.score >= best * DETECTED_RELATIVE && c.score > 0.0)
                    .filter(|c| self.model.occupation(&c.code).is_some())
                    .take(MAX_DETECTED)
                    .map(|c| (c.code, Source::Detected(c.score))),
            );
        }
        let mut seen = Vec::new();
        chosen.retain(|(code, _)| {
            let new = !seen.contains(code);
            seen.push(*code);
            new
        });
        Ok(chosen)
    }

    /// The skills the postings of `occupations` ask for in `territory`, weighted by
    /// offers; the métiers' national profiles when the territory has too few.
    pub(super) fn occupations_demand(
        &self,
        occupations: &[(RomeCode, Source)],
        territory: &TerritoryId,
        territory_name: &str,
    ) -> OccupationsDemand {
        let threshold = self.model.params.suppression_threshold.max(1);
        let profiles: Vec<(RomeCode, Source, &crate::needs::OccupationDemand)> = occupations
            .iter()
            .filter_map(|(code, source)| Some((*code, *source, self.model.occupation(code)?)))
            .collect();
        let local_offers: Option<Vec<usize>> = profiles
            .iter()
            .map(|(code, _, _)| self.count_postings(territory, *code, None))
            .collect();
        let local = local_offers
            .as_ref()
            .is_some_and(|offers| offers.iter().sum::<usize>() >= threshold);
        // Skill → offers asking for it, over the métiers.
        let mut asked: BTreeMap<SkillId, (String, f32)> = BTreeMap::new();
        let offers_of: Vec<usize> = if local {
            local_offers.unwrap_or_default()
        } else {
            profiles.iter().map(|(_, _, p)| p.postings).collect()
        };
        if local {
            for ((code, _, profile), offers) in profiles.iter().zip(&offers_of) {
                if *offers == 0 {
                    continue;
                }
                for skill in profile.skills.iter().take(self.params.alignment_skills * 2) {
                    let count = self
                        .count_postings(territory, *code, Some(&skill.id))
                        .unwrap_or(0);
                    let entry = asked
                        .entry(skill.id.clone())
                        .or_insert_with(|| (skill.label.clone(), 0.0));
                    entry.1 += count as f32;
                }
            }
        } else {
            for (_, _, profile) in &profiles {
                for skill in &profile.skills {
                    let entry = asked
                        .entry(skill.id.clone())
                        .or_insert_with(|| (skill.label.clone(), 0.0));
                    entry.1 += skill.weight * profile.postings as f32;
                }
            }
        }
        let offers: usize = offers_of.iter().sum();
        let mut skills: Vec<DemandSkill> = asked
            .into_iter()
            .map(|(id, (label, count))| DemandSkill {
                id,
                label,
                offers: count.round() as usize,
                share: if offers > 0 {
                    count / offers as f32
                } else {
                    0.0
                },
            })
            // Counts under the threshold are not published, as in the territory's cells.
            .filter(|s| s.offers >= threshold)
            .collect();
        skills.sort_by(|a, b| {
            b.offers
                .cmp(&a.offers)
                .then(b.share.total_cmp(&a.share))
                .then(a.id.cmp(&b.id))
        });
        let occupations = profiles
            .iter()
            .zip(&offers_of)
            .map(|((code, source, profile), offers)| TargetOccupation {
                code: code.to_string(),
                label: profile.label.clone(),
                why: why(*source, local, territory_name),
                offers: *offers,
            })
            .collect();
        OccupationsDemand {
            occupations,
            skills,
            offers,
            local,
        }
    }

    /// Postings of a territory classified in a métier (and naming a skill), counted in
    /// the posting index; `None` without an index.
    fn count_postings(
        &self,
        territory: &TerritoryId,
        code: RomeCode,
        skill: Option<&SkillId>,
    ) -> Option<usize> {
        let index = self.index.as_ref()?;
        let query = SearchQuery {
            territory: Some(territory.clone()),
            rome: Some(code),
            kind: Some(DocumentKind::Posting),
            skill: skill.cloned(),
            limit: 1,
            ..SearchQuery::default()
        };
        index.search(&query).ok().map(|results| results.total)
    }
}

/// Why a métier was measured against, in French.
fn why(source: Source, local: bool, territory: &str) -> String {
    let origin = match source {
        Source::Given => "indiqué par l'organisme".to_string(),
        Source::Training => "code ROME de la formation".to_string(),
        Source::Detected(score) => format!(
            "reconnu dans le titre et le programme, et par les compétences enseignées \
             (pertinence {} %)",
            (score * 100.0).round()
        ),
    };
    if local {
        format!("{origin} ; demande mesurée sur ses offres en {territory}")
    } else {
        format!(
            "{origin} ; trop peu d'offres de ces métiers en {territory} : demande mesurée sur \
             l'ensemble des offres analysées"
        )
    }
}
