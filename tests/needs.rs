//! The observatory's needs model, built from the authored demo postings.
//!
//! Properties pinned down:
//! - a territory's demand equals the offers placed in it, recounted from the input;
//! - cells under the threshold are suppressed and publish no count;
//! - a refresh on the same data keeps every cluster identity;
//! - a refresh without one job family reports its cluster as vanished;
//! - the model saved in `models/` (format version 1) still loads, and a model saved
//!   and loaded back is identical.

use std::collections::HashMap;
use std::path::PathBuf;

use passerelle_engine::{
    Engine, EngineConfig, JobPosting, NeedsModel, NeedsParams, TerritoryId, TerritoryLevel,
    builtin_geography, demo_model, load_model, read_postings, save_model,
};

fn demo_postings() -> Vec<JobPosting> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../corpora/postings/demo_offers.jsonl");
    read_postings(&path)
        .unwrap()
        .records
        .into_iter()
        .map(|(_, p)| p)
        .collect()
}

fn build(postings: &[JobPosting], previous: Option<&NeedsModel>) -> NeedsModel {
    let engine = Engine::open(&EngineConfig::builtin()).unwrap();
    let geography = builtin_geography().unwrap();
    engine
        .build_needs(
            &geography,
            postings,
            &[],
            &NeedsParams::default(),
            previous,
            "test",
        )
        .unwrap()
        .model
}

#[test]
fn demand_is_recounted_from_the_input() {
    let postings = demo_postings();
    let model = build(&postings, None);
    let geography = builtin_geography().unwrap();
    let mut expected: HashMap<String, usize> = HashMap::new();
    for posting in &postings {
        if let Ok(placement) = geography.place(&posting.location) {
            *expected
                .entry(placement.departement.unwrap_or_default())
                .or_insert(0) += 1;
        }
    }
    for (code, offers) in &expected {
        if code.is_empty() {
            continue;
        }
        let id = TerritoryId {
            level: TerritoryLevel::Departement,
            code: code.clone(),
        };
        let needs = model.needs(&id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(needs.offers, *offers, "{id}");
        let published: usize = needs.clusters.iter().map(|c| c.offers).sum();
        assert!(published <= needs.offers);
        for cell in needs.clusters.iter().chain(&needs.skills) {
            assert_eq!(cell.suppressed, cell.offers == 0, "{cell:?}");
            if !cell.suppressed {
                assert!(cell.offers >= model.params.suppression_threshold);
            }
        }
    }
    let react = passerelle_engine::SkillId::passerelle("react");
    let related: Vec<String> = model
        .related(&react)
        .iter()
        .map(|r| r.skill.to_string())
        .collect();
    let front_end = [
        "front-end",
        "javascript",
        "typescript",
        "jest",
        "redux",
        "nextjs",
    ];
    assert!(
        related
            .iter()
            .any(|s| front_end.iter().any(|f| s.contains(f))),
        "{related:?}"
    );
    assert!(
        model
            .related(&react)
            .iter()
            .all(|r| r.together >= 3 && r.strength > 0.0)
    );
    let paris = model.needs(&"departement:75".parse().unwrap()).unwrap();
    assert!(paris.offers > 100, "{}", paris.offers);
    assert_eq!(paris.name, "Paris");
    assert_eq!(model.counts.postings, postings.len());
}

#[test]
fn refresh_on_the_same_data_keeps_identities() {
    let postings = demo_postings();
    let first = build(&postings, None);
    let second = build(&postings, Some(&first));
    let refresh = second.refresh.as_ref().unwrap();
    assert!(
        refresh.appeared.is_empty() && refresh.vanished.is_empty(),
        "{refresh:?}"
    );
    let ids = |m: &NeedsModel| -> Vec<(String, String, usize)> {
        m.clusters
            .iter()
            .map(|c| (c.id.clone(), c.label.clone(), c.size))
            .collect()
    };
    assert_eq!(ids(&first), ids(&second));
}

#[test]
fn refresh_without_a_family_reports_it_vanished() {
    let postings = demo_postings();
    let engine = Engine::open(&EngineConfig::builtin()).unwrap();
    let geography = builtin_geography().unwrap();
    let first = engine
        .build_needs(
            &geography,
            &postings,
            &[],
            &NeedsParams::default(),
            None,
            "test",
        )
        .unwrap();
    // The family: the postings of one mid-sized need of the first build.
    let family = first
        .model
        .clusters
        .iter()
        .find(|c| (30..=80).contains(&c.size) && !c.label.starts_with("Compétences"))
        .expect("a mid-sized need")
        .id
        .clone();
    let without: Vec<JobPosting> = postings
        .iter()
        .zip(&first.postings)
        .filter(|(_, analysis)| analysis.cluster.as_deref() != Some(family.as_str()))
        .map(|(posting, _)| posting.clone())
        .collect();
    assert!(without.len() < postings.len());
    let second = build(&without, Some(&first.model));
    let refresh = second.refresh.as_ref().unwrap();
    assert!(
        refresh.vanished.contains(&family),
        "{family} not vanished in {refresh:?}"
    );
    assert!(second.cluster(&family).is_none());
}

#[test]
fn models_round_trip_and_old_formats_load() {
    let model = demo_model().unwrap();
    assert_eq!(model.format_version, passerelle_engine::FORMAT_VERSION);
    assert!(!model.occupations.is_empty());
    assert!(model.clusters.len() >= 6);
    let folder = std::env::temp_dir().join(format!("passerelle-model-{}", std::process::id()));
    save_model(&folder, &model).unwrap();
    let loaded = load_model(&folder).unwrap();
    assert_eq!(loaded, model);
    std::fs::write(folder.join("needs-model.json"), b"{\"format_version\": 99}").unwrap();
    let error = load_model(&folder).unwrap_err().to_string();
    assert!(error.contains("format version 99"), "{error}");
    std::fs::remove_dir_all(&folder).unwrap();

    // A model written by format 1 (the demo model of 2026-11-28, before the métier
    // demand profiles) still loads, upgraded in memory, its clusters intact.
    let old =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("compat/needs-model-format-1.json");
    let raw: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&old).unwrap()).unwrap();
    assert_eq!(raw["format_version"], passerelle_engine::OLDEST_FORMAT);
    let loaded = load_model(&old).unwrap();
    assert_eq!(loaded.format_version, passerelle_engine::FORMAT_VERSION);
    assert!(loaded.occupations.is_empty());
    assert_eq!(
        loaded.clusters.len(),
        raw["clusters"].as_array().unwrap().len()
    );
    assert_eq!(loaded.counts.postings, 1500);
}

