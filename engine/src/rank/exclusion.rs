//! Why the ranker's hard filters exclude a training: the codes a ranking counts in
//! `excluded`, and the web application explains.

use serde::Serialize;

/// Why a hard filter excludes a training, written as its snake_case code (the keys of
/// `Recommendations::excluded`). Variants are declared in the alphabetical order of
/// their codes: ordering reasons orders their codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Exclusion {
    /// None of the fundings the learner accepts pays for the training.
    Funding,
    /// The training's GEN label has expired.
    LabelExpired,
    /// The training's entry level is above the learner's level.
    LevelPrerequisite,
    /// The training is in a modality the learner does not accept.
    Modality,
    /// No session starts from the learner's availability date.
    NoUpcomingSession,
    /// The training is stated as not accessible, for a learner with a recognised
    /// disability.
    NotAccessible,
    /// The training teaches none of the gap and does not lead to the target métier.
    NotRelevant,
    /// The training is reserved to publics the learner is not in.
    ReservedPublic,
    /// Every upcoming session is full.
    SessionsFull,
    /// The training is on site beyond the learner's radius.
    TooFar,
    /// The training lasts longer than the learner's maximum.
    TooLong,
}

impl Exclusion {
    /// Every reason, in the order of their codes.
    pub const ALL: [Exclusion; 11] = [
        Exclusion::Funding,
        Exclusion::LabelExpired,
        Exclusion::LevelPrerequisite,
        Exclusion::Modality,
        Exclusion::NoUpcomingSession,
        Exclusion::NotAccessible,
        Exclusion::NotRelevant,
        Exclusion::ReservedPublic,
        Exclusion::SessionsFull,
        Exclusion::TooFar,
        Exclusion::TooLong,
    ];

    /// The code counted in `excluded`, e.g. `too_far`.
    pub fn code(self) -> &'static str {
        match self {
            Exclusion::Funding => "funding",
            Exclusion::LabelExpired => "label_expired",
            Exclusion::LevelPrerequisite => "level_prerequisite",
            Exclusion::Modality => "modality",
            Exclusion::NoUpcomingSession => "no_upcoming_session",
            Exclusion::NotAccessible => "not_accessible",
            Exclusion::NotRelevant => "not_relevant",
            Exclusion::ReservedPublic => "reserved_public",
            Exclusion::SessionsFull => "sessions_full",
            Exclusion::TooFar => "too_far",
            Exclusion::TooLong => "too_long",
        }
    }

    /// The reason a code names, if any.
    pub fn from_code(code: &str) -> Option<Exclusion> {
        Exclusion::ALL.into_iter().find(|e| e.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_serde_names_in_order() {
        let mut previous = "";
        for reason in Exclusion::ALL {
            assert_eq!(
                serde_json::to_value(reason).unwrap(),
                serde_json::json!(reason.code())
            );
            assert!(
                previous < reason.code(),
                "{previous} before {}",
                reason.code()
            );
            assert_eq!(Exclusion::from_code(reason.code()), Some(reason));
            previous = reason.code();
        }
    }
}
