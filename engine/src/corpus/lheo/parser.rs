//! The streaming XML reader: quick-xml events → formation drafts → accepted or rejected trainings.

use std::borrow::Cow;
use std::collections::HashSet;

use quick_xml::Reader;
use quick_xml::encoding::Decoder;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use tracing::warn;

use crate::model::Training;

use super::super::Batch;
use super::super::catalogue::check_training;
use super::draft::{FormationDraft, OpenAttributes};
use super::eligibility::{LheoEligibility, eligibility_of};
use super::mapping::{action_id, build_training};

/// A rejection of the whole file keeps at most this many bytes of it as `raw`.
const MAX_RAW_PREVIEW: usize = 4096;
/// How one pass of the XML reader ended.
enum Pass {
    /// The end of the input, or a root that is not `<lheo>`: nothing more to read.
    Done,
    /// Malformed XML, found at this byte offset of the input.
    Broken { at: usize, message: String },
}

/// Whether to go on reading after an element opened.
enum Flow {
    Continue,
    Stop,
}

/// The 1-based line of byte offsets, counted from the last offset asked.
///
/// Offsets are asked in increasing order except after malformed XML, so counting from
/// the last one costs the distance between them, not the whole prefix.
struct LineCursor {
    offset: usize,
    line: u64,
}

impl LineCursor {
    fn line_of(&mut self, bytes: &[u8], at: usize) -> u64 {
        let at = at.min(bytes.len());
        let newlines = |range: &[u8]| range.iter().filter(|&&b| b == b'\n').count() as u64;
        if at >= self.offset {
            self.line += newlines(&bytes[self.offset..at]);
        } else {
            self.line -= newlines(&bytes[at..self.offset]);
        }
        self.offset = at;
        self.line
    }
}

pub(super) struct Parser<'a> {
    bytes: &'a [u8],
    lines: LineCursor,
    pub(super) batch: Batch<Training>,
    /// The eligibility of each accepted training, in the order of `batch.records`.
    pub(super) eligibility: Vec<LheoEligibility>,
    /// Local names of the open elements, the root first.
    path: Vec<String>,
    /// Text of the innermost element being read (only inside a formation).
    text: String,
    formation: Option<FormationDraft>,
    /// The depth of the open formation: 2 in `<lheo><offres><formation>`, 1 when
    /// formations sit directly in `<lheo>` as some producers write them.
    formation_depth: usize,
    formations_seen: usize,
    root_line: Option<u64>,
    /// True once an `<offres>`, or a `<formation>` directly in `<lheo>`, was opened.
    offres_seen: bool,
    /// True once the file as a whole was rejected: no other file-level reason is added.
    file_rejected: bool,
    ids: HashSet<String>,
}

