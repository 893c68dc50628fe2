//! The ranking's parameters: factor weights and thresholds, with their defaults, checked
//! once into [`ValidRankParams`] before a [`Ranker`](super::Ranker) uses them.

use std::ops::Deref;

use serde::{Deserialize, Serialize};

use super::factors::{FACTORS, RankWeights};
use crate::{Error, Result};

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
            alignment_skills: 30,
            transversal_factor: 0.3,
        }
    }
}

impl RankWeights {
    /// The weights in declaration order, as [`ScoreDetails::factors`] gives the factors.
    pub(crate) fn values(&self) -> [f32; FACTORS] {
        self.named().map(|(_, weight)| weight)
    }

    /// The sum of the weights, at least `f32::EPSILON`.
    pub(crate) fn total(&self) -> f32 {
        self.values()
            .iter()
            .fold(0.0, |sum, w| sum + w)
            .max(f32::EPSILON)
    }

    /// The weighted sum of `factors`; a score is this over [`Self::total`].
    pub(crate) fn weighted(&self, factors: [f32; FACTORS]) -> f32 {
        self.values()
            .iter()
            .zip(factors)
            .fold(0.0, |sum, (w, f)| sum + w * f)
    }

    /// Checks that every weight is a finite non-negative number and one is positive.
    fn check(&self) -> Result<()> {
        let named = self.named();
        if let Some((field, _)) = named.iter().find(|(_, w)| !(w.is_finite() && *w >= 0.0)) {
            return Err(Error::invalid(*field, "must be a finite number, 0 or more"));
        }
        if named.iter().all(|(_, w)| *w == 0.0) {
            return Err(Error::invalid(
                "weights",
                "at least one weight must be positive",
            ));
        }
        Ok(())
    }
}

/// Ranking parameters that passed [`RankParams::check`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidRankParams(RankParams);

impl RankParams {
    /// Checks the parameters, naming the faulty one.
    pub fn check(self) -> Result<ValidRankParams> {
        self.weights.check()?;
        let share = |field: &str, value: f32| {
            if (0.0..=1.0).contains(&value) {
                Ok(())
            } else {
                Err(Error::invalid(field, "must be in [0, 1]"))
            }
        };
        share("min_skill_score", self.min_skill_score)?;
        share("min_target_share", self.min_target_share)?;
        share("transversal_factor", self.transversal_factor)?;
        for (field, value) in [
            ("distance_half_km", self.distance_half_km),
            ("wait_half_days", self.wait_half_days),
        ] {
            if !(value.is_finite() && value > 0.0) {
                return Err(Error::invalid(field, "must be a positive number"));
            }
        }
        if self.alignment_skills == 0 {
            return Err(Error::invalid("alignment_skills", "must be at least 1"));
        }
        Ok(ValidRankParams(self))
    }
}

impl ValidRankParams {
    /// The checked parameters.
    pub fn get(&self) -> &RankParams {
        &self.0
    }
}

impl Default for ValidRankParams {
    /// The default parameters, which pass the check (a test says so).
    fn default() -> ValidRankParams {
        ValidRankParams(RankParams::default())
    }
}

impl Deref for ValidRankParams {
    type Target = RankParams;

    fn deref(&self) -> &RankParams {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Invalid;

    /// The field and message of an operator-setting error.
    fn refusal(params: RankParams) -> (String, String) {
        match params.check() {
            Err(Error::InvalidInput {
                field,
                problem: Invalid::Other(message),
            }) => (field, message),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn the_defaults_pass() {
        let checked = RankParams::default().check().unwrap();
        assert_eq!(checked, ValidRankParams::default());
        assert_eq!(*checked.get(), RankParams::default());
    }

    #[test]
    fn bad_weights_are_refused_by_name() {
        for (weight, field) in [
            (-0.1, "weights.distance"),
            (f32::NAN, "weights.distance"),
            (f32::INFINITY, "weights.distance"),
        ] {
            let mut params = RankParams::default();
            params.weights.distance = weight;
            assert_eq!(refusal(params).0, field, "{weight}");
        }
        let mut params = RankParams::default();
        params.weights.public_fit = -1.0;
        assert_eq!(refusal(params).0, "weights.public_fit");
        let zero = RankWeights {
            gap_coverage: 0.0,
            target_fit: 0.0,
            level_fit: 0.0,
            distance: 0.0,
            next_session: 0.0,
            demand: 0.0,
            modality_fit: 0.0,
            public_fit: 0.0,
        };
        let params = RankParams {
            weights: zero,
            ..RankParams::default()
        };
        assert_eq!(
            refusal(params),
            (
                "weights".to_string(),
                "at least one weight must be positive".to_string()
            )
        );
        // One positive weight is enough.
        let params = RankParams {
            weights: RankWeights {
                demand: 1.0,
                ..zero
            },
            ..RankParams::default()
        };
        assert!(params.check().is_ok());
    }

    #[test]
    fn bad_thresholds_are_refused_by_name() {
        type Spoil = fn(&mut RankParams);
        let cases: [(Spoil, &str); 8] = [
            (|p| p.min_skill_score = 1.5, "min_skill_score"),
            (|p| p.min_skill_score = f32::NAN, "min_skill_score"),
            (|p| p.min_target_share = -0.1, "min_target_share"),
            (|p| p.transversal_factor = -1.0, "transversal_factor"),
            (|p| p.distance_half_km = 0.0, "distance_half_km"),
            (|p| p.distance_half_km = f64::INFINITY, "distance_half_km"),
            (|p| p.wait_half_days = -30.0, "wait_half_days"),
            (|p| p.alignment_skills = 0, "alignment_skills"),
        ];
        for (spoil, field) in cases {
            let mut params = RankParams::default();
            spoil(&mut params);
            assert_eq!(refusal(params).0, field);
        }
    }
}
