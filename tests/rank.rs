//! Rankings at the engine boundary: learner → trainings, territory → trainings and
//! curriculum coverage, on the embedded demo catalogue and needs model (snapshots),
//! plus properties on synthetic catalogues and bad input.
//!
//! Eligibility (issue 18): a learner outside every public never sees a reserved training
//! and the exclusion is counted; a job seeker gets trainings reserved to job seekers;
//! an RQTH learner never gets a training stated as not accessible; adding a public a
//! training aims at never lowers it; every result carries `funding` and `public_fit`.

use std::sync::{Arc, OnceLock};

use passerelle_engine::{
    Certification, CoverageRequest, Curriculum, Engine, EngineConfig, Error, Funding, GenLabel,
    LearnerLocation, LearnerProfile, Modality, Public, Ranker, Session, Situation, Target,
    Training, TrainingLocation, ValidRankParams, builtin_geography, demo_catalogue, demo_model,
    is_open_to,
};
use proptest::prelude::*;
use serde_json::json;

mod eligibility;

const TODAY: &str = "2026-11-29";

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::open(&EngineConfig::builtin()).unwrap())
}

/// The demo catalogue ranked against the demo needs model.
fn demo() -> &'static Ranker {
    static RANKER: OnceLock<Ranker> = OnceLock::new();
    RANKER.get_or_init(|| {
        let trainings = demo_catalogue()
            .records
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        Ranker::new(
            engine().extractor().clone(),
            Arc::new(builtin_geography().unwrap()),
            Arc::new(demo_model().unwrap()),
            trainings,
            ValidRankParams::default(),
        )
    })
}

fn profile(value: serde_json::Value) -> LearnerProfile {
    serde_json::from_value(value).unwrap()
}

fn lyon_web_developer() -> LearnerProfile {
    profile(json!({
        "skills": ["HTML", "CSS"],
        "cv_text": "Assistante administrative pendant 5 ans, à l'aise avec Excel et le travail en équipe. J'ai suivi un MOOC sur JavaScript.",
        "target": {"appellation": "développeur web"},
        "location": {"commune": "69123"},
        "radius_km": 30,
        "modalities": ["presentiel", "distanciel", "hybride"],
        "available_from": "2026-12-01",
        "max_duration_months": 12,
        "level": 4,
        "situation": {"job_seeker": true, "rqth": false}
    }))
}

#[test]
fn recommendations_for_a_lyon_web_developer() {
    let result = demo().recommend(&lyon_web_developer(), TODAY).unwrap();
    assert!(result.trainings.len() >= 3, "{:?}", result.excluded);
    let learner = &result.learner;
    let target = learner.target.as_ref().unwrap();
    assert!(target.label.contains("veloppeur"), "{target:?}");
    assert!(!target.skills.is_empty());
    // Skills from the CV come with spans that point at their words.
    let cv = lyon_web_developer().cv_text.unwrap();
    let javascript = learner
        .cv_skills
        .iter()
        .find(|s| s.label == "JavaScript")
        .expect("JavaScript found in the CV");
    assert_eq!(&cv[javascript.start..javascript.end], "JavaScript");
    for training in &result.trainings {
        assert!(!training.reasons.is_empty());
        assert!(
            training
                .skills_gained
                .iter()
                .all(|g| !learner.skills.iter().any(|h| h.id == g.id)),
            "a held skill is reported as gained"
        );
        if training.modality != Modality::Distanciel {
            assert!(training.distance_km.unwrap() <= 30.0, "{training:?}");
        }
    }
    let shown: Vec<_> = result
        .trainings
        .iter()
        .take(5)
        .map(|t| {
            json!({
                "id": t.id, "title": t.title, "city": t.city, "modality": t.modality,
                "score": t.score, "details": t.details, "reasons": t.reasons,
            })
        })
        .collect();
    insta::assert_json_snapshot!(
        "lyon_web_developer",
        json!({
            "gap": learner.gap.iter().map(|s| &s.label).collect::<Vec<_>>(),
            "excluded": result.excluded,
            "top": shown,
        })
    );
}

