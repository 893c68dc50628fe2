//! LHEO import on fixtures written from the public schema, on authored fixtures of what
//! real feeds do, and on the real Carif-Oref exports of `../shared/data/trainings_lheo`.
//!
//! Properties pinned down here:
//! - every `<action>` of a valid file becomes one training, its fields read from the
//!   formation and the action (codes, levels, sessions, hours, provider, funders);
//! - a default namespace or a `lheo:` prefix reads the same as plain names;
//! - a bad action is rejected with the element at fault, the line where it starts and
//!   its XML, and the rest of the file is still read;
//! - malformed XML spoils only its formation, and a file that is not LHEO gives one
//!   rejection instead of a panic;
//! - truncated or corrupted input never panics and keeps the counts consistent;
//! - real feeds (issue 13): the 2.2 namespace, placeholders (`-`) read as "not given" in
//!   every field, the provider falling back along the organisation names, markup escaped
//!   once, twice or in CDATA made clean text, Latin-1 files, formations without
//!   `<offres>`; no text of any real training is a placeholder or holds markup, and
//!   extracted skill spans slice the clean curriculum text;
//! - eligibility (issue 18): publics, restrictions, funders and disability access of
//!   authored and real actions;
//! - a folder of feeds reads every training file, duplicates reported with their file.

use std::path::{Path, PathBuf};

use passerelle_engine::{
    Batch, Certification, CurriculumModule, Engine, EngineConfig, Error, Field, Funding, InseeCode,
    Modality, Public, Session, Training, parse_catalogue, parse_lheo, parse_lheo_with_eligibility,
    read_lheo, read_trainings,
};
use passerelle_tests::with_shared_data;

mod real_feeds;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/lheo")
        .join(name)
}

fn read(name: &str) -> Batch<Training> {
    read_lheo(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn training<'a>(batch: &'a Batch<Training>, id: &str) -> &'a Training {
    batch
        .records
        .iter()
        .map(|(_, t)| t)
        .find(|t| t.id == id)
        .unwrap_or_else(|| {
            let ids: Vec<&str> = batch.records.iter().map(|(_, t)| t.id.as_str()).collect();
            panic!("no training {id} among {ids:?}")
        })
}

fn rome(t: &Training) -> Vec<&str> {
    t.rome.iter().map(|c| c.as_str()).collect()
}

fn session(start: &str, end: Option<&str>, seats: Option<u32>) -> Session {
    Session {
        start: start.to_string(),
        end: end.map(str::to_string),
        seats,
        seats_taken: None,
    }
}

/// The rejections as `(line, id, reason)`.
fn rejections(batch: &Batch<Training>) -> Vec<(u64, Option<&str>, &str)> {
    batch
        .report
        .rejected
        .iter()
        .map(|r| (r.line, r.id.as_deref(), r.reason.as_str()))
        .collect()
}

#[test]
fn valid_file_gives_one_training_per_action() {
    let batch = read("offres-numerique.xml");
    assert!(
        batch.report.rejected.is_empty(),
        "{:?}",
        batch.report.rejected
    );
    assert_eq!((batch.report.read, batch.report.accepted), (5, 5));
    assert!(batch.report.source.ends_with("offres-numerique.xml"));
    let records: Vec<(u64, &str)> = batch
        .records
        .iter()
        .map(|(line, t)| (*line, t.id.as_str()))
        .collect();
    assert_eq!(
        records,
        [
            (43, "lheo:F-DWWM-01:A-LYON-2026"),
            (140, "lheo:F-DWWM-01:A-VILLEURBANNE-2026"),
            (232, "lheo:F-TSSR-02:A-MARSEILLE"),
            (281, "lheo:F-TSSR-02:A-DISTANCE"),
            // The action has no `numero`: its position in the formation stands in.
            (333, "lheo:F-DATA-03:1"),
        ]
    );
    for (_, t) in &batch.records {
        assert!(!t.demo, "{}", t.id);
        assert_eq!(t.label, None, "{}", t.id);
    }
}

