//! The one place errors become HTTP responses: engine errors, body and query parsing
//! failures and server limits all map to a status and a body
//! `{"code": "...", "message": "...", "field": "..."}` with a stable `code` and a French
//! `message`. Internal details are logged, never returned.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use utoipa::ToSchema;

/// The error body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// Stable machine-readable code.
    pub code: &'static str,
    /// French message for the user.
    pub message: String,
    /// The field at fault, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// An error answered to a client.
#[derive(Debug, thiserror::Error)]
#[error("{status} {code}: {message}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> ApiError {
        self.field = Some(field.into());
        self
    }

    pub fn not_found(what: &str) -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("{what} introuvable."),
        )
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_input",
            message.into(),
        )
        .with_field(field)
    }

    /// An unexpected failure: logged with its detail, answered without it.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        tracing::error!(target: "http", error = %detail, "internal error");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Erreur interne du serveur.",
        )
    }
}

impl From<passerelle_engine::Error> for ApiError {
    fn from(error: passerelle_engine::Error) -> ApiError {
        use passerelle_engine::Error;
        match error {
            Error::InvalidInput { field, message } => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_input",
                format!("Valeur invalide pour « {field} » : {message}."),
            )
            .with_field(field),
            Error::NotFound { kind, value } => {
                let (code, what, field) = match kind {
                    "ROME code" => ("unknown_rome", "Code ROME", Some("target.rome")),
                    "job title" => ("unknown_appellation", "Métier", Some("target.appellation")),
                    "commune" => ("unknown_commune", "Commune", Some("location.commune")),
                    "postcode" => ("unknown_postcode", "Code postal", Some("location.postcode")),
                    "territory" => ("unknown_territory", "Territoire", Some("territory")),
                    "training" => ("unknown_training", "Formation", None),
                    "skill" => ("unknown_skill", "Compétence", Some("target.skills")),
                    _ => ("not_found", "Élément", None),
                };
                let error = ApiError::new(
                    StatusCode::NOT_FOUND,
                    code,
                    format!("{what} inconnu(e) : {value}."),
                );
                match field {
                    Some(field) => error.with_field(field),
                    None => error,
                }
            }
            other => ApiError::internal(other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code,
            message: self.message,
            field: self.field,
        };
        (self.status, Json(body)).into_response()
    }
}

/// A JSON body parsed with the path of the field at fault on error.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        let json_type = request
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| {
                let essence = v.split(';').next().unwrap_or("").trim();
                essence.eq_ignore_ascii_case("application/json") || essence.ends_with("+json")
            });
        if !json_type {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Le corps doit être du JSON (Content-Type: application/json).",
            ));
        }
        let bytes = axum::body::Bytes::from_request(request, state)
            .await
            .map_err(|rejection| {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    body_too_large()
                } else {
                    ApiError::new(
                        StatusCode::BAD_REQUEST,
                        "invalid_body",
                        "Corps de requête illisible.",
                    )
                }
            })?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// The answer to a body over the limit.
pub fn body_too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "Corps de requête trop volumineux.",
    )
}

/// Parses JSON: syntax errors are 400 `invalid_json`, type and value errors 422
/// `invalid_input` naming the field.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    if std::str::from_utf8(bytes).is_err() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            "Le corps n'est pas de l'UTF-8 valide.",
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut deserializer);
    let value = result.map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            serde_json::error::Category::Data => {
                let field = if path == "." {
                    "body".to_string()
                } else {
                    path
                };
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    format!("Valeur invalide pour « {field} » : {inner}."),
                )
                .with_field(field)
            }
            _ => ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                format!("JSON invalide : {inner}."),
            ),
        }
    })?;
    deserializer.end().map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!("JSON invalide : {e}."),
        )
    })?;
    Ok(value)
}

/// Query parameters, with the same error format.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for ApiQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|rejection: QueryRejection| {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid_query",
                    format!("Paramètres invalides : {}.", rejection.body_text()),
                )
            })
    }
}

/// Fallback for unknown routes.
pub async fn no_route() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no_route", "Adresse inconnue.")
}

/// Fallback for a known route called with another method.
pub async fn wrong_method() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "Méthode non autorisée pour cette adresse.",
    )
}
