//! Who an LHEO action is for and who pays: publics, restrictions, funders, disability access.
//!
//! `eligibility_of` reads the drafts of a formation and one of its actions into a
//! [`LheoEligibility`] made of plain codes, ready to fill typed fields of a training.
//!
//! | field | LHEO source | rule |
//! |---|---|---|
//! | `publics` | `code-public-vise` | Formacode codes of publics, see the table below |
//! | `publics` | `info-public-vise` | words of the text, see `publics_in` |
//! | `reserved_to` | `info-public-vise`, `conditions-specifiques` | publics named in a sentence that restricts explicitly, see `reserved_in` |
//! | `funding` | `organisme-financeur/code-financeur` | the LHEO financer table, see `funding_of_financer` |
//! | `funding` | `extras info="eligibilite-cpf"`, `certification/code-CPF` | `cpf` |
//! | `funding` | `frais-restants`, `prix-total-TTC` | `gratuit` when what is left to pay is zero |
//! | `accessible_rqth` | `acces-handicapes` | `false` on a refusal (`Non`, `pas accessible`), `true` on `oui`, `accessible`, `possible`, `adapté`, `aménagé`; else unknown |
//! | `disability_contact` | an `extra` whose `info` names a disability referent (`contact-handicap`, `referent-handicap`) | its clean text |
//!
//! Formacode codes of publics (`code-public-vise`, Formacode V12 and V13 keep these
//! numbers), as the Carif-Oref feeds use them and as the data·inclusion pipeline of the
//! French State reads them:
//!
//! | codes | public |
//! |---|---|
//! | 80001, 80003, 80004, 80006, 80007, 80008 | `demandeurs_emploi` (publics without a job) |
//! | 80009 | `demandeurs_emploi` and `jeunes` (young people without a job) |
//! | 81024 | `jeunes` (16 to 26 years old) |
//! | 81018 | `femmes` |
//! | 81020, 81025, 81026, 81027 | `rqth` (people with a disability) |
//! | 82015, 82016, 82044, 82046, 82055, 82058, 82070, 82071, 82074, 82075 | `salaries` (people in work) |
//! | 83056 | `tout_public` |
//!
//! Other codes (people facing illiteracy, foreign nationals…) have no public in
//! Passerelle's vocabulary and give none; `qpv`, `zrr` and `peu_qualifies` come from words
//! only. Every list is in a fixed order and without duplicates, and no value is ever a
//! placeholder: texts are cleaned by `super::text::clean` first.

use super::draft::{ActionDraft, FormationDraft};
use super::text::{clean, clean_markup};

/// Eligibility facts of one LHEO action, in plain codes.
///
/// One per accepted training, in the order of `crate::Batch::records`; see
/// `super::parse_lheo_with_eligibility`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LheoEligibility {
    /// Publics the action is meant for, among `demandeurs_emploi`, `jeunes`, `femmes`,
    /// `qpv`, `zrr`, `peu_qualifies`, `rqth`, `salaries`, `tout_public`.
    pub publics: Vec<&'static str>,
    /// The publics the action is restricted to; empty when it is open to all.
    pub reserved_to: Vec<&'static str>,
    /// Who can pay, among `gratuit`, `france_travail`, `region`, `cpf`, `opco`, `etat`,
    /// `entreprise`, `personnel`, `agefiph`, `autre`.
    pub funding: Vec<&'static str>,
    /// Whether people with a disability can follow it; none when unknown.
    pub accessible_rqth: Option<bool>,
    /// The disability referent's contact, when the producer gives one.
    pub disability_contact: Option<String>,
}

/// The Formacode codes of publics and what they mean, see the module table.
const PUBLIC_CODES: &[(&str, &[&str])] = &[
    ("80001", &["demandeurs_emploi"]),
    ("80003", &["demandeurs_emploi"]),
    ("80004", &["demandeurs_emploi"]),
    ("80006", &["demandeurs_emploi"]),
    ("80007", &["demandeurs_emploi"]),
    ("80008", &["demandeurs_emploi"]),
    ("80009", &["demandeurs_emploi", "jeunes"]),
    ("81018", &["femmes"]),
    ("81020", &["rqth"]),
    ("81024", &["jeunes"]),
    ("81025", &["rqth"]),
    ("81026", &["rqth"]),
    ("81027", &["rqth"]),
    ("82015", &["salaries"]),
    ("82016", &["salaries"]),
    ("82044", &["salaries"]),
    ("82046", &["salaries"]),
    ("82055", &["salaries"]),
    ("82058", &["salaries"]),
    ("82070", &["salaries"]),
    ("82071", &["salaries"]),
    ("82074", &["salaries"]),
    ("82075", &["salaries"]),
    ("83056", &["tout_public"]),
];

