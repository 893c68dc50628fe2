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
            Error::InvalidInput { field, problem } => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid_input",
                format!(
                    "Valeur invalide pour « {field} » : {}.",
                    in_french(&problem)
                ),
            )
            .with_field(field),
            Error::NotFound { kind, value } => {
                use passerelle_engine::NotFoundKind;
                let (code, what, field) = match kind {
                    NotFoundKind::RomeCode => ("unknown_rome", "Code ROME", Some("target.rome")),
                    NotFoundKind::JobTitle => {
                        ("unknown_appellation", "Métier", Some("target.appellation"))
                    }
                    NotFoundKind::Commune => {
                        ("unknown_commune", "Commune", Some("location.commune"))
                    }
                    NotFoundKind::Postcode => {
                        ("unknown_postcode", "Code postal", Some("location.postcode"))
                    }
                    NotFoundKind::Territory => {
                        ("unknown_territory", "Territoire", Some("territory"))
                    }
                    NotFoundKind::Training => ("unknown_training", "Formation", None),
                    NotFoundKind::Skill => ("unknown_skill", "Compétence", Some("target.skills")),
                    // The history route words its own 404; elsewhere a need is a cluster id.
                    NotFoundKind::Need => ("unknown_cluster", "Besoin", None),
                    // Hand labels name offers in evaluations only.
                    NotFoundKind::Offer => ("not_found", "Élément", None),
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

/// What is wrong with a value, in French: the one place engine error codes are worded
/// for users.
pub fn in_french(problem: &passerelle_engine::Invalid) -> String {
    use passerelle_engine::{CodeKind, Invalid, Unit};
    let list = |fields: &[&str]| match fields {
        [] => String::new(),
        [one] => format!("« {one} »"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|f| format!("« {f} »")).collect();
            format!("{} ou « {last} »", init.join(", "))
        }
    };
    let number = |value: f64| value.to_string().replace('.', ",");
    match problem {
        Invalid::Range { min, max, unit } => {
            let unit = match unit {
                Unit::Number => "",
                Unit::Kilometres => " km",
                Unit::Months => " mois",
            };
            format!(
                "attendu un nombre de {} à {}{unit}",
                number(*min),
                number(*max)
            )
        }
        Invalid::Date { value } => format!("« {value} » n'est pas une date (AAAA-MM-JJ)"),
        Invalid::Code { value, kind } => {
            let kind = match kind {
                CodeKind::Rome => "un code ROME (une lettre et quatre chiffres, par exemple M1805)",
                CodeKind::Insee => "un code commune INSEE",
                CodeKind::Skill => "un identifiant de compétence (rome:…, esco:… ou passerelle:…)",
            };
            format!("« {value} » n'est pas {kind}")
        }
        Invalid::Territory { value } => {
            format!("« {value} » : attendu region:CODE, departement:CODE ou bassin:CODE")
        }
        Invalid::AtLeastOne { fields } => format!("renseignez au moins l'un de {}", list(fields)),
        Invalid::ExactlyOne { fields } => {
            format!("renseignez un et un seul de {}", list(fields))
        }
        Invalid::Empty => "valeur vide".to_string(),
        Invalid::TooMany { max } => format!("{max} éléments au plus"),
        Invalid::TooLong { max_bytes } => format!("{max_bytes} octets au plus"),
        Invalid::Coordinates => {
            "lat (de -90 à 90) et lon (de -180 à 180) sont à donner ensemble".to_string()
        }
        Invalid::OneOf { value, expected } => {
            format!("« {value} » : attendu {}", list(expected))
        }
        // Operator settings only: their English detail is logged, not answered.
        Invalid::Other(detail) => {
            tracing::debug!(target: "http", %detail, "invalid input");
            "valeur refusée".to_string()
        }
        _ => "valeur refusée".to_string(),
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

/// Declares an extractor of the API: a wrapper `$name<T>(pub T)` of what `T` is read
/// from, implementing `$trait` by `$body`, whose rejection is an [`ApiError`].
macro_rules! api_extractor {
    (
        $(#[$meta:meta])*
        $name:ident: $trait:ident::$method:ident($input:ident: $input_type:ty, $state:ident)
        $body:block
    ) => {
        $(#[$meta])*
        pub struct $name<T>(pub T);

        impl<S, T> $trait<S> for $name<T>
        where
            S: Send + Sync,
            T: DeserializeOwned + Send,
        {
            type Rejection = ApiError;

            async fn $method($input: $input_type, $state: &S) -> Result<Self, ApiError> $body
        }
    };
}

api_extractor! {
    /// A JSON body parsed with the path of the field at fault on error.
    #[derive(Debug, Clone, Copy, Default)]
    ApiJson: FromRequest::from_request(request: Request, state) {
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
                    format!(
                        "Valeur invalide pour « {field} » : {}.",
                        serde_in_french(&inner)
                    ),
                )
                .with_field(field)
            }
            _ => ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_json",
                format!(
                    "JSON invalide (ligne {}, colonne {}).",
                    inner.line(),
                    inner.column()
                ),
            ),
        }
    })?;
    deserializer.end().map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_json",
            format!(
                "JSON invalide : texte après le document (ligne {}, colonne {}).",
                e.line(),
                e.column()
            ),
        )
    })?;
    Ok(value)
}

