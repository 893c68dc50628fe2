//! Drafts of a formation and its actions: the raw texts of the LHEO elements, kept as read.

/// A formation being read: its own fields and its actions, built at `</formation>`
/// because `organisme-formation-responsable` comes after the actions.
#[derive(Debug, Default)]
pub(super) struct FormationDraft {
    pub(super) numero: Option<String>,
    /// 1-based position among the formations of the file.
    pub(super) index: usize,
    pub(super) line: u64,
    pub(super) start: usize,
    pub(super) title: Option<String>,
    pub(super) objective: Option<String>,
    pub(super) results: Option<String>,
    pub(super) content: Option<String>,
    pub(super) formacodes: Vec<String>,
    pub(super) romes: Vec<String>,
    pub(super) certifications: Vec<CertificationDraft>,
    pub(super) entry_level: Option<String>,
    pub(super) exit_level: Option<String>,
    pub(super) responsible: Option<String>,
    pub(super) responsible_name: Option<String>,
    /// `organisme-formation-responsable/coordonnees-organisme/coordonnees/adresse/denomination`.
    pub(super) responsible_denomination: Option<String>,
    /// `certification/code-CPF`: codes of the former CPF lists.
    pub(super) cpf_codes: Vec<String>,
    pub(super) actions: Vec<ActionDraft>,
}

#[derive(Debug, Default)]
pub(super) struct CertificationDraft {
    pub(super) rncp: Option<String>,
    pub(super) rs: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct ActionDraft {
    pub(super) numero: Option<String>,
    pub(super) line: u64,
    pub(super) start: usize,
    /// Byte offset just after `</action>`, once read.
    pub(super) end: Option<usize>,
    pub(super) public_info: Option<String>,
    pub(super) modality: Option<String>,
    pub(super) conditions: Option<String>,
    pub(super) accessibility: Option<String>,
    /// How many `lieu-de-formation` were opened: only the first is kept.
    pub(super) places: usize,
    pub(super) location: LocationDraft,
    pub(super) sessions: Vec<SessionDraft>,
    pub(super) indicative_duration: Option<String>,
    pub(super) hours_centre: Option<String>,
    pub(super) hours_company: Option<String>,
    pub(super) hours_total: Option<String>,
    /// How many `organisme-formateur` were opened: only the first is kept.
    pub(super) trainers: usize,
    pub(super) trainer: Option<String>,
    /// `organisme-formateur/contact-formateur/coordonnees/adresse/denomination` of the first trainer.
    pub(super) trainer_denomination: Option<String>,
    pub(super) funders: Vec<String>,
    pub(super) public_codes: Vec<String>,
    pub(super) fees_left: Option<String>,
    pub(super) total_price: Option<String>,
    /// True when an `extras` block of the action says the action is CPF-eligible.
    pub(super) cpf_eligible: bool,
    /// The `info` attribute of the innermost `extra` being read.
    pub(super) extra_info: Option<String>,
    pub(super) disability_contact: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct LocationDraft {
    pub(super) city: Option<String>,
    pub(super) postcode: Option<String>,
    pub(super) commune: Option<String>,
    pub(super) lat: Option<String>,
    pub(super) lon: Option<String>,
}

#[derive(Debug, Default)]
pub(super) struct SessionDraft {
    pub(super) start: Option<String>,
    pub(super) end: Option<String>,
    pub(super) seats: Option<String>,
}

impl FormationDraft {
    /// Notes an element opening inside the formation; `parent` is its path below `<formation>`.
    ///
    /// `numero` is the attribute of an `action`, `info` that of an `extras` or `extra`.
    pub(super) fn open(
        &mut self,
        parent: &[&str],
        name: &str,
        attributes: OpenAttributes,
        line: u64,
        at: usize,
    ) {
        let OpenAttributes { numero, info } = attributes;
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
                    "extras" if is_cpf_block(info.as_deref()) => action.cpf_eligible = true,
                    "lieu-de-formation" => action.places += 1,
                    "organisme-formateur" => action.trainers += 1,
                    _ => {}
                }
            }
            (["action", ..], "extras") if is_cpf_block(info.as_deref()) => {
                if let Some(action) = self.actions.last_mut() {
                    action.cpf_eligible = true;
                }
            }
            (["action", ..], "extra") => {
                if let Some(action) = self.actions.last_mut() {
                    action.extra_info = info;
                }
            }
            _ => {}
        }
    }

    /// Keeps the text of an element closing inside the formation; `path` is its path
    /// below `<formation>`, itself included.
    pub(super) fn close(&mut self, path: &[&str], text: String, end: usize) {
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
            [
                "organisme-formation-responsable",
                "coordonnees-organisme",
                "coordonnees",
                "adresse",
                "denomination",
            ] => self.responsible_denomination = Some(text),
            ["certification", "code-CPF"] => self.cpf_codes.push(text),
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
    pub(super) fn id(&self) -> String {
        self.numero
            .clone()
            .unwrap_or_else(|| self.index.to_string())
    }
}

impl ActionDraft {
    pub(super) fn close(&mut self, path: &[&str], text: String) {
        let first_place = self.places == 1;
        match path {
            ["info-public-vise"] => self.public_info = Some(text),
            ["modalites-enseignement"] => self.modality = Some(text),
            ["conditions-specifiques"] => self.conditions = Some(text),
            ["acces-handicapes"] => self.accessibility = Some(text),
            ["code-public-vise"] => self.public_codes.push(text),
            ["frais-restants"] => self.fees_left = Some(text),
            ["prix-total-TTC"] => self.total_price = Some(text),
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
            [
                "organisme-formateur",
                "contact-formateur",
                "coordonnees",
                "adresse",
                "denomination",
            ] if self.trainers == 1 => {
                self.trainer_denomination.get_or_insert(text);
            }
            ["organisme-financeur", "code-financeur"] => self.funders.push(text),
            [.., "extra"] => {
                let info = self.extra_info.take().unwrap_or_default().to_lowercase();
                if info.contains("handicap") && self.disability_contact.is_none() {
                    self.disability_contact = Some(text);
                }
            }
            _ => {}
        }
    }
}

/// The attributes an opening element passes to the drafts.
#[derive(Debug, Default)]
pub(super) struct OpenAttributes {
    /// `numero` of an `action`.
    pub(super) numero: Option<String>,
    /// `info` of an `extras` or `extra`.
    pub(super) info: Option<String>,
}

/// Whether an `extras` block states CPF eligibility (`info="eligibilite-cpf"`).
fn is_cpf_block(info: Option<&str>) -> bool {
    info.is_some_and(|info| {
        let info = info.to_lowercase();
        info.contains("cpf") && info.contains("eligib")
    })
}
