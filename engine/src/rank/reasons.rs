//! The French wording of a ranking: each recommendation's reasons, the notice of an
//! empty list, dates, distances and lists as an adviser reads them.

use std::fmt::Write as _;

use super::recommend::{Gap, RegionDemand};
use super::*;

impl Ranker {
    /// One listed training's reasons. `gap` is the learner's gap (its transversal flags
    /// are read); `demand` is what the ranking computed for the région whose demand the
    /// training was scored on.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn reasons(
        &self,
        entry: &Entry,
        gained: &SkillList,
        missing: &SkillList,
        gap: &[Gap],
        distance_km: Option<f64>,
        next: &(Date, NextSession),
        demand: Option<&RegionDemand>,
        learner: &Learner,
    ) -> Vec<String> {
        let training = entry.training.as_ref();
        let gap_len = gap.len();
        let mut reasons = Vec::with_capacity(8);
        if let Some(target) = &learner.target
            && target
                .rome
                .is_some_and(|code| training.rome.contains(&code))
        {
            reasons.push(line(|out| {
                out.push_str("Prépare au métier visé : ");
                out.push_str(&target.label);
                out.write_char('.')
            }));
        }
        if gap_len > 0 {
            if gained.is_empty() {
                reasons.push(line(|out| {
                    out.push_str(
                        "Prépare au métier visé sans couvrir les compétences manquantes \
                         repérées (",
                    );
                    push_number(out, gap_len);
                    out.push_str(").");
                    Ok(())
                }));
            } else {
                reasons.push(line_of(64 + labels_len(gained, 6), |out| {
                    out.push_str("Apporte ");
                    push_number(out, gained.len());
                    out.push_str(" des ");
                    push_number(out, gap_len);
                    out.push_str(" compétences à acquérir : ");
                    write_labels(out, gained, 6)?;
                    out.write_char('.')
                }));
            }
            if !missing.is_empty() {
                reasons.push(line_of(48 + labels_len(missing, 6), |out| {
                    out.push_str("Restent à acquérir : ");
                    write_labels(out, missing, 6)?;
                    out.write_char('.')
                }));
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
                reasons.push(line(|out| {
                    out.push_str("À ");
                    write_km(out, d)?;
                    out.push_str(" km (");
                    out.push_str(place);
                    out.push_str("), ");
                    out.push_str(kind);
                    out.write_char('.')
                }));
            }
            (_, None) => {
                if let Some(city) = &training.location.city {
                    reasons.push(line(|out| {
                        out.push_str("Lieu de formation : ");
                        out.push_str(city);
                        out.write_char('.')
                    }));
                }
            }
        }
        reasons.push(line(|out| {
            out.push_str("Prochaine session le ");
            write_french_date(out, next.0)?;
            match next.1.seats_left {
                Some(1) => out.push_str(", 1 place restante"),
                Some(n) => {
                    out.push_str(", ");
                    push_number(out, n as usize);
                    out.push_str(" places restantes");
                }
                None => {}
            }
            out.write_char('.')
        }));
        if let Some(demand) = demand
            && let Some(needs) = demand.needs
        {
            let best = (gained.taken.iter())
                .map(|&at| at as usize)
                .filter(|&at| !gap[at].transversal)
                .map(|at| (&gap[at].skill, demand.shares[at]))
                .filter(|(_, share)| *share > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            reasons.push(line(|out| {
                out.push_str("Demande en ");
                out.push_str(&needs.name);
                out.push_str(" : ");
                push_number(out, needs.offers);
                out.push_str(" offres analysées");
                if let Some((skill, share)) = best {
                    out.push_str(", ");
                    out.push_str(&skill.label);
                    out.push_str(" demandé dans ");
                    // A share in (0, 1]: a whole percentage, written as its float was.
                    push_number(out, (share * 100.0).round() as usize);
                    out.push_str(" % d'entre elles");
                }
                out.write_char('.')
            }));
        }
        if let (Some(level), Some(exit)) = (learner.level, training.exit_level) {
            reasons.push(line(|out| {
                if exit > level {
                    out.push_str("Mène au niveau ");
                    push_number(out, exit.into());
                } else {
                    out.push_str("Certification de niveau ");
                    push_number(out, exit.into());
                    out.push_str(", sans élévation de niveau");
                }
                out.push_str(" (niveau actuel ");
                push_number(out, level.into());
                out.push_str(").");
                Ok(())
            }));
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

/// One reason, written in place: no intermediate strings.
fn line(write: impl FnOnce(&mut String) -> std::fmt::Result) -> String {
    line_of(128, write)
}

/// [`line`] with room for `capacity` bytes: a line listing skills is sized from their
/// labels so that it is written without growing.
fn line_of(capacity: usize, write: impl FnOnce(&mut String) -> std::fmt::Result) -> String {
    let mut text = String::with_capacity(capacity);
    write(&mut text).expect("writing to a String cannot fail");
    text
}

/// The bytes [`write_labels`] writes for the labels themselves and their separators.
fn labels_len(skills: &SkillList, at_most: usize) -> usize {
    (skills.iter().take(at_most))
        .map(|skill| skill.label.len() + 2)
        .sum()
}

/// `2027-01-04` → "4 janvier 2027".
fn write_french_date(out: &mut String, date: Date) -> std::fmt::Result {
    if date.day() == 1 {
        out.push_str("1er");
    } else {
        push_number(out, date.day().unsigned_abs().into());
    }
    out.push(' ');
    out.push_str(MONTHS[(date.month() - 1) as usize]);
    out.push(' ');
    match usize::try_from(date.year()) {
        Ok(year) => push_number(out, year),
        Err(_) => write!(out, "{}", date.year())?,
    }
    Ok(())
}

/// Kilometres written the French way at the end of `out`: one decimal under 10 km,
/// rounded as the recommendation's `distance_km` is (so the reason and the field
/// agree), whole kilometres above, rounded as `{:.0}` rounds.
pub(super) fn write_km(out: &mut String, km: f64) -> std::fmt::Result {
    if !(0.0..1e12).contains(&km) {
        // Not a distance a ranking measures: written by the formatter as it comes.
        return write!(out, "{km}");
    }
    if km < 10.0 {
        let tenths = (km * 10.0).round() as usize;
        push_number(out, tenths / 10);
        out.push(',');
        push_number(out, tenths % 10);
    } else {
        push_number(out, km.round_ties_even() as usize);
    }
    Ok(())
}

/// The first labels of a list, and how many more.
fn write_labels(out: &mut String, skills: &SkillList, at_most: usize) -> std::fmt::Result {
    for (at, skill) in skills.iter().take(at_most).enumerate() {
        if at > 0 {
            out.push_str(", ");
        }
        out.push_str(&skill.label);
    }
    let more = skills.len().saturating_sub(at_most);
    if more > 0 {
        out.push_str(", et ");
        push_number(out, more);
        out.push_str(if more > 1 { " autres" } else { " autre" });
    }
    Ok(())
}

/// A whole number written at the end of `out`, as `write!(out, "{n}")` writes it,
/// without the formatting machinery (a ranking writes a few dozen per answer).
fn push_number(out: &mut String, n: usize) {
    // Highest digit first; a number here has one to four digits, each one `push`.
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_are_written_as_the_formatter_writes_them() {
        for n in [0, 1, 9, 10, 99, 100, 2026, 1_234_567, usize::MAX] {
            let mut out = String::from("x");
            push_number(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
        let cases = [
            ("2027-01-01", "1er janvier 2027"),
            ("2026-12-07", "7 décembre 2026"),
            ("2027-08-31", "31 août 2027"),
            ("0999-05-10", "10 mai 999"),
        ];
        for (date, written) in cases {
            let mut out = String::new();
            write_french_date(&mut out, date.parse().unwrap()).unwrap();
            assert_eq!(out, written);
        }
    }

    #[test]
    fn kilometres_are_written_as_the_distance_field_rounds_them() {
        let km = |km: f64| {
            let mut out = String::new();
            write_km(&mut out, km).unwrap();
            out
        };
        // Away from ties, as the formatter writes them with a decimal comma.
        for step in 0..2000 {
            let value = step as f64 / 197.0;
            let expected = if value < 10.0 {
                format!("{value:.1}").replace('.', ",")
            } else {
                format!("{value:.0}")
            };
            assert_eq!(km(value), expected, "{value}");
        }
        // At a tie under 10 km, as `distance_km` rounds it (the formatter writes 0,2).
        assert_eq!(km(0.25), "0,3");
        assert_eq!((0.25f64 * 10.0).round() / 10.0, 0.3);
        assert_eq!(km(9.96), "10,0");
        // Whole kilometres from 10 km, ties to even as `{:.0}` does.
        assert_eq!(km(12.5), "12");
        assert_eq!(km(13.5), "14");
        assert_eq!(km(10.0), "10");
    }
}
