//! Domain nouns shared by every step: codes, skills, postings. No logic beyond validation.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// A ROME 4.0 métier code such as `M1805`: one capital letter and four digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RomeCode([u8; 5]);

impl RomeCode {
    /// Parses a code, accepting surrounding blanks and lowercase letters.
    pub fn parse(text: &str) -> Result<RomeCode> {
        let trimmed = text.trim();
        let bytes = trimmed.as_bytes();
        let valid = bytes.len() == 5
            && bytes[0].is_ascii_alphabetic()
            && bytes[1..].iter().all(u8::is_ascii_digit);
        if !valid {
            return Err(Error::input(
                "rome",
                crate::Invalid::Code {
                    value: trimmed.to_string(),
                    kind: crate::CodeKind::Rome,
                },
            ));
        }
        let mut code = [0u8; 5];
        code.copy_from_slice(bytes);
        code[0] = code[0].to_ascii_uppercase();
        Ok(RomeCode(code))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // The bytes were checked to be ASCII in `parse`.
        std::str::from_utf8(&self.0).unwrap_or("?????")
    }

    /// The two-character "domaine professionnel" prefix family, e.g. `M18`.
    pub fn domain(&self) -> &str {
        &self.as_str()[..3]
    }

    /// True when both codes are of the same [`RomeCode::domain`] (compared as bytes: a
    /// ranking compares a target with every training's codes).
    pub fn same_domain(&self, other: &RomeCode) -> bool {
        self.0[..3] == other.0[..3]
    }
}

impl fmt::Display for RomeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RomeCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RomeCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        RomeCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Texts longer than this are rejected rather than analysed: no real posting or
/// curriculum comes near it, and it bounds the work one record can cause.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// An INSEE commune code (code officiel géographique), e.g. `69123` or `2A004`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct InseeCode(String);

impl InseeCode {
    /// Parses a commune code; numeric codes that lost their leading zero are padded.
    pub fn parse(text: &str) -> Result<InseeCode> {
        let trimmed = text.trim();
        let upper = trimmed.to_ascii_uppercase();
        let padded = if upper.len() == 4 && upper.bytes().all(|b| b.is_ascii_digit()) {
            format!("0{upper}")
        } else {
            upper
        };
        let bytes = padded.as_bytes();
        let valid = bytes.len() == 5
            && (bytes.iter().all(u8::is_ascii_digit)
                || (bytes.starts_with(b"2A") || bytes.starts_with(b"2B"))
                    && bytes[2..].iter().all(u8::is_ascii_digit));
        if !valid {
            return Err(Error::input(
                "commune",
                crate::Invalid::Code {
                    value: trimmed.to_string(),
                    kind: crate::CodeKind::Insee,
                },
            ));
        }
        Ok(InseeCode(padded))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for InseeCode {
    type Error = Error;
    fn try_from(value: String) -> Result<Self> {
        InseeCode::parse(&value)
    }
}

impl From<InseeCode> for String {
    fn from(value: InseeCode) -> String {
        value.0
    }
}

impl fmt::Display for InseeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A skill identifier, namespaced by its taxonomy:
/// `rome:<code_ogr>`, `esco:<uri>` or `passerelle:<slug>`.
///
/// The text is shared: a ranking repeats the same few dozen ids for every training it
/// lists, and a clone costs a reference count instead of an allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SkillId(Arc<str>);

impl SkillId {
    /// A ROME item (`code_ogr`).
    pub fn rome(code_ogr: &str) -> SkillId {
        SkillId(format!("rome:{code_ogr}").into())
    }

    /// An ESCO concept URI.
    pub fn esco(uri: &str) -> SkillId {
        SkillId(format!("esco:{uri}").into())
    }

    /// A skill of Passerelle's own lexicon.
    pub fn passerelle(slug: &str) -> SkillId {
        SkillId(format!("passerelle:{slug}").into())
    }

    /// Parses an id that already carries its namespace.
    pub fn parse(text: &str) -> Result<SkillId> {
        let text = text.trim();
        match text.split_once(':') {
            Some(("rome" | "esco" | "passerelle", rest)) if !rest.is_empty() => {
                Ok(SkillId(text.into()))
            }
            _ => Err(Error::input(
                "skill",
                crate::Invalid::Code {
                    value: text.to_string(),
                    kind: crate::CodeKind::Skill,
                },
            )),
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part after the namespace.
    pub fn local(&self) -> &str {
        self.0.split_once(':').map_or("", |(_, rest)| rest)
    }
}

impl fmt::Display for SkillId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether the recruiter requires a skill (`E`, exigé) or only wishes it (`S`, souhaité).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Requirement {
    Required,
    Wished,
}

/// A skill the recruiter ticked on a France Travail offer (`competences[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelledSkill {
    pub code: String,
    pub label: String,
    pub requirement: Option<Requirement>,
}

/// A requirement a France Travail offer lists in a field of its own: a driving licence
/// (`permis[]`) or a language (`langues[]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListedRequirement {
    /// The libellé as the source writes it ("B - Véhicule léger", "Anglais").
    pub label: String,
    pub requirement: Option<Requirement>,
}

/// Where a posting is located, as far as the source says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostingLocation {
    /// The free-text libellé, e.g. `"69 - Lyon 3e Arrondissement"`.
    pub label: Option<String>,
    pub commune: Option<InseeCode>,
    pub postcode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
}

/// A job posting, whatever its source format.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct JobPosting {
    /// The source's id of the offer.
    pub id: String,
    /// The job title as the recruiter wrote it.
    pub title: String,
    /// The offer's text, as written.
    pub description: String,
    /// The occupation given by the source (the gold label when evaluating).
    pub rome: Option<RomeCode>,
    /// When the offer was created, as the source wrote it.
    pub created: Option<String>,
    /// Where the job is.
    pub location: PostingLocation,
    /// The contract as the source names it (`CDI`, `CDD`, …).
    pub contract: Option<String>,
    /// Skills ticked by the recruiter, when the source has them.
    pub labelled_skills: Vec<LabelledSkill>,
    /// Driving licences the recruiter listed (`permis[]`).
    #[serde(default)]
    pub licences: Vec<ListedRequirement>,
    /// Languages the recruiter listed (`langues[]`).
    #[serde(default)]
    pub languages: Vec<ListedRequirement>,
}

