//! The label-readiness check a provider runs on a training: each GEN criterion that
//! can be read from the catalogue data, met or not, and why, in French.
//!
//! The criteria and their thresholds:
//!
//! | criterion | met when | unknown when |
//! |---|---|---|
//! | `gratuit` | `funding` has `gratuit` | no funding given |
//! | `duree` | `duration_months` is 3 to 24 | no duration in months |
//! | `publics_prioritaires` | `publics` or `reserved_to` names a priority public | neither names any public |
//! | `places_par_session` | every session with a seat count has at least 10 seats (a 2018 call asked for at least 10 low-qualified job seekers per session) | no session gives its seats |
//! | `metier_numerique` | a ROME code is one of the digital métiers of `corpora/occupations.tsv` | no ROME code |
//!
//! The label itself is granted by a jury on much more (pedagogy, outcomes, partners):
//! the check says what the data shows, not whether a label would be granted.

use std::sync::LazyLock;

use serde::Serialize;

use crate::Result;
use crate::corpus::digital_occupations;
use crate::model::{Funding, Public, RomeCode, Training};

use super::Ranker;

/// Shortest and longest duration of a labelled training, in months.
const MONTHS: (f32, f32) = (3.0, 24.0);
/// Seats a session should have.
const SEATS_PER_SESSION: u32 = 10;

static DIGITAL: LazyLock<Vec<(RomeCode, String)>> = LazyLock::new(digital_occupations);

/// One criterion of the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LabelCriterion {
    /// `gratuit`, `duree`, `publics_prioritaires`, `places_par_session` or
    /// `metier_numerique`.
    pub criterion: &'static str,
    /// True when met, false when not, none when the data does not say.
    pub met: Option<bool>,
    /// Why, in French.
    pub why: String,
}

/// A training checked against the GEN criteria readable from data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LabelReadiness {
    pub training_id: String,
    pub title: String,
    /// Criteria met, out of `criteria.len()`.
    pub met: usize,
    /// Criteria the data could not decide.
    pub unknown: usize,
    pub criteria: Vec<LabelCriterion>,
}

impl Ranker {
    /// The label-readiness check of a catalogue training.
    pub fn label_readiness(&self, id: &str) -> Result<LabelReadiness> {
        Ok(label_readiness(self.training(id)?))
    }
}

/// The label-readiness check of a training.
pub fn label_readiness(training: &Training) -> LabelReadiness {
    let criteria = vec![
        free(training),
        duration(training),
        priority_publics(training),
        seats(training),
        digital(training),
    ];
    LabelReadiness {
        training_id: training.id.clone(),
        title: training.title.clone(),
        met: criteria.iter().filter(|c| c.met == Some(true)).count(),
        unknown: criteria.iter().filter(|c| c.met.is_none()).count(),
        criteria,
    }
}

fn criterion(criterion: &'static str, met: Option<bool>, why: String) -> LabelCriterion {
    LabelCriterion {
        criterion,
        met,
        why,
    }
}

fn funding_fr(funding: Funding) -> &'static str {
    match funding {
        Funding::Gratuit => "gratuite",
        Funding::FranceTravail => "France Travail",
        Funding::Region => "Région",
        Funding::Cpf => "CPF",
        Funding::Opco => "OPCO",
        Funding::Etat => "État",
        Funding::Entreprise => "employeur",
        Funding::Personnel => "financement personnel",
        Funding::Agefiph => "Agefiph",
        Funding::Autre => "autre financeur",
    }
}

