//! The token-level readers of qualifiers: licence categories after "permis", CACES
//! categories, electrical clearance levels, language levels and test scores.
//!
//! Each reader walks the analysed tokens from one position, a bounded number of steps,
//! and returns the items it read with their token positions; the caller makes the
//! mention's span and qualifier from them. Nothing here allocates per token beyond the
//! items found.

use rustc_hash::FxHashMap;

use compact_str::CompactString;

use crate::text::{Boundary, Token, TokenKind};

/// Tokens a reader looks at, at most, past the last item it read (or the head).
const LOOKAHEAD: usize = 6;
/// Items a list holds, at most.
const MAX_ITEMS: usize = 12;

/// Words that may stand between a head and its categories ("CACES R489 cat. 3",
/// "permis de conduire catégorie B") or between categories ("catégorie 3 et catégorie
/// 5").
const CATEGORY_WORDS: &[&str] = &["cat", "categ", "categorie", "categories", "type", "n"];

/// Units a number is followed by when it is a quantity, not a category or a score
/// ("CACES 3 ans d'expérience").
const UNITS: &[&str] = &[
    "an",
    "ans",
    "annee",
    "annees",
    "mois",
    "jour",
    "jours",
    "semaine",
    "semaines",
    "h",
    "heure",
    "heures",
    "m",
    "metre",
    "metres",
    "t",
    "tonne",
    "tonnes",
    "kg",
    "km",
    "personne",
    "personnes",
    "euros",
    "eur",
];

/// The electrical clearance symbols of NF C 18-510 (and their usual combinations), in
/// upper case with the digit zero.
const ELECTRICAL_LEVELS: &[&str] = &[
    "B0", "B0L", "B0H0", "B0H0V", "B1", "B1L", "B1N", "B1T", "B1V", "B1VL", "B1XL", "B2", "B2L",
    "B2N", "B2T", "B2TL", "B2V", "B2VL", "B2XL", "BC", "BCL", "BE", "BF", "BN", "BP", "BR", "BRL",
    "BS", "BT", "BTA", "H0", "H0B0", "H0V", "H1", "H1N", "H1T", "H1V", "H2", "H2N", "H2T", "H2V",
    "HC", "HE", "HT", "HTA", "HTB", "TBT",
];

/// Words of a language level ("anglais courant", "allemand lu, écrit, parlé"), as
/// analysed terms.
const LANGUAGE_LEVEL_WORDS: &[&str] = &[
    "courant",
    "bilingue",
    "natif",
    "maternel",
    "notion",
    "debutant",
    "intermediaire",
    "avance",
    "operationnel",
    "professionnel",
    "technique",
    "scolaire",
    "fluent",
    "conversationnel",
    "correct",
    "correcte",
    "lu",
    "ecrit",
    "ecrite",
    "parle",
    "oral",
    "orale",
];

/// Words that may stand between a language and its level ("anglais : niveau B2",
/// "anglais de niveau courant").
const LANGUAGE_LEVEL_INTRO: &[&str] = &["niveau", "minimum", "min"];

/// Words that announce a score ("TOEIC score 850", "TOEIC minimum 800").
const SCORE_WORDS: &[&str] = &["score", "minimum", "min", "niveau", "superieur", "note"];

/// Words that may follow a score ("850 points").
const SCORE_UNITS: &[&str] = &["point", "points", "pts", "pt"];

/// An item read and the token it was read from.
pub(super) type Read<T> = (usize, T);

/// The text between two tokens, or after a token up to the next one.
fn gap<'a>(text: &'a str, before: &Token, after: &Token) -> &'a str {
    text.get(before.end..after.start).unwrap_or("")
}

/// The token's own text as written.
pub(super) fn written<'a>(text: &'a str, token: &Token) -> &'a str {
    text.get(token.start..token.end).unwrap_or("")
}

/// True when the break at `index` lets a list run on: a comma, bracket, colon,
/// semicolon or bullet, or the full stop of an abbreviation ("cat.", "n°"); not a
/// sentence's full stop or a line break.
fn crossable(text: &str, tokens: &[Token], index: usize) -> bool {
    let token = &tokens[index];
    match token.kind {
        TokenKind::Break(Boundary::Clause) => true,
        TokenKind::Break(Boundary::Sentence) => {
            let written = written(text, token);
            let abbreviation = written.trim() == "."
                && index
                    .checked_sub(1)
                    .is_some_and(|p| matches!(tokens[p].norm.as_str(), "cat" | "categ" | "n"));
            abbreviation || !written.chars().any(|c| matches!(c, '.' | '!' | '?' | '…'))
        }
        _ => false,
    }
}