#[test]
fn action_reads_formation_and_action_fields() {
    let batch = read("offres-numerique.xml");
    let t = training(&batch, "lheo:F-DWWM-01:A-LYON-2026");
    // Blanks inside the intitulé are folded to one space.
    assert_eq!(t.title, "Développeur web et web mobile");
    assert_eq!(
        t.certification,
        Some(Certification {
            kind: "RNCP".to_string(),
            code: "RNCP37674".to_string(),
            title: "Développeur web et web mobile".to_string(),
            level: Some(5),
        })
    );
    // Codes are normalised and de-duplicated, in the order of the file.
    assert_eq!(rome(t), ["M1805", "M1855"]);
    assert_eq!(t.formacode, ["31054", "31088"]);
    // LHEO 4 (former level V) is level 3; LHEO 15 is level 5. The `code-niveau-sortie`
    // inside the action's `extras` is not the formation's.
    assert_eq!((t.entry_level, t.exit_level), (Some(3), Some(5)));
    assert_eq!(t.provider, "Atelier Numérique Rhône");
    assert_eq!(t.modality, Modality::Presentiel);
    // Only the first lieu-de-formation is kept.
    assert_eq!(t.location.city.as_deref(), Some("Lyon"));
    assert_eq!(t.location.postcode.as_deref(), Some("69002"));
    assert_eq!(t.location.commune, Some(InseeCode::parse("69382").unwrap()));
    assert_eq!(
        (t.location.lat, t.location.lon),
        (Some(45.7485), Some(4.827))
    );
    assert_eq!(t.duration_hours, Some(840));
    assert_eq!(t.duration_months, Some(6.0));
    assert_eq!(
        t.sessions,
        [
            session("2026-05-04", Some("2026-09-18"), Some(14)),
            session("2026-10-05", Some("2027-02-19"), None),
        ]
    );
    assert_eq!(t.publics, [Public::DemandeursEmploi, Public::Salaries]);
    assert_eq!(t.funding, [Funding::FranceTravail, Funding::Region]);
    assert_eq!(
        t.accessibility.as_deref(),
        Some("Locaux accessibles ; un référent handicap répond avant l'entrée.")
    );
    assert_eq!(
        t.curriculum.objectives,
        "Concevoir, développer et déployer des applications web et web mobile sécurisées, \
         de la maquette à la mise en production.\n\nTitre professionnel de niveau 5 ; \
         attestation de compétences par bloc en cas de réussite partielle."
    );
    assert_eq!(
        t.curriculum.prerequisites.as_deref(),
        Some("Niveau fin de seconde ; test de logique et entretien de motivation.")
    );
    // Headed paragraphs become modules; entities are resolved.
    assert_eq!(
        t.curriculum.modules,
        [
            CurriculumModule {
                title: "Module 1 : Développer la partie front-end (245 h)".to_string(),
                hours: Some(245),
                content: "Maquetter une interface, l'intégrer en HTML & CSS, la rendre dynamique en JavaScript."
                    .to_string(),
            },
            CurriculumModule {
                title: "Module 2 : Développer la partie back-end (280 h)".to_string(),
                hours: Some(280),
                content: "Modéliser une base relationnelle, écrire les composants d'accès aux données en PHP."
                    .to_string(),
            },
            CurriculumModule {
                title: "Module 3 : Préparer le titre (35 h)".to_string(),
                hours: Some(35),
                content: "Dossier professionnel et entraînement à l\u{2019}entretien technique."
                    .to_string(),
            },
        ]
    );
}