#[test]
fn unknown_skills_are_reported_with_a_notice() {
    let mut learner = lyon_web_developer();
    learner.skills.push("rome:999999".into());
    learner.skills.push("zzqxw".into());
    let result = demo().recommend(&learner, TODAY).unwrap();
    assert_eq!(result.learner.unknown_skills, ["rome:999999", "zzqxw"]);
    assert!(
        result
            .notices
            .iter()
            .any(|n| n.starts_with("2 compétence(s) inconnue(s)") && n.contains("« zzqxw »")),
        "{:?}",
        result.notices
    );
    assert!(!result.trainings.is_empty());
}

#[test]
fn expired_full_and_past_trainings_never_appear() {
    let ranker = demo();
    let broad = profile(json!({"target": {"rome": "M1805"}, "limit": 100}));
    let result = ranker.recommend(&broad, TODAY).unwrap();
    assert!(result.excluded.get("label_expired").copied().unwrap_or(0) > 0);
    for recommendation in &result.trainings {
        let training = ranker.training(recommendation.id).unwrap();
        let label = training.label.as_ref().unwrap();
        assert!(label.expires.as_str() >= TODAY, "{}", training.id);
        let next = recommendation.next_session.as_ref().unwrap();
        assert!(next.start >= TODAY);
        assert!(next.seats_left != Some(0));
    }
}

#[test]
fn territory_trainings_and_uncovered_needs() {
    let ranker = demo();
    let territory = "region:84".parse().unwrap();
    let ranking = ranker
        .territory_trainings(&territory, TODAY, false, 10)
        .unwrap();
    assert_eq!(ranking.territory.name, "Auvergne-Rhône-Alpes");
    assert!(!ranking.trainings.is_empty());
    for pair in ranking.trainings.windows(2) {
        assert!(pair[0].score >= pair[1].score);
    }
    for training in &ranking.trainings {
        let placement = ranker.placement(&training.id).unwrap().unwrap();
        assert_eq!(placement.region, "84");
    }
    // An uncovered need is answered by no listed local training.
    for need in &ranking.uncovered {
        assert!(need.offers > 0);
        assert!(
            ranking
                .trainings
                .iter()
                .all(|t| t.covers.iter().all(|c| c.id != need.id))
        );
    }
    insta::assert_json_snapshot!(
        "territory_84",
        json!({
            "offers": ranking.offers,
            "top": ranking.trainings.iter().take(5).map(|t| json!({"id": t.id, "score": t.score, "reasons": t.reasons})).collect::<Vec<_>>(),
            "uncovered": ranking.uncovered,
        })
    );
}

#[test]
fn coverage_report_of_a_pasted_curriculum() {
    let request = CoverageRequest {
        curriculum: Some(
            "Module 1 : intégration de pages web en HTML et CSS. Module 2 : programmation en \
             JavaScript et manipulation du DOM. Module 3 : bases de données SQL. Le HTML sert \
             aussi au projet final."
                .to_string(),
        ),
        territory: "region:84".to_string(),
        ..CoverageRequest::default()
    };
    let report = demo().coverage(&request).unwrap();
    let html = report
        .covered
        .iter()
        .find(|s| s.label == "HTML")
        .expect("HTML covered");
    // Every occurrence, each span on the word.
    assert_eq!(html.evidence.len(), 2, "{:?}", html.evidence);
    for evidence in &html.evidence {
        assert_eq!(&report.text[evidence.start..evidence.end], "HTML");
    }
    assert!(!report.missing.is_empty());
    assert!(report.alignment.score > 0.0 && report.alignment.score < 1.0);
    // A web curriculum is measured against web developers' demand.
    assert!(
        report.occupations.iter().any(|o| o.code == "M1855"),
        "{:?}",
        report.occupations
    );
    assert!(
        report
            .missing
            .iter()
            .all(|m| !report.covered.iter().any(|c| c.id == m.id))
    );
    insta::assert_json_snapshot!(
        "coverage_pasted_84",
        json!({
            "occupations": report.occupations,
            "alignment": report.alignment,
            "territory_wide": report.territory_wide.alignment,
            "covered": report.covered.iter().map(|c| (&c.label, c.evidence.len())).collect::<Vec<_>>(),
            "missing": report.missing.iter().map(|m| (&m.label, m.offers)).collect::<Vec<_>>(),
            "clusters": report.clusters,
            "similar": report.similar.iter().map(|s| (&s.id, s.similarity)).collect::<Vec<_>>(),
        })
    );
}

