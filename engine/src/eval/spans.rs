//! Span extraction against hand labels that mark every skill span of an offer, found
//! by the engine or not (`tests/labels/spans/`): span-overlap precision, recall and F1,
//! recall per kind of span, and precision on digital and other offers.
//!
//! A predicted span is right when it overlaps a labelled span of the same field; a
//! labelled span is found when a predicted span overlaps it. Certifications and
//! languages are labelled so that finding them is not counted wrong, but they stay out
//! of precision, recall and F1 (a prediction overlapping only such spans counts
//! neither way); their recall is reported on its own.
//!
//! The labels hold no offer text: the offers are read from the data folder and
//! extracted again.

use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use super::labels::{LabelPart, parse_lines, postings_by_id};
use crate::engine::Engine;
use crate::extract::Field;
use crate::model::JobPosting;
use crate::{Error, Result};

/// What a labelled span names (see the guideline of `tests/labels/spans/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    /// A tool, software, language, machine, material, or a technique of the trade.
    Technical,
    /// A way of organising, checking or documenting work; a process or standard.
    Method,
    /// A field of knowledge or expertise.
    Domain,
    /// A personal quality or behaviour.
    SavoirEtre,
    /// A licence, permit, habilitation, certificate or language.
    Certification,
}

impl SpanKind {
    /// Every kind, in report order.
    pub const ALL: [SpanKind; 5] = [
        SpanKind::Technical,
        SpanKind::Method,
        SpanKind::Domain,
        SpanKind::SavoirEtre,
        SpanKind::Certification,
    ];

    fn parse(text: &str) -> Option<SpanKind> {
        Some(match text {
            "technical" => SpanKind::Technical,
            "method" => SpanKind::Method,
            "domain" => SpanKind::Domain,
            "savoir_etre" => SpanKind::SavoirEtre,
            "certification" => SpanKind::Certification,
            _ => return None,
        })
    }

    /// The kinds that precision, recall and F1 count.
    fn is_scored(self) -> bool {
        self != SpanKind::Certification
    }
}

/// One labelled span, or an offer labelled without any span (`span` is `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanLabel {
    pub offer: String,
    pub part: LabelPart,
    /// Field, byte span and kind; `None` for an offer with no skill span.
    pub span: Option<(Field, usize, usize, SpanKind)>,
}

/// Parses labels written one JSON object a line: `{"offer", "part": "tune"|"check",
/// "field": "text"|"title", "start", "end", "kind"}`, or `"field": null` for an offer
/// without any span. Blank lines and lines starting with `#` are skipped; `source`
/// names the file in errors.
pub fn parse_span_labels(source: &Path, text: &str) -> Result<Vec<SpanLabel>> {
    parse_lines(source, text, |line| {
        let part = line.part()?;
        let field = match line.value.get("field") {
            Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(f)) if f == "text" => Some(Field::Text),
            Some(serde_json::Value::String(f)) if f == "title" => Some(Field::Title),
            _ => return Err(line.fail("\"field\" must be \"text\", \"title\" or null".into())),
        };
        let span = match field {
            None => None,
            Some(field) => {
                let (start, end) = line.span()?;
                let kind = line.text("kind")?;
                let kind = SpanKind::parse(kind).ok_or_else(|| {
                    line.fail(format!(
                        "kind {kind:?}: expected technical, method, domain, savoir_etre or certification"
                    ))
                })?;
                Some((field, start, end, kind))
            }
        };
        Ok(SpanLabel {
            offer: line.text("offer")?.to_string(),
            part,
            span,
        })
    })
}

/// Recall of one kind of labelled span.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct KindRecall {
    pub kind: SpanKind,
    pub labelled: usize,
    pub found: usize,
    pub recall: f64,
}

/// Span-overlap figures on a set of offers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpanScores {
    pub offers: usize,
    /// Labelled spans of the scored kinds (all but certifications).
    pub labelled: usize,
    /// Of those, spans a prediction overlaps.
    pub found: usize,
    /// Distinct predicted spans, those overlapping only certification spans left out.
    pub predicted: usize,
    /// Of those, spans that overlap a labelled span.
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Recall per kind, certifications included.
    pub kinds: Vec<KindRecall>,
}

