//! The words the context reader looks for: section headings, boilerplate lines, and the
//! cues that tell whether a skill is asked of the candidate, wished, or neither; and the
//! phrase set that finds them in analysed tokens.
//!
//! Every phrase is written as folded words (lowercase, no accents, elided articles such
//! as `l'` and `d'` removed, hyphens as spaces): "Qu'attendons-nous" is
//! `"attendons nous"`.

use std::sync::LazyLock;

use super::Section;
use crate::text::{Token, TokenKind};

/// How a heading is recognised at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Heading {
    /// The phrase opens a line of at most eight words, or is followed by punctuation.
    Loose,
    /// The phrase is followed by punctuation or ends the line: "Formation :" is a
    /// heading, "Formation assurée en interne" is not.
    Strict,
}

/// Headings that open a section.
pub(super) const HEADINGS: &[(&str, Section, Heading)] = &[
    ("qui sommes nous", Section::Company, Heading::Loose),
    ("a propos", Section::Company, Heading::Loose),
    ("entreprise", Section::Company, Heading::Loose),
    ("notre entreprise", Section::Company, Heading::Loose),
    ("notre societe", Section::Company, Heading::Loose),
    ("la societe", Section::Company, Heading::Loose),
    ("presentation", Section::Company, Heading::Loose),
    ("notre client", Section::Company, Heading::Loose),
    ("le groupe", Section::Company, Heading::Loose),
    ("avantages", Section::Benefits, Heading::Loose),
    ("nos avantages", Section::Benefits, Heading::Loose),
    ("ce que nous offrons", Section::Benefits, Heading::Loose),
    (
        "ce que nous vous offrons",
        Section::Benefits,
        Heading::Loose,
    ),
    ("nous vous offrons", Section::Benefits, Heading::Loose),
    ("pourquoi nous rejoindre", Section::Benefits, Heading::Loose),
    ("pourquoi rejoindre", Section::Benefits, Heading::Loose),
    ("remuneration", Section::Benefits, Heading::Loose),
    ("salaire", Section::Benefits, Heading::Loose),
    ("conditions", Section::Benefits, Heading::Loose),
    (
        "informations complementaires",
        Section::Benefits,
        Heading::Loose,
    ),
    // The candidate's profile.
    ("profil", Section::Profile, Heading::Loose),
    ("votre profil", Section::Profile, Heading::Loose),
    ("competences", Section::Profile, Heading::Loose),
    ("vos competences", Section::Profile, Heading::Loose),
    ("savoir etre", Section::Profile, Heading::Loose),
    ("qualites", Section::Profile, Heading::Loose),
    ("profil recherche", Section::Profile, Heading::Strict),
    ("le profil", Section::Profile, Heading::Strict),
    ("le profil recherche", Section::Profile, Heading::Strict),
    ("description du profil", Section::Profile, Heading::Strict),
    ("profil candidat", Section::Profile, Heading::Strict),
    (
        "profil candidat recherche",
        Section::Profile,
        Heading::Strict,
    ),
    (
        "profil et competences requises",
        Section::Profile,
        Heading::Strict,
    ),
    ("competences requises", Section::Profile, Heading::Strict),
    ("competences attendues", Section::Profile, Heading::Strict),
    ("competences techniques", Section::Profile, Heading::Strict),
    (
        "competences et capacites",
        Section::Profile,
        Heading::Strict,
    ),
    ("competences et qualites", Section::Profile, Heading::Strict),
    ("qualites personnelles", Section::Profile, Heading::Strict),
    (
        "qualites professionnelles",
        Section::Profile,
        Heading::Strict,
    ),
    ("qualites requises", Section::Profile, Heading::Strict),
    ("savoir faire", Section::Profile, Heading::Strict),
    ("votre savoir etre", Section::Profile, Heading::Strict),
    ("vos atouts", Section::Profile, Heading::Strict),
    ("qualifications", Section::Profile, Heading::Strict),
    ("prerequis", Section::Profile, Heading::Strict),
    ("pre requis", Section::Profile, Heading::Strict),
    ("a propos de vous", Section::Profile, Heading::Strict),
    ("qui etes vous", Section::Profile, Heading::Strict),
    ("qui recherchons nous", Section::Profile, Heading::Strict),
    ("ce que nous recherchons", Section::Profile, Heading::Strict),
    ("et si etait vous", Section::Profile, Heading::Strict),
    ("vous etes", Section::Profile, Heading::Strict),
    ("le candidat", Section::Profile, Heading::Strict),
    ("soft skills", Section::Profile, Heading::Strict),
    ("hard skills", Section::Profile, Heading::Strict),
    ("technical skills", Section::Profile, Heading::Strict),
    ("skills", Section::Profile, Heading::Strict),
    (
        "expertise technique attendue",
        Section::Profile,
        Heading::Strict,
    ),
    ("formation", Section::Profile, Heading::Strict),
    ("experience", Section::Profile, Heading::Strict),
    ("connaissances", Section::Profile, Heading::Strict),
    // The job's missions.
    ("missions", Section::Missions, Heading::Loose),
    ("vos missions", Section::Missions, Heading::Loose),
    ("le poste", Section::Missions, Heading::Loose),
    ("description du poste", Section::Missions, Heading::Loose),
    ("vos responsabilites", Section::Missions, Heading::Loose),
    ("votre role", Section::Missions, Heading::Loose),
    ("votre mission", Section::Missions, Heading::Strict),
    ("mission", Section::Missions, Heading::Strict),
    ("missions principales", Section::Missions, Heading::Strict),
    (
        "vos missions principales",
        Section::Missions,
        Heading::Strict,
    ),
    ("poste et missions", Section::Missions, Heading::Strict),
    ("descriptif du poste", Section::Missions, Heading::Strict),
    ("poste", Section::Missions, Heading::Strict),
    ("description", Section::Missions, Heading::Strict),
    ("au quotidien", Section::Missions, Heading::Strict),
    ("concretement", Section::Missions, Heading::Strict),
    ("et concretement", Section::Missions, Heading::Strict),
    ("vos taches", Section::Missions, Heading::Strict),
    ("taches", Section::Missions, Heading::Strict),
    ("activites", Section::Missions, Heading::Strict),
    ("vos activites", Section::Missions, Heading::Strict),
    ("votre quotidien", Section::Missions, Heading::Strict),
    ("responsabilites", Section::Missions, Heading::Strict),
    (
        "votre role et vos missions",
        Section::Missions,
        Heading::Strict,
    ),
    // The technical environment.
    (
        "environnement technique",
        Section::Environment,
        Heading::Loose,
    ),
    ("stack", Section::Environment, Heading::Loose),
    ("stack technique", Section::Environment, Heading::Strict),
    ("environnement", Section::Environment, Heading::Strict),
    (
        "environnement technologique",
        Section::Environment,
        Heading::Strict,
    ),
    (
        "environnement technique du poste",
        Section::Environment,
        Heading::Strict,
    ),
    (
        "ecosysteme technologique",
        Section::Environment,
        Heading::Strict,
    ),
    (
        "ecosysteme technique",
        Section::Environment,
        Heading::Strict,
    ),
    ("perimetre technique", Section::Environment, Heading::Strict),
    ("technologies", Section::Environment, Heading::Strict),
    ("outils", Section::Environment, Heading::Strict),
    // What would be a plus.
    ("est un plus", Section::Wished, Heading::Strict),
    ("un plus", Section::Wished, Heading::Strict),
    ("les plus", Section::Wished, Heading::Strict),
    ("serait un plus", Section::Wished, Heading::Strict),
    ("atouts", Section::Wished, Heading::Strict),
    ("nice to have", Section::Wished, Heading::Strict),
];

