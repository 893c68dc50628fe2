//! The HTTP API through its router, without a socket: failures, a table of bad inputs,
//! the OpenAPI snapshot, a hot refresh under load (each route's success is in
//! `routes.rs`, the logs' freedom from profiles in `logs.rs`).

#[path = "common/router.rs"]
mod router;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
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

/// (what, method, uri, content type, body, expected status, expected code)
type Case = (
    &'static str,
    &'static str,
    String,
    Option<&'static str>,
    Vec<u8>,
    u16,
    &'static str,
);

fn bad_inputs() -> Vec<Case> {
    let json = Some("application/json");
    let nested = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let rec = "/api/v1/recommendations".to_string();
    let cov = "/api/v1/coverage".to_string();
    let ext = "/api/v1/extract".to_string();
    let b = |v: Value| v.to_string().into_bytes();
    vec![
        (
            "invalid UTF-8",
            "POST",
            rec.clone(),
            json,
            vec![b'{', 0xff, 0xfe, b'}'],
            400,
            "invalid_json",
        ),
        (
            "truncated JSON",
            "POST",
            rec.clone(),
            json,
            b"{\"skills\": [\"HTML\"".to_vec(),
            400,
            "invalid_json",
        ),
        (
            "deeply nested JSON",
            "POST",
            rec.clone(),
            json,
            nested.into_bytes(),
            422,
            "invalid_input",
        ),
        (
            "trailing garbage",
            "POST",
            rec.clone(),
            json,
            b"{\"skills\":[\"HTML\"]} x".to_vec(),
            400,
            "invalid_json",
        ),
        (
            "huge body",
            "POST",
            rec.clone(),
            json,
            vec![b' '; 3 << 20],
            413,
            "payload_too_large",
        ),
        (
            "no content type",
            "POST",
            rec.clone(),
            None,
            b(json!({"skills": ["HTML"]})),
            415,
            "unsupported_media_type",
        ),
        (
            "text content type",
            "POST",
            rec.clone(),
            Some("text/plain"),
            b(json!({"skills": ["HTML"]})),
            415,
            "unsupported_media_type",
        ),
        (
            "wrong type",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": "HTML"})),
            422,
            "invalid_input",
        ),
        (
            "array body",
            "POST",
            rec.clone(),
            json,
            b(json!([1, 2])),
            422,
            "invalid_input",
        ),
        (
            "null body",
            "POST",
            rec.clone(),
            json,
            b"null".to_vec(),
            422,
            "invalid_input",
        ),
        (
            "unknown field",
            "POST",
            rec.clone(),
            json,
            b(json!({"skils": ["HTML"]})),
            422,
            "invalid_input",
        ),
        (
            "empty profile",
            "POST",
            rec.clone(),
            json,
            b(json!({})),
            422,
            "invalid_input",
        ),
        (
            "negative radius",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "radius_km": -3})),
            422,
            "invalid_input",
        ),
        (
            "radius not a number",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "radius_km": "loin"})),
            422,
            "invalid_input",
        ),
        (
            "level out of range",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "level": 12})),
            422,
            "invalid_input",
        ),
        (
            "limit zero",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "limit": 0})),
            422,
            "invalid_input",
        ),
        (
            "not a date",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "available_from": "demain"})),
            422,
            "invalid_input",
        ),
        (
            "unknown modality",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "modalities": ["teleportation"]})),
            422,
            "invalid_input",
        ),
        (
            "two targets",
            "POST",
            rec.clone(),
            json,
            b(json!({"target": {"rome": "M1805", "appellation": "dev"}})),
            422,
            "invalid_input",
        ),
        (
            "malformed ROME code",
            "POST",
            rec.clone(),
            json,
            b(json!({"target": {"rome": "M18O5'; DROP"}})),
            422,
            "invalid_input",
        ),
        (
            "unknown ROME code",
            "POST",
            rec.clone(),
            json,
            b(json!({"target": {"rome": "Z9999"}})),
            404,
            "unknown_rome",
        ),
        (
            "malformed commune",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "location": {"commune": "../etc"}})),
            422,
            "invalid_input",
        ),
        (
            "unknown commune",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "location": {"commune": "99999"}})),
            404,
            "unknown_commune",
        ),
        (
            "latitude out of range",
            "POST",
            rec.clone(),
            json,
            b(json!({"skills": ["HTML"], "location": {"lat": 123.0, "lon": 2.0}})),
            422,
            "invalid_input",
        ),
        (
            "CV over 200 kB",
            "POST",
            rec.clone(),
            json,
            b(json!({"cv_text": "a ".repeat(150_000)})),
            422,
            "invalid_input",
        ),
        (
            "empty extract text",
            "POST",
            ext.clone(),
            json,
            b(json!({"text": "  "})),
            422,
            "invalid_input",
        ),
        (
            "extract text not a string",
            "POST",
            ext.clone(),
            json,
            b(json!({"text": 42})),
            422,
            "invalid_input",
        ),
        (
            "coverage without curriculum",
            "POST",
            cov.clone(),
            json,
            b(json!({"territory": "region:84"})),
            422,
            "invalid_input",
        ),
        (
            "coverage bad territory",
            "POST",
            cov.clone(),
            json,
            b(json!({"curriculum": "HTML", "territory": "la-bas"})),
            422,
            "invalid_input",
        ),
        (
            "coverage unknown territory",
            "POST",
            cov.clone(),
            json,
            b(json!({"curriculum": "HTML", "territory": "region:99"})),
            404,
            "unknown_territory",
        ),
        (
            "coverage unknown training",
            "POST",
            cov.clone(),
            json,
            b(json!({"training_id": "gen-9999", "territory": "region:84"})),
            404,
            "unknown_training",
        ),
        (
            "coverage path traversal id",
            "POST",
            cov.clone(),
            json,
            b(json!({"training_id": "../../etc/passwd", "territory": "region:84"})),
            422,
            "invalid_input",
        ),
        (
            "training path traversal",
            "GET",
            "/api/v1/trainings/..%2F..%2Fetc%2Fpasswd".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "unknown training",
            "GET",
            "/api/v1/trainings/gen-9999".into(),
            None,
            vec![],
            404,
            "unknown_training",
        ),
        (
            "search bad ROME",
            "GET",
            "/api/v1/search?q=python&rome=12345".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "search bad kind",
            "GET",
            "/api/v1/search?q=python&kind=everything".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "search bad territory",
            "GET",
            "/api/v1/search?q=python&territory=mars:1".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "search unknown territory",
            "GET",
            "/api/v1/search?q=python&territory=departement:000".into(),
            None,
            vec![],
            404,
            "unknown_territory",
        ),
        (
            "search over-long q",
            "GET",
            format!("/api/v1/search?q={}", "a".repeat(2000)),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "unknown query parameter",
            "GET",
            "/api/v1/search?q=python&drop=1".into(),
            None,
            vec![],
            422,
            "invalid_query",
        ),
        (
            "limit not a number",
            "GET",
            "/api/v1/trainings?limit=ten".into(),
            None,
            vec![],
            422,
            "invalid_query",
        ),
        (
            "limit zero",
            "GET",
            "/api/v1/skills?q=py&limit=0".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "limit over the route's bound",
            "GET",
            "/api/v1/trainings?limit=501".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "path segment not UTF-8",
            "GET",
            "/api/v1/trainings/%ff%fe".into(),
            None,
            vec![],
            400,
            "invalid_path",
        ),
        (
            "skills without q",
            "GET",
            "/api/v1/skills".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "indicators bad level",
            "GET",
            "/api/v1/indicators?level=planete".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "indicators bad format",
            "GET",
            "/api/v1/indicators?format=xlsx".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "indicators unknown cluster",
            "GET",
            "/api/v1/indicators?cluster=besoin-99".into(),
            None,
            vec![],
            404,
            "unknown_cluster",
        ),
        (
            "indicators unknown skill",
            "GET",
            "/api/v1/indicators?skill=passerelle:nope".into(),
            None,
            vec![],
            404,
            "unknown_skill",
        ),
        (
            "territory bad level",
            "GET",
            "/api/v1/territories/galaxie/84/needs".into(),
            None,
            vec![],
            422,
            "invalid_input",
        ),
        (
            "territory unknown code",
            "GET",
            "/api/v1/territories/region/99/trainings".into(),
            None,
            vec![],
            404,
            "unknown_territory",
        ),
        (
            "unknown cluster",
            "GET",
            "/api/v1/clusters/besoin-99".into(),
            None,
            vec![],
            404,
            "unknown_cluster",
        ),
        (
            "no such outlines",
            "GET",
            "/api/v1/geography/commune.geojson".into(),
            None,
            vec![],
            404,
            "not_found",
        ),
        (
            "unknown route",
            "GET",
            "/api/v1/nothing".into(),
            None,
            vec![],
            404,
            "no_route",
        ),
        (
            "wrong method",
            "GET",
            rec.clone(),
            None,
            vec![],
            405,
            "method_not_allowed",
        ),
        (
            "refresh disabled",
            "POST",
            "/api/v1/admin/refresh".into(),
            None,
            b"{}".to_vec(),
            404,
            "admin_disabled",
        ),
        (
            "asset traversal",
            "GET",
            "/assets/..%2F..%2FCargo.toml".into(),
            None,
            vec![],
            404,
            "not_found",
        ),
    ]
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
