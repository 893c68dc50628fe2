//! `passerelle ingest france-travail` run for real against a loopback stand-in of the API.
//!
//! Properties pinned down:
//! - every offer of the period is stored exactly once, including a day with more offers
//!   than one query reaches (3,150), and no call ever asks beyond the API's limits;
//! - the store folder is read back by `read_postings(DIR)`;
//! - a continuing run (no `--since`) makes fewer calls and picks up new and updated offers;
//! - 429s, a 500, a 503 and tokens that expire early are survived;
//! - a run killed in the middle, run again, stores everything exactly once;
//! - an answer that is not JSON, a record without `id`, a lying `Content-Range` and a token
//!   endpoint that answers HTML give a clear error and leave the folder untouched;
//! - the credentials and tokens never appear in the output, even at trace level.

#[path = "common/france_travail.rs"]
mod france_travail;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use france_travail::{CLIENT_ID, CLIENT_SECRET, Config, Fault, StandIn, offers};
use serde_json::Value;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("passerelle-ingest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn ingest(stand_in: &StandIn, out: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_passerelle"));
    command
        .args(["ingest", "france-travail", "--out"])
        .arg(out)
        .args(["--api-url", &stand_in.api_url()])
        .args(["--token-url", &stand_in.token_url()])
        .args(["--backoff-ms", "100"])
        .args(extra)
        .env("FRANCE_TRAVAIL_CLIENT_ID", CLIENT_ID)
        .env("FRANCE_TRAVAIL_CLIENT_SECRET", CLIENT_SECRET)
        .env_remove("PASSERELLE_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

fn run(mut command: impl std::borrow::BorrowMut<Command>) -> (Output, String) {
    let output = command.borrow_mut().output().expect("run passerelle");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output, stderr)
}

/// Every record stored, by id, failing when an id is in the folder twice.
fn stored(dir: &Path) -> BTreeMap<String, Value> {
    let mut records = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    for file in files {
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            let record: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: half-written line {line:?}: {e}", file.display()));
            let id = record["id"].as_str().unwrap().to_string();
            assert!(
                records.insert(id.clone(), record).is_none(),
                "offer {id} stored twice"
            );
        }
    }
    records
}