#[test]
fn second_action_shares_the_formation_and_falls_back_where_empty() {
    let batch = read("offres-numerique.xml");
    let lyon = training(&batch, "lheo:F-DWWM-01:A-LYON-2026");
    let t = training(&batch, "lheo:F-DWWM-01:A-VILLEURBANNE-2026");
    assert_eq!(t.title, lyon.title);
    assert_eq!(t.certification, lyon.certification);
    assert_eq!(t.curriculum.modules, lyon.curriculum.modules);
    // No organisme-formateur: the responsible organisation is the provider.
    assert_eq!(t.provider, "Atelier Numérique Rhône Formation");
    assert_eq!(t.modality, Modality::Hybride);
    assert_eq!(t.location.city.as_deref(), Some("Villeurbanne"));
    assert_eq!((t.location.lat, t.location.lon), (None, None));
    // No total: centre + entreprise hours.
    assert_eq!(t.duration_hours, Some(810));
    assert_eq!(t.duration_months, Some(7.0));
    // The session with an unknown start (00000000) is skipped; one without `fin` is open.
    assert_eq!(t.sessions, [session("2026-09-07", None, Some(12))]);
    // "Tout public"; funder 10 is the learner.
    assert_eq!(t.publics, [Public::DemandeursEmploi, Public::ToutPublic]);
    assert_eq!(t.funding, [Funding::Opco, Funding::Personnel]);
    assert_eq!(t.curriculum.prerequisites, None);
    assert_eq!(t.accessibility, None);
}

#[test]
fn rncp_prefix_single_paragraph_and_open_session() {
    let batch = read("offres-numerique.xml");
    let t = training(&batch, "lheo:F-TSSR-02:A-MARSEILLE");
    assert_eq!(t.title, "Technicien supérieur systèmes et réseaux");
    let certification = t.certification.as_ref().unwrap();
    assert_eq!(
        (certification.kind.as_str(), certification.code.as_str()),
        ("RNCP", "RNCP37682")
    );
    // LHEO 5 (former IV) is level 4, LHEO 6 (former III) level 5.
    assert_eq!(certification.level, Some(5));
    assert_eq!((t.entry_level, t.exit_level), (Some(4), Some(5)));
    assert_eq!(rome(t), ["I1401", "M1810"]);
    // The first of two trainers.
    assert_eq!(t.provider, "Sud Réseaux Formation");
    assert_eq!(t.location.commune, Some(InseeCode::parse("13202").unwrap()));
    assert_eq!(
        (t.location.lat, t.location.lon),
        (Some(43.3049), Some(5.3689))
    );
    // The total wins over the indicative duration.
    assert_eq!(t.duration_hours, Some(595));
    assert_eq!(t.duration_months, None);
    assert_eq!(t.sessions, [session("2026-01-12", None, None)]);
    assert_eq!(
        t.publics,
        [Public::DemandeursEmploi, Public::Jeunes, Public::Rqth]
    );
    assert_eq!(t.funding, [Funding::Etat, Funding::Autre]);
    // An empty `resultats-attendus` adds nothing to the objectives.
    assert_eq!(
        t.curriculum.objectives,
        "Installer, administrer et dépanner les postes, serveurs et réseaux d'une PME, \
         et accompagner les utilisateurs au quotidien."
    );
    assert_eq!(t.curriculum.modules.len(), 1);
    assert_eq!(t.curriculum.modules[0].title, "Contenu de la formation");
    assert_eq!(t.curriculum.modules[0].hours, None);
    assert_eq!(t.curriculum.modules[0].content.lines().count(), 3);
    assert!(
        t.curriculum.modules[0]
            .content
            .starts_with("Assistance aux utilisateurs")
    );
}

#[test]
fn distance_action_without_place_reads_its_indicative_duration() {
    let batch = read("offres-numerique.xml");
    let t = training(&batch, "lheo:F-TSSR-02:A-DISTANCE");
    assert_eq!(t.modality, Modality::Distanciel);
    assert_eq!(
        (
            &t.location.commune,
            &t.location.city,
            &t.location.postcode,
            t.location.lat
        ),
        (&None, &None, &None, None)
    );
    assert_eq!(t.duration_hours, Some(455));
    assert_eq!(t.duration_months, Some(9.0));
    assert_eq!(t.provider, "Sud Réseaux Formation");
    assert_eq!(t.funding, [Funding::Autre]);
    assert_eq!(
        t.sessions,
        [session("2026-03-02", Some("2026-11-27"), None)]
    );
    assert_eq!(t.publics, [Public::DemandeursEmploi]);
}