impl JobPosting {
    /// Title and description as one text, title first, separated by a blank line.
    ///
    /// Extraction spans computed on this text refer to it, not to the description alone.
    pub fn full_text(&self) -> String {
        if self.title.is_empty() {
            self.description.clone()
        } else {
            format!("{}\n\n{}", self.title, self.description)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rome_codes_parse_and_reject() {
        assert_eq!(RomeCode::parse(" m1805 ").unwrap().as_str(), "M1805");
        assert_eq!(RomeCode::parse("M1805").unwrap().domain(), "M18");
        let code = |text| RomeCode::parse(text).unwrap();
        for (a, b) in [("M1805", "M1810"), ("M1805", "m1899"), ("M1805", "M1805")] {
            assert!(code(a).same_domain(&code(b)), "{a} {b}");
        }
        for (a, b) in [("M1805", "M1705"), ("M1805", "K1805"), ("M1805", "M2805")] {
            assert!(!code(a).same_domain(&code(b)), "{a} {b}");
        }
        for bad in ["", "M180", "18050", "M18O5", "M18055"] {
            assert!(RomeCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn insee_codes_pad_and_accept_corsica() {
        assert_eq!(InseeCode::parse("1053").unwrap().as_str(), "01053");
        assert_eq!(InseeCode::parse("2a004").unwrap().as_str(), "2A004");
        assert!(InseeCode::parse("2C004").is_err());
        assert!(InseeCode::parse("690123").is_err());
    }

    #[test]
    fn skill_ids_carry_their_namespace() {
        assert_eq!(SkillId::rome("100023").as_str(), "rome:100023");
        assert_eq!(
            SkillId::parse("passerelle:python").unwrap().local(),
            "python"
        );
        assert!(SkillId::parse("python").is_err());
        assert!(SkillId::parse("rome:").is_err());
    }
}

/// How a training is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Modality {
    Presentiel,
    Distanciel,
    Hybride,
}

/// The certification a training leads to (RNCP title or RS certificate).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certification {
    /// `RNCP` or `RS`.
    pub kind: String,
    pub code: String,
    pub title: String,
    /// Level 3 to 8 of the national framework; none for an RS certificate.
    pub level: Option<u8>,
}

/// Where a training takes place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TrainingLocation {
    pub commune: Option<InseeCode>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl TrainingLocation {
    /// The same place as a posting location, to place it in a territory.
    pub fn as_location(&self) -> PostingLocation {
        PostingLocation {
            label: self.city.clone(),
            commune: self.commune.clone(),
            postcode: self.postcode.clone(),
            latitude: self.lat,
            longitude: self.lon,
        }
    }
}

/// One session of a training.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    /// ISO date `YYYY-MM-DD`.
    pub start: String,
    pub end: Option<String>,
    pub seats: Option<u32>,
    pub seats_taken: Option<u32>,
}

impl Session {
    /// True when every seat is taken.
    pub fn is_full(&self) -> bool {
        matches!((self.seats, self.seats_taken), (Some(seats), Some(taken)) if taken >= seats)
    }

    /// Seats still open (0 when the seats are not stated).
    pub fn seats_left(&self) -> u32 {
        self.seats
            .unwrap_or(0)
            .saturating_sub(self.seats_taken.unwrap_or(0))
    }
}

/// The GEN label of a training: granted for three years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GenLabel {
    pub granted: String,
    pub expires: String,
}

/// A module of a curriculum.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CurriculumModule {
    pub title: String,
    pub hours: Option<u32>,
    pub content: String,
}