/// Phrases that mark a line as boilerplate wherever it stands.
pub(super) const LINE_CUES: &[(&str, Section)] = &[
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

/// Words that keep a line among the job's text even when it has a boilerplate cue.
pub(super) const REQUIREMENT_WORDS: &[&str] = &[
    "maitrise",
    "maitriser",
    "competence",
    "competences",
    "experience",
    "connaissance",
    "connaissances",
    "profil",
];

/// What a cue says about the skills it governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// Asked of the candidate (exigé).
    Required,
    /// A plus (souhaité).
    Wished,
    /// Part of the job, not of the candidate: missions, stack, the recruiter's search.
    Neither,
}

/// Which skills a cue governs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// Only those after it in its sentence: "vous maîtrisez …", "idéalement …".
    Forward,
    /// Those after it, and those before it in its sentence: "… indispensable",
    /// "… est un plus", "Connaissances appréciées : …".
    Both,
}

/// Predicates that say a skill is required, before or after it.
const REQUIRED_BOTH: &[&str] = &[
    "indispensable",
    "indispensables",
    "exige",
    "exigee",
    "exiges",
    "exigees",
    "exiger",
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
    "essentiel",
    "essentielle",
    "essentiels",
    "essentielles",
    "prerequis",
    "attendu",
    "attendue",
    "attendus",
    "attendues",
];

