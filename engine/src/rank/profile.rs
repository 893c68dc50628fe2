//! The learner profile an adviser submits, and its resolution against the loaded
//! taxonomy, métiers and geography.
//!
//! A profile is personal data (RGPD): its `Debug` output is redacted, and nothing in
//! this module logs it or keeps it beyond the request. Only two resolutions of a target
//! are remembered, neither of which identifies anyone: a ROME code's target profile and
//! a job title's métier (see `TargetCache`).

use std::fmt;
use std::sync::{Arc, RwLock};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::error::{CodeKind, Invalid, NotFoundKind, Unit};
use crate::extract::Field;
use crate::model::{Funding, InseeCode, Modality, Public, RomeCode, SkillId, check_date};
use crate::territory::{Geography, departement_of_commune, departement_of_postcode};
use crate::text::fold;
use crate::{Error, Result};

use super::Ranker;

/// Longest CV text analysed.
pub const MAX_CV_BYTES: usize = 200_000;

/// Skills a profile may list.
const MAX_LISTED_SKILLS: usize = 200;

/// Job titles whose métier is remembered; the memory is emptied when full.
const TITLE_CACHE_SIZE: usize = 4096;

/// Resolutions that hold no personal data, kept across requests because advisers send
/// the same few: a métier's target profile by ROME code (at most one per métier of the
/// référentiel, and cheap to clone) and the métier a job title classifies as (at most
/// [`TITLE_CACHE_SIZE`] titles). Nothing else of a profile is kept.
#[derive(Debug, Default)]
pub(super) struct TargetCache {
    by_code: RwLock<FxHashMap<RomeCode, Arc<ResolvedTarget>>>,
    by_title: RwLock<FxHashMap<String, RomeCode>>,
}

/// A job seeker's profile. Every field is optional, but one of `skills`, `cv_text` and
/// `target` must be given.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LearnerProfile {
    /// Skills held: taxonomy ids or labels ("HTML", "gestion de projet").
    #[serde(default)]
    pub skills: Vec<String>,
    /// Free text (a CV) whose extracted skills count as held.
    #[serde(default)]
    pub cv_text: Option<String>,
    pub target: Option<Target>,
    pub location: Option<LearnerLocation>,
    /// Mobility in kilometres; trainings further away are excluded unless remote.
    pub radius_km: Option<f64>,
    /// Accepted modalities, in the learner's order of preference (the first listed is
    /// preferred: see `ScoreDetails::modality_fit`); empty accepts all, without
    /// preference.
    #[serde(default)]
    pub modalities: Vec<Modality>,
    /// ISO date from which the learner can start.
    pub available_from: Option<String>,
    pub max_duration_months: Option<f32>,
    /// Current level of the national framework (3 to 8).
    pub level: Option<u8>,
    /// The learner's situation, for eligibility; left out, eligibility is not checked.
    #[serde(default)]
    pub situation: Option<Situation>,
    /// Only trainings that one of these can pay for; empty accepts all.
    #[serde(default)]
    pub funding: Vec<Funding>,
    /// Results wanted (default 10, at most 100).
    pub limit: Option<usize>,
}

impl fmt::Debug for LearnerProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LearnerProfile { <redacted personal data> }")
    }
}

/// What the learner aims at: exactly one of a ROME code, a job title, target skills.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Target {
    pub rome: Option<String>,
    pub appellation: Option<String>,
    pub skills: Option<Vec<String>>,
}

