//! The skill and occupation vocabulary: skills with their surface forms, ROME métiers
//! with their appellations and linked items, each vocabulary stamped with its name and
//! version.
//!
//! A [`Taxonomy`] is built by the readers of `corpus` (ROME 4.0 CSV export, ESCO CSV,
//! Passerelle's own lexicon) and is read-only afterwards.

use std::path::PathBuf;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::model::{RomeCode, SkillId};
use crate::{Error, Result};

/// What kind of skill an entry is, as far as its source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SkillKind {
    /// Savoir-faire: an activity ("Développer une application web").
    KnowHow,
    /// Savoir: knowledge, a technology or a tool ("Programmation en Python", "Git").
    Knowledge,
    /// Savoir-être and transversal skills ("Autonomie", "Travail en équipe").
    Transversal,
    /// A certificate, licence, clearance or standard one holds or follows ("Permis B",
    /// "CACES R489", "Habilitation électrique", "DO-178C", "TOEIC"); the category,
    /// level or score a text gives goes to the mention's qualifier.
    Certification,
    /// A language one speaks ("Anglais", "Allemand"); the level a text gives ("courant",
    /// "B2") goes to the mention's qualifier.
    Language,
}

impl SkillKind {
    /// True for what any job may ask whatever its trade: savoir-être and languages.
    /// Such skills weigh less in skill vectors, do not make a posting technical enough
    /// to be clustered, and are not a curriculum gap.
    pub fn is_transversal(self) -> bool {
        matches!(self, SkillKind::Transversal | SkillKind::Language)
    }
}

/// One way of writing a skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Surface {
    pub text: String,
    /// Match only with exactly this letter case ("Go", "R", "Vue"): the form is also
    /// an everyday word.
    pub case_sensitive: bool,
    /// Count a match only when the text around it says what it is: a licence category
    /// after "permis", levels after "habilitation", a level or a language cue around
    /// "italien" (which also names a cuisine). Only certifications and languages have
    /// such forms; see the extractor's `qualifier` module.
    pub contextual: bool,
}

/// A skill of a taxonomy.
#[derive(Debug, Clone)]
pub struct Skill {
    pub id: SkillId,
    /// The preferred label, in French.
    pub label: String,
    pub kind: SkillKind,
    /// A grouping such as a lexicon family or a ROME category.
    pub family: Option<String>,
    /// Every surface form, the preferred label first.
    pub surfaces: Vec<Surface>,
    /// Equivalent skills in other referentials (ROME items, ESCO concepts).
    pub links: Vec<SkillId>,
    /// Broader or related skills named by the source (ESCO relations, ROME macro-compétence).
    pub related: Vec<SkillId>,
}

/// A skill attached to a métier in the ROME ("coherence item").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OccupationSkill {
    /// Index of the skill in [`Taxonomy::skills`].
    pub skill: u32,
    /// The item is a "cœur de métier" one (`Principale` or `Émergente`).
    pub core: bool,
    /// The item is an emerging one (`Émergente`): part of the métier's future rather
    /// than of what recruiters ask for today.
    pub emerging: bool,
    /// The item was created with ROME 4.0 rather than inherited from ROME v3 (a
    /// compétence or savoir whose `code_ogr` is 200000 or above; macro-compétences
    /// are all new and do not count). Recruiters tick inherited items about three
    /// times as often, category for category.
    pub recent: bool,
}

/// A ROME métier with what the référentiel says about it.
#[derive(Debug, Clone)]
pub struct Occupation {
    pub code: RomeCode,
    pub label: String,
    /// The parent fiche when this one is a ROME 4.0 specialisation (`code_rome_parent`).
    pub parent: Option<RomeCode>,
    /// Job titles (appellations), masculine and feminine forms as published.
    pub appellations: Vec<String>,
    /// Linked skills, when the taxonomy has them.
    pub skills: Vec<OccupationSkill>,
    /// The "définition" and "accès à l'emploi" texts, when known.
    pub definition: String,
    /// Domaine professionnel label, e.g. "Systèmes d'information et de télécommunication".
    pub domain: Option<String>,
    /// Grand domaine label, e.g. "Support à l'entreprise".
    pub grand_domain: Option<String>,
    /// Métiers one can move to (ROME mobility links), most relevant first.
    pub mobility: Vec<RomeCode>,
}

impl Occupation {
    /// A métier known by its code and label only; readers fill in the rest.
    pub fn new(code: RomeCode, label: impl Into<String>) -> Occupation {
        Occupation {
            code,
            label: label.into(),
            parent: None,
            appellations: Vec::new(),
            skills: Vec::new(),
            definition: String::new(),
            domain: None,
            grand_domain: None,
            mobility: Vec::new(),
        }
    }
}

/// A vocabulary of skills and, optionally, of occupations.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    /// Short name: `passerelle`, `rome` or `esco`.
    pub name: String,
    /// The version of the source, e.g. "60" for ROME 4.0 v460.
    pub version: String,
    skills: Vec<Skill>,
    by_id: FxHashMap<SkillId, u32>,
    occupations: Vec<Occupation>,
    by_code: FxHashMap<RomeCode, u32>,
}

impl Taxonomy {
    /// An empty taxonomy with a name and version.
    pub fn new(name: impl Into<String>, version: impl Into<String>) -> Taxonomy {
        Taxonomy {
            name: name.into(),
            version: version.into(),
            ..Taxonomy::default()
        }
    }

