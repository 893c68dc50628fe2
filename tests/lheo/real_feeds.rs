//! Real feeds (issue 13): placeholders read as "not given", markup escaped once, twice
//! or in CDATA made clean text, Latin-1 files, providers named only by placeholders;
//! eligibility (issue 18) of authored and real actions; the real Carif-Oref exports of
//! `../shared/data/trainings_lheo`, and a folder of feeds read whole.

use super::*;

/// The string values of a training, with their JSON path, to look for leftovers.
fn strings_of(training: &Training) -> Vec<(String, String)> {
    fn walk(path: String, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::String(text) => out.push((path, text.clone())),
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(format!("{path}[{i}]"), item, out);
                }
            }
            serde_json::Value::Object(fields) => {
                for (name, item) in fields {
                    walk(format!("{path}.{name}"), item, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        training.id.clone(),
        &serde_json::to_value(training).unwrap(),
        &mut out,
    );
    out
}

/// Fails when any text of any training is a placeholder, holds a placeholder line, or
/// still holds markup or an HTML entity.
fn assert_clean_texts(batch: &Batch<Training>) {
    for (_, training) in &batch.records {
        for (path, text) in strings_of(training) {
            for line in text.lines() {
                let line = line.trim();
                assert!(
                    !matches!(line, "-" | "--" | "–" | "—"),
                    "{path}: placeholder line in {text:?}"
                );
            }
            for leftover in [
                "&lt;", "&gt;", "&amp;", "&nbsp;", "&#", "<p>", "<br", "<li>", "</",
            ] {
                assert!(
                    !text.contains(leftover),
                    "{path}: {leftover:?} left in {text:?}"
                );
            }
        }
    }
}

#[test]
fn escaped_markup_becomes_clean_text() {
    let batch = read("html-echappe-lheo22.xml");
    assert!(
        batch.report.rejected.is_empty(),
        "{:?}",
        batch.report.rejected
    );
    assert_eq!(batch.report.accepted, 2);
    assert_clean_texts(&batch);
    let t = training(&batch, "lheo:ON-SIO:ON-SIO-A1");
    // Entities escaped inside the text are resolved, no-break spaces made spaces.
    assert_eq!(
        t.title,
        "BTS services informatiques aux organisations, option « SLAM »"
    );
    // Markup escaped once: paragraphs are separated by a blank line, list items are lines;
    // markup in a CDATA section is removed the same way.
    assert_eq!(
        t.curriculum.objectives,
        "Former des développeurs d’applications métier.\n\n\
         Concevoir une base de données SQL\nProgrammer en Java et en Python\n\n\
         Obtenir le BTS, niveau 5"
    );
    // Markup escaped twice: its paragraphs are the modules, headed and timed.
    assert_eq!(
        t.curriculum.modules,
        [
            CurriculumModule {
                title: "Module 1 : Bases de données (120 h)".to_string(),
                hours: Some(120),
                content: "Modélisation et SQL".to_string(),
            },
            CurriculumModule {
                title: "Module 2 : Programmation (200 h)".to_string(),
                hours: Some(200),
                content: "Java, Python et Git".to_string(),
            },
        ]
    );
    assert_eq!(
        t.curriculum.prerequisites.as_deref(),
        Some("Avoir un baccalauréat")
    );
    assert_eq!(t.provider, "Lycée de la Martinière");
}

#[test]
fn placeholders_read_as_not_given() {
    let batch = read("html-echappe-lheo22.xml");
    let t = training(&batch, "lheo:ON-SA:ON-SA-A1");
    // The trainer and the raison sociale are `-`: the provider is the nom-organisme.
    assert_eq!(t.provider, "Lycée Jean Moulin");
    assert_eq!(t.curriculum.objectives, "");
    assert!(
        t.curriculum.modules.is_empty(),
        "{:?}",
        t.curriculum.modules
    );
    assert_eq!(t.curriculum.prerequisites, None);
    assert_eq!(
        (t.location.city.as_deref(), t.location.postcode.as_deref()),
        (None, None)
    );
    assert_eq!(t.duration_hours, None);
    assert_eq!(t.modality, Modality::Presentiel);
}

#[test]
fn latin1_file_without_offres_and_provider_by_address() {
    let batch = read("latin1-sans-offres.xml");
    assert!(
        batch.report.rejected.is_empty(),
        "{:?}",
        batch.report.rejected
    );
    assert_clean_texts(&batch);
    let t = training(&batch, "lheo:LAT-1:A1");
    assert_eq!(t.title, "Préparateur de commandes en entrepôt");
    assert_eq!(
        t.curriculum.objectives,
        "Préparer des commandes : réception, stockage et expédition des marchandises."
    );
    assert_eq!(t.provider, "Centre de formation logistique de l’Aube");
}

#[test]
fn a_provider_named_only_by_placeholders_is_rejected() {
    let names = "<organisme-formation-responsable><nom-organisme>-</nom-organisme>\
                 <raison-sociale>--</raison-sociale></organisme-formation-responsable>";
    let formation = format!("<intitule-formation>Soudeur</intitule-formation>{names}");
    let action = "<organisme-formateur><raison-sociale-formateur> - </raison-sociale-formateur></organisme-formateur>";
    let batch = parse_lheo("inline", one_action(&formation, action).as_bytes());
    assert!(batch.records.is_empty());
    let found = rejections(&batch);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .2
            .starts_with("organisme-formateur/raison-sociale-formateur, "),
        "{}",
        found[0].2
    );
    assert!(found[0].2.contains("no provider"), "{}", found[0].2);
}