/// Words that name a public, compared on lowercase text without accents.
const PUBLIC_WORDS: &[(&str, &[&str])] = &[
    (
        "demandeurs_emploi",
        &[
            "demandeur d'emploi",
            "demandeurs d'emploi",
            "demandeuse d'emploi",
            "recherche d'emploi",
            "sans emploi",
            "inscrit a france travail",
            "inscrits a france travail",
            "inscrit a pole emploi",
            "inscrits a pole emploi",
        ],
    ),
    (
        "jeunes",
        &[
            "jeune",
            "moins de 26 ans",
            "moins de 30 ans",
            "16-25 ans",
            "16 a 25 ans",
            "18-25 ans",
        ],
    ),
    ("femmes", &["femme"]),
    (
        "qpv",
        &[
            "qpv",
            "quartier prioritaire",
            "quartiers prioritaires",
            "politique de la ville",
        ],
    ),
    (
        "zrr",
        &[
            "zrr",
            "zone de revitalisation rurale",
            "zones de revitalisation rurale",
        ],
    ),
    (
        "peu_qualifies",
        &[
            "peu qualifie",
            "peu ou pas qualifie",
            "sans qualification",
            "sans diplome",
            "faible niveau de qualification",
            "bas niveau de qualification",
        ],
    ),
    (
        "rqth",
        &[
            "rqth",
            "handicap",
            "travailleur handicape",
            "travailleurs handicapes",
            "boeth",
        ],
    ),
    ("salaries", &["salarie"]),
    (
        "tout_public",
        &["tout public", "tous publics", "tous les publics"],
    ),
];

/// Words that restrict an offer to the publics named with them in the same sentence.
const RESTRICTION_WORDS: &[&str] = &[
    "reserve",
    "uniquement",
    "exclusivement",
    "strictement",
    "seulement",
    "ouvert aux seuls",
    "ouverte aux seuls",
    "ouverte aux seules",
];

/// Words that undo a restriction in the same sentence ("non réservé").
const NEGATED_RESTRICTION: &[&str] = &[
    "non reserve",
    "pas reserve",
    "pas uniquement",
    "non exclusivement",
];

/// The order in which publics and funders are listed.
const PUBLICS_ORDER: &[&str] = &[
    "demandeurs_emploi",
    "jeunes",
    "femmes",
    "qpv",
    "zrr",
    "peu_qualifies",
    "rqth",
    "salaries",
    "tout_public",
];
const FUNDING_ORDER: &[&str] = &[
    "gratuit",
    "france_travail",
    "region",
    "cpf",
    "opco",
    "etat",
    "entreprise",
    "personnel",
    "agefiph",
    "autre",
];

/// The eligibility of an action of a formation.
pub(super) fn eligibility_of(formation: &FormationDraft, action: &ActionDraft) -> LheoEligibility {
    let public_info = clean(action.public_info.as_ref());
    let conditions = clean(action.conditions.as_ref());

    let mut publics: Vec<&'static str> = Vec::new();
    for code in action.public_codes.iter().filter_map(|c| clean(Some(c))) {
        if let Some((_, names)) = PUBLIC_CODES.iter().find(|(known, _)| *known == code) {
            publics.extend_from_slice(names);
        }
    }
    if let Some(text) = &public_info {
        publics.extend(publics_in(text));
    }
    let mut reserved_to: Vec<&'static str> = [&public_info, &conditions]
        .into_iter()
        .flatten()
        .flat_map(|text| reserved_in(text))
        .collect();
    publics.extend(reserved_to.iter().copied());
    sort_in(&mut publics, PUBLICS_ORDER);
    sort_in(&mut reserved_to, PUBLICS_ORDER);

    let mut funding: Vec<&'static str> = action
        .funders
        .iter()
        .filter_map(|code| clean(Some(code)))
        .filter_map(|code| funding_of_financer(&code))
        .collect();
    if action.cpf_eligible || formation.cpf_codes.iter().any(|c| clean(Some(c)).is_some()) {
        funding.push("cpf");
    }
    let nothing_to_pay = [&action.fees_left, &action.total_price]
        .into_iter()
        .any(|text| clean(text.as_ref()).is_some_and(|text| is_zero_amount(&text)));
    if nothing_to_pay {
        funding.push("gratuit");
    }
    sort_in(&mut funding, FUNDING_ORDER);

    LheoEligibility {
        publics,
        reserved_to,
        funding,
        accessible_rqth: clean(action.accessibility.as_ref()).and_then(|text| accessible(&text)),
        disability_contact: clean(action.disability_contact.as_ref()),
    }
}