#[test]
fn rs_certificate_cdata_and_unknown_elements() {
    let batch = read("offres-numerique.xml");
    let t = training(&batch, "lheo:F-DATA-03:1");
    assert_eq!(t.title, "Analyste de données (data analyst)");
    // A certification with only a Certif Info code is skipped; an RS has no level.
    assert_eq!(
        t.certification,
        Some(Certification {
            kind: "RS".to_string(),
            code: "RS5487".to_string(),
            title: "Analyste de données (data analyst)".to_string(),
            level: None,
        })
    );
    // LHEO 0 (not given) and 8 (former level I: 7 or 8) have no certain level.
    assert_eq!((t.entry_level, t.exit_level), (None, None));
    // The code-ROME inside an unknown element is not the formation's.
    assert_eq!(rome(t), ["M1403"]);
    assert!(
        t.curriculum
            .objectives
            .starts_with("Collecter, nettoyer et analyser des données avec SQL & Python"),
        "{}",
        t.curriculum.objectives
    );
    assert!(t.curriculum.objectives.contains("<Power BI>"));
    assert_eq!(t.modality, Modality::Hybride);
    // Decimal commas are read; 280,5 hours round to 281.
    assert_eq!(
        (t.location.lat, t.location.lon),
        (Some(50.6339), Some(3.063))
    );
    assert_eq!(t.duration_hours, Some(281));
    assert_eq!(t.funding, [Funding::Agefiph]);
    assert_eq!(
        t.publics,
        [Public::DemandeursEmploi, Public::Femmes, Public::Qpv]
    );
    assert_eq!(t.provider, "Nord Data École");
    assert_eq!(
        t.curriculum.prerequisites.as_deref(),
        Some("Être à l\u{2019}aise avec les tableurs.")
    );
}

#[test]
fn imported_trainings_are_valid_catalogue_records() {
    let batch = read("offres-numerique.xml");
    let lines: Vec<String> = batch
        .records
        .iter()
        .map(|(_, t)| serde_json::to_string(t).unwrap())
        .collect();
    let catalogue = parse_catalogue("lheo.jsonl", lines.join("\n").as_bytes());
    assert!(
        catalogue.report.rejected.is_empty(),
        "{:?}",
        catalogue.report.rejected
    );
    let round_trip: Vec<&Training> = catalogue.records.iter().map(|(_, t)| t).collect();
    let original: Vec<&Training> = batch.records.iter().map(|(_, t)| t).collect();
    assert_eq!(round_trip, original);
}

#[test]
fn default_namespace_reads_like_plain_names() {
    let batch = read("offres-espace-de-noms.xml");
    assert!(
        batch.report.rejected.is_empty(),
        "{:?}",
        batch.report.rejected
    );
    assert_eq!(batch.report.accepted, 2);
    let t = training(&batch, "lheo:F-CIP-NS:NS-1");
    assert_eq!(batch.records[0].0, 22);
    assert_eq!(t.title, "Concepteur développeur d'applications");
    assert_eq!(
        t.certification.as_ref().map(|c| (c.code.as_str(), c.level)),
        Some(("RNCP37873", Some(6)))
    );
    assert_eq!((t.entry_level, t.exit_level), (Some(5), Some(6)));
    assert_eq!(t.provider, "Loire Code Académie");
    assert_eq!(t.location.commune, Some(InseeCode::parse("44109").unwrap()));
    assert_eq!(t.duration_hours, Some(1190));
    assert_eq!(
        t.sessions,
        [session("2026-09-14", Some("2027-05-28"), None)]
    );
    assert_eq!(t.funding, [Funding::Region]);
    let remote = training(&batch, "lheo:F-CIP-NS:NS-2");
    assert_eq!(remote.modality, Modality::Distanciel);
    assert_eq!(remote.duration_hours, Some(1050));
}

