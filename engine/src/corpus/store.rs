//! A folder of raw offer records kept deduplicated by id: JSON lines shards, one per
//! creation month, each rewritten atomically.
//!
//! The store keeps the records exactly as the source gave them (France Travail
//! "Offres d'emploi v2" objects), so `read_postings(DIR)` reads them like any other
//! JSON lines file. Only a small index (id → shard, dates, content hash) lives in
//! memory; records are held until [`OfferStore::commit`] writes the shards they touch.
//!
//! **Invariants:** after a commit every id is in exactly one shard; a shard is replaced
//! by renaming a complete, synced file over it, so a crash never leaves a half file. A
//! crash between two shard renames can leave an id in two shards (a record whose
//! creation month changed): opening keeps the newer copy and the next commit drops the
//! other.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::{Error, Result};

/// Name of the ingest state file that may sit beside the shards; not a shard, and not
/// read as offers.
pub const STATE_FILE: &str = "ingest-state.json";

const SHARD_PREFIX: &str = "offers-";
const SHARD_SUFFIX: &str = ".jsonl";
const UNDATED: &str = "undated";

/// What an upsert did with its records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpsertCounts {
    /// Ids the store did not hold.
    pub new: u64,
    /// Ids whose record was replaced by a newer one.
    pub updated: u64,
    /// Ids seen again with the same record, or with an older one (kept out).
    pub unchanged: u64,
    /// Records that could not be stored, with the reason (position in the batch).
    pub rejected: Vec<(usize, String)>,
}

impl UpsertCounts {
    /// Adds another upsert's counts to these.
    pub fn add(&mut self, other: UpsertCounts) {
        self.new += other.new;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.rejected.extend(other.rejected);
    }
}

/// What the index knows of a stored record.
#[derive(Debug, Clone)]
struct Entry {
    shard: String,
    created: Option<String>,
    updated: Option<String>,
    hash: u64,
}

/// A folder of offers deduplicated by id (see the module documentation).
#[derive(Debug)]
pub struct OfferStore {
    dir: PathBuf,
    index: HashMap<String, Entry>,
    /// Changes not yet written, per shard: a record to write, or `None` to remove.
    pending: BTreeMap<String, HashMap<String, Option<Value>>>,
}

