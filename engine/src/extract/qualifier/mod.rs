//! Certifications and languages as texts write them: the licence category after
//! "permis", the categories of a CACES, the levels of an electrical clearance, a
//! language's level, a test's score. They become the mention's `qualifier` ("cat. 1,
//! 3, 5", "B0 H0V", "courant B2", "score 850"), and the mention's span grows to cover
//! them, so that "CACES R489 cat. 1, 3, 5" is highlighted whole; the span stays exact
//! byte offsets of the original text.
//!
//! How a skill's qualifier is read (its [`Grammar`]) follows from its kind and, for a
//! certification, from its lexicon id (its own, or the lexicon id a référentiel item
//! links to): `permis-*` are driving licences, `caces*` read categories,
//! `habilitation-electrique` reads levels, the other certifications a score, languages
//! a level.
//!
//! Driving licences are one skill per category, as ROME and France Travail's `permis[]`
//! list them: "permis C/CE" gives two mentions, "Permis C" over its words and "CE" over
//! its own. A form marked contextual in the lexicon ([`crate::taxonomy::Surface`])
//! counts only when its context is read: "permis" and "habilitation" alone need a
//! category or level after them, "italien" a level, a language cue ("maîtrise de
//! l'italien", "parler italien", "en italien", "italien apprécié") or another language
//! next to it ("anglais ou italien"), so that "restaurant italien" names no language.
//!
//! Every reader walks a bounded number of tokens from its match: the cost stays linear
//! in the text.

mod read;

use rustc_hash::{FxHashMap, FxHashSet};

use compact_str::CompactString;

use super::matcher::RawMatch;
use crate::taxonomy::{SkillKind, Taxonomy};
use crate::text::{self, Boundary, Token, TokenKind};

/// How the qualifier of a skill's mentions is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grammar {
    /// Not a certification nor a language: nothing to read.
    None,
    /// A driving licence: further categories after it are further licences.
    Licence,
    /// A CACES: categories after it.
    Categories,
    /// An electrical clearance: levels after it (or around a level written alone).
    Levels,
    /// A language: a level around it.
    Language,
    /// Another certification: a score after it.
    Score,
}

/// Words before a language that say it is one ("maîtrise de l'anglais", "parler
/// italien", "cours d'espagnol"), as analysed terms.
const LANGUAGE_CUES_BEFORE: &[&str] = &[
    "langue",
    "parler",
    "parlez",
    "parle",
    "parlant",
    "maitrise",
    "maitriser",
    "maitrisez",
    "maitrisant",
    "pratique",
    "pratiquer",
    "pratiquez",
    "connaissance",
    "notion",
    "niveau",
    "bilingue",
    "courant",
    "cour",
    "formateur",
    "professeur",
    "professeure",
    "enseignant",
    "enseignement",
    "traduction",
    "traducteur",
    "interprete",
    "comprehension",
    "expression",
    "echanger",
    "communiquer",
    "rediger",
    "redaction",
    "aisance",
];

/// Words after a language that say it is asked of the candidate ("italien apprécié",
/// "espagnol est un plus"), as analysed terms.
const LANGUAGE_CUES_AFTER: &[&str] = &[
    "exige",
    "obligatoire",
    "indispensable",
    "requis",
    "requise",
    "apprecie",
    "appreciable",
    "souhaite",
    "souhaitable",
    "imperatif",
    "necessaire",
    "atout",
    "plus",
    "bienvenu",
    "bienvenue",
    "optionnel",
];

/// A match with what was read around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Qualified {
    /// The match; its span and tokens cover the qualifier read.
    pub raw: RawMatch,
    pub qualifier: Option<String>,
}

/// What a taxonomy's certifications and languages need to read their qualifiers.
#[derive(Debug, Clone, Default)]
pub struct Qualifiers {
    /// Per skill index.
    grammar: Vec<Grammar>,
    /// Per skill index: true for a licence whose category the skill does not say
    /// ("Permis de conduire").
    generic_licence: Vec<bool>,
    /// A licence category as analysed ("ce", "ec", "pl") → the skill of that licence.
    licence_categories: FxHashMap<CompactString, u32>,
    /// The contextual one-word forms of languages, folded ("italien", "francais"): a
    /// match through another inflection ("cuisine italienne", "société française") is
    /// the adjective, never the language.
    language_forms: FxHashSet<CompactString>,
}