#[test]
fn coverage_report_of_a_catalogue_training() {
    let ranker = demo();
    let id = ranker.trainings().next().unwrap().id.clone();
    let report = ranker
        .coverage(&CoverageRequest {
            training_id: Some(id.clone()),
            territory: "departement:69".to_string(),
            ..CoverageRequest::default()
        })
        .unwrap();
    assert_eq!(report.training_id.as_deref(), Some(id.as_str()));
    assert!(report.covered.len() >= 5);
    assert!(report.similar.iter().all(|s| s.id != id));
}

fn expect_invalid(result: Result<impl std::fmt::Debug, Error>, field: &str) {
    match result {
        Err(Error::InvalidInput { field: f, .. }) => assert_eq!(f, field),
        other => panic!("expected invalid {field}, got {other:?}"),
    }
}

fn expect_not_found(result: Result<impl std::fmt::Debug, Error>, kind: &str) {
    match result {
        Err(Error::NotFound { kind: k, .. }) => assert_eq!(k.as_str(), kind),
        other => panic!("expected unknown {kind}, got {other:?}"),
    }
}

#[test]
fn bad_profiles_get_errors_naming_the_field() {
    let ranker = demo();
    expect_invalid(ranker.recommend(&profile(json!({})), TODAY), "skills");
    expect_invalid(
        ranker.recommend(&profile(json!({"target": {"rome": "hello"}})), TODAY),
        "target.rome",
    );
    expect_not_found(
        ranker.recommend(&profile(json!({"target": {"rome": "Z9999"}})), TODAY),
        "ROME code",
    );
    expect_not_found(
        ranker.recommend(
            &profile(json!({"skills": ["Python"], "location": {"commune": "99999"}})),
            TODAY,
        ),
        "commune",
    );
    expect_invalid(
        ranker.recommend(
            &profile(json!({"skills": ["Python"], "radius_km": -5})),
            TODAY,
        ),
        "radius_km",
    );
    expect_invalid(
        ranker.recommend(
            &profile(json!({"skills": ["Python"], "available_from": "2026-13-01"})),
            TODAY,
        ),
        "available_from",
    );
    expect_invalid(
        ranker.recommend(
            &profile(json!({"target": {"rome": "M1805", "appellation": "développeur"}})),
            TODAY,
        ),
        "target",
    );
    assert!(serde_json::from_value::<LearnerProfile>(json!({"skils": []})).is_err());
    expect_invalid(
        ranker.coverage(&CoverageRequest {
            curriculum: Some("x".repeat(1 << 21)),
            territory: "region:84".to_string(),
            ..CoverageRequest::default()
        }),
        "curriculum",
    );
    expect_not_found(
        ranker.coverage(&CoverageRequest {
            curriculum: Some("HTML".to_string()),
            territory: "region:99".to_string(),
            ..CoverageRequest::default()
        }),
        "territory",
    );
}

#[test]
fn contradictory_constraints_give_an_empty_list_with_a_reason() {
    let result = demo()
        .recommend(
            &profile(json!({
                "target": {"rome": "M1805"},
                "location": {"postcode": "69003"},
                "radius_km": 0,
                "modalities": ["presentiel"]
            })),
            TODAY,
        )
        .unwrap();
    assert!(result.trainings.is_empty());
    assert!(
        result.notices[0].contains("rayon de 0 km"),
        "{:?}",
        result.notices
    );
}

