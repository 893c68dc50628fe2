//! Completeness of an ingest: creation-date windows split until every part is reachable
//! by paging, pages stored window by window, and the state file that lets a killed or
//! failed run resume without losing or duplicating an offer.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use jiff::{SignedDuration, Timestamp};
use passerelle_engine::{OfferStore, STATE_FILE, UpsertCounts};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::client::{Client, LAST_REACHABLE, PAGE_SIZE, Page, Query, api_date};

/// Every département code the API knows (metropolitan, Corsica, overseas).
pub const DEPARTEMENTS: [&str; 101] = [
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "21", "22", "23", "24", "25", "26", "27", "28", "29", "2A", "2B", "30", "31",
    "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47",
    "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63",
    "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79",
    "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95",
    "971", "972", "973", "974", "976",
];

/// How often a window is read again from its start when its total moves while paging.
const MAX_RESTARTS: u32 = 3;

/// What the state file says: the creation dates fully stored, as one interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestState {
    pub source: String,
    /// The département the runs were restricted to, if any.
    pub departement: Option<String>,
    /// Start of the interval whose offers are all stored.
    #[serde(with = "timestamp_text")]
    pub covered_from: Timestamp,
    /// End (inclusive) of that interval: the end of the last complete window.
    #[serde(with = "timestamp_text")]
    pub covered_until: Timestamp,
    /// The last window stored completely: its start (its end is `covered_until`).
    #[serde(with = "timestamp_text")]
    pub last_window_from: Timestamp,
}

/// Timestamps written as the API writes them (`2026-11-03T10:00:00Z`).
mod timestamp_text {
    use jiff::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &Timestamp, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::api_date(*value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

const SOURCE: &str = "france-travail";

/// The state file of a store folder.
pub fn state_path(dir: &Path) -> PathBuf {
    dir.join(STATE_FILE)
}

/// Reads the state file, if any; a malformed one is an error (never overwritten blindly).
pub fn read_state(dir: &Path) -> Result<Option<IngestState>> {
    let path = state_path(dir);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("impossible de lire {}", path.display())),
    };
    let state: IngestState = serde_json::from_str(&text).with_context(|| {
        format!(
            "le fichier d'état {} est illisible ; supprimez-le et relancez avec --since",
            path.display()
        )
    })?;
    if state.source != SOURCE {
        bail!(
            "le fichier d'état {} concerne la source {:?}, pas {SOURCE}",
            path.display(),
            state.source
        );
    }
    Ok(Some(state))
}

/// Counts of a harvest, for the closing summary.
#[derive(Debug, Clone, Default)]
pub struct HarvestStats {
    /// Windows queried (time windows and département parts).
    pub windows: u64,
    /// Windows split in two because their total exceeded what paging reaches.
    pub windows_split: u64,
    /// One-second windows split by département.
    pub departement_splits: u64,
    /// Offers the API counted but paging could not reach (logged as warnings).
    pub unreachable: u64,
    /// Windows read again because their total moved while paging.
    pub restarts: u64,
    pub offers: UpsertCounts,
}

/// Where the harvest is, for a progress bar.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Seconds of the whole interval fully stored.
    pub done_seconds: i64,
    pub total_seconds: i64,
    pub stored: u64,
}

/// A window [from, to] (inclusive, whole seconds).
#[derive(Debug, Clone, Copy)]
struct Window {
    from: Timestamp,
    to: Timestamp,
}

/// Harvests every offer created in [from, until] into `store`, window by window in
/// chronological order; after each complete window the store is committed, then the
/// state file moved forward.
pub struct Harvest<'a> {
    pub client: &'a mut Client,
    pub store: &'a mut OfferStore,
    pub departement: Option<String>,
    /// Start of the interval already covered by the state, when this run extends it.
    pub covered_from: Option<Timestamp>,
    pub stats: HarvestStats,
}