/// The lexicon id of a skill: its own, or the first lexicon id it links to.
fn lexicon_slug(skill: &crate::taxonomy::Skill) -> Option<&str> {
    std::iter::once(&skill.id)
        .chain(&skill.links)
        .find_map(|id| id.as_str().strip_prefix("passerelle:"))
}

fn grammar_of(skill: &crate::taxonomy::Skill) -> Grammar {
    match skill.kind {
        SkillKind::Language => Grammar::Language,
        SkillKind::Certification => match lexicon_slug(skill) {
            Some(slug) if slug.starts_with("permis-") => Grammar::Licence,
            Some(slug) if slug == "caces" || slug.starts_with("caces-") => Grammar::Categories,
            Some(slug) if slug.starts_with("habilitation-electrique") => Grammar::Levels,
            _ => Grammar::Score,
        },
        _ => Grammar::None,
    }
}

impl Qualifiers {
    /// Reads the grammar of every skill of `taxonomy` and the licence categories.
    pub fn new(taxonomy: &Taxonomy) -> Qualifiers {
        let grammar: Vec<Grammar> = taxonomy.skills().iter().map(grammar_of).collect();
        let mut generic_licence = vec![false; grammar.len()];
        let mut licence_categories: FxHashMap<CompactString, u32> = FxHashMap::default();
        for (index, skill) in taxonomy.skills().iter().enumerate() {
            if grammar[index] != Grammar::Licence {
                continue;
            }
            let index = index as u32;
            // The category in the id ("permis-ce"), then every "permis X" form.
            let from_id = lexicon_slug(skill)
                .and_then(|slug| slug.strip_prefix("permis-"))
                .filter(|c| c.bytes().all(|b| b.is_ascii_alphanumeric()));
            match from_id {
                Some(category) => {
                    licence_categories.entry(category.into()).or_insert(index);
                }
                None => generic_licence[index as usize] = true,
            }
            for surface in &skill.surfaces {
                let words: Vec<Token> = text::analyze(&surface.text)
                    .into_iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .collect();
                if let [head, category] = &words[..]
                    && head.norm == "permis"
                    && from_id.is_some()
                {
                    licence_categories
                        .entry(category.norm.clone())
                        .or_insert(index);
                }
            }
        }
        let language_forms = taxonomy
            .skills()
            .iter()
            .zip(&grammar)
            .filter(|(_, g)| **g == Grammar::Language)
            .flat_map(|(skill, _)| &skill.surfaces)
            .filter(|surface| surface.contextual)
            .filter_map(|surface| match &text::analyze(&surface.text)[..] {
                [word] => Some(word.norm.clone()),
                _ => None,
            })
            .collect();
        Qualifiers {
            grammar,
            generic_licence,
            licence_categories,
            language_forms,
        }
    }

    fn grammar(&self, skill: u32) -> Grammar {
        self.grammar
            .get(skill as usize)
            .copied()
            .unwrap_or(Grammar::None)
    }

