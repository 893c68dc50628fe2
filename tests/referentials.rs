//! Readers of the real référentiels: ROME 4.0 CSV export, ESCO v1.2 CSV, and the links
//! of the built-in lexicon into both.
//!
//! Properties pinned down:
//! - the ROME export loads whole: 1,584 métiers, appellations, items, core links,
//!   mobility and parent fiches;
//! - a ROME folder with a missing file or column fails with an error naming it;
//! - ESCO loads all skills with their alternative labels and relations;
//! - every ROME code and ESCO URI the lexicon links to exists;
//! - the shipped short savoirs are those selected from the ROME export.

use std::path::Path;

use passerelle_engine::{RomeCode, SkillId, SkillKind, builtin_lexicon, read_esco, read_rome};
use passerelle_tests::with_shared_data;

#[test]
fn rome_export_loads_whole() {
    with_shared_data!(data => {
        let rome = read_rome(&data.join("rome_v460")).unwrap();
        assert_eq!(rome.name, "rome");
        assert_eq!(rome.version, "4.0 v460");
        assert_eq!(rome.occupations().len(), 1584);
        let m1805 = rome.occupation(&RomeCode::parse("M1805").unwrap()).unwrap();
        assert_eq!(m1805.label, "Développeur / Développeuse informatique");
        assert!(m1805.appellations.len() >= 15, "{}", m1805.appellations.len());
        assert!(m1805.skills.iter().any(|s| s.core));
        // Items inherited from ROME v3 and items created with 4.0 are told apart;
        // macro-compétences (all created with 4.0) are never "recent".
        let recent = |code: &str| {
            let skill = rome.skill_index(&SkillId::rome(code)).unwrap();
            m1805.skills.iter().find(|s| s.skill == skill).map(|s| s.recent)
        };
        assert!(m1805.skills.iter().any(|s| s.recent));
        assert!(m1805.skills.iter().any(|s| !s.recent));
        assert!(m1805.skills.iter().filter(|s| s.recent).all(|s| !rome
            .skill_at(s.skill)
            .family
            .as_deref()
            .unwrap_or("")
            .starts_with("Macro")));
        assert_eq!(recent("109846"), Some(false), "Concevoir une application web");
        assert_eq!(recent("400192"), Some(true), "Optimiser les processus de qualité…");
        assert!(!m1805.definition.is_empty());
        assert!(!m1805.mobility.is_empty());
        assert_eq!(m1805.domain.as_deref(), Some("Systèmes d'information et de télécommunication"));
        assert!(m1805.grand_domain.is_some());
        let m1855 = rome.occupation(&RomeCode::parse("M1855").unwrap()).unwrap();
        assert_eq!(m1855.parent.map(|c| c.to_string()).as_deref(), Some("M1805"));
        // Items: savoir-faire, savoirs and savoir-être, work contexts excluded.
        let javascript = rome.skill(&SkillId::rome("102789")).unwrap();
        assert_eq!(javascript.label, "Programmation en JavaScript");
        assert_eq!(javascript.kind, SkillKind::Knowledge);
        assert_eq!(rome.skill(&SkillId::rome("300460")).unwrap().kind, SkillKind::Transversal);
        assert!(rome.skill(&SkillId::rome("403962")).is_none(), "work context loaded as a skill");
        assert!(rome.skills().len() > 30_000);
    });
}

#[test]
fn rome_export_with_missing_file_or_column_is_named() {
    with_shared_data!(data => {
        let source = data.join("rome_v460");
        let scratch = std::env::temp_dir().join(format!("passerelle-rome-{}", std::process::id()));
        std::fs::create_dir_all(&scratch).unwrap();
        for entry in std::fs::read_dir(&source).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name();
            if name.to_string_lossy().contains("coherence_item") {
                continue;
            }
            std::fs::copy(entry.path(), scratch.join(&name)).unwrap();
        }
        let error = read_rome(&scratch).unwrap_err().to_string();
        assert!(error.contains("missing file unix_coherence_item_v460_utf8.csv"), "{error}");

        let appellations = scratch.join("unix_referentiel_appellation_v460_utf8.csv");
        std::fs::write(&appellations, "\"code_ogr\",\"code_rome\"\n\"1\",\"M1805\"\n").unwrap();
        let coherence = scratch.join("unix_coherence_item_v460_utf8.csv");
        std::fs::copy(source.join("unix_coherence_item_v460_utf8.csv"), &coherence).unwrap();
        let error = read_rome(&scratch).unwrap_err().to_string();
        assert!(error.contains("missing column libelle_appellation_long"), "{error}");
        std::fs::remove_dir_all(&scratch).unwrap();
    });
}

