//! The short savoirs of ROME 4.0 as a compact file of the default lexicon
//! (`corpora/lexicon/rome_savoirs.tsv`): the fields of knowledge, techniques, methods,
//! standards, tools and materials the référentiel names in one to three words
//! ("Electrotechnique", "Génie électrique", "Contrôle qualité", "Plomberie"), which give
//! the built-in lexicon the breadth of the trades beyond digital ones.
//!
//! [`compact_savoirs`] selects them from the ROME 4.0 export and writes the file (a
//! test regenerates it from `../shared/data/rome_v460` and compares);
//! [`add_savoirs`] reads the shipped file into the built-in taxonomy. ROME 4.0 is
//! published by France Travail under the Licence Ouverte / Etalab 2.0, which allows
//! redistribution with attribution; the file's header gives it.

use std::collections::HashSet;
use std::path::Path;

use super::rome::RomeFiles;
use crate::model::SkillId;
use crate::taxonomy::{Skill, SkillKind, Surface, Taxonomy};
use crate::text;
use crate::{Error, Result};

/// The lexicon family of the savoirs.
pub const SAVOIRS_FAMILY: &str = "savoirs_rome";

/// Savoirs of at most this many words are kept: longer labels ("Techniques de
/// soudure pour applications marines") are descriptions more than names, and are
/// almost never written as such in an offer.
const MAX_WORDS: usize = 3;

/// Sub-categories left out: languages (a certification in this project's kinds, read
/// elsewhere), and the products, foods, animals and art objects a trade handles, whose
/// names ("Meubles", "Sacs", "Oiseaux") name things far more often than a skill.
const EXCLUDED_SUBCATEGORIES: &[&str] = &[
    "Langues",
    "Produits finis, services",
    "Aliments et spécialités culinaires",
    "Animaux, végétaux",
    "Objets d'art",
];

/// Savoirs whose label, in an offer, most often means something else: a sector, a
/// department or a place ("Industrie", "Restauration", "Presse", "Informatique" in
/// "service informatique"), an everyday word or a name ("Son", "Cycle", "Pascal",
/// "Arnold", "Maya"), a single letter ("C", left to the lexicon's case-sensitive
/// form), a vehicle or object named in passing ("Moto", "Taxi", "Batteries"). Compared
/// after folding (lowercase, no accents).
const AMBIGUOUS: &[&str] = &[
    "ada",
    "apache",
    "architecture",
    "arnold",
    "assurances",
    "basic",
    "batteries",
    "bicyclette",
    "c",
    "cadencier",
    "camping-car",
    "chorus",
    "comedie",
    "contes",
    "cor",
    "cycle",
    "design",
    "disques",
    "decoration",
    "e-commerce",
    "economie",
    "ecologie",
    "fiacre",
    "figurines",
    "finance",
    "flash",
    "histoire",
    "horloges",
    "industrie",
    "informatique",
    "maya",
    "medias",
    "meubles",
    "moto",
    "nautisme",
    "painter",
    "pascal",
    "pendules",
    "peche",
    "presse",
    "prevention",
    "quad",
    "recrutement",
    "restauration",
    "reveils",
    "robot",
    "routage",
    "sacs",
    "side-car",
    "son",
    "taxi",
    "technologie",
    "theatre",
    "trolleybus",
    "velomoteur",
    "vidange",
    // Several words, but said of the company or its departments far more often than
    // of a skill.
    "gestion des ressources",
    "informatique de gestion",
    "systemes d'information",
    "systeme d'information",
];

/// The shipped file's first lines: what it is, where it comes from, its licence.
const HEADER: &str = "\
# Short savoirs of ROME 4.0 (France Travail, ROME 4.0 v4xx, Licence Ouverte / Etalab 2.0).
# Generated from the ROME 4.0 CSV export by engine/src/corpus/savoirs.rs; regenerate with
# PASSERELLE_WRITE_SAVOIRS=1 cargo test -p passerelle-tests shipped_savoirs. Do not edit.
code_ogr\tlibelle
";

/// Selects the short savoirs of a ROME 4.0 export folder and writes them as the
/// compact file (header, then `code_ogr<TAB>libellé` by code), one line per distinct
/// folded label, the smallest code kept.
pub fn compact_savoirs(folder: &Path) -> Result<String> {
    let files = RomeFiles::locate(folder)?;
    let mut selected: Vec<(u64, String)> = Vec::new();
    files
        .open(
            "referentiel_savoir",
            &[
                "code_ogr_savoir",
                "libelle_savoir",
                "categorie_savoir",
                "sous_categorie_savoir",
            ],
        )?
        .for_each(|row| {
            let code = row.require("code_ogr_savoir")?;
            let code: u64 = code
                .parse()
                .map_err(|_| row.error(format!("code_ogr {code:?} is not numeric")))?;
            let label = row.require("libelle_savoir")?.trim();
            if row.get("categorie_savoir").starts_with("Certifications")
                || EXCLUDED_SUBCATEGORIES.contains(&row.get("sous_categorie_savoir"))
                || !is_short_name(label)
                || AMBIGUOUS.contains(&text::fold(label).as_str())
            {
                return Ok(());
            }
            selected.push((code, label.to_string()));
            Ok(())
        })?;
    selected.sort();
    let mut seen = HashSet::new();
    let mut out = HEADER.replace("v4xx", &format!("v{}", files.version()));
    for (code, label) in selected {
        if seen.insert(text::fold(&label)) {
            out.push_str(&format!("{code}\t{label}\n"));
        }
    }
    Ok(out)
}

