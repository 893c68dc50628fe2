//! Reader of Carif-Oref training offers in LHEO 2.3 XML: each `<action>` becomes a [`Training`].
//!
//! LHEO (langage harmonisé d'échange d'informations sur l'offre de formation) is the
//! national exchange format of training offers. A file reads
//! `<lheo><offres><formation numero=…>…<action numero=…>…</action>…</formation>…`: the
//! formation says what is taught (title, objectives, content, certification, ROME and
//! Formacode codes, levels, the responsible organisation) and each action one way of
//! following it (place, modality, hours, sessions, trainer, funders).
//!
//! The file is read as a stream with quick-xml. Elements are compared by their local
//! name, so a default namespace (`xmlns="http://lheo.gouv.fr/2.3"`) or a prefix changes
//! nothing; unknown elements (`extras`, later additions of the schema) are skipped.
//!
//! How an action becomes a training:
//!
//! | training | LHEO |
//! |---|---|
//! | `id` | `lheo:<formation numero>:<action numero>` (the 1-based position when `numero` is absent) |
//! | `title` | `intitule-formation` (required) |
//! | `certification` | the first `certification/code-RNCP`, else `code-RS`; its title is the intitulé, its level the exit level (none for RS) |
//! | `rome`, `formacode` | `domaine-formation/code-ROME`, `code-FORMACODE` |
//! | `provider` | `organisme-formateur/raison-sociale-formateur`, else `organisme-formation-responsable/raison-sociale`, else its `nom-organisme` |
//! | `location` | the first `lieu-de-formation/coordonnees/adresse` |
//! | `modality` | `modalites-enseignement`: 0 présentiel, 1 mixte (hybride), 2 à distance |
//! | `duration_hours` | `nombre-heures-total`, else centre + entreprise, else hours in `duree-indicative` |
//! | `duration_months` | months in `duree-indicative` ("7 mois") |
//! | `entry_level`, `exit_level` | `code-niveau-entree`, `code-niveau-sortie`, see [`national_level`] |
//! | `sessions` | `session/periode/debut` and `fin` (`AAAAMMJJ` → ISO), `session/nombre-places` |
//! | `publics` | keywords of `info-public-vise`, see [`publics_of`] |
//! | `funding` | `organisme-financeur/code-financeur`, see [`funding_of`] |
//! | `accessibility` | `acces-handicapes` |
//! | `curriculum` | `objectif-formation` and `resultats-attendus`; `conditions-specifiques` as prerequisites; `contenu-formation` as modules |
//!
//! Bad input never stops the read. An action whose fields are invalid is rejected with
//! the element at fault, the line where the action starts and its XML as `raw`.
//! Malformed XML rejects the actions of the formation where it occurs, and reading
//! resumes at the next `<formation>`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::encoding::Decoder;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use tracing::warn;

use crate::model::{
    Certification, Curriculum, CurriculumModule, Funding, InseeCode, Modality, Public, RomeCode,
    Session, Training, TrainingLocation,
};
use crate::{Error, Result};

use super::catalogue::check_training;
use super::{Batch, MAX_TEXT_BYTES};

/// A rejection of the whole file keeps at most this many bytes of it as `raw`.
const MAX_RAW_PREVIEW: usize = 4096;

/// A first line of a paragraph longer than this is prose, not a module heading.
const MAX_HEADING_CHARS: usize = 100;

/// The module title when `contenu-formation` has no headed paragraphs (shown to users).
const CONTENT_TITLE: &str = "Contenu de la formation";

/// Reads an LHEO 2.3 file (`<lheo><offres><formation>…`).
pub fn read_lheo(path: &Path) -> Result<Batch<Training>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(parse_lheo(&path.display().to_string(), &bytes))
}

/// Parses LHEO 2.3 XML; each `<action>` becomes one training, bad ones are rejected.
///
/// Never fails: a file that is not LHEO at all gives a batch with one rejection.
pub fn parse_lheo(source: &str, bytes: &[u8]) -> Batch<Training> {
    let mut parser = Parser::new(source, bytes);
    parser.run();
    parser.batch
}