/// The one aim a [`Target`] gives, once checked.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Aim<'a> {
    /// A ROME code, as given.
    Rome(&'a str),
    /// A job title.
    Appellation(&'a str),
    /// Target skills, by id or label.
    Skills(&'a [String]),
}

impl Target {
    /// The one aim given, or the error saying that exactly one must be.
    fn aim(&self) -> Result<Aim<'_>> {
        match (&self.rome, &self.appellation, &self.skills) {
            (Some(code), None, None) => Ok(Aim::Rome(code)),
            (None, Some(title), None) => Ok(Aim::Appellation(title)),
            (None, None, Some(skills)) => Ok(Aim::Skills(skills)),
            _ => Err(Error::input(
                "target",
                Invalid::ExactlyOne {
                    fields: &["rome", "appellation", "skills"],
                },
            )),
        }
    }
}

/// Where the learner lives: an INSEE commune, a postcode, or coordinates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LearnerLocation {
    pub commune: Option<String>,
    pub postcode: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// The one place a [`LearnerLocation`] gives, once checked.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place<'a> {
    /// An INSEE commune code, as given.
    Commune(&'a str),
    /// A postcode, as given.
    Postcode(&'a str),
    /// Coordinates within range.
    Point { lat: f64, lon: f64 },
}

impl LearnerLocation {
    /// The one place given, or the error saying that exactly one must be, or that the
    /// coordinates are incomplete or out of range.
    fn place(&self) -> Result<Place<'_>> {
        let point = self.lat.is_some() || self.lon.is_some();
        match (&self.commune, &self.postcode, point) {
            (Some(code), None, false) => Ok(Place::Commune(code)),
            (None, Some(postcode), false) => Ok(Place::Postcode(postcode)),
            (None, None, true) => match (self.lat, self.lon) {
                (Some(lat), Some(lon))
                    if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
                {
                    Ok(Place::Point { lat, lon })
                }
                _ => Err(Error::input("location", Invalid::Coordinates)),
            },
            _ => Err(Error::input(
                "location",
                Invalid::ExactlyOne {
                    fields: &["commune", "postcode", "lat+lon"],
                },
            )),
        }
    }
}

/// What the learner's situation is, for eligibility and reasons. Given, a flag left out
/// is false.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Situation {
    /// Looking for a job (demandeur d'emploi).
    #[serde(default)]
    pub job_seeker: bool,
    /// Young, usually under 26.
    #[serde(default)]
    pub young: bool,
    #[serde(default)]
    pub woman: bool,
    /// Lives in a priority neighbourhood (quartier prioritaire de la ville).
    #[serde(default)]
    pub qpv: bool,
    /// Lives in a rural revitalisation zone.
    #[serde(default)]
    pub zrr: bool,
    /// Has a recognised disability.
    #[serde(default)]
    pub rqth: bool,
    /// Has no or a low qualification (level 4 or below); implied by a `level` of 4 or less.
    #[serde(default)]
    pub low_qualified: bool,
    /// Is an employee.
    #[serde(default)]
    pub employed: bool,
}

impl Situation {
    /// The publics of trainings the learner belongs to (always `tout_public`), in
    /// catalogue order.
    pub fn publics(&self) -> Vec<Public> {
        Public::ALL
            .into_iter()
            .filter(|&public| self.is_in(public))
            .collect()
    }

    /// Whether the learner belongs to a public.
    pub fn is_in(&self, public: Public) -> bool {
        match public {
            Public::DemandeursEmploi => self.job_seeker,
            Public::Jeunes => self.young,
            Public::Femmes => self.woman,
            Public::Qpv => self.qpv,
            Public::Zrr => self.zrr,
            Public::PeuQualifies => self.low_qualified,
            Public::Rqth => self.rqth,
            Public::Salaries => self.employed,
            Public::ToutPublic => true,
        }
    }
}

/// A skill as shown to users.
///
/// Cheap to clone (shared id and label): rankings repeat the gap's skills for every
/// training they list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkillRef {
    pub id: SkillId,
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub label: Arc<str>,
}

/// A skill found in the CV, with its byte span in `cv_text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CvSkill {
    pub id: SkillId,
    pub label: String,
    pub start: usize,
    pub end: usize,
}

/// The resolved target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedTarget {
    /// What the learner aims at, in French.
    pub label: String,
    pub rome: Option<RomeCode>,
    /// Target skills with their weight (share of the métier's postings asking for them,
    /// 1 for skills the adviser named).
    pub skills: Vec<(SkillRef, f32)>,
    /// The same skills without their weights, as a ranking's summary lists them: shared
    /// by every ranking for the target.
    #[serde(skip)]
    pub listed: Arc<[SkillRef]>,
    /// What rankings read of each skill, in the same order, found once per target.
    #[serde(skip)]
    pub(super) facts: Vec<TargetSkillFacts>,
}

/// A target skill's taxonomy position, whether it is a savoir-être, and its row of
/// régional demand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct TargetSkillFacts {
    pub index: Option<u32>,
    pub transversal: bool,
    pub row: Option<u32>,
}

