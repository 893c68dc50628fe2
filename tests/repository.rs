//! Checks of the repository's own files: every stored insta snapshot is still asserted
//! by a test (insta fails on a missing snapshot, not on one left behind).

use std::path::{Path, PathBuf};

/// The `.snap` files under `dir`, with the snapshot name each stores
/// (`<binary>__<module>__<name>.snap` → `name`).
fn snapshots(dir: &Path) -> Vec<(PathBuf, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        let Some(file) = path.file_name().and_then(|f| f.to_str()) else {
            continue;
        };
        if let Some(stem) = file.strip_suffix(".snap") {
            let name = stem.rsplit("__").next().unwrap_or(stem).to_string();
            found.push((path.clone(), name));
        }
    }
    found
}

/// The names given to `assert_*_snapshot!` in the Rust files of `dir`.
fn asserted_names(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let source = std::fs::read_to_string(&path).unwrap();
            for (at, _) in source.match_indices("_snapshot!(") {
                let rest = source[at + "_snapshot!(".len()..].trim_start();
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    names.push(quoted[..end].to_string());
                }
            }
        }
    }
    names
}

#[test]
fn every_snapshot_is_referenced() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut checked = 0;
    let mut unreferenced = Vec::new();
    for tests in [root.join("tests"), root.join("server/tests")] {
        let names = asserted_names(&tests);
        for (path, name) in snapshots(&tests.join("snapshots")) {
            checked += 1;
            if !names.contains(&name) {
                unreferenced.push(path.display().to_string());
            }
        }
        let pending: Vec<_> = std::fs::read_dir(tests.join("snapshots"))
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "new"))
                    .collect()
            })
            .unwrap_or_default();
        assert!(pending.is_empty(), "snapshots left to review: {pending:?}");
    }
    assert!(checked >= 4, "the snapshot folders were found ({checked})");
    assert!(
        unreferenced.is_empty(),
        "snapshots no test asserts any more: {unreferenced:?}"
    );
}
