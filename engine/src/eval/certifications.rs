//! Driving licences and languages found in offer texts against the offers' own fields:
//! France Travail records list the licences (`permis[]`, "B - Véhicule léger") and the
//! languages (`langues[]`, "Anglais") the recruiter asks for, a free labelled set.
//!
//! A listed item is not always written in the text: the recruiter ticks "Permis B" and
//! the description never says it. Recall is therefore given twice: over every listed
//! item (raw), and over the listed items the text names, as a plain word search that
//! shares nothing with the extractor finds them (conditional: "permis" followed by the
//! category, the language's name as a word). Precision is measured on the offers that
//! list the field at all, an extracted item outside the list counting as wrong (the
//! text may name a licence the recruiter did not list, so this is a lower bound).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::engine::Engine;
use crate::model::{JobPosting, ListedRequirement, Requirement};
use crate::taxonomy::{Skill, SkillKind};
use crate::text::fold;

/// Licence category aliases as offers write them, to the category ROME names.
const LICENCE_ALIASES: &[(&str, &str)] = &[
    ("EB", "BE"),
    ("EC", "CE"),
    ("EC1", "C1E"),
    ("ED", "DE"),
    ("VL", "B"),
    ("PL", "C"),
    ("SPL", "CE"),
];

/// Every licence category the plain word search knows.
const LICENCE_CATEGORIES: &[&str] = &[
    "AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE",
];

/// Words the plain search skips between "permis" and its category.
const LICENCE_INTRO: &[&str] = &["de", "conduire", "categorie", "categories", "cat", "type"];

/// What was listed, named and found, over one field or one item ("B", "anglais").
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListedCounts {
    /// Distinct items listed (an item once per offer).
    pub listed: usize,
    /// Listed items the plain word search finds named in the offer's text.
    pub named: usize,
    /// Listed items the extractor found.
    pub found: usize,
    /// Listed and named items the extractor found.
    pub found_named: usize,
    /// Distinct items the extractor found in the offers listing the field.
    pub extracted: usize,
    /// Of those, items the offer lists.
    pub correct: usize,
}

impl ListedCounts {
    fn listed(&mut self, named: bool, found: bool) {
        self.listed += 1;
        self.named += usize::from(named);
        self.found += usize::from(found);
        self.found_named += usize::from(named && found);
    }

    fn extracted(&mut self, correct: bool) {
        self.extracted += 1;
        self.correct += usize::from(correct);
    }
}

/// Figures of one field (licences or languages).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListedScores {
    /// Offers listing at least one item of the field.
    pub offers: usize,
    #[serde(flatten)]
    pub counts: ListedCounts,
    /// `found / listed`.
    pub recall: f64,
    /// `found_named / named`.
    pub recall_named: f64,
    /// `correct / extracted`.
    pub precision: f64,
    /// Over every offer read: offers where the extractor found an item of the field,
    /// and the distinct items found.
    pub offers_with_extracted: usize,
    pub extracted_everywhere: usize,
    /// Found items whose listing says exigé or souhaité (`E`, `S`), and those whose
    /// mention's `required` says the same (`true`, `false`).
    pub requirement_listed: usize,
    pub requirement_agreed: usize,
}

/// Licences and languages against `permis[]` and `langues[]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CertificationsReport {
    /// Offers read.
    pub offers: usize,
    pub licences: ListedScores,
    pub languages: ListedScores,
    /// Per licence category and per language.
    pub licence_items: BTreeMap<String, ListedCounts>,
    pub language_items: BTreeMap<String, ListedCounts>,
    /// Mentions of a driving licence whose category the text does not say ("permis de
    /// conduire exigé"), over every offer.
    pub generic_licences: usize,
}

/// The category of a listed licence ("B - Véhicule léger" → "B", "EC - Poids lourd +
/// remorque" → "CE", "B mention 96 - VL + remorque" → "B").
fn listed_licence(label: &str) -> Option<String> {
    let first = label.split_whitespace().next()?.to_ascii_uppercase();
    Some(licence_alias(&first).to_string())
}

fn licence_alias(category: &str) -> &str {
    LICENCE_ALIASES
        .iter()
        .find(|(alias, _)| *alias == category)
        .map_or(category, |(_, canonical)| canonical)
}