#[test]
fn non_french_text_is_not_an_error() {
    let result = demo()
        .recommend(
            &profile(json!({"cv_text": "Дата аналитик с опытом работы. 数据分析师。"})),
            TODAY,
        )
        .unwrap();
    assert!(result.learner.cv_skills.is_empty());
    let report = demo()
        .coverage(&CoverageRequest {
            curriculum: Some("Lorem ipsum dolor sit amet, consectetur adipiscing.".into()),
            territory: "region:11".to_string(),
            ..CoverageRequest::default()
        })
        .unwrap();
    assert!(report.covered.is_empty());
    assert_eq!(report.alignment.score, 0.0);
}

// ---- Properties on synthetic catalogues ----

/// Skills whose names the extractor recognises unambiguously.
const POOL: [&str; 10] = [
    "Python",
    "SQL",
    "JavaScript",
    "Docker",
    "Linux",
    "Java",
    "Kubernetes",
    "Power BI",
    "Terraform",
    "Angular",
];

fn training(id: &str, taught: &[&str], modality: Modality, at: (f64, f64)) -> Training {
    Training {
        id: id.to_string(),
        title: "Formation numérique".to_string(),
        certification: Some(Certification {
            kind: "RNCP".into(),
            code: "RNCP00001".into(),
            title: "Titre".into(),
            level: Some(5),
        }),
        provider: "Organisme".to_string(),
        location: TrainingLocation {
            commune: None,
            city: Some("Ville".into()),
            postcode: None,
            lat: Some(at.0),
            lon: Some(at.1),
        },
        modality,
        duration_hours: Some(600),
        duration_months: Some(6.0),
        entry_level: Some(3),
        exit_level: Some(5),
        rome: Vec::new(),
        formacode: Vec::new(),
        sessions: vec![Session {
            start: "2027-02-01".into(),
            end: Some("2027-07-30".into()),
            seats: Some(12),
            seats_taken: Some(2),
        }],
        label: Some(GenLabel {
            granted: "2025-01-01".into(),
            expires: "2028-01-01".into(),
        }),
        publics: Vec::new(),
        reserved_to: Vec::new(),
        funding: vec![Funding::Gratuit, Funding::Region],
        accessible_rqth: Some(true),
        disability_contact: None,
        accessibility: None,
        curriculum: Curriculum {
            objectives: taught
                .iter()
                .map(|s| format!("Module consacré à {s}."))
                .collect::<Vec<_>>()
                .join(" "),
            prerequisites: None,
            modules: Vec::new(),
        },
        demo: true,
    }
}

fn synthetic(trainings: Vec<Training>) -> Ranker {
    Ranker::new(
        engine().extractor().clone(),
        Arc::new(builtin_geography().unwrap()),
        Arc::new(demo_model().unwrap()),
        trainings,
        ValidRankParams::default(),
    )
}

fn learner(held: &[&str], target: &[&str], at: (f64, f64)) -> LearnerProfile {
    LearnerProfile {
        skills: held.iter().map(|s| s.to_string()).collect(),
        target: Some(Target {
            skills: Some(target.iter().map(|s| s.to_string()).collect()),
            ..Target::default()
        }),
        location: Some(LearnerLocation {
            lat: Some(at.0),
            lon: Some(at.1),
            ..LearnerLocation::default()
        }),
        radius_km: Some(200.0),
        ..LearnerProfile::default()
    }
}

/// Position of a training in the ranking, when listed.
fn position(ranker: &Ranker, profile: &LearnerProfile, id: &str) -> Option<usize> {
    let result = ranker.recommend(profile, TODAY).unwrap();
    result.trainings.iter().position(|t| t.id == id)
}

fn score_of(ranker: &Ranker, profile: &LearnerProfile, id: &str) -> Option<f32> {
    let result = ranker.recommend(profile, TODAY).unwrap();
    result
        .trainings
        .iter()
        .find(|t| t.id == id)
        .map(|t| t.score)
}

