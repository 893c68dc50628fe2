//! Real-mobility evaluation of the learner rankings: for the moves between métiers the
//! ROME lists (`rubrique_mobilite`), how much of the destination's missing core skills
//! the top trainings teach, against a baseline that ranks by title match only.
//!
//! For a pair source → destination, the learner holds the source's core items
//! (`coeur_metier`) and targets the destination's core items; the gap is destination
//! core − source core. A ranking of k trainings covers the share of the gap that the
//! union of their curricula evidences (skills found with a span in the curriculum text,
//! [`Ranker::training_skills`]). The same measure is applied to every ranking compared,
//! so the comparison does not depend on how each ranking chose its trainings.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::model::{RomeCode, SkillId, Training};
use crate::rank::{LearnerProfile, Ranker, Target};
use crate::taxonomy::Taxonomy;
use crate::text::analyze;
use crate::{Error, Result};

/// Skills a learner profile may list (`LearnerProfile::check`).
const MAX_PROFILE_SKILLS: usize = 200;

/// Figures of one way of ranking, averaged over the evaluated pairs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MobilityScores {
    /// Mean share of the gap taught by the union of the top k trainings.
    pub covered_at_k: f64,
    /// Mean share of the k slots holding a training whose ROME codes include the
    /// destination or a métier of its domain (`M18` for `M1805`); empty slots count as
    /// misses.
    pub precision_at_k: f64,
    /// The same with the destination code itself only.
    pub exact_precision_at_k: f64,
    /// Mean number of trainings returned (at most k).
    pub mean_returned: f64,
    /// Pairs for which the ranking returned no training.
    pub empty: usize,
}

/// The real-mobility evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MobilityReport {
    /// Trainings kept per ranking.
    pub top: usize,
    pub today: String,
    /// Pairs given.
    pub pairs_given: usize,
    /// Pairs evaluated: both métiers known, the destination has core items, and the
    /// source lacks some of them.
    pub pairs: usize,
    /// Distinct destinations among the evaluated pairs.
    pub destinations: usize,
    pub skipped_unknown: usize,
    pub skipped_no_core: usize,
    pub skipped_no_gap: usize,
    /// Trainings open on `today` (label valid, a session not full starting then or
    /// later): the candidates of the title baseline.
    pub open_trainings: usize,
    /// Mean number of missing core items.
    pub mean_gap: f64,
    /// Mean share of the gap taught by all the open trainings together: the ceiling of
    /// `covered_at_k`.
    pub catalogue_ceiling: f64,
    /// The ranker with the destination's core items as target skills.
    pub ranker: MobilityScores,
    /// The ranker with the destination's ROME code as target (its demand profile from
    /// the needs model, else its référentiel items).
    pub ranker_rome_target: MobilityScores,
    /// Open trainings ranked by the overlap of their title with the destination's
    /// label and appellations.
    pub title_baseline: MobilityScores,
    /// `ranker.covered_at_k / title_baseline.covered_at_k` (0 when the baseline covers
    /// nothing).
    pub coverage_ratio: f64,
    /// Pairs where the ranker covers more of the gap than the baseline, fewer, as much.
    pub ranker_wins: usize,
    pub baseline_wins: usize,
    pub ties: usize,
}

/// The ROME mobility links (source → destination) whose destination `is_destination`
/// accepts, in référentiel order (source code, then the source's mobility order).
pub fn mobility_pairs(
    rome: &Taxonomy,
    is_destination: impl Fn(RomeCode) -> bool,
) -> Vec<(RomeCode, RomeCode)> {
    let mut sources: Vec<_> = rome.occupations().iter().collect();
    sources.sort_by_key(|o| o.code);
    sources
        .into_iter()
        .flat_map(|source| {
            source
                .mobility
                .iter()
                .filter(|target| **target != source.code && is_destination(**target))
                .map(move |target| (source.code, *target))
        })
        .collect()
}

/// At most `limit` pairs spread evenly over `pairs` (every pair when there are fewer),
/// so that a sample keeps the variety of sources and destinations.
pub fn sample_pairs(pairs: &[(RomeCode, RomeCode)], limit: usize) -> Vec<(RomeCode, RomeCode)> {
    if pairs.len() <= limit {
        return pairs.to_vec();
    }
    (0..limit).map(|i| pairs[i * pairs.len() / limit]).collect()
}