#[test]
fn eligibility_of_authored_actions() {
    let bytes = std::fs::read(fixture("html-echappe-lheo22.xml")).unwrap();
    let (batch, eligibility) = parse_lheo_with_eligibility("fixture", &bytes);
    assert_eq!(eligibility.len(), batch.records.len());
    let sio = &eligibility[0];
    assert_eq!(sio.publics, ["demandeurs_emploi", "jeunes"]);
    // "réservée aux demandeurs d'emploi de moins de 26 ans" restricts to both.
    assert_eq!(sio.reserved_to, ["demandeurs_emploi", "jeunes"]);
    // frais-restants 0,00 € → gratuit; codes 4 and 2; the eligibilite-cpf extras → cpf.
    assert_eq!(sio.funding, ["gratuit", "france_travail", "region", "cpf"]);
    assert_eq!(sio.accessible_rqth, Some(true));
    assert_eq!(
        sio.disability_contact.as_deref(),
        Some("Référent handicap, accueil du lycée")
    );
    let sa = &eligibility[1];
    assert_eq!(sa.publics, ["tout_public"]);
    assert!(sa.reserved_to.is_empty());
    assert_eq!(sa.funding, ["personnel"]);
    assert_eq!(sa.accessible_rqth, Some(false));
    assert_eq!(sa.disability_contact, None);

    let bytes = std::fs::read(fixture("latin1-sans-offres.xml")).unwrap();
    let (_, eligibility) = parse_lheo_with_eligibility("fixture", &bytes);
    // A priority is not a restriction.
    assert_eq!(eligibility[0].publics, ["qpv", "tout_public"]);
    assert!(eligibility[0].reserved_to.is_empty());
    assert_eq!(eligibility[0].accessible_rqth, Some(true));
}

/// The four real Carif-Oref exports and the provider each must name.
const REAL_EXPORTS: [(&str, &str); 4] = [
    (
        "daeu.xml",
        "Université de Toulouse Jean Jaurès Service de la Formation Continue",
    ),
    ("formation-plaquiste.xml", "AFPA de Veigné"),
    (
        "paysan-boulanger.xml",
        "Savoir Faire et Découverte - Antenne de Rouen",
    ),
    ("poec-gestionnaire-paie.xml", "Openclassrooms"),
];

