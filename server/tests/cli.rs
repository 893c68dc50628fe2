//! The `passerelle` binary run for real on files and standard input.
//!
//! Properties pinned down:
//! - `extract` writes one JSON line per good input line, in order, with the documented
//!   fields, and reports bad lines on stderr with their line number;
//! - an unknown taxonomy is a clear error, not a panic.

use std::io::Write;
use std::process::{Command, Stdio};

fn passerelle() -> Command {
    Command::new(env!("CARGO_BIN_EXE_passerelle"))
}

#[test]
fn extract_reports_bad_lines_and_goes_on() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Maîtrise de Python indispensable, SQL apprécié.\"}\n",
        "{\"id\": \"b\", \"te\n",
        "[1, 2]\n",
        "{\"id\": \"c\", \"intitule\": \"Développeur React (H/F)\", \"description\": \"Git et Docker.\"}\n",
    );
    let mut child = passerelle()
        .args(["extract", "--input", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
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

#[test]
fn unknown_taxonomy_is_a_clear_error() {
    let output = passerelle()
        .args(["extract", "--taxonomy", "wikidata:x", "--input", "-"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("unknown taxonomy"), "{stderr}");
}

#[test]
fn missing_rome_folder_names_it() {
    let output = passerelle()
        .args([
            "extract",
            "--taxonomy",
            "rome:/nonexistent/rome",
            "--input",
            "-",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/nonexistent/rome"), "{stderr}");
}