#[test]
fn prefixed_elements_and_attributes_read_like_plain_names() {
    let batch = read("offres-prefixe.xml");
    assert!(
        batch.report.rejected.is_empty(),
        "{:?}",
        batch.report.rejected
    );
    assert_eq!(batch.records.len(), 1);
    let (line, t) = &batch.records[0];
    assert_eq!(*line, 20);
    assert_eq!(t.id, "lheo:F-TAI-PX:PX-1");
    assert_eq!(t.title, "Technicien d'assistance informatique");
    assert_eq!(rome(t), ["I1401"]);
    assert_eq!((t.entry_level, t.exit_level), (Some(3), Some(4)));
    assert_eq!(t.modality, Modality::Hybride);
    assert_eq!(t.location.city.as_deref(), Some("Rennes"));
    assert_eq!(t.provider, "Breizh Support Formation");
    assert_eq!(
        t.sessions,
        [session("2026-11-02", Some("2027-04-30"), None)]
    );
}

#[test]
fn invalid_actions_are_rejected_with_field_and_line() {
    let batch = read("actions-invalides.xml");
    assert_eq!(batch.report.read, 15);
    assert_eq!(batch.report.accepted, 2);
    let accepted: Vec<(u64, &str)> = batch
        .records
        .iter()
        .map(|(line, t)| (*line, t.id.as_str()))
        .collect();
    assert_eq!(accepted, [(10, "lheo:F-OK-1:A1"), (99, "lheo:F-OK-2:A1")]);
    let expected: [(u64, &str, &str); 13] = [
        (
            19,
            "lheo:F-SANS-TITRE:A1",
            "intitule-formation: missing or empty",
        ),
        (
            22,
            "lheo:F-SANS-TITRE:A2",
            "intitule-formation: missing or empty",
        ),
        (
            30,
            "lheo:F-RNCP:A1",
            "certification/code-RNCP: \"RNCP-37A74\" is not an RNCP code",
        ),
        (
            38,
            "lheo:F-ROME:A1",
            "domaine-formation/code-ROME: invalid rome: \"M18O5\"",
        ),
        (
            45,
            "lheo:F-DATE:A1",
            "session[1]/periode/debut: \"20261341\" is not a date",
        ),
        (
            48,
            "lheo:F-DATE:A2",
            "session[2]/periode/debut: \"2026-09-07\" is not a date",
        ),
        (
            52,
            "lheo:F-DATE:A3",
            "session[1]/periode/fin: \"20270230\" is not a date",
        ),
        (
            59,
            "lheo:F-FIN-AVANT:A1",
            "session[1]/periode: fin 2026-03-01 is before debut 2026-09-01",
        ),
        (
            66,
            "lheo:F-MODALITE:A1",
            "modalites-enseignement: \"3\" is not 0",
        ),
        (
            73,
            "lheo:F-HEURES:A1",
            "nombre-heures-total: \"six cents\" is not a number of hours",
        ),
        (78, "lheo:F-SANS-ACTION", "formation: no <action>"),
        (84, "lheo:F-OK-1:A1", "duplicate id \"lheo:F-OK-1:A1\""),
        (
            91,
            "lheo:F-INSEE:A1",
            "lieu-de-formation/coordonnees/adresse/code-INSEE-commune: invalid commune",
        ),
    ];
    let found = rejections(&batch);
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((line, id, reason), (want_line, want_id, want_reason)) in found.iter().zip(expected) {
        assert_eq!((*line, *id), (want_line, Some(want_id)), "{reason}");
        assert!(
            reason.starts_with(want_reason),
            "{want_id}: {reason:?} should start with {want_reason:?}"
        );
    }
    // Each rejection keeps the XML of its action, and only that action.
    let raw_of = |id: &str| {
        batch
            .report
            .rejected
            .iter()
            .find(|r| r.id.as_deref() == Some(id))
            .map(|r| r.raw.as_str())
            .unwrap()
    };
    let raw = raw_of("lheo:F-DATE:A2");
    assert!(raw.starts_with("<action numero=\"A2\">"), "{raw}");
    assert!(raw.ends_with("</action>"), "{raw}");
    assert!(
        raw.contains("2026-09-07") && !raw.contains("20261341"),
        "{raw}"
    );
    let raw = raw_of("lheo:F-SANS-ACTION");
    assert!(
        raw.starts_with("<formation numero=\"F-SANS-ACTION\">"),
        "{raw}"
    );
    assert!(raw.ends_with("</formation>"), "{raw}");
}