impl Ranker {
    /// A target with what rankings read of its skills.
    fn new_target(
        &self,
        label: String,
        rome: Option<RomeCode>,
        skills: Vec<(SkillRef, f32)>,
    ) -> ResolvedTarget {
        let taxonomy = self.extractor.taxonomy();
        let listed = skills.iter().map(|(skill, _)| skill.clone()).collect();
        let facts = (skills.iter())
            .map(|(skill, _)| {
                let index = taxonomy.skill_index(&skill.id);
                TargetSkillFacts {
                    index,
                    transversal: index
                        .is_some_and(|index| taxonomy.skill_at(index).kind.is_transversal()),
                    row: match index {
                        Some(index) => self.regional.row_index_at(index),
                        None => self.regional.row_index(&skill.id),
                    },
                }
            })
            .collect();
        ResolvedTarget {
            label,
            rome,
            skills,
            listed,
            facts,
        }
    }
}

/// The resolved location.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolvedLocation {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// The learner's région code, when known.
    pub region: Option<String>,
    /// True when only the département's centre is known.
    pub approximate: bool,
}

/// A profile checked and resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Learner {
    pub skills: Vec<SkillRef>,
    pub cv_skills: Vec<CvSkill>,
    /// Listed skills that match nothing in the taxonomy.
    pub unknown_skills: Vec<String>,
    /// Shared with the cache of métier targets: rankings read it, never copy it.
    pub target: Option<Arc<ResolvedTarget>>,
    pub location: Option<ResolvedLocation>,
    pub radius_km: Option<f64>,
    pub modalities: Vec<Modality>,
    pub available_from: Option<String>,
    pub max_duration_months: Option<f32>,
    pub level: Option<u8>,
    /// The situation, `low_qualified` set when the level is 4 or below; none when the
    /// profile left it out.
    pub situation: Option<Situation>,
    pub funding: Vec<Funding>,
    pub limit: usize,
}

impl LearnerProfile {
    /// Checks value ranges and the one-of rules, naming the field at fault.
    pub fn check(&self) -> Result<()> {
        let cv_empty = self.cv_text.as_deref().is_none_or(|t| t.trim().is_empty());
        if self.skills.is_empty() && cv_empty && self.target.is_none() {
            return Err(Error::input(
                "skills",
                Invalid::AtLeastOne {
                    fields: &["skills", "cv_text", "target"],
                },
            ));
        }
        if self.skills.len() > MAX_LISTED_SKILLS {
            return Err(Error::input(
                "skills",
                Invalid::TooMany {
                    max: MAX_LISTED_SKILLS,
                },
            ));
        }
        if let Some(cv) = &self.cv_text
            && cv.len() > MAX_CV_BYTES
        {
            return Err(Error::input(
                "cv_text",
                Invalid::TooLong {
                    max_bytes: MAX_CV_BYTES,
                },
            ));
        }
        if let Some(target) = &self.target {
            target.aim()?;
        }
        if let Some(radius) = self.radius_km
            && !(radius.is_finite() && (0.0..=2000.0).contains(&radius))
        {
            return Err(Error::input(
                "radius_km",
                range(0.0, 2000.0, Unit::Kilometres),
            ));
        }
        if let Some(months) = self.max_duration_months
            && !(months.is_finite() && months > 0.0 && months <= 120.0)
        {
            return Err(Error::input(
                "max_duration_months",
                range(0.0, 120.0, Unit::Months),
            ));
        }
        if let Some(level) = self.level
            && !(1..=8).contains(&level)
        {
            return Err(Error::input("level", range(1.0, 8.0, Unit::Number)));
        }
        if let Some(date) = &self.available_from {
            check_date("available_from", date)?;
        }
        if let Some(limit) = self.limit
            && !(1..=100).contains(&limit)
        {
            return Err(Error::input("limit", range(1.0, 100.0, Unit::Number)));
        }
        if let Some(location) = &self.location {
            location.place()?;
        }
        Ok(())
    }
}

/// A range error.
fn range(min: f64, max: f64, unit: Unit) -> Invalid {
    Invalid::Range { min, max, unit }
}

