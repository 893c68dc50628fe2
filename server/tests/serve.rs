//! End-to-end: the real `passerelle serve` binary on a loopback port, serving a build
//! made by `passerelle build`; bad input does not bring it down, SIGTERM stops it
//! cleanly, a refresh killed with SIGKILL leaves the served version loadable, and a
//! scheduled refresh publishes a version that a restart serves as it was.

mod common;
#[path = "common/france_travail.rs"]
mod france_travail;

use std::net::SocketAddr;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{ServerGuard, demo_offers, healthz_ok, request};
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
    serve_env(data, extra, &[])
}

fn serve_env(
    data: &Path,
    extra: &[&std::ffi::OsStr],
    env: &[(&str, &str)],
) -> (ServerGuard, SocketAddr) {
    spawn_serve(
        Command::new(env!("CARGO_BIN_EXE_passerelle")),
        data,
        extra,
        env,
    )
}

/// Starts `command` (the binary, or a wrapper whose last argument is the binary) as
/// `serve` of the build folder `data` with the admin token, and waits for `/healthz`.
fn spawn_serve(
    command: Command,
    data: &Path,
    extra: &[&std::ffi::OsStr],
    env: &[(&str, &str)],
) -> (ServerGuard, SocketAddr) {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "--admin-token".as_ref(),
        TOKEN.as_ref(),
        "--data".as_ref(),
        data.as_os_str(),
    ];
    args.extend_from_slice(extra);
    common::start_serve(command, &args, env)
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

