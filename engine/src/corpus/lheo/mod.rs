//! Reader of Carif-Oref training offers in LHEO 2.2 and 2.3 XML: each `<action>` becomes a [`Training`].
//!
//! LHEO (langage harmonisé d'échange d'informations sur l'offre de formation) is the
//! national exchange format of training offers. A file reads
//! `<lheo><offres><formation numero=…>…<action numero=…>…</action>…</formation>…`: the
//! formation says what is taught (title, objectives, content, certification, ROME and
//! Formacode codes, levels, the responsible organisation) and each action one way of
//! following it (place, modality, hours, sessions, trainer, funders).
//!
//! The file is read as a stream with quick-xml. Elements are compared by their local
//! name, so the namespace (`http://www.lheo.org/2.2` of Carif-Oref feeds,
//! `http://lheo.gouv.fr/2.3` of the current schema, none) or a prefix (`lheo:formation`)
//! changes nothing; unknown elements (`extras`, later additions of the schema) are
//! skipped. Formations are read in `<lheo><offres>` and, as some producers write them,
//! directly in `<lheo>`. A file declared ISO-8859-1, ISO-8859-15 or Windows-1252 is
//! transcoded first; a UTF-8 byte order mark is skipped.
//!
//! Real feeds are not schema-driven fixtures, and every text is read as a person reads
//! it (see `text`): a lone `-` (or `--`, `...`, blanks) means "not given" in any field;
//! HTML markup inside a field, escaped once, twice or in a CDATA section, is removed,
//! paragraphs and list items becoming lines, and HTML entities are resolved. The spans
//! of skills extracted from a training's curriculum thus point into clean text.
//!
//! How an action becomes a training:
//!
//! | training | LHEO |
//! |---|---|
//! | `id` | `lheo:<formation numero>:<action numero>` (the 1-based position when `numero` is absent) |
//! | `title` | `intitule-formation` (required) |
//! | `certification` | the first `certification/code-RNCP`, else `code-RS`; its title is the intitulé, its level the exit level (none for RS) |
//! | `rome`, `formacode` | `domaine-formation/code-ROME`, `code-FORMACODE` |
//! | `provider` | the first name given among `organisme-formateur/raison-sociale-formateur`, `organisme-formation-responsable/raison-sociale`, its `nom-organisme`, its `coordonnees-organisme/coordonnees/adresse/denomination`, the trainer's `contact-formateur/coordonnees/adresse/denomination`; else the action is rejected |
//! | `location` | the first `lieu-de-formation/coordonnees/adresse` |
//! | `modality` | `modalites-enseignement`: 0 présentiel, 1 mixte (hybride), 2 à distance |
//! | `duration_hours` | `nombre-heures-total`, else centre + entreprise, else hours in `duree-indicative` |
//! | `duration_months` | months in `duree-indicative` ("7 mois") |
//! | `entry_level`, `exit_level` | `code-niveau-entree`, `code-niveau-sortie`, see `values::national_level` |
//! | `sessions` | `session/periode/debut` and `fin` (`AAAAMMJJ` → ISO), `session/nombre-places` |
//! | `public` | keywords of `info-public-vise`, see `mapping::publics_of` |
//! | `funding` | `organisme-financeur/code-financeur`, see `mapping::funding_of` |
//! | `accessibility` | `acces-handicapes` |
//! | `curriculum` | `objectif-formation` and `resultats-attendus`; `conditions-specifiques` as prerequisites; `contenu-formation` as modules |
//!
//! Bad input never stops the read. An action whose fields are invalid is rejected with
//! the element at fault, the line where the action starts and its XML as `raw`.
//! Malformed XML rejects the actions of the formation where it occurs, and reading
//! resumes at the next `<formation>`.
//!
//! Who an action is for and who pays is also read into plain codes, see
//! [`LheoEligibility`] and [`parse_lheo_with_eligibility`].
//!
//! Rooms: `parser` reads the XML stream into `draft`s, `mapping` turns drafts into
//! trainings with the field readers of `values` and `text`, `eligibility` reads
//! publics and funding, `encoding` transcodes single-byte files.

mod draft;
mod eligibility;
mod encoding;
mod mapping;
mod parser;
mod text;
mod values;

use std::path::Path;

use crate::model::Training;
use crate::{Error, Result};

use super::Batch;

pub use eligibility::LheoEligibility;

/// Reads an LHEO 2.2 or 2.3 file (`<lheo><offres><formation>…`).
pub fn read_lheo(path: &Path) -> Result<Batch<Training>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(parse_lheo(&path.display().to_string(), &bytes))
}

/// Parses LHEO XML; each `<action>` becomes one training, bad ones are rejected.
///
/// Never fails: a file that is not LHEO at all gives a batch with one rejection.
pub fn parse_lheo(source: &str, bytes: &[u8]) -> Batch<Training> {
    parse_lheo_with_eligibility(source, bytes).0
}

/// Parses LHEO XML as [`parse_lheo`] does, with the eligibility of each accepted
/// training: the two lists have the same length and order.
pub fn parse_lheo_with_eligibility(
    source: &str,
    bytes: &[u8],
) -> (Batch<Training>, Vec<LheoEligibility>) {
    let bytes = encoding::to_utf8(bytes);
    let mut parser = parser::Parser::new(source, &bytes);
    parser.run();
    (parser.batch, parser.eligibility)
}
