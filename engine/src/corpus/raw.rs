//! Offer records kept as their source wrote them (for the offer store): JSON lines of
//! France Travail records, or API pages `{"resultats": [...]}`, from a file, a folder
//! or bytes, each checked to be an object with an `id`.

use std::path::Path;

use serde_json::Value;

use super::store::record_id;
use super::{Batch, Line, Lines, Rejected};
use crate::model::MAX_TEXT_BYTES;
use crate::{Error, Result};

/// Raw offer records of a file, or of every `.jsonl`/`.json` file of a folder (in name
/// order, hidden files and the ingest state left out).
pub fn read_offer_records(path: &Path) -> Result<Batch<Value>> {
    if !path.is_dir() {
        return read_offer_file(path);
    }
    let files = super::offer_files(path)?;
    let mut batch = Batch::new(&path.display().to_string());
    for (_, file) in files {
        let part = read_offer_file(&file)?;
        batch.records.extend(part.records);
        batch.report.read += part.report.read;
        batch.report.accepted += part.report.accepted;
        batch.report.rejected.extend(part.report.rejected);
    }
    Ok(batch)
}

/// Raw offer records of one file, read line by line so that only the records are held,
/// never the file: a line over [`MAX_TEXT_BYTES`] is skipped as it is read; a NUL byte is
/// an error (binary input). A file whose first line does not parse and opens an object
/// is one pretty-printed API page, read whole.
fn read_offer_file(path: &Path) -> Result<Batch<Value>> {
    let source = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut lines = Lines::new(std::io::BufReader::new(file), MAX_TEXT_BYTES, path);
    let mut batch = Batch::new(&source);
    let mut first = true;
    while let Some((number, line)) = lines.next_line()? {
        let number = number as u64;
        let text = match line {
            Line::TooLong(length) => {
                batch.report.read += 1;
                let mut rejected =
                    Rejected::new(number, None, "line longer than 1 MiB".to_string(), b"");
                rejected.raw_length = length;
                batch.report.rejected.push(rejected);
                first = false;
                continue;
            }
            Line::Text(text) => text,
        };
        let line = text.trim_ascii();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_slice::<Value>(line) {
            Ok(Value::Object(map)) if map.contains_key("resultats") => {
                push_page(&mut batch, number, Value::Object(map));
            }
            Ok(value) => push_record(&mut batch, number, value),
            Err(_) if first && line.starts_with(b"{") => {
                drop(lines);
                let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
                return Ok(parse_offer_records(&source, &bytes));
            }
            Err(e) => {
                batch.report.read += 1;
                reject(&mut batch, number, None, &format!("not JSON: {e}"), line);
            }
        }
        first = false;
    }
    Ok(batch)
}

/// Raw offer records of bytes: JSON lines (a line may itself be an API page) or one
/// API page. A line that is not JSON, not an object, or has no `id` is rejected with
/// its line number.
pub fn parse_offer_records(source: &str, bytes: &[u8]) -> Batch<Value> {
    let mut batch = Batch::new(source);
    let trimmed = bytes.trim_ascii();
    if trimmed.first() == Some(&b'{')
        && let Ok(Value::Object(page)) = serde_json::from_slice::<Value>(trimmed)
        && page.contains_key("resultats")
    {
        push_page(&mut batch, 1, Value::Object(page));
        return batch;
    }
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = index as u64 + 1;
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        if line.len() > MAX_TEXT_BYTES {
            batch.report.read += 1;
            reject(&mut batch, number, None, "line longer than 1 MiB", line);
            continue;
        }
        match serde_json::from_slice::<Value>(line) {
            Ok(Value::Object(map)) if map.contains_key("resultats") => {
                push_page(&mut batch, number, Value::Object(map));
            }
            Ok(value) => push_record(&mut batch, number, value),
            Err(e) => {
                batch.report.read += 1;
                reject(&mut batch, number, None, &format!("not JSON: {e}"), line);
            }
        }
    }
    batch
}

fn push_page(batch: &mut Batch<Value>, line: u64, page: Value) {
    match page.get("resultats") {
        Some(Value::Array(items)) => {
            for item in items.clone() {
                push_record(batch, line, item);
            }
        }
        _ => {
            batch.report.read += 1;
            let raw = page.to_string();
            reject(
                batch,
                line,
                None,
                "field resultats: expected an array",
                raw.as_bytes(),
            );
        }
    }
}

fn push_record(batch: &mut Batch<Value>, line: u64, value: Value) {
    batch.report.read += 1;
    if !value.is_object() {
        let raw = value.to_string();
        reject(batch, line, None, "expected a JSON object", raw.as_bytes());
        return;
    }
    if record_id(&value).is_none() {
        let raw = value.to_string();
        reject(batch, line, None, "record without an id", raw.as_bytes());
        return;
    }
    batch.report.accepted += 1;
    batch.records.push((line, value));
}

fn reject(batch: &mut Batch<Value>, line: u64, id: Option<String>, reason: &str, raw: &[u8]) {
    batch
        .report
        .rejected
        .push(Rejected::new(line, id, reason.to_string(), raw));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_pages_and_bad_records_are_told_apart() {
        let bytes = br#"{"id":"1","intitule":"a"}
not json
{"resultats":[{"id":2},{"intitule":"no id"}]}
[1]
"#;
        let batch = parse_offer_records("t", bytes);
        let ids: Vec<String> = batch
            .records
            .iter()
            .filter_map(|(_, v)| record_id(v))
            .collect();
        assert_eq!(ids, ["1", "2"]);
        assert_eq!(batch.report.read, 5);
        let lines: Vec<u64> = batch.report.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 4]);
        let page = parse_offer_records("p", br#"{"resultats":[{"id":"x"}],"filtresPossibles":[]}"#);
        assert_eq!(page.records.len(), 1);
    }
}