/// Issue 13: with credentials, each scheduled refresh collects France Travail's new
/// offers into the build folder's store (here from a loopback stand-in of the API),
/// builds and swaps; the next one resumes with fewer calls; a restart serves the same.
#[test]
fn a_scheduled_refresh_collects_france_travail_offers_first() {
    let root = std::env::temp_dir().join(format!("passerelle-live-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let data = root.join("build");
    build(&data);
    // Offers created three and two days ago (three pages of results), one of them with a word no demo offer has.
    let start = (jiff::Timestamp::now() - jiff::SignedDuration::from_hours(72))
        .strftime("%Y-%m-%d")
        .to_string();
    let mut offers = france_travail::offers(&start, &[200, 220], 13);
    offers[7]["intitule"] = json!("Développeur Qwertzuiop (H/F)");
    let stand_in = france_travail::StandIn::start(offers, france_travail::Config::default());
    let (api_url, token_url) = (stand_in.api_url(), stand_in.token_url());
    let args: Vec<&std::ffi::OsStr> = vec![
        "--refresh-every".as_ref(),
        "3s".as_ref(),
        "--france-travail-api-url".as_ref(),
        api_url.as_ref(),
        "--france-travail-token-url".as_ref(),
        token_url.as_ref(),
        "--france-travail-days".as_ref(),
        "5".as_ref(),
    ];
    let credentials = [
        ("FRANCE_TRAVAIL_CLIENT_ID", france_travail::CLIENT_ID),
        (
            "FRANCE_TRAVAIL_CLIENT_SECRET",
            france_travail::CLIENT_SECRET,
        ),
    ];
    let (server, addr) = serve_env(&data, &args, &credentials);
    assert_eq!(search_total(addr, "qwertzuiop"), 0);
    let wait_for_version = |version: u64| {
        let started = Instant::now();
        loop {
            let now = health(addr);
            if now["version"].as_u64().unwrap() >= version {
                return now;
            }
            assert!(
                started.elapsed() < Duration::from_secs(180),
                "no version {version}: {now}"
            );
            std::thread::sleep(Duration::from_millis(300));
        }
    };
    let first = wait_for_version(2);
    assert_eq!(first["last_refresh"]["ok"], true, "{first}");
    let collected = &first["last_refresh"]["collected"];
    assert_eq!(collected["new"], 420, "{first}");
    assert_eq!(collected["rejected"], 0, "{first}");
    let first_calls = collected["calls"].as_u64().unwrap();
    assert!(first_calls >= 2, "{first}");
    assert_eq!(
        search_total(addr, "qwertzuiop"),
        1,
        "the index holds the collected offers"
    );
    // The store keeps each offer once: the demo corpus and the 420 collected.
    let stored = collected["stored"].as_u64().unwrap();
    let demo = std::fs::read_to_string(demo_offers())
        .unwrap()
        .lines()
        .count() as u64;
    assert!(
        (420..=demo + 420).contains(&stored),
        "{stored} stored, {demo} demo offers"
    );

    // The next refresh resumes from the state: fewer calls, nothing new.
    let second = wait_for_version(3);
    let collected = &second["last_refresh"]["collected"];
    assert_eq!(second["last_refresh"]["ok"], true, "{second}");
    assert_eq!(collected["new"], 0, "{second}");
    assert_eq!(collected["stored"].as_u64().unwrap(), stored, "{second}");
    assert!(
        collected["calls"].as_u64().unwrap() < first_calls,
        "{first_calls} then {second}"
    );

    // The API fails: the refresh fails, the served version stays and says why.
    stand_in
        .shared
        .always
        .lock()
        .unwrap()
        .replace(france_travail::Fault::NotJson);
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
    let error = failed["last_refresh"]["error"].as_str().unwrap();
    assert!(
        error.contains("collecte des offres France Travail"),
        "{failed}"
    );
    assert!(!error.contains(france_travail::CLIENT_SECRET));
    assert_eq!(failed["version"], failed["last_refresh"]["version"]);
    let served = failed["model_version"].clone();
    drop(server);

    // A restart without credentials serves that same version, with its index.
    let (_server, addr) = serve(&data);
    assert_eq!(health(addr)["model_version"], served);
    assert_eq!(search_total(addr, "qwertzuiop"), 1);
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_disk_full_while_writing_a_version_keeps_the_served_version() {
    let data = std::env::temp_dir().join(format!("passerelle-disk-full-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    build(&data);
    let versions = |data: &Path| {
        let mut names: Vec<String> = std::fs::read_dir(data.join("versions"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(versions(&data), ["v000001"]);
    let current = std::fs::read_to_string(data.join("CURRENT")).unwrap();

    // The server may write no file over 256 KiB: the new version's model (about
    // 600 KiB) cannot be written whole, as on a full disk (EFBIG instead of ENOSPC, the
    // same failed write). SIGXFSZ is ignored so that the write fails instead of killing.
    let mut limited = Command::new("bash");
    limited.args([
        "-c",
        "trap '' XFSZ; ulimit -f \"$1\"; shift; exec \"$@\"",
        "bash",
        "256",
        env!("CARGO_BIN_EXE_passerelle"),
    ]);
    let (server, addr) = spawn_serve(limited, &data, &[], &[]);
    let served = health(addr)["model_version"].clone();
    let (status, body) = request(
        addr,
        "POST",
        "/api/v1/admin/refresh",
        &[("Authorization", &format!("Bearer {TOKEN}"))],
        b"",
    )
    .unwrap();
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert!(status >= 500, "{status} {body}");
    let message = body["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("la version servie reste en place"),
        "{body}"
    );
    let now = health(addr);
    assert_eq!(now["model_version"], served, "{now}");
    assert_eq!(now["last_refresh"]["ok"], false, "{now}");
    assert!(
        search_total(addr, "python") > 0,
        "the served index still answers"
    );
    drop(server);
    // Nothing half-written is left: no staging folder, no second version, the same pointer.
    assert_eq!(versions(&data), ["v000001"]);
    assert_eq!(
        std::fs::read_to_string(data.join("CURRENT")).unwrap(),
        current
    );

    // Restarted with room, it serves that version, and the next refresh is version 2.
    let (_server, addr) = serve(&data);
    assert_eq!(health(addr)["model_version"], served);
    let (status, body) = request(
        addr,
        "POST",
        "/api/v1/admin/refresh",
        &[("Authorization", &format!("Bearer {TOKEN}"))],
        b"",
    )
    .unwrap();
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    assert_eq!(health(addr)["version"], 2);
    std::fs::remove_dir_all(&data).unwrap();
}