/// What a list reader makes of a word.
enum Step<T> {
    /// Items read at this word; the list goes on.
    Take(Vec<T>),
    /// A word the list may hold between items ("cat.", "et", "niveau").
    Skip,
    /// The list ends before this word.
    Stop,
}

/// Reads a list from token `from`: each word goes to `word` (with what was read so
/// far); punctuation the list may cross is crossed; at most [`MAX_ITEMS`] items, and
/// the list ends [`LOOKAHEAD`] tokens after its last item.
fn read_list<T>(
    text: &str,
    tokens: &[Token],
    from: usize,
    mut word: impl FnMut(usize, &Token, &[Read<T>]) -> Step<T>,
) -> Vec<Read<T>> {
    let mut found: Vec<Read<T>> = Vec::new();
    let mut last = from;
    let mut index = from;
    while index < tokens.len() && index < last + LOOKAHEAD && found.len() < MAX_ITEMS {
        let token = &tokens[index];
        match token.kind {
            TokenKind::Word => match word(index, token, &found) {
                Step::Take(items) => {
                    found.extend(items.into_iter().map(|item| (index, item)));
                    last = index;
                }
                Step::Skip => {}
                Step::Stop => break,
            },
            _ if crossable(text, tokens, index) => {}
            _ => break,
        }
        index += 1;
    }
    found
}

fn is_upper(written: &str) -> bool {
    written.chars().any(char::is_alphabetic) && !written.chars().any(char::is_lowercase)
}

/// Driving licence categories after a licence head ("permis C/CE", "Permis BE, C ou
/// CE"): each category is the skill `categories` gives its analysed form. A category
/// read from the list must be written in capitals ("permis à points" names no licence
/// A, "permis B, ce qui…" no licence CE), and two categories must be separated by more
/// than a space ("PERMIS B DE 2 ANS" is not the licence DE); `after_category` says the
/// head ends with one.
pub(super) fn licence_categories(
    text: &str,
    tokens: &[Token],
    from: usize,
    after_category: bool,
    categories: &FxHashMap<CompactString, u32>,
) -> Vec<Read<u32>> {
    let head = from.checked_sub(1).filter(|_| after_category);
    read_list(text, tokens, from, |index, token, found| {
        let norm = token.norm.as_str();
        if let Some(&skill) = categories.get(norm)
            && is_upper(written(text, token))
        {
            let previous = found.last().map(|&(i, _)| i).or(head);
            let separated = previous.is_none_or(|previous| {
                index > previous + 1 || !gap(text, &tokens[previous], token).trim().is_empty()
            });
            if separated {
                Step::Take(vec![skill])
            } else {
                Step::Stop
            }
        } else if token.stop || CATEGORY_WORDS.contains(&norm) {
            Step::Skip
        } else {
            Step::Stop
        }
    })
}

/// A CACES category as written: a number from 1 to 10 with an optional letter ("1",
/// "1B", "3A"), or a capital letter with an optional digit ("B", "C1").
fn caces_category(written: &str) -> Option<String> {
    let upper = written.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    match bytes {
        [b'1'..=b'9'] | [b'1'..=b'9', b'A'..=b'C'] | [b'1', b'0'] => Some(upper),
        [b'A'..=b'G'] | [b'A'..=b'G', b'1'..=b'3'] if is_upper(written) => Some(upper),
        _ => None,
    }
}

/// CACES categories after a CACES head ("cat. 1, 3, 5", "1-3-5", "catégories 1 3 et
/// 5", "1.3.5"); a number followed by a unit is a quantity and ends the list.
pub(super) fn caces_categories(text: &str, tokens: &[Token], from: usize) -> Vec<Read<String>> {
    read_list(text, tokens, from, |index, token, _| {
        let norm = token.norm.as_str();
        // "1.3.5" is one token.
        let parts: Option<Vec<String>> = written(text, token)
            .split('.')
            .map(caces_category)
            .collect();
        match parts {
            Some(parts) if !parts.is_empty() => {
                let quantity = tokens
                    .get(index + 1)
                    .is_some_and(|next| UNITS.contains(&next.norm.as_str()));
                if quantity {
                    Step::Stop
                } else {
                    Step::Take(parts)
                }
            }
            _ if token.stop || CATEGORY_WORDS.contains(&norm) => Step::Skip,
            _ => Step::Stop,
        }
    })
}

/// An electrical clearance level as written ("B0", "h0v", "HO" with a letter O).
pub(super) fn electrical_level(written: &str) -> Option<&'static str> {
    let upper = written.to_ascii_uppercase();
    let find = |code: &str| ELECTRICAL_LEVELS.iter().copied().find(|l| *l == code);
    find(&upper).or_else(|| find(&upper.replace('O', "0")))
}

