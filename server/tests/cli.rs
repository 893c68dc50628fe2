//! The `passerelle` binary run for real on files and standard input.
//!
//! Properties pinned down:
//! - `extract` writes one JSON line per good input line, in order, with the documented
//!   fields, and reports bad lines on stderr with their line number;
//! - a batch of 200 offers or more adapts the occupation models unless `--no-adapt`;
//! - an unknown taxonomy is a clear error, not a panic.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::demo_offers;

fn passerelle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_passerelle"))
}

/// Runs `passerelle args` with `input` on its stdin.
fn run_with_input(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = passerelle()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn extract_reports_bad_lines_and_goes_on() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Maîtrise de Python indispensable, SQL apprécié.\"}\n",
        "{\"id\": \"b\", \"te\n",
        "[1, 2]\n",
        "{\"id\": \"c\", \"intitule\": \"Développeur React (H/F)\", \"description\": \"Git et Docker.\"}\n",
    );
    let output = run_with_input(&["extract", "--input", "-"], input.as_bytes());
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], "c");
    let skills = lines[0]["skills"].as_array().unwrap();
    let python = skills.iter().find(|s| s["label"] == "Python").unwrap();
    assert_eq!(python["id"], "passerelle:python");
    assert_eq!(python["required"], true);
    assert_eq!(python["start"], 13);
    assert_eq!(python["end"], 19);
    let scores: Vec<f64> = skills
        .iter()
        .map(|s| s["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(stderr.contains("line 2: truncated JSON"), "{stderr}");
    assert!(
        stderr.contains("line 3: expected a JSON object"),
        "{stderr}"
    );
    assert!(
        stderr.contains("4 read, 2 extracted, 2 rejected"),
        "{stderr}"
    );
}

/// Runs `passerelle args` with no input and checks that it fails saying `needle`.
fn fails_saying(args: &[&str], needle: &str) {
    let output = passerelle()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success(), "{args:?} succeeded");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(needle), "{stderr}");
}

#[test]
fn unknown_taxonomy_is_a_clear_error() {
    fails_saying(
        &["extract", "--taxonomy", "wikidata:x", "--input", "-"],
        "unknown taxonomy",
    );
}

#[test]
fn missing_rome_folder_names_it() {
    fails_saying(
        &[
            "extract",
            "--taxonomy",
            "rome:/nonexistent/rome",
            "--input",
            "-",
        ],
        "/nonexistent/rome",
    );
}

