//! OpenAPI schemas of the eligibility vocabulary: the learner's situation, publics,
//! fundings and the label-readiness check.
//!
//! The engine knows nothing of utoipa, so these types only describe what the engine's
//! own types serialise to; the tests below fail when the two drift apart.
#![allow(dead_code)]

use utoipa::ToSchema;

/// A public a training is aimed at or reserved to.
// The names mirror the engine's codes (`tout_public`).
#[allow(clippy::enum_variant_names)]
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum Public {
    DemandeursEmploi,
    Jeunes,
    Femmes,
    Qpv,
    Zrr,
    PeuQualifies,
    Rqth,
    Salaries,
    ToutPublic,
}

/// How a learner's place can be paid; `gratuit` means free for the learner.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
pub enum Funding {
    Gratuit,
    FranceTravail,
    Region,
    Cpf,
    Opco,
    Etat,
    Entreprise,
    Personnel,
    Agefiph,
    Autre,
}

/// The learner's situation (`situation` of a profile). Left out of the profile, the
/// situation is unknown: nothing is excluded on eligibility and a notice says so. Given,
/// a flag left out is false; `low_qualified` is also set by a `level` of 4 or less.
#[derive(ToSchema)]
pub struct Situation {
    pub job_seeker: Option<bool>,
    pub young: Option<bool>,
    pub woman: Option<bool>,
    pub qpv: Option<bool>,
    pub zrr: Option<bool>,
    pub rqth: Option<bool>,
    pub low_qualified: Option<bool>,
    pub employed: Option<bool>,
}

/// The eligibility part of a learner profile sent to `/api/v1/recommendations` (the
/// other fields are described in the README).
#[derive(ToSchema)]
pub struct ProfileEligibility {
    pub situation: Option<Situation>,
    /// Only trainings one of these fundings can pay for; empty accepts all.
    pub funding: Option<Vec<Funding>>,
}

/// The eligibility fields of a training and of each recommendation.
#[derive(ToSchema)]
pub struct TrainingEligibility {
    /// Publics the training aims at first.
    pub publics: Vec<Public>,
    /// Publics it is restricted to; empty when open to all. A learner outside all of
    /// them is excluded and counted under `excluded.reserved_public`.
    pub reserved_to: Vec<Public>,
    pub funding: Vec<Funding>,
    /// Whether people with a disability can follow it; null when not stated. An RQTH
    /// learner never gets a training stated as not accessible (`excluded.not_accessible`).
    pub accessible_rqth: Option<bool>,
    /// Role or department to ask about adjustments.
    pub disability_contact: Option<String>,
}

/// One criterion of the label-readiness check.
#[derive(ToSchema)]
pub struct LabelCriterion {
    /// `gratuit`, `duree`, `publics_prioritaires`, `places_par_session` or
    /// `metier_numerique`.
    pub criterion: String,
    /// True when met, false when not, null when the data does not say.
    pub met: Option<bool>,
    /// Why, in French.
    pub why: String,
}

/// A training checked against the GEN label criteria that can be read from data.
#[derive(ToSchema)]
pub struct LabelReadiness {
    pub training_id: String,
    pub title: String,
    pub met: usize,
    pub unknown: usize,
    pub criteria: Vec<LabelCriterion>,
}

/// Open seats of a territory for one priority public (`publics` of the territory
/// needs).
#[derive(ToSchema)]
pub struct PublicSeats {
    pub public: Public,
    pub label: String,
    /// Trainings with open seats this public may enter.
    pub trainings: usize,
    pub open_seats: u32,
    /// Seats of the trainings aiming at this public first.
    pub priority_seats: u32,
    /// Seats of the trainings reserved to it.
    pub reserved_seats: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use utoipa::PartialSchema;

    /// The enum values a schema lists.
    fn values(schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>) -> Vec<String> {
        let json = serde_json::to_value(schema).unwrap();
        json["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("no enum in {json}"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    fn codes<T: serde::Serialize>(all: &[T]) -> Vec<String> {
        all.iter()
            .map(|v| {
                serde_json::to_value(v)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn enums_match_the_engine() {
        assert_eq!(
            values(Public::schema()),
            codes(&passerelle_engine::Public::ALL)
        );
        assert_eq!(
            values(Funding::schema()),
            codes(&passerelle_engine::Funding::ALL)
        );
    }

    #[test]
    fn situation_matches_the_engine() {
        let json = serde_json::to_value(Situation::schema()).unwrap();
        let mut documented: Vec<&str> = json["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        documented.sort();
        let engine = serde_json::to_value(passerelle_engine::Situation::default()).unwrap();
        let mut fields: Vec<&str> = engine
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        fields.sort();
        assert_eq!(documented, fields);
    }
}