impl OfferStore {
    /// Opens the store in `dir`, creating the folder if needed, and indexes its shards.
    pub fn open(dir: &Path) -> Result<OfferStore> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut store = OfferStore {
            dir: dir.to_path_buf(),
            index: HashMap::new(),
            pending: BTreeMap::new(),
        };
        for shard in store.shards()? {
            let path = store.shard_path(&shard);
            for (line, record) in read_shard(&path)? {
                let id = record_id(&record).ok_or_else(|| Error::Format {
                    path: path.clone(),
                    line,
                    message: "record without a string or number id".to_string(),
                })?;
                let entry = entry_for(&record, shard.clone());
                match store.index.get(&id) {
                    // Shards are written from a map by id: a repeat inside one shard
                    // cannot come from the store, and the first copy is kept.
                    Some(kept) if kept.shard == shard => {}
                    // Left by a crash between two shard renames: keep the newer copy.
                    Some(kept) if !replaces(&entry, kept) => {
                        store.mark(&shard, &id, None);
                    }
                    Some(kept) => {
                        let old_shard = kept.shard.clone();
                        store.mark(&old_shard, &id, None);
                        store.index.insert(id, entry);
                    }
                    None => {
                        store.index.insert(id, entry);
                    }
                }
            }
        }
        Ok(store)
    }

    /// The store's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Number of distinct offers held (written or pending).
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the store holds no offer.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The ids held, sorted.
    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.index.keys().cloned().collect();
        ids.sort_unstable();
        ids
    }

    /// True when changes wait for [`OfferStore::commit`].
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Adds or replaces records in memory: a record needs a string or number `id`; a
    /// newer `dateActualisation` replaces the stored record, an older one never does;
    /// when either lacks the date, a different content replaces. Nothing is written
    /// before [`OfferStore::commit`].
    pub fn upsert(&mut self, records: Vec<Value>) -> UpsertCounts {
        let mut counts = UpsertCounts::default();
        for (position, record) in records.into_iter().enumerate() {
            if !record.is_object() {
                counts
                    .rejected
                    .push((position, "record is not a JSON object".to_string()));
                continue;
            }
            let Some(id) = record_id(&record) else {
                counts
                    .rejected
                    .push((position, "record without a string or number id".to_string()));
                continue;
            };
            let entry = entry_for(&record, shard_of(&record));
            match self.index.get(&id) {
                None => counts.new += 1,
                Some(kept) if kept.hash == entry.hash || !replaces(&entry, kept) => {
                    counts.unchanged += 1;
                    continue;
                }
                Some(kept) => {
                    counts.updated += 1;
                    if kept.shard != entry.shard {
                        let old_shard = kept.shard.clone();
                        self.mark(&old_shard, &id, None);
                    }
                }
            }
            let shard = entry.shard.clone();
            self.index.insert(id.clone(), entry);
            self.mark(&shard, &id, Some(record));
        }
        counts
    }

    /// Drops the records created before `date` (`YYYY-MM-DD`, compared with the first
    /// ten characters of `dateCreation`); records without a creation date are kept.
    /// Returns how many were dropped; nothing is written before [`OfferStore::commit`].
    pub fn retain_since(&mut self, date: &str) -> Result<u64> {
        crate::model::check_date("date", date)?;
        let dropped: Vec<(String, String)> = self
            .index
            .iter()
            .filter(|(_, entry)| {
                entry
                    .created
                    .as_deref()
                    .is_some_and(|created| created.get(..10).is_some_and(|day| day < date))
            })
            .map(|(id, entry)| (id.clone(), entry.shard.clone()))
            .collect();
        for (id, shard) in &dropped {
            self.index.remove(id);
            self.mark(shard, id, None);
        }
        Ok(dropped.len() as u64)
    }

    /// Writes every shard with pending changes: each is read, changed and replaced by
    /// renaming a complete, synced file over it. Shards that receive records are written
    /// before shards that only lose some, so a crash in between duplicates rather than
    /// loses (and opening resolves duplicates).
    pub fn commit(&mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        let (gaining, losing): (Vec<_>, Vec<_>) = pending
            .into_iter()
            .partition(|(_, changes)| changes.values().any(Option::is_some));
        for (shard, changes) in gaining.into_iter().chain(losing) {
            let path = self.shard_path(&shard);
            let mut records: BTreeMap<String, Value> = BTreeMap::new();
            if path.exists() {
                for (_, record) in read_shard(&path)? {
                    if let Some(id) = record_id(&record) {
                        records.insert(id, record);
                    }
                }
            }
            for (id, change) in changes {
                match change {
                    Some(record) => records.insert(id, record),
                    None => records.remove(&id),
                };
            }
            if records.is_empty() {
                match std::fs::remove_file(&path) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(Error::io(&path, e)),
                }
                continue;
            }
            let mut bytes = Vec::new();
            for record in records.values() {
                serde_json::to_writer(&mut bytes, record)?;
                bytes.push(b'\n');
            }
            write_atomic(&path, &bytes)?;
        }
        sync_dir(&self.dir)
    }

    /// Every stored record (committed shards only), in shard then id order.
    pub fn records(&self) -> Result<Vec<Value>> {
        let mut all = Vec::with_capacity(self.index.len());
        for shard in self.shards()? {
            let mut records: Vec<(String, Value)> = read_shard(&self.shard_path(&shard))?
                .into_iter()
                .filter_map(|(_, r)| record_id(&r).map(|id| (id, r)))
                .collect();
            records.sort_by(|a, b| a.0.cmp(&b.0));
            all.extend(records.into_iter().map(|(_, r)| r));
        }
        Ok(all)
    }

    fn mark(&mut self, shard: &str, id: &str, change: Option<Value>) {
        self.pending
            .entry(shard.to_string())
            .or_default()
            .insert(id.to_string(), change);
    }

    fn shard_path(&self, shard: &str) -> PathBuf {
        self.dir
            .join(format!("{SHARD_PREFIX}{shard}{SHARD_SUFFIX}"))
    }

    /// The shard keys present in the folder, sorted.
    fn shards(&self) -> Result<Vec<String>> {
        let mut shards = Vec::new();
        for entry in std::fs::read_dir(&self.dir).map_err(|e| Error::io(&self.dir, e))? {
            let entry = entry.map_err(|e| Error::io(&self.dir, e))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if let Some(key) = name
                .strip_prefix(SHARD_PREFIX)
                .and_then(|n| n.strip_suffix(SHARD_SUFFIX))
            {
                shards.push(key.to_string());
            }
        }
        shards.sort();
        Ok(shards)
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, synced,
/// then renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.tmp"));
    let mut file = File::create(&temporary).map_err(|e| Error::io(&temporary, e))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(&temporary, e))?;
    drop(file);
    std::fs::rename(&temporary, path).map_err(|e| Error::io(path, e))?;
    if let Some(parent) = path.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> Result<()> {
    // Syncing the folder makes the renames durable; not every platform can open one.
    if let Ok(handle) = File::open(dir) {
        handle.sync_all().map_err(|e| Error::io(dir, e))?;
    }
    Ok(())
}

