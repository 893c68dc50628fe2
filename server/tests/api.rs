//! The HTTP API through its router, without a socket: failures, a table of bad inputs,
//! the OpenAPI snapshot, a hot refresh under load (each route's success is in
//! `routes.rs`, the logs' freedom from profiles in `logs.rs`).

#[path = "api/bad_inputs.rs"]
mod bad_inputs;
#[path = "common/router.rs"]
mod router;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bad_inputs::bad_inputs;
use passerelle_server::api::{self, AppState, Settings};
use router::{DEMO_OFFERS, app, get, post_json, send, snapshot};
use serde_json::{Value, json};

const TOKEN: &str = "test-token-1234";

/// Issue 18, checked from outside: a learner in no priority public never gets a reserved
/// training and the exclusion is counted; a job seeker gets trainings reserved to job
/// seekers; every result has `funding` and `details.public_fit`; a territory shows its
/// seats per priority public; a provider reads a training's label readiness.
#[tokio::test]
async fn eligibility_and_label_readiness_through_the_api() {
    let ask = |situation: Value| {
        json!({"skills": ["HTML"], "target": {"rome": "M1805"}, "location": {"commune": "69123"},
               "radius_km": 800, "limit": 100, "situation": situation})
        .to_string()
    };
    let nobody = post_json("/api/v1/recommendations", ask(json!({}))).await;
    assert_eq!(nobody.status, StatusCode::OK);
    let nobody = nobody.json();
    let listed = nobody["trainings"].as_array().unwrap();
    assert!(!listed.is_empty());
    for training in listed {
        assert_eq!(training["reserved_to"], json!([]), "{}", training["id"]);
        assert!(!training["funding"].as_array().unwrap().is_empty());
        assert_eq!(training["details"]["public_fit"], 0.0);
    }
    assert!(nobody["excluded"]["reserved_public"].as_u64().unwrap() > 0);

    let job_seeker = post_json("/api/v1/recommendations", ask(json!({"job_seeker": true}))).await;
    let job_seeker = job_seeker.json();
    let reserved: Vec<&Value> = job_seeker["trainings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["reserved_to"] == json!(["demandeurs_emploi"]))
        .collect();
    assert!(!reserved.is_empty());
    assert!(reserved.iter().all(|t| t["details"]["public_fit"] == 1.0));

    let bad = post_json("/api/v1/recommendations", ask(json!({"retired": true}))).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(String::from_utf8_lossy(&bad.body).contains("situation"));

    let needs = get("/api/v1/territories/region/84/needs").await.json();
    let publics = needs["publics"].as_array().unwrap();
    assert_eq!(publics.len(), 7);
    assert_eq!(publics[0]["public"], "demandeurs_emploi");
    assert!(publics[0]["open_seats"].as_u64().unwrap() <= needs["seats"].as_u64().unwrap());

    let readiness = get("/api/v1/trainings/gen-0001/label-readiness").await;
    assert_eq!(readiness.status, StatusCode::OK);
    let readiness = readiness.json();
    let criteria = readiness["criteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 5);
    for criterion in criteria {
        assert!(criterion["met"].is_boolean() || criterion["met"].is_null());
        assert!(!criterion["why"].as_str().unwrap().is_empty());
    }
    let unknown = get("/api/v1/trainings/nope/label-readiness").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);

    let document = serde_json::to_value(api::openapi()).unwrap();
    assert!(document["paths"]["/api/v1/trainings/{id}/label-readiness"].is_object());
    let schemas = &document["components"]["schemas"];
    assert!(schemas["Situation"]["properties"]["low_qualified"].is_object());
    assert!(schemas["TrainingEligibility"]["properties"]["reserved_to"].is_object());
}

#[tokio::test]
async fn openapi_document_is_stable() {
    let document = serde_json::to_value(api::openapi()).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    insta::assert_json_snapshot!("openapi", document);
}

/// English words that engine and serde messages used to carry into 422 answers.
const ENGLISH: [&str; 18] = [
    "must",
    "between",
    "give",
    "expected",
    "invalid type",
    "invalid value",
    "is not",
    "empty",
    "longer",
    "at most",
    "unknown field",
    "missing field",
    "kilometres",
    "months",
    "failed",
    "digit",
    "exceeded",
    " or ",
];

fn assert_french(what: &str, message: &str) {
    // Field names and values quoted « … » are the caller's, not the message's words.
    let mut lower = String::new();
    let mut quoted = false;
    for c in message.to_lowercase().chars() {
        match c {
            '«' => quoted = true,
            '»' => quoted = false,
            _ if !quoted => lower.push(c),
            _ => {}
        }
    }
    for word in ENGLISH {
        assert!(!lower.contains(word), "{what}: « {word} » in {message}");
    }
}

#[tokio::test]
async fn profile_and_parameter_errors_are_worded_in_french() {
    let base = json!({"skills": ["HTML"], "location": {"commune": "69123"}});
    let with = |key: &str, value: Value| {
        let mut profile = base.clone();
        profile[key] = value;
        profile.to_string()
    };
    let cases = [
        (
            "radius_km",
            with("radius_km", json!(5000)),
            "attendu un nombre de 0 à 2000 km",
        ),
        (
            "radius_km",
            with("radius_km", json!("loin")),
            "le texte « loin » reçu, un nombre attendu",
        ),
        (
            "limit",
            with("limit", json!(0)),
            "attendu un nombre de 1 à 100",
        ),
        (
            "level",
            with("level", json!(9)),
            "attendu un nombre de 1 à 8",
        ),
        (
            "max_duration_months",
            with("max_duration_months", json!(500)),
            "de 0 à 120 mois",
        ),
        (
            "available_from",
            with("available_from", json!("demain")),
            "n'est pas une date",
        ),
        (
            "modalities[0]",
            with("modalities", json!(["avion"])),
            "valeur inconnue « avion »",
        ),
        (
            "location",
            with("location", json!({"lat": 95.0, "lon": 2.0})),
            "lat (de -90 à 90)",
        ),
        (
            "target",
            with("target", json!({"rome": "M1855", "appellation": "x"})),
            "un et un seul",
        ),
        (
            "body",
            json!({"skills": ["HTML"], "rayon": 3}).to_string(),
            "champ inconnu « rayon »",
        ),
    ];
    for (field, body, expect) in cases {
        let answer = post_json("/api/v1/recommendations", body).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let error = answer.json();
        let message = error["message"].as_str().unwrap();
        assert!(message.contains(expect), "{field}: {message}");
        assert_french(field, message);
        if field != "body" {
            assert_eq!(error["field"], field, "{message}");
        }
    }
    let answer = get("/api/v1/trainings?limit=beaucoup").await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    let error = answer.json();
    assert_eq!(error["field"], "limit", "{error}");
    assert_french("query limit", error["message"].as_str().unwrap());
}

#[tokio::test]
async fn answers_write_numbers_with_four_decimals_and_no_negative_zero() {
    let profile = json!({
        "skills": ["HTML", "CSS"], "target": {"appellation": "développeur web"},
        "location": {"commune": "69123"}, "radius_km": 40,
        "modalities": ["presentiel", "hybride", "distanciel"],
    });
    let answers = [
        post_json("/api/v1/recommendations", profile.to_string()).await,
        post_json(
            "/api/v1/extract",
            json!({"title": "Développeur React", "text": "Python exigé, SQL apprécié, Docker."})
                .to_string(),
        )
        .await,
        // A curriculum without any demanded skill: an alignment of zero, not -0.0.
        post_json(
            "/api/v1/coverage",
            json!({"curriculum": "Atelier de poterie et de jardinage.", "territory": "region:84"})
                .to_string(),
        )
        .await,
        post_json(
            "/api/v1/coverage",
            json!({"curriculum": "HTML, CSS et JavaScript ; bases de données SQL.", "territory": "region:84"})
                .to_string(),
        )
        .await,
        get("/api/v1/territories/region/84/trainings").await,
        get("/api/v1/territories/region/84/needs").await,
        get("/api/v1/clusters").await,
        get("/api/v1/skills?q=python").await,
        get("/api/v1/indicators?level=region").await,
    ];
    for answer in answers {
        assert_eq!(
            answer.status,
            StatusCode::OK,
            "{}",
            String::from_utf8_lossy(&answer.body)
        );
        let text = String::from_utf8(answer.body).unwrap();
        assert!(
            !passerelle_server::json::has_unclean_number(&text),
            "{}",
            &text[..text.len().min(2000)]
        );
    }
}

#[tokio::test]
async fn coverage_names_the_metiers_it_measured_against() {
    let answer = post_json(
        "/api/v1/coverage",
        json!({
            "title": "Développeur web et web mobile",
            "curriculum": "Développer des interfaces en HTML, CSS et JavaScript avec React ; \
                           développer une API REST ; concevoir une base de données SQL.",
            "territory": "region:84",
        })
        .to_string(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    let report = answer.json();
    let occupations = report["occupations"].as_array().unwrap();
    assert!(
        occupations.iter().any(|o| o["code"] == "M1855"),
        "{occupations:?}"
    );
    for occupation in occupations {
        assert!(occupation["why"].as_str().unwrap().contains("reconnu"));
    }
    assert!(
        report["alignment"]["against"]
            .as_str()
            .unwrap()
            .contains("Développeur / Développeuse web"),
        "{}",
        report["alignment"]
    );
    assert!(report["territory_wide"]["alignment"]["score"].is_number());
    // Métiers given by the provider come first, with their reason.
    let given = post_json(
        "/api/v1/coverage",
        json!({"curriculum": "HTML et CSS.", "territory": "region:84", "rome": ["M1855"]})
            .to_string(),
    )
    .await
    .json();
    assert_eq!(given["occupations"][0]["code"], "M1855", "{given}");
    assert!(
        given["occupations"][0]["why"]
            .as_str()
            .unwrap()
            .starts_with("indiqué par l'organisme")
    );
    let bad = post_json(
        "/api/v1/coverage",
        json!({"curriculum": "HTML", "territory": "region:84", "rome": ["web"]}).to_string(),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.json()["field"], "rome[0]");
}

#[tokio::test]
async fn bad_inputs_get_stable_4xx_codes() {
    let app = app();
    let cases = bad_inputs();
    assert!(cases.len() >= 30);
    for (what, method, uri, content_type, body, status, code) in cases {
        let mut request = Request::builder().method(method).uri(&uri);
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        let answer = send(&app, request.body(Body::from(body)).unwrap()).await;
        assert_eq!(
            answer.status.as_u16(),
            status,
            "{what}: {}",
            String::from_utf8_lossy(&answer.body[..answer.body.len().min(300)])
        );
        let error = answer.json();
        assert_eq!(error["code"], code, "{what}: {error}");
        let message = error["message"].as_str().unwrap();
        assert!(!message.is_empty(), "{what}");
        if status == 422 {
            assert_french(what, message);
        }
    }
    // Query syntax in q is searched as words, not interpreted.
    let injected = get("/api/v1/search?q=title%3A*%20AND%20(python%20OR%20%22").await;
    assert_eq!(injected.status, StatusCode::OK);
    // And the service still answers.
    assert_eq!(get("/healthz").await.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hot_refresh_under_load_fails_no_request_and_never_mixes_versions() {
    let state = AppState::new(
        snapshot(1),
        Settings {
            admin_token: Some(TOKEN.to_string()),
            today: Some("2026-11-29".to_string()),
            ..Settings::default()
        },
    );
    let before_clusters = state.current().ranker.model().clusters.len();
    let app = api::router(state.clone());
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut load = Vec::new();
    for worker in 0..6 {
        let app = app.clone();
        let stop = stop.clone();
        load.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let answer = if worker % 2 == 0 {
                    send(
                        &app,
                        Request::get("/api/v1/clusters")
                            .body(Body::empty())
                            .unwrap(),
                    )
                    .await
                } else {
                    send(
                        &app,
                        Request::post("/api/v1/recommendations")
                            .header(header::CONTENT_TYPE, "application/json")
                            .body(Body::from(json!({"target": {"rome": "M1805"}}).to_string()))
                            .unwrap(),
                    )
                    .await
                };
                assert_eq!(
                    answer.status,
                    StatusCode::OK,
                    "{}",
                    String::from_utf8_lossy(&answer.body)
                );
                let body = answer.json();
                let version = body["model_version"]
                    .as_str()
                    .or_else(|| body["model"]["version"].as_str())
                    .unwrap()
                    .to_string();
                let clusters = body["clusters"].as_array().map(Vec::len);
                seen.push((version, clusters));
                // A socket would yield here; without one, let timers and the refresh run.
                tokio::task::yield_now().await;
            }
            seen
        }));
    }
    // A new batch: every other demo offer.
    let batch: String = DEMO_OFFERS
        .lines()
        .step_by(2)
        .map(|l| format!("{l}\n"))
        .collect();
    let unauthorised = send(
        &app,
        Request::post("/api/v1/admin/refresh")
            .body(Body::from(batch.clone()))
            .unwrap(),
    )
    .await;
    assert_eq!(unauthorised.status, StatusCode::UNAUTHORIZED);
    // Three offers would replace a corpus of 1,500: refused unless forced.
    let tiny: String = DEMO_OFFERS
        .lines()
        .take(3)
        .map(|l| format!("{l}\n"))
        .collect();
    let refused = send(
        &app,
        Request::post("/api/v1/admin/refresh")
            .header(header::AUTHORIZATION, format!("bearer {TOKEN}"))
            .body(Body::from(tiny))
            .unwrap(),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        String::from_utf8_lossy(&refused.body).contains("force=true"),
        "{}",
        String::from_utf8_lossy(&refused.body)
    );
    let refreshed = send(
        &app,
        Request::post("/api/v1/admin/refresh")
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::from(batch))
            .unwrap(),
    )
    .await;
    assert_eq!(
        refreshed.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&refreshed.body)
    );
    let refreshed = refreshed.json();
    assert_eq!(refreshed["version"], 2);
    assert_eq!(refreshed["report"]["accepted"], 750);
    let after_clusters = refreshed["clusters"].as_u64().unwrap() as usize;
    // Let the load run on the new model a little.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let mut versions = std::collections::BTreeSet::new();
    let mut total = 0;
    for worker in load {
        let seen = worker.await.expect("no request failed");
        for (version, clusters) in seen {
            total += 1;
            // A clusters answer lists the clusters of the version it names.
            if let Some(clusters) = clusters {
                let expected = if version.ends_with("#1") {
                    before_clusters
                } else {
                    after_clusters
                };
                assert_eq!(clusters, expected, "{version}");
            }
            versions.insert(version);
        }
    }
    assert!(total > 20, "{total} requests");
    assert!(
        versions
            .iter()
            .all(|v| v.ends_with("#1") || v.ends_with("#2")),
        "{versions:?}"
    );
    assert!(
        versions.iter().any(|v| v.ends_with("#2")),
        "the new model is served"
    );
}
