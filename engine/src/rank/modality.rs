//! How a training's modality and place weigh in a learner's ranking: the distance
//! factor, the learner's preferred modalities, and the reason given when a remote
//! training is ranked above an in-person one within reach.
//!
//! A remote training needs no travel, but for people far from employment an in-person
//! group nearby is often what works: remote is scored like an in-person training at
//! half the learner's radius, not as one next door, and the order in which the learner
//! lists the modalities they accept is their preference.

use std::fmt::Write as _;

use crate::model::Modality;

use super::factors::FACTORS;
use super::{RankWeights, ScoreDetails};

/// Distance factor of a remote training: that of an in-person training at half the
/// learner's radius.
pub const REMOTE_DISTANCE: f32 = 0.75;

/// The distance factor lost between the learner's door and the edge of their radius.
const RADIUS_SLOPE: f64 = 0.5;

/// The modality factor of the first, second and third modality a learner lists: one
/// step between two ranks (0.5 × its weight 0.1) outweighs the distance factor an
/// in-person training at the learner's door gains over a remote one (0.25 × 0.15).
const PREFERENCE: [f32; 3] = [1.0, 0.5, 0.0];

/// Nearness in [0, 1]: [`REMOTE_DISTANCE`] for a remote training; for one on site,
/// 1 at the learner's place falling to 0.5 at the edge of their radius, halving every
/// `half_km` without a radius, 0.5 when either place is unknown.
pub(super) fn distance_factor(
    modality: Modality,
    distance_km: Option<f64>,
    radius_km: Option<f64>,
    half_km: f64,
) -> f32 {
    if modality == Modality::Distanciel {
        return REMOTE_DISTANCE;
    }
    match (distance_km, radius_km) {
        (Some(d), Some(r)) if r > 0.0 => (1.0 - RADIUS_SLOPE * d / r).clamp(0.0, 1.0) as f32,
        (Some(d), _) => (1.0 / (1.0 + d / half_km)) as f32,
        (None, _) => 0.5,
    }
}

/// How well a modality matches the learner's order of preference: 1 for the first
/// listed, 0.5 for the second, 0 for the third; 1 for every modality when the learner
/// listed fewer than two (no preference to honour).
pub(super) fn modality_fit(preferences: &[Modality], modality: Modality) -> f32 {
    if preferences.len() < 2 {
        return 1.0;
    }
    preferences
        .iter()
        .position(|m| *m == modality)
        .map_or(0.0, |rank| PREFERENCE[rank.min(PREFERENCE.len() - 1)])
}

/// What a factor's advantage says when a remote training ranks above the best onsite
/// one, in the order of [`ScoreDetails::factors`]; distance and public say nothing.
const WHY_REMOTE_WINS: [Option<&str>; FACTORS] = [
    Some("elle apporte davantage des compétences à acquérir"),
    Some("elle prépare plus directement au métier visé"),
    Some("son niveau de sortie convient mieux"),
    None,
    Some("sa prochaine session commence plus tôt"),
    Some("ses compétences sont plus demandées dans la région"),
    Some("la formation à distance vient en tête des modalités choisies"),
    None,
];

/// Why a remote training is ranked above `onsite`, an in-person or hybrid training
/// within reach: the factors where it gains most, in French.
pub(super) fn remote_wins_reason(
    remote: &ScoreDetails,
    onsite: &ScoreDetails,
    onsite_city: Option<&str>,
    onsite_km: Option<f64>,
    weights: &RankWeights,
) -> String {
    // The factors it gains on, largest gain first (a stable sort: equal gains keep the
    // factors' order), on the stack.
    let mut gains = [(0.0f32, ""); FACTORS];
    let mut count = 0;
    let factors = (weights.values().into_iter())
        .zip(remote.factors())
        .zip(onsite.factors())
        .zip(WHY_REMOTE_WINS);
    for (((weight, remote), onsite), why) in factors {
        let gain = weight * (remote - onsite);
        if let Some(why) = why
            && gain > 0.0
        {
            gains[count] = (gain, why);
            count += 1;
        }
    }
    let gains = &mut gains[..count];
    gains.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out = String::with_capacity(192);
    out.push_str("À distance, classée devant la meilleure formation sur site accessible");
    let written = match (onsite_city, onsite_km) {
        (Some(city), Some(km)) => {
            out.push_str(" (");
            out.push_str(city);
            out.push_str(", à ");
            super::reasons::write_km(&mut out, km).and_then(|()| out.write_str(" km)"))
        }
        (Some(city), None) => {
            out.push_str(" (");
            out.push_str(city);
            out.write_char(')')
        }
        (None, Some(km)) => out
            .write_str(" (à ")
            .and_then(|()| super::reasons::write_km(&mut out, km))
            .and_then(|()| out.write_str(" km)")),
        (None, None) => Ok(()),
    };
    written.expect("writing to a String cannot fail");
    for (at, (_, why)) in gains.iter().take(2).enumerate() {
        out.push_str(if at == 0 { " : " } else { " et " });
        out.push_str(why);
    }
    out.push('.');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remote_scores_like_an_onsite_training_at_half_the_radius() {
        let remote = distance_factor(Modality::Distanciel, Some(400.0), Some(40.0), 30.0);
        let half = distance_factor(Modality::Presentiel, Some(20.0), Some(40.0), 30.0);
        let door = distance_factor(Modality::Presentiel, Some(0.0), Some(40.0), 30.0);
        let edge = distance_factor(Modality::Hybride, Some(40.0), Some(40.0), 30.0);
        assert_eq!(remote, half);
        assert_eq!((door, edge), (1.0, 0.5));
        assert_eq!(
            distance_factor(Modality::Presentiel, None, Some(40.0), 30.0),
            0.5
        );
    }

    #[test]
    fn the_order_of_the_modalities_is_the_preference() {
        use Modality::*;
        let order = [Presentiel, Hybride, Distanciel];
        assert_eq!(modality_fit(&order, Presentiel), 1.0);
        assert_eq!(modality_fit(&order, Hybride), 0.5);
        assert_eq!(modality_fit(&order, Distanciel), 0.0);
        assert_eq!(modality_fit(&[], Distanciel), 1.0);
        assert_eq!(modality_fit(&[Distanciel], Distanciel), 1.0);
    }

    #[test]
    fn a_remote_win_is_explained_by_its_largest_gains() {
        let onsite = ScoreDetails {
            gap_coverage: 0.2,
            target_fit: 1.0,
            level_fit: 1.0,
            distance: 0.9,
            next_session: 0.5,
            demand: 0.5,
            modality_fit: 1.0,
            public_fit: 0.5,
        };
        let remote = ScoreDetails {
            gap_coverage: 0.8,
            next_session: 0.7,
            distance: REMOTE_DISTANCE,
            ..onsite
        };
        let reason = remote_wins_reason(
            &remote,
            &onsite,
            Some("Villeurbanne"),
            Some(6.2),
            &RankWeights::default(),
        );
        assert_eq!(
            reason,
            "À distance, classée devant la meilleure formation sur site accessible \
             (Villeurbanne, à 6,2 km) : elle apporte davantage des compétences à acquérir \
             et sa prochaine session commence plus tôt."
        );
    }
}