impl<'a> Parser<'a> {
    pub(super) fn new(source: &str, bytes: &'a [u8]) -> Parser<'a> {
        Parser {
            bytes,
            lines: LineCursor { offset: 0, line: 1 },
            batch: Batch::new(source),
            eligibility: Vec::new(),
            path: Vec::new(),
            text: String::new(),
            formation: None,
            formation_depth: 2,
            formations_seen: 0,
            root_line: None,
            offres_seen: false,
            file_rejected: false,
            ids: HashSet::new(),
        }
    }

    fn line_of(&mut self, at: usize) -> u64 {
        self.lines.line_of(self.bytes, at)
    }

    /// Reads the whole input, starting a new pass after each piece of malformed XML.
    pub(super) fn run(&mut self) {
        // quick-xml skips a byte order mark without counting it in its positions; starting
        // after it keeps offsets (and so lines and `raw`) true to the input.
        let mut offset = if self.bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        loop {
            match self.pass(offset) {
                Pass::Done => break,
                Pass::Broken { at, message } => match self.recover(offset, at, &message) {
                    Some(next) => offset = next,
                    None => break,
                },
            }
        }
        if self.file_rejected {
            return;
        }
        match self.root_line {
            None => self.reject_file(0, "not an LHEO file: no <lheo> root element".to_string()),
            Some(line) if !self.offres_seen => {
                let start = self.line_start(line);
                self.reject_file(start, "no <offres> element in <lheo>".to_string());
            }
            Some(_) => {}
        }
    }

    /// Reads events from `offset` until the end of the input or the first XML error.
    fn pass(&mut self, offset: usize) -> Pass {
        let bytes: &'a [u8] = self.bytes;
        let input = &bytes[offset.min(bytes.len())..];
        let mut reader = Reader::from_reader(input);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        // A pass that resumes at a `<formation>` sees the `</offres>` and `</lheo>` it did
        // not open; `close` checks every end tag against `path` instead.
        config.allow_unmatched_ends = !self.path.is_empty();
        let absolute = |position: u64| {
            offset
                .saturating_add(usize::try_from(position).unwrap_or(usize::MAX))
                .min(bytes.len())
        };
        loop {
            let before = absolute(reader.buffer_position());
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    return Pass::Broken {
                        at: absolute(reader.error_position()),
                        message: error.to_string(),
                    };
                }
            };
            let after = absolute(reader.buffer_position());
            let outcome = match event {
                Event::Start(start) => match self.open(&start, reader.decoder(), before) {
                    Flow::Continue => Ok(()),
                    Flow::Stop => return Pass::Done,
                },
                Event::End(end) => self.close(&local_name(end.local_name().as_ref()), after),
                Event::Text(text) if self.formation.is_some() => text
                    .xml10_content()
                    .map(|text| self.text.push_str(&text))
                    .map_err(|e| e.to_string()),
                Event::CData(data) if self.formation.is_some() => data
                    .decode()
                    .map(|text| self.text.push_str(&text))
                    .map_err(|e| e.to_string()),
                Event::GeneralRef(reference) if self.formation.is_some() => {
                    resolve_reference(&reference).map(|text| self.text.push_str(&text))
                }
                Event::Eof if self.formation.is_some() => {
                    return Pass::Broken {
                        at: bytes.len(),
                        message: "the file ends inside a <formation> (truncated XML)".to_string(),
                    };
                }
                Event::Eof => return Pass::Done,
                // Declarations, comments, processing instructions, text outside formations.
                _ => Ok(()),
            };
            if let Err(message) = outcome {
                return Pass::Broken {
                    at: before,
                    message,
                };
            }
        }
    }

    fn open(&mut self, start: &BytesStart<'_>, decoder: Decoder, at: usize) -> Flow {
        let name = local_name(start.local_name().as_ref());
        self.text.clear();
        match self.path.len() {
            0 if self.root_line.is_none() => {
                self.root_line = Some(self.line_of(at));
                if name != "lheo" {
                    self.reject_file(
                        at,
                        format!("root element <{name}> is not <lheo>: only LHEO offers are read"),
                    );
                    return Flow::Stop;
                }
            }
            1 if name == "offres" => self.offres_seen = true,
            depth @ (1 | 2)
                if name == "formation"
                    && self.formation.is_none()
                    && (depth == 1 || self.path[1] == "offres") =>
            {
                self.offres_seen = true;
                self.formation_depth = depth;
                self.formations_seen += 1;
                let line = self.line_of(at);
                self.formation = Some(FormationDraft {
                    numero: attribute(start, "numero", decoder),
                    index: self.formations_seen,
                    line,
                    start: at,
                    ..FormationDraft::default()
                });
            }
            depth if depth > self.formation_depth && self.formation.is_some() => {
                let attributes = OpenAttributes {
                    numero: (name == "action")
                        .then(|| attribute(start, "numero", decoder))
                        .flatten(),
                    info: matches!(name.as_str(), "extras" | "extra")
                        .then(|| attribute(start, "info", decoder))
                        .flatten(),
                };
                let line = if name == "action" {
                    self.line_of(at)
                } else {
                    0
                };
                let parent: Vec<&str> = self.path[self.formation_depth + 1..]
                    .iter()
                    .map(String::as_str)
                    .collect();
                if let Some(formation) = self.formation.as_mut() {
                    formation.open(&parent, &name, attributes, line, at);
                }
            }
            _ => {}
        }
        self.path.push(name);
        Flow::Continue
    }

    fn close(&mut self, name: &str, after: usize) -> Result<(), String> {
        match self.path.last() {
            Some(open) if open == name => {}
            Some(open) => return Err(format!("expected </{open}>, found </{name}>")),
            None => return Err(format!("</{name}> closes no open element")),
        }
        let text = std::mem::take(&mut self.text);
        let depth = self.formation_depth;
        if self.formation.is_some() && self.path.len() == depth + 1 {
            if let Some(formation) = self.formation.take() {
                self.finish_formation(formation, after);
            }
        } else if self.formation.is_some() && self.path.len() > depth + 1 {
            let path: Vec<&str> = self.path[depth + 1..].iter().map(String::as_str).collect();
            if let Some(formation) = self.formation.as_mut() {
                formation.close(&path, text, after);
            }
        }
        self.path.pop();
        Ok(())
    }

    /// Builds, checks and keeps (or rejects) the trainings of a complete formation.
    fn finish_formation(&mut self, formation: FormationDraft, end: usize) {
        let bytes = self.bytes;
        let formation_id = formation.id();
        if formation.actions.is_empty() {
            self.batch.reject(
                formation.line,
                Some(format!("lheo:{formation_id}")),
                "formation: no <action>, so no training to read".to_string(),
                slice(bytes, formation.start, end),
            );
            return;
        }
        for (index, action) in formation.actions.iter().enumerate() {
            let id = action_id(&formation_id, action, index);
            let raw = slice(bytes, action.start, action.end.unwrap_or(end));
            let built = build_training(&formation, action, id.clone())
                .and_then(|training| check_training(&training).map(|()| training));
            match built {
                Ok(_) if self.ids.contains(&id) => {
                    self.batch.reject(
                        action.line,
                        Some(id.clone()),
                        format!("duplicate id {id:?}"),
                        raw,
                    );
                }
                Ok(training) => {
                    self.ids.insert(id);
                    self.eligibility.push(eligibility_of(&formation, action));
                    self.batch.accept(action.line, training);
                }
                Err(reason) => self.batch.reject(action.line, Some(id), reason, raw),
            }
        }
    }

    /// Rejects what malformed XML at byte `at` spoils; returns where to read again.
    fn recover(&mut self, offset: usize, at: usize, message: &str) -> Option<usize> {
        let bytes = self.bytes;
        let error_line = self.line_of(at);
        let reason = format!("malformed XML at line {error_line}: {message}");
        // Inside `<lheo>` and one of its children (`<offres>` or a formation directly in
        // it), reading can resume at the next formation.
        let inside_offres = self.path.len() >= 2 && self.path[0] == "lheo";
        let container_depth = if inside_offres && self.path[1] == "offres" {
            2
        } else {
            1
        };
        if !inside_offres {
            if !self.file_rejected {
                let start = line_start_of(bytes, at);
                self.reject_file(start, reason);
            }
            return None;
        }
        warn!(
            source = %self.batch.report.source,
            line = error_line,
            "malformed lheo xml, resuming at the next formation"
        );
        let cut = line_end_of(bytes, at);
        let resume_from = match self.formation.take() {
            Some(formation) => {
                let formation_id = formation.id();
                if formation.actions.is_empty() {
                    self.batch.reject(
                        formation.line,
                        Some(format!("lheo:{formation_id}")),
                        reason.clone(),
                        slice(bytes, formation.start, cut),
                    );
                }
                for (index, action) in formation.actions.iter().enumerate() {
                    let raw = slice(bytes, action.start, action.end.unwrap_or(cut));
                    let id = action_id(&formation_id, action, index);
                    self.batch
                        .reject(action.line, Some(id), reason.clone(), raw);
                }
                formation.start + 1
            }
            None => {
                let start = line_start_of(bytes, at);
                self.batch
                    .reject(error_line, None, reason, slice(bytes, start, cut));
                at
            }
        };
        // Always move forward, so that every pass starts further than the previous one.
        let next = next_formation_start(bytes, resume_from.max(offset + 1))?;
        self.path.truncate(container_depth);
        self.text.clear();
        Some(next)
    }

    /// Rejects the file as a whole, keeping its beginning from `at` as `raw`.
    fn reject_file(&mut self, at: usize, reason: String) {
        let bytes = self.bytes;
        let line = self.line_of(at);
        let end = at.saturating_add(MAX_RAW_PREVIEW);
        self.batch.reject(line, None, reason, slice(bytes, at, end));
        self.file_rejected = true;
    }

    /// The byte offset where a 1-based line starts.
    fn line_start(&self, line: u64) -> usize {
        if line <= 1 {
            return 0;
        }
        self.bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(usize::try_from(line - 2).unwrap_or(usize::MAX))
            .map_or(self.bytes.len(), |(i, _)| i + 1)
    }
}

