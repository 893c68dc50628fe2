//! Request bodies read whole, within a size and a time: a declared `Content-Length`
//! over the limit is refused before any byte is read (413), a body that does not arrive
//! in time is refused (408), and an encoded body (`Content-Encoding`) is refused (415)
//! rather than read as plain JSON. Large bodies (refresh batches) are spooled to a file
//! instead of memory.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;

use super::BODY_LIMIT;
use super::error::{ApiError, body_too_large};

/// Longest a client may take to send a request body of the API.
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest a client may take to send a refresh batch (up to 256 MiB).
pub const REFRESH_READ_TIMEOUT: Duration = Duration::from_secs(300);

/// Middleware of the API's POST routes: the body is read whole (at most [`BODY_LIMIT`]
/// bytes within [`BODY_READ_TIMEOUT`]) before the handler runs.
pub async fn buffered(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    match read(&parts.headers, body, BODY_LIMIT, BODY_READ_TIMEOUT).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(error) => error.into_response(),
    }
}

/// Refuses a request whose headers alone say it cannot be read: an encoding or a
/// declared length over `limit`.
pub fn check_headers(headers: &HeaderMap, limit: usize) -> Result<(), ApiError> {
    if let Some(encoding) = headers.get(header::CONTENT_ENCODING) {
        let identity = encoding
            .to_str()
            .is_ok_and(|e| e.trim().eq_ignore_ascii_case("identity"));
        if !identity {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_encoding",
                "Corps encodé (Content-Encoding) non pris en charge : envoyez-le non compressé.",
            ));
        }
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        return Err(body_too_large());
    }
    Ok(())
}

/// Reads `body` whole after [`check_headers`]: 413 past `limit` bytes, 408 past
/// `timeout`.
pub async fn read(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
    timeout: Duration,
) -> Result<Bytes, ApiError> {
    check_headers(headers, limit)?;
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(limit);
    let collect = async move {
        let mut body = body;
        // The declared length (checked against the limit) is reserved at once, so that a
        // body is held once, not in a buffer grown by doubling.
        let mut bytes = Vec::with_capacity(declared);
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|_| unreadable_body())?;
            if let Ok(data) = frame.into_data() {
                if bytes.len() + data.len() > limit {
                    return Err(body_too_large());
                }
                bytes.extend_from_slice(&data);
            }
        }
        Ok(Bytes::from(bytes))
    };
    tokio::time::timeout(timeout, collect).await.map_err(|_| {
        ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "body_timeout",
            format!(
                "Corps de la requête reçu trop lentement (plus de {} s).",
                timeout.as_secs()
            ),
        )
    })?
}

/// A request body written to a file, removed when dropped.
#[derive(Debug)]
pub struct Spooled {
    pub path: PathBuf,
    /// Bytes received.
    pub bytes: u64,
}

impl Drop for Spooled {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Writes `body` to a new file of `dir` after [`check_headers`]: 413 past `limit` bytes,
/// 408 past `timeout`; the file is removed on any error and when the answer is dropped.
pub async fn spool(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
    timeout: Duration,
    dir: &Path,
) -> Result<Spooled, ApiError> {
    use tokio::io::AsyncWriteExt;
    static NEXT: AtomicU64 = AtomicU64::new(0);
    check_headers(headers, limit)?;
    let path = dir.join(format!(
        ".upload-{}-{}.part",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let file = tokio::fs::File::create(&path)
        .await
        .map_err(ApiError::internal)?;
    // From here on the guard removes the file, whatever happens.
    let mut spooled = Spooled { path, bytes: 0 };
    let write = async {
        let mut file = tokio::io::BufWriter::new(file);
        let mut body = body;
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|_| unreadable_body())?;
            if let Ok(data) = frame.into_data() {
                spooled.bytes += data.len() as u64;
                if spooled.bytes > limit as u64 {
                    return Err(body_too_large());
                }
                file.write_all(&data).await.map_err(ApiError::internal)?;
            }
        }
        file.flush().await.map_err(ApiError::internal)
    };
    match tokio::time::timeout(timeout, write).await {
        Ok(Ok(())) => Ok(spooled),
        Ok(Err(error)) => Err(error),
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "body_timeout",
            format!(
                "Corps de la requête reçu trop lentement (plus de {} s).",
                timeout.as_secs()
            ),
        )),
    }
}

/// A body the connection could not deliver whole.
fn unreadable_body() -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "invalid_body",
        "Corps de requête illisible.",
    )
}
