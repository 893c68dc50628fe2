//! Eligibility of a learner to a training and the priority publics of the GEN label:
//! the hard rules (publics a training is reserved to, disability access, funding), the
//! `public_fit` factor with its French reasons, and the open seats of a territory per
//! priority public.
//!
//! The rules, in order:
//! - a learner whose situation is unknown (left out of the profile) is excluded from
//!   nothing on eligibility, and the ranking says so in a notice;
//! - a training `reserved_to` publics is open to a learner in at least one of them;
//!   `tout_public` in the list opens it to everyone;
//! - an RQTH learner never gets a training stated as not accessible (`accessible_rqth`
//!   false); an unstated accessibility excludes nothing but is said in the reasons;
//! - with a `funding` filter, a training is kept when one of its fundings is in it.
//!
//! `public_fit` is 1 when the learner is in a priority public the training aims at
//! (`publics` or `reserved_to`), 0 when not, and 0.5 when the situation is unknown, as
//! `target_fit` is without a target: adding a public a training aims at never lowers it.

use serde::Serialize;

use crate::Result;
use crate::model::{Public, Training};
use crate::territory::TerritoryId;

#[cfg(test)]
use super::exclusion::Exclusion;
use super::profile::{Learner, Situation};
use super::{Ranker, parse_date};

/// Why eligibility excludes a training, as counted in `excluded`: the rules as written,
/// which rankings read packed ([`super::gate`]); its test holds the two together.
#[cfg(test)]
pub(super) fn exclusion(training: &Training, learner: &Learner) -> Option<Exclusion> {
    if let Some(situation) = &learner.situation {
        if !is_open_to(training, situation) {
            return Some(Exclusion::ReservedPublic);
        }
        if situation.rqth && training.accessible_rqth == Some(false) {
            return Some(Exclusion::NotAccessible);
        }
    }
    if !learner.funding.is_empty() && !training.funding.iter().any(|f| learner.funding.contains(f))
    {
        return Some(Exclusion::Funding);
    }
    None
}

/// Whether a learner in this situation may enter the training.
pub fn is_open_to(training: &Training, situation: &Situation) -> bool {
    training.reserved_to.is_empty()
        || training
            .reserved_to
            .iter()
            .any(|&public| situation.is_in(public))
}

/// The priority publics the training aims at (or is reserved to) that the learner is
/// in, in the order of [`Public::PRIORITY`].
pub fn shared_priority_publics(training: &Training, situation: &Situation) -> Vec<Public> {
    Public::PRIORITY
        .into_iter()
        .filter(|&public| shares(training, situation, public))
        .collect()
}

/// Whether the learner is in `public` and the training aims at it or is reserved to it.
fn shares(training: &Training, situation: &Situation, public: Public) -> bool {
    situation.is_in(public)
        && (training.publics.contains(&public) || training.reserved_to.contains(&public))
}

/// The `public_fit` factor, in [0, 1], as written (rankings read it packed, see
/// [`exclusion`]).
#[cfg(test)]
pub(super) fn public_fit(training: &Training, situation: Option<&Situation>) -> f32 {
    match situation {
        None => 0.5,
        Some(situation)
            if Public::PRIORITY
                .into_iter()
                .any(|public| shares(training, situation, public)) =>
        {
            1.0
        }
        Some(_) => 0.0,
    }
}

/// The French reasons eligibility gives for a listed training.
pub(super) fn reasons(training: &Training, learner: &Learner) -> Vec<String> {
    let mut reasons = Vec::new();
    let Some(situation) = &learner.situation else {
        return reasons;
    };
    let shared = shared_priority_publics(training, situation);
    let (reserved, priority): (Vec<Public>, Vec<Public>) = shared
        .into_iter()
        .partition(|public| training.reserved_to.contains(public));
    if !reserved.is_empty() {
        reasons.push(format!(
            "Formation réservée {} : vous y avez accès.",
            french_list(&reserved)
        ));
    }
    if !priority.is_empty() {
        reasons.push(format!(
            "Formation ouverte en priorité {}.",
            french_list(&priority)
        ));
    }
    if situation.rqth {
        let contact = training
            .disability_contact
            .as_deref()
            .map(|c| format!(" ; contact handicap : {c}"))
            .unwrap_or_default();
        match training.accessible_rqth {
            Some(true) => reasons.push(format!(
                "Accessible aux personnes en situation de handicap{contact}."
            )),
            // Excluded by the filter; never listed.
            Some(false) => {}
            None => reasons.push(format!(
                "Accessibilité aux personnes en situation de handicap non précisée : \
                 renseignez-vous auprès de l'organisme{contact}."
            )),
        }
    }
    reasons
}

