//! Evaluation against the labels France Travail offers carry: the recruiter's ticked
//! `competences[]` for skill extraction, `romeCode` for occupation classification and
//! for the needs clusters (`clusters`); of the learner rankings against the ROME's real
//! mobility links (`mobility`); of the mentions' `required` field against hand
//! labels (`required`); of the mentions' spans against hand labels of every skill
//! span (`spans`); and of the driving licences and languages found in offer texts
//! against the offers' `permis[]` and `langues[]` (`certifications`).

mod certifications;
mod clusters;
mod labels;
mod mobility;
mod required;
mod spans;

use std::collections::HashSet;

use rayon::prelude::*;
use serde::Serialize;

use crate::engine::Engine;
use crate::extract::{Extractor, LearnParams};
use crate::model::{JobPosting, Requirement, SkillId};

pub use certifications::{
    CertificationsReport, ListedCounts, ListedScores, evaluate_certifications,
};
pub use clusters::{ClusterAgreement, ClustersReport, evaluate_clusters};
pub use labels::LabelPart;
pub use mobility::{
    MobilityReport, MobilityScores, evaluate_mobility, mobility_pairs, sample_pairs,
};
pub use required::{
    RequiredLabel, RequiredReport, RequiredScores, evaluate_required, parse_required_labels,
};
pub use spans::{
    KindRecall, SpanKind, SpanLabel, SpanReport, SpanScores, evaluate_spans, parse_span_labels,
};

/// Micro-averaged figures of skill extraction against one set of gold labels.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SkillScores {
    /// Offers that had at least one gold label.
    pub offers: usize,
    pub gold: usize,
    /// Predictions at or above the threshold.
    pub predicted: usize,
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Share of gold labels found among the 10 best distinct predictions.
    pub recall_at_10: f64,
    /// Mean average precision over the ranked predictions.
    pub map: f64,
}

/// Skill extraction figures: all ticked skills, and the required (`E`) ones alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExtractionReport {
    pub threshold: f32,
    pub all: SkillScores,
    pub required: SkillScores,
}

/// Occupation classification figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClassificationReport {
    pub offers: usize,
    pub accuracy_at_1: f64,
    pub accuracy_at_3: f64,
    /// The same over offers whose gold code is a digital métier (M18xx).
    pub digital_offers: usize,
    pub digital_accuracy_at_1: f64,
    pub digital_accuracy_at_3: f64,
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    offers: usize,
    gold: usize,
    predicted: usize,
    correct: usize,
    found_at_10: usize,
    average_precision: f64,
}

impl Counts {
    fn add(self, other: Counts) -> Counts {
        Counts {
            offers: self.offers + other.offers,
            gold: self.gold + other.gold,
            predicted: self.predicted + other.predicted,
            correct: self.correct + other.correct,
            found_at_10: self.found_at_10 + other.found_at_10,
            average_precision: self.average_precision + other.average_precision,
        }
    }

