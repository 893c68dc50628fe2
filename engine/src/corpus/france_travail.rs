//! France Travail "Offres d'emploi v2" records, the plain `{"id", "text"}` form, and the
//! digital-titles CSV export, mapped to [`JobPosting`].

use serde::Deserialize;
use serde_json::Value;

use crate::model::{
    InseeCode, JobPosting, LabelledSkill, ListedRequirement, PostingLocation, Requirement, RomeCode,
};

/// An offer as the API returns it (`resultats[]` items); every field but `id` optional.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiOffer {
    id: Value,
    #[serde(default)]
    intitule: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    date_creation: Option<String>,
    #[serde(default)]
    rome_code: Option<String>,
    #[serde(default)]
    lieu_travail: Option<ApiLocation>,
    #[serde(default)]
    type_contrat: Option<String>,
    #[serde(default)]
    competences: Option<Vec<ApiSkill>>,
    #[serde(default)]
    permis: Option<Vec<ApiListed>>,
    #[serde(default)]
    langues: Option<Vec<ApiListed>>,
}

/// An item of `permis[]` or `langues[]`.
#[derive(Debug, Deserialize)]
struct ApiListed {
    #[serde(default)]
    libelle: Option<String>,
    #[serde(default)]
    exigence: Option<String>,
}

fn requirement(exigence: Option<&str>) -> Option<Requirement> {
    match exigence {
        Some("E") => Some(Requirement::Required),
        Some("S") => Some(Requirement::Wished),
        _ => None,
    }
}

