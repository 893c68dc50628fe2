//! Readers for the real formats Passerelle ingests; the only module that reads raw data.
//!
//! Job postings come as France Travail "Offres d'emploi v2" records (JSON lines or whole
//! API pages `{"resultats": [...]}`), the plain `{"id", "text"}` form, or the
//! digital-titles CSV export. Every read returns a [`Batch`]: the accepted records and a
//! [`BatchReport`] that counts what was read, accepted and rejected, and keeps each
//! rejected record with its line and reason.

mod catalogue;
mod esco;
mod france_travail;
mod geo;
mod lexicon;
mod lheo;
mod lines;
mod raw;
mod rome;
mod savoirs;
mod store;
mod table;
mod trainings;

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::model::{JobPosting, MAX_TEXT_BYTES, PostingLocation, RomeCode};
use crate::{Error, Result};

pub use catalogue::{demo_catalogue, parse_catalogue};
pub use esco::read_esco;
pub use geo::{builtin_geography, read_geography};
pub use lexicon::{builtin_lexicon, digital_occupations};
pub use lheo::{LheoEligibility, parse_lheo, parse_lheo_with_eligibility, read_lheo};
pub use lines::{Line, Lines};
pub use raw::read_offer_records;
pub use rome::read_rome;
pub use savoirs::{SAVOIRS_FAMILY, compact_savoirs};
pub use store::{OfferStore, STATE_FILE, UpsertCounts, record_id, write_atomic};
pub use trainings::read_trainings;

/// A record that could not be accepted, kept with the reason.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    /// 1-based line in the source (for an API page, the line where the item starts).
    pub line: u64,
    /// The record's id, when it could be read.
    pub id: Option<String>,
    pub reason: String,
    /// The record as it was read (invalid UTF-8 replaced by U+FFFD), its first
    /// [`Rejected::ECHO_BYTES`] bytes at most: a report never grows with its input.
    pub raw: String,
    /// The record's length in bytes, whole.
    pub raw_length: u64,
}

impl Rejected {
    /// The most of a rejected record a report echoes.
    pub const ECHO_BYTES: usize = 512;

    /// A rejection echoing the start of `raw`.
    pub fn new(line: u64, id: Option<String>, reason: String, raw: &[u8]) -> Rejected {
        let mut end = raw.len().min(Rejected::ECHO_BYTES);
        // Cut before a UTF-8 continuation byte, not inside a character.
        while end < raw.len() && end > 0 && raw[end] & 0xC0 == 0x80 {
            end -= 1;
        }
        Rejected {
            line,
            id,
            reason,
            raw: String::from_utf8_lossy(&raw[..end]).into_owned(),
            raw_length: raw.len() as u64,
        }
    }
}

/// Counts and rejections of one read.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BatchReport {
    /// The file or stream read.
    pub source: String,
    pub read: u64,
    pub accepted: u64,
    pub rejected: Vec<Rejected>,
}

impl BatchReport {
    /// A one-line summary in English, for logs and the CLI.
    pub fn summary(&self) -> String {
        format!(
            "{}: {} read, {} accepted, {} rejected",
            self.source,
            self.read,
            self.accepted,
            self.rejected.len()
        )
    }
}

/// What a read produced: the accepted records, each with its line, and the report.
#[derive(Debug, Clone, Default)]
pub struct Batch<T> {
    pub records: Vec<(u64, T)>,
    pub report: BatchReport,
}

impl<T> Batch<T> {
    fn new(source: &str) -> Batch<T> {
        Batch {
            records: Vec::new(),
            report: BatchReport {
                source: source.to_string(),
                ..BatchReport::default()
            },
        }
    }

    fn accept(&mut self, line: u64, record: T) {
        self.report.read += 1;
        self.report.accepted += 1;
        self.records.push((line, record));
    }

    fn reject(&mut self, line: u64, id: Option<String>, reason: String, raw: &[u8]) {
        self.report.read += 1;
        self.report
            .rejected
            .push(Rejected::new(line, id, reason, raw));
    }
}

/// Reads job postings from a file; the format is chosen by content (a JSON object
/// with `resultats` is an API page, `.csv` files are the digital-titles export,
/// anything else is JSON lines). A folder (such as an [`OfferStore`]) is read file by
/// file, in name order: every `.jsonl` and `.json` file but hidden ones and the ingest
/// state; a rejection's reason then starts with its file's name.
pub fn read_postings(path: &Path) -> Result<Batch<JobPosting>> {
    if path.is_dir() {
        return read_postings_dir(path);
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let source = path.display().to_string();
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return read_postings_csv(&source, &bytes);
    }
    Ok(parse_postings(&source, &bytes))
}

/// The offer files of a folder, in name order: every `.jsonl` and `.json` file but
/// hidden ones and the ingest state; each with its file name.
fn offer_files(dir: &Path) -> Result<Vec<(String, std::path::PathBuf)>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let wanted = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json"));
        if wanted && !name.starts_with('.') && name != STATE_FILE && path.is_file() {
            files.push((name, path));
        }
    }
    files.sort();
    Ok(files)
}