/// Phrases that ask something of the candidate for what follows them.
const REQUIRED_FORWARD: &[&str] = &[
    "vous maitrisez",
    "maitrisez",
    "maitrise",
    "maitriser",
    "maitrisant",
    "vous connaissez",
    "connaissez",
    "connaissance",
    "connaissances",
    "vous avez",
    "vous possedez",
    "possedez",
    "possedant",
    "vous disposez",
    "disposez",
    "disposant",
    "vous etes",
    "etes",
    "vous justifiez",
    "justifiez",
    "justifiant",
    "vous savez",
    "savoir",
    "titulaire",
    "issu",
    "issue",
    "dote",
    "dotee",
    "experience",
    "experiences",
    "experimente",
    "experimentee",
    "capacite",
    "capacites",
    "aptitude",
    "aptitudes",
    "notions",
    "familier",
    "familiere",
    "a aise",
    "competences en",
    "competence en",
    "expertise",
    "formation",
    "diplome",
    "diplomee",
    "qualites",
    "vous faites preuve",
    "faites preuve",
    "reconnu",
    "reconnue",
    "vous aimez",
    "passionne",
    "passionnee",
    "vous devez",
    "doit etre",
    "solide",
    "solides",
    "vos atouts",
    "nous recherchons une personne",
    "personnes ayant",
];

/// Hedges that make what follows them a plus.
const WISHED_FORWARD: &[&str] = &[
    "idealement",
    "de preference",
    "eventuellement",
    "des atouts",
];

/// Predicates that make a skill a plus, before or after it.
const WISHED_BOTH: &[&str] = &[
    "un plus",
    "apprecie",
    "appreciee",
    "apprecies",
    "appreciees",
    "appreciable",
    "appreciables",
    "souhaite",
    "souhaitee",
    "souhaites",
    "souhaitees",
    "souhaitable",
    "souhaitables",
    "bonus",
    "un atout",
    "atout",
    "un avantage",
    "si possible",
    "optionnel",
    "optionnelle",
    "bienvenu",
    "bienvenue",
    "bienvenus",
    "bienvenues",
];