/// The items of `permis[]` or `langues[]` that have a libellé.
fn listed(items: Option<Vec<ApiListed>>) -> Vec<ListedRequirement> {
    items
        .unwrap_or_default()
        .into_iter()
        .filter_map(|item| {
            let label = item.libelle?.trim().to_string();
            (!label.is_empty()).then(|| ListedRequirement {
                label,
                requirement: requirement(item.exigence.as_deref()),
            })
        })
        .collect()
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ApiLocation {
    #[serde(default)]
    libelle: Option<String>,
    #[serde(default)]
    latitude: Option<f64>,
    #[serde(default)]
    longitude: Option<f64>,
    #[serde(default)]
    code_postal: Option<String>,
    #[serde(default)]
    commune: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ApiSkill {
    #[serde(default)]
    code: Option<Value>,
    #[serde(default)]
    libelle: Option<String>,
    #[serde(default)]
    exigence: Option<String>,
}

/// Maps one JSON object to a posting: a France Travail offer when it has `intitule` or
/// `description`, the plain form when it has `text`.
pub(crate) fn posting_from_json(value: Value) -> Result<JobPosting, String> {
    let Value::Object(map) = &value else {
        return Err(format!(
            "expected a JSON object, found {}",
            json_kind(&value)
        ));
    };
    if map.contains_key("intitule") || map.contains_key("description") {
        let offer: ApiOffer = serde_json::from_value(value)
            .map_err(|e| format!("not a France Travail offer: {e}"))?;
        return from_api(offer);
    }
    if map.contains_key("text") {
        let id = id_text(map.get("id").unwrap_or(&Value::Null))?;
        let text = match map.get("text") {
            Some(Value::String(text)) => text.clone(),
            Some(other) => {
                return Err(format!(
                    "field text: expected a string, found {}",
                    json_kind(other)
                ));
            }
            None => unreachable!("checked above"),
        };
        let title = match map.get("title") {
            Some(Value::String(title)) => title.clone(),
            _ => String::new(),
        };
        let rome = map
            .get("rome")
            .and_then(Value::as_str)
            .map(|c| RomeCode::parse(c).map_err(|e| format!("field rome: {e}")))
            .transpose()?;
        return Ok(JobPosting {
            id,
            title,
            description: text,
            rome,
            ..JobPosting::default()
        });
    }
    Err("expected a France Travail offer (intitule, description) or {\"id\", \"text\"}".to_string())
}

fn from_api(offer: ApiOffer) -> Result<JobPosting, String> {
    let id = id_text(&offer.id)?;
    let rome = offer
        .rome_code
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| RomeCode::parse(c).map_err(|e| format!("field romeCode: {e}")))
        .transpose()?;
    let location = offer.lieu_travail.map(|l| PostingLocation {
        label: l.libelle,
        // An unusable commune code is not fatal: the libellé and postcode remain.
        commune: l.commune.as_deref().and_then(|c| InseeCode::parse(c).ok()),
        postcode: l.code_postal,
        latitude: l.latitude,
        longitude: l.longitude,
    });
    let labelled_skills = offer
        .competences
        .unwrap_or_default()
        .into_iter()
        .filter_map(|skill| {
            let code = match skill.code? {
                Value::String(code) => code,
                Value::Number(code) => code.to_string(),
                _ => return None,
            };
            Some(LabelledSkill {
                code,
                label: skill.libelle.unwrap_or_default(),
                requirement: requirement(skill.exigence.as_deref()),
            })
        })
        .collect();
    Ok(JobPosting {
        id,
        title: offer.intitule.unwrap_or_default().trim().to_string(),
        description: offer.description.unwrap_or_default(),
        rome,
        created: offer.date_creation,
        location: location.unwrap_or_default(),
        contract: offer.type_contrat,
        labelled_skills,
        licences: listed(offer.permis),
        languages: listed(offer.langues),
    })
}

fn id_text(value: &Value) -> Result<String, String> {
    match value {
        Value::String(id) if !id.trim().is_empty() => Ok(id.trim().to_string()),
        Value::Number(id) => Ok(id.to_string()),
        Value::Null => Err("missing field id".to_string()),
        other => Err(format!(
            "field id: expected a string, found {}",
            json_kind(other)
        )),
    }
}

pub(crate) fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn api_offer_with_optional_fields_absent() {
        let posting = posting_from_json(json!({"id": "1", "intitule": "Dev"})).unwrap();
        assert_eq!(posting.title, "Dev");
        assert!(posting.rome.is_none());
    }

    #[test]
    fn api_offer_fields_are_mapped() {
        let posting = posting_from_json(json!({
            "id": "200ABC", "intitule": "Développeur (H/F) ", "description": "Java",
            "romeCode": "M1805", "typeContrat": "CDI",
            "lieuTravail": {"libelle": "69 - Lyon", "commune": "69123", "codePostal": "69003"},
            "competences": [{"code": "100023", "libelle": "X", "exigence": "E"}, {"libelle": "no code"}],
            "permis": [{"libelle": "B - Véhicule léger", "exigence": "S"}, {"exigence": "E"}],
            "langues": [{"libelle": "Anglais", "exigence": "E"}]
        }))
        .unwrap();
        assert_eq!(posting.title, "Développeur (H/F)");
        assert_eq!(posting.rome.unwrap().as_str(), "M1805");
        assert_eq!(posting.location.commune.unwrap().as_str(), "69123");
        assert_eq!(posting.labelled_skills.len(), 1);
        assert_eq!(
            posting.labelled_skills[0].requirement,
            Some(Requirement::Required)
        );
        let licences: Vec<(&str, Option<Requirement>)> = posting
            .licences
            .iter()
            .map(|l| (l.label.as_str(), l.requirement))
            .collect();
        assert_eq!(
            licences,
            [("B - Véhicule léger", Some(Requirement::Wished))]
        );
        assert_eq!(posting.languages[0].label, "Anglais");
    }

    #[test]
    fn rejections_say_why() {
        let cases = [
            (json!([1, 2]), "expected a JSON object, found an array"),
            (json!({"foo": 1}), "expected a France Travail offer"),
            (json!({"text": "x"}), "missing field id"),
            (
                json!({"id": "1", "text": 3}),
                "field text: expected a string",
            ),
            (
                json!({"id": "1", "intitule": "x", "romeCode": "XX"}),
                "field romeCode",
            ),
            (json!({"id": true, "intitule": "x"}), "field id"),
        ];
        for (input, expected) in cases {
            let error = posting_from_json(input.clone()).unwrap_err();
            assert!(error.contains(expected), "{input}: {error}");
        }
    }
}