impl Ranker {
    /// Checks a profile and resolves its skills, target and location.
    pub fn resolve(&self, profile: &LearnerProfile) -> Result<Learner> {
        profile.check()?;
        let mut skills = Vec::new();
        let mut unknown_skills = Vec::new();
        for (i, name) in profile.skills.iter().enumerate() {
            match self.resolve_skill(name) {
                Some(skill) => skills.push(skill),
                None if name.trim().is_empty() => {
                    return Err(Error::input(format!("skills[{i}]"), Invalid::Empty));
                }
                None => unknown_skills.push(name.clone()),
            }
        }
        let mut cv_skills = Vec::new();
        if let Some(cv) = profile.cv_text.as_deref().filter(|t| !t.trim().is_empty()) {
            let extraction = self.extractor.extract("", cv);
            for mention in &extraction.skills {
                if mention.score < self.params.min_skill_score || mention.field != Field::Text {
                    continue;
                }
                if let (Some(start), Some(end)) = (mention.start, mention.end) {
                    cv_skills.push(CvSkill {
                        id: mention.skill.clone(),
                        label: mention.label.clone(),
                        start,
                        end,
                    });
                }
                skills.push(SkillRef {
                    id: mention.skill.clone(),
                    label: mention.label.as_str().into(),
                });
            }
            cv_skills.sort_by_key(|s| (s.start, s.end));
        }
        skills.sort();
        skills.dedup_by(|a, b| a.id == b.id);
        let target = profile
            .target
            .as_ref()
            .map(|t| self.resolve_target(t))
            .transpose()?;
        let location = profile
            .location
            .as_ref()
            .map(|l| resolve_location(&self.geography, l))
            .transpose()?;
        Ok(Learner {
            skills,
            cv_skills,
            unknown_skills,
            target,
            location,
            radius_km: profile.radius_km,
            modalities: profile.modalities.clone(),
            available_from: profile.available_from.clone(),
            max_duration_months: profile.max_duration_months,
            level: profile.level,
            situation: profile.situation.map(|situation| Situation {
                low_qualified: situation.low_qualified || profile.level.is_some_and(|l| l <= 4),
                ..situation
            }),
            funding: profile.funding.clone(),
            limit: profile.limit.unwrap_or(10),
        })
    }

    /// A skill by id, by label or variant, or failing that by extraction from the name.
    pub fn resolve_skill(&self, name: &str) -> Option<SkillRef> {
        let taxonomy = self.extractor.taxonomy();
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        if let Ok(id) = SkillId::parse(name)
            && let Some(skill) = taxonomy.skill(&id)
        {
            return Some(SkillRef {
                id: skill.id.clone(),
                label: skill.label.as_str().into(),
            });
        }
        if let Some(&index) = self.labels.get(&fold(name)) {
            let skill = taxonomy.skill_at(index);
            return Some(SkillRef {
                id: skill.id.clone(),
                label: skill.label.as_str().into(),
            });
        }
        // "gestion de projets agiles": the best skill extracted from the name itself.
        let extraction = self.extractor.extract("", name);
        extraction
            .skills
            .iter()
            .filter(|m| m.score >= self.params.min_skill_score)
            .max_by(|a, b| {
                let len =
                    |m: &crate::extract::SkillMention| m.end.unwrap_or(0) - m.start.unwrap_or(0);
                len(a).cmp(&len(b)).then(a.score.total_cmp(&b.score))
            })
            .map(|m| SkillRef {
                id: m.skill.clone(),
                label: m.label.as_str().into(),
            })
    }

    fn resolve_target(&self, target: &Target) -> Result<Arc<ResolvedTarget>> {
        let code = match target.aim()? {
            Aim::Skills(names) => return self.resolve_target_skills(names),
            Aim::Rome(code) => {
                let code = RomeCode::parse(code).map_err(|_| {
                    Error::input(
                        "target.rome",
                        Invalid::Code {
                            value: code.to_string(),
                            kind: CodeKind::Rome,
                        },
                    )
                })?;
                if self.model.occupation(&code).is_none()
                    && self.extractor.occupation_label(&code).is_none()
                {
                    return Err(Error::NotFound {
                        kind: NotFoundKind::RomeCode,
                        value: code.to_string(),
                    });
                }
                code
            }
            Aim::Appellation(title) => {
                if title.trim().is_empty() {
                    return Err(Error::input("target.appellation", Invalid::Empty));
                }
                self.title_code(title).ok_or_else(|| Error::NotFound {
                    kind: NotFoundKind::JobTitle,
                    value: title.to_string(),
                })?
            }
        };
        Ok(self.target_of(code))
    }

