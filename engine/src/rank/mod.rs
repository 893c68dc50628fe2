//! Rankings with reasons: trainings for a learner ([`Ranker::recommend`]), trainings for
//! a territory ([`Ranker::territory_trainings`]) and curriculum coverage for providers
//! ([`Ranker::coverage`]).
//!
//! The [`Ranker`] prepares the catalogue once (each curriculum's skills with their
//! evidence spans, its place and its nearest need) and answers requests without IO.
//! Every score is a weighted mean of factors in [0, 1] returned in `details`, so a
//! ranking can always be explained; ties are broken by training id, so rankings are
//! deterministic.
//!
//! **Architecture invariant:** no personal data leaves a request: learner profiles are
//! neither logged nor stored.

mod coverage;
mod demand;
mod eligibility;
mod label;
mod modality;
mod profile;
mod territorial;

use std::collections::{BTreeMap, HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::extract::{Field, SkillMention};
use crate::index::DocumentIndex;
use crate::model::{Certification, Funding, Modality, Public, Session, SkillId, Training};
use crate::needs::NeedsModel;
use crate::territory::{
    Geography, Placement, TerritoryId, TerritoryLevel, haversine_km, latitude_gap_km,
};
use crate::text::fold;
use crate::{Error, Result};

pub use coverage::{
    Alignment, CoverageReport, CoverageRequest, CoveredSkill, Evidence, MissingSkill, NearCluster,
    SimilarTraining, TerritoryWide,
};
pub use demand::TargetOccupation;
pub use eligibility::{PublicSeats, PublicSupply, is_open_to, shared_priority_publics};
pub use label::{LabelCriterion, LabelReadiness};
pub use profile::{
    CvSkill, Learner, LearnerLocation, LearnerProfile, MAX_CV_BYTES, ResolvedLocation,
    ResolvedTarget, Situation, SkillRef, Target,
};
pub use territorial::{
    AnsweredNeed, Supply, TerritoryRanking, TerritoryRef, TerritoryTraining, UncoveredNeed,
};

/// Weights of the score factors (any non-negative values; they are normalised).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankWeights {
    pub gap_coverage: f32,
    pub target_fit: f32,
    pub level_fit: f32,
    pub distance: f32,
    pub next_session: f32,
    pub demand: f32,
    pub modality_fit: f32,
    /// The learner is in a priority public the training aims at.
    #[serde(default = "default_public_fit_weight")]
    pub public_fit: f32,
}

fn default_public_fit_weight() -> f32 {
    RankWeights::default().public_fit
}

impl Default for RankWeights {
    fn default() -> RankWeights {
        RankWeights {
            gap_coverage: 0.4,
            target_fit: 0.1,
            level_fit: 0.1,
            distance: 0.15,
            next_session: 0.1,
            demand: 0.15,
            modality_fit: 0.1,
            public_fit: 0.1,
        }
    }
}

/// Tunables of the rankings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankParams {
    pub weights: RankWeights,
    /// Mentions scored below this are not counted as skills.
    pub min_skill_score: f32,
    /// A métier's skill enters its target profile when this share of its postings ask
    /// for it.
    pub min_target_share: f32,
    /// Distance at which the distance factor halves, when the learner gave no radius.
    pub distance_half_km: f64,
    /// Days at which the next-session factor halves.
    pub wait_half_days: f64,
    /// Similarity a curriculum needs with a need's skills to count as answering it.
    pub min_cluster_similarity: f32,
    /// In-demand skills of a territory an alignment score is computed over.
    pub alignment_skills: usize,
    /// Weight of a transversal skill (autonomie, rigueur) in the gap, against 1 for a
    /// technical one.
    pub transversal_factor: f32,
}

impl Default for RankParams {
    fn default() -> RankParams {
        RankParams {
            weights: RankWeights::default(),
            min_skill_score: 0.5,
            min_target_share: 0.08,
            distance_half_km: 30.0,
            wait_half_days: 60.0,
            min_cluster_similarity: 0.15,
            alignment_skills: 30,
            transversal_factor: 0.3,
        }
    }
}

/// A training prepared for ranking.
#[derive(Debug, Clone)]
struct Entry {
    training: Arc<Training>,
    /// The curriculum text the evidence spans point into.
    text: String,
    /// Mentions in the title and the curriculum.
    mentions: Vec<SkillMention>,
    /// Distinct skills taught.
    skills: FxHashSet<SkillId>,
    /// The taxonomy positions of `skills`, sorted: the gap is tested against these.
    skill_indices: Vec<u32>,
    placement: Option<Placement>,
    /// The région of the placement, as the territory its demand is read in.
    region: Option<TerritoryId>,
    point: Option<(f64, f64)>,
    /// Needs (cluster id, similarity) the curriculum answers, most similar first.
    needs: Vec<(String, f32)>,
    /// The GEN label's expiry date, when the training has a label and the date parses.
    label_expires: Option<Date>,
    /// The sessions whose start date parses: (start, index in `training.sessions`), in
    /// catalogue order. Parsed once here rather than for every request.
    session_starts: Vec<(Date, usize)>,
}