#[test]
fn malformed_xml_spoils_only_its_formation() {
    let batch = read("xml-malforme.xml");
    assert_eq!(batch.report.read, 5);
    let accepted: Vec<(u64, &str)> = batch
        .records
        .iter()
        .map(|(line, t)| (*line, t.id.as_str()))
        .collect();
    assert_eq!(accepted, [(7, "lheo:F-AVANT:A1"), (37, "lheo:F-APRES:A1")]);
    let found = rejections(&batch);
    assert_eq!(found.len(), 3, "{found:#?}");
    // Both actions of the broken formation, the complete one included, at their lines.
    assert_eq!((found[0].0, found[0].1), (14, Some("lheo:F-CASSEE:A1")));
    assert_eq!((found[1].0, found[1].1), (17, Some("lheo:F-CASSEE:A2")));
    for (_, _, reason) in &found[..2] {
        assert!(
            reason.starts_with("malformed XML at line 21: ") && reason.contains("vile"),
            "{reason}"
        );
    }
    // Broken before its first action: the formation is rejected at its own line.
    assert_eq!((found[2].0, found[2].1), (28, Some("lheo:F-ENTETE")));
    assert!(
        found[2]
            .2
            .starts_with("malformed XML at line 29: unknown entity &nbsp;"),
        "{}",
        found[2].2
    );
    let raw = &batch.report.rejected[1].raw;
    assert!(raw.starts_with("<action numero=\"A2\">"), "{raw}");
    assert!(raw.contains("<ville>Lyon</vile>"), "{raw}");
    assert!(!raw.contains("F-ENTETE"), "{raw}");
}

#[test]
fn a_formation_left_open_does_not_swallow_the_next_one() {
    // `</formation>` is missing: the reader sees F-SUIVANTE inside F-OUVERTE until
    // `</offres>`, then reads it again on its own.
    let input = [
        "<lheo>",
        "<offres>",
        "<formation numero=\"F-OUVERTE\">",
        "<intitule-formation>Développeur web</intitule-formation>",
        "<action numero=\"A1\"><modalites-enseignement>0</modalites-enseignement></action>",
        "<organisme-formation-responsable><raison-sociale>École</raison-sociale></organisme-formation-responsable>",
        "<formation numero=\"F-SUIVANTE\">",
        "<intitule-formation>Technicien support</intitule-formation>",
        "<action numero=\"A1\"><modalites-enseignement>2</modalites-enseignement></action>",
        "<organisme-formation-responsable><raison-sociale>École</raison-sociale></organisme-formation-responsable>",
        "</formation>",
        "</offres>",
        "</lheo>",
    ]
    .join("\n");
    let batch = parse_lheo("ouverte.xml", input.as_bytes());
    let accepted: Vec<(u64, &str)> = batch
        .records
        .iter()
        .map(|(line, t)| (*line, t.id.as_str()))
        .collect();
    assert_eq!(accepted, [(9, "lheo:F-SUIVANTE:A1")]);
    let found = rejections(&batch);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (5, Some("lheo:F-OUVERTE:A1")));
    assert!(
        found[0].2.starts_with("malformed XML at line 12: "),
        "{}",
        found[0].2
    );
}