#[test]
fn real_carif_oref_exports_import_clean() {
    with_shared_data!(data => {
        let engine = Engine::open(&EngineConfig::builtin()).unwrap();
        for (file, provider) in REAL_EXPORTS {
            let path = data.join("trainings_lheo").join(file);
            let bytes = std::fs::read(&path).unwrap();
            let (batch, eligibility) = parse_lheo_with_eligibility(file, &bytes);
            assert!(batch.report.rejected.is_empty(), "{file}: {:?}", batch.report.rejected);
            assert!(!batch.records.is_empty(), "{file}");
            assert_eq!(eligibility.len(), batch.records.len(), "{file}");
            assert_clean_texts(&batch);
            for ((_, t), e) in batch.records.iter().zip(&eligibility) {
                assert_eq!(t.provider, provider, "{file}");
                eprintln!("{file} {}: {e:?}", t.id);
                for code in e.publics.iter().chain(&e.reserved_to).chain(&e.funding) {
                    assert!(!code.is_empty() && *code != "-", "{file}: {e:?}");
                }
                assert_ne!(e.disability_contact.as_deref(), Some("-"), "{file}");
                let text = t.curriculum_text();
                let extraction = engine.extract("", &text);
                for mention in extraction.skills.iter().filter(|m| m.field == Field::Text) {
                    let (Some(start), Some(end)) = (mention.start, mention.end) else {
                        continue;
                    };
                    let span = text.get(start..end).unwrap_or_else(|| {
                        panic!("{file}: span {start}..{end} does not slice the text")
                    });
                    assert!(!span.trim().is_empty(), "{file}: {mention:?}");
                    assert!(!span.contains('<') && !span.contains('&'), "{file}: {span:?}");
                }
            }
        }
        // What the real files say, pinned: DAEU's objective was escaped `<br />` lines.
        let daeu = read_lheo(&data.join("trainings_lheo/daeu.xml")).unwrap();
        let objectives = &daeu.records[0].1.curriculum.objectives;
        assert!(
            objectives.starts_with("* être titulaire d'un diplôme national équivalent au Baccalauréat\n- accéder"),
            "{objectives}"
        );
    });
}

#[test]
fn a_folder_of_feeds_reads_every_training_file() {
    with_shared_data!(data => {
        let batches = read_trainings(&data.join("trainings_lheo")).unwrap();
        // The four .xml exports in name order; the schema and the README are not feeds.
        let sources: Vec<String> = batches
            .iter()
            .map(|b| Path::new(&b.report.source).file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            sources,
            REAL_EXPORTS.iter().map(|(file, _)| file.to_string()).collect::<Vec<_>>()
        );
        for batch in &batches {
            assert!(batch.report.accepted > 0, "{}", batch.report.summary());
        }
    });
    // A folder mixing LHEO and catalogue lines, the same offers given twice.
    let folder = std::env::temp_dir().join(format!("passerelle-lheo-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(fixture("offres-numerique.xml"), folder.join("a.xml")).unwrap();
    std::fs::copy(fixture("offres-numerique.xml"), folder.join("b.XML")).unwrap();
    let demo = passerelle_engine::demo_catalogue();
    let line = serde_json::to_string(&demo.records[0].1).unwrap();
    std::fs::write(folder.join("c.jsonl"), format!("{line}\n")).unwrap();
    std::fs::write(folder.join("notes.txt"), "pas une offre").unwrap();
    let batches = read_trainings(&folder).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    assert_eq!(batches.len(), 3);
    assert_eq!(batches[0].report.accepted, 5);
    // The second copy: every offer is a duplicate, reported with the file it repeats.
    assert_eq!((batches[1].report.read, batches[1].report.accepted), (5, 0));
    assert!(
        batches[1].report.rejected[0]
            .reason
            .starts_with("duplicate id \"lheo:F-DWWM-01:A-LYON-2026\", already read from "),
        "{:?}",
        batches[1].report.rejected[0]
    );
    assert_eq!(batches[2].report.accepted, 1);
    // An empty folder is an error naming it.
    let empty = std::env::temp_dir().join(format!("passerelle-lheo-vide-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let error = read_trainings(&empty).unwrap_err().to_string();
    std::fs::remove_dir_all(&empty).unwrap();
    assert!(error.contains("no .xml, .jsonl or .json file"), "{error}");
}