    /// Reads the qualifiers of `found` (the matches of `tokens`, the analysis of
    /// `text`, in text order): spans grow over what was read, contextual forms without
    /// their context are dropped, licence lists give one match per licence, and a match
    /// inside a qualifier already read is dropped.
    pub fn read(&self, text: &str, tokens: &[Token], found: Vec<RawMatch>) -> Vec<Qualified> {
        let plain = |raw: RawMatch| Qualified {
            raw,
            qualifier: None,
        };
        if found
            .iter()
            .all(|m| self.grammar(m.skill) == Grammar::None && !m.contextual)
        {
            return found.into_iter().map(plain).collect();
        }
        let mut out: Vec<Qualified> = Vec::with_capacity(found.len());
        // Every language read (its place in `out`) and whether its own words give it
        // its context: decided once all are read, since a neighbour may vouch for it.
        let mut languages: Vec<(usize, bool)> = Vec::new();
        // Tokens before this one belong to a mention already made.
        let mut covered = 0;
        for raw in found {
            if raw.first_token < covered {
                continue;
            }
            let grammar = self.grammar(raw.skill);
            match grammar {
                Grammar::None => out.push(plain(raw)),
                Grammar::Licence => self.licences(text, tokens, raw, &mut out),
                Grammar::Categories => {
                    let read = read::caces_categories(text, tokens, raw.end_token);
                    let qualifier = (!read.is_empty()).then(|| {
                        let codes: Vec<&str> = read.iter().map(|(_, c)| c.as_str()).collect();
                        format!("cat. {}", codes.join(", "))
                    });
                    let last = read.last().map(|&(i, _)| i);
                    keep(tokens, raw, None, last, qualifier, &mut out);
                }
                Grammar::Levels => {
                    // A level written alone ("H0V") may follow others ("B0/H0V").
                    let head_is_level = raw.end_token == raw.first_token + 1
                        && read::electrical_level(read::written(text, &tokens[raw.first_token]))
                            .is_some();
                    let (before, after) = if head_is_level {
                        let floor = out.last().map_or(0, |q| q.raw.end_token);
                        (
                            read::electrical_levels(text, tokens, raw.first_token, true, floor),
                            read::electrical_levels(text, tokens, raw.first_token, false, 0),
                        )
                    } else {
                        (
                            Vec::new(),
                            read::electrical_levels(text, tokens, raw.end_token, false, 0),
                        )
                    };
                    let levels: Vec<&str> = before.iter().chain(&after).map(|&(_, l)| l).collect();
                    let qualifier = (!levels.is_empty()).then(|| levels.join(" "));
                    let first = before.first().map(|&(i, _)| i);
                    let last = after.last().map(|&(i, _)| i);
                    keep(tokens, raw, first, last, qualifier, &mut out);
                }
                Grammar::Language => {
                    if raw.contextual
                        && raw.length == 1
                        && !self.language_forms.contains(&tokens[raw.first_token].norm)
                    {
                        continue;
                    }
                    let floor = out.last().map_or(0, |q| q.raw.end_token);
                    let before = read::language_level_before(text, tokens, raw.first_token, floor);
                    let after = read::language_levels_after(text, tokens, raw.end_token);
                    let parts: Vec<&str> = before
                        .iter()
                        .chain(&after)
                        .map(|(_, l)| l.as_str())
                        .collect();
                    let qualifier = (!parts.is_empty()).then(|| parts.join(" "));
                    let context =
                        qualifier.is_some() || !raw.contextual || language_cue(text, tokens, &raw);
                    let first = before.map(|(i, _)| i);
                    let last = after.last().map(|&(i, _)| i);
                    // Kept for now: a neighbour may still vouch for it.
                    languages.push((out.len(), context));
                    out.push(Qualified {
                        raw: extend(tokens, raw, first, last),
                        qualifier,
                    });
                }
                Grammar::Score => {
                    let read = read::score(text, tokens, raw.end_token);
                    let last = read.as_ref().map(|&(_, end, _)| end);
                    let qualifier = read.map(|(_, _, s)| format!("score {s}"));
                    keep(tokens, raw, None, last, qualifier, &mut out);
                }
            }
            if let Some(last) = out.last() {
                covered = covered.max(last.raw.end_token);
            }
        }
        Self::settle_languages(tokens, &mut out, &languages);
        out
    }

