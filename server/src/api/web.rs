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
