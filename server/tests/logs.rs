//! Profiles and CVs never reach the logs: one test in its own binary, so the capturing
//! subscriber can be the process's global one and sees what every thread logs, the
//! async workers (short CVs) and the blocking pool (long ones) alike.

#[path = "common/router.rs"]
mod router;

use std::sync::{Arc, Mutex};

use router::post_json;
use serde_json::json;

/// A writer collecting everything logged, from any thread.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profiles_never_reach_the_logs() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");

    // The capture can fail: a profile logged on purpose on the blocking pool is seen.
    let canary = "Canari-Ortolan-4471";
    tokio::task::spawn_blocking(move || tracing::info!(profile = canary, "logged on purpose"))
        .await
        .unwrap();
    assert!(
        captured.text().contains(canary),
        "the capture sees the blocking pool"
    );

    let marker = "Zéphyrine-Quokka-8812";
    for body in [
        json!({"skills": ["HTML", marker], "cv_text": format!("Je suis {marker}, développeuse Python."), "target": {"rome": "M1805"}}),
        json!({"cv_text": format!("{marker} : cinq ans de Python et de SQL."), "target": {"rome": "M1805"}}),
        json!({"cv_text": marker, "target": {"appellation": marker}}),
        // Over a kilobyte: ranked on the blocking pool.
        json!({"cv_text": format!("{marker} : Python et SQL. ").repeat(60), "target": {"rome": "M1805"}}),
        json!({"skills": ["HTML"], "location": {"postcode": marker}}),
    ] {
        let answer = post_json("/api/v1/recommendations", body.to_string()).await;
        assert!(answer.status.is_success() || answer.status.is_client_error());
    }
    let extract = post_json(
        "/api/v1/extract",
        json!({"text": format!("{marker} maîtrise Python.")}).to_string(),
    )
    .await;
    assert!(extract.status.is_success());
    let logs = captured.text();
    assert!(
        logs.contains("recommendations"),
        "the requests were logged: {logs}"
    );
    assert!(!logs.contains(marker), "profile content in the logs");
    assert!(!logs.contains("Python"), "CV content in the logs");
}