    /// A licence match and the further licences listed after it.
    fn licences(&self, text: &str, tokens: &[Token], raw: RawMatch, out: &mut Vec<Qualified>) {
        let generic = self
            .generic_licence
            .get(raw.skill as usize)
            .copied()
            .unwrap_or(false);
        let read = read::licence_categories(
            text,
            tokens,
            raw.end_token,
            !generic,
            &self.licence_categories,
        );
        let mut rest = read.into_iter().peekable();
        if generic {
            // "Permis de conduire catégorie B": the head takes the first category's
            // skill; "permis" alone without one names nothing.
            match rest.next() {
                Some((index, skill)) => {
                    let mut head = extend(tokens, raw, None, Some(index));
                    head.skill = skill;
                    out.push(Qualified {
                        raw: head,
                        qualifier: None,
                    });
                }
                None if raw.contextual => return,
                None => out.push(Qualified {
                    raw,
                    qualifier: None,
                }),
            }
        } else {
            out.push(Qualified {
                raw,
                qualifier: None,
            });
        }
        let head_skill = out.last().map(|q| q.raw.skill);
        for (index, skill) in rest {
            if Some(skill) == head_skill {
                continue;
            }
            let token = &tokens[index];
            out.push(Qualified {
                raw: RawMatch {
                    skill,
                    start: token.start,
                    end: token.end,
                    first_token: index,
                    end_token: index + 1,
                    preferred: false,
                    length: 1,
                    contextual: false,
                },
                qualifier: None,
            });
        }
    }

    /// Drops the languages written in a form that needs context when neither their
    /// own words nor a language next to them give it ("anglais ou italien" vouches for
    /// "italien"; "restaurant italien" has none).
    fn settle_languages(tokens: &[Token], out: &mut Vec<Qualified>, languages: &[(usize, bool)]) {
        if languages.is_empty() {
            return;
        }
        let mut context: Vec<bool> = languages.iter().map(|&(_, c)| c).collect();
        let adjacent = |a: usize, b: usize| {
            let (left, right) = (&out[languages[a].0].raw, &out[languages[b].0].raw);
            right.first_token >= left.end_token
                && right.first_token - left.end_token <= 4
                && tokens[left.end_token..right.first_token]
                    .iter()
                    .all(|t| match t.kind {
                        TokenKind::Word => t.stop,
                        TokenKind::Break(_) => true,
                    })
        };
        for i in 1..context.len() {
            if context[i - 1] && adjacent(i - 1, i) {
                context[i] = true;
            }
        }
        for i in (1..context.len()).rev() {
            if context[i] && adjacent(i - 1, i) {
                context[i - 1] = true;
            }
        }
        let mut drop = vec![false; out.len()];
        for (&(position, _), keep) in languages.iter().zip(&context) {
            drop[position] = !keep;
        }
        let mut index = 0;
        out.retain(|_| {
            index += 1;
            !drop[index - 1]
        });
    }
}

/// Pushes `raw` grown over the qualifier tokens `first..=last`; a contextual form
/// without a qualifier is dropped.
fn keep(
    tokens: &[Token],
    raw: RawMatch,
    first: Option<usize>,
    last: Option<usize>,
    qualifier: Option<String>,
    out: &mut Vec<Qualified>,
) {
    if raw.contextual && qualifier.is_none() {
        return;
    }
    out.push(Qualified {
        raw: extend(tokens, raw, first, last),
        qualifier,
    });
}

/// `raw` with its span grown to start at token `first` and end after token `last`.
fn extend(
    tokens: &[Token],
    mut raw: RawMatch,
    first: Option<usize>,
    last: Option<usize>,
) -> RawMatch {
    if let Some(first) = first.filter(|&f| f < raw.first_token) {
        raw.first_token = first;
        raw.start = tokens[first].start;
    }
    if let Some(last) = last.filter(|&l| l >= raw.end_token) {
        raw.end_token = last + 1;
        raw.end = tokens[last].end;
    }
    raw
}

/// True when the words around a language say it is one: a language cue before it in
/// its sentence (the line above when it ends with a colon, "Langues :"), "en" right
/// before it, or a requirement word as the next word of its clause.
fn language_cue(text: &str, tokens: &[Token], raw: &RawMatch) -> bool {
    if raw
        .first_token
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| t.norm == "en")
    {
        return true;
    }
    // A few tokens each way: the scan stays bounded whatever the text.
    let mut index = raw.first_token;
    let floor = raw.first_token.saturating_sub(8);
    while index > floor {
        index -= 1;
        let token = &tokens[index];
        match token.kind {
            TokenKind::Word if token.stop => continue,
            TokenKind::Word => {
                if LANGUAGE_CUES_BEFORE.contains(&token.term.as_str()) {
                    return true;
                }
                break;
            }
            TokenKind::Break(Boundary::Clause) => continue,
            TokenKind::Break(Boundary::Line)
                if text
                    .get(token.start..token.end)
                    .is_some_and(|g| g.contains(':')) =>
            {
                continue;
            }
            TokenKind::Break(_) => break,
        }
    }
    tokens
        .iter()
        .skip(raw.end_token)
        .take(8)
        .take_while(|t| t.kind == TokenKind::Word)
        .find(|t| !t.stop)
        .is_some_and(|t| LANGUAGE_CUES_AFTER.contains(&t.term.as_str()))
}