/// Publics named in a text, see [`PUBLIC_WORDS`].
fn publics_in(text: &str) -> Vec<&'static str> {
    let text = fold(text);
    PUBLIC_WORDS
        .iter()
        .filter(|(_, words)| words.iter().any(|word| contains_word(&text, word)))
        .map(|(public, _)| *public)
        .collect()
}

/// Publics a text restricts the offer to.
///
/// **Rule:** a sentence (text between `.`, `;`, `!`, `?` or line ends) that holds an
/// explicit restriction word (`réservé(e)(s)`, `uniquement`, `exclusivement`,
/// `strictement`, `seulement`, `ouvert(e) aux seul(e)s`) and no negation of it
/// (`non réservé`, `pas uniquement`) restricts the offer to the publics named in that
/// sentence. `tout_public` never restricts. Priorities ("en priorité", "prioritairement")
/// and lists of publics without such a word restrict nothing.
fn reserved_in(text: &str) -> Vec<&'static str> {
    let mut reserved = Vec::new();
    let text = clean_markup(text);
    for sentence in text.split(['.', ';', '!', '?', '\n']) {
        let folded = fold(sentence);
        let restricts = RESTRICTION_WORDS.iter().any(|w| folded.contains(w))
            && !NEGATED_RESTRICTION.iter().any(|w| folded.contains(w));
        if restricts {
            reserved.extend(
                publics_in(sentence)
                    .into_iter()
                    .filter(|&public| public != "tout_public"),
            );
        }
    }
    reserved
}

/// The funder of a code of the LHEO table `dict-financeurs`, in Passerelle's codes.
///
/// | code | LHEO meaning | funding |
/// |---|---|---|
/// | 2 | collectivité territoriale, conseil régional | `region` |
/// | 4 | Pôle emploi (France Travail) | `france_travail` |
/// | 5 | entreprise | `entreprise` |
/// | 6 | ACSÉ (formerly FASILD), a State agency | `etat` |
/// | 7 | AGEFIPH | `agefiph` |
/// | 10 | bénéficiaire de l'action (the learner) | `personnel` |
/// | 11, 12, 13 | État: ministry of employment, of education, other | `etat` |
/// | 16 | OPCA, replaced by the OPCO in 2019 | `opco` |
/// | 0, 3, 8, 9, 14, 15, 17 | other; FSE; conseil général; commune; other European funds; other local authority; OPACIF (Transitions Pro) | `autre` |
/// | 18, 19, 20 | added by LHEO 2.3, meaning not checked against a published table | `autre` |
/// | 1 | obsolete code | none |
fn funding_of_financer(code: &str) -> Option<&'static str> {
    Some(match code.trim() {
        "2" => "region",
        "4" => "france_travail",
        "5" => "entreprise",
        "6" | "11" | "12" | "13" => "etat",
        "7" => "agefiph",
        "10" => "personnel",
        "16" => "opco",
        "0" | "3" | "8" | "9" | "14" | "15" | "17" | "18" | "19" | "20" => "autre",
        _ => return None,
    })
}

/// Whether `acces-handicapes` says the action is open to people with a disability.
fn accessible(text: &str) -> Option<bool> {
    let text = fold(text);
    let refused = text == "non"
        || text.starts_with("non ")
        || text.starts_with("non,")
        || [
            "pas accessible",
            "non accessible",
            "inaccessible",
            "non adapte",
        ]
        .iter()
        .any(|w| text.contains(w));
    if refused {
        return Some(false);
    }
    let open = text == "oui"
        || text.starts_with("oui ")
        || text.starts_with("oui,")
        || ["accessible", "possible", "adapte", "amenage", "accueil"]
            .iter()
            .any(|w| text.contains(w));
    open.then_some(true)
}

/// Whether an amount (`0`, `0,00 €`, `0.00 EUR`, `gratuit`, `aucun`) is nothing to pay.
fn is_zero_amount(text: &str) -> bool {
    let folded = fold(text);
    if folded.starts_with("gratuit") || folded == "aucun" || folded == "aucuns" || folded == "neant"
    {
        return true;
    }
    let number: String = folded
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€')
        .collect::<String>()
        .trim_end_matches("eur")
        .trim_end_matches("euros")
        .replace(',', ".");
    number.parse::<f64>().is_ok_and(|value| value == 0.0)
}

