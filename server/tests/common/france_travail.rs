//! A local stand-in of France Travail's "Offres d'emploi v2" search and its OAuth2 token
//! endpoint, written from the public documentation, for the ingest tests: it checks the
//! token form, issues tokens that expire, honours `range` (400 beyond the API's limits),
//! `minCreationDate`/`maxCreationDate` (both or neither, inclusive) and `departement`,
//! answers 200/206/204 with `Content-Range: offres p-d/total`, counts every call, and
//! injects faults on chosen calls.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

pub const CLIENT_ID: &str = "PAR_passerelle_0123456789abcdef";
pub const CLIENT_SECRET: &str = "sEcReT-9f8e7d6c5b4a-do-not-print";
pub const TOKEN_PATH: &str = "/connexion/oauth2/access_token";
const SEARCH_PATH: &str = "/partenaire/offresdemploi/v2/offres/search";

/// A wrong answer the stand-in gives instead of the right one.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// This status with an empty body (and `Retry-After` when given, in seconds).
    Status(u16, Option<u64>),
    /// 200 with an HTML body.
    NotJson,
    /// A `Content-Range` total smaller than the results sent.
    LyingRange,
    /// The first record of the page without its `id`.
    MissingId,
}

/// How the stand-in behaves.
#[derive(Debug, Clone)]
pub struct Config {
    /// `expires_in` announced with each token, in seconds.
    pub announced_lifetime: u64,
    /// How long a token is really accepted.
    pub real_lifetime: Duration,
    /// The token endpoint answers an HTML page.
    pub token_html: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            announced_lifetime: 1499,
            real_lifetime: Duration::from_secs(1499),
            token_html: false,
        }
    }
}

/// What the stand-in holds and counts.
#[derive(Default)]
pub struct Shared {
    pub offers: Mutex<Vec<Value>>,
    pub search_calls: AtomicU64,
    pub token_calls: AtomicU64,
    /// Search calls answered 400 (a client asking beyond the documented limits).
    pub bad_requests: AtomicU64,
    pub unauthorized: AtomicU64,
    /// Search calls that passed the token check; faults are keyed by this count.
    pub authorized: AtomicU64,
    /// Every token issued, to check none is ever printed.
    pub issued: Mutex<Vec<String>>,
    tokens: Mutex<HashMap<String, Instant>>,
    /// Faults by 1-based number of authorized search call.
    pub faults: Mutex<HashMap<u64, Fault>>,
    /// A fault given to every search call.
    pub always: Mutex<Option<Fault>>,
    config: Mutex<Config>,
}

/// The running stand-in; stops with the test process.
pub struct StandIn {
    pub addr: SocketAddr,
    pub shared: Arc<Shared>,
}

impl StandIn {
    pub fn start(offers: Vec<Value>, config: Config) -> StandIn {
        let shared = Arc::new(Shared {
            offers: Mutex::new(offers),
            config: Mutex::new(config),
            ..Shared::default()
        });
        let app = Router::new()
            .route(TOKEN_PATH, post(token))
            .route(SEARCH_PATH, get(search))
            .with_state(shared.clone());
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                axum::serve(listener, app).await.unwrap();
            });
        });
        StandIn { addr, shared }
    }

    pub fn api_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn token_url(&self) -> String {
        format!("http://{}{TOKEN_PATH}?realm=/partenaire", self.addr)
    }

    /// Every HTTP call received (token and search).
    pub fn calls(&self) -> u64 {
        self.shared.search_calls.load(Ordering::SeqCst)
            + self.shared.token_calls.load(Ordering::SeqCst)
    }

    pub fn set_config(&self, config: Config) {
        *self.shared.config.lock().unwrap() = config;
    }
}