    /// A target given as skills: each resolved by id or label, the label their list.
    fn resolve_target_skills(&self, names: &[String]) -> Result<Arc<ResolvedTarget>> {
        if names.is_empty() {
            return Err(Error::input("target.skills", Invalid::Empty));
        }
        let mut skills = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let skill = self.resolve_skill(name).ok_or_else(|| Error::NotFound {
                kind: NotFoundKind::Skill,
                value: name.clone(),
            });
            match skill {
                Ok(skill) => skills.push((skill, 1.0)),
                Err(_) if name.trim().is_empty() => {
                    return Err(Error::input(format!("target.skills[{i}]"), Invalid::Empty));
                }
                Err(e) => return Err(e),
            }
        }
        skills.sort_by(|a, b| a.0.cmp(&b.0));
        skills.dedup_by(|a, b| a.0.id == b.0.id);
        let label = skills
            .iter()
            .map(|(s, _)| &*s.label)
            .collect::<Vec<_>>()
            .join(", ");
        Ok(Arc::new(self.new_target(label, None, skills)))
    }

    /// The métier a job title classifies as, remembered for the next requests.
    fn title_code(&self, title: &str) -> Option<RomeCode> {
        if let Ok(known) = self.targets.by_title.read()
            && let Some(&code) = known.get(title)
        {
            return Some(code);
        }
        let code = (self.extractor.classify(title, ""))
            .first()
            .filter(|c| c.score > 0.0)
            .map(|c| c.code)?;
        if let Ok(mut known) = self.targets.by_title.write() {
            if known.len() >= TITLE_CACHE_SIZE {
                known.clear();
            }
            known.insert(title.to_string(), code);
        }
        Some(code)
    }

    /// The target profile of a métier: what its postings ask for, else the skills the
    /// référentiel attaches to it.
    pub fn target_of(&self, code: RomeCode) -> Arc<ResolvedTarget> {
        if let Ok(known) = self.targets.by_code.read()
            && let Some(target) = known.get(&code)
        {
            return target.clone();
        }
        let target = Arc::new(self.build_target(code));
        if let Ok(mut known) = self.targets.by_code.write() {
            known.insert(code, target.clone());
        }
        target
    }

    fn build_target(&self, code: RomeCode) -> ResolvedTarget {
        let taxonomy = self.extractor.taxonomy();
        let label = self
            .extractor
            .occupation_label(&code)
            .or_else(|| self.model.occupation(&code).map(|o| o.label.clone()))
            .unwrap_or_else(|| code.to_string());
        let mut skills: Vec<(SkillRef, f32)> = match self.model.occupation(&code) {
            Some(demand) => demand
                .skills
                .iter()
                .filter(|s| s.weight >= self.params.min_target_share)
                // A model built with another taxonomy names skills this engine
                // cannot find in curricula.
                .filter(|s| taxonomy.skill(&s.id).is_some())
                .map(|s| {
                    (
                        SkillRef {
                            id: s.id.clone(),
                            label: s.label.as_str().into(),
                        },
                        s.weight,
                    )
                })
                .collect(),
            None => Vec::new(),
        };
        if skills.is_empty()
            && let Some(occupation) = taxonomy.occupation(&code)
        {
            skills = occupation
                .skills
                .iter()
                .map(|link| {
                    let skill = taxonomy.skill_at(link.skill);
                    let weight = if link.core { 1.0 } else { 0.5 };
                    (
                        SkillRef {
                            id: skill.id.clone(),
                            label: skill.label.as_str().into(),
                        },
                        weight,
                    )
                })
                .collect();
        }
        self.new_target(label, Some(code), skills)
    }
}

