//! Reader of Passerelle's own skill lexicon (`corpora/lexicon/<family>.tsv`), embedded
//! in the binary as the default taxonomy.
//!
//! Format: tab-separated, header `id label variants rome esco`; `variants`, `rome` and
//! `esco` hold `|`-separated lists; a variant written `=Go` matches only with that
//! exact letter case, one written `?permis` counts only when the text around it says
//! what it is (a licence category after "permis", a level or a language cue around
//! "italien"); a variant equal to the label with such a mark stands for the label.
//!
//! The file gives the kind of its skills: `transversales` savoir-être, `certifications`
//! certificates, licences, clearances and standards, `langues` languages, the others
//! knowledge. In `certifications`, the id says how a mention's qualifier is read (see
//! the extractor's `qualifier` module): `permis-<category>` are driving licences
//! (`permis-de-conduire` the licence whose category is not said), `caces` and
//! `caces-r<recommendation>` read categories, `habilitation-electrique` reads levels,
//! the others a score.

use std::path::Path;

use super::table::Table;
use crate::model::{RomeCode, SkillId};
use crate::taxonomy::{Occupation, Skill, SkillKind, Surface, Taxonomy};
use crate::{Error, Result};

/// Version of the authored lexicon; bump it when entries change meaning.
pub const LEXICON_VERSION: &str = "2";

/// The embedded lexicon files, as (family, text).
pub const LEXICON_FILES: &[(&str, &str)] = &[
    (
        "langages",
        include_str!("../../../corpora/lexicon/langages.tsv"),
    ),
    (
        "frameworks",
        include_str!("../../../corpora/lexicon/frameworks.tsv"),
    ),
    (
        "donnees_ia",
        include_str!("../../../corpora/lexicon/donnees_ia.tsv"),
    ),
    (
        "cloud_devops",
        include_str!("../../../corpora/lexicon/cloud_devops.tsv"),
    ),
    (
        "cybersecurite",
        include_str!("../../../corpora/lexicon/cybersecurite.tsv"),
    ),
    (
        "reseaux_systemes",
        include_str!("../../../corpora/lexicon/reseaux_systemes.tsv"),
    ),
    (
        "support_utilisateurs",
        include_str!("../../../corpora/lexicon/support_utilisateurs.tsv"),
    ),
    (
        "design_ux",
        include_str!("../../../corpora/lexicon/design_ux.tsv"),
    ),
    (
        "gestion_projet_agile",
        include_str!("../../../corpora/lexicon/gestion_projet_agile.tsv"),
    ),
    (
        "marketing_digital",
        include_str!("../../../corpora/lexicon/marketing_digital.tsv"),
    ),
    (
        "bureautique",
        include_str!("../../../corpora/lexicon/bureautique.tsv"),
    ),
    (
        "transversales",
        include_str!("../../../corpora/lexicon/transversales.tsv"),
    ),
    (
        "methodes_dev",
        include_str!("../../../corpora/lexicon/methodes_dev.tsv"),
    ),
    (
        "metiers_fonctions",
        include_str!("../../../corpora/lexicon/metiers_fonctions.tsv"),
    ),
    (
        "savoirs_metiers",
        include_str!("../../../corpora/lexicon/savoirs_metiers.tsv"),
    ),
    (
        "certifications",
        include_str!("../../../corpora/lexicon/certifications.tsv"),
    ),
    (
        "langues",
        include_str!("../../../corpora/lexicon/langues.tsv"),
    ),
];

/// The short savoirs of ROME 4.0, generated from the export (see [`super::savoirs`]).
const SAVOIRS: &str = include_str!("../../../corpora/lexicon/rome_savoirs.tsv");

/// The kind of the skills of a lexicon file.
fn kind_of_family(family: &str) -> SkillKind {
    match family {
        "transversales" => SkillKind::Transversal,
        "certifications" => SkillKind::Certification,
        "langues" => SkillKind::Language,
        _ => SkillKind::Knowledge,
    }
}

/// The digital métiers the built-in default classifies into: ROME code, official
/// label and the job titles postings use (`corpora/occupations.tsv`).
const OCCUPATIONS: &str = include_str!("../../../corpora/occupations.tsv");

/// The embedded lexicon as a taxonomy named `passerelle`: the authored entries, then
/// the short ROME savoirs they do not already cover, with the digital métiers.
pub fn builtin_lexicon() -> Result<Taxonomy> {
    let mut taxonomy = Taxonomy::new("passerelle", LEXICON_VERSION);
    for (family, text) in LEXICON_FILES {
        let path = Path::new("corpora/lexicon").join(format!("{family}.tsv"));
        parse_lexicon(&mut taxonomy, family, &path, text.as_bytes())?;
    }
    super::savoirs::add_savoirs(
        &mut taxonomy,
        Path::new("corpora/lexicon/rome_savoirs.tsv"),
        SAVOIRS,
    )?;
    parse_occupations(
        &mut taxonomy,
        Path::new("corpora/occupations.tsv"),
        OCCUPATIONS.as_bytes(),
    )?;
    Ok(taxonomy)
}

/// The digital métiers of `corpora/occupations.tsv`: ROME code and label.
pub fn digital_occupations() -> Vec<(RomeCode, String)> {
    OCCUPATIONS
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut columns = line.split('\t');
            let code = RomeCode::parse(columns.next()?).ok()?;
            Some((code, columns.next()?.trim().to_string()))
        })
        .collect()
}