#[test]
fn files_that_are_not_lheo_offers_give_one_rejection() {
    let check = |name: &str, bytes: &[u8], line: u64, reason: &str| {
        let batch = parse_lheo(name, bytes);
        assert!(batch.records.is_empty(), "{name}");
        assert_eq!(batch.report.read, 1, "{name}");
        let found = rejections(&batch);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert_eq!((found[0].0, found[0].1), (line, None), "{name}");
        assert!(found[0].2.starts_with(reason), "{name}: {}", found[0].2);
        batch
    };
    let text = std::fs::read(fixture("pas-du-xml.txt")).unwrap();
    let batch = check(
        "pas-du-xml.txt",
        &text,
        1,
        "not an LHEO file: no <lheo> root element",
    );
    assert!(batch.report.rejected[0].raw.starts_with("Ceci n'est pas"));
    check("vide", b"", 1, "not an LHEO file");
    check(
        "json",
        br#"{"offres": [{"formation": 1}]}"#,
        1,
        "not an LHEO file",
    );
    check("binaire", &[0xff, 0xfe, 0x00, 0x3c, 0x00], 1, "");
    let index = std::fs::read(fixture("racine-lheo-index.xml")).unwrap();
    check(
        "racine-lheo-index.xml",
        &index,
        2,
        "root element <lheo-index> is not <lheo>",
    );
    let no_offers = std::fs::read(fixture("sans-offres.xml")).unwrap();
    let batch = check(
        "sans-offres.xml",
        &no_offers,
        3,
        "no <offres> element in <lheo>",
    );
    assert!(batch.report.rejected[0].raw.starts_with("<lheo xmlns="));
    check(
        "prologue cassé",
        b"<?xml version=\"1.0\"?>\n<lheo><offres>\n</lheo>",
        3,
        "malformed XML at line 3",
    );
}

/// A file of one formation with one action, the action's line being 4.
fn one_action(formation: &str, action: &str) -> String {
    format!(
        "<lheo>\n<offres>\n<formation numero=\"F\">{formation}\n<action numero=\"A\">{action}</action>\n</formation>\n</offres>\n</lheo>\n"
    )
}

#[test]
fn provider_formacode_coordinates_and_bom() {
    let title = "<intitule-formation>Développeur web</intitule-formation>";
    let responsible = "<organisme-formation-responsable><nom-organisme>DWL</nom-organisme></organisme-formation-responsable>";
    let check = |formation: String, action: &str, reason: &str| {
        let batch = parse_lheo("inline", one_action(&formation, action).as_bytes());
        let found = rejections(&batch);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (4, Some("lheo:F:A")));
        assert!(found[0].2.starts_with(reason), "{}", found[0].2);
    };
    check(
        title.to_string(),
        "",
        "organisme-formateur/raison-sociale-formateur, organisme-formation-responsable/raison-sociale, nom-organisme and adresse/denomination: all missing",
    );
    check(
        format!(
            "{title}<domaine-formation><code-FORMACODE>3105</code-FORMACODE></domaine-formation>{responsible}"
        ),
        "",
        "domaine-formation/code-FORMACODE: \"3105\" is not a Formacode",
    );
    // The range of coordinates is the catalogue's own check.
    check(
        format!("{title}{responsible}"),
        "<lieu-de-formation><coordonnees><adresse><geolocalisation><latitude>95</latitude><longitude>2.35</longitude></geolocalisation></adresse></coordonnees></lieu-de-formation>",
        "location (95, 2.35) is not a coordinate",
    );
    // A byte order mark is not content; `nom-organisme` stands in for a missing raison sociale.
    let input = format!(
        "\u{feff}{}",
        one_action(&format!("{title}{responsible}"), "")
    );
    let batch = parse_lheo("bom", input.as_bytes());
    assert!(
        batch.report.rejected.is_empty(),
        "{:?}",
        batch.report.rejected
    );
    assert_eq!(batch.records[0].0, 4);
    assert_eq!(batch.records[0].1.provider, "DWL");
    assert_eq!(batch.records[0].1.modality, Modality::Presentiel);
}

#[test]
fn a_file_without_offers_inside_offres_is_empty_not_rejected() {
    let batch = parse_lheo("vide.xml", b"<lheo><offres/></lheo>");
    assert_eq!(batch.report.read, 0);
    assert!(batch.report.rejected.is_empty());
}

#[test]
fn missing_file_is_an_io_error() {
    let error = read_lheo(&fixture("absent.xml")).unwrap_err();
    assert!(matches!(error, Error::Io { .. }), "{error}");
    assert!(error.to_string().contains("absent.xml"), "{error}");
}