fn ids(offers: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = offers
        .iter()
        .map(|o| o["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

/// Every file of the folder with its content.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn harvests_everything_once_then_continues_incrementally() {
    // Ten days of November, one of them (the 5th) over the 3,150 a query reaches.
    let all = offers(
        "2026-11-01",
        &[150, 400, 90, 600, 3400, 500, 200, 300, 250, 700],
        1,
    );
    let stand_in = StandIn::start(
        all.clone(),
        Config {
            announced_lifetime: 3,
            real_lifetime: Duration::from_secs(3),
            ..Config::default()
        },
    );
    let out = scratch("full");
    let (output, stderr) = run(ingest(
        &stand_in,
        &out,
        &["--since", "2026-11-01", "--until", "2026-11-10"],
    ));
    assert!(output.status.success(), "{stderr}");
    // The closing summary (calls, offers, rate), shown with --nocapture.
    eprintln!("{stderr}");
    let first_calls = stand_in.calls();
    let records = stored(&out);
    assert_eq!(records.keys().cloned().collect::<Vec<_>>(), ids(&all));
    assert_eq!(stand_in.shared.bad_requests.load(Ordering::SeqCst), 0);
    // Tokens announced for 3 s were renewed before expiring, over a run of several seconds.
    assert!(
        stand_in.shared.token_calls.load(Ordering::SeqCst) >= 2,
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{} nouvelles", all.len())),
        "{stderr}"
    );
    assert!(stderr.contains("coupées en deux"), "{stderr}");
    let state: Value =
        serde_json::from_slice(&std::fs::read(out.join("ingest-state.json")).unwrap()).unwrap();
    assert_eq!(state["covered_until"], "2026-11-10T23:59:59Z");

    // The folder is an offers source for `passerelle build --offers DIR`.
    let batch = passerelle_engine::read_postings(&out).unwrap();
    assert_eq!(batch.report.accepted as usize, all.len());
    assert!(batch.report.rejected.is_empty());

    // New offers on the 11th, and three offers of the last hour updated.
    let mut more = offers("2026-11-11", &[120], 2);
    let mut updated = Vec::new();
    {
        let mut served = stand_in.shared.offers.lock().unwrap();
        for offer in served.iter_mut() {
            let created = offer["dateCreation"].as_str().unwrap();
            if created >= "2026-11-10T23:00:00" && updated.len() < 3 {
                offer["dateActualisation"] = "2026-11-12T08:00:00.000Z".into();
                offer["intitule"] = "Développeur web senior (H/F)".into();
                updated.push(offer["id"].as_str().unwrap().to_string());
            }
        }
        served.append(&mut more.clone());
    }
    assert!(!updated.is_empty());
    let (output, stderr) = run(ingest(&stand_in, &out, &["--until", "2026-11-11"]));
    assert!(output.status.success(), "{stderr}");
    let second_calls = stand_in.calls() - first_calls;
    assert!(
        second_calls < first_calls / 4,
        "{second_calls} calls against {first_calls}"
    );
    assert!(stderr.contains("120 nouvelles"), "{stderr}");
    assert!(
        stderr.contains(&format!("{} mises à jour", updated.len())),
        "{stderr}"
    );
    let records = stored(&out);
    let mut expected = all.clone();
    expected.append(&mut more);
    assert_eq!(records.keys().cloned().collect::<Vec<_>>(), ids(&expected));
    for id in &updated {
        assert_eq!(records[id]["intitule"], "Développeur web senior (H/F)");
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn survives_faults_and_never_prints_secrets() {
    let all = offers("2026-11-01", &[700, 900], 3);
    let stand_in = StandIn::start(
        all.clone(),
        Config {
            // Tokens die after 1 s although announced for 25 minutes: 401s follow.
            announced_lifetime: 1499,
            real_lifetime: Duration::from_secs(1),
            ..Config::default()
        },
    );
    stand_in.shared.faults.lock().unwrap().extend([
        (2, Fault::Status(429, Some(1))),
        (4, Fault::Status(500, None)),
        (6, Fault::Status(503, None)),
        (8, Fault::Status(429, None)),
        (9, Fault::Status(503, None)),
    ]);
    let out = scratch("faults");
    let (output, stderr) = run(ingest(
        &stand_in,
        &out,
        &["--since", "2026-11-01", "--until", "2026-11-02"],
    )
    .env("PASSERELLE_LOG", "trace"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        &stderr[stderr.len().saturating_sub(3000)..]
    );
    assert_eq!(stored(&out).keys().cloned().collect::<Vec<_>>(), ids(&all));
    assert!(stand_in.shared.unauthorized.load(Ordering::SeqCst) >= 1);
    assert!(stderr.contains("dont 2 après un 429"), "{}", tail(&stderr));
    for secret in [CLIENT_SECRET, CLIENT_ID]
        .into_iter()
        .map(str::to_string)
        .chain(stand_in.shared.issued.lock().unwrap().iter().cloned())
    {
        assert!(
            !stderr.contains(&secret) && !stdout.contains(&secret),
            "a secret was printed"
        );
    }
    std::fs::remove_dir_all(&out).unwrap();
}

fn tail(text: &str) -> &str {
    let mut start = text.len().saturating_sub(2000);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

#[test]
fn a_killed_run_loses_and_duplicates_nothing() {
    let all = offers("2026-11-01", &[1500, 1800, 1200, 1600], 4);
    let stand_in = StandIn::start(all.clone(), Config::default());
    let out = scratch("killed");
    let args = ["--since", "2026-11-01", "--until", "2026-11-04"];
    let mut child = ingest(&stand_in, &out, &args).spawn().unwrap();
    let started = Instant::now();
    while stand_in.calls() < 25 && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // What the killed run left is whole: every shard reads, no id twice.
    let partial = stored(&out);
    assert!(!partial.is_empty(), "no window was complete at the kill");
    assert!(
        partial.len() < all.len(),
        "the run finished before the kill"
    );

    let (output, stderr) = run(ingest(&stand_in, &out, &args));
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stored(&out).keys().cloned().collect::<Vec<_>>(), ids(&all));
    assert!(
        stderr.contains(&format!("{} nouvelles", all.len() - partial.len())),
        "{stderr}"
    );
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn bad_answers_are_clear_errors_that_leave_the_folder_untouched() {
    let all = offers("2026-11-01", &[200, 300, 300], 5);
    let stand_in = StandIn::start(all, Config::default());
    let out = scratch("bad");
    let (output, stderr) = run(ingest(
        &stand_in,
        &out,
        &["--since", "2026-11-01", "--until", "2026-11-01"],
    ));
    assert!(output.status.success(), "{stderr}");
    let before = snapshot(&out);
    assert!(before.contains_key("ingest-state.json"));

    let query = "requête offres créées du 2026-11-02T00:00:00Z au";
    let cases: [(Option<Fault>, bool, &str); 4] = [
        (Some(Fault::NotJson), false, "pas du JSON"),
        (Some(Fault::MissingId), false, "identifiant « id »"),
        (Some(Fault::LyingRange), false, "Content-Range"),
        (None, true, "n'a pas répondu en JSON"),
    ];
    for (fault, token_html, message) in cases {
        *stand_in.shared.always.lock().unwrap() = fault.clone();
        stand_in.set_config(Config {
            token_html,
            ..Config::default()
        });
        let (output, stderr) = run(ingest(
            &stand_in,
            &out,
            &["--since", "2026-11-02", "--until", "2026-11-03"],
        ));
        assert!(!output.status.success(), "{fault:?}: {stderr}");
        assert!(stderr.contains(message), "{fault:?}: {stderr}");
        let named = if token_html {
            "access_token?realm"
        } else {
            query
        };
        assert!(
            stderr.contains(named),
            "the error names what failed: {stderr}"
        );
        assert_eq!(snapshot(&out), before, "{fault:?} changed the folder");
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn bad_arguments_and_missing_credentials_are_explained() {
    let stand_in = StandIn::start(Vec::new(), Config::default());
    let out = scratch("args");
    let (output, stderr) = run(ingest(&stand_in, &out, &["--since", "2026-13-01"]));
    assert!(!output.status.success());
    assert!(stderr.contains("AAAA-MM-JJ"), "{stderr}");
    let (output, stderr) = run(ingest(&stand_in, &out, &["--departement", "100"]));
    assert!(!output.status.success());
    assert!(stderr.contains("département inconnu"), "{stderr}");
    let (output, stderr) =
        run(ingest(&stand_in, &out, &[]).env_remove("FRANCE_TRAVAIL_CLIENT_SECRET"));
    assert!(!output.status.success());
    assert!(stderr.contains("FRANCE_TRAVAIL_CLIENT_SECRET"), "{stderr}");
    assert_eq!(stand_in.calls(), 0);
    // Wrong credentials: refused by the token endpoint, named, never echoed.
    let (output, stderr) = run(ingest(&stand_in, &out, &["--since", "2026-11-01"])
        .env("FRANCE_TRAVAIL_CLIENT_SECRET", "wrong-secret-value"));
    assert!(!output.status.success());
    assert!(stderr.contains("refuse les identifiants"), "{stderr}");
    assert!(!stderr.contains("wrong-secret-value"));
    let _ = std::fs::remove_dir_all(&out);
}
