//! Training supply of the needs, in one place for the build and the ranker: the rule
//! that says which needs a training answers, the open seats of its sessions, and the
//! unmet demand and tension computed from offers and seats.
//!
//! A training answers a need when the IDF-weighted skills of its curriculum (the
//! mentions scoring at least `vectors.min_score`) have a cosine of at least
//! `min_training_similarity` with the need's top skills. The build counts the supply of
//! each need from this rule as of the build date; the ranker applies the same rule, with
//! the parameters saved in the model, as of the day it is asked.

use jiff::civil::Date;

use super::{NeedsCluster, NeedsModel, NeedsParams, round4};
use crate::extract::SkillMention;
use crate::model::{Session, SkillId};
use crate::vectors::{SkillVocabulary, sparse_cosine};

/// Cosine similarity of a curriculum's skills with each need, in the order of
/// `clusters`.
pub(super) fn similarities(
    clusters: &[NeedsCluster],
    vocabulary: &SkillVocabulary,
    params: &NeedsParams,
    mentions: &[SkillMention],
) -> Vec<f32> {
    let mut skills: Vec<&SkillId> = mentions
        .iter()
        .filter(|m| m.score >= params.vectors.min_score)
        .map(|m| &m.skill)
        .collect();
    skills.sort_unstable();
    skills.dedup();
    cosines(clusters, vocabulary, skills)
}

/// Cosine of IDF-weighted skills with each need's top skills.
fn cosines<'a>(
    clusters: &[NeedsCluster],
    vocabulary: &SkillVocabulary,
    skills: impl IntoIterator<Item = &'a SkillId>,
) -> Vec<f32> {
    let weights: Vec<(SkillId, f32)> = skills
        .into_iter()
        .map(|id| (id.clone(), idf(vocabulary, id)))
        .collect();
    clusters
        .iter()
        .map(|cluster| {
            let top: Vec<(SkillId, f32)> = (cluster.top_skills.iter())
                .map(|s| (s.id.clone(), s.weight))
                .collect();
            sparse_cosine(&weights, &top)
        })
        .collect()
}

/// The needs (id, similarity) a curriculum answers, most similar first.
pub(super) fn answered(
    clusters: &[NeedsCluster],
    vocabulary: &SkillVocabulary,
    params: &NeedsParams,
    mentions: &[SkillMention],
) -> Vec<(String, f32)> {
    let mut needs: Vec<(String, f32)> = clusters
        .iter()
        .zip(similarities(clusters, vocabulary, params, mentions))
        .filter(|(_, similarity)| *similarity >= params.min_training_similarity)
        .map(|(cluster, similarity)| (cluster.id.clone(), similarity))
        .collect();
    needs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    needs
}

/// A skill's IDF in the vocabulary (1 for a skill it lacks).
fn idf(vocabulary: &SkillVocabulary, skill: &SkillId) -> f32 {
    vocabulary
        .position(skill)
        .map_or(1.0, |p| vocabulary.idf[p as usize])
}

impl NeedsModel {
    /// The needs a curriculum answers (id, similarity), most similar first, by the
    /// model's own rule (see the module documentation).
    pub fn needs_answered(&self, mentions: &[SkillMention]) -> Vec<(String, f32)> {
        answered(&self.clusters, &self.vocabulary, &self.params, mentions)
    }

    /// Similarity of a set of skills (IDF-weighted) with each need, in the order of
    /// `clusters`: what the providers' coverage report calls the nearest needs.
    pub fn need_similarities<'a>(&self, skills: impl IntoIterator<Item = &'a SkillId>) -> Vec<f32> {
        cosines(&self.clusters, &self.vocabulary, skills)
    }

    /// A skill's IDF in the model's vocabulary (1 when the model lacks it).
    pub fn idf(&self, skill: &SkillId) -> f32 {
        idf(&self.vocabulary, skill)
    }
}

/// Open seats of the sessions starting on or after `from` (every session when `None`);
/// a session without a seat count offers none.
pub fn open_seats(sessions: &[Session], from: Option<Date>) -> u32 {
    sessions
        .iter()
        .filter(|s| match from {
            Some(from) => start_of(s).is_some_and(|start| start >= from),
            None => true,
        })
        .map(Session::seats_left)
        .sum()
}

/// The start date of a session, when it reads as one.
fn start_of(session: &Session) -> Option<Date> {
    session.start.get(..10)?.parse().ok()
}

/// Unmet demand of a need: its offers, discounted by the open seats already there,
/// `offers² / (offers + seats)` (0 without offers).
pub fn unmet_demand(offers: usize, seats: u32) -> f64 {
    let offers = offers as f64;
    if offers > 0.0 {
        offers * offers / (offers + f64::from(seats))
    } else {
        0.0
    }
}

/// Tension of a need: offers per open seat, `offers / (seats + 1)`, four decimals.
pub fn tension(offers: usize, seats: u32) -> f32 {
    round4(offers as f32 / (seats as f32 + 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(start: &str, seats: Option<u32>, taken: Option<u32>) -> Session {
        Session {
            start: start.to_string(),
            seats,
            seats_taken: taken,
            end: None,
        }
    }

    #[test]
    fn open_seats_count_sessions_from_the_date() {
        let sessions = [
            session("2026-01-10", Some(12), Some(2)),
            session("2026-03-01", Some(8), None),
            session("2026-05-01", None, None),
        ];
        let from = "2026-02-01".parse().ok();
        assert_eq!(open_seats(&sessions, from), 8);
        assert_eq!(open_seats(&sessions, None), 18);
        assert_eq!(open_seats(&sessions, "2026-06-01".parse().ok()), 0);
    }

    #[test]
    fn unmet_demand_falls_as_seats_open() {
        assert_eq!(unmet_demand(0, 10), 0.0);
        assert_eq!(unmet_demand(10, 0), 10.0);
        assert_eq!(unmet_demand(10, 10), 5.0);
        assert!(unmet_demand(10, 30) < unmet_demand(10, 10));
        assert_eq!(tension(10, 4), 2.0);
    }
}