/// Phrases that put what follows them in the job, not in the candidate: missions, the
/// technical environment, the recruiter's search.
const NEITHER_FORWARD: &[&str] = &[
    "vous serez",
    "vous aurez",
    "vous etes en charge",
    "vous etes charge",
    "vous etes chargee",
    "vous etes amene",
    "vous etes amenee",
    "vous etes responsable",
    "vous etes rattache",
    "vous etes rattachee",
    "vous etes integre",
    "vous etes integree",
    "vous etes recrute",
    "vous etes recrutee",
    "vous etes au coeur",
    "vous avez pour",
    "vous avez la charge",
    "vous avez la responsabilite",
    "vous assurez",
    "vous assurerez",
    "vous participez",
    "vous participerez",
    "vous developpez",
    "vous developperez",
    "vous intervenez",
    "vous interviendrez",
    "vous realisez",
    "vous realiserez",
    "vous contribuez",
    "vous contribuerez",
    "vous travaillez",
    "vous travaillerez",
    "vous integrez",
    "vous integrerez",
    "vous rejoignez",
    "vous rejoindrez",
    "vous concevez",
    "vous redigez",
    "vous gerez",
    "vous prenez",
    "vous accompagnez",
    "vous pilotez",
    "vous veillez",
    "vous veillerez",
    "vous analysez",
    "vous effectuez",
    "vous appliquerez",
    "vous transformerez",
    "vous evoluerez",
    "vous evoluez",
    "vous utiliserez",
    "vous allez",
    "missions",
    "mission",
    "vos taches",
    "en charge",
    "charge de",
    "chargee de",
    "environnement technique",
    "environnement technologique",
    "stack",
    "ecosysteme",
    "nous recherchons",
    "recherche un",
    "recherche une",
    "recherchons un",
    "recherchons une",
    "recrute",
    "recrutons",
    "nous utilisons",
    "nous travaillons",
];

/// A word of the analysed text as the phrase sets see it: its token and the id of its
/// folded form among the words of every phrase ([`OTHER`] for any other word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word {
    pub token: u32,
    pub id: u16,
}

/// The id of a word that no phrase holds.
pub(super) const OTHER: u16 = 0;

/// Every word of every heading, line cue, requirement cue and requirement word, each
/// with an id, so that a text's words are looked up once and phrases compare ids.
///
/// Words are keyed by their length and their bytes read as two numbers (all are at
/// most [`LONGEST_WORD`] bytes): a text's word is looked up without hashing or
/// comparing its bytes one by one.
#[derive(Debug)]
pub(super) struct Vocabulary {
    ids: WordTable,
    /// By id ([`OTHER`] included), whether the word is one of [`REQUIREMENT_WORDS`].
    requirement: Vec<bool>,
}

/// Bytes of the longest word a phrase may hold.
const LONGEST_WORD: usize = 16;

/// A word of at most [`LONGEST_WORD`] bytes as a number, the same for two words of
/// the same length only when they are the same word: every byte is read, words of 8
/// bytes or more as their first and last 8 (overlapping), shorter ones likewise by 4
/// or one by one.
fn packed(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let n = bytes.len();
    let eight = |at: usize| Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?));
    let four = |at: usize| {
        Some(u64::from(u32::from_le_bytes(
            bytes.get(at..at + 4)?.try_into().ok()?,
        )))
    };
    let (low, high) = match n {
        0 => (0, 0),
        1..=3 => (
            u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16,
            0,
        ),
        4..=7 => (four(0)? | four(n - 4)? << 32, 0),
        8..=LONGEST_WORD => (eight(0)?, eight(n - 8)?),
        _ => return None,
    };
    Some(u128::from(low) | u128::from(high) << 64)
}

/// The phrase words by length and packed bytes: open addressing over a table four
/// times larger than the few hundred words, so that a text's word, most often absent,
/// is told absent after one or two probes.
#[derive(Debug)]
struct WordTable {
    keys: Vec<u128>,
    /// Lengths of the words in `keys`; 0 (the empty word, never a phrase word) marks
    /// an empty slot.
    lengths: Vec<u8>,
    ids: Vec<u16>,
}

/// Slots of [`WordTable`]: a power of two, at least four times the phrase words.
const TABLE_SLOTS: usize = 2048;

impl Default for WordTable {
    fn default() -> WordTable {
        WordTable {
            keys: vec![0; TABLE_SLOTS],
            lengths: vec![0; TABLE_SLOTS],
            ids: vec![OTHER; TABLE_SLOTS],
        }
    }
}

