//! `POST /admin/refresh`: add a batch of offers to the served build folder's corpus,
//! rebuild and publish a new version (cluster identities persist), and swap it in
//! atomically while requests go on. Guarded by a bearer token; disabled without one.
//! The token, the declared length and the running refresh are checked from the headers
//! before any byte of the body is read.

use super::Json;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use passerelle_engine::read_offer_records;

use super::body::{REFRESH_READ_TIMEOUT, check_headers, spool};
use super::error::ApiError;
use super::refresh::{Incoming, RefreshOutcome, Trigger, refresh as run_refresh};
use super::state::AppState;

/// The batch (France Travail JSON lines or an API page) is the body.
#[utoipa::path(post, path = "/api/v1/admin/refresh", request_body(content = String, content_type = "application/x-ndjson"),
    responses((status = 200, description = "The version now served, the batch report and what changed", body = RefreshOutcome),
              (status = 401, description = "Missing or wrong token", body = super::error::ErrorBody),
              (status = 404, description = "Refresh disabled (no token configured)", body = super::error::ErrorBody),
              (status = 408, description = "The batch was not received within 300 s", body = super::error::ErrorBody),
              (status = 409, description = "A refresh is already running", body = super::error::ErrorBody),
              (status = 413, description = "A batch over 256 MiB (refused from its declared length before it is read)", body = super::error::ErrorBody),
              (status = 415, description = "An encoded body (`Content-Encoding`)", body = super::error::ErrorBody),
              (status = 422, description = "No valid offer in the batch, or (without a build folder, where a batch replaces the corpus) a batch under a tenth of the served corpus without `?force=true`", body = super::error::ErrorBody)),
    security(("bearer" = [])))]
pub async fn refresh(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<RefreshOutcome>, ApiError> {
    let (parts, body) = request.into_parts();
    let headers = parts.headers;
    let Some(token) = state.settings.admin_token.as_deref() else {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "admin_disabled",
            "Rafraîchissement désactivé : aucun jeton d'administration configuré.",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer_token)
        .unwrap_or("");
    if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "Jeton d'administration manquant ou invalide.",
        ));
    }
    check_headers(&headers, super::REFRESH_BODY_LIMIT)?;
    let Ok(_guard) = state.refreshing.try_lock() else {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            "refresh_running",
            "Un rafraîchissement est déjà en cours.",
        ));
    };
    // The batch goes to a file (in the build folder, else the system's temporary
    // folder), then is read line by line: only its records are held in memory.
    let dir = (state.settings.folder.as_ref())
        .map_or_else(std::env::temp_dir, |f| f.root().to_path_buf());
    let spooled = spool(
        &headers,
        body,
        super::REFRESH_BODY_LIMIT,
        REFRESH_READ_TIMEOUT,
        &dir,
    )
    .await?;
    let batch = super::blocking(move || {
        read_offer_records(&spooled.path).map_err(|error| match error {
            passerelle_engine::Error::Format { line, message, .. } => ApiError::invalid(
                "body",
                format!("Lot illisible à la ligne {line} : {message}."),
            ),
            other => ApiError::from(other),
        })
    })
    .await?;
    // An empty body re-reads the sources of a served build folder; a body whose every
    // record is rejected is refused.
    let posted = batch.report.read > 0;
    if batch.records.is_empty() && (posted || state.settings.folder.is_none()) {
        return Err(ApiError::invalid(
            "body",
            format!(
                "Aucune offre valide dans le lot ({} lues, {} rejetées).",
                batch.report.read,
                batch.report.rejected.len()
            ),
        ));
    }
    // Without a build folder a batch replaces the corpus in memory: a batch far smaller
    // than the served corpus is most likely a mistake, refused unless `?force=true`.
    let served = state.current().ranker.model().counts.postings;
    let force = parts
        .uri
        .query()
        .is_some_and(|q| q.split('&').any(|pair| pair == "force=true"));
    if state.settings.folder.is_none() && !force && batch.records.len() * 10 < served {
        return Err(ApiError::invalid(
            "body",
            format!(
                "Lot de {} offres pour un corpus servi de {served} : il le remplacerait. Ajoutez ?force=true pour le faire quand même.",
                batch.records.len()
            ),
        ));
    }
    let incoming = Incoming {
        records: batch
            .records
            .into_iter()
            .map(|(_, record)| record)
            .collect(),
        report: Some(batch.report),
    };
    let outcome = run_refresh(&state, Trigger::Admin, incoming).await?;
    Ok(Json(outcome))
}

/// The token of an `Authorization: Bearer …` value; the scheme is case-insensitive
/// (RFC 7235).
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim_start())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