fn read_postings_dir(dir: &Path) -> Result<Batch<JobPosting>> {
    let files = offer_files(dir)?;
    let mut batch = Batch::new(&dir.display().to_string());
    for (name, path) in files {
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let file = parse_postings(&name, &bytes);
        batch.records.extend(file.records);
        batch.report.read += file.report.read;
        batch.report.accepted += file.report.accepted;
        batch
            .report
            .rejected
            .extend(file.report.rejected.into_iter().map(|mut r| {
                r.reason = format!("{name}: {}", r.reason);
                r
            }));
    }
    Ok(batch)
}

/// Parses postings from bytes already read (a file's content or standard input).
pub fn parse_postings(source: &str, bytes: &[u8]) -> Batch<JobPosting> {
    let trimmed = bytes.trim_ascii_start();
    if trimmed.starts_with(b"{")
        && let Ok(Value::Object(mut page)) = serde_json::from_slice::<Value>(bytes)
        && let Some(Value::Array(items)) = page.remove("resultats")
    {
        return parse_api_page(source, bytes, items);
    }
    let mut batch = Batch::new(source);
    for (index, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = index as u64 + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.trim_ascii().is_empty() {
            continue;
        }
        match parse_line(raw) {
            Ok(posting) => batch.accept(line, posting),
            Err((id, reason)) => batch.reject(line, id, reason, raw),
        }
    }
    batch
}

/// Parses one JSON line into a posting, or says why not (with the id when readable).
pub fn parse_line(raw: &[u8]) -> Result<JobPosting, (Option<String>, String)> {
    let text = std::str::from_utf8(raw)
        .map_err(|e| (None, format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let value: Value = serde_json::from_str(text).map_err(|e| (None, describe_json_error(&e)))?;
    let id = value.get("id").and_then(|v| {
        v.as_str()
            .map(str::to_string)
            .or_else(|| v.as_u64().map(|n| n.to_string()))
    });
    let posting =
        france_travail::posting_from_json(value).map_err(|reason| (id.clone(), reason))?;
    check_posting(&posting).map_err(|reason| (id, reason))?;
    Ok(posting)
}

fn check_posting(posting: &JobPosting) -> Result<(), String> {
    let size = posting.title.len() + posting.description.len();
    if size > MAX_TEXT_BYTES {
        return Err(format!(
            "text is {size} bytes, over the limit of {MAX_TEXT_BYTES} bytes"
        ));
    }
    if posting.title.trim().is_empty() && posting.description.trim().is_empty() {
        return Err("empty text: no title and no description".to_string());
    }
    Ok(())
}

fn parse_api_page(source: &str, bytes: &[u8], items: Vec<Value>) -> Batch<JobPosting> {
    let mut batch = Batch::new(source);
    // An API page is usually on one line; report the item's position instead.
    let single_line = !bytes.trim_ascii().contains(&b'\n');
    for (index, item) in items.into_iter().enumerate() {
        let position = if single_line { index as u64 + 1 } else { 0 };
        let raw = item.to_string();
        let id = item.get("id").and_then(Value::as_str).map(str::to_string);
        match france_travail::posting_from_json(item).and_then(|p| check_posting(&p).map(|()| p)) {
            Ok(posting) => batch.accept(position, posting),
            Err(reason) => batch.reject(
                position,
                id,
                format!("resultats[{index}]: {reason}"),
                raw.as_bytes(),
            ),
        }
    }
    batch
}

fn describe_json_error(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => format!("truncated JSON (column {})", error.column()),
        Category::Syntax => format!("invalid JSON at column {}: {error}", error.column()),
        Category::Data | Category::Io => format!("invalid JSON: {error}"),
    }
}

/// The digital-titles CSV export: `hash_id, titre, description, rome_code, lieu, ...`.
fn read_postings_csv(source: &str, bytes: &[u8]) -> Result<Batch<JobPosting>> {
    let mut batch = Batch::new(source);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| Error::Format {
            path: source.into(),
            line: 1,
            message: e.to_string(),
        })?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
    };
    let (Some(id_col), Some(title_col), Some(text_col)) = (
        column("hash_id").or(column("id")),
        column("titre"),
        column("description"),
    ) else {
        return Err(Error::MissingColumn {
            path: source.into(),
            column: "hash_id, titre or description".to_string(),
        });
    };
    let rome_col = column("rome_code");
    let place_col = column("lieu");
    let date_col = column("date_creation");
    let contract_col = column("contrat_type");
    for record in reader.byte_records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                batch.reject(line, None, error.to_string(), b"");
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let raw = record.as_slice().to_vec();
        let record = match csv::StringRecord::from_byte_record(record) {
            Ok(record) => record,
            Err(error) => {
                batch.reject(line, None, format!("invalid UTF-8: {error}"), &raw);
                continue;
            }
        };
        let field = |col: Option<usize>| col.and_then(|c| record.get(c)).unwrap_or("").trim();
        let id = field(Some(id_col)).to_string();
        if id.is_empty() {
            batch.reject(line, None, "empty id".to_string(), &raw);
            continue;
        }
        let rome = match field(rome_col) {
            "" => None,
            code => match RomeCode::parse(code) {
                Ok(code) => Some(code),
                Err(error) => {
                    batch.reject(line, Some(id), format!("column rome_code: {error}"), &raw);
                    continue;
                }
            },
        };
        let posting = JobPosting {
            id: id.clone(),
            title: field(Some(title_col)).to_string(),
            description: field(Some(text_col)).to_string(),
            rome,
            created: Some(field(date_col).to_string()).filter(|d| !d.is_empty()),
            location: PostingLocation {
                label: Some(field(place_col).to_string()).filter(|l| !l.is_empty()),
                ..PostingLocation::default()
            },
            contract: Some(field(contract_col).to_string()).filter(|c| !c.is_empty()),
            ..JobPosting::default()
        };
        match check_posting(&posting) {
            Ok(()) => batch.accept(line, posting),
            Err(reason) => batch.reject(line, Some(id), reason, &raw),
        }
    }
    Ok(batch)
}

