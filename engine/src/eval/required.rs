//! Agreement of the mentions' `required` field with hand labels: each labelled mention
//! (offer id, field, byte span, skill id) says whether a reader takes the skill as
//! required (`true`), wished (`false`) or neither (`null`).
//!
//! The labels hold no offer text: the offers are read from the data folder and
//! extracted again, and each label is matched to the mention found at its span. A
//! labelled mention the engine no longer finds counts as a miss.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::labels::{LabelPart, parse_lines, postings_by_id};
use crate::Result;
use crate::engine::Engine;
use crate::extract::Field;
use crate::model::JobPosting;

/// One hand-labelled mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredLabel {
    /// The offer's id (`id` of the France Travail record).
    pub offer: String,
    pub part: LabelPart,
    pub field: Field,
    /// Byte span in the field's text.
    pub start: usize,
    pub end: usize,
    /// The skill id the engine gave the mention.
    pub skill: String,
    /// What a reader takes the offer to say: required, wished or neither.
    pub required: Option<bool>,
}

/// Parses labels written one JSON object a line: `{"offer", "part": "tune"|"check",
/// "field": "text"|"title" (default "text"), "start", "end", "skill", "required":
/// true|false|null}`. Blank lines and lines starting with `#` are skipped; `source`
/// names the file in errors.
pub fn parse_required_labels(source: &Path, text: &str) -> Result<Vec<RequiredLabel>> {
    parse_lines(source, text, |line| {
        let part = line.part()?;
        let field = match line.value.get("field").and_then(|v| v.as_str()) {
            None | Some("text") => Field::Text,
            Some("title") => Field::Title,
            Some(other) => {
                return Err(line.fail(format!("field {other:?}: expected text or title")));
            }
        };
        let required = match line.value.get("required") {
            Some(serde_json::Value::Bool(b)) => Some(*b),
            Some(serde_json::Value::Null) => None,
            _ => return Err(line.fail("\"required\" must be true, false or null".to_string())),
        };
        let (start, end) = line.span()?;
        Ok(RequiredLabel {
            offer: line.text("offer")?.to_string(),
            part,
            field,
            start,
            end,
            skill: line.text("skill")?.to_string(),
            required,
        })
    })
}

/// Agreement on one set of labels.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RequiredScores {
    /// Labelled mentions.
    pub labelled: usize,
    /// Labelled mentions whose predicted `required` equals the label.
    pub agreed: usize,
    /// Labelled mentions the engine no longer finds (counted as disagreements).
    pub missing: usize,
    /// `agreed / labelled` (0 without labels).
    pub agreement: f64,
    /// Rows: label true, false, null; columns: predicted true, false, null, and
    /// mention not found.
    pub confusion: [[usize; 4]; 3],
}

impl RequiredScores {
    fn add(&mut self, label: Option<bool>, predicted: Option<Option<bool>>) {
        let row = outcome_index(label);
        let column = predicted.map_or(3, outcome_index);
        self.confusion[row][column] += 1;
        self.labelled += 1;
        match predicted {
            None => self.missing += 1,
            Some(p) if p == label => self.agreed += 1,
            Some(_) => {}
        }
        self.agreement = self.agreed as f64 / self.labelled as f64;
    }
}

fn outcome_index(value: Option<bool>) -> usize {
    match value {
        Some(true) => 0,
        Some(false) => 1,
        None => 2,
    }
}

/// Agreement on the tune and check parts of a labelled set, and on both.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RequiredReport {
    /// Distinct offers labelled.
    pub offers: usize,
    pub tune: RequiredScores,
    pub check: RequiredScores,
    pub all: RequiredScores,
}

/// Extracts every labelled offer of `postings` with `engine` and compares the
/// `required` of the mention at each label's span with the label. An offer id absent
/// from `postings` is an error.
pub fn evaluate_required(
    engine: &Engine,
    postings: &[JobPosting],
    labels: &[RequiredLabel],
) -> Result<RequiredReport> {
    let mut offers: Vec<&str> = labels.iter().map(|l| l.offer.as_str()).collect();
    offers.sort_unstable();
    offers.dedup();
    let by_id = postings_by_id(postings, offers.iter().copied())?;
    // (field, start, end, skill) → predicted `required`, per offer.
    type Found = HashMap<(u8, usize, usize, String), Option<bool>>;
    let extracted: HashMap<&str, Found> = offers
        .par_iter()
        .map(|offer| {
            let posting = by_id[offer];
            let extraction = engine.extract(&posting.title, &posting.description);
            let mut found = Found::new();
            for mention in extraction.skills {
                let (Some(start), Some(end)) = (mention.start, mention.end) else {
                    continue;
                };
                let key = (
                    mention.field as u8,
                    start,
                    end,
                    mention.skill.as_str().to_string(),
                );
                found.entry(key).or_insert(mention.required);
            }
            (*offer, found)
        })
        .collect();
    let mut report = RequiredReport {
        offers: offers.len(),
        ..RequiredReport::default()
    };
    for label in labels {
        let key = (
            label.field as u8,
            label.start,
            label.end,
            label.skill.clone(),
        );
        let predicted = extracted
            .get(label.offer.as_str())
            .and_then(|found| found.get(&key))
            .copied();
        match label.part {
            LabelPart::Tune => report.tune.add(label.required, predicted),
            LabelPart::Check => report.check.add(label.required, predicted),
        }
        report.all.add(label.required, predicted);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_and_refuse_bad_lines() {
        let text = "# comment\n{\"offer\":\"1\",\"part\":\"tune\",\"start\":0,\"end\":4,\"skill\":\"passerelle:java\",\"required\":null}\n\n{\"offer\":\"2\",\"part\":\"check\",\"field\":\"title\",\"start\":3,\"end\":5,\"skill\":\"passerelle:sql\",\"required\":true}\n";
        let labels = parse_required_labels(Path::new("x"), text).unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].required, None);
        assert_eq!(labels[0].field, Field::Text);
        assert_eq!(labels[1].part, LabelPart::Check);
        assert_eq!(labels[1].field, Field::Title);
        assert_eq!(labels[1].required, Some(true));
        super::super::labels::assert_lines_refused(
            parse_required_labels,
            &[
                "{\"offer\":\"1\",\"part\":\"tune\",\"start\":0,\"end\":4,\"skill\":\"s\"}",
                "{\"offer\":\"1\",\"part\":\"dev\",\"start\":0,\"end\":4,\"skill\":\"s\",\"required\":true}",
                "{\"offer\":\"1\",\"part\":\"tune\",\"start\":4,\"end\":4,\"skill\":\"s\",\"required\":true}",
                "not json",
            ],
        );
    }

    #[test]
    fn scores_count_agreement_misses_and_confusion() {
        let mut scores = RequiredScores::default();
        scores.add(Some(true), Some(Some(true)));
        scores.add(Some(true), Some(None));
        scores.add(None, None);
        scores.add(Some(false), Some(Some(false)));
        assert_eq!(scores.labelled, 4);
        assert_eq!(scores.agreed, 2);
        assert_eq!(scores.missing, 1);
        assert!((scores.agreement - 0.5).abs() < 1e-12);
        assert_eq!(scores.confusion[0], [1, 0, 1, 0]);
        assert_eq!(scores.confusion[1], [0, 1, 0, 0]);
        assert_eq!(scores.confusion[2], [0, 0, 0, 1]);
    }
}