impl WordTable {
    fn start(key: u128, length: u8) -> usize {
        let mixed = ((key >> 64) as u64 ^ (key as u64).rotate_left(29) ^ u64::from(length))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> 32) as usize & (TABLE_SLOTS - 1)
    }

    fn get(&self, key: u128, length: u8) -> Option<u16> {
        let mut at = WordTable::start(key, length);
        loop {
            match self.lengths[at] {
                0 => return None,
                found if found == length && self.keys[at] == key => return Some(self.ids[at]),
                _ => at = (at + 1) & (TABLE_SLOTS - 1),
            }
        }
    }

    fn insert(&mut self, key: u128, length: u8, id: u16) {
        assert!(length > 0, "the empty word is no phrase word");
        assert!(
            usize::from(id) * 4 < TABLE_SLOTS,
            "more phrase words than the table holds"
        );
        let mut at = WordTable::start(key, length);
        while self.lengths[at] != 0 {
            at = (at + 1) & (TABLE_SLOTS - 1);
        }
        self.keys[at] = key;
        self.lengths[at] = length;
        self.ids[at] = id;
    }
}

/// Every word of every phrase, in the order of the lists, repeats included.
fn phrase_words() -> impl Iterator<Item = &'static str> {
    let phrases = (HEADINGS.iter().map(|h| h.0))
        .chain(LINE_CUES.iter().map(|c| c.0))
        .chain(CUE_LISTS.iter().flat_map(|l| l.0.iter().copied()))
        .chain(REQUIREMENT_WORDS.iter().copied());
    phrases.flat_map(|p| p.split(' '))
}

impl Vocabulary {
    fn new() -> Vocabulary {
        let mut ids = WordTable::default();
        // Id 0 is `OTHER`.
        let mut len = 1;
        for word in phrase_words() {
            let key = packed(word).expect("phrase words are at most LONGEST_WORD bytes");
            if ids.get(key, word.len() as u8).is_none() {
                ids.insert(key, word.len() as u8, len as u16);
                len += 1;
            }
        }
        let mut vocabulary = Vocabulary {
            ids,
            requirement: vec![false; len],
        };
        for word in REQUIREMENT_WORDS {
            let id = vocabulary.id(word);
            vocabulary.requirement[id as usize] = true;
        }
        vocabulary
    }

    /// The id of a folded word, [`OTHER`] when no phrase holds it.
    pub fn id(&self, word: &str) -> u16 {
        match packed(word) {
            Some(key) => self.ids.get(key, word.len() as u8).unwrap_or(OTHER),
            None => OTHER,
        }
    }

    /// The number of ids, [`OTHER`] included.
    fn len(&self) -> usize {
        self.requirement.len()
    }

    /// The words of `tokens`, breaks left out.
    pub fn words(&self, tokens: &[Token]) -> Vec<Word> {
        let mut words = Vec::with_capacity(tokens.len());
        words.extend(
            (tokens.iter().enumerate())
                .filter(|(_, t)| t.kind == TokenKind::Word)
                .map(|(i, t)| Word {
                    token: i as u32,
                    id: self.id(&t.norm),
                }),
        );
        words
    }

    /// True when the word is one that names a requirement ("maîtrise", "profil").
    pub fn is_requirement(&self, word: Word) -> bool {
        self.requirement[word.id as usize]
    }
}

/// The words of every phrase, with their ids.
pub(super) static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::new);

/// A phrase found in a run of words: its first and last token and its payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit<T> {
    pub first: usize,
    pub last: usize,
    pub payload: T,
}

/// A set of phrases indexed by the id of their first word.
#[derive(Debug)]
pub(super) struct PhraseSet<T: 'static> {
    by_first: Vec<Vec<(Vec<u16>, T)>>,
}

