//! Reader of the ROME 4.0 "toutes les données (CSV)" export published by France Travail
//! (`unix_*_v4xx_utf8.csv`), into a [`Taxonomy`] of items and métiers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tracing::info;

use super::table::Table;
use crate::model::{RomeCode, SkillId};
use crate::taxonomy::{Occupation, OccupationSkill, Skill, SkillKind, Surface, Taxonomy};
use crate::{Error, Result};

/// The files of the export, found whatever their version suffix (`_v460_utf8.csv`).
#[derive(Debug)]
pub(super) struct RomeFiles {
    folder: PathBuf,
    version: String,
}

impl RomeFiles {
    pub(super) fn locate(folder: &Path) -> Result<RomeFiles> {
        let entries = std::fs::read_dir(folder).map_err(|e| Error::io(folder, e))?;
        let mut version = None;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(folder, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(rest) = name.strip_prefix("unix_referentiel_code_rome_v")
                && let Some(found) = rest.strip_suffix("_utf8.csv")
            {
                version = Some(found.to_string());
            }
        }
        let version = version.ok_or_else(|| Error::MissingFile {
            folder: folder.to_path_buf(),
            file: "unix_referentiel_code_rome_v*_utf8.csv".to_string(),
        })?;
        Ok(RomeFiles {
            folder: folder.to_path_buf(),
            version,
        })
    }

    fn path(&self, name: &str) -> Result<PathBuf> {
        let file = format!("unix_{name}_v{}_utf8.csv", self.version);
        let path = self.folder.join(&file);
        if !path.is_file() {
            return Err(Error::MissingFile {
                folder: self.folder.clone(),
                file,
            });
        }
        Ok(path)
    }

    /// The export's version suffix, e.g. `460`.
    pub(super) fn version(&self) -> &str {
        &self.version
    }

    pub(super) fn open(&self, name: &str, required: &[&str]) -> Result<Table> {
        Table::open_csv(&self.path(name)?, required)
    }
}

/// The first `code_ogr` of the items created with ROME 4.0: compétences and savoirs
/// inherited from ROME v3 are numbered 100000 to 146000, the new ones from 400000.
const RECENT_ITEM_CODE: u32 = 200_000;

