//! Fuzz target: the ROME 4.0 CSV export through `read_rome`.
//!
//! `read_rome` reads a folder of ten files, so the first byte of the input picks one of
//! them and the rest becomes its contents; the nine others keep small valid contents
//! (two métiers, five items and the links between them) so that the fuzzed file meets
//! real cross-references. The folder is written once per process, in the temporary
//! directory, and the fuzzed file is put back after each run.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use passerelle_engine::read_rome;

/// Each file of the export `read_rome` opens, with valid contents in the real layout
/// (quoted fields, extra columns); the order is the selector byte's (modulo 10).
const FILES: [(&str, &str); 10] = [
    (
        "referentiel_code_rome",
        "\"code_rome\",\"code_ogr\",\"libelle_rome\",\"code_rome_parent\"\n\
         \"M1805\",\"10\",\"Développeur / Développeuse informatique\",\"M1805\"\n\
         \"M1855\",\"11\",\"Développeur / Développeuse web\",\"M1805\"\n",
    ),
    (
        "referentiel_competence",
        "\"code_ogr\",\"nature\",\"libelle_competence\",\"code_ogr_macro_comp\",\"cat_comp\",\"sous_cat_comp\"\n\
         \"100001\",\"Compétence\",\"Développer une application\",\"300001\",\"Savoir-faire\",\"Technique\"\n\
         \"100002\",\"Compétence\",\"Travailler en équipe\",\"\",\"Savoir-être professionnel\",\"Relationnel\"\n",
    ),
    (
        "referentiel_savoir",
        "\"code_ogr_savoir\",\"libelle_savoir\",\"categorie_savoir\"\n\
         \"100003\",\"Programmation en JavaScript\",\"Techniques professionnelles\"\n",
    ),
    (
        "referentiel_contexte_travail",
        "\"code_ogr\",\"libelle_cont_travail\"\n\"100004\",\"Travail en open space\"\n",
    ),
    (
        "item",
        "\"code_ogr\",\"libelle\",\"code_rubrique\"\n\
         \"100001\",\"Développer une application\",\"1\"\n\
         \"100002\",\"Travailler en équipe\",\"\"\n\
         \"100003\",\"Programmation en JavaScript\",\"3\"\n\
         \"100004\",\"Travail en open space\",\"2\"\n\
         \"300001\",\"Concevoir un logiciel\",\"\"\n",
    ),
    (
        "referentiel_appellation",
        "\"code_ogr\",\"libelle_appellation_long\",\"libelle_appellation_court\",\"code_rome\"\n\
         \"20001\",\"Développeur / Développeuse web\",\"Développeur web\",\"M1855\"\n\
         \"20002\",\"Programmeur / Programmeuse\",\"Programmeur / Programmeuse\",\"M1805\"\n",
    ),
    (
        "coherence_item",
        "\"code_rome\",\"code_ogr\",\"coeur_metier\"\n\
         \"M1805\",\"100001\",\"Principale\"\n\
         \"M1855\",\"100003\",\"\"\n\
         \"M1855\",\"100002\",\"\"\n",
    ),
    (
        "rubrique_mobilite",
        "\"code_rome\",\"code_rome_cible\",\"numero_ordre\"\n\
         \"M1805\",\"M1855\",\"1\"\n\
         \"M1855\",\"M1805\",\"2\"\n",
    ),
    (
        "cr_gd_dp",
        "\"code_rome\",\"libelle_grand_domaine\",\"libelle_domaine_professionel\"\n\
         \"M1805\",\"Support à l'entreprise\",\"Systèmes d'information et de télécommunication\"\n",
    ),
    (
        "texte",
        "\"code_rome\",\"libelle_type_texte\",\"position_phrase\",\"libelle_texte\"\n\
         \"M1805\",\"definition\",\"1\",\"Conçoit et développe des logiciels.\"\n\
         \"M1805\",\"acces_metier\",\"2\",\"Accessible avec un Bac+2 en informatique.\"\n",
    ),
];

fn file(name: &str) -> String {
    format!("unix_{name}_v460_utf8.csv")
}

fn folder() -> &'static PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let folder =
            std::env::temp_dir().join(format!("passerelle-fuzz-rome-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("temporary folder");
        for (name, contents) in FILES {
            std::fs::write(folder.join(file(name)), contents).expect("valid ROME file");
        }
        // The valid export loads: a failure below is the fuzzed file's doing.
        read_rome(&folder).expect("the valid contents load");
        folder
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, contents)) = data.split_first() else {
        return;
    };
    let (name, valid) = FILES[usize::from(selector) % FILES.len()];
    let folder = folder();
    let path = folder.join(file(name));
    std::fs::write(&path, contents).expect("write the fuzzed file");
    let _ = read_rome(folder);
    std::fs::write(&path, valid).expect("restore the valid file");
});