/// "aux demandeurs d'emploi, aux jeunes et aux habitants des QPV".
fn french_list(publics: &[Public]) -> String {
    let labels: Vec<String> = publics
        .iter()
        .map(|p| format!("aux {}", p.label_fr()))
        .collect();
    match labels.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} et {last}", rest.join(", ")),
        Some((last, _)) => last.to_string(),
        None => String::new(),
    }
}

/// The notice of a ranking whose profile left the situation out.
pub(super) const UNKNOWN_SITUATION_NOTICE: &str = "Situation non renseignée : l'éligibilité \
     (formations réservées à certains publics, accessibilité handicap) n'a pas été vérifiée.";

/// Open seats of a territory for one priority public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicSeats {
    pub public: Public,
    /// The public in French.
    pub label: &'static str,
    /// Trainings with open seats this public may enter (open to all, or reserved to it;
    /// for `rqth`, not stated as inaccessible).
    pub trainings: usize,
    /// Their open seats.
    pub open_seats: u32,
    /// Open seats of the trainings that aim at this public first.
    pub priority_seats: u32,
    /// Open seats of the trainings reserved to this public.
    pub reserved_seats: u32,
}

/// The open seats of a territory, overall and for each priority public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicSupply {
    /// Trainings with open seats in the territory.
    pub trainings: usize,
    pub seats: u32,
    pub publics: Vec<PublicSeats>,
}

impl Ranker {
    /// Open seats of a territory's trainings (sessions starting from `today`) per
    /// priority public.
    pub fn public_supply(&self, territory: &TerritoryId, today: &str) -> Result<PublicSupply> {
        let today = parse_date("today", today)?;
        let mut supply = PublicSupply {
            trainings: 0,
            seats: 0,
            publics: Public::PRIORITY
                .into_iter()
                .map(|public| PublicSeats {
                    public,
                    label: public.label_fr(),
                    trainings: 0,
                    open_seats: 0,
                    priority_seats: 0,
                    reserved_seats: 0,
                })
                .collect(),
        };
        for entry in &self.entries {
            let here = entry.is_in(territory);
            let seats = entry.open_seats(today);
            if !here || seats == 0 {
                continue;
            }
            let training = entry.training.as_ref();
            supply.trainings += 1;
            supply.seats += seats;
            for row in &mut supply.publics {
                let reserved = training.reserved_to.contains(&row.public);
                let open = training.reserved_to.is_empty()
                    || reserved
                    || training.reserved_to.contains(&Public::ToutPublic);
                let accessible =
                    row.public != Public::Rqth || training.accessible_rqth != Some(false);
                if open && accessible {
                    row.trainings += 1;
                    row.open_seats += seats;
                    if reserved || training.publics.contains(&row.public) {
                        row.priority_seats += seats;
                    }
                    if reserved {
                        row.reserved_seats += seats;
                    }
                }
            }
        }
        Ok(supply)
    }
}

/// Seats left in the sessions starting from `today`.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::demo_catalogue;

    fn training(publics: &[Public], reserved_to: &[Public]) -> Training {
        let mut training = demo_catalogue().records[0].1.clone();
        training.publics = publics.to_vec();
        training.reserved_to = reserved_to.to_vec();
        training
    }

    #[test]
    fn reservations_open_to_members_only() {
        let reserved = training(&[Public::DemandeursEmploi], &[Public::DemandeursEmploi]);
        let job_seeker = Situation {
            job_seeker: true,
            ..Situation::default()
        };
        assert!(is_open_to(&reserved, &job_seeker));
        assert!(!is_open_to(&reserved, &Situation::default()));
        let everyone = training(&[], &[Public::Jeunes, Public::ToutPublic]);
        assert!(is_open_to(&everyone, &Situation::default()));
        assert!(is_open_to(&training(&[], &[]), &Situation::default()));
    }

    #[test]
    fn public_fit_reads_priority_publics() {
        let qpv = Situation {
            qpv: true,
            employed: true,
            ..Situation::default()
        };
        let aimed = training(&[Public::Qpv, Public::Salaries], &[]);
        assert_eq!(public_fit(&aimed, Some(&qpv)), 1.0);
        assert_eq!(public_fit(&aimed, None), 0.5);
        // Salariés are not a priority public of the label.
        let employees = training(&[Public::Salaries], &[]);
        assert_eq!(public_fit(&employees, Some(&qpv)), 0.0);
    }

    #[test]
    fn french_lists_read_naturally() {
        assert_eq!(french_list(&[Public::Qpv]), "aux habitants des QPV");
        assert_eq!(
            french_list(&[Public::DemandeursEmploi, Public::Jeunes, Public::Qpv]),
            "aux demandeurs d'emploi, aux jeunes et aux habitants des QPV"
        );
    }
}