/// What a training teaches, in French.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Curriculum {
    pub objectives: String,
    #[serde(default)]
    pub prerequisites: Option<String>,
    #[serde(default)]
    pub modules: Vec<CurriculumModule>,
}

/// A public a training is aimed at or reserved to, in the codes of the catalogue format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Public {
    /// Job seekers (demandeurs d'emploi), registered or not.
    DemandeursEmploi,
    /// Young people, usually under 26, out of work or training.
    Jeunes,
    Femmes,
    /// Residents of a priority neighbourhood of the city policy (quartier prioritaire).
    Qpv,
    /// Residents of a rural revitalisation zone (zone de revitalisation rurale).
    Zrr,
    /// People with no or a low qualification: level 4 (bac) or below.
    PeuQualifies,
    /// People with a recognised disability (reconnaissance de la qualité de travailleur
    /// handicapé).
    Rqth,
    /// Employees (salariés), e.g. in a career change paid by their employer.
    Salaries,
    /// Everyone.
    ToutPublic,
}

impl Public {
    /// Every public, in catalogue order: the priority publics first.
    pub const ALL: [Public; 9] = [
        Public::DemandeursEmploi,
        Public::Jeunes,
        Public::Femmes,
        Public::Qpv,
        Public::Zrr,
        Public::PeuQualifies,
        Public::Rqth,
        Public::Salaries,
        Public::ToutPublic,
    ];

    /// The priority publics of the GEN label (people far from employment): the first
    /// seven of the catalogue order.
    pub const PRIORITY: [Public; 7] = *Public::ALL.first_chunk().unwrap();

    /// The code of the catalogue format, e.g. `demandeurs_emploi`.
    pub fn code(self) -> &'static str {
        match self {
            Public::DemandeursEmploi => "demandeurs_emploi",
            Public::Jeunes => "jeunes",
            Public::Femmes => "femmes",
            Public::Qpv => "qpv",
            Public::Zrr => "zrr",
            Public::PeuQualifies => "peu_qualifies",
            Public::Rqth => "rqth",
            Public::Salaries => "salaries",
            Public::ToutPublic => "tout_public",
        }
    }

    /// Whether the GEN label counts it as a priority public.
    pub fn is_priority(self) -> bool {
        Public::PRIORITY.contains(&self)
    }

    /// The public in French, after "aux": "demandeurs d'emploi", "habitants des QPV".
    pub fn label_fr(self) -> &'static str {
        match self {
            Public::DemandeursEmploi => "demandeurs d'emploi",
            Public::Jeunes => "jeunes",
            Public::Femmes => "femmes",
            Public::Qpv => "habitants des QPV",
            Public::Zrr => "habitants des ZRR",
            Public::PeuQualifies => "personnes peu qualifiées",
            Public::Rqth => "personnes en situation de handicap (RQTH)",
            Public::Salaries => "salariés",
            Public::ToutPublic => "tous publics",
        }
    }
}