/// A label that names something in a few words: at most [`MAX_WORDS`] words, no list
/// or aside (commas, brackets, slashes, colons), at least two letters.
fn is_short_name(label: &str) -> bool {
    label.split_whitespace().count() <= MAX_WORDS
        && !label.contains(['(', ')', ',', ';', ':', '/'])
        && label.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Adds the savoirs of the compact file `text` (`path` names it in errors) to
/// `taxonomy` as skills `passerelle:rome-<code_ogr>` linked to `rome:<code_ogr>`,
/// except those the taxonomy already has: a savoir linked from an entry, or whose
/// label an entry already writes. Returns how many were added.
pub(super) fn add_savoirs(taxonomy: &mut Taxonomy, path: &Path, text: &str) -> Result<usize> {
    let mut linked: HashSet<SkillId> = HashSet::new();
    let mut written: HashSet<String> = HashSet::new();
    for skill in taxonomy.skills() {
        linked.extend(skill.links.iter().cloned());
        written.extend(skill.surfaces.iter().map(|s| text::fold(&s.text)));
    }
    let mut added = 0;
    for (index, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() || line == "code_ogr\tlibelle" {
            continue;
        }
        let fail = |message: String| Error::Format {
            path: path.to_path_buf(),
            line: index as u64 + 1,
            message,
        };
        let (code, label) = line
            .split_once('\t')
            .ok_or_else(|| fail("expected code_ogr<TAB>libellé".to_string()))?;
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) || label.is_empty() {
            return Err(fail(format!("bad savoir line {line:?}")));
        }
        let link = SkillId::rome(code);
        if linked.contains(&link) || !written.insert(text::fold(label)) {
            continue;
        }
        taxonomy
            .add_skill(Skill {
                id: SkillId::passerelle(&format!("rome-{code}")),
                label: label.to_string(),
                kind: SkillKind::Knowledge,
                family: Some(SAVOIRS_FAMILY.to_string()),
                surfaces: vec![Surface {
                    text: label.to_string(),
                    case_sensitive: false,
                    contextual: false,
                }],
                links: vec![link],
                related: Vec::new(),
            })
            .map_err(|e| fail(e.to_string()))?;
        added += 1;
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_a_few_words_without_lists() {
        assert!(is_short_name("Electrotechnique"));
        assert!(is_short_name("Lecture de plans"));
        assert!(is_short_name("Génie électrique"));
        assert!(!is_short_name("Gestion de la paie des salariés"));
        assert!(!is_short_name(
            "Techniques de soudure pour applications marines"
        ));
        assert!(!is_short_name(
            "Utilisation d'engins (transpalette, diable)"
        ));
        assert!(!is_short_name("C"));
    }

    #[test]
    fn savoirs_are_added_once_and_after_the_lexicon() {
        let mut taxonomy = Taxonomy::new("t", "1");
        taxonomy
            .add_skill(Skill {
                id: SkillId::passerelle("java"),
                label: "Java".into(),
                kind: SkillKind::Knowledge,
                family: None,
                surfaces: vec![Surface {
                    text: "Java".into(),
                    case_sensitive: false,
                    contextual: false,
                }],
                links: vec![SkillId::rome("109870")],
                related: vec![],
            })
            .unwrap();
        let file = "# header\ncode_ogr\tlibelle\n109870\tJava\n117691\tÉlectrotechnique\n117692\tElectrotechnique\n120000\tPlomberie\n";
        let added = add_savoirs(&mut taxonomy, Path::new("s.tsv"), file).unwrap();
        // Java is linked from the lexicon; the second spelling folds to the first.
        assert_eq!(added, 2);
        let skill = taxonomy.skill(&SkillId::passerelle("rome-120000")).unwrap();
        assert_eq!(skill.links, vec![SkillId::rome("120000")]);
        assert_eq!(skill.family.as_deref(), Some(SAVOIRS_FAMILY));
        let error = add_savoirs(&mut taxonomy, Path::new("s.tsv"), "12x\tBad\n").unwrap_err();
        assert!(error.to_string().contains("s.tsv: line 1"), "{error}");
    }
}
