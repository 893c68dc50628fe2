//! The ranking's parameters: factor weights and thresholds, with their defaults.

use serde::{Deserialize, Serialize};

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
