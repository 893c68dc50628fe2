//! The generated files the repository ships are what their generators write today: the
//! embedded demo model is a fresh `passerelle build` of the demo corpora (as
//! `models/gen_demo.sh` runs it), and the demo corpora are their Python generators'
//! output, byte for byte.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("passerelle-demo-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The real public data beside the repository (CI fails without it).
fn shared_data() -> Option<PathBuf> {
    let dir = std::env::var_os("PASSERELLE_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/data"));
    if dir.join("geo_fr").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "real data missing at {}",
        dir.display()
    );
    None
}

/// Fails naming the file and the first differing line.
fn assert_same(fresh: &Path, shipped: &Path, how: &str) {
    let fresh_text = std::fs::read_to_string(fresh).unwrap();
    let shipped_text = std::fs::read_to_string(shipped).unwrap();
    if fresh_text != shipped_text {
        let line = fresh_text
            .lines()
            .zip(shipped_text.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| "its length".to_string(), |i| format!("line {}", i + 1));
        panic!(
            "{} differs from a fresh generation at {line}: regenerate it with {how}",
            shipped.display()
        );
    }
}

#[test]
fn the_demo_model_is_a_fresh_build_of_the_demo_corpora() {
    let Some(data) = shared_data() else {
        return;
    };
    let out = scratch("build");
    let output = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .current_dir(root())
        .args([
            "build",
            "--offers",
            "corpora/postings/demo_offers.jsonl",
            "--trainings",
            "corpora/catalogue/trainings.jsonl",
            "--built-at",
            "2026-11-29T00:00:00Z",
            "--geo",
        ])
        .arg(data.join("geo_fr"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_same(
        &out.join("versions/v000001/needs-model.json"),
        &root().join("models/needs-demo.json"),
        "bash models/gen_demo.sh",
    );
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_demo_corpora_are_what_their_generators_write() {
    let python = Command::new("python3").arg("--version").output();
    if python.is_err() {
        assert!(std::env::var_os("CI").is_none(), "python3 is needed");
        return;
    }
    let out = scratch("corpora");
    for (script, args, shipped) in [
        (
            "corpora/postings/gen_postings.py",
            vec!["-o"],
            "corpora/postings/demo_offers.jsonl",
        ),
        (
            "corpora/catalogue/gen_catalogue.py",
            vec![],
            "corpora/catalogue/trainings.jsonl",
        ),
    ] {
        let fresh = out.join(Path::new(shipped).file_name().unwrap());
        let status = Command::new("python3")
            .current_dir(root())
            .arg(script)
            .args(args)
            .arg(&fresh)
            .status()
            .unwrap();
        assert!(status.success(), "{script} failed");
        assert_same(&fresh, &root().join(shipped), &format!("python3 {script}"));
    }
    let _ = std::fs::remove_dir_all(&out);
}