#[cfg(test)]
mod tests {
    use super::raw::parse_offer_records;
    use super::*;

    fn reasons(input: &[u8]) -> Vec<(u64, String)> {
        parse_postings("test", input)
            .report
            .rejected
            .into_iter()
            .map(|r| (r.line, r.reason))
            .collect()
    }

    #[test]
    fn a_rejection_echoes_a_bounded_start_and_the_whole_length() {
        // A 20 MiB line of "é" (two bytes each): 512 bytes at most, cut between
        // characters, and the length of the whole line.
        let line = "é".repeat(10 << 20);
        let rejected = Rejected::new(7, None, "not JSON".into(), line.as_bytes());
        assert_eq!(rejected.raw_length, 20 << 20);
        assert!(rejected.raw.len() <= Rejected::ECHO_BYTES);
        assert!(
            rejected.raw.chars().all(|c| c == 'é'),
            "cut inside a character"
        );
        let report =
            parse_offer_records("refresh", format!("{line}\n{{\"id\": \"1\"}}\n").as_bytes())
                .report;
        assert_eq!((report.read, report.accepted), (2, 1));
        assert_eq!(report.rejected[0].raw_length, 20 << 20);
        assert!(report.rejected[0].raw.len() <= Rejected::ECHO_BYTES);
    }

    #[test]
    fn json_lines_go_past_bad_lines() {
        let input = b"{\"id\":\"1\",\"text\":\"Java\"}\n\n{\"id\":\"2\",\"te\n[1]\n\xff\xfe\n{\"id\":\"3\",\"text\":\"\"}\n{\"id\":\"4\",\"intitule\":\"Dev\"}\n";
        let batch = parse_postings("test", input);
        assert_eq!(batch.report.read, 6);
        assert_eq!(batch.report.accepted, 2);
        let reasons = reasons(input);
        assert_eq!(reasons.len(), 4);
        assert_eq!(reasons[0].0, 3);
        assert!(
            reasons[0].1.starts_with("truncated JSON"),
            "{:?}",
            reasons[0]
        );
        assert!(
            reasons[1]
                .1
                .contains("expected a JSON object, found an array")
        );
        assert!(reasons[2].1.contains("invalid UTF-8 at byte 0"));
        assert_eq!(reasons[3].0, 6);
        assert!(reasons[3].1.contains("empty text"));
        assert_eq!(batch.report.rejected[0].raw, "{\"id\":\"2\",\"te");
    }

    #[test]
    fn api_pages_are_read_whole() {
        let input = br#"{"resultats": [{"id": "A", "intitule": "Dev web"}, {"id": "B"}, 3]}"#;
        let batch = parse_postings("page", input);
        assert_eq!(batch.report.read, 3);
        assert_eq!(batch.report.accepted, 1);
        assert!(batch.report.rejected[0].reason.starts_with("resultats[1]"));
        assert_eq!(batch.report.rejected[0].id.as_deref(), Some("B"));
    }

    #[test]
    fn huge_texts_are_rejected_not_analysed() {
        let text = "a".repeat(MAX_TEXT_BYTES + 1);
        let line = serde_json::json!({"id": "big", "text": text}).to_string();
        let reasons = reasons(line.as_bytes());
        assert!(reasons[0].1.contains("over the limit"), "{reasons:?}");
    }

    #[test]
    fn csv_export_is_read() {
        let input = "hash_id,titre,lieu,description,rome_code\nab,Data analyst (H/F),92 - Hauts-de-Seine,\"SQL, Python\",M1403\ncd,X,,y,bad\n";
        let batch = read_postings_csv("t.csv", input.as_bytes()).unwrap();
        assert_eq!(batch.report.accepted, 1);
        assert_eq!(batch.records[0].1.rome.unwrap().as_str(), "M1403");
        assert!(batch.report.rejected[0].reason.contains("column rome_code"));
    }
}