const LYON: (f64, f64) = (45.764, 4.8357);

fn subset() -> impl Strategy<Value = Vec<&'static str>> {
    proptest::sample::subsequence(POOL.to_vec(), 1..=POOL.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn covering_more_of_the_gap_ranks_higher(target in subset(), extra in 0..POOL.len()) {
        let extra_skill = POOL[extra];
        prop_assume!(target.contains(&extra_skill) && target.len() >= 2);
        let base: Vec<&str> = target.iter().copied().filter(|s| *s != extra_skill).take(1).collect();
        let mut more = base.clone();
        more.push(extra_skill);
        let ranker = synthetic(vec![
            training("a", &base, Modality::Presentiel, (45.75, 4.85)),
            training("b", &more, Modality::Presentiel, (45.75, 4.85)),
        ]);
        let profile = learner(&[], &target, LYON);
        prop_assert_eq!(position(&ranker, &profile, "b"), Some(0));
        prop_assert_eq!(position(&ranker, &profile, "a"), Some(1));
    }

    #[test]
    fn a_held_skill_never_raises_a_training_teaching_only_it(target in subset(), pick in 0..POOL.len()) {
        let skill = POOL[pick];
        let ranker = synthetic(vec![training("only", &[skill], Modality::Presentiel, (45.75, 4.85))]);
        let before = score_of(&ranker, &learner(&[], &target, LYON), "only");
        let after = score_of(&ranker, &learner(&[skill], &target, LYON), "only");
        match (before, after) {
            (Some(b), Some(a)) => prop_assert!(a <= b, "before {b} after {a}"),
            (None, Some(_)) => prop_assert!(false, "appeared after adding a held skill"),
            _ => {}
        }
    }

    #[test]
    fn a_nearer_onsite_training_ranks_higher(taught in subset(), km in 1.0f64..80.0) {
        // Both east of the learner, on the same parallel: "far" is further by `km`.
        let near = (LYON.0, LYON.1 + 0.05);
        let far = (LYON.0, LYON.1 + 0.05 + km / 78.0);
        let ranker = synthetic(vec![
            training("near", &taught, Modality::Presentiel, near),
            training("far", &taught, Modality::Presentiel, far),
        ]);
        let profile = learner(&[], &taught, LYON);
        prop_assert_eq!(position(&ranker, &profile, "near"), Some(0));
        prop_assert_eq!(position(&ranker, &profile, "far"), Some(1));
    }

    #[test]
    fn remote_trainings_ignore_distance(taught in subset(), town in 0..4usize) {
        // Places of one région (Auvergne-Rhône-Alpes), so that only the distance to the
        // remote training's provider (in Paris) changes.
        let towns = [(45.764, 4.8357), (45.7772, 3.087), (45.1885, 5.7245), (45.4397, 4.3872)];
        let ranker = synthetic(vec![training("remote", &taught, Modality::Distanciel, (48.85, 2.35))]);
        let here = ranker.recommend(&learner(&[], &taught, LYON), TODAY).unwrap();
        let there = ranker.recommend(&learner(&[], &taught, towns[town]), TODAY).unwrap();
        prop_assert_eq!(here.trainings[0].details.distance, 0.75);
        prop_assert_eq!(here.trainings[0].score, there.trainings[0].score);
    }

    #[test]
    fn the_preferred_modality_ranks_first(
        taught in subset(),
        order in Just(vec![Modality::Presentiel, Modality::Hybride, Modality::Distanciel]).prop_shuffle(),
        km in 0.0f64..40.0,
    ) {
        // Three trainings equal but for their modality, the on-site ones `km` east of the
        // learner, within a 40 km radius.
        let at = (LYON.0, LYON.1 + km / 78.0);
        let ranker = synthetic(vec![
            training("presentiel", &taught, Modality::Presentiel, at),
            training("hybride", &taught, Modality::Hybride, at),
            training("distanciel", &taught, Modality::Distanciel, at),
        ]);
        let mut profile = learner(&[], &taught, LYON);
        profile.radius_km = Some(40.0);
        profile.modalities = order.clone();
        let result = ranker.recommend(&profile, TODAY).unwrap();
        let ids: Vec<&str> = result.trainings.iter().map(|t| t.id).collect();
        let expected: Vec<&str> = order.iter().map(|m| match m {
            Modality::Presentiel => "presentiel",
            Modality::Hybride => "hybride",
            Modality::Distanciel => "distanciel",
        }).collect();
        prop_assert_eq!(ids, expected, "{:#?}", result.trainings.iter().map(|t| (&t.id, t.score, &t.details)).collect::<Vec<_>>());
    }

    #[test]
    fn rankings_are_deterministic(target in subset()) {
        let profile = learner(&["HTML"], &target, LYON);
        let first = demo().recommend(&profile, TODAY).unwrap();
        let second = demo().recommend(&profile, TODAY).unwrap();
        prop_assert_eq!(first, second);
    }
}