/// Loads a ROME 4.0 export folder: every item (compétences, savoirs, savoir-être) as a
/// skill `rome:<code_ogr>`, every métier with its appellations, linked items
/// (`coeur_metier` kept), definition texts, domain and mobility links.
pub fn read_rome(folder: &Path) -> Result<Taxonomy> {
    let files = RomeFiles::locate(folder)?;
    let mut taxonomy = Taxonomy::new("rome", format!("4.0 v{}", files.version));

    // Competence and savoir tables give each item its kind and category.
    let mut kinds: HashMap<String, (SkillKind, String, Option<String>)> = HashMap::new();
    files
        .open(
            "referentiel_competence",
            &[
                "code_ogr",
                "nature",
                "libelle_competence",
                "cat_comp",
                "sous_cat_comp",
                "code_ogr_macro_comp",
            ],
        )?
        .for_each(|row| {
            let kind = if row.get("cat_comp").starts_with("Savoir-être") {
                SkillKind::Transversal
            } else {
                SkillKind::KnowHow
            };
            let macro_code = Some(row.get("code_ogr_macro_comp"))
                .filter(|c| !c.is_empty())
                .map(str::to_string);
            kinds.insert(
                row.require("code_ogr")?.to_string(),
                (
                    kind,
                    format!("{}/{}", row.get("nature"), row.get("sous_cat_comp")),
                    macro_code,
                ),
            );
            Ok(())
        })?;
    files
        .open(
            "referentiel_savoir",
            &["code_ogr_savoir", "categorie_savoir"],
        )?
        .for_each(|row| {
            kinds.insert(
                row.require("code_ogr_savoir")?.to_string(),
                (
                    SkillKind::Knowledge,
                    format!("Savoir/{}", row.get("categorie_savoir")),
                    None,
                ),
            );
            Ok(())
        })?;

    // Work contexts ("Sur chantier", "Travail le samedi", "Particuliers") are items too,
    // but not skills.
    let mut contexts: std::collections::HashSet<String> = std::collections::HashSet::new();
    files
        .open("referentiel_contexte_travail", &["code_ogr"])?
        .for_each(|row| {
            contexts.insert(row.require("code_ogr")?.to_string());
            Ok(())
        })?;
    files
        .open("item", &["code_ogr", "libelle", "code_rubrique"])?
        .for_each(|row| {
            let code = row.require("code_ogr")?;
            if contexts.contains(code) {
                return Ok(());
            }
            let label = row.require("libelle")?;
            let (kind, family, macro_code) = kinds.remove(code).unwrap_or_else(|| {
                // Items outside both tables are the savoir-être of the "qualités
                // professionnelles" list (rubrique empty) or macro-compétences.
                let kind = if row.get("code_rubrique") == "3" {
                    SkillKind::Knowledge
                } else {
                    SkillKind::Transversal
                };
                (kind, String::new(), None)
            });
            taxonomy
                .add_skill(Skill {
                    id: SkillId::rome(code),
                    label: label.to_string(),
                    kind,
                    family: Some(family).filter(|f| !f.is_empty()),
                    surfaces: vec![Surface {
                        text: label.to_string(),
                        case_sensitive: false,
                        contextual: false,
                    }],
                    links: Vec::new(),
                    related: macro_code.iter().map(|c| SkillId::rome(c)).collect(),
                })
                .map_err(|e| row.error(e.to_string()))?;
            Ok(())
        })?;

    // Métiers, then everything that hangs off them.
    let mut metiers: Vec<Occupation> = Vec::new();
    let mut position: HashMap<RomeCode, usize> = HashMap::new();
    files
        .open(
            "referentiel_code_rome",
            &["code_rome", "libelle_rome", "code_rome_parent"],
        )?
        .for_each(|row| {
            let code = parse_code(row.get("code_rome"), row)?;
            let parent = match row.get("code_rome_parent") {
                "" => None,
                text => Some(parse_code(text, row)?).filter(|p| *p != code),
            };
            position.insert(code, metiers.len());
            metiers.push(Occupation {
                parent,
                ..Occupation::new(code, row.require("libelle_rome")?)
            });
            Ok(())
        })?;
    let metier_of = |code: &str, row: &super::table::Row<'_>| -> Result<Option<usize>> {
        let code = parse_code(code, row)?;
        Ok(position.get(&code).copied())
    };

    files
        .open(
            "referentiel_appellation",
            &[
                "code_ogr",
                "libelle_appellation_long",
                "libelle_appellation_court",
                "code_rome",
            ],
        )?
        .for_each(|row| {
            if let Some(i) = metier_of(row.get("code_rome"), row)? {
                let long = row.require("libelle_appellation_long")?;
                let short = row.get("libelle_appellation_court");
                metiers[i].appellations.push(long.to_string());
                if !short.is_empty() && short != long {
                    metiers[i].appellations.push(short.to_string());
                }
            }
            Ok(())
        })?;

    files
        .open("coherence_item", &["code_rome", "code_ogr", "coeur_metier"])?
        .for_each(|row| {
            let Some(i) = metier_of(row.get("code_rome"), row)? else {
                return Ok(());
            };
            let code = row.require("code_ogr")?;
            let id = SkillId::rome(code);
            if let Some(skill) = taxonomy.skill_index(&id) {
                let family = taxonomy.skill_at(skill).family.as_deref().unwrap_or("");
                metiers[i].skills.push(OccupationSkill {
                    skill,
                    recent: !family.starts_with("Macro")
                        && code.parse::<u32>().is_ok_and(|c| c >= RECENT_ITEM_CODE),
                    core: !row.get("coeur_metier").is_empty(),
                    emerging: row.get("coeur_metier").starts_with("\u{c9}mergente")
                        || row.get("coeur_metier").starts_with("E\u{301}mergente"),
                });
            }
            Ok(())
        })?;

    let mut mobility: Vec<(usize, u32, RomeCode)> = Vec::new();
    files
        .open(
            "rubrique_mobilite",
            &["code_rome", "code_rome_cible", "numero_ordre"],
        )?
        .for_each(|row| {
            if let Some(i) = metier_of(row.get("code_rome"), row)? {
                let target = parse_code(row.get("code_rome_cible"), row)?;
                let order = row.get("numero_ordre").parse().unwrap_or(u32::MAX);
                mobility.push((i, order, target));
            }
            Ok(())
        })?;
    mobility.sort_by_key(|(i, order, target)| (*i, *order, *target));
    for (i, _, target) in mobility {
        metiers[i].mobility.push(target);
    }

    files
        .open(
            "cr_gd_dp",
            &[
                "code_rome",
                "libelle_domaine_professionel",
                "libelle_grand_domaine",
            ],
        )?
        .for_each(|row| {
            if let Some(i) = metier_of(row.get("code_rome"), row)? {
                let label = |column| Some(row.get(column).to_string()).filter(|l| !l.is_empty());
                metiers[i].domain = label("libelle_domaine_professionel");
                metiers[i].grand_domain = label("libelle_grand_domaine");
            }
            Ok(())
        })?;

    let mut sentences: Vec<(usize, u32, String)> = Vec::new();
    files
        .open(
            "texte",
            &[
                "code_rome",
                "libelle_type_texte",
                "position_phrase",
                "libelle_texte",
            ],
        )?
        .for_each(|row| {
            let wanted = matches!(row.get("libelle_type_texte"), "definition" | "acces_metier");
            if wanted && let Some(i) = metier_of(row.get("code_rome"), row)? {
                let order = row.get("position_phrase").parse().unwrap_or(u32::MAX);
                sentences.push((i, order, row.get("libelle_texte").to_string()));
            }
            Ok(())
        })?;
    sentences.sort_by_key(|(i, order, _)| (*i, *order));
    for (i, _, sentence) in sentences {
        let definition = &mut metiers[i].definition;
        if !definition.is_empty() {
            definition.push('\n');
        }
        definition.push_str(&sentence);
    }

    for metier in metiers {
        taxonomy.add_occupation(metier);
    }
    info!(
        target: "engine::corpus",
        folder = %folder.display(),
        taxonomy = %taxonomy.describe(),
        "rome export loaded"
    );
    Ok(taxonomy)
}

fn parse_code(text: &str, row: &super::table::Row<'_>) -> Result<RomeCode> {
    RomeCode::parse(text).map_err(|e| row.error(e.to_string()))
}