/// The prepared catalogue with the needs model it is ranked against.
#[derive(Debug, Clone)]
pub struct Ranker {
    engine: Engine,
    geography: Arc<Geography>,
    model: Arc<NeedsModel>,
    index: Option<Arc<DocumentIndex>>,
    params: RankParams,
    entries: Vec<Entry>,
    by_id: FxHashMap<String, usize>,
    /// Folded labels and variants → skill index.
    labels: FxHashMap<String, u32>,
    /// Skill → (territory → share of its offers asking for the skill).
    demand: FxHashMap<SkillId, FxHashMap<TerritoryId, f32>>,
    /// Skill → highest regional share, to normalise regional demand.
    demand_max: FxHashMap<SkillId, f32>,
    targets: Arc<profile::TargetCache>,
}

/// One factor of a score, each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScoreDetails {
    /// Share of the learner's gap (weighted by demand) that the training teaches.
    pub gap_coverage: f32,
    /// 1 when the training prepares for the target métier (its ROME codes), 0.5 for a
    /// métier of the same domain, else 0 (and 0.5 without a target métier).
    pub target_fit: f32,
    /// How well the training's exit level suits the learner's level.
    pub level_fit: f32,
    /// Nearness: 1 at the learner's place, 0.5 at the edge of their radius; a remote
    /// training counts as one at half the radius (0.75).
    pub distance: f32,
    /// How soon the next open session starts.
    pub next_session: f32,
    /// Demand for the gap skills in the training's région, against the best région.
    pub demand: f32,
    /// The training's modality in the learner's order of preference: 1 for the first
    /// listed, 0.4 for the second, 0.1 for the third (1 without an order).
    pub modality_fit: f32,
    /// 1 when the learner is in a priority public the training aims at, 0 when not, 0.5
    /// when the profile gives no situation.
    pub public_fit: f32,
}

/// The next session a learner can join.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextSession {
    pub start: String,
    pub end: Option<String>,
    pub seats_left: Option<u32>,
}

/// One recommended training.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendation {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub commune: Option<String>,
    pub city: Option<String>,
    pub modality: Modality,
    pub score: f32,
    pub details: ScoreDetails,
    pub skills_gained: Vec<SkillRef>,
    pub skills_missing: Vec<SkillRef>,
    pub distance_km: Option<f64>,
    pub next_session: Option<NextSession>,
    pub certification: Option<Certification>,
    pub duration_months: Option<f32>,
    /// Publics the training aims at first.
    pub publics: Vec<Public>,
    /// Publics it is restricted to; empty when open to all.
    pub reserved_to: Vec<Public>,
    /// How the learner's place can be paid.
    pub funding: Vec<Funding>,
    /// Whether people with a disability can follow it; none when not stated.
    pub accessible_rqth: Option<bool>,
    /// Whom to ask about adjustments for a disability.
    pub disability_contact: Option<String>,
    pub reasons: Vec<String>,
}

/// What the ranking understood of the profile (returned to the adviser who sent it).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearnerSummary {
    pub skills: Vec<SkillRef>,
    pub cv_skills: Vec<CvSkill>,
    pub unknown_skills: Vec<String>,
    pub target: Option<TargetSummary>,
    /// Target skills the learner does not hold, most wanted first.
    pub gap: Vec<SkillRef>,
    pub location: Option<ResolvedLocation>,
}

/// The resolved target as shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetSummary {
    pub label: String,
    pub rome: Option<String>,
    pub skills: Vec<SkillRef>,
}

/// A gap skill's taxonomy position (when it has one) and id.
type GapKey<'a> = (Option<u32>, &'a SkillId);

impl Entry {
    /// Whether the curriculum teaches a gap skill: by taxonomy position, else by id.
    fn teaches(&self, (index, id): &GapKey) -> bool {
        match index {
            Some(index) => self.skill_indices.binary_search(index).is_ok(),
            None => self.skills.contains(*id),
        }
    }
}

/// A training that passed the filters, before its reasons are written.
struct Scored<'a> {
    score: f32,
    entry: &'a Entry,
    details: ScoreDetails,
    distance_km: Option<f64>,
    next: (Date, &'a Session),
    demand_region: Option<&'a TerritoryId>,
}