/// A formation being read: its own fields and its actions, built at `</formation>`
/// because `organisme-formation-responsable` comes after the actions.
#[derive(Debug, Default)]
struct FormationDraft {
    numero: Option<String>,
    /// 1-based position among the formations of the file.
    index: usize,
    line: u64,
    start: usize,
    title: Option<String>,
    objective: Option<String>,
    results: Option<String>,
    content: Option<String>,
    formacodes: Vec<String>,
    romes: Vec<String>,
    certifications: Vec<CertificationDraft>,
    entry_level: Option<String>,
    exit_level: Option<String>,
    responsible: Option<String>,
    responsible_name: Option<String>,
    actions: Vec<ActionDraft>,
}

#[derive(Debug, Default)]
struct CertificationDraft {
    rncp: Option<String>,
    rs: Option<String>,
}

#[derive(Debug, Default)]
struct ActionDraft {
    numero: Option<String>,
    line: u64,
    start: usize,
    /// Byte offset just after `</action>`, once read.
    end: Option<usize>,
    public_info: Option<String>,
    modality: Option<String>,
    conditions: Option<String>,
    accessibility: Option<String>,
    /// How many `lieu-de-formation` were opened: only the first is kept.
    places: usize,
    location: LocationDraft,
    sessions: Vec<SessionDraft>,
    indicative_duration: Option<String>,
    hours_centre: Option<String>,
    hours_company: Option<String>,
    hours_total: Option<String>,
    /// How many `organisme-formateur` were opened: only the first is kept.
    trainers: usize,
    trainer: Option<String>,
    funders: Vec<String>,
}

#[derive(Debug, Default)]
struct LocationDraft {
    city: Option<String>,
    postcode: Option<String>,
    commune: Option<String>,
    lat: Option<String>,
    lon: Option<String>,
}

#[derive(Debug, Default)]
struct SessionDraft {
    start: Option<String>,
    end: Option<String>,
    seats: Option<String>,
}

