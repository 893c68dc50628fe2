//! The French wording of a ranking: each recommendation's reasons, the notice of an
//! empty list, dates, distances and lists as an adviser reads them.

use super::*;

impl Ranker {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn reasons(
        &self,
        entry: &Entry,
        gained: &SkillList,
        missing: &SkillList,
        gap_len: usize,
        distance_km: Option<f64>,
        next: &(Date, NextSession),
        demand_region: Option<&TerritoryId>,
        learner: &Learner,
    ) -> Vec<String> {
        let training = entry.training.as_ref();
        let mut reasons = Vec::new();
        if let Some(target) = &learner.target
            && target
                .rome
                .is_some_and(|code| training.rome.contains(&code))
        {
            reasons.push(format!("Prépare au métier visé : {}.", target.label));
        }
        if gap_len > 0 {
            if gained.is_empty() {
                reasons.push(format!(
                    "Prépare au métier visé sans couvrir les compétences manquantes repérées \
                     ({gap_len})."
                ));
            } else {
                reasons.push(format!(
                    "Apporte {} des {} compétences à acquérir : {}.",
                    gained.len(),
                    gap_len,
                    list_labels(gained, 6)
                ));
            }
            if !missing.is_empty() {
                reasons.push(format!("Restent à acquérir : {}.", list_labels(missing, 6)));
            }
        }
        reasons.extend(eligibility::reasons(training, learner));
        match (training.modality, distance_km) {
            (Modality::Distanciel, _) => {
                reasons.push("Formation à distance : accessible sans déplacement.".to_string())
            }
            (modality, Some(d)) => {
                let place = training
                    .location
                    .city
                    .as_deref()
                    .unwrap_or("lieu de formation");
                let kind = if modality == Modality::Hybride {
                    "en partie sur site"
                } else {
                    "sur site"
                };
                reasons.push(format!("À {} km ({place}), {kind}.", format_km(d)));
            }
            (_, None) => {
                if let Some(city) = &training.location.city {
                    reasons.push(format!("Lieu de formation : {city}."));
                }
            }
        }
        let seats = next
            .1
            .seats_left
            .map(|n| {
                if n == 1 {
                    ", 1 place restante".to_string()
                } else {
                    format!(", {n} places restantes")
                }
            })
            .unwrap_or_default();
        reasons.push(format!(
            "Prochaine session le {}{seats}.",
            french_date(next.0)
        ));
        if let Some(region) = demand_region
            && let Some(needs) = self.model.needs(region)
            && needs.offers > 0
        {
            let best = gained
                .iter()
                .filter(|s| !self.is_transversal(&s.id))
                .map(|s| (s, self.skill_demand(&s.id, region)))
                .filter(|(_, share)| *share > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            match best {
                Some((skill, share)) => reasons.push(format!(
                    "Demande en {} : {} offres analysées, {} demandé dans {} % d'entre elles.",
                    needs.name,
                    needs.offers,
                    skill.label,
                    (share * 100.0).round()
                )),
                None => reasons.push(format!(
                    "Demande en {} : {} offres analysées.",
                    needs.name, needs.offers
                )),
            }
        }
        if let (Some(level), Some(exit)) = (learner.level, training.exit_level) {
            if exit > level {
                reasons.push(format!("Mène au niveau {exit} (niveau actuel {level})."));
            } else {
                reasons.push(format!(
                    "Certification de niveau {exit}, sans élévation de niveau (niveau actuel {level})."
                ));
            }
        }
        reasons
    }
}

/// Why nothing is left, from the filter that excluded most.
pub(super) fn empty_notice(excluded: &BTreeMap<String, usize>, learner: &Learner) -> String {
    let top = excluded
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .and_then(|(reason, _)| Exclusion::from_code(reason));
    let only_onsite =
        !learner.modalities.is_empty() && !learner.modalities.contains(&Modality::Distanciel);
    match top {
        Some(Exclusion::TooFar) if learner.radius_km == Some(0.0) && only_onsite => {
            "Aucune formation : un rayon de 0 km avec des formations sur site uniquement \
             exclut tout. Élargissez le rayon ou acceptez la formation à distance."
                .to_string()
        }
        Some(Exclusion::TooFar) => "Aucune formation dans le rayon de mobilité : élargissez-le ou \
                            acceptez la formation à distance."
            .to_string(),
        Some(Exclusion::NotRelevant) => {
            "Aucune formation du catalogue ne prépare au métier visé ni n'apporte ses \
             compétences manquantes."
                .to_string()
        }
        Some(Exclusion::Modality) => "Aucune formation dans les modalités choisies.".to_string(),
        Some(Exclusion::NoUpcomingSession | Exclusion::SessionsFull) => {
            "Aucune session ouverte à partir de la date de disponibilité.".to_string()
        }
        Some(Exclusion::LevelPrerequisite) => {
            "Les formations adaptées demandent un niveau d'entrée plus élevé.".to_string()
        }
        Some(Exclusion::TooLong) => {
            "Toutes les formations adaptées dépassent la durée maximale.".to_string()
        }
        Some(Exclusion::ReservedPublic) => {
            "Les formations adaptées sont réservées à d'autres publics \
                                    (demandeurs d'emploi, jeunes, habitants des QPV…)."
                .to_string()
        }
        Some(Exclusion::NotAccessible) => "Les formations adaptées ne sont pas accessibles aux \
                                   personnes en situation de handicap."
            .to_string(),
        Some(Exclusion::Funding) => {
            "Aucune formation adaptée n'accepte les financements choisis.".to_string()
        }
        _ => "Aucune formation ne correspond au profil.".to_string(),
    }
}

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `2027-01-04` → "4 janvier 2027".
fn french_date(date: Date) -> String {
    let day = if date.day() == 1 {
        "1er".to_string()
    } else {
        date.day().to_string()
    };
    format!(
        "{day} {} {}",
        MONTHS[(date.month() - 1) as usize],
        date.year()
    )
}

/// Kilometres written the French way: one decimal under 10 km.
pub(super) fn format_km(km: f64) -> String {
    if km < 10.0 {
        format!("{:.1}", km).replace('.', ",")
    } else {
        format!("{:.0}", km)
    }
}

/// The first labels of a list, and how many more.
fn list_labels(skills: &SkillList, at_most: usize) -> String {
    let mut labels: Vec<&str> = skills.iter().take(at_most).map(|s| &*s.label).collect();
    let more = skills.len().saturating_sub(at_most);
    let more_text = format!("et {more} autre{}", if more > 1 { "s" } else { "" });
    if more > 0 {
        labels.push(&more_text);
    }
    labels.join(", ")
}
