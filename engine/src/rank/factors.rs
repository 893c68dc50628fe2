//! The factors of a training's score, declared once: each gives a field of
//! [`ScoreDetails`] (its value for one training) and of [`RankWeights`] (its weight, with
//! its default), in the same order, so that a score is computed over one list.

use serde::{Deserialize, Serialize};

/// Declares [`ScoreDetails`] and [`RankWeights`] from one list of factors: for each,
/// the attributes of its detail field, its name, then the attributes and the default of
/// its weight field.
macro_rules! score_factors {
    ($(
        $(#[$detail:meta])*
        $name:ident {
            $(#[$weight:meta])*
            weight: $default:literal
        }
    )*) => {
        /// One factor of a score, each in [0, 1].
        #[derive(Debug, Clone, Copy, PartialEq, Serialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub struct ScoreDetails {
            $(
                $(#[$detail])*
                pub $name: f32,
            )*
        }

        impl ScoreDetails {
            /// The factors in the order of [`RankWeights`]' fields.
            pub(crate) fn factors(&self) -> [f32; FACTORS] {
                [$(self.$name),*]
            }
        }

        /// Weights of the score factors (any non-negative values; they are normalised).
        #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct RankWeights {
            $(
                $(#[$weight])*
                pub $name: f32,
            )*
        }

        impl Default for RankWeights {
            fn default() -> RankWeights {
                RankWeights {
                    $($name: $default,)*
                }
            }
        }

        impl RankWeights {
            /// The weights by their field name, in declaration order.
            pub(super) fn named(&self) -> [(&'static str, f32); FACTORS] {
                [$((concat!("weights.", stringify!($name)), self.$name)),*]
            }
        }

        /// How many factors a score has.
        pub(crate) const FACTORS: usize = [$(stringify!($name)),*].len();
    };
}

score_factors! {
    /// Share of the learner's gap (weighted by demand) that the training teaches.
    gap_coverage {
        /// Of [`ScoreDetails::gap_coverage`].
        weight: 0.4
    }
    /// 1 when the training prepares for the target métier (its ROME codes), 0.5 for a
    /// métier of the same domain, else 0 (and 0.5 without a target métier).
    target_fit {
        /// Of the fit to the target métier.
        weight: 0.1
    }
    /// How well the training's exit level suits the learner's level.
    level_fit {
        /// Of the fit of the exit level.
        weight: 0.1
    }
    /// Nearness: 1 at the learner's place, 0.5 at the edge of their radius; a remote
    /// training counts as one at half the radius (0.75).
    distance {
        /// Of nearness.
        weight: 0.15
    }
    /// How soon the next open session starts.
    next_session {
        /// Of how soon the next session starts.
        weight: 0.1
    }
    /// Demand for the gap skills in the training's région, against the best région.
    demand {
        /// Of the demand for the gap skills in the training's région.
        weight: 0.15
    }
    /// The training's modality in the learner's order of preference: 1 for the first
    /// listed, 0.4 for the second, 0.1 for the third (1 without an order).
    modality_fit {
        /// Of the learner's order of modalities.
        weight: 0.1
    }
    /// 1 when the learner is in a priority public the training aims at, 0 when not, 0.5
    /// when the profile gives no situation.
    public_fit {
        /// The learner is in a priority public the training aims at.
        #[serde(default = "default_public_fit_weight")]
        weight: 0.1
    }
}

fn default_public_fit_weight() -> f32 {
    RankWeights::default().public_fit
}