/// A small seeded generator, so that the corruption test is reproducible.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn assert_consistent(batch: &Batch<Training>, input: &[u8], what: &str) {
    let report = &batch.report;
    assert_eq!(
        report.read,
        report.accepted + report.rejected.len() as u64,
        "{what}"
    );
    assert_eq!(report.accepted, batch.records.len() as u64, "{what}");
    let lines = input.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    for rejected in &report.rejected {
        assert!((1..=lines).contains(&rejected.line), "{what}: {rejected:?}");
        assert!(!rejected.reason.is_empty(), "{what}");
    }
    for (line, training) in &batch.records {
        assert!((1..=lines).contains(line), "{what}: {}", training.id);
        assert!(!training.title.trim().is_empty(), "{what}: {}", training.id);
        assert!(training.id.starts_with("lheo:"), "{what}: {}", training.id);
    }
}

#[test]
fn truncated_and_corrupted_input_never_panics() {
    let valid = std::fs::read(fixture("offres-numerique.xml")).unwrap();
    // Where each formation ends, and how many actions it holds.
    let text = String::from_utf8(valid.clone()).unwrap();
    let ends: Vec<usize> = text
        .match_indices("</formation>")
        .map(|(i, tag)| i + tag.len())
        .collect();
    assert_eq!(ends.len(), 3);
    let starts: Vec<usize> = text.match_indices("<formation ").map(|(i, _)| i).collect();
    assert_eq!(starts.len(), 3);
    let numeros = ["lheo:F-DWWM-01", "lheo:F-TSSR-02", "lheo:F-DATA-03"];
    let actions = [2, 2, 1];
    // Every truncation point on a stride: the formations closed before the cut are read
    // whole, the one cut is rejected, nothing panics.
    for cut in (0..valid.len())
        .step_by(7)
        .chain([ends[0], ends[2], valid.len() - 1])
    {
        let input = &valid[..cut];
        let batch = parse_lheo("tronqué", input);
        let what = format!("cut at {cut}");
        assert_consistent(&batch, input, &what);
        let whole: u64 = ends
            .iter()
            .zip(actions)
            .filter(|&(&end, _)| end <= cut)
            .map(|(_, n)| n)
            .sum();
        assert_eq!(batch.report.accepted, whole, "{what}: {:?}", batch.report);
        let rejected = &batch.report.rejected;
        match (0..3).find(|&k| starts[k] < cut && cut < ends[k]) {
            // Cut inside a formation: it is reported, and nothing else is.
            Some(k) => {
                assert!(!rejected.is_empty(), "{what}");
                for r in rejected {
                    let id = r.id.as_deref().unwrap_or(numeros[k]);
                    assert!(id.starts_with(numeros[k]), "{what}: {r:?}");
                }
            }
            // Cut between two formations: the file so far is whole.
            None if (0..2).any(|k| ends[k] <= cut && cut <= starts[k + 1]) => {
                assert!(rejected.is_empty(), "{what}: {rejected:?}");
            }
            None => {}
        }
    }
    // Random byte flips, insertions of markup characters and deletions.
    let mut rng = XorShift(0x5eed_1ee0);
    for round in 0..400 {
        let mut input = valid.clone();
        let mutations = 1 + rng.below(6);
        for _ in 0..mutations {
            let at = rng.below(input.len());
            match rng.below(4) {
                0 => input[at] = (rng.next() & 0xff) as u8,
                1 => input[at] = b"<>&/\"'"[rng.below(6)],
                2 => {
                    input.remove(at);
                }
                _ => input.insert(at, b"<&>"[rng.below(3)]),
            }
        }
        let batch = parse_lheo("corrompu", &input);
        assert_consistent(&batch, &input, &format!("round {round}"));
        // Five actions, plus at most one rejection per corruption outside them.
        assert!(
            batch.report.read <= 5 + mutations as u64,
            "round {round}: {:?}",
            batch.report
        );
        // Same input, same batch: the reader has no hidden state.
        let again = parse_lheo("corrompu", &input);
        assert_eq!(again.report, batch.report, "round {round}");
    }
}
