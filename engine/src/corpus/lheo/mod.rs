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
mod draft;
mod mapping;
mod parser;
mod text;
mod values;

use std::path::Path;

use crate::model::Training;
use crate::{Error, Result};

use super::Batch;

/// Reads an LHEO 2.3 file (`<lheo><offres><formation>…`).
pub fn read_lheo(path: &Path) -> Result<Batch<Training>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(parse_lheo(&path.display().to_string(), &bytes))
}

/// Parses LHEO 2.3 XML; each `<action>` becomes one training, bad ones are rejected.
///
/// Never fails: a file that is not LHEO at all gives a batch with one rejection.
pub fn parse_lheo(source: &str, bytes: &[u8]) -> Batch<Training> {
    let mut parser = parser::Parser::new(source, bytes);
    parser.run();
    parser.batch
}