async fn token(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    shared.token_calls.fetch_add(1, Ordering::SeqCst);
    let config = shared.config.lock().unwrap().clone();
    if config.token_html {
        return (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body>Maintenance</body></html>",
        )
            .into_response();
    }
    let field = |name: &str| form.get(name).map(String::as_str);
    let scopes: HashSet<&str> = field("scope").unwrap_or("").split(' ').collect();
    let valid = query.get("realm").map(String::as_str) == Some("/partenaire")
        && field("grant_type") == Some("client_credentials")
        && field("client_id") == Some(CLIENT_ID)
        && field("client_secret") == Some(CLIENT_SECRET)
        && scopes.contains("api_offresdemploiv2")
        && scopes.contains("o2dsoffre");
    if !valid {
        return (
            StatusCode::UNAUTHORIZED,
            axum::Json(json!({"error": "invalid_client"})),
        )
            .into_response();
    }
    let value: String = {
        let mut rng = rand::thread_rng();
        (0..32)
            .map(|_| char::from(b'a' + rng.gen_range(0..26u8)))
            .collect()
    };
    shared
        .tokens
        .lock()
        .unwrap()
        .insert(value.clone(), Instant::now() + config.real_lifetime);
    shared.issued.lock().unwrap().push(value.clone());
    axum::Json(json!({
        "access_token": value,
        "expires_in": config.announced_lifetime,
        "token_type": "Bearer",
        "scope": "api_offresdemploiv2 o2dsoffre",
    }))
    .into_response()
}

fn bad_request(shared: &Shared, message: &str) -> Response {
    shared.bad_requests.fetch_add(1, Ordering::SeqCst);
    (
        StatusCode::BAD_REQUEST,
        axum::Json(json!({"codeHttp": 400, "message": message})),
    )
        .into_response()
}

/// `yyyy-MM-ddTHH:mm:ssZ`, exactly.
fn parse_api_date(text: &str) -> Option<jiff::Timestamp> {
    let bytes = text.as_bytes();
    if bytes.len() != 20 || bytes[10] != b'T' || bytes[19] != b'Z' {
        return None;
    }
    text.parse().ok()
}

/// The département of an offer, read from its `lieuTravail.libelle` ("75 - Paris").
pub fn departement_of(offer: &Value) -> Option<String> {
    let label = offer["lieuTravail"]["libelle"].as_str()?;
    let (code, _) = label.split_once(" - ")?;
    Some(code.trim().to_string())
}

async fn search(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    shared.search_calls.fetch_add(1, Ordering::SeqCst);
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let valid = bearer.is_some_and(|token| {
        shared
            .tokens
            .lock()
            .unwrap()
            .get(token)
            .is_some_and(|expiry| Instant::now() < *expiry)
    });
    if !valid {
        shared.unauthorized.fetch_add(1, Ordering::SeqCst);
        return StatusCode::UNAUTHORIZED.into_response();
    }
    let call = shared.authorized.fetch_add(1, Ordering::SeqCst) + 1;
    let fault = shared
        .faults
        .lock()
        .unwrap()
        .remove(&call)
        .or_else(|| shared.always.lock().unwrap().clone());
    if let Some(Fault::Status(status, retry_after)) = &fault {
        let mut response = StatusCode::from_u16(*status).unwrap().into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, seconds.to_string().parse().unwrap());
        }
        return response;
    }
    if fault == Some(Fault::NotJson) {
        return (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body>Service indisponible</body></html>",
        )
            .into_response();
    }

    let range = query.get("range").map_or("0-149", String::as_str);
    let Some((first, last)) = range
        .split_once('-')
        .and_then(|(p, d)| Some((p.parse::<u64>().ok()?, d.parse::<u64>().ok()?)))
    else {
        return bad_request(&shared, "range invalide");
    };
    if first > 3000 || last > 3149 || last < first || last - first + 1 > 150 {
        return bad_request(&shared, "range hors limites");
    }
    let window = match (query.get("minCreationDate"), query.get("maxCreationDate")) {
        (None, None) => None,
        (Some(min), Some(max)) => match (parse_api_date(min), parse_api_date(max)) {
            (Some(min), Some(max)) => Some((min, max)),
            _ => return bad_request(&shared, "format de date invalide"),
        },
        _ => return bad_request(&shared, "minCreationDate et maxCreationDate vont ensemble"),
    };
    let departement = query.get("departement");
    let offers = shared.offers.lock().unwrap();
    let mut matching: Vec<&Value> = offers
        .iter()
        .filter(|offer| {
            let created = offer["dateCreation"]
                .as_str()
                .and_then(|d| d.parse::<jiff::Timestamp>().ok())
                .map(|t| jiff::Timestamp::from_second(t.as_second()).unwrap());
            let in_window = match (window, created) {
                (None, _) => true,
                (Some((min, max)), Some(created)) => min <= created && created <= max,
                (Some(_), None) => false,
            };
            in_window && departement.is_none_or(|d| departement_of(offer).as_ref() == Some(d))
        })
        .collect();
    // Newest first, as the API sorts by default.
    matching.sort_by(|a, b| {
        b["dateCreation"]
            .as_str()
            .cmp(&a["dateCreation"].as_str())
            .then(a["id"].as_str().cmp(&b["id"].as_str()))
    });
    let total = matching.len() as u64;
    if total == 0 || first >= total {
        return StatusCode::NO_CONTENT.into_response();
    }
    let end = last.min(total - 1);
    let mut page: Vec<Value> = matching[first as usize..=end as usize]
        .iter()
        .map(|v| (*v).clone())
        .collect();
    let mut announced_total = total;
    match fault {
        Some(Fault::LyingRange) => announced_total = page.len() as u64 / 2,
        Some(Fault::MissingId) => {
            page[0].as_object_mut().unwrap().remove("id");
        }
        _ => {}
    }
    let status = if end + 1 == total {
        StatusCode::OK
    } else {
        StatusCode::PARTIAL_CONTENT
    };
    (
        status,
        [(
            header::CONTENT_RANGE,
            format!("offres {first}-{end}/{announced_total}"),
        )],
        axum::Json(json!({"resultats": page, "filtresPossibles": []})),
    )
        .into_response()
}

