//! One build or refresh of a build folder, end to end: learn from the labelled offers of
//! the corpus, build the needs model against the served one (cluster identities
//! persist), index postings and trainings, and publish the whole as a new version.
//!
//! The CLI's `build`, the server's scheduled refresh and `POST /admin/refresh` all make
//! this one call, so a refresh and a restart cannot disagree on what a version holds.

use serde_json::Value;
use tracing::info;

use crate::artifacts::{BuildFolder, LoadedVersion, VersionReport};
use crate::corpus::{BatchReport, OfferStore, Rejected, read_postings};
use crate::engine::Engine;
use crate::extract::LearnParams;
use crate::index::{DocumentIndex, IndexDocument};
use crate::model::{JobPosting, Training};
use crate::needs::{NeedsModel, NeedsParams};
use crate::territory::Geography;
use crate::{Error, Result};

/// Labelled offers (a known `romeCode`) a corpus needs before a version learns from it.
pub const MIN_LABELLED_TO_LEARN: usize = 50;

/// What adding records to a build folder's offer store did, and the corpus after it.
#[derive(Debug, Clone, Default)]
pub struct CorpusUpdate {
    /// Records new to the store, replacing an older version, or already there.
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Records the store refused (no id, not an object), with the reason.
    pub rejected: Vec<Rejected>,
    /// Offers dropped as created before the window.
    pub dropped_as_old: usize,
    /// The first day of the window (`YYYY-MM-DD`), when the corpus has dated offers.
    pub window_start: Option<String>,
    /// The corpus after the update, deduplicated by id.
    pub postings: Vec<JobPosting>,
    /// How reading the store back went (a stored record that no longer parses as a
    /// posting is rejected there, with its file and line).
    pub read: BatchReport,
}

/// Adds `records` (France Travail records or `{"id","text"}` objects, as their source
/// wrote them) to the offer store of `folder`, drops the offers created more than
/// `window_days` days before the newest one, commits, and reads the corpus back.
/// The window ends at the newest offer rather than at the clock, so that a build of
/// the same offers is the same build whenever it runs.
pub fn update_corpus(
    folder: &BuildFolder,
    records: Vec<Value>,
    window_days: u32,
) -> Result<CorpusUpdate> {
    let mut store = OfferStore::open(&folder.offers_dir())?;
    let counts = store.upsert(records);
    let rejected = counts
        .rejected
        .iter()
        .map(|(position, reason)| Rejected::new(*position as u64 + 1, None, reason.clone(), b""))
        .collect();
    store.commit()?;
    let read = read_postings(&folder.offers_dir())?;
    let newest = read
        .records
        .iter()
        .filter_map(|(_, p)| p.created.as_deref()?.get(..10))
        .max()
        .map(str::to_string);
    let window_start = newest
        .as_deref()
        .and_then(|day| days_before(day, window_days));
    let (dropped_as_old, read) = match &window_start {
        Some(start) => {
            let dropped = store.retain_since(start)? as usize;
            if dropped > 0 {
                store.commit()?;
                (dropped, read_postings(&folder.offers_dir())?)
            } else {
                (0, read)
            }
        }
        None => (0, read),
    };
    let report = read.report.clone();
    Ok(CorpusUpdate {
        new: counts.new,
        updated: counts.updated,
        unchanged: counts.unchanged,
        rejected,
        dropped_as_old,
        window_start,
        postings: read.records.into_iter().map(|(_, p)| p).collect(),
        read: report,
    })
}

/// The day `days` days before `day` (`YYYY-MM-DD`); `None` when `day` is not a date.
fn days_before(day: &str, days: u32) -> Option<String> {
    let date: jiff::civil::Date = day.parse().ok()?;
    date.checked_sub(jiff::Span::new().days(i64::from(days)))
        .ok()
        .map(|d| d.to_string())
}

/// What a version is built from.
#[derive(Debug, Clone, Copy)]
pub struct VersionInput<'a> {
    pub geography: &'a Geography,
    /// The corpus, deduplicated by id.
    pub postings: &'a [JobPosting],
    pub trainings: &'a [Training],
    pub params: &'a NeedsParams,
    /// Stamped into the model (the build reads no clock).
    pub built_at: &'a str,
    /// Learn from the labelled offers of `postings` (when there are enough of them).
    pub learn: bool,
    /// Versions kept on disk, the new one included.
    pub keep: usize,
    /// Offers the caller dropped from the corpus as too old (reported).
    pub dropped_as_old: usize,
    /// The model whose cluster identities persist; default: the folder's current one.
    pub previous: Option<&'a NeedsModel>,
}

impl Engine {
    /// Builds and publishes a new version of `folder` from `input`; returns it as a
    /// reader finds it on disk (model, index, learned models, report), so what is served
    /// after a refresh is exactly what a restart would serve. `self` must be the engine
    /// without learned models: each version learns afresh from its own corpus.
    pub fn build_version(
        &self,
        folder: &BuildFolder,
        input: VersionInput<'_>,
    ) -> Result<LoadedVersion> {
        if input.postings.is_empty() {
            return Err(Error::invalid("offers", "no offer to build a version from"));
        }
        let labelled = input.postings.iter().filter(|p| p.rome.is_some()).count();
        let engine = if input.learn && labelled >= MIN_LABELLED_TO_LEARN {
            self.learn(input.postings, LearnParams::default())
                .unwrap_or_else(|_| self.clone())
        } else {
            self.clone()
        };
        let learned = engine.extractor().learned();
        let stored_previous;
        let previous = match input.previous {
            Some(model) => Some(model),
            None => {
                stored_previous = folder.current_model()?;
                stored_previous.as_ref()
            }
        };
        let build = engine.build_needs(
            input.geography,
            input.postings,
            input.trainings,
            input.params,
            previous,
            input.built_at,
        )?;
        let staged = folder.begin()?;
        let indexed = {
            let mut index = DocumentIndex::open_or_create(&staged.index_dir())?;
            index.upsert_all(IndexDocument::stream_build(
                input.postings,
                &build.postings,
                input.trainings,
                input.geography,
            ))?;
            // The writer has stopped when `upsert_all` returns: nothing writes in the
            // folder when it moves.
            index.len()
        };
        let report = VersionReport {
            version: staged.number(),
            built_at: input.built_at.to_string(),
            offers: input.postings.len(),
            dropped_as_old: input.dropped_as_old,
            trainings: input.trainings.len(),
            clusters: build.model.clusters.len(),
            indexed,
            learned: learned.map(|l| l.report().clone()),
            taxonomy: format!("{} {}", build.model.taxonomy, build.model.taxonomy_version),
        };
        let number = staged.publish(folder, &build.model, learned, &report, input.keep)?;
        info!(target: "engine", version = number, offers = report.offers, labelled, "version published");
        folder
            .load_current(self.extractor().referential())?
            .ok_or_else(|| Error::invalid("build folder", "the published version vanished"))
    }

    /// This engine with what a version learned (as loaded from its folder).
    pub fn with_learned(&self, learned: Option<crate::extract::Learned>) -> Engine {
        match learned {
            Some(learned) => Engine::from_extractor(self.extractor().with_learned(learned)),
            None => self.clone(),
        }
    }
}
