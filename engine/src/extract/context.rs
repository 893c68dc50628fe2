//! The context of a match: which section of a posting it sits in (requirements or
//! company presentation, benefits, legal boilerplate) and whether the sentence says the
//! skill is required ("maîtrise indispensable") or wished ("serait apprécié").

use crate::text::fold;

/// The kind of section a stretch of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Missions, profile, skills: what the job requires.
    Requirements,
    /// Company presentation ("Qui sommes-nous ?").
    Company,
    /// Salary, perks and working conditions.
    Benefits,
    /// Equal-opportunity and data-protection boilerplate.
    Legal,
}

impl Section {
    /// How much a skill found in this section counts.
    pub fn weight(self) -> f32 {
        match self {
            Section::Requirements => 1.0,
            Section::Company => 0.5,
            Section::Benefits => 0.4,
            Section::Legal => 0.3,
        }
    }
}

/// Headings that open a section, matched at the start of a folded line.
const HEADINGS: &[(&str, Section)] = &[
    ("qui sommes-nous", Section::Company),
    ("qui sommes nous", Section::Company),
    ("a propos", Section::Company),
    ("l'entreprise", Section::Company),
    ("notre entreprise", Section::Company),
    ("notre societe", Section::Company),
    ("la societe", Section::Company),
    ("presentation de l'entreprise", Section::Company),
    ("presentation de la societe", Section::Company),
    ("notre client", Section::Company),
    ("le groupe", Section::Company),
    ("avantages", Section::Benefits),
    ("nos avantages", Section::Benefits),
    ("ce que nous offrons", Section::Benefits),
    ("ce que nous vous offrons", Section::Benefits),
    ("nous vous offrons", Section::Benefits),
    ("pourquoi nous rejoindre", Section::Benefits),
    ("pourquoi rejoindre", Section::Benefits),
    ("remuneration", Section::Benefits),
    ("salaire", Section::Benefits),
    ("conditions", Section::Benefits),
    ("informations complementaires", Section::Benefits),
    ("profil", Section::Requirements),
    ("votre profil", Section::Requirements),
    ("missions", Section::Requirements),
    ("vos missions", Section::Requirements),
    ("le poste", Section::Requirements),
    ("description du poste", Section::Requirements),
    ("competences", Section::Requirements),
    ("vos competences", Section::Requirements),
    ("savoir-etre", Section::Requirements),
    ("qualites", Section::Requirements),
    ("environnement technique", Section::Requirements),
    ("stack", Section::Requirements),
    ("vos responsabilites", Section::Requirements),
    ("votre role", Section::Requirements),
];

/// Phrases that mark a paragraph as boilerplate wherever it stands.
const PARAGRAPH_CUES: &[(&str, Section)] = &[
    ("egalite des chances", Section::Legal),
    ("situation de handicap", Section::Legal),
    ("toutes nos offres sont ouvertes", Section::Legal),
    ("poste ouvert aux personnes", Section::Legal),
    ("donnees personnelles", Section::Legal),
    ("conformement", Section::Legal),
    ("discrimination", Section::Legal),
    ("diversite", Section::Legal),
    ("tickets restaurant", Section::Benefits),
    ("ticket restaurant", Section::Benefits),
    ("titres restaurant", Section::Benefits),
    ("mutuelle", Section::Benefits),
    ("rtt", Section::Benefits),
    ("comite d'entreprise", Section::Benefits),
    ("13eme mois", Section::Benefits),
    ("chiffre d'affaires", Section::Company),
    ("nous sommes", Section::Company),
    ("fondee en", Section::Company),
    ("creee en", Section::Company),
    ("leader", Section::Company),
    ("collaborateurs", Section::Company),
    ("implantee", Section::Company),
];

/// Splits a text into lines and gives each line's byte range a section.
pub fn sections(text: &str) -> Vec<(usize, usize, Section)> {
    let mut out = Vec::new();
    let mut current = Section::Requirements;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let folded = fold(line.trim());
        let folded = folded.trim_start_matches(|c: char| !c.is_alphanumeric());
        if folded.is_empty() {
            continue;
        }
        // A heading is short and opens with a known word.
        let heading = HEADINGS
            .iter()
            .filter(|_| folded.len() <= 60)
            .find(|(h, _)| folded.starts_with(h))
            .map(|(_, s)| *s);
        let section = match heading {
            Some(section) => {
                current = section;
                section
            }
            None => PARAGRAPH_CUES
                .iter()
                .filter(|(cue, _)| folded.contains(cue))
                .map(|(_, s)| *s)
                // Lines that also state a requirement stay requirements.
                .find(|_| !has_requirement_words(folded))
                .unwrap_or(current),
        };
        out.push((start, offset, section));
    }
    out
}