/// Electrical clearance levels after a clearance head ("habilitation électrique
/// B0/H0V", "habilitations : B2V, BR, BC"), or, `backward`, before a level written
/// alone ("B0/H0V").
pub(super) fn electrical_levels(
    text: &str,
    tokens: &[Token],
    from: usize,
    backward: bool,
    floor: usize,
) -> Vec<Read<&'static str>> {
    let mut found: Vec<Read<&'static str>> = Vec::new();
    let mut steps = 0;
    let mut index = from;
    loop {
        if backward {
            if index <= floor {
                break;
            }
            index -= 1;
        } else if index >= tokens.len() {
            break;
        }
        if steps >= LOOKAHEAD || found.len() >= MAX_ITEMS {
            break;
        }
        steps += 1;
        let token = &tokens[index];
        match token.kind {
            TokenKind::Word => {
                if let Some(level) = electrical_level(written(text, token)) {
                    found.push((index, level));
                    steps = 0;
                } else if !(token.stop
                    || matches!(token.norm.as_str(), "niveau" | "niveaux" | "type"))
                {
                    break;
                }
            }
            _ if crossable(text, tokens, index) => {}
            _ => break,
        }
        if !backward {
            index += 1;
        }
    }
    if backward {
        found.reverse();
    }
    found
}

/// A CEFR level as written ("B2", "c1").
fn cefr_level(norm: &str) -> Option<String> {
    match norm.as_bytes() {
        [b'a' | b'b' | b'c', b'1' | b'2'] => Some(norm.to_ascii_uppercase()),
        _ => None,
    }
}

/// One part of a language level: a CEFR level, or a level word in lower case as
/// written ("écrit").
fn language_level(text: &str, token: &Token) -> Option<String> {
    cefr_level(&token.norm).or_else(|| {
        LANGUAGE_LEVEL_WORDS
            .contains(&token.term.as_str())
            .then(|| written(text, token).to_lowercase())
    })
}

/// True when the word at `index` heads a complement ("notions de gestion"): it is not
/// a level of the language before it.
fn heads_complement(tokens: &[Token], index: usize) -> bool {
    tokens[index].term == "notion"
        && tokens.get(index + 1).is_some_and(|t| {
            t.kind == TokenKind::Word && matches!(t.norm.as_str(), "de" | "d" | "du" | "des" | "en")
        })
}

/// A language's level after it ("anglais courant", "Anglais B2", "allemand (lu,
/// écrit, parlé)", "anglais : niveau B2 minimum").
pub(super) fn language_levels_after(
    text: &str,
    tokens: &[Token],
    from: usize,
) -> Vec<Read<String>> {
    read_list(text, tokens, from, |index, token, _| {
        if let Some(level) = language_level(text, token)
            && !heads_complement(tokens, index)
        {
            Step::Take(vec![level])
        } else if token.stop || LANGUAGE_LEVEL_INTRO.contains(&token.norm.as_str()) {
            Step::Skip
        } else {
            Step::Stop
        }
    })
}

/// A language's level right before it: "bilingue anglais", "niveau B2 en anglais",
/// "notions d'anglais".
pub(super) fn language_level_before(
    text: &str,
    tokens: &[Token],
    head: usize,
    floor: usize,
) -> Option<Read<String>> {
    let mut index = head;
    for _ in 0..3 {
        if index <= floor {
            return None;
        }
        index -= 1;
        let token = &tokens[index];
        match token.kind {
            TokenKind::Word if token.stop => continue,
            TokenKind::Word => {
                let level = cefr_level(&token.norm).or_else(|| {
                    matches!(token.term.as_str(), "bilingue" | "notion")
                        .then(|| written(text, token).to_lowercase())
                });
                return level.map(|l| (index, l));
            }
            _ => return None,
        }
    }
    None
}

/// A test score after its head ("TOEIC 850", "TOEIC (score > 800)", "IELTS 6.5",
/// "Bright >= 3,5"): an integer from 100 to 990, a decimal from 4 to 10, or any number
/// up to 990 (a decimal under 10) after a score word or a comparison.
pub(super) fn score(text: &str, tokens: &[Token], from: usize) -> Option<(usize, usize, String)> {
    let mut announced = false;
    let mut index = from;
    while index < tokens.len() && index < from + LOOKAHEAD {
        let token = &tokens[index];
        match token.kind {
            TokenKind::Word => {
                let norm = token.norm.as_str();
                if SCORE_WORDS.contains(&norm) {
                    announced = true;
                } else if let Some(value) = number(written(text, token)) {
                    let quantity = tokens
                        .get(index + 1)
                        .is_some_and(|next| UNITS.contains(&next.norm.as_str()));
                    // "Bright >= 3,5": a comparison announces a score too.
                    let compared = from
                        .checked_sub(1)
                        .and_then(|head| text.get(tokens[head].end..token.start))
                        .is_some_and(|gap| gap.contains(['>', '≥', '=']));
                    let announced = announced || compared;
                    // A decimal under 4 is more often a chapter ("ADR 1.3") than a band.
                    let plausible = match value {
                        Number::Integer(n) => (100..=990).contains(&n) || (announced && n <= 990),
                        Number::Decimal(whole, _) => whole < 10 && (announced || whole >= 4),
                    };
                    if quantity || !plausible {
                        return None;
                    }
                    let end = match tokens.get(index + 1) {
                        Some(next) if SCORE_UNITS.contains(&next.norm.as_str()) => index + 1,
                        _ => index,
                    };
                    return Some((index, end, value.to_string()));
                } else if !token.stop {
                    return None;
                }
            }
            _ if crossable(text, tokens, index) => {}
            _ => return None,
        }
        index += 1;
    }
    None
}