/// Issue 18, point 3: a learner in Lyon accepting every modality within 40 km.
#[test]
fn an_onsite_group_nearby_is_not_outranked_by_remote_on_distance_alone() {
    let near = (LYON.0, LYON.1 + 0.1);
    let ranker = synthetic(vec![
        training(
            "remote",
            &["Python", "SQL"],
            Modality::Distanciel,
            (48.85, 2.35),
        ),
        training("onsite", &["Python", "SQL"], Modality::Presentiel, near),
    ]);
    let mut profile = learner(&[], &["Python", "SQL"], LYON);
    profile.radius_km = Some(40.0);
    let result = ranker.recommend(&profile, TODAY).unwrap();
    assert_eq!(result.trainings[0].id, "onsite");
    // A remote training teaching more of the gap wins, and says why.
    let ranker = synthetic(vec![
        training(
            "remote",
            &["Python", "SQL", "Docker"],
            Modality::Distanciel,
            (48.85, 2.35),
        ),
        training("onsite", &["Python"], Modality::Presentiel, near),
    ]);
    let mut profile = learner(&[], &["Python", "SQL", "Docker"], LYON);
    profile.radius_km = Some(40.0);
    let result = ranker.recommend(&profile, TODAY).unwrap();
    assert_eq!(result.trainings[0].id, "remote");
    let why = result.trainings[0]
        .reasons
        .iter()
        .find(|r| r.starts_with("À distance, classée devant"))
        .unwrap_or_else(|| panic!("{:?}", result.trainings[0].reasons));
    assert!(why.contains("compétences à acquérir"), "{why}");
    assert!(why.contains("à 8 km") || why.contains("km)"), "{why}");
    assert!(
        !result.trainings[1]
            .reasons
            .iter()
            .any(|r| r.starts_with("À distance")),
        "{:?}",
        result.trainings[1].reasons
    );
}

#[test]
fn expired_or_past_trainings_never_appear_in_synthetic_catalogues() {
    let mut expired = training("expired", &["Python"], Modality::Presentiel, LYON);
    expired.label.as_mut().unwrap().expires = "2026-11-28".into();
    let mut past = training("past", &["Python"], Modality::Presentiel, LYON);
    past.sessions[0].start = "2026-11-01".into();
    let mut full = training("full", &["Python"], Modality::Presentiel, LYON);
    full.sessions[0].seats_taken = Some(12);
    let ok = training("ok", &["Python"], Modality::Presentiel, LYON);
    let ranker = synthetic(vec![expired, past, full, ok]);
    let result = ranker
        .recommend(&learner(&[], &["Python"], LYON), TODAY)
        .unwrap();
    let ids: Vec<&str> = result.trainings.iter().map(|t| t.id).collect();
    assert_eq!(ids, ["ok"]);
    assert_eq!(result.excluded["label_expired"], 1);
    assert_eq!(result.excluded["no_upcoming_session"], 1);
    assert_eq!(result.excluded["sessions_full"], 1);
}