fn has_requirement_words(folded: &str) -> bool {
    [
        "maitrise",
        "competence",
        "experience",
        "connaissance",
        "profil",
        "vous savez",
    ]
    .iter()
    .any(|w| folded.contains(w))
}

/// The section of the byte offset `at`, given the output of [`sections`].
pub fn section_at(sections: &[(usize, usize, Section)], at: usize) -> Section {
    sections
        .iter()
        .find(|(start, end, _)| (*start..*end).contains(&at))
        .map_or(Section::Requirements, |(_, _, s)| *s)
}

/// Cues of a required skill (exigé).
const REQUIRED_CUES: &[&str] = &[
    "indispensable",
    "exige",
    "obligatoire",
    "imperati",
    "requis",
    "necessaire",
    "incontournable",
    "vous maitrisez",
    "maitrise de",
    "maitrise du",
    "maitrise des",
    "maitrise d'",
    "maitriser",
    "vous devez",
    "doit etre",
    "doivent etre",
    "essentiel",
    "exigence",
    "prerequis",
    "solide",
];

/// Cues of a wished skill (souhaité).
const WISHED_CUES: &[&str] = &[
    "idealement",
    "un plus",
    "est un plus",
    "apprecie",
    "souhaite",
    "souhaitable",
    "bonus",
    "atout",
    "serait un avantage",
    "de preference",
    "si possible",
    "eventuellement",
    "optionnel",
    "bienvenu",
    "notions",
    "sensibilite",
    "appetence",
    "interet pour",
];

/// Says whether the sentence around `start..end` marks the skill as required
/// (`Some(true)`), wished (`Some(false)`) or says nothing (`None`). The nearest cue in
/// the sentence wins.
pub fn requirement(text: &str, start: usize, end: usize) -> Option<bool> {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | ';' | '\n');
    let sentence_start = text[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| is_end(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let sentence_end = text[end..].find(is_end).map_or(text.len(), |i| end + i);
    let before = fold(&text[sentence_start..start]);
    let after = fold(&text[end..sentence_end]);
    let mut best: Option<(usize, bool)> = None;
    let mut consider = |distance: usize, required: bool| {
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, required));
        }
    };
    for (cues, required) in [(REQUIRED_CUES, true), (WISHED_CUES, false)] {
        for cue in cues {
            if let Some(i) = before.rfind(cue) {
                consider(before.len() - i - cue.len(), required);
            }
            if let Some(i) = after.find(cue) {
                consider(i, required);
            }
        }
    }
    best.map(|(_, required)| required)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_requirement(text: &str, skill: &str, expect: Option<bool>) {
        let start = text.find(skill).expect("skill in text");
        assert_eq!(
            requirement(text, start, start + skill.len()),
            expect,
            "{text:?}"
        );
    }

    #[test]
    fn required_and_wished_cues() {
        check_requirement("Maîtrise de Java indispensable.", "Java", Some(true));
        check_requirement("Java exigé. Docker serait apprécié.", "Docker", Some(false));
        check_requirement("Java exigé. Docker serait apprécié.", "Java", Some(true));
        check_requirement(
            "Idéalement, vous connaissez Kubernetes",
            "Kubernetes",
            Some(false),
        );
        check_requirement("La connaissance de SAP est un plus", "SAP", Some(false));
        check_requirement("Vous développez en PHP.", "PHP", None);
        check_requirement(
            "Vous maîtrisez Python ; des notions de R sont un plus",
            "Python",
            Some(true),
        );
    }

    #[test]
    fn sections_follow_headings_and_boilerplate() {
        let text = "Qui sommes-nous ?\nUne ESN lyonnaise.\nVotre profil\nJava et SQL.\nAvantages :\nTickets restaurant, mutuelle.\n";
        let found = sections(text);
        let at = |needle: &str| section_at(&found, text.find(needle).unwrap());
        assert_eq!(at("Une ESN"), Section::Company);
        assert_eq!(at("Java"), Section::Requirements);
        assert_eq!(at("Tickets"), Section::Benefits);
    }

    #[test]
    fn legal_paragraphs_weigh_less_even_under_requirements() {
        let text = "Missions\nDévelopper en Java.\nNous étudions toutes les candidatures dans le respect de l'égalité des chances.\n";
        let found = sections(text);
        assert_eq!(
            section_at(&found, text.find("égalité").unwrap()),
            Section::Legal
        );
        assert_eq!(
            section_at(&found, text.find("Java").unwrap()),
            Section::Requirements
        );
    }
}