fn read_shard(path: &Path) -> Result<Vec<(u64, Value)>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut records = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(line).map_err(|e| Error::Format {
            path: path.to_path_buf(),
            line: index as u64 + 1,
            message: format!("invalid JSON: {e}"),
        })?;
        records.push((index as u64 + 1, record));
    }
    Ok(records)
}

/// A record's id: a non-empty string, or a number written as a string.
pub fn record_id(record: &Value) -> Option<String> {
    match record.get("id")? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn text_field(record: &Value, name: &str) -> Option<String> {
    record.get(name).and_then(Value::as_str).map(str::to_string)
}

/// The shard of a record: the month of its `dateCreation`, or `undated`.
fn shard_of(record: &Value) -> String {
    text_field(record, "dateCreation")
        .and_then(|date| {
            let month = date.get(..7)?;
            let bytes = month.as_bytes();
            let ok = bytes[4] == b'-'
                && bytes
                    .iter()
                    .enumerate()
                    .all(|(i, b)| i == 4 || b.is_ascii_digit());
            ok.then(|| month.to_string())
        })
        .unwrap_or_else(|| UNDATED.to_string())
}

fn entry_for(record: &Value, shard: String) -> Entry {
    // serde_json's map is ordered by key, so equal records serialise identically.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    record.to_string().hash(&mut hasher);
    Entry {
        shard,
        created: text_field(record, "dateCreation"),
        updated: text_field(record, "dateActualisation"),
        hash: hasher.finish(),
    }
}

/// True when `candidate` should replace `kept`: a newer update date, or, when a date is
/// missing or both are equal, a different content.
fn replaces(candidate: &Entry, kept: &Entry) -> bool {
    match (
        candidate.updated.as_deref().and_then(instant),
        kept.updated.as_deref().and_then(instant),
    ) {
        (Some(new), Some(old)) if new != old => new > old,
        _ => candidate.hash != kept.hash,
    }
}

fn instant(text: &str) -> Option<jiff::Timestamp> {
    text.parse::<jiff::Timestamp>().ok().or_else(|| {
        // Dates without an offset are read as UTC.
        text.parse::<jiff::civil::DateTime>()
            .ok()
            .and_then(|dt| dt.to_zoned(jiff::tz::TimeZone::UTC).ok())
            .map(|z| z.timestamp())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn offer(id: &str, created: &str, updated: &str, title: &str) -> Value {
        json!({"id": id, "intitule": title, "dateCreation": created, "dateActualisation": updated})
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("passerelle-store-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn newer_replaces_older_never() {
        let dir = scratch("newer");
        let mut store = OfferStore::open(&dir).unwrap();
        let first = store.upsert(vec![
            offer("1", "2026-11-03T10:00:00Z", "2026-11-03T10:00:00Z", "v1"),
            offer("2", "2026-10-30T10:00:00Z", "2026-10-30T10:00:00Z", "a"),
            json!({"intitule": "no id"}),
            json!({"id": 7, "intitule": "numeric id"}),
        ]);
        assert_eq!((first.new, first.updated, first.unchanged), (3, 0, 0));
        assert_eq!(first.rejected.len(), 1);
        assert_eq!(first.rejected[0].0, 2);
        store.commit().unwrap();
        let second = store.upsert(vec![
            offer(
                "1",
                "2026-11-03T10:00:00Z",
                "2026-11-05T09:00:00.000Z",
                "v2",
            ),
            offer("1", "2026-11-03T10:00:00Z", "2026-11-04T09:00:00Z", "stale"),
            offer("2", "2026-10-30T10:00:00Z", "2026-10-30T10:00:00Z", "a"),
        ]);
        assert_eq!((second.new, second.updated, second.unchanged), (0, 1, 2));
        store.commit().unwrap();

        let reopened = OfferStore::open(&dir).unwrap();
        assert_eq!(reopened.ids(), vec!["1", "2", "7"]);
        let records = reopened.records().unwrap();
        let one = records.iter().find(|r| r["id"] == "1").unwrap();
        assert_eq!(one["intitule"], "v2");
        assert!(dir.join("offers-2026-11.jsonl").exists());
        assert!(dir.join("offers-2026-10.jsonl").exists());
        assert!(dir.join("offers-undated.jsonl").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn uncommitted_changes_leave_files_whole_and_duplicates_resolve() {
        let dir = scratch("atomic");
        let mut store = OfferStore::open(&dir).unwrap();
        store.upsert(vec![offer(
            "1",
            "2026-11-03T10:00:00Z",
            "2026-11-03T10:00:00Z",
            "v1",
        )]);
        store.commit().unwrap();
        let before = std::fs::read(dir.join("offers-2026-11.jsonl")).unwrap();
        // Changes that are never committed (a killed run) leave the shard as it was,
        // and no temporary file is mistaken for a shard.
        store.upsert(vec![offer(
            "1",
            "2026-11-03T10:00:00Z",
            "2026-11-09T10:00:00Z",
            "v2",
        )]);
        std::fs::write(dir.join(".offers-2026-11.jsonl.tmp"), b"{\"id\":").unwrap();
        drop(store);
        assert_eq!(
            std::fs::read(dir.join("offers-2026-11.jsonl")).unwrap(),
            before
        );
        assert_eq!(OfferStore::open(&dir).unwrap().len(), 1);

        // A crash between two renames: the same id in two shards; the newer wins.
        std::fs::write(
            dir.join("offers-2026-12.jsonl"),
            format!(
                "{}\n",
                offer("1", "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z", "moved")
            ),
        )
        .unwrap();
        let mut store = OfferStore::open(&dir).unwrap();
        assert_eq!(store.len(), 1);
        store.commit().unwrap();
        assert!(!dir.join("offers-2026-11.jsonl").exists());
        let records = store.records().unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0]["intitule"], "moved");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn retain_since_drops_older_creations() {
        let dir = scratch("retain");
        let mut store = OfferStore::open(&dir).unwrap();
        store.upsert(vec![
            offer("old", "2026-09-30T23:59:59Z", "2026-10-01T00:00:00Z", "a"),
            offer("new", "2026-10-01T00:00:00Z", "2026-10-01T00:00:00Z", "b"),
            json!({"id": "undated", "intitule": "c"}),
        ]);
        store.commit().unwrap();
        assert_eq!(store.retain_since("2026-10-01").unwrap(), 1);
        assert!(store.retain_since("2026-13-01").is_err());
        store.commit().unwrap();
        assert_eq!(
            OfferStore::open(&dir).unwrap().ids(),
            vec!["new", "undated"]
        );
        assert!(!dir.join("offers-2026-09.jsonl").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