    fn scores(self) -> SkillScores {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(self.correct, self.predicted);
        let recall = ratio(self.correct, self.gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        SkillScores {
            offers: self.offers,
            gold: self.gold,
            predicted: self.predicted,
            correct: self.correct,
            precision,
            recall,
            f1,
            recall_at_10: ratio(self.found_at_10, self.gold),
            map: if self.offers == 0 {
                0.0
            } else {
                self.average_precision / self.offers as f64
            },
        }
    }
}

fn score_offer(ranked: &[(SkillId, f32)], gold: &HashSet<SkillId>, threshold: f32) -> Counts {
    if gold.is_empty() {
        return Counts::default();
    }
    let predicted: Vec<&SkillId> = ranked
        .iter()
        .filter(|(_, s)| *s >= threshold)
        .map(|(id, _)| id)
        .collect();
    let correct = predicted.iter().filter(|id| gold.contains(**id)).count();
    let found_at_10 = ranked
        .iter()
        .take(10)
        .filter(|(id, _)| gold.contains(id))
        .count();
    let mut hits = 0usize;
    let mut precision_sum = 0.0;
    for (rank, (id, _)) in ranked.iter().enumerate() {
        if gold.contains(id) {
            hits += 1;
            precision_sum += hits as f64 / (rank + 1) as f64;
        }
    }
    Counts {
        offers: 1,
        gold: gold.len(),
        predicted: predicted.len(),
        correct,
        found_at_10,
        average_precision: precision_sum / gold.len() as f64,
    }
}

/// How an evaluation runs.
#[derive(Debug, Clone, Copy)]
pub struct EvalOptions {
    /// Score at or above which a skill counts as predicted.
    pub threshold: f32,
    /// Link each offer to its labelled `romeCode` instead of the predicted métiers: the
    /// figures extraction would reach with a perfect classifier (a diagnostic).
    pub oracle: bool,
    /// With `k` ≥ 2, learn at run time from the labelled offers by k-fold
    /// cross-validation: each offer is scored by an extractor that learned from the
    /// other folds only (see [`crate::extract::Learned`]).
    pub folds: usize,
    pub learn: LearnParams,
}

impl Default for EvalOptions {
    fn default() -> EvalOptions {
        EvalOptions {
            threshold: 0.5,
            oracle: false,
            folds: 0,
            learn: LearnParams::default(),
        }
    }
}

/// The fold of an offer: a stable hash of its title and the start of its text, so
/// that folds do not depend on file order and an offer posted several times (same
/// title and text, other ids) never teaches its own copies.
fn fold_of(posting: &JobPosting, folds: usize) -> usize {
    use std::hash::BuildHasher;
    let start: String = posting.description.chars().take(300).collect();
    let key = (posting.title.trim(), start);
    (rustc_hash::FxBuildHasher.hash_one(&key) % folds as u64) as usize
}

/// Scores every posting with the extractor that may see it: the engine's own, or with
/// `folds` ≥ 2 one that learned from the other folds.
fn per_fold<T: Send>(
    engine: &Engine,
    postings: &[JobPosting],
    options: &EvalOptions,
    score: impl Fn(&Extractor, &JobPosting) -> Option<T> + Sync,
) -> Vec<T> {
    if options.folds < 2 {
        return postings
            .par_iter()
            .filter_map(|p| score(engine.extractor(), p))
            .collect();
    }
    // Folds learn in parallel: a fit is single-threaded.
    let per_fold: Vec<Vec<T>> = (0..options.folds)
        .into_par_iter()
        .map(|fold| {
            let training = postings
                .iter()
                .filter(|p| fold_of(p, options.folds) != fold);
            let extractor = match engine.extractor().learn(training, options.learn) {
                Some(learned) => engine.extractor().with_learned(learned),
                None => engine.extractor().clone(),
            };
            postings
                .par_iter()
                .filter(|p| fold_of(p, options.folds) == fold)
                .filter_map(|p| score(&extractor, p))
                .collect()
        })
        .collect();
    per_fold.into_iter().flatten().collect()
}

/// Extracts every offer that carries `competences[]` and compares the predicted
/// `rome:` skills with the codes the recruiter ticked.
///
/// Transversal skills (savoir-être) are left out of the predictions compared: France
/// Travail offers carry them in `qualitesProfessionnelles`, never in `competences[]`.
pub fn evaluate_extraction(
    engine: &Engine,
    postings: &[JobPosting],
    options: &EvalOptions,
) -> ExtractionReport {
    let threshold = options.threshold;
    let (all, required) = per_fold(engine, postings, options, |extractor, posting| {
        if posting.labelled_skills.is_empty() {
            return None;
        }
        let extraction = match posting.rome.filter(|_| options.oracle) {
            Some(code) => extractor.extract_known(&posting.title, &posting.description, code),
            None => extractor.extract(&posting.title, &posting.description),
        };
        let ranked: Vec<(SkillId, f32)> = extraction
            .distinct_skills()
            .into_iter()
            .filter(|(id, _)| id.as_str().starts_with("rome:"))
            .filter(|(id, _)| {
                extractor
                    .taxonomy()
                    .skill(id)
                    .is_none_or(|s| s.kind != crate::taxonomy::SkillKind::Transversal)
            })
            .map(|(id, s)| (id.clone(), s))
            .collect();
        let gold_all: HashSet<SkillId> = posting
            .labelled_skills
            .iter()
            .map(|s| SkillId::rome(&s.code))
            .collect();
        let gold_required: HashSet<SkillId> = posting
            .labelled_skills
            .iter()
            .filter(|s| s.requirement == Some(Requirement::Required))
            .map(|s| SkillId::rome(&s.code))
            .collect();
        Some((
            score_offer(&ranked, &gold_all, threshold),
            score_offer(&ranked, &gold_required, threshold),
        ))
    })
    .into_iter()
    .fold((Counts::default(), Counts::default()), |a, b| {
        (a.0.add(b.0), a.1.add(b.1))
    });
    ExtractionReport {
        threshold,
        all: all.scores(),
        required: required.scores(),
    }
}

/// Classifies every offer that carries a ROME code and measures accuracy@1 and @3.
pub fn evaluate_classification(
    engine: &Engine,
    postings: &[JobPosting],
    options: &EvalOptions,
) -> ClassificationReport {
    // (offers, @1, @3) overall and for M18xx.
    let totals = per_fold(engine, postings, options, |extractor, posting| {
        let gold = posting.rome?;
        let occupations = extractor.classify(&posting.title, &posting.description);
        let rank = occupations.iter().position(|o| o.code == gold);
        let at1 = usize::from(rank == Some(0));
        let at3 = usize::from(rank.is_some_and(|r| r < 3));
        let digital = usize::from(gold.domain() == "M18");
        Some([1, at1, at3, digital, digital * at1, digital * at3])
    })
    .into_iter()
    .fold([0; 6], |a, b| std::array::from_fn(|i| a[i] + b[i]));
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    ClassificationReport {
        offers: totals[0],
        accuracy_at_1: ratio(totals[1], totals[0]),
        accuracy_at_3: ratio(totals[2], totals[0]),
        digital_offers: totals[3],
        digital_accuracy_at_1: ratio(totals[4], totals[3]),
        digital_accuracy_at_3: ratio(totals[5], totals[3]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offer_scores_count_hits_at_threshold_and_rank() {
        let ranked = vec![
            (SkillId::rome("1"), 0.9),
            (SkillId::rome("2"), 0.6),
            (SkillId::rome("3"), 0.4),
        ];
        let gold: HashSet<SkillId> = [SkillId::rome("2"), SkillId::rome("3"), SkillId::rome("9")]
            .into_iter()
            .collect();
        let counts = score_offer(&ranked, &gold, 0.5);
        assert_eq!(counts.predicted, 2);
        assert_eq!(counts.correct, 1);
        assert_eq!(counts.found_at_10, 2);
        // Hits at ranks 2 and 3: (1/2 + 2/3) / 3 gold labels.
        assert!((counts.average_precision - (0.5 + 2.0 / 3.0) / 3.0).abs() < 1e-9);
        let scores = counts.scores();
        assert!((scores.precision - 0.5).abs() < 1e-9);
        assert!((scores.recall - 1.0 / 3.0).abs() < 1e-9);
    }
}
