//! Reader of Passerelle's own training catalogue format (JSON lines of `Training`),
//! with the checks a catalogue needs: dates, levels, seats, label validity.

use std::path::Path;

use crate::model::{Funding, Public, Training, check_date};
use crate::{Error, Result};

use super::Batch;

/// The demo GEN catalogue authored in `corpora/catalogue`.
const DEMO_CATALOGUE: &str = include_str!("../../../corpora/catalogue/trainings.jsonl");

/// Reads a catalogue file of JSON lines.
pub fn read_catalogue(path: &Path) -> Result<Batch<Training>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(parse_catalogue(&path.display().to_string(), &bytes))
}

/// The embedded demo catalogue.
pub fn demo_catalogue() -> Batch<Training> {
    parse_catalogue(
        "corpora/catalogue/trainings.jsonl",
        DEMO_CATALOGUE.as_bytes(),
    )
}

/// Parses catalogue lines; bad lines are rejected with their reason, the rest kept.
pub fn parse_catalogue(source: &str, bytes: &[u8]) -> Batch<Training> {
    let mut batch = Batch::new(source);
    let mut seen = std::collections::HashSet::new();
    for (index, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = index as u64 + 1;
        if raw.trim_ascii().is_empty() {
            continue;
        }
        let value = serde_json::from_slice::<serde_json::Value>(raw).ok();
        let id = (value.as_ref())
            .and_then(|v| v.get("id").and_then(|id| id.as_str().map(str::to_string)));
        let parsed = std::str::from_utf8(raw)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()))
            .and_then(|text| match value.as_ref().and_then(legacy_fields) {
                Some(reason) => Err(reason),
                None => serde_json::from_str::<Training>(text).map_err(|e| e.to_string()),
            });
        match parsed.and_then(|training| check_training(&training).map(|()| training)) {
            Ok(training) if !seen.insert(training.id.clone()) => {
                batch.reject(line, id, format!("duplicate id {:?}", training.id), raw);
            }
            Ok(training) => batch.accept(line, training),
            Err(reason) => batch.reject(line, id, reason, raw),
        }
    }
    batch
}

/// The fields of catalogues written before publics and funding were typed: free-text
/// `public` and `funding` lists. Such a line is rejected with what to write instead,
/// rather than read with its eligibility guessed from words.
fn legacy_fields(value: &serde_json::Value) -> Option<String> {
    let codes =
        |codes: &mut dyn Iterator<Item = &'static str>| codes.collect::<Vec<_>>().join(", ");
    if value.get("public").is_some() {
        return Some(format!(
            "field public is no longer read: write publics (aimed at) and reserved_to \
             (restricted to) with the codes {}",
            codes(&mut Public::ALL.iter().map(|p| p.code()))
        ));
    }
    let funding = value.get("funding")?.as_array()?;
    funding.iter().enumerate().find_map(|(i, item)| {
        let text = item.as_str()?;
        (!Funding::ALL.iter().any(|f| f.code() == text)).then(|| {
            format!(
                "funding[{i}]: {text:?} is not a funding code ({})",
                codes(&mut Funding::ALL.iter().map(|f| f.code()))
            )
        })
    })
}

/// The consistency checks of one training.
pub(super) fn check_training(training: &Training) -> Result<(), String> {
    let field = |e: Error| e.to_string();
    if training.id.trim().is_empty() {
        return Err("empty id".to_string());
    }
    if training.title.trim().is_empty() {
        return Err("empty title".to_string());
    }
    for level in [training.entry_level, training.exit_level]
        .into_iter()
        .flatten()
    {
        if !(1..=8).contains(&level) {
            return Err(format!("level {level} is outside 1 to 8"));
        }
    }
    for (i, session) in training.sessions.iter().enumerate() {
        check_date(&format!("sessions[{i}].start"), &session.start).map_err(field)?;
        if let Some(end) = &session.end {
            check_date(&format!("sessions[{i}].end"), end).map_err(field)?;
            if end < &session.start {
                return Err(format!("sessions[{i}]: ends before it starts"));
            }
        }
        if let (Some(seats), Some(taken)) = (session.seats, session.seats_taken)
            && taken > seats
        {
            return Err(format!("sessions[{i}]: {taken} seats taken out of {seats}"));
        }
    }
    if let Some(label) = &training.label {
        check_date("label.granted", &label.granted).map_err(field)?;
        check_date("label.expires", &label.expires).map_err(field)?;
        if label.expires <= label.granted {
            return Err("label expires before it is granted".to_string());
        }
    }
    if let (Some(lat), Some(lon)) = (training.location.lat, training.location.lon)
        && (!(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon))
    {
        return Err(format!("location ({lat}, {lon}) is not a coordinate"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_catalogue_reads_whole() {
        let batch = demo_catalogue();
        assert!(
            batch.report.rejected.is_empty(),
            "{:?}",
            batch.report.rejected.first()
        );
        assert!(batch.records.len() >= 300);
        assert!(batch.records.iter().all(|(_, t)| t.demo));
    }

    #[test]
    fn bad_trainings_are_rejected_with_reasons() {
        let good = demo_catalogue().records[0].1.clone();
        let line = |t: &Training| serde_json::to_string(t).unwrap();
        let mut bad_date = good.clone();
        bad_date.sessions[0].start = "2026-13-01".into();
        let mut full = good.clone();
        full.sessions[0].seats = Some(3);
        full.sessions[0].seats_taken = Some(4);
        let mut level = good.clone();
        level.exit_level = Some(9);
        let text = [
            line(&good),
            line(&good),
            line(&bad_date),
            line(&full),
            line(&level),
            "{\"id\": \"x\", \"colour\": 1}".to_string(),
            "{\"id\": \"y\", \"public\": [\"jeunes\"]}".to_string(),
            "{\"id\": \"z\", \"funding\": [\"gratuit\", \"Région\"]}".to_string(),
        ]
        .join("\n");
        let batch = parse_catalogue("t", text.as_bytes());
        assert_eq!(batch.report.accepted, 1);
        let reasons: Vec<&str> = batch
            .report
            .rejected
            .iter()
            .map(|r| r.reason.as_str())
            .collect();
        assert!(reasons[0].starts_with("duplicate id"), "{reasons:?}");
        assert!(reasons[1].contains("sessions[0].start"), "{reasons:?}");
        assert!(reasons[2].contains("seats taken out of 3"), "{reasons:?}");
        assert!(reasons[3].contains("level 9"), "{reasons:?}");
        assert!(reasons[4].contains("unknown field"), "{reasons:?}");
        assert!(
            reasons[5].starts_with("field public is no longer read"),
            "{reasons:?}"
        );
        assert!(
            reasons[6].starts_with("funding[1]: \"Région\""),
            "{reasons:?}"
        );
    }
}