impl FormationDraft {
    /// Notes an element opening inside the formation; `parent` is its path below `<formation>`.
    fn open(&mut self, parent: &[&str], name: &str, numero: Option<String>, line: u64, at: usize) {
        match (parent, name) {
            ([], "action") => self.actions.push(ActionDraft {
                numero,
                line,
                start: at,
                ..ActionDraft::default()
            }),
            ([], "certification") => self.certifications.push(CertificationDraft::default()),
            (["action"], _) => {
                let Some(action) = self.actions.last_mut() else {
                    return;
                };
                match name {
                    "session" => action.sessions.push(SessionDraft::default()),
                    "lieu-de-formation" => action.places += 1,
                    "organisme-formateur" => action.trainers += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// Keeps the text of an element closing inside the formation; `path` is its path
    /// below `<formation>`, itself included.
    fn close(&mut self, path: &[&str], text: String, end: usize) {
        match path {
            ["domaine-formation", "code-FORMACODE"] => self.formacodes.push(text),
            ["domaine-formation", "code-ROME"] => self.romes.push(text),
            ["intitule-formation"] => self.title = Some(text),
            ["objectif-formation"] => self.objective = Some(text),
            ["resultats-attendus"] => self.results = Some(text),
            ["contenu-formation"] => self.content = Some(text),
            ["code-niveau-entree"] => self.entry_level = Some(text),
            ["code-niveau-sortie"] => self.exit_level = Some(text),
            ["certification", "code-RNCP"] => {
                if let Some(certification) = self.certifications.last_mut() {
                    certification.rncp = Some(text);
                }
            }
            ["certification", "code-RS"] => {
                if let Some(certification) = self.certifications.last_mut() {
                    certification.rs = Some(text);
                }
            }
            ["organisme-formation-responsable", "raison-sociale"] => self.responsible = Some(text),
            ["organisme-formation-responsable", "nom-organisme"] => {
                self.responsible_name = Some(text);
            }
            ["action"] => {
                if let Some(action) = self.actions.last_mut() {
                    action.end = Some(end);
                }
            }
            ["action", rest @ ..] => {
                if let Some(action) = self.actions.last_mut() {
                    action.close(rest, text);
                }
            }
            _ => {}
        }
    }

    /// The formation's part of the training ids.
    fn id(&self) -> String {
        self.numero
            .clone()
            .unwrap_or_else(|| self.index.to_string())
    }
}

impl ActionDraft {
    fn close(&mut self, path: &[&str], text: String) {
        let first_place = self.places == 1;
        match path {
            ["info-public-vise"] => self.public_info = Some(text),
            ["modalites-enseignement"] => self.modality = Some(text),
            ["conditions-specifiques"] => self.conditions = Some(text),
            ["acces-handicapes"] => self.accessibility = Some(text),
            ["lieu-de-formation", "coordonnees", "adresse", field] if first_place => match *field {
                "ville" => self.location.city = Some(text),
                "codepostal" => self.location.postcode = Some(text),
                "code-INSEE-commune" => self.location.commune = Some(text),
                _ => {}
            },
            [
                "lieu-de-formation",
                "coordonnees",
                "adresse",
                "geolocalisation",
                axis,
            ] if first_place => match *axis {
                "latitude" => self.location.lat = Some(text),
                "longitude" => self.location.lon = Some(text),
                _ => {}
            },
            ["session", rest @ ..] => {
                let Some(session) = self.sessions.last_mut() else {
                    return;
                };
                match rest {
                    ["periode", "debut"] => session.start = Some(text),
                    ["periode", "fin"] => session.end = Some(text),
                    ["nombre-places"] => session.seats = Some(text),
                    _ => {}
                }
            }
            ["duree-indicative"] => self.indicative_duration = Some(text),
            ["nombre-heures-centre"] => self.hours_centre = Some(text),
            ["nombre-heures-entreprise"] => self.hours_company = Some(text),
            ["nombre-heures-total"] => self.hours_total = Some(text),
            ["organisme-formateur", "raison-sociale-formateur"] if self.trainers == 1 => {
                self.trainer = Some(text);
            }
            ["organisme-financeur", "code-financeur"] => self.funders.push(text),
            _ => {}
        }
    }
}

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

struct Parser<'a> {
    bytes: &'a [u8],
    lines: LineCursor,
    batch: Batch<Training>,
    /// Local names of the open elements, the root first.
    path: Vec<String>,
    /// Text of the innermost element being read (only inside a formation).
    text: String,
    formation: Option<FormationDraft>,
    formations_seen: usize,
    root_line: Option<u64>,
    offres_seen: bool,
    /// True once the file as a whole was rejected: no other file-level reason is added.
    file_rejected: bool,
    ids: HashSet<String>,
}

impl<'a> Parser<'a> {
    fn new(source: &str, bytes: &'a [u8]) -> Parser<'a> {
        Parser {
            bytes,
            lines: LineCursor { offset: 0, line: 1 },
            batch: Batch::new(source),
            path: Vec::new(),
            text: String::new(),
            formation: None,
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
    fn run(&mut self) {
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
            2 if name == "formation" && self.path[1] == "offres" => {
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
            depth if depth >= 3 && self.formation.is_some() => {
                let numero = (name == "action")
                    .then(|| attribute(start, "numero", decoder))
                    .flatten();
                let line = if name == "action" {
                    self.line_of(at)
                } else {
                    0
                };
                let parent: Vec<&str> = self.path[3..].iter().map(String::as_str).collect();
                if let Some(formation) = self.formation.as_mut() {
                    formation.open(&parent, &name, numero, line, at);
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
        if self.formation.is_some() && self.path.len() == 3 {
            if let Some(formation) = self.formation.take() {
                self.finish_formation(formation, after);
            }
        } else if self.path.len() > 3 {
            let path: Vec<&str> = self.path[3..].iter().map(String::as_str).collect();
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
        let inside_offres = self.path.len() >= 2 && self.path[1] == "offres";
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
        self.path.truncate(2);
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

/// The id of an action: `lheo:<formation>:<action>`, positions standing in for `numero`.
fn action_id(formation_id: &str, action: &ActionDraft, index: usize) -> String {
    let action_numero = action
        .numero
        .clone()
        .unwrap_or_else(|| (index + 1).to_string());
    format!("lheo:{formation_id}:{action_numero}")
}

/// Turns the drafts of a formation and one of its actions into a training.
fn build_training(
    formation: &FormationDraft,
    action: &ActionDraft,
    id: String,
) -> Result<Training, String> {
    let title = clean(formation.title.as_ref())
        .map(|title| one_line(&title))
        .ok_or("intitule-formation: missing or empty, the action has no title")?;
    let objective = clean(formation.objective.as_ref());
    let results = clean(formation.results.as_ref());
    let content = clean(formation.content.as_ref()).unwrap_or_default();
    let objectives = [objective, results]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n\n");
    let size = title.len() + objectives.len() + content.len();
    if size > MAX_TEXT_BYTES {
        return Err(format!(
            "contenu-formation: text is {size} bytes, over the limit of {MAX_TEXT_BYTES} bytes"
        ));
    }

    let mut rome = Vec::new();
    for code in formation.romes.iter().filter_map(|c| clean(Some(c))) {
        let code =
            RomeCode::parse(&code).map_err(|e| format!("domaine-formation/code-ROME: {e}"))?;
        if !rome.contains(&code) {
            rome.push(code);
        }
    }
    let mut formacode = Vec::new();
    for code in formation.formacodes.iter().filter_map(|c| clean(Some(c))) {
        if code.len() != 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "domaine-formation/code-FORMACODE: {code:?} is not a Formacode (five digits)"
            ));
        }
        if !formacode.contains(&code) {
            formacode.push(code);
        }
    }

    let entry_level = national_level("code-niveau-entree", formation.entry_level.as_ref())?;
    let exit_level = national_level("code-niveau-sortie", formation.exit_level.as_ref())?;
    let certification = certification(formation, &title, exit_level)?;

    let provider = [
        action.trainer.as_ref(),
        formation.responsible.as_ref(),
        formation.responsible_name.as_ref(),
    ]
    .into_iter()
    .filter_map(clean)
    .map(|name| one_line(&name))
    .next()
    .ok_or(
        "organisme-formateur/raison-sociale-formateur and \
         organisme-formation-responsable/raison-sociale: both missing, the action has no provider",
    )?;

    let modality = match clean(action.modality.as_ref()).as_deref() {
        // The element is mandatory in LHEO; most offers that omit it are on site.
        None | Some("0") => Modality::Presentiel,
        Some("1") => Modality::Hybride,
        Some("2") => Modality::Distanciel,
        Some(other) => {
            return Err(format!(
                "modalites-enseignement: {other:?} is not 0 (présentiel), 1 (mixte) or 2 (à distance)"
            ));
        }
    };

    let location = location(&action.location)?;
    let (indicative_hours, duration_months) = clean(action.indicative_duration.as_ref())
        .map(|text| indicative_duration(&text))
        .unwrap_or_default();
    let total = hours("nombre-heures-total", action.hours_total.as_ref())?;
    let centre = hours("nombre-heures-centre", action.hours_centre.as_ref())?;
    let company = hours("nombre-heures-entreprise", action.hours_company.as_ref())?;
    let parts = match (centre, company) {
        (None, None) => None,
        (centre, company) => Some(centre.unwrap_or(0).saturating_add(company.unwrap_or(0))),
    };
    let duration_hours = total.or(parts).or(indicative_hours);

    let sessions = sessions(&action.sessions)?;
    let publics = clean(action.public_info.as_ref())
        .map(|text| publics_of(&text))
        .unwrap_or_default();
    let mut funding: Vec<Funding> = Vec::new();
    for name in action.funders.iter().filter_map(|code| funding_of(code)) {
        if !funding.contains(&name) {
            funding.push(name);
        }
    }

    Ok(Training {
        id,
        title,
        certification,
        provider,
        location,
        modality,
        duration_hours,
        duration_months,
        entry_level,
        exit_level,
        rome,
        formacode,
        sessions,
        label: None,
        publics,
        reserved_to: Vec::new(),
        funding,
        accessible_rqth: None,
        disability_contact: None,
        accessibility: clean(action.accessibility.as_ref()),
        curriculum: Curriculum {
            objectives,
            prerequisites: clean(action.conditions.as_ref()),
            modules: modules_of(&content),
        },
        demo: false,
    })
}

/// Maps a code of the LHEO table `dict-niveaux` to a level 3 to 8 of the national
/// framework of 2019 (décret n° 2019-14), where the correspondence is certain.
///
/// | LHEO code | meaning | level |
/// |---|---|---|
/// | 0, 1 | not given; no specific level | none |
/// | 2, 3 | former levels VI and V bis (below CAP) | none: no certain equivalent |
/// | 4 | former level V (CAP, BEP) | 3 |
/// | 5 | former level IV (baccalauréat) | 4 |
/// | 6 | former level III (bac + 2: BTS, DUT) | 5 |
/// | 7 | former level II (bac + 3 and 4) | 6 |
/// | 8 | former level I (bac + 5 and more) | none: it covers both 7 and 8 |
/// | 11, 12 | levels 1 and 2 of the 2019 framework | none: below the 3 to 8 that Passerelle uses |
/// | 13 to 18 | levels 3 to 8 of the 2019 framework | 3 to 8 |
///
/// Other numbers (later additions to the table) give none; text that is not a number is
/// an error naming the field.
fn national_level(field: &str, code: Option<&String>) -> Result<Option<u8>, String> {
    let Some(code) = clean(code) else {
        return Ok(None);
    };
    let value: u32 = code
        .parse()
        .map_err(|_| format!("{field}: {code:?} is not a code of the LHEO level table"))?;
    Ok(match value {
        4 => Some(3),
        5 => Some(4),
        6 => Some(5),
        7 => Some(6),
        13..=18 => u8::try_from(value - 10).ok(),
        _ => None,
    })
}

/// The certification prepared: the first RNCP title, else the first RS certificate.
/// Every code given is checked, even those not kept.
fn certification(
    formation: &FormationDraft,
    title: &str,
    exit_level: Option<u8>,
) -> Result<Option<Certification>, String> {
    let mut rncp = None;
    let mut rs = None;
    for draft in &formation.certifications {
        if let Some(code) = clean(draft.rncp.as_ref()) {
            let code = certification_code("RNCP", &code).ok_or_else(|| {
                format!(
                    "certification/code-RNCP: {code:?} is not an RNCP code (digits, e.g. 37674 or RNCP37674)"
                )
            })?;
            rncp.get_or_insert(code);
        }
        if let Some(code) = clean(draft.rs.as_ref()) {
            let code = certification_code("RS", &code).ok_or_else(|| {
                format!("certification/code-RS: {code:?} is not an RS code (digits, e.g. 5487 or RS5487)")
            })?;
            rs.get_or_insert(code);
        }
    }
    let certification = |kind: &str, code: String, level: Option<u8>| Certification {
        kind: kind.to_string(),
        code,
        title: title.to_string(),
        level,
    };
    Ok(rncp
        .map(|code| certification("RNCP", code, exit_level))
        .or_else(|| rs.map(|code| certification("RS", code, None))))
}

/// Normalises `37674` or `RNCP37674` to `RNCP37674` (and the same for `RS`).
fn certification_code(prefix: &str, text: &str) -> Option<String> {
    let digits = match text.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(prefix) => &text[prefix.len()..],
        _ => text,
    }
    .trim();
    let valid = (1..=6).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| format!("{prefix}{digits}"))
}

fn location(draft: &LocationDraft) -> Result<TrainingLocation, String> {
    const ADDRESS: &str = "lieu-de-formation/coordonnees/adresse";
    let commune = clean(draft.commune.as_ref())
        .map(|code| InseeCode::parse(&code))
        .transpose()
        .map_err(|e| format!("{ADDRESS}/code-INSEE-commune: {e}"))?;
    let lat = coordinate(
        &format!("{ADDRESS}/geolocalisation/latitude"),
        draft.lat.as_ref(),
    )?;
    let lon = coordinate(
        &format!("{ADDRESS}/geolocalisation/longitude"),
        draft.lon.as_ref(),
    )?;
    Ok(TrainingLocation {
        commune,
        city: clean(draft.city.as_ref()).map(|city| one_line(&city)),
        postcode: clean(draft.postcode.as_ref()),
        lat,
        lon,
    })
}

/// A latitude or longitude, accepting a decimal comma.
fn coordinate(field: &str, text: Option<&String>) -> Result<Option<f64>, String> {
    let Some(text) = clean(text) else {
        return Ok(None);
    };
    match text.replace(',', ".").parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(format!("{field}: {text:?} is not a coordinate")),
    }
}

/// A number of hours; decimals are rounded.
fn hours(field: &str, text: Option<&String>) -> Result<Option<u32>, String> {
    let Some(text) = clean(text) else {
        return Ok(None);
    };
    match text.replace(',', ".").parse::<f64>() {
        Ok(value) if (0.0..=100_000.0).contains(&value) => Ok(Some(value.round() as u32)),
        _ => Err(format!("{field}: {text:?} is not a number of hours")),
    }
}

/// The sessions with a known start; the 1-based `session[n]` names the one at fault.
fn sessions(drafts: &[SessionDraft]) -> Result<Vec<Session>, String> {
    let mut sessions = Vec::new();
    for (index, draft) in drafts.iter().enumerate() {
        let n = index + 1;
        let Some(start) = lheo_date(&format!("session[{n}]/periode/debut"), draft.start.as_ref())?
        else {
            continue;
        };
        let end = lheo_date(&format!("session[{n}]/periode/fin"), draft.end.as_ref())?;
        if let Some(end) = &end
            && end < &start
        {
            return Err(format!(
                "session[{n}]/periode: fin {end} is before debut {start}"
            ));
        }
        let seats = match clean(draft.seats.as_ref()) {
            None => None,
            Some(text) => Some(text.parse::<u32>().map_err(|_| {
                format!("session[{n}]/nombre-places: {text:?} is not a number of seats")
            })?),
        };
        sessions.push(Session {
            start,
            end,
            seats,
            seats_taken: None,
        });
    }
    Ok(sessions)
}

/// Converts an LHEO date `AAAAMMJJ` to ISO `AAAA-MM-JJ`, checking the calendar day.
///
/// `00000000` and `99999999`, which producers write for an unknown or open date, give
/// none: a session without a known start is skipped, one without an end stays open.
fn lheo_date(field: &str, text: Option<&String>) -> Result<Option<String>, String> {
    let Some(text) = clean(text) else {
        return Ok(None);
    };
    if text == "00000000" || text == "99999999" {
        return Ok(None);
    }
    let invalid = || format!("{field}: {text:?} is not a date (AAAAMMJJ)");
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid());
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (number(0..4), number(4..6), number(6..8));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(invalid()),
    };
    if year == 0 || !(1..=days).contains(&day) {
        return Err(invalid());
    }
    Ok(Some(format!(
        "{}-{}-{}",
        &text[..4],
        &text[4..6],
        &text[6..]
    )))
}

/// The hours and months found in free text such as `"455 heures"`, `"35h"` or `"7 mois"`:
/// the first number followed by each unit.
fn indicative_duration(text: &str) -> (Option<u32>, Option<f32>) {
    let mut hours = None;
    let mut months = None;
    let chars: Vec<char> = text.to_lowercase().chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit()
                || (matches!(chars[i], ',' | '.')
                    && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let number: String = chars[start..i]
            .iter()
            .map(|&c| if c == ',' { '.' } else { c })
            .collect();
        let unit: String = chars[i..]
            .iter()
            .skip_while(|c| c.is_whitespace())
            .take_while(|c| c.is_alphabetic())
            .collect();
        let Ok(value) = number.parse::<f64>() else {
            continue;
        };
        if (unit == "h" || unit.starts_with("heure")) && (0.0..=100_000.0).contains(&value) {
            hours.get_or_insert(value.round() as u32);
        } else if unit == "mois" && (0.0..=120.0).contains(&value) {
            months.get_or_insert(value as f32);
        }
    }
    (hours, months)
}

/// Splits `contenu-formation` into modules when every paragraph (blocks separated by
/// blank lines) opens with a short heading line, e.g. `Module 2 : Back-end (280 h)`;
/// otherwise the whole content is one module. Hours in a heading become the module's.
fn modules_of(content: &str) -> Vec<CurriculumModule> {
    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    let mut current = Vec::new();
    for line in content.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    if paragraphs.is_empty() {
        return Vec::new();
    }
    let headed = paragraphs.len() >= 2
        && paragraphs
            .iter()
            .all(|p| p.len() >= 2 && p[0].chars().count() <= MAX_HEADING_CHARS);
    if !headed {
        let content = paragraphs
            .iter()
            .map(|p| p.join("\n"))
            .collect::<Vec<_>>()
            .join("\n\n");
        return vec![CurriculumModule {
            title: CONTENT_TITLE.to_string(),
            hours: None,
            content,
        }];
    }
    paragraphs
        .iter()
        .map(|p| {
            let title = p[0].trim_end_matches(':').trim_end().to_string();
            CurriculumModule {
                hours: indicative_duration(&title).0,
                title,
                content: p[1..].join("\n"),
            }
        })
        .collect()
}

/// Publics named in the free text `info-public-vise`, in Passerelle's vocabulary.
///
/// `code-public-vise` holds codes of the Formacode list of publics, which Passerelle does
/// not embed; rather than guess what a code means, only words of the text are used.
fn publics_of(text: &str) -> Vec<Public> {
    let text = text.to_lowercase().replace('’', "'");
    let has = |words: &[&str]| words.iter().any(|word| text.contains(word));
    [
        (
            has(&["demandeur", "recherche d'emploi"]),
            Public::DemandeursEmploi,
        ),
        (has(&["jeune"]), Public::Jeunes),
        (has(&["femme"]), Public::Femmes),
        (
            has(&["qpv", "quartier prioritaire", "quartiers prioritaires"]),
            Public::Qpv,
        ),
        (has(&["salarié"]), Public::Salaries),
        (has(&["tout public", "tous publics"]), Public::ToutPublic),
        (has(&["rqth", "handicap"]), Public::Rqth),
    ]
    .into_iter()
    .filter(|&(found, _)| found)
    .map(|(_, public)| public)
    .collect()
}

/// Funders of the LHEO table `dict-financeurs` as Passerelle's [`Funding`] codes.
///
/// Code 16 (OPCA) is `opco`, the operators that replaced the OPCA in 2019; code 10 (the
/// learner) is `personnel`; the European social fund (3), départements (8), communes (9)
/// and code 17 (OPACIF, now Transitions Pro) are `autre`. Codes without a clear funder
/// (0 other, 1 obsolete, 6 ACSÉ, 14 and 15 "other") give none.
fn funding_of(code: &str) -> Option<Funding> {
    match code.trim() {
        "2" => Some(Funding::Region),
        "3" | "8" | "9" | "17" => Some(Funding::Autre),
        "4" => Some(Funding::FranceTravail),
        "5" => Some(Funding::Entreprise),
        "7" => Some(Funding::Agefiph),
        "10" => Some(Funding::Personnel),
        "11" | "12" | "13" => Some(Funding::Etat),
        "16" => Some(Funding::Opco),
        _ => None,
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

/// The trimmed text, none when blank.
fn clean(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The text on one line, runs of blanks made one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
    fn levels_map_only_where_certain() {
        let check = |code: &str, expect: Option<u8>| {
            let code = code.to_string();
            assert_eq!(national_level("f", Some(&code)).unwrap(), expect, "{code}");
        };
        for (code, level) in [("4", 3), ("5", 4), ("6", 5), ("7", 6), ("13", 3), ("18", 8)] {
            check(code, Some(level));
        }
        for code in ["0", "1", "2", "3", "8", "11", "12", "19", " "] {
            check(code, None);
        }
        let bad = "bac+2".to_string();
        assert!(
            national_level("code-niveau-entree", Some(&bad))
                .unwrap_err()
                .starts_with("code-niveau-entree: ")
        );
    }

    #[test]
    fn dates_convert_and_check_the_calendar() {
        let check = |text: &str| lheo_date("debut", Some(&text.to_string()));
        assert_eq!(check("20260504").unwrap().as_deref(), Some("2026-05-04"));
        assert_eq!(check("20240229").unwrap().as_deref(), Some("2024-02-29"));
        assert_eq!(check("00000000").unwrap(), None);
        assert_eq!(check("99999999").unwrap(), None);
        for bad in [
            "20250229",
            "20261301",
            "20260431",
            "2026-05-04",
            "2026054",
            "00001010",
        ] {
            assert!(check(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn certification_codes_are_normalised() {
        assert_eq!(
            certification_code("RNCP", "37674").as_deref(),
            Some("RNCP37674")
        );
        assert_eq!(
            certification_code("RNCP", "rncp 37674").as_deref(),
            Some("RNCP37674")
        );
        assert_eq!(
            certification_code("RS", "RS5487").as_deref(),
            Some("RS5487")
        );
        for bad in ["", "RNCP", "RNCP-37A74", "1234567", "RS12"] {
            assert_eq!(certification_code("RNCP", bad), None, "{bad}");
        }
    }

    #[test]
    fn indicative_durations_find_hours_and_months() {
        assert_eq!(indicative_duration("455 heures"), (Some(455), None));
        assert_eq!(
            indicative_duration("35h par semaine sur 7 mois"),
            (Some(35), Some(7.0))
        );
        assert_eq!(indicative_duration("3,5 mois"), (None, Some(3.5)));
        assert_eq!(indicative_duration("Module 1 : Python"), (None, None));
    }

    #[test]
    fn headed_paragraphs_become_modules() {
        let modules = modules_of("Module 1 : Front (70 h)\nHTML, CSS\n\nModule 2 : Back\nPHP\nSQL");
        assert_eq!(modules.len(), 2);
        assert_eq!(modules[0].title, "Module 1 : Front (70 h)");
        assert_eq!(modules[0].hours, Some(70));
        assert_eq!(modules[1].content, "PHP\nSQL");
        let single = modules_of("  Une seule phrase de contenu.\n  Et une autre.  ");
        assert_eq!(single.len(), 1);
        assert_eq!(single[0].title, CONTENT_TITLE);
        assert_eq!(
            single[0].content,
            "Une seule phrase de contenu.\nEt une autre."
        );
        assert!(modules_of(" \n ").is_empty());
    }

    #[test]
    fn resumption_finds_prefixed_formations_only() {
        let text = b"<offres><formations/><l:formation numero='2'></l:formation>";
        assert_eq!(next_formation_start(text, 0), Some(21));
        assert_eq!(next_formation_start(text, 22), None);
    }
}