const TITLES: [(&str, &str); 5] = [
    ("M1805", "Développeur web (H/F)"),
    ("M1810", "Administrateur systèmes et réseaux (H/F)"),
    ("M1403", "Data analyst (H/F)"),
    ("M1802", "Technicien support informatique (H/F)"),
    ("M1806", "Chef de projet digital (H/F)"),
];
const PLACES: [(&str, &str, &str); 6] = [
    ("75 - Paris 11e", "75111", "75011"),
    ("69 - Lyon 3e", "69383", "69003"),
    ("33 - Bordeaux", "33063", "33000"),
    ("2A - Ajaccio", "2A004", "20000"),
    ("971 - Pointe-à-Pitre", "97120", "97110"),
    ("59 - Lille", "59350", "59000"),
];

/// One synthetic offer in the API's record shape, created at `created` (whole seconds).
pub fn offer(id: &str, created: jiff::Timestamp, rng: &mut impl Rng) -> Value {
    let (rome, title) = TITLES[rng.gen_range(0..TITLES.len())];
    let (label, commune, postcode) = PLACES[rng.gen_range(0..PLACES.len())];
    let date = format!("{}", created.strftime("%Y-%m-%dT%H:%M:%S.000Z"));
    json!({
        "id": id,
        "intitule": title,
        "description": format!("{title} : vous maîtrisez Git, SQL et Python. Offre {id}."),
        "dateCreation": date,
        "dateActualisation": date,
        "lieuTravail": {"libelle": label, "commune": commune, "codePostal": postcode},
        "romeCode": rome,
        "typeContrat": "CDI",
        "entreprise": {"nom": "Entreprise de test"},
    })
}

/// `per_day[i]` offers created at random seconds of day `start + i` (seeded).
pub fn offers(start: &str, per_day: &[usize], seed: u64) -> Vec<Value> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let first: jiff::Timestamp = format!("{start}T00:00:00Z").parse().unwrap();
    let mut all = Vec::new();
    for (day, &count) in per_day.iter().enumerate() {
        for n in 0..count {
            let second = rng.gen_range(0..86_400) + day as i64 * 86_400;
            let created = first + jiff::SignedDuration::from_secs(second);
            all.push(offer(&format!("{seed}{day:02}{n:05}"), created, &mut rng));
        }
    }
    all
}
