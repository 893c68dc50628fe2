//! The HTTP client of France Travail's "Offres d'emploi v2" search: an OAuth2
//! client-credentials token reused until shortly before it expires, at most a set number
//! of calls a second, retries with exponential backoff and jitter, and a strict reading
//! of each answer (status, `Content-Range`, JSON body, record ids).

use std::fmt;
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow, bail};
use jiff::Timestamp;
use rand::Rng;
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, CONTENT_RANGE, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use serde_json::Value;

/// Results of one search call, at most (the API's page size).
pub const PAGE_SIZE: u64 = 150;
/// Last index a search may ask for: one query never reaches more than 3,150 results.
pub const LAST_REACHABLE: u64 = 3149;
/// The scope the search needs.
const SCOPE: &str = "api_offresdemploiv2 o2dsoffre";
const SEARCH_PATH: &str = "/partenaire/offresdemploi/v2/offres/search";
/// Longest wait honoured for a `Retry-After`.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(120);
/// Longest backoff between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// A value that must never be printed or logged: its `Debug` and `Display` hide it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The value itself, for the one place that sends it.
    fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The application's credentials, read from the environment.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub client_id: Secret,
    pub client_secret: Secret,
}

impl Credentials {
    /// Reads `FRANCE_TRAVAIL_CLIENT_ID` and `FRANCE_TRAVAIL_CLIENT_SECRET`.
    pub fn from_env() -> Result<Credentials> {
        let read = |name: &str| {
            std::env::var(name)
                .ok()
                .filter(|v| !v.trim().is_empty())
                .map(Secret::new)
                .ok_or_else(|| {
                    anyhow!(
                        "la variable d'environnement {name} n'est pas définie : les identifiants de l'application France Travail (espace partenaire) sont nécessaires"
                    )
                })
        };
        Ok(Credentials {
            client_id: read("FRANCE_TRAVAIL_CLIENT_ID")?,
            client_secret: read("FRANCE_TRAVAIL_CLIENT_SECRET")?,
        })
    }
}

/// Where and how fast to call.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Base URL of the API (the search path is appended).
    pub api_url: String,
    /// The token endpoint, with its `realm` query.
    pub token_url: String,
    /// Attempts after the first for a 5xx answer or a connection error.
    pub max_retries: u32,
    /// Calls a second, every call counted (token and search).
    pub calls_per_second: u32,
    /// First backoff; doubled at each retry, with jitter.
    pub backoff: Duration,
}

/// What the client did, for the closing summary.
#[derive(Debug, Clone, Default)]
pub struct ClientStats {
    /// Every HTTP call made (token and search, retries included).
    pub calls: u64,
    /// Token requests among them.
    pub token_calls: u64,
    /// Search answers read successfully (200, 206 or 204).
    pub pages: u64,
    /// Attempts repeated after a 429, a 5xx, a connection error or an expired token.
    pub retries: u64,
    /// 429 answers received.
    pub rate_limited: u64,
}

/// One search: a creation-date window (whole seconds, inclusive) and an optional
/// département.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub from: Timestamp,
    pub to: Timestamp,
    pub departement: Option<String>,
}

/// The API's date format: `yyyy-MM-ddTHH:mm:ssZ`.
pub fn api_date(instant: Timestamp) -> String {
    instant.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "offres créées du {} au {}",
            api_date(self.from),
            api_date(self.to)
        )?;
        if let Some(departement) = &self.departement {
            write!(f, " (département {departement})")?;
        }
        Ok(())
    }
}

/// A search answer, checked.
#[derive(Debug)]
pub enum Page {
    /// 204: nothing matches.
    Empty,
    /// 200 or 206: results `first..=last` of `total`.
    Results {
        last: u64,
        total: u64,
        records: Vec<Value>,
    },
}

struct Token {
    value: Secret,
    refresh_at: Instant,
}

/// The client; calls are made one at a time.
pub struct Client {
    http: reqwest::Client,
    config: ClientConfig,
    credentials: Credentials,
    token: Option<Token>,
    next_call: Instant,
    pub stats: ClientStats,
}

/// Why an attempt failed and whether to try again.
enum Failure {
    /// Worth another attempt after a wait (`Some` when the server said how long).
    Transient(String, Option<Duration>),
    /// 429: wait as told, then try again.
    RateLimited(Option<Duration>),
    Fatal(anyhow::Error),
}