/// Resolves `&amp;`, `&#233;` and the other predefined references.
fn resolve_reference(
    reference: &quick_xml::events::BytesRef<'_>,
) -> Result<Cow<'static, str>, String> {
    if let Some(character) = reference.resolve_char_ref().map_err(|e| e.to_string())? {
        return Ok(Cow::Owned(character.to_string()));
    }
    let name = reference.decode().map_err(|e| e.to_string())?;
    resolve_predefined_entity(&name)
        .map(Cow::Borrowed)
        .ok_or_else(|| format!("unknown entity &{name};"))
}

/// The value of an attribute, compared by local name; unreadable values are ignored.
fn attribute(start: &BytesStart<'_>, name: &str, decoder: Decoder) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name.as_bytes())
        .and_then(|a| a.decode_and_unescape_value(decoder).ok())
        .map(|value| value.trim().to_string())
        .filter(|value| !value.is_empty())
}

fn local_name(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}
/// `bytes[start..end]`, both bounds clamped to the input.
fn slice(bytes: &[u8], start: usize, end: usize) -> &[u8] {
    let end = end.min(bytes.len());
    &bytes[start.min(end)..end]
}

fn line_start_of(bytes: &[u8], at: usize) -> usize {
    let at = at.min(bytes.len());
    bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

fn line_end_of(bytes: &[u8], at: usize) -> usize {
    let at = at.min(bytes.len());
    bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i)
}

/// The offset of the next `<formation` start tag (any prefix) at or after `from`.
///
/// Used only to resume after malformed XML, where the XML reader cannot go on.
fn next_formation_start(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        let open = i + bytes[i..].iter().position(|&b| b == b'<')?;
        let name_start = open + 1;
        let name_end = bytes[name_start..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
            .map(|p| name_start + p)?;
        let name = &bytes[name_start..name_end];
        let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
        if local == b"formation" {
            return Some(open);
        }
        i = name_start;
    }
    None
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resumption_finds_prefixed_formations_only() {
        let text = b"<offres><formations/><l:formation numero='2'></l:formation>";
        assert_eq!(next_formation_start(text, 0), Some(21));
        assert_eq!(next_formation_start(text, 22), None);
    }
}