/// A serde error about a value (wrong type, unknown or missing field, unknown
/// variant) in French, with its position.
fn serde_in_french(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    format!(
        "{} (ligne {}, colonne {})",
        serde_message_in_french(message),
        error.line(),
        error.column()
    )
}

/// A serde message (without position) in French.
fn serde_message_in_french(message: &str) -> String {
    let quoted = |s: &str| s.trim_matches('`').to_string();
    let names = |s: &str| -> String {
        let names: Vec<String> = s
            .split(", ")
            .map(|n| format!("« {} »", quoted(n)))
            .collect();
        names.join(", ")
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        match rest.split_once(", expected one of ") {
            Some((field, expected)) => format!(
                "champ inconnu « {} » (champs admis : {})",
                quoted(field),
                names(expected)
            ),
            None => match rest.split_once(", expected ") {
                Some((field, expected)) => format!(
                    "champ inconnu « {} » (champ admis : {})",
                    quoted(field),
                    names(expected)
                ),
                None => format!(
                    "champ inconnu « {} »",
                    quoted(rest.split(',').next().unwrap_or(rest))
                ),
            },
        }
    } else if let Some(field) = message.strip_prefix("missing field ") {
        format!("champ obligatoire « {} » absent", quoted(field))
    } else if let Some(field) = message.strip_prefix("duplicate field ") {
        format!("champ « {} » donné deux fois", quoted(field))
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        match rest.split_once(", expected one of ") {
            Some((value, expected)) => format!(
                "valeur inconnue « {} » (valeurs admises : {})",
                quoted(value),
                names(expected)
            ),
            None => format!(
                "valeur inconnue « {} »",
                quoted(rest.split(',').next().unwrap_or(rest))
            ),
        }
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        match rest.split_once(", expected ") {
            Some((found, expected)) => format!(
                "{} reçu, {} attendu",
                found_in_french(found),
                expected_in_french(expected)
            ),
            None => "valeur d'un type inattendu".to_string(),
        }
    } else if message.starts_with("recursion limit exceeded") {
        "document trop imbriqué".to_string()
    } else if message.starts_with("invalid length") {
        "nombre d'éléments inattendu".to_string()
    } else if message.starts_with("invalid digit") || message.starts_with("number too large") {
        "entier positif attendu".to_string()
    } else if message.starts_with("invalid float") {
        "nombre attendu".to_string()
    } else if message.starts_with("provided string was not `true` or `false`") {
        "true ou false attendu".to_string()
    } else {
        // Messages of the project's own types are already French.
        message.to_string()
    }
}

/// A query-string rejection in French, naming the parameter when axum does.
fn query_in_french(body: &str) -> (String, Option<String>) {
    let detail = body
        .strip_prefix("Failed to deserialize query string: ")
        .unwrap_or(body);
    match detail.split_once(": ") {
        Some((field, message))
            if !field.is_empty()
                && field
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
        {
            (
                format!(
                    "Valeur invalide pour « {field} » : {}.",
                    serde_message_in_french(message)
                ),
                Some(field.to_string()),
            )
        }
        _ => (
            format!(
                "Paramètres invalides : {}.",
                serde_message_in_french(detail)
            ),
            None,
        ),
    }
}

/// A serde "unexpected" description in French.
fn found_in_french(found: &str) -> String {
    let value = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_matches(['`', '"']))
    };
    if let Some(v) = value("string ") {
        format!("le texte « {v} »")
    } else if let Some(v) = value("integer ") {
        format!("l'entier {v}")
    } else if let Some(v) = value("floating point ") {
        format!("le nombre {v}")
    } else if let Some(v) = value("boolean ") {
        format!("le booléen {v}")
    } else {
        match found {
            "map" => "un objet".to_string(),
            "sequence" => "une liste".to_string(),
            "null" | "unit value" => "null".to_string(),
            _ => "une valeur".to_string(),
        }
    }
}

/// A serde "expected" description in French.
fn expected_in_french(expected: &str) -> &'static str {
    match expected {
        "f32" | "f64" => "un nombre",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            "un entier positif"
        }
        "a string" => "un texte",
        "a boolean" => "un booléen",
        "a sequence" => "une liste",
        e if e.starts_with("struct ") || e == "a map" => "un objet",
        e if e.starts_with("variant") => "une valeur de la liste admise",
        _ => "un autre type",
    }
}

api_extractor! {
    /// Query parameters, with the same error format.
    #[derive(Debug, Clone, Copy, Default)]
    ApiQuery: FromRequestParts::from_request_parts(parts: &mut Parts, state) {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|rejection: QueryRejection| {
                let (message, field) = query_in_french(&rejection.body_text());
                let error =
                    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_query", message);
                match field {
                    Some(field) => error.with_field(field),
                    None => error,
                }
            })
    }
}

api_extractor! {
    /// `axum::extract::Path` with its rejections (a segment that is not UTF-8 once
    /// percent-decoded, say) answered as the API's JSON errors.
    ApiPath: FromRequestParts::from_request_parts(parts: &mut Parts, state) {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|_| {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_path",
                    "Chemin invalide : un segment n'est pas du texte UTF-8 valide.",
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
