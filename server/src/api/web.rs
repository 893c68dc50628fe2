//! The web application: `server/web/` embedded in the binary (index at `/`, other files
//! at `/assets/…`); nothing is fetched from elsewhere at run time.

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::error::ApiError;

#[derive(rust_embed::RustEmbed)]
#[folder = "web/"]
#[exclude = "node_modules/*"]
#[exclude = "package*.json"]
#[exclude = "e2e.mjs"]
#[exclude = "*.md"]
struct Assets;

/// `GET /`.
pub async fn index() -> Response {
    serve("index.html")
}

/// `GET /assets/{*path}`.
pub async fn asset(Path(path): Path<String>) -> Response {
    if path.contains("..") || path == "index.html" {
        return ApiError::not_found("Fichier").into_response();
    }
    serve(&path)
}

fn serve(path: &str) -> Response {
    match Assets::get(path) {
        Some(file) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, file.metadata.mimetype().to_string()),
                (header::CACHE_CONTROL, "no-cache".to_string()),
            ],
            file.data.into_owned(),
        )
            .into_response(),
        None => ApiError::not_found("Fichier").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::Assets;

    /// The keys of the `explanations` object of `excludedText` in the adviser's page.
    fn explained_codes() -> Vec<String> {
        let file = Assets::get("js/adviser.js").expect("the adviser script is embedded");
        let script = String::from_utf8(file.data.into_owned()).unwrap();
        let start = script
            .find("const explanations = {")
            .expect("the explanations");
        let end = start + script[start..].find("\n  };").expect("their end");
        script[start..end]
            .lines()
            .skip(1)
            .filter_map(|line| {
                let (key, _) = line.trim().split_once(':')?;
                key.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_')
                    .then(|| key.to_string())
            })
            .collect()
    }

    #[test]
    fn the_page_explains_exactly_the_exclusions_the_engine_counts() {
        let mut explained = explained_codes();
        explained.sort();
        let emitted: Vec<String> = passerelle_engine::Exclusion::ALL
            .iter()
            .map(|e| e.code().to_string())
            .collect();
        assert_eq!(explained, emitted);
    }
}
