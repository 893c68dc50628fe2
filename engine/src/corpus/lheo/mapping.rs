//! Mapping of drafts to trainings: a formation and one of its actions become a [`Training`].

use crate::model::{
    Certification, Curriculum, CurriculumModule, InseeCode, Modality, RomeCode, Session, Training,
    TrainingLocation,
};

use super::draft::{ActionDraft, FormationDraft, LocationDraft, SessionDraft};
use super::eligibility::eligibility_of;
use super::text::{clean, clean_line};
use super::values::{
    certification_code, coordinate, hours, indicative_duration, lheo_date, national_level,
};
use crate::model::MAX_TEXT_BYTES;

/// A first line of a paragraph longer than this is prose, not a module heading.
const MAX_HEADING_CHARS: usize = 100;

/// The module title when `contenu-formation` has no headed paragraphs (shown to users).
const CONTENT_TITLE: &str = "Contenu de la formation";
/// The id of an action: `lheo:<formation>:<action>`, positions standing in for `numero`.
pub(super) fn action_id(formation_id: &str, action: &ActionDraft, index: usize) -> String {
    let action_numero = action
        .numero
        .clone()
        .unwrap_or_else(|| (index + 1).to_string());
    format!("lheo:{formation_id}:{action_numero}")
}

/// Turns the drafts of a formation and one of its actions into a training.
pub(super) fn build_training(
    formation: &FormationDraft,
    action: &ActionDraft,
    id: String,
) -> Result<Training, String> {
    let title = clean_line(formation.title.as_ref())
        .ok_or("intitule-formation: missing or empty, the action has no title")?;
    let objective = clean(formation.objective.as_ref());
    let results = clean(formation.results.as_ref());
    let content = clean(formation.content.as_ref()).unwrap_or_default();
    let objectives = [objective, results]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n\n");
    let size = title.len() + objectives.len() + content.len();
    if size > MAX_TEXT_BYTES {
        return Err(format!(
            "contenu-formation: text is {size} bytes, over the limit of {MAX_TEXT_BYTES} bytes"
        ));
    }

    let mut rome = Vec::new();
    for code in formation.romes.iter().filter_map(|c| clean(Some(c))) {
        let code =
            RomeCode::parse(&code).map_err(|e| format!("domaine-formation/code-ROME: {e}"))?;
        if !rome.contains(&code) {
            rome.push(code);
        }
    }
    let mut formacode = Vec::new();
    for code in formation.formacodes.iter().filter_map(|c| clean(Some(c))) {
        if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "domaine-formation/code-FORMACODE: {code:?} is not a Formacode (five digits)"
            ));
        }
        if !formacode.contains(&code) {
            formacode.push(code);
        }
    }

    let entry_level = national_level("code-niveau-entree", formation.entry_level.as_ref())?;
    let exit_level = national_level("code-niveau-sortie", formation.exit_level.as_ref())?;
    let certification = certification(formation, &title, exit_level)?;

    // The first organisation name given, placeholders (`-`) being no name.
    let provider = [
        action.trainer.as_ref(),
        formation.responsible.as_ref(),
        formation.responsible_name.as_ref(),
        formation.responsible_denomination.as_ref(),
        action.trainer_denomination.as_ref(),
    ]
    .into_iter()
    .find_map(clean_line)
    .ok_or(
        "organisme-formateur/raison-sociale-formateur, organisme-formation-responsable/raison-sociale, \
         nom-organisme and adresse/denomination: all missing or placeholders, the action has no provider",
    )?;

    let modality = match clean(action.modality.as_ref()).as_deref() {
        // The element is mandatory in LHEO; most offers that omit it are on site.
        None | Some("0") => Modality::Presentiel,
        Some("1") => Modality::Hybride,
        Some("2") => Modality::Distanciel,
        Some(other) => {
            return Err(format!(
                "modalites-enseignement: {other:?} is not 0 (présentiel), 1 (mixte) or 2 (à distance)"
            ));
        }
    };

    let location = location(&action.location)?;
    let (indicative_hours, duration_months) = clean(action.indicative_duration.as_ref())
        .map(|text| indicative_duration(&text))
        .unwrap_or_default();
    let total = hours("nombre-heures-total", action.hours_total.as_ref())?;
    let centre = hours("nombre-heures-centre", action.hours_centre.as_ref())?;
    let company = hours("nombre-heures-entreprise", action.hours_company.as_ref())?;
    let parts = match (centre, company) {
        (None, None) => None,
        (centre, company) => Some(centre.unwrap_or(0).saturating_add(company.unwrap_or(0))),
    };
    let duration_hours = total.or(parts).or(indicative_hours);

    let sessions = sessions(&action.sessions)?;
    let eligibility = eligibility_of(formation, action);

    Ok(Training {
        id,
        title,
        certification,
        provider,
        location,
        modality,
        duration_hours,
        duration_months,
        entry_level,
        exit_level,
        rome,
        formacode,
        sessions,
        label: None,
        publics: typed(&eligibility.publics),
        reserved_to: typed(&eligibility.reserved_to),
        funding: typed(&eligibility.funding),
        accessible_rqth: eligibility.accessible_rqth,
        disability_contact: eligibility.disability_contact,
        accessibility: clean(action.accessibility.as_ref()),
        curriculum: Curriculum {
            objectives,
            prerequisites: clean(action.conditions.as_ref()),
            modules: modules_of(&content),
        },
        demo: false,
    })
}
/// The certification prepared: the first RNCP title, else the first RS certificate.
/// Every code given is checked, even those not kept.
fn certification(
    formation: &FormationDraft,
    title: &str,
    exit_level: Option<u8>,
) -> Result<Option<Certification>, String> {
    let mut rncp = None;
    let mut rs = None;
    for draft in &formation.certifications {
        if let Some(code) = clean(draft.rncp.as_ref()) {
            let code = certification_code("RNCP", &code).ok_or_else(|| {
                format!(
                    "certification/code-RNCP: {code:?} is not an RNCP code (digits, e.g. 37674 or RNCP37674)"
                )
            })?;
            rncp.get_or_insert(code);
        }
        if let Some(code) = clean(draft.rs.as_ref()) {
            let code = certification_code("RS", &code).ok_or_else(|| {
                format!("certification/code-RS: {code:?} is not an RS code (digits, e.g. 5487 or RS5487)")
            })?;
            rs.get_or_insert(code);
        }
    }
    let certification = |kind: &str, code: String, level: Option<u8>| Certification {
        kind: kind.to_string(),
        code,
        title: title.to_string(),
        level,
    };
    Ok(rncp
        .map(|code| certification("RNCP", code, exit_level))
        .or_else(|| rs.map(|code| certification("RS", code, None))))
}

