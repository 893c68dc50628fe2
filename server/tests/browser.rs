//! End-to-end browser test: `passerelle serve` on a free loopback port, driven by `server/web/e2e.mjs`.
//!
//! The script runs the adviser, observatory and provider scenarios in Debian's Chromium
//! (`/usr/bin/chromium`) through `playwright-core` (`npm ci --ignore-scripts --prefix
//! server/web`), checks that the console stays clean and that no request leaves the loopback
//! interface, and writes its screenshots to `target/web-screenshots`.
//! Without Chromium, Node.js or `playwright-core` the test fails under `CI` and is skipped elsewhere.

mod common;

use std::fs::File;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{ServerGuard, free_port, healthz_ok};

const CHROMIUM: &str = "/usr/bin/chromium";
const STARTUP_TIMEOUT: Duration = Duration::from_secs(120);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the server crate sits in the workspace")
        .to_path_buf()
}

fn web_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("web")
}

/// `target/web-screenshots`, next to the profile folder that holds the binary under test.
fn screenshot_dir() -> PathBuf {
    let binary = Path::new(env!("CARGO_BIN_EXE_passerelle"));
    binary
        .parent()
        .and_then(Path::parent)
        .map(|target| target.join("web-screenshots"))
        .unwrap_or_else(|| workspace_root().join("target/web-screenshots"))
}

/// What is missing to run the browser test, if anything.
fn missing_prerequisites() -> Vec<String> {
    let mut missing = Vec::new();
    if !Path::new(CHROMIUM).exists() {
        missing.push(format!("{CHROMIUM} (apt-get install -y chromium)"));
    }
    if !web_dir().join("node_modules/playwright-core").is_dir() {
        missing.push(
            "server/web/node_modules/playwright-core (npm ci --ignore-scripts --prefix server/web)"
                .into(),
        );
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("node (apt-get install -y nodejs)".into());
    }
    missing
}

fn read_log(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn web_app_scenarios_pass_in_chromium() {
    let missing = missing_prerequisites();
    if !missing.is_empty() {
        if std::env::var_os("CI").is_some() {
            panic!("browser test prerequisites missing: {}", missing.join(", "));
        }
        println!(
            "skipped: browser test prerequisites missing: {}",
            missing.join(", ")
        );
        return;
    }

    let screenshots = screenshot_dir();
    std::fs::create_dir_all(&screenshots).expect("create the screenshot folder");
    let log_path = screenshots.join("server.log");
    let log = File::create(&log_path).expect("create the server log");

    let port = free_port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let child = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(["serve", "--addr", &addr.to_string()])
        .current_dir(workspace_root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::from(log))
        .spawn()
        .expect("start passerelle serve");
    let mut server = ServerGuard(child);

    let started = Instant::now();
    while !healthz_ok(addr) {
        if let Ok(Some(status)) = server.0.try_wait() {
            panic!(
                "passerelle serve exited with {status} before answering /healthz; its log:\n{}",
                read_log(&log_path)
            );
        }
        if started.elapsed() > STARTUP_TIMEOUT {
            panic!(
                "passerelle serve did not answer GET /healthz with 200 within {} s; its log:\n{}",
                STARTUP_TIMEOUT.as_secs(),
                read_log(&log_path)
            );
        }
        sleep(Duration::from_millis(250));
    }

    let base = format!("http://{addr}");
    let output = Command::new("node")
        .arg(web_dir().join("e2e.mjs"))
        .arg(&base)
        .arg(&screenshots)
        .current_dir(web_dir())
        .stdin(Stdio::null())
        .output()
        .expect("run node server/web/e2e.mjs");
    println!("{}", String::from_utf8_lossy(&output.stdout));
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        output.status.success(),
        "e2e.mjs failed ({}) against {base}; screenshots in {}; server log:\n{}",
        output.status,
        screenshots.display(),
        read_log(&log_path)
    );
    drop(server);
}
