//! The context of a match: which section of a posting it sits in (requirements or
//! company presentation, benefits, legal boilerplate) and whether its sentence says the
//! skill is required ("maîtrise indispensable") or wished ("serait apprécié").
//!
//! Everything works on the analysed tokens in one pass, so the cost stays linear in the
//! text whatever the number of matches (a 10 MB text without a full stop included).

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::text::{Boundary, Token, TokenKind};

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

/// Headings that open a section, as folded words (elisions removed), matched at the
/// start of a short line.
const HEADINGS: &[(&str, Section)] = &[
    ("qui sommes nous", Section::Company),
    ("a propos", Section::Company),
    ("entreprise", Section::Company),
    ("notre entreprise", Section::Company),
    ("notre societe", Section::Company),
    ("la societe", Section::Company),
    ("presentation", Section::Company),
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
    ("savoir etre", Section::Requirements),
    ("qualites", Section::Requirements),
    ("environnement technique", Section::Requirements),
    ("stack", Section::Requirements),
    ("vos responsabilites", Section::Requirements),
    ("votre role", Section::Requirements),
];

/// Phrases that mark a line as boilerplate wherever it stands.
const LINE_CUES: &[(&str, Section)] = &[
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
    ("comite d entreprise", Section::Benefits),
    ("13eme mois", Section::Benefits),
    ("chiffre d affaires", Section::Company),
    ("nous sommes", Section::Company),
    ("fondee en", Section::Company),
    ("creee en", Section::Company),
    ("leader", Section::Company),
    ("collaborateurs", Section::Company),
    ("implantee", Section::Company),
];

/// Words that keep a line among the requirements even when it has a boilerplate cue.
const REQUIREMENT_WORDS: &[&str] = &[
    "maitrise",
    "maitriser",
    "competence",
    "competences",
    "experience",
    "connaissance",
    "connaissances",
    "profil",
];

/// Cues of a required skill (exigé), as folded words.
const REQUIRED_CUES: &[&str] = &[
    "indispensable",
    "indispensables",
    "exige",
    "exigee",
    "exiges",
    "exigees",
    "obligatoire",
    "obligatoires",
    "imperatif",
    "imperative",
    "imperativement",
    "requis",
    "requise",
    "requises",
    "necessaire",
    "necessaires",
    "incontournable",
    "vous maitrisez",
    "maitrise de",
    "maitrise du",
    "maitrise des",
    "maitrise d",
    "maitriser",
    "vous devez",
    "doit etre",
    "essentiel",
    "essentielle",
    "prerequis",
    "solide",
    "solides",
];

/// Cues of a wished skill (souhaité), as folded words.
const WISHED_CUES: &[&str] = &[
    "idealement",
    "un plus",
    "apprecie",
    "appreciee",
    "apprecies",
    "appreciees",
    "souhaite",
    "souhaitee",
    "souhaites",
    "souhaitees",
    "souhaitable",
    "bonus",
    "atout",
    "un avantage",
    "de preference",
    "si possible",
    "eventuellement",
    "optionnel",
    "bienvenu",
    "bienvenue",
    "notions",
    "sensibilite",
    "appetence",
    "interet pour",
];

/// Section and requirement cues of every token of one analysed text.
#[derive(Debug, Clone)]
pub struct Context {
    section: Vec<Section>,
    sentence: Vec<u32>,
    /// Per sentence, the cue positions (token index, required).
    cues: FxHashMap<u32, Vec<(usize, bool)>>,
}

/// A set of phrases indexed by their first word.
#[derive(Debug)]
struct PhraseSet<T: 'static> {
    by_first: FxHashMap<&'static str, Vec<(Vec<&'static str>, T)>>,
}

impl<T: Copy> PhraseSet<T> {
    fn new(phrases: impl IntoIterator<Item = (&'static str, T)>) -> PhraseSet<T> {
        let mut by_first: FxHashMap<&'static str, Vec<(Vec<&'static str>, T)>> =
            FxHashMap::default();
        for (phrase, payload) in phrases {
            let words: Vec<&'static str> = phrase.split(' ').collect();
            by_first.entry(words[0]).or_default().push((words, payload));
        }
        PhraseSet { by_first }
    }

    /// The phrases found in a run of tokens: `(index of the first token, payload)`.
    fn find(&self, tokens: &[Token], range: std::ops::Range<usize>) -> Vec<(usize, T)> {
        let words: Vec<(usize, &str)> = range
            .filter(|&i| tokens[i].kind == TokenKind::Word)
            .map(|i| (i, tokens[i].norm.as_str()))
            .collect();
        let mut found = Vec::new();
        for (start, (index, word)) in words.iter().enumerate() {
            let Some(candidates) = self.by_first.get(word) else {
                continue;
            };
            for (parts, payload) in candidates {
                let rest = &words[start..];
                if rest.len() >= parts.len() && rest.iter().zip(parts).all(|((_, w), p)| w == p) {
                    found.push((*index, *payload));
                }
            }
        }
        found
    }
}

static HEADING_SET: LazyLock<PhraseSet<Section>> =
    LazyLock::new(|| PhraseSet::new(HEADINGS.iter().copied()));
static LINE_CUE_SET: LazyLock<PhraseSet<Section>> =
    LazyLock::new(|| PhraseSet::new(LINE_CUES.iter().copied()));