/// Trainings for a learner, and how many were excluded by each hard filter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recommendations {
    pub trainings: Vec<Recommendation>,
    pub excluded: BTreeMap<String, usize>,
    /// Why the list is empty or short, in French, when it is.
    pub notices: Vec<String>,
    pub learner: LearnerSummary,
}

impl Ranker {
    /// Prepares `trainings` for ranking against `model` (curricula are extracted in
    /// parallel).
    pub fn new(
        engine: Engine,
        geography: Arc<Geography>,
        model: Arc<NeedsModel>,
        trainings: Vec<Training>,
        params: RankParams,
    ) -> Ranker {
        let taxonomy = engine.taxonomy();
        let mut labels = FxHashMap::default();
        for (index, skill) in taxonomy.skills().iter().enumerate() {
            for surface in &skill.surfaces {
                labels.entry(fold(&surface.text)).or_insert(index as u32);
            }
        }
        for (index, skill) in taxonomy.skills().iter().enumerate() {
            labels.insert(fold(&skill.label), index as u32);
        }
        let mut demand: FxHashMap<SkillId, FxHashMap<TerritoryId, f32>> = FxHashMap::default();
        let mut demand_max: FxHashMap<SkillId, f32> = FxHashMap::default();
        for territory in &model.territories {
            for cell in &territory.skills {
                let Ok(id) = SkillId::parse(&cell.id) else {
                    continue;
                };
                if territory.territory.level == TerritoryLevel::Region {
                    let max = demand_max.entry(id.clone()).or_insert(0.0);
                    *max = max.max(cell.share);
                }
                demand
                    .entry(id)
                    .or_default()
                    .insert(territory.territory.clone(), cell.share);
            }
        }
        let entries: Vec<Entry> = trainings
            .into_par_iter()
            .map(|training| prepare(&engine, &geography, &model, &params, training))
            .collect();
        let by_id = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.training.id.clone(), i))
            .collect();
        Ranker {
            engine,
            geography,
            model,
            index: None,
            params,
            entries,
            by_id,
            labels,
            demand,
            demand_max,
            targets: Arc::default(),
        }
    }

    /// Adds the posting index that example postings are taken from.
    pub fn with_index(mut self, index: Arc<DocumentIndex>) -> Ranker {
        self.index = Some(index);
        self
    }

    /// The needs model rankings use.
    pub fn model(&self) -> &NeedsModel {
        &self.model
    }

    /// The geography locations are resolved in.
    pub fn geography(&self) -> &Geography {
        &self.geography
    }

    /// The engine curricula and CVs are extracted with.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Number of trainings in the catalogue.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True for an empty catalogue.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every training, in catalogue order.
    pub fn trainings(&self) -> impl Iterator<Item = &Training> {
        self.entries.iter().map(|e| e.training.as_ref())
    }

    /// A training by id.
    pub fn training(&self, id: &str) -> Result<&Training> {
        self.entry(id).map(|e| e.training.as_ref())
    }

    /// A training's curriculum text and the skills found in it (spans into the text).
    pub fn training_skills(&self, id: &str) -> Result<(&str, Vec<CvSkill>)> {
        let entry = self.entry(id)?;
        let spans = entry
            .mentions
            .iter()
            .filter(|m| m.field == Field::Text)
            .filter_map(|m| {
                Some(CvSkill {
                    id: m.skill.clone(),
                    label: m.label.clone(),
                    start: m.start?,
                    end: m.end?,
                })
            })
            .collect();
        Ok((&entry.text, spans))
    }

    /// The placement of a training, when its location resolves.
    pub fn placement(&self, id: &str) -> Result<Option<&Placement>> {
        self.entry(id).map(|e| e.placement.as_ref())
    }

    fn entry(&self, id: &str) -> Result<&Entry> {
        self.by_id
            .get(id)
            .map(|&i| &self.entries[i])
            .ok_or_else(|| Error::NotFound {
                kind: "training",
                value: id.to_string(),
            })
    }

    fn is_transversal(&self, id: &SkillId) -> bool {
        self.engine
            .taxonomy()
            .skill(id)
            .is_some_and(|s| s.kind == crate::taxonomy::SkillKind::Transversal)
    }

    /// Share of a territory's offers asking for a skill (0 when unknown).
    fn skill_demand(&self, skill: &SkillId, territory: &TerritoryId) -> f32 {
        self.demand
            .get(skill)
            .and_then(|t| t.get(territory))
            .copied()
            .unwrap_or(0.0)
    }

    /// Ranks the catalogue for a learner, as of `today` (ISO date).
    pub fn recommend(&self, profile: &LearnerProfile, today: &str) -> Result<Recommendations> {
        let today_date = parse_date("today", today)?;
        let learner = self.resolve(profile)?;
        let held: HashSet<&SkillId> = learner.skills.iter().map(|s| &s.id).collect();
        // The gap: target skills not held, weighted by the métier's demand and, when the
        // learner is placed, by the demand of their région.
        let learner_region = learner
            .location
            .as_ref()
            .and_then(|l| l.region.clone())
            .map(|code| TerritoryId {
                level: TerritoryLevel::Region,
                code,
            });
        let mut gap: Vec<(SkillRef, f32, f32)> = learner
            .target
            .iter()
            .flat_map(|t| t.skills.iter())
            .filter(|(s, _)| !held.contains(&s.id))
            .map(|(s, w)| {
                let local = learner_region
                    .as_ref()
                    .map_or(0.0, |r| self.skill_demand(&s.id, r));
                // Savoir-être are asked everywhere and seldom taught by name: they
                // count, but less than technical skills.
                let kind = if self.is_transversal(&s.id) {
                    self.params.transversal_factor
                } else {
                    1.0
                };
                (s.clone(), *w, w * kind * (1.0 + local))
            })
            .collect();
        gap.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
        // Gap skills by taxonomy position, tested against every eligible training.
        let taxonomy = self.engine.taxonomy();
        let gap_keys: Vec<GapKey> = gap
            .iter()
            .map(|g| (taxonomy.skill_index(&g.0.id), &g.0.id))
            .collect();
        let gap_total: f32 = gap.iter().map(|g| g.2).sum();
        let start_from = match &learner.available_from {
            Some(date) => parse_date("available_from", date)?.max(today_date),
            None => today_date,
        };
        let weights = self.params.weights;
        let weight_sum = (weights.gap_coverage
            + weights.target_fit
            + weights.level_fit
            + weights.distance
            + weights.next_session
            + weights.demand
            + weights.modality_fit
            + weights.public_fit)
            .max(f32::EPSILON);
        // A handful of distinct reasons: counted under their static names, turned into
        // the map once at the end.
        let mut excluded_counts: Vec<(&'static str, usize)> = Vec::new();
        let mut ranked: Vec<Scored> = Vec::new();
        let mut demand_by_region: FxHashMap<&str, f32> = FxHashMap::default();
        let learner_point = learner.location.as_ref().map(|l| (l.lat, l.lon));
        for entry in &self.entries {
            let training = entry.training.as_ref();
            let (distance_km, next) = match self.filter(
                entry,
                &learner,
                &gap_keys,
                today_date,
                start_from,
                learner_point,
            ) {
                Ok(passed) => passed,
                Err(reason) => {
                    match excluded_counts.iter_mut().find(|(r, _)| *r == reason) {
                        Some((_, count)) => *count += 1,
                        None => excluded_counts.push((reason, 1)),
                    }
                    continue;
                }
            };
            let gap_coverage = if gap_total > 0.0 {
                gap.iter()
                    .zip(&gap_keys)
                    .filter(|(_, key)| entry.teaches(key))
                    .map(|(g, _)| g.2)
                    .sum::<f32>()
                    / gap_total
            } else {
                0.0
            };
            let level_fit = level_fit(learner.level, training.exit_level);
            let target_fit = match learner.target.as_ref().and_then(|t| t.rome) {
                Some(code) if training.rome.contains(&code) => 1.0,
                Some(code) if training.rome.iter().any(|r| r.domain() == code.domain()) => 0.5,
                Some(_) => 0.0,
                None => 0.5,
            };
            let remote = training.modality == Modality::Distanciel;
            let distance = modality::distance_factor(
                training.modality,
                distance_km,
                learner.radius_km,
                self.params.distance_half_km,
            );
            let modality_fit = modality::modality_fit(&learner.modalities, training.modality);
            let wait_days = (next.0 - today_date).get_days().max(0) as f64;
            let next_session = (1.0 / (1.0 + wait_days / self.params.wait_half_days)) as f32;
            let demand_region = if remote {
                learner_region.as_ref()
            } else {
                entry.region.as_ref()
            };
            // The same few régions come back for every training: compute each once.
            let demand = match demand_region {
                Some(region) => *demand_by_region
                    .entry(region.code.as_str())
                    .or_insert_with(|| self.gap_demand(&gap, region)),
                None => 0.0,
            };
            let public_fit = eligibility::public_fit(training, learner.situation.as_ref());
            let details = ScoreDetails {
                public_fit,
                gap_coverage: round3(gap_coverage),
                target_fit,
                level_fit: round3(level_fit),
                distance: round3(distance),
                next_session: round3(next_session),
                demand: round3(demand),
                modality_fit,
            };
            // Ranked on the unrounded factors; rounding is for display.
            let score = (weights.gap_coverage * gap_coverage
                + weights.target_fit * target_fit
                + weights.level_fit * level_fit
                + weights.distance * distance
                + weights.next_session * next_session
                + weights.demand * demand
                + weights.modality_fit * modality_fit
                + weights.public_fit * public_fit)
                / weight_sum;
            ranked.push(Scored {
                score,
                entry,
                details,
                distance_km,
                next,
                demand_region,
            });
        }
        let excluded: BTreeMap<String, usize> = excluded_counts
            .into_iter()
            .map(|(reason, count)| (reason.to_string(), count))
            .collect();
        // Reasons are written for the listed trainings only.
        ranked.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(a.entry.training.id.cmp(&b.entry.training.id))
        });
        // A remote training listed above an in-person one within reach says why.
        let remote_wins: Vec<Option<String>> = (0..ranked.len().min(learner.limit))
            .map(|at| {
                let remote = &ranked[at];
                if remote.entry.training.modality != Modality::Distanciel {
                    return None;
                }
                let onsite = ranked[at + 1..]
                    .iter()
                    .find(|s| s.entry.training.modality != Modality::Distanciel)?;
                Some(modality::remote_wins_reason(
                    &remote.details,
                    &onsite.details,
                    onsite.entry.training.location.city.as_deref(),
                    onsite.distance_km,
                    &weights,
                ))
            })
            .collect();
        ranked.truncate(learner.limit);
        let ranked: Vec<Recommendation> = ranked
            .into_iter()
            .zip(remote_wins)
            .map(|(scored, remote_wins)| {
                let entry = scored.entry;
                let training = entry.training.as_ref();
                let mut skills_gained = Vec::new();
                let mut skills_missing = Vec::new();
                for (g, key) in gap.iter().zip(&gap_keys) {
                    if entry.teaches(key) {
                        skills_gained.push(g.0.clone());
                    } else {
                        skills_missing.push(g.0.clone());
                    }
                }
                let (start, session) = scored.next;
                let next = (
                    start,
                    NextSession {
                        start: session.start.clone(),
                        end: session.end.clone(),
                        seats_left: session
                            .seats
                            .map(|seats| seats.saturating_sub(session.seats_taken.unwrap_or(0))),
                    },
                );
                let mut reasons = self.reasons(
                    entry,
                    &skills_gained,
                    &skills_missing,
                    gap.len(),
                    scored.distance_km,
                    &next,
                    scored.demand_region,
                    &learner,
                );
                if let Some(why) = remote_wins {
                    // Right after the line saying the training is remote.
                    let at = (reasons.iter())
                        .position(|r| r.starts_with("Formation à distance"))
                        .map_or(reasons.len(), |i| i + 1);
                    reasons.insert(at, why);
                }
                Recommendation {
                    id: training.id.clone(),
                    title: training.title.clone(),
                    provider: training.provider.clone(),
                    commune: training.location.commune.as_ref().map(|c| c.to_string()),
                    city: training.location.city.clone(),
                    modality: training.modality,
                    score: round3(scored.score),
                    details: scored.details,
                    skills_gained,
                    skills_missing,
                    distance_km: scored.distance_km.map(|d| (d * 10.0).round() / 10.0),
                    next_session: Some(next.1),
                    certification: training.certification.clone(),
                    duration_months: training.duration_months,
                    publics: training.publics.clone(),
                    reserved_to: training.reserved_to.clone(),
                    funding: training.funding.clone(),
                    accessible_rqth: training.accessible_rqth,
                    disability_contact: training.disability_contact.clone(),
                    reasons,
                }
            })
            .collect();
        let mut notices = Vec::new();
        if ranked.is_empty() {
            notices.push(empty_notice(&excluded, &learner));
        }
        if learner.target.as_ref().is_some_and(|t| t.skills.is_empty()) {
            notices.push(
                "Le métier visé n'a pas encore de profil de compétences : le classement \
                 ne tient pas compte des compétences à acquérir."
                    .to_string(),
            );
        }
        if learner.situation.is_none() {
            notices.push(eligibility::UNKNOWN_SITUATION_NOTICE.to_string());
        }
        if !learner.unknown_skills.is_empty() {
            let listed: Vec<String> = (learner.unknown_skills.iter().take(5))
                .map(|s| format!("« {} »", s.chars().take(60).collect::<String>()))
                .collect();
            notices.push(format!(
                "{} compétence(s) inconnue(s) du référentiel, ignorée(s) dans le classement : {}{}.",
                learner.unknown_skills.len(),
                listed.join(", "),
                if learner.unknown_skills.len() > 5 { "…" } else { "" }
            ));
        }
        if learner.location.as_ref().is_some_and(|l| l.approximate) {
            notices.push(
                "Commune inconnue du référentiel chargé : les distances sont calculées \
                 depuis le centre du département."
                    .to_string(),
            );
        }
        let summary = LearnerSummary {
            gap: gap.iter().map(|g| g.0.clone()).collect(),
            target: learner.target.as_ref().map(|t| TargetSummary {
                label: t.label.clone(),
                rome: t.rome.map(|r| r.to_string()),
                skills: t.skills.iter().map(|s| s.0.clone()).collect(),
            }),
            skills: learner.skills,
            cv_skills: learner.cv_skills,
            unknown_skills: learner.unknown_skills,
            location: learner.location,
        };
        Ok(Recommendations {
            trainings: ranked,
            excluded,
            notices,
            learner: summary,
        })
    }

    /// Demand for the gap skills in a région against the best région for each skill.
    fn gap_demand(&self, gap: &[(SkillRef, f32, f32)], region: &TerritoryId) -> f32 {
        let mut here = 0.0;
        let mut best = 0.0;
        for (skill, weight, _) in gap {
            here += weight * self.skill_demand(&skill.id, region);
            best += weight * self.demand_max.get(&skill.id).copied().unwrap_or(0.0);
        }
        if best > 0.0 { here / best } else { 0.0 }
    }

    /// The hard filters; `Ok` carries the distance to the training, when both places are
    /// known, and the next session the learner can join.
    fn filter<'a>(
        &self,
        entry: &'a Entry,
        learner: &Learner,
        gap: &[GapKey],
        today: Date,
        start_from: Date,
        learner_point: Option<(f64, f64)>,
    ) -> std::result::Result<(Option<f64>, (Date, &'a Session)), &'static str> {
        let training = entry.training.as_ref();
        if entry.label_expires.is_some_and(|expires| expires < today) {
            return Err("label_expired");
        }
        if let Some(reason) = eligibility::exclusion(training, learner) {
            return Err(reason);
        }
        if !learner.modalities.is_empty() && !learner.modalities.contains(&training.modality) {
            return Err("modality");
        }
        if let (Some(max), Some(months)) = (learner.max_duration_months, training.duration_months)
            && months > max
        {
            return Err("too_long");
        }
        if let (Some(level), Some(entry_level)) = (learner.level, training.entry_level)
            && entry_level > level
        {
            return Err("level_prerequisite");
        }
        let onsite = training.modality != Modality::Distanciel;
        let distance_km = match (learner_point, entry.point) {
            (Some(from), Some(to)) => {
                // Most of the catalogue is out of a learner's radius: a latitude gap
                // beyond it excludes a training without the trigonometry. Up to 5000 km
                // only, far from the near-antipodal points where the exact formula can
                // lose precision.
                if onsite
                    && let Some(radius) = learner.radius_km
                    && (radius + 1.0..5000.0).contains(&latitude_gap_km(from, to))
                {
                    return Err("too_far");
                }
                Some(haversine_km(from, to))
            }
            _ => None,
        };
        if onsite
            && let (Some(radius), Some(distance)) = (learner.radius_km, distance_km)
            && distance > radius
        {
            return Err("too_far");
        }
        // The earliest open session from `start_from` (the first in catalogue order
        // among equals).
        let mut any_upcoming = false;
        let mut earliest: Option<(Date, &Session)> = None;
        for &(start, index) in &entry.session_starts {
            if start < start_from {
                continue;
            }
            any_upcoming = true;
            let session = &training.sessions[index];
            if !session.is_full() && earliest.is_none_or(|(best, _)| start < best) {
                earliest = Some((start, session));
            }
        }
        if !any_upcoming {
            return Err("no_upcoming_session");
        }
        let Some((start, session)) = earliest else {
            return Err("sessions_full");
        };
        // With a target, a training that teaches none of the gap and does not lead to
        // the target métier is not relevant.
        if let Some(target) = &learner.target {
            let teaches_gap = gap.iter().any(|key| entry.teaches(key));
            let leads_to_target = target
                .rome
                .is_some_and(|code| training.rome.contains(&code));
            if !teaches_gap && !leads_to_target {
                return Err("not_relevant");
            }
        }
        Ok((distance_km, (start, session)))
    }

    #[allow(clippy::too_many_arguments)]
    fn reasons(
        &self,
        entry: &Entry,
        gained: &[SkillRef],
        missing: &[SkillRef],
        gap_len: usize,
        distance_km: Option<f64>,
        next: &(Date, NextSession),
        demand_region: Option<&TerritoryId>,
        learner: &Learner,
    ) -> Vec<String> {
        let training = entry.training.as_ref();
        let mut reasons = Vec::new();
        if let Some(target) = &learner.target
            && target
                .rome
                .is_some_and(|code| training.rome.contains(&code))
        {
            reasons.push(format!("Prépare au métier visé : {}.", target.label));
        }
        if gap_len > 0 {
            if gained.is_empty() {
                reasons.push(format!(
                    "Prépare au métier visé sans couvrir les compétences manquantes repérées \
                     ({gap_len})."
                ));
            } else {
                reasons.push(format!(
                    "Apporte {} des {} compétences à acquérir : {}.",
                    gained.len(),
                    gap_len,
                    list_labels(gained, 6)
                ));
            }
            if !missing.is_empty() {
                reasons.push(format!("Restent à acquérir : {}.", list_labels(missing, 6)));
            }
        }
        reasons.extend(eligibility::reasons(training, learner));
        match (training.modality, distance_km) {
            (Modality::Distanciel, _) => {
                reasons.push("Formation à distance : accessible sans déplacement.".to_string())
            }
            (modality, Some(d)) => {
                let place = training
                    .location
                    .city
                    .as_deref()
                    .unwrap_or("lieu de formation");
                let kind = if modality == Modality::Hybride {
                    "en partie sur site"
                } else {
                    "sur site"
                };
                reasons.push(format!("À {} km ({place}), {kind}.", format_km(d)));
            }
            (_, None) => {
                if let Some(city) = &training.location.city {
                    reasons.push(format!("Lieu de formation : {city}."));
                }
            }
        }
        let seats = next
            .1
            .seats_left
            .map(|n| {
                if n == 1 {
                    ", 1 place restante".to_string()
                } else {
                    format!(", {n} places restantes")
                }
            })
            .unwrap_or_default();
        reasons.push(format!(
            "Prochaine session le {}{seats}.",
            french_date(next.0)
        ));
        if let Some(region) = demand_region
            && let Some(needs) = self.model.needs(region)
            && needs.offers > 0
        {
            let best = gained
                .iter()
                .filter(|s| !self.is_transversal(&s.id))
                .map(|s| (s, self.skill_demand(&s.id, region)))
                .filter(|(_, share)| *share > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            match best {
                Some((skill, share)) => reasons.push(format!(
                    "Demande en {} : {} offres analysées, {} demandé dans {} % d'entre elles.",
                    needs.name,
                    needs.offers,
                    skill.label,
                    (share * 100.0).round()
                )),
                None => reasons.push(format!(
                    "Demande en {} : {} offres analysées.",
                    needs.name, needs.offers
                )),
            }
        }
        if let (Some(level), Some(exit)) = (learner.level, training.exit_level) {
            if exit > level {
                reasons.push(format!("Mène au niveau {exit} (niveau actuel {level})."));
            } else {
                reasons.push(format!(
                    "Certification de niveau {exit}, sans élévation de niveau (niveau actuel {level})."
                ));
            }
        }
        reasons
    }
}

/// Extracts a training's curriculum and places it.
fn prepare(
    engine: &Engine,
    geography: &Geography,
    model: &NeedsModel,
    params: &RankParams,
    training: Training,
) -> Entry {
    let text = training.curriculum_text();
    let extraction = engine.extract(&training.title, &text);
    let mentions: Vec<SkillMention> = extraction
        .skills
        .into_iter()
        .filter(|m| m.score >= params.min_skill_score)
        .collect();
    let skills: FxHashSet<SkillId> = mentions.iter().map(|m| m.skill.clone()).collect();
    let mut skill_indices: Vec<u32> = (skills.iter())
        .filter_map(|id| engine.taxonomy().skill_index(id))
        .collect();
    skill_indices.sort_unstable();
    let placement = geography.place(&training.location.as_location()).ok();
    let point = training
        .location
        .lat
        .zip(training.location.lon)
        .or_else(|| placement.as_ref().and_then(|p| p.centroid))
        .or_else(|| {
            placement
                .as_ref()
                .and_then(|p| p.departement.as_deref())
                .and_then(|d| geography.departement(d))
                .map(|d| (d.lat, d.lon))
        });
    let weights: Vec<(SkillId, f32)> = skills
        .iter()
        .map(|id| {
            let idf = model
                .vocabulary
                .position(id)
                .map_or(1.0, |p| model.vocabulary.idf[p as usize]);
            (id.clone(), idf)
        })
        .collect();
    let region = placement.as_ref().map(|p| TerritoryId {
        level: TerritoryLevel::Region,
        code: p.region.clone(),
    });
    let mut needs: Vec<(String, f32)> = model
        .clusters
        .iter()
        .map(|cluster| {
            let centroid: Vec<(SkillId, f32)> = cluster
                .top_skills
                .iter()
                .map(|s| (s.id.clone(), s.weight))
                .collect();
            (cluster.id.clone(), skill_cosine(&weights, &centroid))
        })
        .filter(|(_, s)| *s >= params.min_cluster_similarity)
        .collect();
    needs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let label_expires = training
        .label
        .as_ref()
        .and_then(|label| parse_date("", &label.expires).ok());
    let session_starts = training
        .sessions
        .iter()
        .enumerate()
        .filter_map(|(index, s)| Some((parse_date("", &s.start).ok()?, index)))
        .collect();
    Entry {
        training: Arc::new(training),
        text,
        mentions,
        skills,
        skill_indices,
        placement,
        region,
        point,
        needs,
        label_expires,
        session_starts,
    }
}

/// Cosine similarity of two sparse skill vectors.
fn skill_cosine(a: &[(SkillId, f32)], b: &[(SkillId, f32)]) -> f32 {
    let norm = |v: &[(SkillId, f32)]| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let index: HashMap<&SkillId, f32> = b.iter().map(|(id, w)| (id, *w)).collect();
    let dot: f32 = a
        .iter()
        .filter_map(|(id, w)| index.get(id).map(|v| v * w))
        .sum();
    // Rounding can put a vector's cosine with itself a hair above 1.
    (dot / (na * nb)).clamp(-1.0, 1.0)
}

/// 1 when the training raises the learner's level, less when it does not.
fn level_fit(learner: Option<u8>, exit: Option<u8>) -> f32 {
    match (learner, exit) {
        (Some(level), Some(exit)) if exit > level => 1.0,
        (Some(level), Some(exit)) if exit == level => 0.6,
        (Some(_), Some(_)) => 0.3,
        _ => 0.7,
    }
}

/// Why nothing is left, from the filter that excluded most.
fn empty_notice(excluded: &BTreeMap<String, usize>, learner: &Learner) -> String {
    let top = excluded
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(reason, _)| reason.as_str());
    let only_onsite =
        !learner.modalities.is_empty() && !learner.modalities.contains(&Modality::Distanciel);
    match top {
        Some("too_far") if learner.radius_km == Some(0.0) && only_onsite => {
            "Aucune formation : un rayon de 0 km avec des formations sur site uniquement \
             exclut tout. Élargissez le rayon ou acceptez la formation à distance."
                .to_string()
        }
        Some("too_far") => "Aucune formation dans le rayon de mobilité : élargissez-le ou \
                            acceptez la formation à distance."
            .to_string(),
        Some("not_relevant") => {
            "Aucune formation du catalogue ne prépare au métier visé ni n'apporte ses \
             compétences manquantes."
                .to_string()
        }
        Some("modality") => "Aucune formation dans les modalités choisies.".to_string(),
        Some("no_upcoming_session" | "sessions_full") => {
            "Aucune session ouverte à partir de la date de disponibilité.".to_string()
        }
        Some("level_prerequisite") => {
            "Les formations adaptées demandent un niveau d'entrée plus élevé.".to_string()
        }
        Some("too_long") => {
            "Toutes les formations adaptées dépassent la durée maximale.".to_string()
        }
        Some("reserved_public") => "Les formations adaptées sont réservées à d'autres publics \
                                    (demandeurs d'emploi, jeunes, habitants des QPV…)."
            .to_string(),
        Some("not_accessible") => "Les formations adaptées ne sont pas accessibles aux \
                                   personnes en situation de handicap."
            .to_string(),
        Some("funding") => {
            "Aucune formation adaptée n'accepte les financements choisis.".to_string()
        }
        _ => "Aucune formation ne correspond au profil.".to_string(),
    }
}

/// Parses an ISO date, naming the field on error.
fn parse_date(field: &str, value: &str) -> Result<Date> {
    value
        .get(..10)
        .and_then(|v| v.parse::<Date>().ok())
        .ok_or_else(|| {
            Error::input(
                field,
                crate::Invalid::Date {
                    value: value.to_string(),
                },
            )
        })
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `2027-01-04` → "4 janvier 2027".
fn french_date(date: Date) -> String {
    let day = if date.day() == 1 {
        "1er".to_string()
    } else {
        date.day().to_string()
    };
    format!(
        "{day} {} {}",
        MONTHS[(date.month() - 1) as usize],
        date.year()
    )
}

fn format_km(km: f64) -> String {
    if km < 10.0 {
        format!("{:.1}", km).replace('.', ",")
    } else {
        format!("{:.0}", km)
    }
}

fn list_labels(skills: &[SkillRef], at_most: usize) -> String {
    let mut labels: Vec<&str> = skills.iter().take(at_most).map(|s| &*s.label).collect();
    let more = skills.len().saturating_sub(at_most);
    let more_text = format!("et {more} autre{}", if more > 1 { "s" } else { "" });
    if more > 0 {
        labels.push(&more_text);
    }
    labels.join(", ")
}

fn round3(value: f32) -> f32 {
    (value * 1000.0).round() / 1000.0
}