/// Counts of one offer or group, before ratios.
#[derive(Debug, Clone, Default)]
struct Counts {
    offers: usize,
    predicted: usize,
    correct: usize,
    /// Per kind: (labelled, found).
    kinds: HashMap<SpanKind, (usize, usize)>,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.offers += other.offers;
        self.predicted += other.predicted;
        self.correct += other.correct;
        for (kind, (labelled, found)) in &other.kinds {
            let slot = self.kinds.entry(*kind).or_insert((0, 0));
            slot.0 += labelled;
            slot.1 += found;
        }
    }

    fn scores(&self) -> SpanScores {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (labelled, found) = self
            .kinds
            .iter()
            .filter(|(kind, _)| kind.is_scored())
            .fold((0, 0), |(l, f), (_, &(kl, kf))| (l + kl, f + kf));
        let precision = ratio(self.correct, self.predicted);
        let recall = ratio(found, labelled);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        SpanScores {
            offers: self.offers,
            labelled,
            found,
            predicted: self.predicted,
            correct: self.correct,
            precision,
            recall,
            f1,
            kinds: SpanKind::ALL
                .iter()
                .map(|&kind| {
                    let (labelled, found) = self.kinds.get(&kind).copied().unwrap_or((0, 0));
                    KindRecall {
                        kind,
                        labelled,
                        found,
                        recall: ratio(found, labelled),
                    }
                })
                .collect(),
        }
    }
}

/// Span figures on the tune and check parts, on both, and on digital (`romeCode`
/// M18xx) and other offers of both parts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpanReport {
    /// Mentions scored below this were left out of the predictions.
    pub min_score: f32,
    pub tune: SpanScores,
    pub check: SpanScores,
    pub all: SpanScores,
    pub digital: SpanScores,
    pub other: SpanScores,
}

/// A predicted or labelled span: field and byte range.
type Span = (Field, usize, usize);

/// One labelled offer: its id, its part and its labelled spans.
type LabelledOffer<'a> = (&'a str, LabelPart, Vec<(Span, SpanKind)>);

fn overlaps(a: Span, b: Span) -> bool {
    a.0 == b.0 && a.1 < b.2 && b.1 < a.2
}

/// Scores one offer's distinct predicted spans against its labelled spans.
fn score_offer(predicted: &[Span], labelled: &[(Span, SpanKind)]) -> Counts {
    let mut counts = Counts {
        offers: 1,
        ..Counts::default()
    };
    for &prediction in predicted {
        let mut scored = false;
        let mut certification = false;
        for &(span, kind) in labelled {
            if overlaps(prediction, span) {
                if kind.is_scored() {
                    scored = true;
                } else {
                    certification = true;
                }
            }
        }
        if scored {
            counts.predicted += 1;
            counts.correct += 1;
        } else if !certification {
            counts.predicted += 1;
        }
    }
    for &(span, kind) in labelled {
        let found = predicted.iter().any(|&p| overlaps(p, span));
        let slot = counts.kinds.entry(kind).or_insert((0, 0));
        slot.0 += 1;
        slot.1 += usize::from(found);
    }
    counts
}