/// How a learner's place in a training can be paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Funding {
    /// Free for the learner, whoever pays the provider.
    Gratuit,
    /// France Travail (aide individuelle à la formation, achats collectifs).
    FranceTravail,
    /// The région's training programme.
    Region,
    /// The learner's compte personnel de formation.
    Cpf,
    /// An opérateur de compétences, for employees.
    Opco,
    /// The State (plan d'investissement dans les compétences, ministries).
    Etat,
    /// The employer.
    Entreprise,
    /// The learner's own money.
    Personnel,
    /// The Agefiph, for people with a disability.
    Agefiph,
    /// Another funder (département, commune, European funds, Transitions Pro).
    Autre,
}

impl Funding {
    /// Every funding, in catalogue order.
    pub const ALL: [Funding; 10] = [
        Funding::Gratuit,
        Funding::FranceTravail,
        Funding::Region,
        Funding::Cpf,
        Funding::Opco,
        Funding::Etat,
        Funding::Entreprise,
        Funding::Personnel,
        Funding::Agefiph,
        Funding::Autre,
    ];

    /// The code of the catalogue format, e.g. `france_travail`.
    pub fn code(self) -> &'static str {
        match self {
            Funding::Gratuit => "gratuit",
            Funding::FranceTravail => "france_travail",
            Funding::Region => "region",
            Funding::Cpf => "cpf",
            Funding::Opco => "opco",
            Funding::Etat => "etat",
            Funding::Entreprise => "entreprise",
            Funding::Personnel => "personnel",
            Funding::Agefiph => "agefiph",
            Funding::Autre => "autre",
        }
    }
}

/// A training of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Training {
    pub id: String,
    pub title: String,
    pub certification: Option<Certification>,
    pub provider: String,
    pub location: TrainingLocation,
    pub modality: Modality,
    /// Hours of teaching, when stated.
    pub duration_hours: Option<u32>,
    /// Length in months, when stated.
    pub duration_months: Option<f32>,
    /// Level asked at entry (French qualification nomenclature), when stated.
    pub entry_level: Option<u8>,
    /// Level of the certification at exit, when stated.
    pub exit_level: Option<u8>,
    /// The métiers it prepares for.
    #[serde(default)]
    pub rome: Vec<RomeCode>,
    #[serde(default)]
    pub formacode: Vec<String>,
    #[serde(default)]
    pub sessions: Vec<Session>,
    pub label: Option<GenLabel>,
    /// Publics the training is aimed at (a priority, not a restriction).
    #[serde(default)]
    pub publics: Vec<Public>,
    /// Publics the training is restricted to; empty means open to all.
    #[serde(default)]
    pub reserved_to: Vec<Public>,
    /// How a learner's place can be paid.
    #[serde(default)]
    pub funding: Vec<Funding>,
    /// Whether people with a disability (RQTH) can follow it; none when not stated.
    pub accessible_rqth: Option<bool>,
    /// Whom to ask about adjustments for a disability: a role or a department.
    pub disability_contact: Option<String>,
    /// What the provider says of accessibility, in French.
    pub accessibility: Option<String>,
    pub curriculum: Curriculum,
    /// True for the authored demo catalogue.
    #[serde(default)]
    pub demo: bool,
}

impl Training {
    /// The curriculum as one French text: objectives, then each module's title and content.
    pub fn curriculum_text(&self) -> String {
        let mut text = self.curriculum.objectives.clone();
        for module in &self.curriculum.modules {
            text.push_str("\n\n");
            text.push_str(&module.title);
            text.push('\n');
            text.push_str(&module.content);
        }
        text
    }
}

/// Checks that a text is an ISO date `YYYY-MM-DD` of a plausible calendar day.
pub fn check_date(field: &str, value: &str) -> Result<()> {
    let bytes = value.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    let month: u32 = value.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    let day: u32 = value.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(0);
    if !shape || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(Error::input(
            field,
            crate::Invalid::Date {
                value: value.to_string(),
            },
        ));
    }
    Ok(())
}