impl Client {
    pub fn new(config: ClientConfig, credentials: Credentials) -> Result<Client> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(60))
            .user_agent(concat!("passerelle/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Client {
            http,
            config,
            credentials,
            token: None,
            next_call: Instant::now(),
            stats: ClientStats::default(),
        })
    }

    /// Results `first..=last` of `query`, retried as needed.
    pub async fn search(&mut self, query: &Query, first: u64, last: u64) -> Result<Page> {
        debug_assert!(first <= last && last <= LAST_REACHABLE && last - first < PAGE_SIZE);
        let mut renewed = false;
        let (mut failures, mut rate_limited) = (0u32, 0u32);
        loop {
            let token = self.token().await?;
            match self.search_once(query, first, last, &token).await {
                Ok(Some(page)) => {
                    self.stats.pages += 1;
                    return Ok(page);
                }
                // 401: the token expired early or was revoked; a new one, once.
                Ok(None) if !renewed => {
                    tracing::debug!("search answered 401, renewing the token");
                    self.token = None;
                    renewed = true;
                    self.stats.retries += 1;
                }
                Ok(None) => bail!(
                    "l'API refuse un jeton tout juste obtenu (401) pour la requête {query} : vérifiez que l'application a accès à l'API Offres d'emploi v2"
                ),
                Err(failure) => {
                    self.wait_after(failure, &mut failures, &mut rate_limited, || {
                        format!("la requête {query} (résultats {first}-{last})")
                    })
                    .await?
                }
            }
        }
    }

    /// One search call; `Ok(None)` on 401.
    async fn search_once(
        &mut self,
        query: &Query,
        first: u64,
        last: u64,
        token: &Secret,
    ) -> Result<Option<Page>, Failure> {
        let url = format!("{}{SEARCH_PATH}", self.config.api_url.trim_end_matches('/'));
        let mut params = vec![
            ("range", format!("{first}-{last}")),
            ("minCreationDate", api_date(query.from)),
            ("maxCreationDate", api_date(query.to)),
        ];
        if let Some(departement) = &query.departement {
            params.push(("departement", departement.clone()));
        }
        let mut authorization = HeaderValue::from_str(&format!("Bearer {}", token.expose()))
            .map_err(|_| {
                Failure::Fatal(anyhow!("le jeton reçu contient des caractères invalides"))
            })?;
        authorization.set_sensitive(true);
        self.throttle().await;
        let request = self
            .http
            .get(&url)
            .query(&params)
            .header(AUTHORIZATION, authorization)
            .header("Accept", "application/json");
        let response = request.send().await.map_err(connection_failure)?;
        let status = response.status();
        match status {
            StatusCode::UNAUTHORIZED => return Ok(None),
            StatusCode::TOO_MANY_REQUESTS => {
                return Err(Failure::RateLimited(retry_after(response.headers())));
            }
            s if s.is_server_error() => {
                let wait = retry_after(response.headers());
                return Err(Failure::Transient(format!("statut {s}"), wait));
            }
            StatusCode::NO_CONTENT => return Ok(Some(Page::Empty)),
            StatusCode::OK | StatusCode::PARTIAL_CONTENT => {}
            s => {
                let body = response.text().await.unwrap_or_default();
                return Err(Failure::Fatal(anyhow!(
                    "l'API a répondu {s} à la requête {query} (résultats {first}-{last}) : {}",
                    excerpt(&body)
                )));
            }
        }
        let range = response
            .headers()
            .get(CONTENT_RANGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let content_type = content_type(response.headers());
        let body = response.bytes().await.map_err(connection_failure)?;
        read_page(
            query,
            first,
            last,
            status,
            range.as_deref(),
            &content_type,
            &body,
        )
        .map(Some)
        .map_err(Failure::Fatal)
    }

    /// The current token, fetched again when it is about to expire.
    async fn token(&mut self) -> Result<Secret> {
        if let Some(token) = &self.token
            && Instant::now() < token.refresh_at
        {
            return Ok(token.value.clone());
        }
        let (mut failures, mut rate_limited) = (0u32, 0u32);
        loop {
            match self.token_once().await {
                Ok(token) => {
                    let value = token.value.clone();
                    self.token = Some(token);
                    return Ok(value);
                }
                Err(failure) => {
                    let url = self.config.token_url.clone();
                    self.wait_after(failure, &mut failures, &mut rate_limited, || {
                        format!("la demande de jeton à {url}")
                    })
                    .await?
                }
            }
        }
    }

    async fn token_once(&mut self) -> Result<Token, Failure> {
        self.throttle().await;
        self.stats.token_calls += 1;
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.credentials.client_id.expose()),
            ("client_secret", self.credentials.client_secret.expose()),
            ("scope", SCOPE),
        ];
        let asked = Instant::now();
        let response = self
            .http
            .post(&self.config.token_url)
            .form(&form)
            .send()
            .await
            .map_err(connection_failure)?;
        let status = response.status();
        if status == StatusCode::TOO_MANY_REQUESTS {
            return Err(Failure::RateLimited(retry_after(response.headers())));
        }
        if status.is_server_error() {
            let wait = retry_after(response.headers());
            return Err(Failure::Transient(format!("statut {status}"), wait));
        }
        let content_type = content_type(response.headers());
        let body = response.bytes().await.map_err(connection_failure)?;
        let url = &self.config.token_url;
        // The body is never quoted whole: an answer could echo what was sent.
        let json: Option<Value> = serde_json::from_slice(&body).ok();
        if !status.is_success() {
            let reason = json
                .as_ref()
                .and_then(|j| j.get("error"))
                .and_then(Value::as_str)
                .map(|e| format!(" ({})", excerpt(e)))
                .unwrap_or_default();
            return Err(Failure::Fatal(anyhow!(
                "le point d'accès des jetons {url} refuse les identifiants : statut {status}{reason} ; vérifiez FRANCE_TRAVAIL_CLIENT_ID et FRANCE_TRAVAIL_CLIENT_SECRET"
            )));
        }
        let Some(json) = json.filter(Value::is_object) else {
            return Err(Failure::Fatal(anyhow!(
                "le point d'accès des jetons {url} n'a pas répondu en JSON (statut {status}, type {content_type}) : vérifiez --token-url"
            )));
        };
        let Some(value) = json
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
        else {
            return Err(Failure::Fatal(anyhow!(
                "la réponse du point d'accès des jetons {url} n'a pas de champ access_token"
            )));
        };
        let lifetime = json
            .get("expires_in")
            .and_then(|v| v.as_u64().or_else(|| v.as_str()?.trim().parse().ok()))
            .unwrap_or(60);
        // Renew a little before the end: a fifth of the lifetime, at most a minute.
        let margin = (lifetime / 5).min(60);
        tracing::debug!(lifetime, "obtained an access token");
        Ok(Token {
            value: Secret::new(value.to_string()),
            refresh_at: asked + Duration::from_secs(lifetime - margin),
        })
    }

    /// Waits before the next attempt, or gives up with a clear error when the retries
    /// are spent.
    async fn wait_after(
        &mut self,
        failure: Failure,
        failures: &mut u32,
        rate_limited: &mut u32,
        what: impl Fn() -> String,
    ) -> Result<()> {
        let wait = match failure {
            Failure::Fatal(error) => return Err(error),
            Failure::RateLimited(told) => {
                self.stats.rate_limited += 1;
                *rate_limited += 1;
                // 429s mean "slow down", not "broken": allow more of them.
                if *rate_limited > self.config.max_retries.max(1) * 4 {
                    bail!(
                        "l'API limite encore le débit (429) après {} attentes pour {}",
                        *rate_limited - 1,
                        what()
                    );
                }
                told.unwrap_or_else(|| self.backoff(*rate_limited))
            }
            Failure::Transient(reason, told) => {
                *failures += 1;
                if *failures > self.config.max_retries {
                    bail!(
                        "{} a échoué {} fois de suite (dernière erreur : {reason})",
                        what(),
                        *failures
                    );
                }
                tracing::warn!(%reason, attempt = *failures, "transient failure, retrying");
                told.unwrap_or_else(|| self.backoff(*failures))
            }
        };
        self.stats.retries += 1;
        tokio::time::sleep(wait.min(MAX_RETRY_AFTER)).await;
        Ok(())
    }

    /// Exponential backoff with jitter: between half and all of `base × 2^(attempt-1)`.
    fn backoff(&self, attempt: u32) -> Duration {
        let full = self
            .config
            .backoff
            .saturating_mul(1 << attempt.saturating_sub(1).min(16))
            .min(MAX_BACKOFF);
        let jitter = rand::thread_rng().gen_range(0.5..=1.0);
        full.mul_f64(jitter)
    }

    /// Spaces calls so that no second sees more than `calls_per_second` of them.
    async fn throttle(&mut self) {
        let now = Instant::now();
        if self.next_call > now {
            tokio::time::sleep_until(self.next_call.into()).await;
        }
        // 10 ms more than the exact spacing: network jitter can bring two requests
        // closer on arrival than they were on departure.
        let interval = Duration::from_secs(1) / self.config.calls_per_second.max(1)
            + Duration::from_millis(10);
        self.next_call = self.next_call.max(Instant::now()) + interval;
        self.stats.calls += 1;
    }
}