/// Places the learner: commune centroid, else its département's centre.
fn resolve_location(geography: &Geography, location: &LearnerLocation) -> Result<ResolvedLocation> {
    let (kind, given, commune, departement) = match location.place()? {
        Place::Point { lat, lon } => {
            let region = geography
                .nearest_departement((lat, lon))
                .map(|d| d.region.clone());
            return Ok(ResolvedLocation {
                name: format!("{lat:.4}, {lon:.4}"),
                lat,
                lon,
                region,
                approximate: false,
            });
        }
        Place::Commune(given) => {
            let code = InseeCode::parse(given).map_err(|_| {
                Error::input(
                    "location.commune",
                    Invalid::Code {
                        value: given.to_string(),
                        kind: CodeKind::Insee,
                    },
                )
            })?;
            let commune = geography.commune(&code).cloned();
            let departement = Some(departement_of_commune(&code).to_string());
            (
                NotFoundKind::Commune,
                given.to_string(),
                commune,
                departement,
            )
        }
        Place::Postcode(postcode) => {
            let code = geography.communes_of_postcode(postcode).first().cloned();
            let commune = code.and_then(|c| geography.commune(&c).cloned());
            let departement = departement_of_postcode(postcode);
            (
                NotFoundKind::Postcode,
                postcode.to_string(),
                commune,
                departement,
            )
        }
    };
    if let Some(commune) = &commune
        && let Some((lat, lon)) = commune.centroid
    {
        return Ok(ResolvedLocation {
            name: commune.name.clone(),
            lat,
            lon,
            region: Some(commune.region.clone()),
            approximate: false,
        });
    }
    let departement = departement
        .as_deref()
        .and_then(|code| geography.departement(code))
        .ok_or(Error::NotFound { kind, value: given })?;
    Ok(ResolvedLocation {
        name: departement.name.clone(),
        lat: departement.lat,
        lon: departement.lon,
        region: Some(departement.region.clone()),
        approximate: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exactly_one(result: Result<impl fmt::Debug>, at: &str) {
        match result {
            Err(Error::InvalidInput {
                field,
                problem: Invalid::ExactlyOne { .. },
            }) => assert_eq!(field, at),
            other => panic!("expected exactly-one error at {at}, got {other:?}"),
        }
    }

    #[test]
    fn a_target_gives_exactly_one_aim() {
        let target = |json: &str| serde_json::from_str::<Target>(json).unwrap();
        assert_eq!(
            target(r#"{"rome":"M1805"}"#).aim().unwrap(),
            Aim::Rome("M1805")
        );
        assert_eq!(
            target(r#"{"appellation":"Développeur web","rome":null}"#)
                .aim()
                .unwrap(),
            Aim::Appellation("Développeur web")
        );
        let skills = target(r#"{"skills":["SQL"]}"#);
        assert_eq!(skills.aim().unwrap(), Aim::Skills(&["SQL".to_string()]));
        for json in [
            "{}",
            r#"{"rome":null}"#,
            r#"{"rome":"M1805","appellation":"Développeur web"}"#,
            r#"{"rome":"M1805","skills":[]}"#,
        ] {
            exactly_one(target(json).aim(), "target");
        }
        assert!(serde_json::from_str::<Target>(r#"{"code":"M1805"}"#).is_err());
    }

    #[test]
    fn a_location_gives_exactly_one_place() {
        let location = |json: &str| serde_json::from_str::<LearnerLocation>(json).unwrap();
        assert_eq!(
            location(r#"{"commune":"69123"}"#).place().unwrap(),
            Place::Commune("69123")
        );
        assert_eq!(
            location(r#"{"postcode":"69001"}"#).place().unwrap(),
            Place::Postcode("69001")
        );
        assert_eq!(
            location(r#"{"lat":45.76,"lon":4.84}"#).place().unwrap(),
            Place::Point {
                lat: 45.76,
                lon: 4.84
            }
        );
        for json in [
            "{}",
            r#"{"commune":"69123","postcode":"69001"}"#,
            r#"{"postcode":"69001","lat":45.76}"#,
        ] {
            exactly_one(location(json).place(), "location");
        }
        for json in [r#"{"lat":45.76}"#, r#"{"lat":95.0,"lon":4.84}"#] {
            let Err(Error::InvalidInput { field, problem }) = location(json).place() else {
                panic!("{json} accepted");
            };
            assert_eq!(
                (field.as_str(), problem),
                ("location", Invalid::Coordinates)
            );
        }
    }
}