    /// Adds a skill; a second skill with the same id is an error.
    pub fn add_skill(&mut self, skill: Skill) -> Result<u32> {
        let index = u32::try_from(self.skills.len()).expect("fewer than 4 billion skills");
        if self.by_id.insert(skill.id.clone(), index).is_some() {
            return Err(Error::invalid(
                "skill",
                format!("duplicate skill id {}", skill.id),
            ));
        }
        self.skills.push(skill);
        Ok(index)
    }

    /// Adds an occupation, replacing any earlier one with the same code.
    pub fn add_occupation(&mut self, occupation: Occupation) {
        let index = u32::try_from(self.occupations.len()).expect("fewer than 4 billion métiers");
        match self.by_code.get(&occupation.code) {
            Some(&existing) => self.occupations[existing as usize] = occupation,
            None => {
                self.by_code.insert(occupation.code, index);
                self.occupations.push(occupation);
            }
        }
    }

    /// All skills, in a stable order.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// A skill by its position in [`Taxonomy::skills`].
    pub fn skill_at(&self, index: u32) -> &Skill {
        &self.skills[index as usize]
    }

    /// A skill's position by id.
    pub fn skill_index(&self, id: &SkillId) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// A skill by id.
    pub fn skill(&self, id: &SkillId) -> Option<&Skill> {
        self.skill_index(id).map(|i| self.skill_at(i))
    }

    /// Mutable access for readers that enrich skills after loading.
    pub(crate) fn skill_mut(&mut self, index: u32) -> &mut Skill {
        &mut self.skills[index as usize]
    }

    /// All occupations, in a stable order.
    pub fn occupations(&self) -> &[Occupation] {
        &self.occupations
    }

    /// An occupation by ROME code.
    pub fn occupation(&self, code: &RomeCode) -> Option<&Occupation> {
        self.by_code
            .get(code)
            .map(|&i| &self.occupations[i as usize])
    }

    /// Adds every skill of `other` that this taxonomy lacks (ids are namespaced, so a
    /// ROME and an ESCO taxonomy merge without clashes). Occupations are not copied.
    pub fn extend_skills(&mut self, other: &Taxonomy) -> usize {
        let mut added = 0;
        for skill in other.skills() {
            if self.skill_index(&skill.id).is_none() && self.add_skill(skill.clone()).is_ok() {
                added += 1;
            }
        }
        added
    }

    /// Adds the variants of `lexicon`'s skills to the skills of this taxonomy they link
    /// to (the first such link), so that "JS" finds ROME's "Programmation en JavaScript".
    /// A skill linked from a certification or a language takes that kind, so that
    /// ROME's "Permis de conduire catégorie B" reads its qualifiers as the lexicon's
    /// "Permis B" does. Returns how many skills gained surfaces.
    pub fn absorb_synonyms(&mut self, lexicon: &Taxonomy) -> usize {
        let mut enriched = 0;
        for source in lexicon.skills() {
            let Some(target) = source.links.iter().find_map(|id| self.skill_index(id)) else {
                continue;
            };
            let skill = self.skill_mut(target);
            if matches!(source.kind, SkillKind::Certification | SkillKind::Language) {
                skill.kind = source.kind;
            }
            let before = skill.surfaces.len();
            for surface in &source.surfaces {
                if !skill.surfaces.iter().any(|s| s.text == surface.text) {
                    skill.surfaces.push(surface.clone());
                }
            }
            if !skill.links.contains(&source.id) {
                skill.links.push(source.id.clone());
            }
            if skill.surfaces.len() > before {
                enriched += 1;
            }
        }
        enriched
    }

    /// A short description: name, version and counts.
    pub fn describe(&self) -> String {
        format!(
            "{} v{} ({} skills, {} occupations)",
            self.name,
            self.version,
            self.skills.len(),
            self.occupations.len()
        )
    }
}

/// Which taxonomy to load, as written on the command line:
/// `builtin`, `rome:DIR` or `esco:DIR`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaxonomySpec {
    /// Passerelle's own lexicon embedded in the binary.
    Builtin,
    /// A ROME 4.0 CSV export folder.
    Rome(PathBuf),
    /// An ESCO v1.2 CSV folder.
    Esco(PathBuf),
}

impl std::str::FromStr for TaxonomySpec {
    type Err = Error;

    fn from_str(text: &str) -> Result<TaxonomySpec> {
        match text.split_once(':') {
            None if text == "builtin" => Ok(TaxonomySpec::Builtin),
            Some(("rome", dir)) if !dir.is_empty() => Ok(TaxonomySpec::Rome(dir.into())),
            Some(("esco", dir)) if !dir.is_empty() => Ok(TaxonomySpec::Esco(dir.into())),
            _ => Err(Error::UnknownTaxonomy(text.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse() {
        assert_eq!(
            "builtin".parse::<TaxonomySpec>().unwrap(),
            TaxonomySpec::Builtin
        );
        assert_eq!(
            "rome:../x".parse::<TaxonomySpec>().unwrap(),
            TaxonomySpec::Rome("../x".into())
        );
        assert!("rome:".parse::<TaxonomySpec>().is_err());
        assert!("wiki:x".parse::<TaxonomySpec>().is_err());
    }

    #[test]
    fn duplicate_skill_ids_are_rejected() {
        let mut taxonomy = Taxonomy::new("t", "1");
        let skill = Skill {
            id: SkillId::passerelle("git"),
            label: "Git".into(),
            kind: SkillKind::Knowledge,
            family: None,
            surfaces: vec![],
            links: vec![],
            related: vec![],
        };
        taxonomy.add_skill(skill.clone()).unwrap();
        assert!(taxonomy.add_skill(skill).is_err());
    }
}
