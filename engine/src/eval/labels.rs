//! The reading of hand-label files shared by the evaluations: one JSON object a line,
//! blank lines and `#` comments skipped, errors naming the file and the line; and the
//! check that every labelled offer is among the postings read.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::model::JobPosting;
use crate::{Error, Result};

/// Which part of the labelled set a label belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelPart {
    /// Looked at while the cues were written.
    Tune,
    /// Labelled before tuning and kept out of sight while tuning.
    Check,
}

/// One line of a label file, read as JSON.
pub(super) struct LabelLine<'a> {
    source: &'a Path,
    number: u64,
    /// The line's JSON object.
    pub(super) value: serde_json::Value,
}

impl LabelLine<'_> {
    /// An error of this line.
    pub(super) fn fail(&self, message: String) -> Error {
        Error::Format {
            path: self.source.to_path_buf(),
            line: self.number,
            message,
        }
    }

    /// The string under `key`.
    pub(super) fn text(&self, key: &str) -> Result<&str> {
        self.value
            .get(key)
            .and_then(|v| v.as_str())
            .ok_or_else(|| self.fail(format!("missing string {key:?}")))
    }

    /// The byte offset under `key`.
    pub(super) fn offset(&self, key: &str) -> Result<usize> {
        self.value
            .get(key)
            .and_then(|v| v.as_u64())
            .and_then(|v| usize::try_from(v).ok())
            .ok_or_else(|| self.fail(format!("missing byte offset {key:?}")))
    }

    /// The `part`: `tune` or `check`.
    pub(super) fn part(&self) -> Result<LabelPart> {
        match self.text("part")? {
            "tune" => Ok(LabelPart::Tune),
            "check" => Ok(LabelPart::Check),
            other => Err(self.fail(format!("part {other:?}: expected tune or check"))),
        }
    }

    /// The non-empty byte span `start..end`.
    pub(super) fn span(&self) -> Result<(usize, usize)> {
        let (start, end) = (self.offset("start")?, self.offset("end")?);
        if start >= end {
            return Err(self.fail(format!("empty span {start}..{end}")));
        }
        Ok((start, end))
    }
}

/// Reads every label line of `text` with `parse`; blank lines and lines starting with
/// `#` are skipped, a line that is not JSON is an error; `source` names the file in
/// errors.
pub(super) fn parse_lines<T>(
    source: &Path,
    text: &str,
    parse: impl Fn(&LabelLine<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut labels = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut label = LabelLine {
            source,
            number: index as u64 + 1,
            value: serde_json::Value::Null,
        };
        label.value =
            serde_json::from_str(line).map_err(|e| label.fail(format!("not JSON: {e}")))?;
        labels.push(parse(&label)?);
    }
    Ok(labels)
}

/// The postings by id, after checking that each of `offers` is among them.
pub(super) fn postings_by_id<'a, 'b>(
    postings: &'a [JobPosting],
    offers: impl IntoIterator<Item = &'b str>,
) -> Result<HashMap<&'a str, &'a JobPosting>> {
    let by_id: HashMap<&str, &JobPosting> = postings.iter().map(|p| (p.id.as_str(), p)).collect();
    for offer in offers {
        if !by_id.contains_key(offer) {
            return Err(Error::NotFound {
                kind: crate::error::NotFoundKind::Offer,
                value: offer.to_string(),
            });
        }
    }
    Ok(by_id)
}

/// Asserts that `parse` refuses each of `lines`, read alone from a file `x`, with an
/// error naming its line.
#[cfg(test)]
pub(super) fn assert_lines_refused<T: std::fmt::Debug>(
    parse: impl Fn(&Path, &str) -> Result<Vec<T>>,
    lines: &[&str],
) {
    for line in lines {
        let error = parse(Path::new("x"), line).unwrap_err();
        assert!(error.to_string().starts_with("x: line 1:"), "{error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_name_the_line_of_an_error() {
        let parse = |source: &Path, text: &str| {
            parse_lines(source, text, |line| Ok((line.part()?, line.span()?)))
        };
        let labels = parse(
            Path::new("x"),
            "# comment\n\n{\"part\":\"check\",\"start\":1,\"end\":3}\n",
        )
        .unwrap();
        assert_eq!(labels, [(LabelPart::Check, (1, 3))]);
        let error = parse(Path::new("x"), "\n{\"part\":\"dev\"}").unwrap_err();
        assert!(error.to_string().starts_with("x: line 2:"), "{error}");
        assert_lines_refused(parse, &["not json", "{\"part\":\"tune\",\"start\":2}"]);
    }
}