#[cfg(test)]
mod tests {
    //! Certifications and languages as offers write them, through the extractor over
    //! the built-in lexicon: spans exact, qualifiers normalised, look-alikes ignored.

    use std::sync::{Arc, OnceLock};

    use crate::extract::{ExtractParams, Extractor, SkillMention};

    fn extractor() -> &'static Extractor {
        static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
        EXTRACTOR.get_or_init(|| {
            let lexicon = Arc::new(crate::corpus::builtin_lexicon().unwrap());
            Extractor::new(lexicon, None, ExtractParams::default())
        })
    }

    /// The certification and language mentions of `text`, as `span=label[qualifier]`,
    /// in text order.
    fn mentions(text: &str) -> Vec<String> {
        let extraction = extractor().extract("", text);
        let taxonomy = extractor().taxonomy();
        let mut found: Vec<&SkillMention> = extraction
            .skills
            .iter()
            .filter(|m| {
                taxonomy.skill(&m.skill).is_some_and(|s| {
                    s.kind == SkillKind::Certification || s.kind == SkillKind::Language
                })
            })
            .collect();
        found.sort_by_key(|m| m.start);
        found
            .iter()
            .map(|m| {
                let span = &text[m.start.unwrap()..m.end.unwrap()];
                match &m.qualifier {
                    Some(q) => format!("{span}={}[{q}]", m.label),
                    None => format!("{span}={}", m.label),
                }
            })
            .collect()
    }

    fn check(text: &str, expect: &[&str]) {
        assert_eq!(mentions(text), expect, "{text:?}");
    }

    use super::SkillKind;

    #[test]
    fn caces_with_their_categories() {
        check(
            "CACES R489 cat. 1, 3, 5 exigé.",
            &["CACES R489 cat. 1, 3, 5=CACES R489[cat. 1, 3, 5]"],
        );
        check("Cariste caces 1-3-5", &["caces 1-3-5=CACES[cat. 1, 3, 5]"]);
        check(
            "CACES R489 catégories 1 3 et 5 à jour",
            &["CACES R489 catégories 1 3 et 5=CACES R489[cat. 1, 3, 5]"],
        );
        check(
            "CACES nacelle R486",
            &["CACES nacelle=CACES R486", "R486=CACES R486"],
        );
        check("CACES 3 ans minimum", &["CACES=CACES"]);
    }

    #[test]
    fn driving_licences_one_per_category() {
        check("Permis B obligatoire", &["Permis B=Permis B"]);
        check("permis C/CE", &["permis C=Permis C", "CE=Permis CE"]);
        check(
            "Permis BE, C ou CE avec FIMO",
            &[
                "Permis BE=Permis BE",
                "C=Permis C",
                "CE=Permis CE",
                "FIMO=FIMO",
            ],
        );
        check(
            "Permis de conduire catégorie D exigé",
            &["Permis de conduire catégorie D=Permis D"],
        );
        check("Permis A apprécié", &["Permis A=Permis A"]);
        check(
            "Permis de conduire exigé",
            &["Permis de conduire=Permis de conduire"],
        );
        check(
            "permis poids lourds (C) et FIMO/FCO",
            &["permis poids lourds=Permis C", "FIMO=FIMO", "FCO=FCO"],
        );
    }

    #[test]
    fn electrical_clearances_with_their_levels() {
        check(
            "habilitation électrique B0/H0V",
            &["habilitation électrique B0/H0V=Habilitation électrique[B0 H0V]"],
        );
        check(
            "Habilitations : B2V, BR, BC, H1V",
            &["Habilitations : B2V, BR, BC, H1V=Habilitation électrique[B2V BR BC H1V]"],
        );
        check(
            "Titulaire B0/H0V",
            &["B0/H0V=Habilitation électrique[B0 H0V]"],
        );
        check(
            "Habilitation électrique à jour",
            &["Habilitation électrique=Habilitation électrique"],
        );
    }

    #[test]
    fn languages_with_their_levels() {
        check("anglais courant", &["anglais courant=Anglais[courant]"]);
        check("Anglais B2 minimum", &["Anglais B2=Anglais[B2]"]);
        check(
            "Anglais professionnel (écrit et oral)",
            &["Anglais professionnel (écrit et oral=Anglais[professionnel écrit oral]"],
        );
        check(
            "Assistant bilingue anglais",
            &["bilingue anglais=Anglais[bilingue]"],
        );
        check(
            "Vous maîtrisez le français et l'allemand (niveau B1).",
            &["français=Français", "allemand (niveau B1=Allemand[B1]"],
        );
        check(
            "Vous parlez anglais ou espagnol ou italien.",
            &["anglais=Anglais", "espagnol=Espagnol", "italien=Italien"],
        );
        check("Langues :\n- Allemand\n", &["Allemand=Allemand"]);
        check(
            "Excel, anglais, notions de comptabilité",
            &["anglais=Anglais"],
        );
    }

    #[test]
    fn tests_with_their_scores() {
        check("TOEIC 850 requis", &["TOEIC 850=TOEIC[score 850]"]);
        check(
            "TOEIC (score > 800)",
            &["TOEIC (score > 800=TOEIC[score 800]"],
        );
        check(
            "Test Bright >= 3,5",
            &["Test Bright >= 3,5=Test Bright[score 3.5]"],
        );
        check("IELTS 6.5", &["IELTS 6.5=IELTS[score 6.5]"]);
        check("Bright avenir", &[]);
    }

    #[test]
    fn look_alikes_name_nothing() {
        for text in [
            "Catégorie B",
            "Le plan B.",
            "Vous gérez les permis de construire.",
            "Votre expérience a permis de développer l'équipe.",
            "Permis à points",
            "Notre restaurant italien recrute.",
            "Connaissance de la cuisine italienne souhaitée.",
            "Une société française reconnue.",
            "Un groupe japonais leader.",
            "Le leader français de l'énergie.",
            "Habilitation secret défense",
            "Les SSTI et la médecine du travail; ASST",
            "CE poste est à pourvoir",
            "BR et BC",
        ] {
            check(text, &[]);
        }
        // "ce" after a licence is a word, not the licence CE; "PERMIS B DE 2 ANS" is
        // not the licence DE.
        check("Permis B, ce poste", &["Permis B=Permis B"]);
        check("PERMIS B DE + DE 2 ANS", &["PERMIS B=Permis B"]);
    }

    #[test]
    fn exige_and_souhaite_read_as_for_any_skill() {
        let required = |text: &str| {
            let extraction = extractor().extract("", text);
            extraction
                .skills
                .first()
                .map(|m| (m.label.clone(), m.required))
        };
        assert_eq!(
            required("Permis B exigé."),
            Some(("Permis B".into(), Some(true)))
        );
        assert_eq!(
            required("Permis B souhaité."),
            Some(("Permis B".into(), Some(false)))
        );
        assert_eq!(
            required("CACES apprécié."),
            Some(("CACES".into(), Some(false)))
        );
        assert_eq!(
            required("CACES R489 cat 3 obligatoire."),
            Some(("CACES R489".into(), Some(true)))
        );
    }

    #[test]
    fn spans_stay_exact_in_any_script() {
        let text = "Habilitation\u{00A0}électrique BR ; permis C — anglais lu, écrit, parlé";
        for mention in extractor().extract("", text).skills {
            let (start, end) = (mention.start.unwrap(), mention.end.unwrap());
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            assert!(start < end);
        }
        check(
            text,
            &[
                "Habilitation\u{00A0}électrique BR=Habilitation électrique[BR]",
                "permis C=Permis C",
                "anglais lu, écrit, parlé=Anglais[lu écrit parlé]",
            ],
        );
    }
}
