//! Reader of the ESCO v1.2 CSV downloads in French (skills with preferred and
//! alternative labels, the skill collections, skill → skill relations).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tracing::info;

use super::table::Table;
use crate::model::SkillId;
use crate::taxonomy::{Skill, SkillKind, Surface, Taxonomy};
use crate::{Error, Result};

/// The collection files and the family their skills get.
const COLLECTIONS: &[(&str, &str)] = &[
    ("digital_skills_collection_fr.csv", "numérique"),
    ("transversal_skills_collection_fr.csv", "transversale"),
    ("digcomp_skills_collection_fr.csv", "digcomp"),
    ("language_skills_collection_fr.csv", "langues"),
    ("green_skills_collection_fr.csv", "verte"),
];

/// Loads an ESCO folder. The main skills file is `skills_fr.csv` (the official
/// download) or any `skills_*fr*.csv` with the columns `conceptUri`, `preferredLabel`,
/// `altLabels`; collections and relations are read when present.
pub fn read_esco(folder: &Path) -> Result<Taxonomy> {
    let main = find_skills_file(folder)?;
    let version = detect_version(folder);
    let mut taxonomy = Taxonomy::new("esco", version);
    let mut families: HashMap<String, (&str, SkillKind)> = HashMap::new();
    let mut extra: Vec<(String, String, String, SkillKind, &str)> = Vec::new();

    for (file, family) in COLLECTIONS {
        let path = folder.join(file);
        if !path.is_file() {
            continue;
        }
        Table::open_csv(&path, &["conceptUri", "preferredLabel", "altLabels"])?.for_each(
            |row| {
                let uri = row.require("conceptUri")?.to_string();
                let kind = kind_of(row.get("skillType"), row.get("reuseLevel"), family);
                families.insert(uri.clone(), (family, kind));
                extra.push((
                    uri,
                    row.get("preferredLabel").to_string(),
                    row.get("altLabels").to_string(),
                    kind,
                    family,
                ));
                Ok(())
            },
        )?;
    }

    Table::open_csv(&main, &["conceptUri", "preferredLabel", "altLabels"])?.for_each(|row| {
        let uri = row.require("conceptUri")?;
        let label = row.require("preferredLabel")?;
        let (family, kind) = families
            .get(uri)
            .map_or((None, None), |(f, k)| (Some(*f), Some(*k)));
        let kind = kind.unwrap_or_else(|| kind_of(row.get("skillType"), row.get("reuseLevel"), ""));
        taxonomy
            .add_skill(esco_skill(uri, label, row.get("altLabels"), kind, family))
            .map_err(|e| row.error(e.to_string()))?;
        Ok(())
    })?;
    // Skills that only a collection lists.
    for (uri, label, alt, kind, family) in extra {
        let id = SkillId::esco(&uri);
        if taxonomy.skill_index(&id).is_none() && !label.is_empty() {
            taxonomy.add_skill(esco_skill(&uri, &label, &alt, kind, Some(family)))?;
        }
    }

    let relations = folder.join("skill_skill_relations_fr.csv");
    if relations.is_file() {
        Table::open_csv(&relations, &["originalSkillUri", "relatedSkillUri"])?.for_each(|row| {
            let from = SkillId::esco(row.get("originalSkillUri"));
            let to = SkillId::esco(row.get("relatedSkillUri"));
            if let (Some(index), true) =
                (taxonomy.skill_index(&from), taxonomy.skill(&to).is_some())
            {
                taxonomy.skill_mut(index).related.push(to);
            }
            Ok(())
        })?;
    }
    info!(
        target: "engine::corpus",
        folder = %folder.display(),
        taxonomy = %taxonomy.describe(),
        "esco export loaded"
    );
    Ok(taxonomy)
}

fn esco_skill(uri: &str, label: &str, alt: &str, kind: SkillKind, family: Option<&str>) -> Skill {
    let mut surfaces = vec![Surface {
        text: label.to_string(),
        case_sensitive: false,
        contextual: false,
    }];
    // The official files separate alternative labels by line breaks, trimmed
    // exports by `|`.
    for alternative in alt.split(['\n', '|']).map(str::trim) {
        if !alternative.is_empty() && !surfaces.iter().any(|s| s.text == alternative) {
            surfaces.push(Surface {
                text: alternative.to_string(),
                case_sensitive: false,
                contextual: false,
            });
        }
    }
    Skill {
        id: SkillId::esco(uri),
        label: label.to_string(),
        kind,
        family: family.map(str::to_string),
        surfaces,
        links: Vec::new(),
        related: Vec::new(),
    }
}

fn kind_of(skill_type: &str, reuse_level: &str, family: &str) -> SkillKind {
    if family == "transversale" || reuse_level == "transversal" && skill_type != "knowledge" {
        SkillKind::Transversal
    } else if skill_type == "knowledge" {
        SkillKind::Knowledge
    } else {
        SkillKind::KnowHow
    }
}

fn find_skills_file(folder: &Path) -> Result<PathBuf> {
    let official = folder.join("skills_fr.csv");
    if official.is_file() {
        return Ok(official);
    }
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io(folder, e))?;
    let mut candidates: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with("skills_") && n.contains("fr") && n.ends_with(".csv")
            })
        })
        .collect();
    candidates.sort();
    candidates
        .into_iter()
        .next()
        .ok_or_else(|| Error::MissingFile {
            folder: folder.to_path_buf(),
            file: "skills_fr.csv".to_string(),
        })
}

/// The ESCO version, read from a README in the folder ("v1.2.1"), else "1.2".
fn detect_version(folder: &Path) -> String {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return "1.2".to_string();
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_lowercase();
        if !name.starts_with("readme") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        if let Some(position) = text.find("v1.") {
            let version: String = text[position + 1..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            return version.trim_end_matches('.').to_string();
        }
    }
    "1.2".to_string()
}