/// One ranking's figures on one pair.
#[derive(Debug, Clone, Copy, Default)]
struct PairScore {
    covered: f64,
    relevant: usize,
    exact: usize,
    returned: usize,
}

/// Sums over pairs, turned into means by [`Totals::scores`].
#[derive(Debug, Clone, Copy, Default)]
struct Totals {
    covered: f64,
    relevant: usize,
    exact: usize,
    returned: usize,
    empty: usize,
}

impl Totals {
    fn add(&mut self, score: PairScore) {
        self.covered += score.covered;
        self.relevant += score.relevant;
        self.exact += score.exact;
        self.returned += score.returned;
        self.empty += usize::from(score.returned == 0);
    }

    fn scores(&self, pairs: usize, top: usize) -> MobilityScores {
        let mean = |sum: f64| if pairs == 0 { 0.0 } else { sum / pairs as f64 };
        let slots = (pairs * top) as f64;
        let share = |n: usize| if slots == 0.0 { 0.0 } else { n as f64 / slots };
        MobilityScores {
            covered_at_k: mean(self.covered),
            precision_at_k: share(self.relevant),
            exact_precision_at_k: share(self.exact),
            mean_returned: mean(self.returned as f64),
            empty: self.empty,
        }
    }
}

enum Outcome {
    Unknown,
    NoCore,
    NoGap,
    Scored {
        gap: usize,
        ceiling: f64,
        ranker: PairScore,
        rome_target: PairScore,
        baseline: PairScore,
    },
}

/// Ranks the catalogue of `ranker` for each mobility pair, as of `today` (ISO date),
/// keeps the `top` first trainings (1 to 100) and measures the share of the gap they
/// teach, for the ranker and for the title baseline.
///
/// The ranker's engine must be opened on the ROME taxonomy: learner and target skills
/// are the métiers' `rome:` core items, and curricula must be extracted into them.
pub fn evaluate_mobility(
    ranker: &Ranker,
    pairs: &[(RomeCode, RomeCode)],
    today: &str,
    top: usize,
) -> Result<MobilityReport> {
    if !(1..=100).contains(&top) {
        return Err(Error::invalid("top", "must be between 1 and 100"));
    }
    let rome = ranker.extractor().taxonomy();
    if !rome.occupations().iter().any(|o| !o.skills.is_empty()) {
        return Err(Error::invalid(
            "taxonomy",
            format!(
                "{} links no item to its métiers: open the engine on the rome taxonomy",
                rome.describe()
            ),
        ));
    }
    let today_date = parse_date(today)?;
    // What each training teaches, and the terms of its title, once.
    let mut taught: HashMap<&str, HashSet<SkillId>> = HashMap::new();
    for training in ranker.trainings() {
        let (_, skills) = ranker.training_skills(&training.id)?;
        taught.insert(
            training.id.as_str(),
            skills.into_iter().map(|s| s.id).collect(),
        );
    }
    let open: Vec<(&Training, HashSet<String>)> = ranker
        .trainings()
        .filter(|t| is_open(t, today_date))
        .map(|t| (t, terms(&t.title)))
        .collect();
    let outcomes: Vec<Outcome> = pairs
        .par_iter()
        .map(|&(source, destination)| {
            evaluate_pair(ranker, &taught, &open, source, destination, today, top)
        })
        .collect::<Result<_>>()?;

    let mut report = MobilityReport {
        top,
        today: today.to_string(),
        pairs_given: pairs.len(),
        open_trainings: open.len(),
        ..MobilityReport::default()
    };
    let (mut ranker_totals, mut rome_totals, mut baseline_totals) =
        (Totals::default(), Totals::default(), Totals::default());
    let (mut gap_sum, mut ceiling_sum) = (0usize, 0.0);
    let mut destinations = HashSet::new();
    for (outcome, (_, destination)) in outcomes.into_iter().zip(pairs) {
        match outcome {
            Outcome::Unknown => report.skipped_unknown += 1,
            Outcome::NoCore => report.skipped_no_core += 1,
            Outcome::NoGap => report.skipped_no_gap += 1,
            Outcome::Scored {
                gap,
                ceiling,
                ranker,
                rome_target,
                baseline,
            } => {
                report.pairs += 1;
                destinations.insert(*destination);
                gap_sum += gap;
                ceiling_sum += ceiling;
                ranker_totals.add(ranker);
                rome_totals.add(rome_target);
                baseline_totals.add(baseline);
                // Shares of the same gap: compare the counts of skills they stand for.
                let (a, b) = (
                    (ranker.covered * gap as f64).round(),
                    (baseline.covered * gap as f64).round(),
                );
                if a > b {
                    report.ranker_wins += 1;
                } else if a < b {
                    report.baseline_wins += 1;
                } else {
                    report.ties += 1;
                }
            }
        }
    }
    let pairs = report.pairs;
    report.destinations = destinations.len();
    report.mean_gap = if pairs == 0 {
        0.0
    } else {
        gap_sum as f64 / pairs as f64
    };
    report.catalogue_ceiling = if pairs == 0 {
        0.0
    } else {
        ceiling_sum / pairs as f64
    };
    report.ranker = ranker_totals.scores(pairs, top);
    report.ranker_rome_target = rome_totals.scores(pairs, top);
    report.title_baseline = baseline_totals.scores(pairs, top);
    report.coverage_ratio = if report.title_baseline.covered_at_k > 0.0 {
        report.ranker.covered_at_k / report.title_baseline.covered_at_k
    } else {
        0.0
    };
    Ok(report)
}

