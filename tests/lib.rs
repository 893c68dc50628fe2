//! Shared helpers for the integration tests: where the real data lives.

use std::path::PathBuf;

/// The real public data folder: `PASSERELLE_SHARED_DATA`, else `../shared/data` from
/// the workspace root. Returns `None` (and says so) when it is missing outside CI; in
/// CI (`CI=true`) a missing folder fails the test.
pub fn shared_data() -> Option<PathBuf> {
    let path = std::env::var_os("PASSERELLE_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
    if path.join("README.md").is_file() {
        return Some(path);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!(
            "real data missing at {}: set PASSERELLE_SHARED_DATA",
            path.display()
        );
    }
    eprintln!("skipped: real data missing at {}", path.display());
    None
}

/// Runs `body` with the shared data folder, or returns early when it is absent.
#[macro_export]
macro_rules! with_shared_data {
    ($data:ident => $body:block) => {
        let Some($data) = $crate::shared_data() else {
            return;
        };
        $body
    };
}