#[test]
fn trainings_give_supply_and_tension() {
    let postings = demo_postings();
    let trainings: Vec<passerelle_engine::Training> = passerelle_engine::demo_catalogue()
        .records
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let engine = Engine::open(&EngineConfig::builtin()).unwrap();
    let geography = builtin_geography().unwrap();
    let build = engine
        .build_needs(
            &geography,
            &postings,
            &trainings,
            &NeedsParams::default(),
            None,
            "2026-11-29T00:00:00Z",
        )
        .unwrap();
    assert_eq!(build.trainings.len(), trainings.len());
    assert!(
        build.model.counts.trainings * 10 >= trainings.len() * 7,
        "{}",
        build.model.counts.trainings
    );
    let region = build.model.needs(&"region:11".parse().unwrap()).unwrap();
    let supplied: Vec<_> = region.clusters.iter().filter(|c| c.trainings > 0).collect();
    assert!(!supplied.is_empty());
    for cell in &region.clusters {
        if let Some(tension) = cell.tension {
            let expected = cell.offers as f32 / (cell.seats as f32 + 1.0);
            assert!((tension - expected).abs() < 1e-3, "{cell:?}");
        } else {
            assert!(cell.suppressed);
        }
    }
    // Seats count only sessions from the build date on, never the taken ones, and a
    // training's seats count in every need it answers.
    let total_seats: u32 = region.clusters.iter().map(|c| c.seats).sum();
    let open_seats: u32 = trainings
        .iter()
        .zip(&build.trainings)
        .filter(|(t, _)| {
            geography
                .place(&t.location.as_location())
                .is_ok_and(|p| p.region == "11")
        })
        .map(|(t, needs)| {
            let seats: u32 = (t.sessions.iter())
                .filter(|s| s.start.as_str() >= "2026-11-29")
                .map(|s| {
                    s.seats
                        .unwrap_or(0)
                        .saturating_sub(s.seats_taken.unwrap_or(0))
                })
                .sum();
            seats * needs.len() as u32
        })
        .sum();
    assert!(total_seats > 0);
    assert_eq!(total_seats, open_seats);
}
