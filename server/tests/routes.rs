//! Every route of the API answers, one test per route so a failure hides no other:
//! each checks the status and what its users read first in the answer.

#[path = "common/router.rs"]
mod router;

use router::{get, post_json};
use serde_json::{Value, json};

#[tokio::test]
async fn healthz() {
    let health = get("/healthz").await.ok("healthz");
    assert_eq!(health.json()["trainings"], 340);
}

#[tokio::test]
async fn extract_reports_every_occurrence() {
    let extract = post_json(
        "/api/v1/extract",
        json!({"title": "Développeur web (H/F)", "text": "Vous maîtrisez JavaScript et React. JavaScript est exigé."}).to_string(),
    )
    .await
    .ok("extract");
    let skills = extract.json()["skills"].as_array().unwrap().clone();
    let javascript = skills.iter().filter(|s| s["label"] == "JavaScript").count();
    assert_eq!(javascript, 2, "every occurrence is reported");
}

async fn recommendations() -> Value {
    post_json(
        "/api/v1/recommendations",
        json!({"skills": ["HTML", "CSS"], "target": {"rome": "M1805"}, "location": {"commune": "69123"}, "radius_km": 30}).to_string(),
    )
    .await
    .ok("recommendations")
    .json()
}

#[tokio::test]
async fn recommendations_come_with_reasons_and_details() {
    let body = recommendations().await;
    let trainings = body["trainings"].as_array().unwrap();
    assert!(!trainings.is_empty());
    for training in trainings {
        assert!(training["reasons"].as_array().unwrap().len() >= 2);
        for factor in [
            "gap_coverage",
            "target_fit",
            "level_fit",
            "distance",
            "next_session",
            "demand",
        ] {
            let value = training["details"][factor].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&value), "{factor} {value}");
        }
    }
}

#[tokio::test]
async fn a_training_with_its_skill_spans() {
    let body = recommendations().await;
    let id = body["trainings"][0]["id"].as_str().unwrap().to_string();
    let training = get(&format!("/api/v1/trainings/{id}")).await.ok("training");
    let training = training.json();
    let text = training["text"].as_str().unwrap();
    for span in training["skills"].as_array().unwrap() {
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert!(text.get(start..end).is_some(), "span on a char boundary");
    }
}