/// A score as written.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Number {
    Integer(u32),
    /// Whole part and the decimal digits as written ("3,5" → 3, 5).
    Decimal(u32, u32),
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Integer(n) => write!(f, "{n}"),
            Number::Decimal(whole, decimals) => write!(f, "{whole}.{decimals}"),
        }
    }
}

fn number(written: &str) -> Option<Number> {
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    match written.split_once(['.', ',']) {
        None if digits(written) => written.parse().ok().map(Number::Integer),
        Some((whole, decimals)) if digits(whole) && digits(decimals) && decimals.len() <= 2 => {
            Some(Number::Decimal(whole.parse().ok()?, decimals.parse().ok()?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;

    fn from_after(text: &str, tokens: &[Token], head: &str) -> usize {
        let end = text.find(head).unwrap() + head.len();
        tokens
            .iter()
            .position(|t| t.start >= end)
            .unwrap_or(tokens.len())
    }

    #[test]
    fn caces_categories_in_their_usual_forms() {
        let check = |text: &str, head: &str, expect: &[&str]| {
            let tokens = analyze(text);
            let from = from_after(text, &tokens, head);
            let found: Vec<String> = caces_categories(text, &tokens, from)
                .into_iter()
                .map(|(_, c)| c)
                .collect();
            assert_eq!(found, expect, "{text:?}");
        };
        check("CACES R489 cat. 1, 3, 5", "R489", &["1", "3", "5"]);
        check("caces 1-3-5 exigé", "caces", &["1", "3", "5"]);
        check("CACES 1.3.5 à jour", "CACES", &["1", "3", "5"]);
        check(
            "CACES R489 - Catégorie 3 et Catégorie 5",
            "R489",
            &["3", "5"],
        );
        check("Caces R489 1B à jour", "R489", &["1B"]);
        check("CACES R482 cat B1 et C1", "R482", &["B1", "C1"]);
        check("CACES 3 ans d'expérience", "CACES", &[]);
        check("CACES. 3 postes", "CACES", &[]);
        check("CACES R 485 et 489", "485", &[]);
    }

    #[test]
    fn electrical_levels_with_letter_o_and_lists() {
        let check = |text: &str, head: &str, expect: &[&str]| {
            let tokens = analyze(text);
            let from = from_after(text, &tokens, head);
            let found: Vec<&str> = electrical_levels(text, &tokens, from, false, 0)
                .into_iter()
                .map(|(_, l)| l)
                .collect();
            assert_eq!(found, expect, "{text:?}");
        };
        check(
            "habilitation électrique B0/H0V",
            "électrique",
            &["B0", "H0V"],
        );
        check(
            "Habilitations : B2V, BR, BC, H1V",
            "Habilitations",
            &["B2V", "BR", "BC", "H1V"],
        );
        check(
            "HABILITATION ELECTRIQUE /HO/BO /",
            "ELECTRIQUE",
            &["H0", "B0"],
        );
        check(
            "Habilitations électriques (BR ; H0V) et permis",
            "électriques",
            &["BR", "H0V"],
        );
        check("habilitation secret défense", "habilitation", &[]);
    }

    #[test]
    fn scores_and_what_is_not_one() {
        let check = |text: &str, expect: Option<&str>| {
            let tokens = analyze(text);
            let from = from_after(text, &tokens, text.split(' ').next().unwrap());
            let found = score(text, &tokens, from).map(|(_, _, s)| s);
            assert_eq!(found.as_deref(), expect, "{text:?}");
        };
        check("TOEIC 850", Some("850"));
        check("TOEIC (score > 800)", Some("800"));
        check("TOEFL score 90", Some("90"));
        check("IELTS 6.5", Some("6.5"));
        check("Bright >= 3,5", Some("3.5"));
        check("TOEIC 2 ans", None);
        check("ADR 1.3 à jour", None);
        check("ISO 2015", None);
        check("TOEIC exigé", None);
    }
}
