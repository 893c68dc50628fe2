//! France Travail's "Offres d'emploi v2" API as an offer source: the HTTP client
//! (`client`), the harvest by creation-date windows into an offer store (`harvest`),
//! and [`collect`], the one call that `passerelle ingest france-travail` and a
//! scheduled refresh of `passerelle serve` both make.

mod client;
mod harvest;

use std::path::Path;

use anyhow::{Context, Result, bail};
use jiff::{SignedDuration, Timestamp};
use passerelle_engine::{OfferStore, UpsertCounts};

pub use client::{ClientConfig, ClientStats, Credentials, api_date};
pub use harvest::{DEPARTEMENTS, HarvestStats, Progress, read_state};

use client::Client;
use harvest::Harvest;

/// The API's base URL.
pub const API_URL: &str = "https://api.francetravail.io";
/// The OAuth2 token endpoint of France Travail's partners.
pub const TOKEN_URL: &str =
    "https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=/partenaire";

/// What to harvest besides the interval: the client's settings and the scope.
#[derive(Debug, Clone)]
pub struct Source {
    pub client: ClientConfig,
    /// One département only (code such as 75, 2A or 971).
    pub departement: Option<String>,
    /// Days harvested when there is neither a start nor a state file.
    pub days: u16,
    /// Minutes re-read before the end of the state's last window on a continuing run.
    pub overlap_minutes: u32,
}

/// The interval a run covers, from its arguments and the store's state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plan {
    /// Offers created up to this instant are already in the store.
    UpToDate(Timestamp),
    /// Harvest [from, until]; `covered_from` is the start of the covered interval this
    /// run extends, if any.
    Harvest {
        from: Timestamp,
        until: Timestamp,
        covered_from: Option<Timestamp>,
    },
}

/// Plans a run into `store`: from `since` when given, else from the end of the state's
/// last window less the overlap, else over the last `days` days; until `until` or now.
pub fn plan(
    store: &Path,
    source: &Source,
    since: Option<Timestamp>,
    until: Option<Timestamp>,
    now: Timestamp,
) -> Result<Plan> {
    let until = until.map_or(now, |until| until.min(now));
    let state = read_state(store)?;
    let (from, covered_from) = match (since, &state) {
        (Some(from), state) => {
            // A run that starts inside (or right after) the covered interval extends it.
            let extends = state.as_ref().filter(|s| {
                s.departement == source.departement
                    && s.covered_from <= from
                    && from <= s.covered_until + SignedDuration::from_secs(1)
            });
            (from, extends.map(|s| s.covered_from))
        }
        (None, Some(state)) if state.departement == source.departement => {
            let overlap = SignedDuration::from_mins(i64::from(source.overlap_minutes));
            (state.covered_until - overlap, Some(state.covered_from))
        }
        (None, Some(state)) => bail!(
            "l'état de {} concerne {} : précisez --since pour commencer une autre collecte",
            store.display(),
            match &state.departement {
                Some(code) => format!("le département {code}"),
                None => "toute la France".to_string(),
            }
        ),
        (None, None) => (
            now - SignedDuration::from_hours(24 * i64::from(source.days)),
            None,
        ),
    };
    if from > until {
        return Ok(Plan::UpToDate(until));
    }
    Ok(Plan::Harvest {
        from,
        until,
        covered_from,
    })
}

/// What a collection did.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    pub calls: ClientStats,
    pub harvest: HarvestStats,
    /// Offers in the store at the end.
    pub stored: usize,
}

impl Collected {
    pub fn offers(&self) -> &UpsertCounts {
        &self.harvest.offers
    }
}

/// Harvests [from, until] of `plan` into the offer store folder `store`. Each complete
/// window is committed before the state moves, so that a failed run (the error says up
/// to when the store is complete) is resumed by the next one without loss or duplicate.
/// `Err` carries what was collected until then.
pub async fn collect(
    store: &Path,
    source: &Source,
    credentials: Credentials,
    plan: Plan,
    progress: impl FnMut(Progress),
) -> std::result::Result<Collected, (anyhow::Error, Collected)> {
    let Plan::Harvest {
        from,
        until,
        covered_from,
    } = plan
    else {
        let stored = OfferStore::open(store).map_or(0, |s| s.len());
        return Ok(Collected {
            stored,
            ..Collected::default()
        });
    };
    let mut offers = match OfferStore::open(store)
        .with_context(|| format!("impossible d'ouvrir le dossier {}", store.display()))
    {
        Ok(offers) => offers,
        Err(error) => return Err((error, Collected::default())),
    };
    let mut client = match Client::new(source.client.clone(), credentials) {
        Ok(client) => client,
        Err(error) => return Err((error, Collected::default())),
    };
    let mut harvest = Harvest {
        client: &mut client,
        store: &mut offers,
        departement: source.departement.clone(),
        covered_from,
        stats: HarvestStats::default(),
    };
    let outcome = harvest.run(from, until, progress).await;
    let collected = Collected {
        harvest: harvest.stats,
        calls: client.stats.clone(),
        stored: offers.len(),
    };
    match outcome {
        Ok(()) => Ok(collected),
        Err(error) => {
            let resume = match read_state(store) {
                Ok(Some(state)) => format!(
                    "les offres créées jusqu'au {} sont enregistrées ; la prochaine collecte reprend là",
                    api_date(state.covered_until)
                ),
                _ => "aucune fenêtre n'a été terminée ; la prochaine collecte reprend au début"
                    .to_string(),
            };
            Err((
                error.context(format!("collecte France Travail interrompue ({resume})")),
                collected,
            ))
        }
    }
}