fn connection_failure(error: reqwest::Error) -> Failure {
    // reqwest's message names the URL, never headers or bodies.
    let kind = if error.is_timeout() {
        "délai dépassé"
    } else if error.is_connect() {
        "connexion impossible"
    } else {
        "erreur de transport"
    };
    Failure::Transient(format!("{kind} : {error}"), None)
}

fn content_type(headers: &reqwest::header::HeaderMap) -> String {
    headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("absent")
        .to_string()
}

/// `Retry-After` in seconds or as an HTTP date.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = jiff::fmt::rfc2822::parse(value).ok()?.timestamp();
    let seconds = (when - Timestamp::now()).get_seconds().max(0) as u64;
    Some(Duration::from_secs(seconds))
}

fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

/// `offres p-d/total` → (p, d, total).
fn parse_content_range(value: &str) -> Option<(u64, u64, u64)> {
    let (unit, rest) = value.trim().split_once(' ')?;
    if !unit.eq_ignore_ascii_case("offres") {
        return None;
    }
    let (range, total) = rest.trim().split_once('/')?;
    let (first, last) = range.split_once('-')?;
    Some((
        first.trim().parse().ok()?,
        last.trim().parse().ok()?,
        total.trim().parse().ok()?,
    ))
}

/// Checks a 200/206 answer against what was asked and against itself.
fn read_page(
    query: &Query,
    first: u64,
    last: u64,
    status: StatusCode,
    range: Option<&str>,
    content_type: &str,
    body: &[u8],
) -> Result<Page> {
    let asked = format!("la requête {query} (résultats {first}-{last})");
    let json: Value = serde_json::from_slice(body).map_err(|e| {
        anyhow!(
            "la réponse de l'API à {asked} n'est pas du JSON (type {content_type}, statut {status}) : {e}"
        )
    })?;
    let Some(Value::Array(records)) = json.get("resultats") else {
        bail!("la réponse de l'API à {asked} n'a pas de tableau « resultats »");
    };
    for (position, record) in records.iter().enumerate() {
        if passerelle_engine::record_id(record).is_none() {
            bail!(
                "l'offre n° {} de la réponse à {asked} n'a pas d'identifiant « id » (ou il n'est ni une chaîne ni un nombre)",
                position + 1
            );
        }
    }
    let Some(range_text) = range else {
        bail!("la réponse de l'API à {asked} n'a pas d'en-tête Content-Range");
    };
    let Some((got_first, got_last, total)) = parse_content_range(range_text) else {
        bail!(
            "l'en-tête Content-Range « {} » de la réponse à {asked} n'a pas la forme « offres p-d/total »",
            excerpt(range_text)
        );
    };
    let count = records.len() as u64;
    let consistent = got_first == first
        && got_last >= got_first
        && got_last <= last
        && got_last - got_first + 1 == count
        && got_last < total
        && (got_last == last || got_last + 1 == total);
    if !consistent {
        bail!(
            "l'en-tête Content-Range « {range_text} » de la réponse à {asked} contredit le corps ({count} offres reçues)"
        );
    }
    if (status == StatusCode::OK) != (got_last + 1 == total) {
        tracing::warn!(%status, range = range_text, "status does not match the content range");
    }
    Ok(Page::Results {
        last: got_last,
        total,
        records: records.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_show() {
        let credentials = Credentials {
            client_id: Secret::new("PAR_app_123".into()),
            client_secret: Secret::new("s3cr3t".into()),
        };
        let shown = format!("{credentials:?}");
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("PAR_app"),
            "{shown}"
        );
    }

    #[test]
    fn content_ranges_are_read_and_checked() {
        assert_eq!(
            parse_content_range("offres 0-149/3245"),
            Some((0, 149, 3245))
        );
        assert_eq!(parse_content_range("items 0-1/2"), None);
        assert_eq!(parse_content_range("offres 0-x/2"), None);
        let query = Query {
            from: "2026-11-03T00:00:00Z".parse().unwrap(),
            to: "2026-11-03T23:59:59Z".parse().unwrap(),
            departement: None,
        };
        let body = br#"{"resultats": [{"id": "1"}, {"id": 2}], "filtresPossibles": []}"#;
        let check = |range: &str| {
            read_page(
                &query,
                0,
                149,
                StatusCode::OK,
                Some(range),
                "application/json",
                body,
            )
        };
        assert!(matches!(
            check("offres 0-1/2"),
            Ok(Page::Results { total: 2, .. })
        ));
        // A total smaller than what came, a range that does not match the body.
        assert!(check("offres 0-1/1").is_err());
        assert!(check("offres 0-4/5").is_err());
        assert!(check("offres 0-1/9").is_err());
        let error = read_page(&query, 0, 149, StatusCode::OK, None, "text/html", b"<html>")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("pas du JSON") && error.contains("2026-11-03T00:00:00Z"),
            "{error}"
        );
        let no_id = read_page(
            &query,
            0,
            149,
            StatusCode::OK,
            Some("offres 0-0/1"),
            "application/json",
            br#"{"resultats": [{"intitule": "x"}]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(no_id.contains("identifiant"), "{no_id}");
    }
}