fn evaluate_pair(
    ranker: &Ranker,
    taught: &HashMap<&str, HashSet<SkillId>>,
    open: &[(&Training, HashSet<String>)],
    source: RomeCode,
    destination: RomeCode,
    today: &str,
    top: usize,
) -> Result<Outcome> {
    let rome = ranker.extractor().taxonomy();
    let (Some(from), Some(to)) = (rome.occupation(&source), rome.occupation(&destination)) else {
        return Ok(Outcome::Unknown);
    };
    let core = |links: &[crate::taxonomy::OccupationSkill]| -> Vec<SkillId> {
        let mut ids: Vec<SkillId> = links
            .iter()
            .filter(|l| l.core)
            .map(|l| rome.skill_at(l.skill).id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let held = core(&from.skills);
    let wanted = core(&to.skills);
    if wanted.is_empty() {
        return Ok(Outcome::NoCore);
    }
    let gap: HashSet<&SkillId> = wanted.iter().filter(|id| !held.contains(id)).collect();
    if gap.is_empty() {
        return Ok(Outcome::NoGap);
    }
    let covered = |ids: &[&str]| -> f64 {
        let union: HashSet<&SkillId> = ids
            .iter()
            .filter_map(|id| taught.get(id))
            .flatten()
            .filter(|s| gap.contains(s))
            .collect();
        union.len() as f64 / gap.len() as f64
    };
    let score = |ids: &[&str]| -> Result<PairScore> {
        let mut relevant = 0;
        let mut exact = 0;
        for id in ids {
            let codes = &ranker.training(id)?.rome;
            exact += usize::from(codes.contains(&destination));
            relevant += usize::from(codes.iter().any(|c| c.domain() == destination.domain()));
        }
        Ok(PairScore {
            covered: covered(ids),
            relevant,
            exact,
            returned: ids.len(),
        })
    };
    let as_strings = |ids: &[SkillId]| -> Vec<String> {
        ids.iter()
            .take(MAX_PROFILE_SKILLS)
            .map(|id| id.as_str().to_string())
            .collect()
    };
    let learner = |target: Target| LearnerProfile {
        skills: as_strings(&held),
        target: Some(target),
        limit: Some(top),
        ..LearnerProfile::default()
    };
    let by_skills = learner(Target {
        skills: Some(as_strings(&wanted)),
        ..Target::default()
    });
    let by_code = learner(Target {
        rome: Some(destination.to_string()),
        ..Target::default()
    });
    let recommended = |profile: &LearnerProfile| -> Result<Vec<String>> {
        Ok(ranker
            .recommend(profile, today)?
            .trainings
            .into_iter()
            .map(|r| r.id.to_string())
            .collect())
    };
    let ranked = recommended(&by_skills)?;
    let ranked_by_code = recommended(&by_code)?;
    let baseline = title_ranking(to, open, top);

    let all: Vec<&str> = open.iter().map(|(t, _)| t.id.as_str()).collect();
    Ok(Outcome::Scored {
        gap: gap.len(),
        ceiling: covered(&all),
        ranker: score(&as_refs(&ranked))?,
        rome_target: score(&as_refs(&ranked_by_code))?,
        baseline: score(&baseline)?,
    })
}

/// The baseline: open trainings whose title shares terms with the métier's label and
/// appellations, by set cosine of the terms, ties by id.
fn title_ranking<'a>(
    destination: &crate::taxonomy::Occupation,
    open: &[(&'a Training, HashSet<String>)],
    top: usize,
) -> Vec<&'a str> {
    let mut vocabulary = terms(&destination.label);
    for appellation in &destination.appellations {
        vocabulary.extend(terms(appellation));
    }
    let mut scored: Vec<(f64, &str)> = open
        .iter()
        .filter_map(|(training, title)| {
            let shared = title.intersection(&vocabulary).count();
            (shared > 0).then(|| {
                let cosine = shared as f64 / ((title.len() * vocabulary.len()) as f64).sqrt();
                (cosine, training.id.as_str())
            })
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(top).map(|(_, id)| id).collect()
}

fn as_refs(ids: &[String]) -> Vec<&str> {
    ids.iter().map(String::as_str).collect()
}

/// The distinct stemmed terms of a text, stop words left out.
fn terms(text: &str) -> HashSet<String> {
    analyze(text)
        .into_iter()
        .filter(|t| !t.stop)
        .map(|t| t.term.to_string())
        .collect()
}

/// A training a learner could join on `today`: its label is valid and one of its
/// sessions, not full, starts that day or later (the ranker's own hard filters).
fn is_open(training: &Training, today: Date) -> bool {
    let expired = training
        .label
        .as_ref()
        .is_some_and(|l| parse_date(&l.expires).is_ok_and(|expires| expires < today));
    let open = training
        .sessions
        .iter()
        .any(|s| !s.is_full() && parse_date(&s.start).is_ok_and(|start| start >= today));
    !expired && open
}

fn parse_date(value: &str) -> Result<Date> {
    value
        .get(..10)
        .and_then(|v| v.parse::<Date>().ok())
        .ok_or_else(|| Error::invalid("today", format!("{value:?} is not a date (YYYY-MM-DD)")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> RomeCode {
        RomeCode::parse(text).unwrap()
    }

    #[test]
    fn sample_spreads_over_the_pairs() {
        let pairs: Vec<(RomeCode, RomeCode)> = (1..=10)
            .map(|i| (code(&format!("A{:04}", 1100 + i)), code("M1805")))
            .collect();
        let sample = sample_pairs(&pairs, 3);
        let sources: Vec<&str> = sample.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(sources, ["A1101", "A1104", "A1107"]);
        assert_eq!(sample_pairs(&pairs, 20).len(), 10);
    }

    #[test]
    fn totals_count_empty_slots_as_misses() {
        let mut totals = Totals::default();
        totals.add(PairScore {
            covered: 0.5,
            relevant: 2,
            exact: 1,
            returned: 2,
        });
        totals.add(PairScore::default());
        let scores = totals.scores(2, 5);
        assert!((scores.covered_at_k - 0.25).abs() < 1e-9);
        assert!((scores.precision_at_k - 0.2).abs() < 1e-9);
        assert!((scores.exact_precision_at_k - 0.1).abs() < 1e-9);
        assert!((scores.mean_returned - 1.0).abs() < 1e-9);
        assert_eq!(scores.empty, 1);
    }

    #[test]
    fn title_terms_ignore_stop_words_and_gender() {
        let a = terms("Développeur / Développeuse web");
        let b = terms("Développeur web et web mobile");
        assert!(a.intersection(&b).count() >= 2, "{a:?} {b:?}");
        assert!(!b.contains("et"));
    }
}