fn free(training: &Training) -> LabelCriterion {
    let names = || {
        (training.funding.iter())
            .filter(|&&f| f != Funding::Gratuit)
            .map(|&f| funding_fr(f))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if training.funding.is_empty() {
        criterion(
            "gratuit",
            None,
            "Aucun financement renseigné : la gratuité pour l'apprenant ne peut pas être vérifiée."
                .to_string(),
        )
    } else if training.funding.contains(&Funding::Gratuit) {
        let payers = names();
        let payers = if payers.is_empty() {
            String::new()
        } else {
            format!(" (financements : {payers})")
        };
        criterion(
            "gratuit",
            Some(true),
            format!("Gratuite pour l'apprenant{payers}."),
        )
    } else {
        criterion(
            "gratuit",
            Some(false),
            format!(
                "Pas déclarée gratuite pour l'apprenant (financements : {}).",
                names()
            ),
        )
    }
}

fn duration(training: &Training) -> LabelCriterion {
    let (shortest, longest) = MONTHS;
    match training.duration_months {
        None => criterion("duree", None, "Durée en mois non renseignée.".to_string()),
        Some(months) => {
            let shown = format!("{months}").replace('.', ",");
            let met = (shortest..=longest).contains(&months);
            let why = if met {
                format!("Durée de {shown} mois, entre 3 et 24 mois.")
            } else {
                format!("Durée de {shown} mois, hors de l'intervalle de 3 à 24 mois.")
            };
            criterion("duree", Some(met), why)
        }
    }
}

fn priority_publics(training: &Training) -> LabelCriterion {
    let mut aimed: Vec<Public> = (training.publics.iter())
        .chain(&training.reserved_to)
        .copied()
        .filter(|p| p.is_priority())
        .collect();
    aimed.sort();
    aimed.dedup();
    let names = |publics: &[Public]| {
        publics
            .iter()
            .map(|p| p.label_fr())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !aimed.is_empty() {
        criterion(
            "publics_prioritaires",
            Some(true),
            format!("Vise en priorité : {}.", names(&aimed)),
        )
    } else if training.publics.is_empty() && training.reserved_to.is_empty() {
        criterion(
            "publics_prioritaires",
            None,
            "Aucun public visé renseigné.".to_string(),
        )
    } else {
        criterion(
            "publics_prioritaires",
            Some(false),
            format!(
                "Ne vise aucun public prioritaire du label (demandeurs d'emploi, jeunes, \
                 femmes, habitants des QPV ou des ZRR, personnes peu qualifiées ou RQTH) ; \
                 publics déclarés : {}.",
                names(&training.publics)
            ),
        )
    }
}

fn seats(training: &Training) -> LabelCriterion {
    let counts: Vec<u32> = training.sessions.iter().filter_map(|s| s.seats).collect();
    match counts.iter().min() {
        None => criterion(
            "places_par_session",
            None,
            "Nombre de places par session non renseigné.".to_string(),
        ),
        Some(&fewest) if fewest >= SEATS_PER_SESSION => criterion(
            "places_par_session",
            Some(true),
            format!(
                "Au moins {SEATS_PER_SESSION} places par session ({fewest} au minimum sur {} session{}).",
                counts.len(),
                if counts.len() > 1 { "s" } else { "" }
            ),
        ),
        Some(&fewest) => criterion(
            "places_par_session",
            Some(false),
            format!(
                "Une session ne compte que {fewest} places, moins des {SEATS_PER_SESSION} attendues."
            ),
        ),
    }
}

fn digital(training: &Training) -> LabelCriterion {
    if training.rome.is_empty() {
        return criterion(
            "metier_numerique",
            None,
            "Aucun code ROME renseigné : le métier visé ne peut pas être vérifié.".to_string(),
        );
    }
    let found: Vec<String> = (training.rome.iter())
        .filter_map(|code| {
            DIGITAL
                .iter()
                .find(|(digital, _)| digital == code)
                .map(|(code, label)| format!("{label} ({code})"))
        })
        .collect();
    if found.is_empty() {
        let codes: Vec<&str> = training.rome.iter().map(RomeCode::as_str).collect();
        criterion(
            "metier_numerique",
            Some(false),
            format!(
                "Aucun des codes ROME visés ({}) n'est un métier du numérique.",
                codes.join(", ")
            ),
        )
    } else {
        criterion(
            "metier_numerique",
            Some(true),
            format!("Prépare à un métier du numérique : {}.", found.join(", ")),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::demo_catalogue;

    fn met(readiness: &LabelReadiness, name: &str) -> Option<bool> {
        readiness
            .criteria
            .iter()
            .find(|c| c.criterion == name)
            .unwrap_or_else(|| panic!("no criterion {name}"))
            .met
    }

    #[test]
    fn each_criterion_can_be_met_missed_or_unknown() {
        let mut training = demo_catalogue().records[0].1.clone();
        training.funding = vec![Funding::Gratuit, Funding::Region];
        training.duration_months = Some(7.0);
        training.publics = vec![Public::Qpv];
        training.rome = vec![RomeCode::parse("M1805").unwrap()];
        for session in &mut training.sessions {
            session.seats = Some(12);
        }
        let ready = label_readiness(&training);
        assert_eq!((ready.met, ready.unknown), (5, 0), "{ready:?}");

        training.funding = vec![Funding::Cpf];
        training.duration_months = Some(2.5);
        training.publics = vec![Public::Salaries];
        training.rome = vec![RomeCode::parse("A1101").unwrap()];
        training.sessions[0].seats = Some(8);
        let missed = label_readiness(&training);
        assert_eq!((missed.met, missed.unknown), (0, 0), "{missed:?}");
        assert!(missed.criteria[3].why.contains("8 places"), "{missed:?}");
        assert!(missed.criteria[1].why.contains("2,5 mois"), "{missed:?}");

        training.funding.clear();
        training.duration_months = None;
        training.publics.clear();
        training.rome.clear();
        for session in &mut training.sessions {
            session.seats = None;
        }
        let unknown = label_readiness(&training);
        assert_eq!((unknown.met, unknown.unknown), (0, 5), "{unknown:?}");
        assert_eq!(met(&unknown, "gratuit"), None);
    }
}