#[tokio::test]
async fn trainings_list() {
    let list = get("/api/v1/trainings?q=developpeur&territory=region:84")
        .await
        .ok("trainings");
    assert!(!list.json()["trainings"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn search_with_snippets() {
    let search = get("/api/v1/search?q=python&kind=posting&territory=region:11")
        .await
        .ok("search");
    let hits = search.json();
    assert!(hits["total"].as_u64().unwrap() > 0);
    assert!(hits["hits"][0]["snippet"].as_str().unwrap().contains("<b>"));
}

#[tokio::test]
async fn skills_by_prefix() {
    let skills = get("/api/v1/skills?q=javasc").await.ok("skills");
    assert_eq!(skills.json()["skills"][0]["label"], "JavaScript");
}

#[tokio::test]
async fn occupations_by_words() {
    let occupations = get("/api/v1/occupations?q=developpeur%20web")
        .await
        .ok("occupations");
    let first = occupations.json()["occupations"][0]["appellation"]
        .as_str()
        .unwrap()
        .to_lowercase();
    assert!(first.contains("web"), "{first}");
}

#[tokio::test]
async fn communes_by_postcode() {
    let communes = get("/api/v1/communes?q=69003").await.ok("communes");
    assert_eq!(communes.json()["communes"][0]["code"], "69383");
}

async fn first_cluster() -> String {
    let clusters = get("/api/v1/clusters").await.ok("clusters");
    clusters.json()["clusters"][0]["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn clusters_and_a_cluster() {
    let first = first_cluster().await;
    let cluster = get(&format!("/api/v1/clusters/{first}"))
        .await
        .ok("cluster");
    assert!(!cluster.json()["territories"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn emerging() {
    let emerging = get("/api/v1/emerging").await.ok("emerging");
    assert!(emerging.json().is_object());
}

#[tokio::test]
async fn geography_with_real_outlines() {
    let geography = get("/api/v1/geography").await.ok("geography").json();
    assert_eq!(geography["regions"].as_array().unwrap().len(), 18);
    // France's real outlines by default (overseas included), with their attribution.
    assert_eq!(geography["outlines"], true);
    for (file, count) in [("region", 18), ("departement", 101)] {
        let outlines = get(&format!("/api/v1/geography/{file}.geojson"))
            .await
            .ok("outlines")
            .json();
        assert_eq!(outlines["features"].as_array().unwrap().len(), count);
        assert!(outlines["attribution"].as_str().unwrap().contains("IGN"));
    }
}

#[tokio::test]
async fn indicators_in_json_csv_and_geojson() {
    let first = first_cluster().await;
    let indicators = get(&format!(
        "/api/v1/indicators?level=departement&indicator=gap&cluster={first}"
    ))
    .await
    .ok("indicators");
    assert_eq!(indicators.json()["values"].as_array().unwrap().len(), 101);
    let csv = get("/api/v1/indicators?level=region&format=csv")
        .await
        .ok("indicators csv");
    assert!(csv.content_type.starts_with("text/csv"));
    assert_eq!(String::from_utf8(csv.body).unwrap().lines().count(), 19);
    let geojson = get("/api/v1/indicators?level=region&format=geojson")
        .await
        .ok("indicators geojson");
    assert_eq!(geojson.json()["features"].as_array().unwrap().len(), 18);
}

#[tokio::test]
async fn territory_needs() {
    let needs = get("/api/v1/territories/region/84/needs")
        .await
        .ok("territory needs");
    assert!(needs.json()["offers"].as_u64().unwrap() > 0);
}

#[tokio::test]
async fn territory_trainings() {
    let ranked = get("/api/v1/territories/departement/69/trainings")
        .await
        .ok("territory trainings");
    assert!(!ranked.json()["trainings"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn coverage_with_examples() {
    let coverage = post_json(
        "/api/v1/coverage",
        json!({"curriculum": "HTML, CSS et JavaScript ; bases de données SQL.", "territory": "region:84"}).to_string(),
    )
    .await
    .ok("coverage");
    let report = coverage.json();
    assert!(!report["covered"].as_array().unwrap().is_empty());
    assert!(!report["missing"].as_array().unwrap().is_empty());
    assert!(
        !report["missing"][0]["examples"]
            .as_array()
            .unwrap()
            .is_empty(),
        "missing skills come with example postings"
    );
}

#[tokio::test]
async fn metrics() {
    let metrics = get("/metrics").await.ok("metrics");
    let text = String::from_utf8(metrics.body).unwrap();
    assert!(text.contains("passerelle_model_version 1"));
    assert!(text.contains("passerelle_model_age_seconds"));
}

/// The value of the metric `name` for `route` in a Prometheus text exposition.
fn metric(text: &str, name: &str, route: &str) -> f64 {
    let prefix = format!("{name}{{route=\"{route}\"}} ");
    text.lines()
        .find_map(|line| line.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{name} for {route} in /metrics"))
        .parse()
        .unwrap()
}

#[tokio::test]
async fn metrics_time_the_work_and_the_writing_of_answers() {
    recommendations().await;
    get("/api/v1/territories/region/84/needs")
        .await
        .ok("territory needs");
    get("/api/v1/trainings?limit=1").await.ok("trainings");
    let text = String::from_utf8(get("/metrics").await.ok("metrics").body).unwrap();
    let ranked = "/api/v1/recommendations";
    assert!(metric(&text, "passerelle_answers_serialised_total", ranked) >= 1.0);
    assert!(metric(&text, "passerelle_answers_computed_total", ranked) >= 1.0);
    assert!(metric(&text, "passerelle_answer_serialise_seconds_total", ranked) > 0.0);
    assert!(metric(&text, "passerelle_answer_compute_seconds_total", ranked) > 0.0);
    let needs = "/api/v1/territories/{level}/{code}/needs";
    assert!(metric(&text, "passerelle_answer_serialise_seconds_total", needs) > 0.0);
    assert!(metric(&text, "passerelle_answer_compute_seconds_total", needs) > 0.0);
    // A handler that builds its answer before writing it has only the writing timed.
    let trainings = "/api/v1/trainings";
    assert!(metric(&text, "passerelle_answers_serialised_total", trainings) >= 1.0);
    assert!(
        !text.contains(&format!(
            "passerelle_answers_computed_total{{route=\"{trainings}\"}}"
        )),
        "no engine time is claimed for a route that does not time it"
    );
}

#[tokio::test]
async fn web_app_docs_and_openapi() {
    let index = get("/").await.ok("web");
    assert!(index.content_type.starts_with("text/html"));
    get("/docs/").await.ok("swagger ui");
    let openapi = get("/openapi.json").await.ok("openapi").json();
    assert!(openapi["paths"]["/api/v1/recommendations"].is_object());
}