/// Reads an occupations table (`code label titles`, titles `|`-separated).
pub fn parse_occupations(taxonomy: &mut Taxonomy, path: &Path, text: &[u8]) -> Result<()> {
    let reader = Box::new(std::io::Cursor::new(text.to_vec()));
    let table = Table::from_reader(path, reader, b'\t', &["code", "label", "titles"])?;
    table.for_each(|row| {
        let code = RomeCode::parse(row.require("code")?).map_err(|e| row.error(e.to_string()))?;
        taxonomy.add_occupation(Occupation {
            appellations: split_list(row.get("titles")).map(str::to_string).collect(),
            ..Occupation::new(code, row.require("label")?)
        });
        Ok(())
    })
}

/// Reads one lexicon file into `taxonomy`; `path` names it in errors.
pub fn parse_lexicon(
    taxonomy: &mut Taxonomy,
    family: &str,
    path: &Path,
    text: &[u8],
) -> Result<()> {
    let reader = Box::new(std::io::Cursor::new(text.to_vec()));
    let table = Table::from_reader(
        path,
        reader,
        b'\t',
        &["id", "label", "variants", "rome", "esco"],
    )?;
    table.for_each(|row| {
        let slug = row.require("id")?;
        if !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(row.error(format!("id {slug:?} is not a lowercase ascii slug")));
        }
        let label = row.require("label")?;
        let mut surfaces = Vec::new();
        for variant in split_list(row.get("variants")) {
            let (text, contextual) = match variant.strip_prefix('?') {
                Some(rest) => (rest, true),
                None => (variant, false),
            };
            let (text, case_sensitive) = match text.strip_prefix('=') {
                Some(exact) => (exact, true),
                None => (text, false),
            };
            if text.is_empty() {
                return Err(row.error("empty variant".to_string()));
            }
            surfaces.push(Surface {
                text: text.to_string(),
                case_sensitive,
                contextual,
            });
        }
        // The label comes first (the matcher calls it preferred); a marked variant equal
        // to it stands for it.
        match surfaces.iter().position(|s| s.text == label) {
            Some(position) => surfaces[..=position].rotate_right(1),
            None => surfaces.insert(
                0,
                Surface {
                    text: label.to_string(),
                    case_sensitive: false,
                    contextual: false,
                },
            ),
        }
        let mut links: Vec<SkillId> = Vec::new();
        for code in split_list(row.get("rome")) {
            if !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.error(format!("rome code_ogr {code:?} is not numeric")));
            }
            links.push(SkillId::rome(code));
        }
        for uri in split_list(row.get("esco")) {
            if !uri.starts_with("http://data.europa.eu/esco/") {
                return Err(row.error(format!("esco uri {uri:?} is not an ESCO concept uri")));
            }
            links.push(SkillId::esco(uri));
        }
        let kind = kind_of_family(family);
        taxonomy
            .add_skill(Skill {
                id: SkillId::passerelle(slug),
                label: label.to_string(),
                kind,
                family: Some(family.to_string()),
                surfaces,
                links,
                related: Vec::new(),
            })
            .map_err(|e: Error| row.error(e.to_string()))?;
        Ok(())
    })
}

fn split_list(value: &str) -> impl Iterator<Item = &str> {
    value.split('|').map(str::trim).filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digital_occupations_are_read_whole() {
        let occupations = digital_occupations();
        assert_eq!(occupations.len(), OCCUPATIONS.lines().count() - 1);
        assert!(occupations.iter().any(|(code, _)| code.as_str() == "M1805"));
    }

    #[test]
    fn parses_variants_and_case_sensitive_forms() {
        let mut taxonomy = Taxonomy::new("t", "1");
        let text = "id\tlabel\tvariants\trome\tesco\ngo\tGo\t=Go|Golang\t\t\njs\tJavaScript\tJS\t102789\t\n";
        parse_lexicon(
            &mut taxonomy,
            "langages",
            Path::new("x.tsv"),
            text.as_bytes(),
        )
        .unwrap();
        let go = taxonomy.skill(&SkillId::passerelle("go")).unwrap();
        assert_eq!(go.surfaces.len(), 2);
        assert!(go.surfaces[0].case_sensitive);
        assert_eq!(go.surfaces[0].text, "Go");
        assert_eq!(go.kind, SkillKind::Knowledge);
        let js = taxonomy.skill(&SkillId::passerelle("js")).unwrap();
        assert_eq!(js.links, vec![SkillId::rome("102789")]);
    }

    #[test]
    fn contextual_forms_and_kinds_per_file() {
        let mut taxonomy = Taxonomy::new("t", "1");
        let text =
            "id\tlabel\tvariants\trome\tesco\nitalien\tItalien\tlangue italienne|?Italien\t\t\n";
        parse_lexicon(
            &mut taxonomy,
            "langues",
            Path::new("x.tsv"),
            text.as_bytes(),
        )
        .unwrap();
        let italien = taxonomy.skill(&SkillId::passerelle("italien")).unwrap();
        assert_eq!(italien.kind, SkillKind::Language);
        let forms: Vec<(&str, bool)> = italien
            .surfaces
            .iter()
            .map(|s| (s.text.as_str(), s.contextual))
            .collect();
        assert_eq!(forms, [("Italien", true), ("langue italienne", false)]);
    }

    #[test]
    fn bad_rows_name_their_line() {
        let mut taxonomy = Taxonomy::new("t", "1");
        let text = "id\tlabel\tvariants\trome\tesco\nok\tOk\t\t\t\nBad Id\tX\t\t\t\n";
        let error = parse_lexicon(&mut taxonomy, "f", Path::new("f.tsv"), text.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(error.contains("f.tsv: line 3"), "{error}");
    }

    #[test]
    fn missing_column_is_named() {
        let mut taxonomy = Taxonomy::new("t", "1");
        let text = "id\tlabel\tvariants\trome\nx\tX\t\t\n";
        let error = parse_lexicon(&mut taxonomy, "f", Path::new("f.tsv"), text.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(error.contains("missing column esco"), "{error}");
    }
}