#[test]
fn build_then_refresh_then_query_needs() {
    let out = std::env::temp_dir().join(format!("passerelle-build-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let build = |expect: &str| {
        let output = passerelle()
            .args(["build", "--built-at", "2026-11-29T00:00:00Z", "--out"])
            .arg(&out)
            .arg("--offers")
            .arg(demo_offers())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).to_string();
        assert!(output.status.success(), "{stderr}");
        assert!(stderr.contains(expect), "{stderr}");
        stderr
    };
    build("1500 read, 1500 accepted, 0 rejected");
    assert_eq!(
        std::fs::read_to_string(out.join("CURRENT")).unwrap(),
        "v000001"
    );
    assert!(out.join("versions/v000001/needs-model.json").is_file());
    let stderr = build("refresh:");
    assert!(stderr.contains("0 appeared, 0 vanished"), "{stderr}");

    let output = passerelle()
        .args(["needs", "--territory", "departement:75", "--data"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success());
    let needs: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(needs["territory"]["name"], "Paris");
    assert!(needs["offers"].as_u64().unwrap() > 100);
    assert!(!needs["clusters"].as_array().unwrap().is_empty());
    assert!(needs["skills"][0]["offers"].as_u64().unwrap() >= 5);

    let output = passerelle()
        .args([
            "needs",
            "--territory",
            "region:11",
            "--format",
            "csv",
            "--decimal-comma",
            "--data",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let csv = String::from_utf8(output.stdout).unwrap();
    assert!(
        csv.starts_with("\u{feff}type;id;libelle;offres;part;secret_statistique;evolution;formations;places_ouvertes;tension"),
        "{csv}"
    );
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("besoin;besoin-"), "{row}");
    assert!(row.contains(",") && row.split(';').count() == 10, "{row}");

    // Search dates are real dates: an impossible one or a word is refused, not ignored.
    let data = out.to_str().unwrap();
    for bad in ["2026-13-45", "yesterday", "2026-02-30"] {
        fails_saying(&["search", "--data", data, "--from", bad], bad);
    }
    let output = passerelle()
        .args([
            "search",
            "--data",
            data,
            "--q",
            "python",
            "--from",
            "2026-01-01",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn needs_of_an_unknown_territory_is_an_error() {
    let output = passerelle()
        .args(["needs", "--territory", "region:99"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown territory region:99"));
    let output = passerelle()
        .args(["needs", "--territory", "pays:FR"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("expected region:CODE"));
}

#[test]
fn clusters_of_the_embedded_demo_build() {
    let output = passerelle().arg("clusters").output().unwrap();
    assert!(output.status.success());
    let map: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        map["model"]["format_version"],
        passerelle_engine::FORMAT_VERSION
    );
    let clusters = map["clusters"].as_array().unwrap();
    assert!(clusters.len() >= 6);
    for cluster in clusters {
        assert!(cluster["id"].as_str().unwrap().starts_with("besoin-"));
        assert!(!cluster["top_skills"].as_array().unwrap().is_empty());
    }
}

/// A build killed midway (SIGKILL) leaves the previous model and index usable.
#[test]
fn a_killed_build_leaves_the_previous_one_usable() {
    let out = std::env::temp_dir().join(format!("passerelle-killed-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let build = || {
        let mut command = passerelle();
        command
            .args(["build", "--built-at", "2026-11-29T00:00:00Z", "--out"])
            .arg(&out)
            .arg("--offers")
            .arg(demo_offers())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    assert!(build().status().unwrap().success());
    let served = || {
        let current = std::fs::read_to_string(out.join("CURRENT")).unwrap();
        std::fs::read(out.join("versions").join(current).join("needs-model.json")).unwrap()
    };
    let before = served();
    for delay in [200, 800, 1600] {
        let mut child = build().spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let output = passerelle()
            .args(["needs", "--territory", "region:11", "--data"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "after a kill at {delay} ms: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let output = passerelle()
            .args(["search", "--q", "développeur", "--data"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(output.status.success(), "index after a kill at {delay} ms");
    }
    // Either the old version or a complete new one: never a torn file.
    let after = served();
    assert!(after == before || serde_json::from_slice::<serde_json::Value>(&after).is_ok());
    std::fs::remove_dir_all(&out).unwrap();
}

/// A batch of 200 offers or more teaches the occupation models its own vocabulary,
/// unless `--no-adapt`; a smaller one is answered as it is.
#[test]
fn extract_adapts_to_large_batches_only() {
    let offers = demo_offers();
    let run = |extra: &[&str]| {
        let mut args = vec!["extract", "--input", offers.to_str().unwrap()];
        args.extend_from_slice(extra);
        let output = passerelle().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "{stderr}");
        (String::from_utf8(output.stdout).unwrap(), stderr)
    };
    let (adapted, stderr) = run(&[]);
    assert!(stderr.contains("adapt: 525 of 1500 offers"), "{stderr}");
    let (plain, stderr) = run(&["--no-adapt"]);
    assert!(!stderr.contains("adapt:"), "{stderr}");
    assert_eq!(adapted.lines().count(), 1500);
    assert_eq!(plain.lines().count(), 1500);

    let small = run_with_input(
        &["extract", "--input", "-"],
        b"{\"id\": \"a\", \"text\": \"Developpeur web : JavaScript, React.\"}\n",
    );
    assert!(!String::from_utf8_lossy(&small.stderr).contains("adapt:"));
}

/// `--learn` reads labelled offers before extracting and says what it learned; a
/// missing file is named.
#[test]
fn extract_learns_from_labelled_offers_first() {
    let offers = demo_offers();
    let output = run_with_input(
        &[
            "extract",
            "--input",
            "-",
            "--learn",
            offers.to_str().unwrap(),
        ],
        b"{\"id\": \"a\", \"text\": \"Developpeur web : JavaScript, React.\"}\n",
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("1500 read, 1500 accepted, 0 rejected"),
        "{stderr}"
    );
    assert!(stderr.contains("offers with a known métier"), "{stderr}");
    let line: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        !line["occupations"].as_array().unwrap().is_empty(),
        "{line}"
    );

    fails_saying(
        &[
            "extract",
            "--input",
            "-",
            "--learn",
            "/nonexistent/offers.jsonl",
        ],
        "/nonexistent/offers.jsonl",
    );
}

#[test]
fn eval_needs_two_folds_to_learn() {
    let offers = demo_offers();
    fails_saying(
        &[
            "eval",
            "classify",
            "--learn-folds",
            "1",
            "--offers",
            offers.to_str().unwrap(),
        ],
        "--learn-folds needs at least 2 folds",
    );
}

/// A profile file in a fresh temporary folder.
fn profile_file(name: &str, profile: &serde_json::Value) -> std::path::PathBuf {
    let folder = std::env::temp_dir().join(format!("passerelle-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join("profil.json");
    std::fs::write(&path, serde_json::to_vec_pretty(profile).unwrap()).unwrap();
    path
}

fn lyon_web_developer() -> serde_json::Value {
    serde_json::json!({
        "skills": ["HTML", "CSS"],
        "target": {"appellation": "développeur web"},
        "location": {"commune": "69123"},
        "radius_km": 40,
        "modalities": ["presentiel", "hybride", "distanciel"],
        "level": 4
    })
}

/// Runs the binary and returns its stdout, failing with its stderr.
fn stdout_of(args: &[&str]) -> String {
    let output = passerelle()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn recommend_answers_with_reasons_deterministically() {
    let path = profile_file("recommend", &lyon_web_developer());
    let path = path.to_str().unwrap();
    let args = [
        "recommend",
        "--profile",
        path,
        "--top",
        "10",
        "--today",
        "2026-11-29",
    ];
    let first = stdout_of(&args);
    let second = stdout_of(&args);
    assert_eq!(first, second, "two runs differ");
    assert!(
        !passerelle_server::json::has_unclean_number(&first),
        "{first}"
    );
    let answer: serde_json::Value = serde_json::from_str(&first).unwrap();
    let trainings = answer["trainings"].as_array().unwrap();
    assert!(!trainings.is_empty() && trainings.len() <= 10, "{first}");
    for training in trainings {
        let reasons = training["reasons"].as_array().unwrap();
        assert!(!reasons.is_empty(), "{training}");
        assert!(
            training["details"]["modality_fit"].is_number(),
            "{training}"
        );
    }
    let scores: Vec<f64> = trainings
        .iter()
        .map(|t| t["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(answer["model_version"].as_str().unwrap().ends_with("#1"));
    assert_eq!(answer["learner"]["target"]["rome"], "M1855");
    // The same profile as a table in French: one row per training, its reasons below.
    let text = stdout_of(&[
        "recommend",
        "--profile",
        path,
        "--top",
        "10",
        "--today",
        "2026-11-29",
        "--format",
        "text",
    ]);
    let header = text
        .lines()
        .find(|l| l.starts_with("Rang"))
        .unwrap_or_else(|| panic!("{text}"));
    for column in ["Formation", "Organisme", "Ville", "Distance", "Score"] {
        assert!(header.contains(column), "{header}");
    }
    let first_title: String = trainings[0]["title"]
        .as_str()
        .unwrap()
        .chars()
        .take(20)
        .collect();
    assert!(text.contains(&first_title), "{text}");
    let first_reason = trainings[0]["reasons"][0].as_str().unwrap();
    assert!(text.contains(first_reason), "{text}");
    assert!(text.contains("Métier visé :"), "{text}");
}

#[test]
fn a_bad_profile_is_refused_naming_the_field() {
    let mut profile = lyon_web_developer();
    profile["radius_km"] = serde_json::json!("loin");
    let path = profile_file("bad-type", &profile);
    fails_saying(
        &["recommend", "--profile", path.to_str().unwrap()],
        "« radius_km »",
    );
    profile["radius_km"] = serde_json::json!(5000);
    let path = profile_file("bad-range", &profile);
    fails_saying(
        &["recommend", "--profile", path.to_str().unwrap()],
        "Valeur invalide pour « radius_km » : attendu un nombre de 0 à 2000 km",
    );
    fails_saying(
        &["recommend", "--profile", "/nonexistent/profil.json"],
        "/nonexistent/profil.json",
    );
}

#[test]
fn territory_trainings_and_coverage_from_the_command_line() {
    let json = stdout_of(&[
        "territory-trainings",
        "--territory",
        "region:84",
        "--today",
        "2026-11-29",
    ]);
    assert!(
        !passerelle_server::json::has_unclean_number(&json),
        "{json}"
    );
    let ranking: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(ranking["territory"]["id"], "region:84");
    let trainings = ranking["trainings"].as_array().unwrap();
    assert!(!trainings.is_empty(), "{json}");
    let text = stdout_of(&[
        "territory-trainings",
        "--territory",
        "region:84",
        "--today",
        "2026-11-29",
        "--format",
        "text",
    ]);
    assert!(text.contains("Auvergne-Rhône-Alpes"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("Rang")), "{text}");

    let folder =
        std::env::temp_dir().join(format!("passerelle-cli-{}-coverage", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let curriculum = folder.join("programme.txt");
    std::fs::write(
        &curriculum,
        "Développeur web et web mobile. Maquetter une application, développer des interfaces \
         en HTML, CSS et JavaScript avec React, développer une API REST en Node.js, \
         concevoir une base de données SQL, déployer avec Git.",
    )
    .unwrap();
    let json = stdout_of(&[
        "coverage",
        "--curriculum",
        curriculum.to_str().unwrap(),
        "--territory",
        "region:84",
    ]);
    assert!(
        !passerelle_server::json::has_unclean_number(&json),
        "{json}"
    );
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let occupations = report["occupations"].as_array().unwrap();
    assert!(!occupations.is_empty(), "{json}");
    assert!(
        occupations.iter().any(|o| o["code"] == "M1855"),
        "{occupations:?}"
    );
    for occupation in occupations {
        assert!(!occupation["why"].as_str().unwrap().is_empty());
    }
    assert!(report["territory_wide"]["alignment"]["score"].is_number());
    let text = stdout_of(&[
        "coverage",
        "--curriculum",
        curriculum.to_str().unwrap(),
        "--territory",
        "region:84",
        "--format",
        "text",
    ]);
    assert!(text.contains("Métiers visés"), "{text}");
    fails_saying(&["coverage", "--territory", "region:84"], "--curriculum");
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn extraction_scores_have_at_most_four_decimals() {
    let input = "{\"id\": \"a\", \"intitule\": \"Développeur React (H/F)\", \"description\": \"Maîtrise de Python indispensable, SQL apprécié, Git et Docker.\"}\n";
    let output = run_with_input(&["extract", "--input", "-"], input.as_bytes());
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("\"score\""), "{stdout}");
    assert!(
        !passerelle_server::json::has_unclean_number(&stdout),
        "{stdout}"
    );
}

#[test]
fn extract_on_endless_or_binary_input_stops_at_once() {
    // /dev/zero never ends: its first byte is NUL, so it is binary input.
    let started = std::time::Instant::now();
    let output = passerelle()
        .args(["extract", "--input", "/dev/zero"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 1: NUL byte"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn extract_skips_an_overlong_line_and_fails_when_every_line_is_rejected() {
    // A 3 MiB line (over the 1 MiB record limit) between two good ones, streamed.
    let mut input =
        b"{\"id\": \"a\", \"text\": \"Python et SQL.\"}\n{\"id\": \"big\", \"text\": \"".to_vec();
    input.extend(std::iter::repeat_n(b'x', 3 << 20));
    input.extend_from_slice(b"\"}\n{\"id\": \"c\", \"text\": \"Docker et Git.\"}\n");
    let output = run_with_input(&["extract", "--no-adapt", "--input", "-"], &input);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let ids: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a\"", "\"c\""]);
    assert!(stderr.contains("line 2: line of 3145"), "{stderr}");
    assert!(
        stderr.contains("3 read, 2 extracted, 1 rejected"),
        "{stderr}"
    );

    let output = run_with_input(&["extract", "--input", "-"], b"{\"id\": 1}\nnot json\n");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("every line of - was rejected"), "{stderr}");
}

#[test]
fn build_into_a_file_says_so_before_building() {
    let file = std::env::temp_dir().join(format!("passerelle-out-file-{}", std::process::id()));
    std::fs::write(&file, b"not a folder").unwrap();
    let started = std::time::Instant::now();
    fails_saying(
        &[
            "build",
            "--out",
            file.to_str().unwrap(),
            "--offers",
            demo_offers().to_str().unwrap(),
        ],
        "is a file, not a build folder",
    );
    // Refused before any offer is read or model built.
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    std::fs::remove_file(&file).unwrap();
}
