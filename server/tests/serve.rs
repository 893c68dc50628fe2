//! End-to-end: the real `passerelle serve` binary on a loopback port, serving a build
//! made by `passerelle build`; bad input does not bring it down, SIGTERM stops it
//! cleanly, and a refresh killed with SIGKILL leaves the on-disk artifacts loadable.

mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{ServerGuard, demo_offers, free_port, healthz_ok, request};
use serde_json::{Value, json};

const TOKEN: &str = "e2e-token";

fn build(out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(["build", "--built-at", "2026-11-29T00:00:00Z", "--out"])
        .arg(out)
        .arg("--offers")
        .arg(demo_offers())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn serve(data: &Path) -> (ServerGuard, SocketAddr) {
    let addr: SocketAddr = ([127, 0, 0, 1], free_port()).into();
    let child = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args([
            "serve",
            "--today",
            "2026-11-29",
            "--admin-token",
            TOKEN,
            "--addr",
        ])
        .arg(addr.to_string())
        .arg("--data")
        .arg(data)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = ServerGuard(child);
    let started = Instant::now();
    while !healthz_ok(addr) {
        assert!(
            server.0.try_wait().unwrap().is_none(),
            "the server exited before answering"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no answer in 120 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    (server, addr)
}

fn post_json(addr: SocketAddr, path: &str, body: &[u8]) -> (u16, Value) {
    let (status, body) = request(
        addr,
        "POST",
        path,
        &[("Content-Type", "application/json")],
        body,
    )
    .expect("the server answers");
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

#[test]
fn serves_a_build_survives_bad_input_and_stops_on_sigterm() {
    let data = std::env::temp_dir().join(format!("passerelle-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    build(&data);
    let (mut server, addr) = serve(&data);

    let profile = json!({"skills": ["HTML", "CSS"], "target": {"rome": "M1805"}, "location": {"postcode": "33000"}, "radius_km": 50});
    let (status, body) = post_json(
        addr,
        "/api/v1/recommendations",
        profile.to_string().as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    assert!(!body["trainings"].as_array().unwrap().is_empty());

    for bad in [
        &b"{\"skills\": [\"HTML\""[..],
        b"\xff\xfe",
        b"[[[[[[[[[[",
        b"{\"radius_km\": -1, \"skills\": [\"a\"]}",
    ] {
        let (status, body) = post_json(addr, "/api/v1/recommendations", bad);
        assert!((400..500).contains(&status), "{status} {body}");
        assert!(body["code"].is_string());
    }
    let (status, _) = request(addr, "GET", "/api/v1/search?q=%22%29%28%5B", &[], b"").unwrap();
    assert_eq!(status, 200);
    assert!(healthz_ok(addr), "still up after bad input");
    let (status, metrics) = request(addr, "GET", "/metrics", &[], b"").unwrap();
    assert_eq!(status, 200);
    let metrics = String::from_utf8(metrics).unwrap();
    assert!(
        metrics.contains("route=\"/api/v1/recommendations\""),
        "{metrics}"
    );

    // SIGTERM: graceful shutdown, exit status 0.
    let pid = server.0.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no exit after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "{status}");
    std::fs::remove_dir_all(&data).unwrap();
}

#[test]
fn a_refresh_killed_midway_leaves_loadable_artifacts() {
    let data = std::env::temp_dir().join(format!("passerelle-refresh-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    build(&data);
    let batch = std::fs::read(demo_offers()).unwrap();
    for delay_ms in [50u64, 400, 1500] {
        let (mut server, addr) = serve(&data);
        let body = batch.clone();
        let refresh = std::thread::spawn(move || {
            request(
                addr,
                "POST",
                "/api/v1/admin/refresh",
                &[("Authorization", &format!("Bearer {TOKEN}"))],
                &body,
            )
        });
        std::thread::sleep(Duration::from_millis(delay_ms));
        server.0.kill().unwrap(); // SIGKILL
        server.0.wait().unwrap();
        let _ = refresh.join();
        let model = passerelle_engine::load_model(&data)
            .unwrap_or_else(|e| panic!("model after a kill at {delay_ms} ms: {e}"));
        assert!(!model.clusters.is_empty());
        passerelle_engine::DocumentIndex::open_or_create(&data.join("index"))
            .unwrap_or_else(|e| panic!("index after a kill at {delay_ms} ms: {e}"));
    }
    // And a refresh that completes is served and saved.
    let (_server, addr) = serve(&data);
    let (status, body) = request(
        addr,
        "POST",
        "/api/v1/admin/refresh",
        &[("Authorization", &format!("Bearer {TOKEN}"))],
        &batch,
    )
    .unwrap();
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["version"], 2);
    assert!(
        body["refresh"].is_object(),
        "identities matched against the served model"
    );
    let (_, health) = request(addr, "GET", "/healthz", &[], b"").unwrap();
    let health: Value = serde_json::from_slice(&health).unwrap();
    assert!(health["model_version"].as_str().unwrap().ends_with("#2"));
    let saved = passerelle_engine::load_model(&data).unwrap();
    assert!(saved.refresh.is_some(), "the refreshed model was saved");
    std::fs::remove_dir_all(&data).unwrap();
}