/// The language of a listed language or a language skill: its first word, folded
/// ("Chinois (Mandarin)" → "chinois", "Anglais technique" → "anglais").
fn language_name(label: &str) -> Option<String> {
    fold(label)
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_string)
}

/// The licence category of a licence skill, from its lexicon id (its own or linked):
/// `passerelle:permis-ce` → "CE"; `None` for the licence whose category is not said.
fn skill_licence(skill: &Skill) -> Option<Option<String>> {
    if skill.kind != SkillKind::Certification {
        return None;
    }
    let slug = std::iter::once(&skill.id)
        .chain(&skill.links)
        .find_map(|id| id.as_str().strip_prefix("passerelle:permis-"))?;
    let category = slug
        .bytes()
        .all(|b| b.is_ascii_alphanumeric())
        .then(|| licence_alias(&slug.to_ascii_uppercase()).to_string());
    Some(category)
}

/// The folded words of a text.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The licence categories a text names after "permis", by plain word search.
fn named_licences(words: &[String]) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for (index, word) in words.iter().enumerate() {
        if word != "permis" {
            continue;
        }
        let mut rest = words[index + 1..]
            .iter()
            .skip_while(|w| LICENCE_INTRO.contains(&w.as_str()))
            .take(6);
        for next in rest.by_ref() {
            let upper = next.to_ascii_uppercase();
            let category = licence_alias(&upper);
            if LICENCE_CATEGORIES.contains(&category) {
                named.insert(category.to_string());
            } else if !matches!(next.as_str(), "et" | "ou") {
                break;
            }
        }
    }
    named
}

/// What one offer gives to the report.
#[derive(Debug, Default)]
struct OfferFigures {
    /// Per field: listed items (with their exigence) and extracted items (with the
    /// `required` of their first mention).
    licences: Side,
    languages: Side,
    generic_licences: usize,
}

#[derive(Debug, Default)]
struct Side {
    listed: BTreeMap<String, Option<Requirement>>,
    named: BTreeSet<String>,
    extracted: BTreeMap<String, Option<bool>>,
}

fn listed_items(
    items: &[ListedRequirement],
    name: impl Fn(&str) -> Option<String>,
) -> BTreeMap<String, Option<Requirement>> {
    items
        .iter()
        .filter_map(|item| Some((name(&item.label)?, item.requirement)))
        .collect()
}

fn offer_figures(engine: &Engine, posting: &JobPosting) -> OfferFigures {
    let taxonomy = engine.taxonomy();
    let extraction = engine.extract(&posting.title, &posting.description);
    let mut figures = OfferFigures::default();
    for mention in &extraction.skills {
        let Some(skill) = taxonomy.skill(&mention.skill) else {
            continue;
        };
        if skill.kind == SkillKind::Language {
            if let Some(name) = language_name(&skill.label) {
                figures
                    .languages
                    .extracted
                    .entry(name)
                    .or_insert(mention.required);
            }
        } else if let Some(category) = skill_licence(skill) {
            match category {
                Some(category) => {
                    figures
                        .licences
                        .extracted
                        .entry(category)
                        .or_insert(mention.required);
                }
                None => figures.generic_licences += 1,
            }
        }
    }
    figures.licences.listed = listed_items(&posting.licences, listed_licence);
    figures.languages.listed = listed_items(&posting.languages, language_name);
    let text = words(&format!("{}\n{}", posting.title, posting.description));
    figures.licences.named = named_licences(&text);
    let present: BTreeSet<&str> = text.iter().map(String::as_str).collect();
    figures.languages.named = figures
        .languages
        .listed
        .keys()
        .filter(|name| present.contains(name.as_str()))
        .cloned()
        .collect();
    figures
}