fn location(draft: &LocationDraft) -> Result<TrainingLocation, String> {
    const ADDRESS: &str = "lieu-de-formation/coordonnees/adresse";
    let commune = clean(draft.commune.as_ref())
        .map(|code| InseeCode::parse(&code))
        .transpose()
        .map_err(|e| format!("{ADDRESS}/code-INSEE-commune: {e}"))?;
    let lat = coordinate(
        &format!("{ADDRESS}/geolocalisation/latitude"),
        draft.lat.as_ref(),
    )?;
    let lon = coordinate(
        &format!("{ADDRESS}/geolocalisation/longitude"),
        draft.lon.as_ref(),
    )?;
    Ok(TrainingLocation {
        commune,
        city: clean_line(draft.city.as_ref()),
        postcode: clean(draft.postcode.as_ref()),
        lat,
        lon,
    })
}

/// The sessions with a known start; the 1-based `session[n]` names the one at fault.
fn sessions(drafts: &[SessionDraft]) -> Result<Vec<Session>, String> {
    let mut sessions = Vec::new();
    for (index, draft) in drafts.iter().enumerate() {
        let n = index + 1;
        let Some(start) = lheo_date(&format!("session[{n}]/periode/debut"), draft.start.as_ref())?
        else {
            continue;
        };
        let end = lheo_date(&format!("session[{n}]/periode/fin"), draft.end.as_ref())?;
        if let Some(end) = &end
            && end < &start
        {
            return Err(format!(
                "session[{n}]/periode: fin {end} is before debut {start}"
            ));
        }
        let seats = match clean(draft.seats.as_ref()) {
            None => None,
            Some(text) => Some(text.parse::<u32>().map_err(|_| {
                format!("session[{n}]/nombre-places: {text:?} is not a number of seats")
            })?),
        };
        sessions.push(Session {
            start,
            end,
            seats,
            seats_taken: None,
        });
    }
    Ok(sessions)
}
/// Splits `contenu-formation` into modules when every paragraph (blocks separated by
/// blank lines) opens with a short heading line, e.g. `Module 2 : Back-end (280 h)`;
/// otherwise the whole content is one module. Hours in a heading become the module's.
fn modules_of(content: &str) -> Vec<CurriculumModule> {
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    let mut current = Vec::new();
    for line in content.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    if paragraphs.is_empty() {
        return Vec::new();
    }
    let headed = paragraphs.len() >= 2
        && paragraphs
            .iter()
            .all(|p| p.len() >= 2 && p[0].chars().count() <= MAX_HEADING_CHARS);
    if !headed {
        let content = paragraphs
            .iter()
            .map(|p| p.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n");
        return vec![CurriculumModule {
            title: CONTENT_TITLE.to_string(),
            hours: None,
            content,
        }];
    }
    paragraphs
        .iter()
        .map(|p| {
            let title = p[0].trim_end_matches(':').trim_end().to_string();
            CurriculumModule {
                hours: indicative_duration(&title).0,
                title,
                content: p[1..].join("\n"),
            }
        })
        .collect()
}

/// The eligibility codes of [`eligibility_of`] as the model's enums (`Public`,
/// `Funding`), which serialise as those very codes.
fn typed<T: serde::de::DeserializeOwned>(codes: &[&'static str]) -> Vec<T> {
    codes
        .iter()
        .filter_map(|code| serde_json::from_value(serde_json::Value::from(*code)).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headed_paragraphs_become_modules() {
        let modules = modules_of("Module 1 : Front (70 h)\nHTML, CSS\n\nModule 2 : Back\nPHP\nSQL");
        assert_eq!(modules.len(), 2);
        assert_eq!(modules[0].title, "Module 1 : Front (70 h)");
        assert_eq!(modules[0].hours, Some(70));
        assert_eq!(modules[1].content, "PHP\nSQL");
        let single = modules_of("  Une seule phrase de contenu.\n  Et une autre.  ");
        assert_eq!(single.len(), 1);
        assert_eq!(single[0].title, CONTENT_TITLE);
        assert_eq!(
            single[0].content,
            "Une seule phrase de contenu.\nEt une autre."
        );
        assert!(modules_of(" \n ").is_empty());
    }
}
