//! [`Ranker::recommend`]: a learner's profile against the prepared catalogue: the hard
//! filters, the factor scores, the order, and what the ranking understood.

use super::reasons::empty_notice;
use super::*;
use crate::needs::TerritoryNeeds;

impl Ranker {
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
        let mut gap: Vec<Gap> = learner
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
                let transversal = self.is_transversal(&s.id);
                let kind = if transversal {
                    self.params.transversal_factor
                } else {
                    1.0
                };
                Gap {
                    skill: s.clone(),
                    weight: *w,
                    priority: w * kind * (1.0 + local),
                    transversal,
                    demand_max: self.demand_max.get(&s.id).copied().unwrap_or(0.0),
                }
            })
            .collect();
        gap.sort_by(|a, b| {
            (b.priority)
                .total_cmp(&a.priority)
                .then(a.skill.cmp(&b.skill))
        });
        // Gap skills by taxonomy position, tested against every eligible training.
        let taxonomy = self.extractor.taxonomy();
        let gap_keys: Vec<GapKey> = gap
            .iter()
            .map(|g| (taxonomy.skill_index(&g.skill.id), &g.skill.id))
            .collect();
        let gap_total: f32 = gap.iter().map(|g| g.priority).sum();
        let mut gap_scan = GapScan::new(&gap_keys, gap.iter().map(|g| g.priority).collect());
        let start_from = match &learner.available_from {
            Some(date) => parse_date("available_from", date)?.max(today_date),
            None => today_date,
        };
        let weights = self.params.weights;
        // Once per request: the same for every training.
        let weight_sum = weights.total();
        // A handful of distinct reasons: counted under their static names, turned into
        // the map once at the end.
        let mut excluded_counts: Vec<(Exclusion, usize)> = Vec::new();
        let mut ranked: Vec<Scored> = Vec::new();
        let mut demand_by_region: FxHashMap<&str, RegionDemand> = FxHashMap::default();
        let learner_point =
            (learner.location.as_ref()).map(|l| ((l.lat, l.lon), cos_latitude((l.lat, l.lon))));
        for entry in &self.entries {
            let training = entry.training.as_ref();
            let (distance_km, next) = match self.filter(
                entry,
                &learner,
                &mut gap_scan,
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
            // The filter scanned this entry's curriculum when the learner has a target,
            // the only case with a gap.
            let gap_coverage = if gap_total > 0.0 {
                gap_scan.taught_weight() / gap_total
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
                Some(region) => {
                    (demand_by_region.entry(region.code.as_str()))
                        .or_insert_with(|| self.region_demand(&gap, region))
                        .demand
                }
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
            let score = weights.weighted([
                gap_coverage,
                target_fit,
                level_fit,
                distance,
                next_session,
                demand,
                modality_fit,
                public_fit,
            ]) / weight_sum;
            ranked.push(Scored {
                score,
                entry,
                details,
                distance_km,
                next,
                demand_region,
                taught: gap_scan.taught.first().copied().unwrap_or(0),
            });
        }
        let excluded: BTreeMap<String, usize> = excluded_counts
            .into_iter()
            .map(|(reason, count)| (reason.code().to_string(), count))
            .collect();
        // Reasons are written for the listed trainings only.
        // Unstable, made total by the entry's place in the catalogue: the order a stable
        // sort gives, without its buffer.
        ranked.sort_unstable_by(|a, b| {
            (b.score.total_cmp(&a.score))
                .then_with(|| a.entry.training.id.cmp(&b.entry.training.id))
                .then_with(|| std::ptr::from_ref(a.entry).cmp(&std::ptr::from_ref(b.entry)))
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
        let gap_skills: Arc<[SkillRef]> = gap.iter().map(|g| g.skill.clone()).collect();
        let ranked: Vec<Recommendation> = ranked
            .into_iter()
            .zip(remote_wins)
            .map(|(scored, remote_wins)| {
                let entry = scored.entry;
                let training = entry.training.as_ref();
                let mut gained = Vec::new();
                let mut missing = Vec::new();
                // Up to 64 gap skills, the filter's scan already tells which are taught.
                let scanned = gap_keys.len() <= 64;
                for (at, key) in gap_keys.iter().enumerate() {
                    let teaches = if scanned {
                        scored.taught & (1 << at) != 0
                    } else {
                        entry.teaches(key)
                    };
                    if teaches {
                        gained.push(at as u32);
                    } else {
                        missing.push(at as u32);
                    }
                }
                let skills_gained = SkillList {
                    all: gap_skills.clone(),
                    taken: gained,
                };
                let skills_missing = SkillList {
                    all: gap_skills.clone(),
                    taken: missing,
                };
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
                    &gap,
                    scored.distance_km,
                    &next,
                    (scored.demand_region).and_then(|r| demand_by_region.get(r.code.as_str())),
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
            gap: gap_skills.to_vec(),
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

    /// What the ranking reads about a région: each gap skill's share of its offers, and
    /// the demand for the gap there against the best région for each skill.
    fn region_demand<'a>(&'a self, gap: &[Gap], region: &TerritoryId) -> RegionDemand<'a> {
        let shares: Vec<f32> = (gap.iter())
            .map(|g| self.skill_demand(&g.skill.id, region))
            .collect();
        let mut here = 0.0;
        let mut best = 0.0;
        for (g, share) in gap.iter().zip(&shares) {
            here += g.weight * share;
            best += g.weight * g.demand_max;
        }
        RegionDemand {
            demand: if best > 0.0 { here / best } else { 0.0 },
            shares,
            needs: self.model.needs(region).filter(|needs| needs.offers > 0),
        }
    }

    /// The hard filters; `Ok` carries the distance to the training, when both places are
    /// known, and the next session the learner can join.
    fn filter<'a>(
        &self,
        entry: &'a Entry,
        learner: &Learner,
        gap: &mut GapScan,
        today: Date,
        start_from: Date,
        learner_point: Option<((f64, f64), f64)>,
    ) -> std::result::Result<(Option<f64>, (Date, &'a Session)), Exclusion> {
        let training = entry.training.as_ref();
        if entry.label_expired(today) {
            return Err(Exclusion::LabelExpired);
        }
        if let Some(reason) = eligibility::exclusion(training, learner) {
            return Err(reason);
        }
        if !learner.modalities.is_empty() && !learner.modalities.contains(&training.modality) {
            return Err(Exclusion::Modality);
        }
        if let (Some(max), Some(months)) = (learner.max_duration_months, training.duration_months)
            && months > max
        {
            return Err(Exclusion::TooLong);
        }
        if let (Some(level), Some(entry_level)) = (learner.level, training.entry_level)
            && entry_level > level
        {
            return Err(Exclusion::LevelPrerequisite);
        }
        let onsite = training.modality != Modality::Distanciel;
        let distance_km = match (learner_point, entry.point) {
            (Some((from, cos_from)), Some(to)) => {
                // Most of the catalogue is out of a learner's radius: a latitude gap
                // beyond it excludes a training without the trigonometry. Up to 5000 km
                // only, far from the near-antipodal points where the exact formula can
                // lose precision.
                if onsite
                    && let Some(radius) = learner.radius_km
                    && (radius + 1.0..5000.0).contains(&latitude_gap_km(from, to))
                {
                    return Err(Exclusion::TooFar);
                }
                Some(haversine_km_cos(from, cos_from, to, entry.cos_lat))
            }
            _ => None,
        };
        if onsite
            && let (Some(radius), Some(distance)) = (learner.radius_km, distance_km)
            && distance > radius
        {
            return Err(Exclusion::TooFar);
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
            return Err(Exclusion::NoUpcomingSession);
        }
        let Some((start, session)) = earliest else {
            return Err(Exclusion::SessionsFull);
        };
        // With a target, a training that teaches none of the gap and does not lead to
        // the target métier is not relevant.
        if let Some(target) = &learner.target {
            let teaches_gap = gap.scan(entry);
            let leads_to_target = target
                .rome
                .is_some_and(|code| training.rome.contains(&code));
            if !teaches_gap && !leads_to_target {
                return Err(Exclusion::NotRelevant);
            }
        }
        Ok((distance_km, (start, session)))
    }
}

/// A target skill the learner does not hold.
pub(super) struct Gap {
    pub skill: SkillRef,
    /// Its weight in the target métier's profile.
    pub weight: f32,
    /// The weight the ranking gives it: the métier's, lowered for savoir-être and raised
    /// by the demand of the learner's région.
    pub priority: f32,
    pub transversal: bool,
    /// Its highest share of a région's offers.
    pub demand_max: f32,
}

/// What a ranking reads about one région, computed the first time a training is scored
/// on its demand.
pub(super) struct RegionDemand<'a> {
    /// The région's demand for the gap against the best région's, from 0 to 1.
    pub demand: f32,
    /// The share of the région's offers asking for each gap skill, in gap order.
    pub shares: Vec<f32>,
    /// The région's needs, when offers were analysed there.
    pub needs: Option<&'a TerritoryNeeds>,
}

/// Which gap skills a curriculum teaches, found from the curriculum's side: its skills
/// looked up among the gap's, rather than each gap skill searched in every curriculum.
struct GapScan<'a> {
    /// Gap position of each gap skill with a taxonomy position.
    positions: FxHashMap<u32, usize>,
    /// The same taxonomy positions as a bit set, tested before the map: most curriculum
    /// skills are not in the gap.
    indices: Vec<u64>,
    /// Gap skills without one, with their gap position, compared by id.
    by_id: Vec<(usize, &'a SkillId)>,
    /// Gap weights, in gap order.
    weights: Vec<f32>,
    /// The gap positions the last scanned curriculum teaches.
    taught: Vec<u64>,
}

impl<'a> GapScan<'a> {
    fn new(keys: &[GapKey<'a>], weights: Vec<f32>) -> GapScan<'a> {
        let mut positions = FxHashMap::default();
        let mut by_id = Vec::new();
        for (position, &(index, id)) in keys.iter().enumerate() {
            match index {
                Some(index) => {
                    positions.insert(index, position);
                }
                None => by_id.push((position, id)),
            }
        }
        let mut indices = vec![0u64; positions.keys().max().map_or(0, |&m| m as usize / 64 + 1)];
        for &index in positions.keys() {
            indices[index as usize / 64] |= 1 << (index % 64);
        }
        GapScan {
            positions,
            indices,
            by_id,
            taught: vec![0; keys.len().div_ceil(64)],
            weights,
        }
    }

    /// Scans `entry`'s curriculum; true when it teaches a gap skill.
    fn scan(&mut self, entry: &Entry) -> bool {
        self.taught.fill(0);
        let mut any = false;
        let mut mark = |position: usize| {
            self.taught[position / 64] |= 1 << (position % 64);
            any = true;
        };
        for &index in &entry.skill_indices {
            let in_gap = self
                .indices
                .get(index as usize / 64)
                .is_some_and(|word| word & (1 << (index % 64)) != 0);
            if in_gap && let Some(&position) = self.positions.get(&index) {
                mark(position);
            }
        }
        for &(position, id) in &self.by_id {
            if entry.teaches(&(None, id)) {
                mark(position);
            }
        }
        any
    }

    /// The weight of the gap skills the last scanned curriculum teaches, summed in gap
    /// order (the order of a float sum shows in its last bits).
    fn taught_weight(&self) -> f32 {
        self.weights
            .iter()
            .enumerate()
            .filter(|(position, _)| self.taught[position / 64] & (1 << (position % 64)) != 0)
            .map(|(_, weight)| weight)
            .sum()
    }
}
