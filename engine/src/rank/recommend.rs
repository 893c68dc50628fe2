//! [`Ranker::recommend`]: a learner's profile against the prepared catalogue: the hard
//! filters, the factor scores, the order, and what the ranking understood.

use super::gate::{Gate, LearnerGate};
use super::reasons::empty_notice;
use super::regional::{Column, SkillRow};
use super::taught::GapTaught;
use super::*;
use crate::needs::TerritoryNeeds;

impl Ranker {
    /// Ranks the catalogue for a learner, as of `today` (ISO date).
    pub fn recommend(&self, profile: &LearnerProfile, today: &str) -> Result<Recommendations<'_>> {
        let today_date = parse_date("today", today)?;
        let learner = self.resolve(profile)?;
        let taxonomy = self.extractor.taxonomy();
        // Held skills by taxonomy position (a handful), and by id for any without one.
        let mut held: Vec<GapKey> = (learner.skills.iter())
            .map(|s| (taxonomy.skill_index(&s.id), &s.id))
            .collect();
        held.sort_unstable();
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
        let learner_column = (learner_region.as_ref()).and_then(|r| self.regional.column(r));
        let mut gap: Vec<Gap> = learner
            .target
            .iter()
            .flat_map(|t| t.skills.iter().zip(&t.facts))
            .filter(|((s, _), facts)| held.binary_search(&(facts.index, &s.id)).is_err())
            .map(|((s, w), facts)| {
                let row = facts.row.map(|at| self.regional.row(at));
                let local = match (row, learner_column) {
                    (Some(row), Some(column)) => row.shares[column as usize],
                    _ => 0.0,
                };
                // Savoir-être are asked everywhere and seldom taught by name: they
                // count, but less than technical skills.
                let transversal = facts.transversal;
                let kind = if transversal {
                    self.params.transversal_factor
                } else {
                    1.0
                };
                Gap {
                    skill: s,
                    index: facts.index,
                    weight: *w,
                    priority: w * kind * (1.0 + local),
                    transversal,
                    row,
                }
            })
            .collect();
        // A total order: the skill's place in the target breaks the last ties, so the
        // unstable sort gives the order a stable sort would, without its buffer.
        gap.sort_unstable_by(|a, b| {
            (b.priority)
                .total_cmp(&a.priority)
                .then(a.skill.cmp(b.skill))
                .then_with(|| std::ptr::from_ref(a.skill).cmp(&std::ptr::from_ref(b.skill)))
        });
        // Gap skills by taxonomy position, tested against every eligible training.
        let gap_keys: Vec<GapKey> = gap.iter().map(|g| (g.index, &g.skill.id)).collect();
        let gap_total: f32 = gap.iter().map(|g| g.priority).sum();
        let mut taught = GapTaught::new(
            &self.teaching,
            self.entries.len(),
            &gap_keys,
            gap.iter().map(|g| g.priority).collect(),
        );
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
        // Indexed by column: the same few régions come back for every training.
        let mut demand_by_region: Vec<Option<RegionDemand>> = std::iter::repeat_with(|| None)
            .take(self.regional.len())
            .collect();
        let learner_gate = LearnerGate::new(&learner);
        for (at, (entry, gate)) in self.entries.iter().zip(&self.gates).enumerate() {
            let training = entry.training.as_ref();
            let (distance_km, next) = match Ranker::filter(
                entry,
                gate,
                &learner,
                &learner_gate,
                (&mut taught, at),
                today_date,
                start_from,
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
            // The filter completed this entry's taught bits when the learner has a target,
            // the only case with a gap.
            let gap_coverage = if gap_total > 0.0 {
                taught.weight(at) / gap_total
            } else {
                0.0
            };
            let level_fit = level_fit(learner.level, training.exit_level);
            let target_fit = match learner.target.as_ref().and_then(|t| t.rome) {
                Some(code) if training.rome.contains(&code) => 1.0,
                Some(code) if training.rome.iter().any(|r| r.same_domain(&code)) => 0.5,
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
                learner_column
            } else {
                entry.region_column
            };
            let demand = match demand_region {
                Some(column) => {
                    demand_by_region[column as usize]
                        .get_or_insert_with(|| self.region_demand(&gap, column))
                        .demand
                }
                None => 0.0,
            };
            let public_fit = gate.public_fit(&learner_gate);
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
                at,
            });
        }
        let excluded: BTreeMap<String, usize> = excluded_counts
            .into_iter()
            .map(|(reason, count)| (reason.code().to_string(), count))
            .collect();
        // Reasons are written for the listed trainings only.
        // A total order: the entry's place in the catalogue breaks the last ties, so an
        // unstable selection and sort give the order a stable sort would. Only the listed
        // head is sorted.
        let order = |a: &Scored, b: &Scored| {
            (b.score.total_cmp(&a.score))
                .then_with(|| a.entry.training.id.cmp(&b.entry.training.id))
                .then_with(|| std::ptr::from_ref(a.entry).cmp(&std::ptr::from_ref(b.entry)))
        };
        let listed = ranked.len().min(learner.limit);
        if listed < ranked.len() {
            ranked.select_nth_unstable_by(listed, order);
        }
        let (head, below) = ranked.split_at_mut(listed);
        head.sort_unstable_by(order);
        let onsite = |s: &&Scored| s.entry.training.modality != Modality::Distanciel;
        // The first in-person training below the list, in ranking order.
        let onsite_below = below.iter().filter(onsite).min_by(|a, b| order(a, b));
        // A remote training listed above an in-person one within reach says why.
        let remote_wins: Vec<Option<String>> = (0..listed)
            .map(|at| {
                let remote = &head[at];
                if remote.entry.training.modality != Modality::Distanciel {
                    return None;
                }
                let onsite = head[at + 1..].iter().find(onsite).or(onsite_below)?;
                Some(modality::remote_wins_reason(
                    &remote.details,
                    &onsite.details,
                    onsite.entry.training.location.city.as_deref(),
                    onsite.distance_km,
                    &weights,
                ))
            })
            .collect();
        ranked.truncate(listed);
        let gap_skills: Arc<[SkillRef]> = gap.iter().map(|g| g.skill.clone()).collect();
        let ranked: Vec<Recommendation> = ranked
            .into_iter()
            .zip(remote_wins)
            .map(|(scored, remote_wins)| {
                let entry = scored.entry;
                let training = entry.training.as_ref();
                // Listed, so it passed the filter, which completed its taught bits.
                let (gained, missing) = taught.split(scored.at);
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
                        start: &session.start,
                        end: session.end.as_deref(),
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
                    (scored.demand_region).and_then(|c| demand_by_region[c as usize].as_ref()),
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
                    id: &training.id,
                    title: &training.title,
                    provider: &training.provider,
                    commune: (training.location.commune.as_ref()).map(|c| c.as_str()),
                    city: training.location.city.as_deref(),
                    modality: training.modality,
                    score: round3(scored.score),
                    details: scored.details,
                    skills_gained,
                    skills_missing,
                    distance_km: scored.distance_km.map(|d| (d * 10.0).round() / 10.0),
                    next_session: Some(next.1),
                    certification: training.certification.as_ref(),
                    duration_months: training.duration_months,
                    publics: &training.publics,
                    reserved_to: &training.reserved_to,
                    funding: &training.funding,
                    accessible_rqth: training.accessible_rqth,
                    disability_contact: training.disability_contact.as_deref(),
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
            gap: gap_skills,
            target: learner.target.as_ref().map(|t| TargetSummary {
                label: t.label.clone(),
                rome: t.rome.map(|r| r.to_string()),
                skills: t.listed.clone(),
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
    fn region_demand<'a>(&'a self, gap: &[Gap], column: Column) -> RegionDemand<'a> {
        let shares: Vec<f32> = (gap.iter())
            .map(|g| g.row.map_or(0.0, |row| row.shares[column as usize]))
            .collect();
        let mut here = 0.0;
        let mut best = 0.0;
        for (g, share) in gap.iter().zip(&shares) {
            here += g.weight * share;
            best += g.weight * g.row.map_or(0.0, |row| row.max);
        }
        let needs = self.regional.needs(&self.model, column);
        RegionDemand {
            demand: if best > 0.0 { here / best } else { 0.0 },
            shares,
            needs: (needs.offers > 0).then_some(needs),
        }
    }

    /// The hard filters; `Ok` carries the distance to the training, when both places are
    /// known, and the next session the learner can join.
    fn filter<'a>(
        entry: &'a Entry,
        gate: &Gate,
        learner: &Learner,
        learner_gate: &LearnerGate,
        (taught, at): (&mut GapTaught, usize),
        today: Date,
        start_from: Date,
    ) -> std::result::Result<(Option<f64>, (Date, &'a Session)), Exclusion> {
        let distance_km = gate.check(learner_gate, today)?;
        let training = entry.training.as_ref();
        // The earliest open session from `start_from` (the first in catalogue order
        // among equals).
        let mut any_upcoming = false;
        let mut earliest: Option<SessionStart> = None;
        for &session in &entry.session_starts {
            if session.start < start_from {
                continue;
            }
            any_upcoming = true;
            if !session.full && earliest.is_none_or(|best| session.start < best.start) {
                earliest = Some(session);
            }
        }
        if !any_upcoming {
            return Err(Exclusion::NoUpcomingSession);
        }
        let Some(earliest) = earliest else {
            return Err(Exclusion::SessionsFull);
        };
        let (start, session) = (earliest.start, &training.sessions[earliest.index]);
        // With a target, a training that teaches none of the gap and does not lead to
        // the target métier is not relevant.
        if let Some(target) = &learner.target {
            let teaches_gap = taught.check(at, entry);
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
pub(super) struct Gap<'a> {
    pub skill: &'a SkillRef,
    /// Its taxonomy position.
    pub index: Option<u32>,
    /// Its weight in the target métier's profile.
    pub weight: f32,
    /// The weight the ranking gives it: the métier's, lowered for savoir-être and raised
    /// by the demand of the learner's région.
    pub priority: f32,
    pub transversal: bool,
    /// Its share of each région's offers, when some région's offers ask for it.
    pub row: Option<&'a SkillRow>,
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