fn add(scores: &mut ListedScores, items: &mut BTreeMap<String, ListedCounts>, side: &Side) {
    if !side.extracted.is_empty() {
        scores.offers_with_extracted += 1;
        scores.extracted_everywhere += side.extracted.len();
    }
    if side.listed.is_empty() {
        return;
    }
    scores.offers += 1;
    for (item, requirement) in &side.listed {
        let named = side.named.contains(item);
        let found = side.extracted.get(item);
        scores.counts.listed(named, found.is_some());
        items
            .entry(item.clone())
            .or_default()
            .listed(named, found.is_some());
        if let (Some(required), Some(requirement)) = (found, requirement) {
            scores.requirement_listed += 1;
            let agreed = *required == Some(*requirement == Requirement::Required);
            scores.requirement_agreed += usize::from(agreed);
        }
    }
    for item in side.extracted.keys() {
        let correct = side.listed.contains_key(item);
        scores.counts.extracted(correct);
        items.entry(item.clone()).or_default().extracted(correct);
    }
}

fn finish(scores: &mut ListedScores) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let counts = &scores.counts;
    scores.recall = ratio(counts.found, counts.listed);
    scores.recall_named = ratio(counts.found_named, counts.named);
    scores.precision = ratio(counts.correct, counts.extracted);
}

/// Extracts every offer and compares the driving licences and languages found in its
/// title and text with its `permis[]` and `langues[]`.
pub fn evaluate_certifications(engine: &Engine, postings: &[JobPosting]) -> CertificationsReport {
    let figures: Vec<OfferFigures> = postings
        .par_iter()
        .map(|posting| offer_figures(engine, posting))
        .collect();
    let mut report = CertificationsReport {
        offers: postings.len(),
        ..CertificationsReport::default()
    };
    for offer in &figures {
        add(
            &mut report.licences,
            &mut report.licence_items,
            &offer.licences,
        );
        add(
            &mut report.languages,
            &mut report.language_items,
            &offer.languages,
        );
        report.generic_licences += offer.generic_licences;
    }
    finish(&mut report.licences);
    finish(&mut report.languages);
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::EngineConfig;
    use crate::model::ListedRequirement;

    #[test]
    fn listed_labels_are_read_as_categories_and_languages() {
        assert_eq!(listed_licence("B - Véhicule léger").as_deref(), Some("B"));
        assert_eq!(
            listed_licence("EC - Poids lourd + remorque").as_deref(),
            Some("CE")
        );
        assert_eq!(
            listed_licence("B mention 96 - VL + remorque (PTAC < 4,25 T)").as_deref(),
            Some("B")
        );
        assert_eq!(
            language_name("Chinois (Mandarin)").as_deref(),
            Some("chinois")
        );
        assert_eq!(language_name("Français").as_deref(), Some("francais"));
    }

    #[test]
    fn the_plain_search_finds_categories_after_permis() {
        let named = named_licences(&words("Permis de conduire catégorie C ou CE. Permis EB."));
        assert_eq!(named.into_iter().collect::<Vec<_>>(), ["BE", "C", "CE"]);
        assert!(named_licences(&words("permis de construire")).is_empty());
    }

    #[test]
    fn an_offer_scores_found_named_and_wrong_items() {
        let engine = Engine::open(&EngineConfig::builtin()).unwrap();
        let listed = |label: &str, requirement| ListedRequirement {
            label: label.to_string(),
            requirement,
        };
        let posting = JobPosting {
            id: "1".into(),
            title: "Chauffeur livreur".into(),
            description: "Permis C exigé, anglais courant. Poste sans déplacement.".into(),
            licences: vec![
                listed("C - Poids lourd", Some(Requirement::Required)),
                listed("B - Véhicule léger", Some(Requirement::Wished)),
            ],
            languages: vec![listed("Espagnol", None)],
            ..JobPosting::default()
        };
        let report = evaluate_certifications(&engine, &[posting]);
        let licences = &report.licences;
        let counts = &licences.counts;
        assert_eq!((counts.listed, counts.named, counts.found), (2, 1, 1));
        assert_eq!((counts.extracted, counts.correct), (1, 1));
        assert_eq!(
            (licences.requirement_listed, licences.requirement_agreed),
            (1, 1)
        );
        assert!((licences.recall - 0.5).abs() < 1e-9);
        assert!((licences.recall_named - 1.0).abs() < 1e-9);
        let languages = &report.languages;
        let counts = &languages.counts;
        assert_eq!((counts.listed, counts.found, counts.extracted), (1, 0, 1));
        assert_eq!(languages.precision, 0.0);
        assert_eq!(report.language_items["anglais"].extracted, 1);
    }
}