impl<T: Copy> PhraseSet<T> {
    fn new(phrases: impl IntoIterator<Item = (&'static str, T)>) -> PhraseSet<T> {
        let vocabulary = &*VOCABULARY;
        let mut by_first: Vec<Vec<(Vec<u16>, T)>> =
            (0..vocabulary.len()).map(|_| Vec::new()).collect();
        for (phrase, payload) in phrases {
            let words: Vec<u16> = phrase.split(' ').map(|w| vocabulary.id(w)).collect();
            by_first[words[0] as usize].push((words, payload));
        }
        // Longest phrases first, so that the first hit at a position is the longest.
        for candidates in &mut by_first {
            candidates.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        PhraseSet { by_first }
    }

    /// Every phrase found in a run of words, by position, longest first at each one.
    pub fn find(&self, words: &[Word]) -> Vec<Hit<T>> {
        let mut found = Vec::new();
        for (start, word) in words.iter().enumerate() {
            let candidates = &self.by_first[word.id as usize];
            if candidates.is_empty() {
                continue;
            }
            let rest = &words[start..];
            for (parts, payload) in candidates {
                if rest.len() >= parts.len() && rest.iter().zip(parts).all(|(w, &p)| w.id == p) {
                    found.push(Hit {
                        first: word.token as usize,
                        last: rest[parts.len() - 1].token as usize,
                        payload: *payload,
                    });
                }
            }
        }
        found
    }

    /// The longest phrase found at each position, by position, leaving out those inside
    /// a longer one ("êtes" in "vous êtes chargé").
    pub fn find_longest(&self, words: &[Word]) -> Vec<Hit<T>> {
        let mut hits = self.find(words);
        // Hits come by position: each one kept is compared with the last one kept.
        hits.dedup_by(|hit, kept| hit.first <= kept.last);
        hits
    }
}

pub(super) static HEADING_SET: LazyLock<PhraseSet<(Section, Heading)>> =
    LazyLock::new(|| PhraseSet::new(HEADINGS.iter().map(|(p, s, h)| (*p, (*s, *h)))));

pub(super) static LINE_CUE_SET: LazyLock<PhraseSet<Section>> =
    LazyLock::new(|| PhraseSet::new(LINE_CUES.iter().copied()));

/// The requirement cues, with what they say and which skills they govern.
const CUE_LISTS: [(&[&str], Reading, Reach); 5] = [
    (REQUIRED_BOTH, Reading::Required, Reach::Both),
    (REQUIRED_FORWARD, Reading::Required, Reach::Forward),
    (WISHED_FORWARD, Reading::Wished, Reach::Forward),
    (WISHED_BOTH, Reading::Wished, Reach::Both),
    (NEITHER_FORWARD, Reading::Neither, Reach::Forward),
];

pub(super) static CUE_SET: LazyLock<PhraseSet<(Reading, Reach)>> =
    LazyLock::new(|| {
        PhraseSet::new(CUE_LISTS.iter().flat_map(|&(phrases, reading, reach)| {
            phrases.iter().map(move |p| (*p, (reading, reach)))
        }))
    });

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    #[test]
    fn every_phrase_word_has_an_id_and_no_other_word_does() {
        let vocabulary = &*VOCABULARY;
        let mut seen = FxHashMap::default();
        for word in phrase_words() {
            let id = vocabulary.id(word);
            assert_ne!(id, OTHER, "{word}");
            assert_eq!(*seen.entry(id).or_insert(word), word, "two words, one id");
        }
        assert_eq!(seen.len() + 1, vocabulary.len());
        for other in [
            "profil\0",
            "profils",
            "profi",
            "",
            "professionnellesx",
            "professionnellez",
            "z",
            "zq",
            "abcdefghabcdefgh",
        ] {
            assert_eq!(vocabulary.id(other), OTHER, "{other:?}");
        }
        assert!(vocabulary.is_requirement(Word {
            token: 0,
            id: vocabulary.id("profil")
        }));
    }
}
