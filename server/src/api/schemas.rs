//! OpenAPI schemas that group fields of the eligibility vocabulary for reading: the
//! eligibility part of a learner profile and of a training.
//!
//! The types themselves (`Public`, `Funding`, `Situation`, `LabelReadiness`, …) are the
//! engine's, described by its `openapi` feature; these only gather their fields.
#![allow(dead_code)]

use passerelle_engine::{Funding, Public, Situation};
use utoipa::ToSchema;

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
