//! The API's router over a snapshot of the demo corpus, built once per test binary, and
//! requests sent to it without a socket, for the tests of the HTTP contract.

#![allow(dead_code)]

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use passerelle_engine::{Engine, EngineConfig, builtin_geography, demo_catalogue, parse_postings};
use passerelle_server::api::{self, AppState, Settings, Snapshot};
use serde_json::Value;
use tower::ServiceExt;

pub const DEMO_OFFERS: &str = include_str!("../../../corpora/postings/demo_offers.jsonl");

/// A snapshot of the demo corpus numbered `version` (the build takes a few seconds).
pub fn snapshot(version: u64) -> Snapshot {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::open(&EngineConfig::builtin()).unwrap());
    let postings: Vec<_> = parse_postings("demo", DEMO_OFFERS.as_bytes())
        .records
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    let trainings = demo_catalogue()
        .records
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    Snapshot::build(
        engine,
        Arc::new(builtin_geography().unwrap()),
        &postings,
        trainings,
        None,
        "2026-11-29T00:00:00Z",
        version,
    )
    .unwrap()
}

/// The shared state: version 1 of the demo snapshot, no admin token, a fixed today.
pub fn state() -> AppState {
    static STATE: OnceLock<AppState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            AppState::new(
                snapshot(1),
                Settings {
                    admin_token: None,
                    today: Some("2026-11-29".to_string()),
                    ..Settings::default()
                },
            )
        })
        .clone()
}

/// An answer read whole.
pub struct Answer {
    pub status: StatusCode,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    /// Fails with the body when the status is not 200.
    pub fn ok(self, what: &str) -> Self {
        assert_eq!(
            self.status,
            StatusCode::OK,
            "{what}: {}",
            String::from_utf8_lossy(&self.body)
        );
        self
    }
}

/// The application over the shared state, built once.
pub fn app() -> axum::Router {
    static APP: OnceLock<axum::Router> = OnceLock::new();
    APP.get_or_init(|| api::router(state())).clone()
}

pub async fn send(app: &axum::Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    Answer {
        status,
        content_type,
        body,
    }
}

pub async fn get(uri: &str) -> Answer {
    send(&app(), Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn post_json(uri: &str, body: impl Into<Body>) -> Answer {
    send(
        &app(),
        Request::post(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body.into())
            .unwrap(),
    )
    .await
}
