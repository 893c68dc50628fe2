//! End-to-end: the real `passerelle serve` binary on a loopback port, serving a build
//! made by `passerelle build`; bad input does not bring it down, SIGTERM stops it
//! cleanly, a refresh killed with SIGKILL leaves the served version loadable, and a
//! scheduled refresh publishes a version that a restart serves as it was.

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
    serve_with(data, &[])
}

fn serve_with(data: &Path, extra: &[&std::ffi::OsStr]) -> (ServerGuard, SocketAddr) {
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
        .args(extra)
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
        let served = passerelle_engine::BuildFolder::existing(&data)
            .and_then(|f| f.load_current(None))
            .unwrap_or_else(|e| panic!("version after a kill at {delay_ms} ms: {e}"))
            .expect("a version is served");
        assert!(!served.index.is_empty());
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

fn health(addr: SocketAddr) -> Value {
    let (status, body) = request(addr, "GET", "/healthz", &[], b"").unwrap();
    assert_eq!(status, 200);
    serde_json::from_slice(&body).unwrap()
}

fn search_total(addr: SocketAddr, q: &str) -> u64 {
    let (status, body) = request(addr, "GET", &format!("/api/v1/search?q={q}"), &[], b"").unwrap();
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(status, 200, "{body}");
    body["total"].as_u64().unwrap()
}

#[test]
fn a_scheduled_refresh_publishes_a_version_that_a_restart_serves() {
    let root = std::env::temp_dir().join(format!("passerelle-scheduled-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (data, source) = (root.join("build"), root.join("incoming"));
    std::fs::create_dir_all(&source).unwrap();
    build(&data);
    // New offers arrive in the source folder: one with a word no demo offer has.
    let mut offer: Value = std::fs::read_to_string(demo_offers())
        .unwrap()
        .lines()
        .next()
        .map(|l| serde_json::from_str(l).unwrap())
        .unwrap();
    offer["id"] = json!("NEW0001");
    offer["intitule"] = json!("Développeur Zyxwvutsr (H/F)");
    offer["dateCreation"] = json!("2026-11-28T09:00:00.000Z");
    std::fs::write(source.join("new.jsonl"), format!("{offer}\n")).unwrap();

    let (server, addr) = serve_with(
        &data,
        &[
            "--refresh-every".as_ref(),
            "2s".as_ref(),
            "--offers".as_ref(),
            source.as_os_str(),
        ],
    );
    assert_eq!(health(addr)["version"], 1);
    assert_eq!(search_total(addr, "zyxwvutsr"), 0);
    let started = Instant::now();
    let refreshed = loop {
        let now = health(addr);
        if now["version"].as_u64().unwrap() >= 2 {
            break now;
        }
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "no scheduled refresh: {now}"
        );
        std::thread::sleep(Duration::from_millis(300));
    };
    assert_eq!(refreshed["last_refresh"]["ok"], true, "{refreshed}");
    assert_eq!(refreshed["last_refresh"]["trigger"], "scheduled");
    assert_eq!(
        search_total(addr, "zyxwvutsr"),
        1,
        "the new version's index holds the new offer"
    );
    let (_, metrics) = request(addr, "GET", "/metrics", &[], b"").unwrap();
    let metrics = String::from_utf8(metrics).unwrap();
    assert!(
        metrics.contains("passerelle_refresh_last_success 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("passerelle_refreshes_total{outcome=\"ok\",trigger=\"scheduled\"}"),
        "{metrics}"
    );

    // The source disappears: refreshes fail, the served version stays and says why.
    std::fs::remove_dir_all(&source).unwrap();
    let started = Instant::now();
    let failed = loop {
        let now = health(addr);
        if now["last_refresh"]["ok"] == false {
            break now;
        }
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "no failed refresh: {now}"
        );
        std::thread::sleep(Duration::from_millis(300));
    };
    assert!(
        failed["last_refresh"]["error"]
            .as_str()
            .unwrap()
            .contains("incoming"),
        "{failed}"
    );
    assert_eq!(failed["version"], failed["last_refresh"]["version"]);
    let served = failed["model_version"].clone();
    assert_eq!(search_total(addr, "zyxwvutsr"), 1);
    drop(server);

    // A restart serves exactly that version, with its index.
    let (_server, addr) = serve(&data);
    let restarted = health(addr);
    assert_eq!(restarted["model_version"], served, "{restarted}");
    assert_eq!(search_total(addr, "zyxwvutsr"), 1);
    std::fs::remove_dir_all(&root).unwrap();
}