static REQUIREMENT_CUE_SET: LazyLock<PhraseSet<bool>> = LazyLock::new(|| {
    PhraseSet::new(
        REQUIRED_CUES
            .iter()
            .map(|c| (*c, true))
            .chain(WISHED_CUES.iter().map(|c| (*c, false))),
    )
});

impl Context {
    /// Reads the sections and cues of `tokens`.
    pub fn new(tokens: &[Token]) -> Context {
        let mut section = vec![Section::Requirements; tokens.len()];
        let mut sentence = vec![0u32; tokens.len()];
        let mut current = Section::Requirements;
        let mut line_start = 0;
        let mut sentence_index = 0u32;
        let mut sentence_start = 0;
        let mut cues: FxHashMap<u32, Vec<(usize, bool)>> = FxHashMap::default();
        for index in 0..=tokens.len() {
            let boundary = match tokens.get(index).map(|t| t.kind) {
                Some(TokenKind::Break(boundary)) => Some(boundary),
                Some(TokenKind::Word) => None,
                None => Some(Boundary::Line),
            };
            if boundary >= Some(Boundary::Sentence) {
                let found = REQUIREMENT_CUE_SET.find(tokens, sentence_start..index);
                if !found.is_empty() {
                    cues.insert(sentence_index, found);
                }
                for slot in &mut sentence[sentence_start..index] {
                    *slot = sentence_index;
                }
                sentence_index += 1;
                sentence_start = index + 1;
            }
            if boundary == Some(Boundary::Line) {
                let line = line_start..index;
                let words = line
                    .clone()
                    .filter(|&i| tokens[i].kind == TokenKind::Word)
                    .count();
                let heading = (words <= 8)
                    .then(|| HEADING_SET.find(tokens, line.clone()))
                    .and_then(|found| {
                        found
                            .first()
                            .filter(|(i, _)| is_first_word(tokens, &line, *i))
                            .copied()
                    })
                    .map(|(_, s)| s);
                let line_section = match heading {
                    Some(found) => {
                        current = found;
                        found
                    }
                    None => {
                        let cue = LINE_CUE_SET
                            .find(tokens, line.clone())
                            .first()
                            .map(|(_, s)| *s);
                        let has_requirement = || {
                            line.clone()
                                .any(|i| REQUIREMENT_WORDS.contains(&tokens[i].norm.as_str()))
                        };
                        match cue {
                            Some(found) if !has_requirement() => found,
                            _ => current,
                        }
                    }
                };
                for slot in &mut section[line] {
                    *slot = line_section;
                }
                line_start = index + 1;
            }
        }
        Context {
            section,
            sentence,
            cues,
        }
    }

    /// The section of the token at `index`.
    pub fn section(&self, index: usize) -> Section {
        self.section
            .get(index)
            .copied()
            .unwrap_or(Section::Requirements)
    }

    /// Whether the sentence around tokens `first..end` marks the skill as required
    /// (`Some(true)`), wished (`Some(false)`) or says nothing (`None`); the nearest cue
    /// wins.
    pub fn requirement(&self, first: usize, end: usize) -> Option<bool> {
        let sentence = *self.sentence.get(first)?;
        self.cues
            .get(&sentence)?
            .iter()
            .filter(|(i, _)| *i < first || *i >= end)
            .min_by_key(|(i, _)| if *i < first { first - i } else { i + 1 - end })
            .map(|(_, required)| *required)
    }
}

fn is_first_word(tokens: &[Token], line: &std::ops::Range<usize>, index: usize) -> bool {
    line.clone()
        .find(|&i| tokens[i].kind == TokenKind::Word)
        .is_some_and(|first| first == index)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;

    fn check_requirement(text: &str, skill: &str, expect: Option<bool>) {
        let tokens = analyze(text);
        let start = text.find(skill).expect("skill in text");
        let first = tokens.iter().position(|t| t.start == start).expect("token");
        let end = tokens
            .iter()
            .position(|t| t.end == start + skill.len())
            .expect("token")
            + 1;
        let context = Context::new(&tokens);
        assert_eq!(context.requirement(first, end), expect, "{text:?}");
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
        check_requirement("Des notions de Docker", "Docker", Some(false));
    }

    #[test]
    fn sections_follow_headings_and_boilerplate() {
        let text = "Qui sommes-nous ?\nUne ESN lyonnaise.\nVotre profil\nJava et SQL.\nAvantages :\nTickets restaurant, mutuelle.\n";
        let tokens = analyze(text);
        let context = Context::new(&tokens);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            context.section(tokens.iter().position(|t| t.start == start).unwrap())
        };
        assert_eq!(at("Une"), Section::Company);
        assert_eq!(at("Java"), Section::Requirements);
        assert_eq!(at("Tickets"), Section::Benefits);
    }

    #[test]
    fn legal_lines_weigh_less_even_under_requirements() {
        let text = "Missions\nDévelopper en Java.\nNous étudions toutes les candidatures dans le respect de l'égalité des chances.\n";
        let tokens = analyze(text);
        let context = Context::new(&tokens);
        let at = |needle: &str| {
            let start = text.find(needle).unwrap();
            context.section(tokens.iter().position(|t| t.start == start).unwrap())
        };
        assert_eq!(at("égalité"), Section::Legal);
        assert_eq!(at("Java"), Section::Requirements);
    }

    #[test]
    fn a_huge_sentence_stays_linear() {
        let text = "Python SQL Git ".repeat(200_000);
        let tokens = analyze(&text);
        let context = Context::new(&tokens);
        assert_eq!(context.requirement(0, 1), None);
    }
}