#[test]
fn unknown_folder_is_an_error_not_a_panic() {
    let error = read_rome(Path::new("/nonexistent/rome"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("/nonexistent/rome"), "{error}");
    let error = read_esco(Path::new("/nonexistent/esco"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("/nonexistent/esco"), "{error}");
}

#[test]
fn esco_loads_skills_labels_and_relations() {
    with_shared_data!(data => {
        let esco = read_esco(&data.join("esco_fr")).unwrap();
        assert_eq!(esco.name, "esco");
        assert!(esco.version.starts_with("1.2"), "{}", esco.version);
        assert!(esco.skills().len() >= 13_000, "{}", esco.skills().len());
        let with_alternatives = esco.skills().iter().filter(|s| s.surfaces.len() > 1).count();
        assert!(with_alternatives > 1_000, "{with_alternatives}");
        let related = esco.skills().iter().filter(|s| !s.related.is_empty()).count();
        assert!(related > 1_000, "{related}");
        let transversal = esco.skills().iter().filter(|s| s.kind == SkillKind::Transversal).count();
        assert!(transversal > 50, "{transversal}");
    });
}

#[test]
fn lexicon_links_exist_in_rome_and_esco() {
    with_shared_data!(data => {
        let lexicon = builtin_lexicon().unwrap();
        assert!(lexicon.skills().len() >= 600, "{}", lexicon.skills().len());
        let rome = read_rome(&data.join("rome_v460")).unwrap();
        let esco = read_esco(&data.join("esco_fr")).unwrap();
        let mut checked = 0;
        for skill in lexicon.skills() {
            for link in &skill.links {
                let known = match link.as_str().split_once(':') {
                    Some(("rome", _)) => rome.skill(link).is_some(),
                    Some(("esco", _)) => esco.skill(link).is_some(),
                    _ => false,
                };
                assert!(known, "{} links to unknown {link}", skill.id);
                checked += 1;
            }
        }
        assert!(checked > 300, "{checked}");
    });
}

/// The short savoirs shipped in `corpora/lexicon/rome_savoirs.tsv` are those
/// `compact_savoirs` selects from the ROME export: the test regenerates the file and
/// compares. `PASSERELLE_WRITE_SAVOIRS=1` rewrites it.
#[test]
fn shipped_savoirs_are_the_short_savoirs_of_the_rome_export() {
    with_shared_data!(data => {
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpora/lexicon/rome_savoirs.tsv");
        let generated = passerelle_engine::compact_savoirs(&data.join("rome_v460")).unwrap();
        if std::env::var_os("PASSERELLE_WRITE_SAVOIRS").is_some() {
            std::fs::write(&shipped, &generated).unwrap();
        }
        let written = std::fs::read_to_string(&shipped).unwrap();
        assert!(written == generated, "{} differs from the regenerated savoirs", shipped.display());
        let lines = generated.lines().filter(|l| !l.starts_with('#')).count();
        assert!((1500..5000).contains(&lines), "{lines} savoirs");
        assert!(generated.contains("\tElectrotechnique\n"));
        assert!(generated.contains("\tGénie électrique\n"));
        // Languages are certifications, read elsewhere; ambiguous words stay out.
        assert!(!generated.contains("\tAllemand\n"));
        assert!(!generated.contains("\tIndustrie\n"));
        assert!(generated.contains("Licence Ouverte"));
        // Every shipped savoir links to a real ROME item.
        let rome = read_rome(&data.join("rome_v460")).unwrap();
        let lexicon = builtin_lexicon().unwrap();
        let savoirs: Vec<_> = lexicon
            .skills()
            .iter()
            .filter(|s| s.family.as_deref() == Some(passerelle_engine::SAVOIRS_FAMILY))
            .collect();
        assert!(savoirs.len() * 2 > lines, "{} of {lines} savoirs loaded", savoirs.len());
        assert!(savoirs.iter().all(|s| s.links.iter().all(|l| rome.skill(l).is_some())));
    });
}