/// Whether `word` occurs in `text` at word boundaries (both already folded).
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        // A word may take a plural or feminine ending ("jeunes", "salariées").
        let ending = text[at + word.len()..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>();
        !before.is_some_and(char::is_alphanumeric)
            && (!after.is_some_and(char::is_alphanumeric)
                || matches!(ending.as_str(), "s" | "e" | "es" | "ee" | "ees"))
    })
}

/// Lowercase text without accents, with typographic apostrophes made straight and
/// markup removed.
fn fold(text: &str) -> String {
    clean_markup(text)
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '’' | '‘' => '\'',
            '\u{a0}' => ' ',
            other => other,
        })
        .collect()
}

/// Sorts codes in the order of `order` and removes duplicates.
fn sort_in(codes: &mut Vec<&'static str>, order: &[&str]) {
    codes.sort_by_key(|code| order.iter().position(|known| known == code));
    codes.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publics_come_from_words() {
        let check = |text: &str, expect: &[&str]| {
            let mut found = publics_in(text);
            sort_in(&mut found, PUBLICS_ORDER);
            assert_eq!(found, expect, "{text:?}");
        };
        check(
            "Demandeurs d’emploi et jeunes de moins de 26 ans",
            &["demandeurs_emploi", "jeunes"],
        );
        check(
            "Salariées, femmes éloignées de l'emploi",
            &["femmes", "salaries"],
        );
        check("Habitants des QPV ou d'une ZRR", &["qpv", "zrr"]);
        check("Personnes peu qualifiées, RQTH", &["peu_qualifies", "rqth"]);
        check("Tout public", &["tout_public"]);
        // "jeunesse" is not "jeune"; "salariat" is not "salarié".
        check("Animation jeunesse, salariat", &[]);
    }

    #[test]
    fn restrictions_need_explicit_words() {
        let check = |text: &str, expect: &[&str]| {
            let mut found = reserved_in(text);
            sort_in(&mut found, PUBLICS_ORDER);
            assert_eq!(found, expect, "{text:?}");
        };
        check(
            "Formation réservée aux demandeurs d'emploi.",
            &["demandeurs_emploi"],
        );
        check("Ouvert uniquement aux jeunes de 16 à 25 ans", &["jeunes"]);
        check("Action exclusivement destinée aux femmes", &["femmes"]);
        check("Public : demandeurs d'emploi, jeunes en priorité", &[]);
        check("Tout public. Places réservées : 2", &[]);
        check("Non réservé aux demandeurs d'emploi", &[]);
        check(
            "Réservé &lt;b&gt;exclusivement&lt;/b&gt; aux salariés",
            &["salaries"],
        );
        // The restriction is the sentence's only: the second sentence lists, it does not restrict.
        check(
            "Réservé aux personnes RQTH. Les salariés peuvent s'informer.",
            &["rqth"],
        );
    }

    #[test]
    fn financer_codes_follow_the_lheo_table() {
        for (code, expect) in [
            ("2", Some("region")),
            ("4", Some("france_travail")),
            ("5", Some("entreprise")),
            ("7", Some("agefiph")),
            ("10", Some("personnel")),
            ("11", Some("etat")),
            ("16", Some("opco")),
            ("17", Some("autre")),
            ("0", Some("autre")),
            ("1", None),
            ("99", None),
            ("-", None),
        ] {
            assert_eq!(funding_of_financer(code), expect, "{code}");
        }
    }

    #[test]
    fn accessibility_reads_yes_no_and_unknown() {
        for (text, expect) in [
            ("Non", Some(false)),
            ("non, locaux à l'étage", Some(false)),
            ("Locaux non accessibles", Some(false)),
            ("Oui", Some(true)),
            ("Accès handicapé possible", Some(true)),
            (
                "Locaux accessibles aux personnes à mobilité réduite",
                Some(true),
            ),
            ("Nous contacter", None),
        ] {
            assert_eq!(accessible(text), expect, "{text:?}");
        }
    }

    #[test]
    fn zero_amounts_are_free() {
        for text in ["0", "0,00 €", "0.00 EUR", "Gratuit", "aucun", "0 euros"] {
            assert!(is_zero_amount(text), "{text:?}");
        }
        for text in ["10", "0,50 €", "à définir", "100 euros"] {
            assert!(!is_zero_amount(text), "{text:?}");
        }
    }
}