impl Harvest<'_> {
    pub async fn run(
        &mut self,
        from: Timestamp,
        until: Timestamp,
        mut progress: impl FnMut(Progress),
    ) -> Result<()> {
        let total_seconds = (until - from).get_seconds() + 1;
        let mut stack = vec![Window { from, to: until }];
        while let Some(window) = stack.pop() {
            match self.window(window).await? {
                Some(records) => {
                    let counts = self.store.upsert(records);
                    for (position, reason) in counts.rejected.iter().take(20) {
                        tracing::warn!(position, %reason, "record rejected");
                    }
                    self.stats.offers.add(counts);
                    self.store.commit().with_context(|| {
                        format!(
                            "impossible d'écrire les offres dans {}",
                            self.store.dir().display()
                        )
                    })?;
                    self.save_state(from, window)?;
                    tracing::info!(
                        from = %api_date(window.from),
                        to = %api_date(window.to),
                        stored = self.store.len(),
                        "window stored"
                    );
                    progress(Progress {
                        done_seconds: (window.to - from).get_seconds() + 1,
                        total_seconds,
                        stored: self.store.len() as u64,
                    });
                }
                None => {
                    // Halves, the earlier one processed first.
                    self.stats.windows_split += 1;
                    let span = (window.to - window.from).get_seconds();
                    let middle = window.from + SignedDuration::from_secs(span / 2);
                    stack.push(Window {
                        from: middle + SignedDuration::from_secs(1),
                        to: window.to,
                    });
                    stack.push(Window {
                        from: window.from,
                        to: middle,
                    });
                }
            }
        }
        Ok(())
    }

    /// The records of a window, or `None` when it must be split in time.
    async fn window(&mut self, window: Window) -> Result<Option<Vec<Value>>> {
        let query = Query {
            from: window.from,
            to: window.to,
            departement: self.departement.clone(),
        };
        match self.query(&query).await? {
            QueryOutcome::Records(records) => Ok(Some(records)),
            QueryOutcome::TooMany(_) if window.to > window.from => Ok(None),
            QueryOutcome::TooMany(total) if self.departement.is_some() => {
                self.unreachable(&query, total);
                Ok(Some(self.reachable(&query).await?))
            }
            QueryOutcome::TooMany(total) => {
                // One second holds more offers than paging reaches: the last resort is
                // one query per département, which misses offers without one.
                tracing::warn!(
                    second = %api_date(window.from),
                    total,
                    "one second holds more offers than one query reaches; splitting by département, offers without a département may be missed"
                );
                self.stats.departement_splits += 1;
                let mut records = Vec::new();
                for code in DEPARTEMENTS {
                    let part = Query {
                        departement: Some(code.to_string()),
                        ..query.clone()
                    };
                    match self.query(&part).await? {
                        QueryOutcome::Records(found) => records.extend(found),
                        QueryOutcome::TooMany(total) => {
                            self.unreachable(&part, total);
                            records.extend(self.reachable(&part).await?);
                        }
                    }
                }
                Ok(Some(records))
            }
        }
    }

    fn unreachable(&mut self, query: &Query, total: u64) {
        let missed = total - (LAST_REACHABLE + 1);
        tracing::warn!(%query, total, missed, "offers beyond what one query reaches are missed");
        self.stats.unreachable += missed;
    }

    /// The first 3,150 results of a query that holds more.
    async fn reachable(&mut self, query: &Query) -> Result<Vec<Value>> {
        Ok(match self.pages(query, true).await? {
            QueryOutcome::Records(records) => records,
            QueryOutcome::TooMany(_) => Vec::new(),
        })
    }

    /// Every result of a query when paging reaches them all.
    async fn query(&mut self, query: &Query) -> Result<QueryOutcome> {
        self.stats.windows += 1;
        self.pages(query, false).await
    }

    /// Pages through `query`. When its total exceeds what paging reaches, stops after
    /// the first page unless `over_cap` asks for the reachable part.
    async fn pages(&mut self, query: &Query, over_cap: bool) -> Result<QueryOutcome> {
        let cap = LAST_REACHABLE + 1;
        let mut restarts = 0;
        'restart: loop {
            let (mut last, total, mut records) =
                match self.client.search(query, 0, PAGE_SIZE - 1).await? {
                    Page::Empty => return Ok(QueryOutcome::Records(Vec::new())),
                    Page::Results {
                        last,
                        total,
                        records,
                    } => (last, total, records),
                };
            if total > cap && !over_cap {
                return Ok(QueryOutcome::TooMany(total));
            }
            let wanted = total.min(cap);
            while last + 1 < wanted {
                let first = last + 1;
                let end = (first + PAGE_SIZE - 1).min(wanted - 1);
                let now = match self.client.search(query, first, end).await? {
                    Page::Results {
                        last: got,
                        total: now,
                        records: more,
                    } if now == total => {
                        last = got;
                        records.extend(more);
                        continue;
                    }
                    Page::Results { total: now, .. } => now,
                    Page::Empty => 0,
                };
                // Offers were added or withdrawn while paging: read the query again.
                restarts += 1;
                self.stats.restarts += 1;
                if restarts > MAX_RESTARTS {
                    bail!(
                        "le total de la requête {query} change d'une page à l'autre ({total} puis {now}) même après {MAX_RESTARTS} relectures"
                    );
                }
                tracing::warn!(%query, total, now, "total moved while paging, reading the query again");
                continue 'restart;
            }
            return Ok(QueryOutcome::Records(records));
        }
    }

    fn save_state(&mut self, run_from: Timestamp, window: Window) -> Result<()> {
        let state = IngestState {
            source: SOURCE.to_string(),
            departement: self.departement.clone(),
            covered_from: self.covered_from.unwrap_or(run_from).min(run_from),
            covered_until: window.to,
            last_window_from: window.from,
        };
        let path = state_path(self.store.dir());
        let mut bytes = serde_json::to_vec_pretty(&state)?;
        bytes.push(b'\n');
        passerelle_engine::write_atomic(&path, &bytes)
            .with_context(|| format!("impossible d'écrire l'état {}", path.display()))
    }
}

enum QueryOutcome {
    Records(Vec<Value>),
    TooMany(u64),
}