/// Extracts every labelled offer of `postings` with `engine` and compares the spans
/// of its mentions scored at least `min_score` with the labelled spans. An offer id
/// absent from `postings`, or labelled in both parts, is an error.
pub fn evaluate_spans(
    engine: &Engine,
    postings: &[JobPosting],
    labels: &[SpanLabel],
    min_score: f32,
) -> Result<SpanReport> {
    // Offer → (part, labelled spans), in the labels' order of first appearance.
    let mut offers: Vec<LabelledOffer<'_>> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for label in labels {
        let index = *position.entry(label.offer.as_str()).or_insert_with(|| {
            offers.push((label.offer.as_str(), label.part, Vec::new()));
            offers.len() - 1
        });
        let entry = &mut offers[index];
        if entry.1 != label.part {
            return Err(Error::invalid(
                "labels",
                format!("offer {} is labelled in both parts", label.offer),
            ));
        }
        if let Some((field, start, end, kind)) = label.span {
            entry.2.push(((field, start, end), kind));
        }
    }
    let by_id = postings_by_id(postings, offers.iter().map(|(offer, _, _)| *offer))?;
    let scored: Vec<(LabelPart, bool, Counts)> = offers
        .par_iter()
        .map(|(offer, part, labelled)| {
            let posting = by_id[offer];
            let extraction = engine.extract(&posting.title, &posting.description);
            let mut predicted: Vec<Span> = extraction
                .skills
                .iter()
                .filter(|m| m.score >= min_score)
                .filter_map(|m| Some((m.field, m.start?, m.end?)))
                .collect();
            predicted.sort_unstable_by_key(|&(field, start, end)| (field as u8, start, end));
            predicted.dedup();
            let digital = posting.rome.is_some_and(|code| code.domain() == "M18");
            (*part, digital, score_offer(&predicted, labelled))
        })
        .collect();
    let mut groups: [Counts; 5] = Default::default();
    for (part, digital, counts) in &scored {
        let part_group = match part {
            LabelPart::Tune => 0,
            LabelPart::Check => 1,
        };
        for group in [part_group, 2, if *digital { 3 } else { 4 }] {
            groups[group].add(counts);
        }
    }
    Ok(SpanReport {
        min_score,
        tune: groups[0].scores(),
        check: groups[1].scores(),
        all: groups[2].scores(),
        digital: groups[3].scores(),
        other: groups[4].scores(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse_and_refuse_bad_lines() {
        let text = "# comment\n{\"offer\":\"1\",\"part\":\"tune\",\"field\":\"text\",\"start\":0,\"end\":4,\"kind\":\"method\"}\n\n{\"offer\":\"2\",\"part\":\"check\",\"field\":null,\"start\":0,\"end\":0,\"kind\":null}\n";
        let labels = parse_span_labels(Path::new("x"), text).unwrap();
        assert_eq!(labels.len(), 2);
        assert_eq!(labels[0].span, Some((Field::Text, 0, 4, SpanKind::Method)));
        assert_eq!(labels[1].part, LabelPart::Check);
        assert_eq!(labels[1].span, None);
        super::super::labels::assert_lines_refused(
            parse_span_labels,
            &[
                "{\"offer\":\"1\",\"part\":\"tune\",\"field\":\"text\",\"start\":0,\"end\":4}",
                "{\"offer\":\"1\",\"part\":\"tune\",\"field\":\"text\",\"start\":0,\"end\":4,\"kind\":\"skill\"}",
                "{\"offer\":\"1\",\"part\":\"tune\",\"field\":\"body\",\"start\":0,\"end\":4,\"kind\":\"method\"}",
                "{\"offer\":\"1\",\"part\":\"tune\",\"field\":\"text\",\"start\":4,\"end\":4,\"kind\":\"method\"}",
                "{\"offer\":\"1\",\"part\":\"dev\",\"field\":null}",
                "not json",
            ],
        );
    }

    #[test]
    fn overlap_counts_right_spans_found_labels_and_leaves_certifications_out() {
        let t = |start, end| (Field::Text, start, end);
        let labelled = [
            (t(0, 10), SpanKind::Technical),
            (t(20, 30), SpanKind::Domain),
            (t(40, 50), SpanKind::Certification),
            ((Field::Title, 0, 5), SpanKind::SavoirEtre),
        ];
        let predicted = [
            t(5, 12),  // overlaps the technical span: right
            t(8, 9),   // inside it too: right, the span found once
            t(30, 35), // touches the domain span's end only: wrong
            t(45, 46), // a certification only: left out
            (Field::Title, 20, 25),
        ];
        let counts = score_offer(&predicted, &labelled);
        assert_eq!(counts.predicted, 4);
        assert_eq!(counts.correct, 2);
        assert_eq!(counts.kinds[&SpanKind::Technical], (1, 1));
        assert_eq!(counts.kinds[&SpanKind::Domain], (1, 0));
        assert_eq!(counts.kinds[&SpanKind::Certification], (1, 1));
        assert_eq!(counts.kinds[&SpanKind::SavoirEtre], (1, 0));
        let scores = counts.scores();
        assert_eq!((scores.labelled, scores.found), (3, 1));
        assert!((scores.precision - 0.5).abs() < 1e-12);
        assert!((scores.recall - 1.0 / 3.0).abs() < 1e-12);
        assert!((scores.f1 - 0.4).abs() < 1e-12);
    }
}
