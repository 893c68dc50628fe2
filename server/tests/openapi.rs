//! The OpenAPI document of the real `passerelle serve` binary (embedded demo, on
//! loopback) against itself and against the server's answers: every JSON answer and
//! request body of `/api/v1` has an object schema with properties, and real answers
//! have the fields their schemas declare.

mod common;
#[path = "common/openapi.rs"]
mod openapi;

use std::net::SocketAddr;

use common::{ServerGuard, request};
use serde_json::Value;

/// The server on the embedded demo.
fn serve() -> (ServerGuard, SocketAddr) {
    common::serve_demo(&[])
}

/// A GET answer: its status and body.
fn get(addr: SocketAddr, path: &str) -> (u16, Vec<u8>) {
    request(addr, "GET", path, &[], b"").unwrap_or_else(|| panic!("GET {path}: no answer"))
}

fn get_json(addr: SocketAddr, path: &str) -> Value {
    let (status, body) = get(addr, path);
    assert_eq!(
        status,
        200,
        "GET {path}: {}",
        String::from_utf8_lossy(&body)
    );
    serde_json::from_slice(&body).unwrap_or_else(|e| panic!("GET {path}: not JSON ({e})"))
}

#[test]
fn every_json_answer_and_body_is_typed_in_openapi() {
    let (_server, addr) = serve();
    let document = get_json(addr, "/openapi.json");
    let contracts = openapi::api_contracts(&document);
    let answers = contracts.iter().filter(|c| c.part == "answer").count();
    assert!(answers >= 15, "only {answers} JSON answers documented");
    assert!(
        contracts
            .iter()
            .any(|c| c.route == "POST /api/v1/recommendations" && c.part == "request body"),
        "the recommendations body is documented"
    );
    let offenders: Vec<String> = contracts
        .iter()
        .filter(|c| {
            c.schema
                .as_ref()
                .and_then(|schema| openapi::properties(&document, schema))
                .is_none()
        })
        .map(|c| {
            format!(
                "{} ({}): {}",
                c.route,
                c.part,
                c.schema
                    .as_ref()
                    .map_or("no schema".into(), Value::to_string)
            )
        })
        .collect();
    assert!(
        offenders.is_empty(),
        "{} of {} JSON contracts have no object schema with properties:\n{}",
        offenders.len(),
        contracts.len(),
        offenders.join("\n")
    );
}

#[test]
fn answers_match_their_openapi_schemas() {
    let (_server, addr) = serve();
    let document = get_json(addr, "/openapi.json");
    let training = get_json(addr, "/api/v1/trainings?limit=1")["trainings"][0]["id"]
        .as_str()
        .expect("a training")
        .to_string();
    let cluster = get_json(addr, "/api/v1/clusters")["clusters"][0]["id"]
        .as_str()
        .expect("a cluster")
        .to_string();
    let need = get_json(addr, "/api/v1/territories/region/84/needs")["clusters"][0]["id"]
        .as_str()
        .expect("a need of région 84")
        .to_string();
    // (path template, real path, written from a `serde_json::Value` at first: its keys
    // are then in alphabetical order at every depth, and must stay so).
    let routes = [
        ("/api/v1/trainings", "/api/v1/trainings".to_string(), true),
        (
            "/api/v1/trainings/{id}",
            format!("/api/v1/trainings/{training}"),
            true,
        ),
        (
            "/api/v1/trainings/{id}/label-readiness",
            format!("/api/v1/trainings/{training}/label-readiness"),
            false,
        ),
        (
            "/api/v1/search",
            "/api/v1/search?q=python".to_string(),
            true,
        ),
        (
            "/api/v1/skills",
            "/api/v1/skills?q=javasc".to_string(),
            true,
        ),
        (
            "/api/v1/occupations",
            "/api/v1/occupations?q=developpeur%20web".to_string(),
            true,
        ),
        (
            "/api/v1/communes",
            "/api/v1/communes?q=lyon".to_string(),
            true,
        ),
        ("/api/v1/clusters", "/api/v1/clusters".to_string(), true),
        (
            "/api/v1/clusters/{id}",
            format!("/api/v1/clusters/{cluster}"),
            true,
        ),
        ("/api/v1/emerging", "/api/v1/emerging".to_string(), true),
        ("/api/v1/geography", "/api/v1/geography".to_string(), true),
        (
            "/api/v1/geography/{file}",
            "/api/v1/geography/region.geojson".to_string(),
            true,
        ),
        (
            "/api/v1/indicators",
            format!("/api/v1/indicators?level=departement&indicator=gap&cluster={cluster}"),
            true,
        ),
        (
            "/api/v1/indicators/history",
            format!("/api/v1/indicators/history?territory=region:84&need={need}"),
            false,
        ),
        (
            "/api/v1/territories/{level}/{code}/needs",
            "/api/v1/territories/region/84/needs".to_string(),
            true,
        ),
        (
            "/api/v1/territories/{level}/{code}/trainings",
            "/api/v1/territories/departement/69/trainings".to_string(),
            true,
        ),
    ];
    let mut problems = Vec::new();
    for (template, path, sorted) in &routes {
        let (status, body) = get(addr, path);
        assert_eq!(
            status,
            200,
            "GET {path}: {}",
            String::from_utf8_lossy(&body)
        );
        let answer: Value = serde_json::from_slice(&body).expect("a JSON answer");
        let Some(schema) = openapi::get_answer_schema(&document, template) else {
            problems.push(format!("GET {template}: no JSON answer schema"));
            continue;
        };
        let Some(properties) = openapi::properties(&document, schema) else {
            problems.push(format!("GET {template}: no properties in {schema}"));
            continue;
        };
        let Some(fields) = answer.as_object() else {
            problems.push(format!("GET {path}: the answer is not an object"));
            continue;
        };
        for field in fields.keys() {
            if !properties.contains_key(field) {
                problems.push(format!("GET {path}: `{field}` is not declared"));
            }
        }
        for field in openapi::required(&document, schema) {
            if !fields.contains_key(field) {
                problems.push(format!("GET {path}: required `{field}` is missing"));
            }
        }
        // The outlines are passed on as read, with `axum::Json`'s writer.
        if *sorted && !template.starts_with("/api/v1/geography/") {
            let rewritten = passerelle_server::json::to_vec(&answer).unwrap();
            if rewritten != body {
                problems.push(format!(
                    "GET {path}: keys are no longer in the order of a `Value`"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
