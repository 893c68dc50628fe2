//! Occupation classification: text → ranked ROME métiers.
//!
//! Two signals, both built from the référentiel alone (no model fitted on postings):
//! - the title against every appellation (job title) of every métier, scored by the
//!   IDF mass the two share, as a share of each (an F-measure), best appellation wins;
//! - the whole text against each métier's profile (label, appellations, linked items,
//!   definition) by TF-IDF cosine.
//!
//! The two are mixed with fixed weights and turned into probabilities by a softmax.

// Fx: the maps are keyed by small ids and analysed terms, built and read per posting.
use rustc_hash::FxHashMap as HashMap;

use crate::model::RomeCode;
use crate::taxonomy::Taxonomy;
use crate::text::{self, Token};

/// Title words that say nothing about the occupation.
const TITLE_NOISE: &[&str] = &[
    "h/f",
    "f/h",
    "hf",
    "fh",
    "cdi",
    "cdd",
    "interim",
    "stage",
    "stagiaire",
    "alternance",
    "alternant",
    "apprenti",
    "apprentissage",
    "senior",
    "junior",
    "confirme",
    "experimente",
    "debutant",
    "urgent",
    "poste",
    "temps",
    "plein",
    "partiel",
    "nuit",
    "jour",
    "week",
    "end",
    "homme",
    "femme",
    "mois",
    "an",
    "ans",
    "heure",
    "heures",
    "salaire",
    "contrat",
];

/// Function words dropped from titles. Shorter than the analyzer's stop list on
/// purpose: in "Ingénieur du son" or "Opérateur son", `son` is the job.
const TITLE_STOP: &[&str] = &[
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "un", "une",
    "pour", "par", "sur", "avec", "ou", "dans", "h", "f",
];

/// The terms of a title or appellation: stemmed words without title stop words, with
/// English job-title words as their French counterparts.
pub(super) fn title_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for token in text::analyze(text) {
        if token.kind != text::TokenKind::Word || TITLE_STOP.contains(&token.norm.as_str()) {
            continue;
        }
        if token.stop {
            words.push(token.norm.into_string());
            continue;
        }
        if WEB_TECHNOLOGIES.contains(&token.term.as_str()) {
            words.push("web".to_string());
        }
        match ENGLISH_TITLES
            .iter()
            .find(|(english, _)| *english == token.term.as_str())
        {
            Some((_, french)) => words.extend(french.split(' ').map(str::to_string)),
            None => words.push(token.term.into_string()),
        }
    }
    words
}

/// English job-title words of French postings and appellations, as the stemmed French
/// words they stand for, and a few abbreviations spelt out, so that "Cloud Architect"
/// meets "Architecte cloud" and "Ingénieur data" meets "Data engineer". Both sides of
/// the match go through it.
const ENGLISH_TITLES: &[(&str, &str)] = &[
    ("engineer", "ingenieur"),
    ("developer", "developpeur"),
    ("developper", "developpeur"),
    ("dev", "developpeur"),
    ("architect", "architecte"),
    ("analyst", "analyste"),
    ("administrator", "administrateur"),
    ("admin", "administrateur"),
    ("technician", "technicien"),
    ("specialist", "specialiste"),
    ("software", "logiciel"),
    ("security", "securite"),
    ("network", "reseau"),
    ("project", "projet"),
    ("officer", "responsable"),
    ("accountant", "comptable"),
    ("buyer", "acheteur"),
    ("driver", "chauffeur"),
    // Abbreviations that appellations also spell out.
    ("bi", "business intelligence"),
    ("rh", "ressources humaines"),
    ("hr", "ressources humaines"),
    // "Full-stack" and "front-end" are split by the analyzer ("end" is title noise).
    ("fullstack", "full stack"),
    ("frontend", "front"),
    ("backend", "back"),
];

/// Technologies that only web development uses, as the analyzer's terms: a title
/// naming one ("Développeur Angular", "Développeur PHP / Symfony", "Développeur Java
/// J2EE") names the web specialisation, so "web" is read with it and the title meets
/// ROME 4.0's web developer fiche (M1855, "Développeur web", "Développeur back-end")
/// rather than the generic one it was split from. Front-end frameworks and languages,
/// then the server side of web applications. General-purpose languages ("Java",
/// "Python", "C#") are left out: the référentiel keeps them with the generic fiche.
const WEB_TECHNOLOGIES: &[&str] = &[
    "angular",
    "angularjs",
    "react",
    "react.js",
    "reactj",
    "vue.js",
    "vuej",
    "javascript",
    "js",
    "typescript",
    "html",
    "css",
    "php",
    "symfony",
    "laravel",
    "node.js",
    "nodej",
    "django",
    "j2ee",
    "jee",
    "spring",
];

/// What separates the parts of a posting title: "Développeur Java - Lyon",
/// "Alternance - Data analyst - Services financiers".
const TITLE_SEPARATORS: &[&str] = &[" - ", " – ", " — ", " | "];

/// The parts of a title between [`TITLE_SEPARATORS`], the whole title when it has none.
fn title_segments(title: &str) -> Vec<&str> {
    let mut segments = vec![title];
    for separator in TITLE_SEPARATORS {
        segments = segments
            .into_iter()
            .flat_map(|s| s.split(separator))
            .collect();
    }
    segments
}

/// Tunables of the classifier.
#[derive(Debug, Clone, Copy)]
pub struct ClassifierParams {
    /// Weight of the title-to-appellation score.
    pub title_weight: f32,
    /// Weight of the text-to-profile cosine.
    pub body_weight: f32,
    /// How many times the title counts in the body query.
    pub title_repeat: f32,
    /// Exponent of appellation coverage in the title score (the rest goes to title coverage).
    pub appellation_coverage: f32,
    /// Softmax temperature that turns mixed scores into probabilities.
    pub temperature: f32,
    /// A parent fiche scores at least this share of its best specialisation: postings
    /// are often coded with the generic fiche (M1805) when the title names a
    /// specialisation (M1855 "Développeur web").
    pub parent_share: f32,
    /// Weight of the text-to-domain cosine (the métier's "domaine professionnel", e.g.
    /// F16, as one profile): it tells a BTP "chef d'équipe" from a logistics one.
    pub domain_weight: f32,
    /// Added to top-level fiches (those without a parent): recruiters pick the generic
    /// fiche's appellations more often than a specialisation's.
    pub top_level_bonus: f32,
    /// When a title has parts ("Développeur Java - Services financiers"): the share of
    /// the whole title's score, and of the parts after the first one that names a job
    /// (the others are most often a place, a company or a department).
    pub whole_title_share: f32,
    pub later_part_share: f32,
}

impl Default for ClassifierParams {
    fn default() -> ClassifierParams {
        ClassifierParams {
            title_weight: 1.0,
            body_weight: 1.0,
            title_repeat: 3.0,
            appellation_coverage: 0.6,
            temperature: 0.08,
            parent_share: 0.9,
            domain_weight: 2.0,
            top_level_bonus: 0.03,
            whole_title_share: 0.9,
            later_part_share: 0.75,
        }
    }
}

/// A candidate occupation with its probability and the signals behind it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OccupationCandidate {
    pub code: RomeCode,
    pub label: String,
    /// Probability in [0, 1] among the métiers of the référentiel.
    pub score: f32,
    pub title_score: f32,
    pub text_score: f32,
}

#[derive(Debug, Clone)]
struct Appellation {
    occupation: u32,
    mass: f32,
}

/// The classifier's precomputed indexes.
#[derive(Debug, Clone)]
pub struct OccupationClassifier {
    params: ClassifierParams,
    occupations: Vec<(RomeCode, String)>,
    /// Index of each occupation's parent fiche.
    parents: Vec<Option<u32>>,
    title_terms: HashMap<String, u32>,
    title_idf: Vec<f32>,
    appellations: Vec<Appellation>,
    /// Title term → appellations containing it.
    title_postings: Vec<Vec<u32>>,
    body_terms: HashMap<String, u32>,
    body_idf: Vec<f32>,
    /// Body term → (occupation, normalised weight).
    body_postings: Vec<Vec<(u32, f32)>>,
    /// Domain (first three characters of the code) of each occupation.
    domain_of: Vec<u32>,
    /// Body term → (domain, normalised weight).
    domain_postings: Vec<Vec<(u32, f32)>>,
}

impl OccupationClassifier {
    /// Builds the indexes from a taxonomy's occupations; `None` when it has none.
    pub fn new(taxonomy: &Taxonomy, params: ClassifierParams) -> Option<OccupationClassifier> {
        let occupations = taxonomy.occupations();
        if occupations.is_empty() {
            return None;
        }
        // Title side: one document per appellation (and per métier label).
        let mut title_terms: HashMap<String, u32> = HashMap::default();
        let mut raw_appellations: Vec<(u32, Vec<u32>)> = Vec::new();
        for (index, occupation) in occupations.iter().enumerate() {
            let titles = std::iter::once(&occupation.label).chain(&occupation.appellations);
            for title in titles {
                // "Développeur / Développeuse web" holds two forms of one title.
                for form in split_gendered(title) {
                    let mut terms: Vec<u32> = title_words(&form)
                        .into_iter()
                        .map(|t| {
                            let next = title_terms.len() as u32;
                            *title_terms.entry(t).or_insert(next)
                        })
                        .collect();
                    terms.sort_unstable();
                    terms.dedup();
                    if !terms.is_empty() {
                        raw_appellations.push((index as u32, terms));
                    }
                }
            }
        }
        raw_appellations.sort();
        raw_appellations.dedup();
        let mut document_frequency = vec![0u32; title_terms.len()];
        for (_, terms) in &raw_appellations {
            for &t in terms {
                document_frequency[t as usize] += 1;
            }
        }
        let count = raw_appellations.len() as f32;
        let title_idf: Vec<f32> = document_frequency
            .iter()
            .map(|&df| (1.0 + count / df as f32).ln())
            .collect();
        let mut title_postings = vec![Vec::new(); title_terms.len()];
        let appellations: Vec<Appellation> = raw_appellations
            .into_iter()
            .enumerate()
            .map(|(i, (occupation, terms))| {
                for &t in &terms {
                    title_postings[t as usize].push(i as u32);
                }
                let mass = terms.iter().map(|&t| title_idf[t as usize]).sum();
                Appellation { occupation, mass }
            })
            .collect();

        // Body side: one profile per métier.
        let mut body_terms: HashMap<String, u32> = HashMap::default();
        let mut profiles: Vec<HashMap<u32, f32>> = Vec::with_capacity(occupations.len());
        for occupation in occupations {
            let mut counts: HashMap<u32, f32> = HashMap::default();
            let mut add = |text: &str, weight: f32| {
                for term in text::content_terms(text) {
                    let next = body_terms.len() as u32;
                    let id = *body_terms.entry(term).or_insert(next);
                    *counts.entry(id).or_insert(0.0) += weight;
                }
            };
            add(&occupation.label, 2.0);
            for appellation in &occupation.appellations {
                add(appellation, 1.0);
            }
            for link in &occupation.skills {
                let weight = if link.core { 1.0 } else { 0.5 };
                add(&taxonomy.skill_at(link.skill).label, weight);
            }
            add(&occupation.definition, 0.5);
            profiles.push(counts);
        }
        let mut body_df = vec![0u32; body_terms.len()];
        for profile in &profiles {
            for &t in profile.keys() {
                body_df[t as usize] += 1;
            }
        }
        let n = profiles.len() as f32;
        let body_idf: Vec<f32> = body_df
            .iter()
            .map(|&df| (n / df as f32).ln() + 0.1)
            .collect();
        let body_postings = weighted_postings(&profiles, &body_idf);
        let mut domains: HashMap<&str, u32> = HashMap::default();
        let domain_of: Vec<u32> = occupations
            .iter()
            .map(|o| {
                let next = domains.len() as u32;
                *domains.entry(o.code.domain()).or_insert(next)
            })
            .collect();
        let mut domain_profiles: Vec<HashMap<u32, f32>> = vec![HashMap::default(); domains.len()];
        for (profile, &domain) in profiles.iter().zip(&domain_of) {
            for (&t, &tf) in profile {
                *domain_profiles[domain as usize].entry(t).or_insert(0.0) += tf;
            }
        }
        let domain_postings = weighted_postings(&domain_profiles, &body_idf);
        let index_of: HashMap<RomeCode, u32> = occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.code, i as u32))
            .collect();
        Some(OccupationClassifier {
            params,
            occupations: occupations
                .iter()
                .map(|o| (o.code, o.label.clone()))
                .collect(),
            parents: occupations
                .iter()
                .map(|o| o.parent.and_then(|p| index_of.get(&p).copied()))
                .collect(),
            title_terms,
            title_idf,
            appellations,
            title_postings,
            body_terms,
            body_idf,
            body_postings,
            domain_of,
            domain_postings,
        })
    }

    /// Ranks métiers for a posting: `title` may be empty (then the text alone decides).
    pub fn classify(&self, title: &str, body: &str, top: usize) -> Vec<OccupationCandidate> {
        self.classify_analysed(title, &text::analyze(title), &text::analyze(body), top)
    }

    /// [`OccupationClassifier::classify`] for a posting whose title and text are already
    /// analysed (as the extractor has them).
    pub(crate) fn classify_analysed(
        &self,
        title: &str,
        title_tokens: &[Token],
        body_tokens: &[Token],
        top: usize,
    ) -> Vec<OccupationCandidate> {
        let title_scores = self.title_scores(title);
        let query = self.body_query(title_tokens, body_tokens);
        let body_scores = cosine(&query, &self.body_postings, self.occupations.len());
        let domain_scores = cosine(&query, &self.domain_postings, self.domain_count());
        let p = &self.params;
        let mut candidates: Vec<u32> = title_scores
            .keys()
            .chain(&body_scores.touched)
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut by_occupation: HashMap<u32, (f32, f32, f32)> = candidates
            .into_iter()
            .map(|occupation| {
                let t = title_scores.get(&occupation).copied().unwrap_or(0.0);
                let b = body_scores.values[occupation as usize];
                let d = domain_scores.values[self.domain_of[occupation as usize] as usize];
                let top_level = if self.parents[occupation as usize].is_none() {
                    p.top_level_bonus
                } else {
                    0.0
                };
                let score =
                    p.title_weight * t + p.body_weight * b + p.domain_weight * d + top_level;
                (occupation, (score, t, b))
            })
            .collect();
        // A parent fiche inherits from its best specialisation; ties go to the parent.
        let children: Vec<(u32, u32, (f32, f32, f32))> = by_occupation
            .iter()
            .filter_map(|(&o, &s)| self.parents[o as usize].map(|parent| (o, parent, s)))
            .collect();
        for (_, parent, (score, t, b)) in children {
            let inherited = p.parent_share * score + 1e-4;
            let entry = by_occupation.entry(parent).or_insert((0.0, 0.0, 0.0));
            if inherited > entry.0 {
                *entry = (inherited, t, b);
            }
        }
        let mut mixed: Vec<(u32, f32, f32, f32)> = by_occupation
            .into_iter()
            .map(|(o, (s, t, b))| (o, s, t, b))
            .collect();
        if mixed.is_empty() {
            return Vec::new();
        }
        // A total order (métiers are distinct): unstable sorting gives the stable order.
        mixed.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let best = mixed[0].1;
        let normaliser: f32 = mixed
            .iter()
            .map(|m| ((m.1 - best) / p.temperature).exp())
            .sum();
        mixed
            .into_iter()
            .take(top)
            .map(|(occupation, score, t, b)| {
                let (code, label) = &self.occupations[occupation as usize];
                OccupationCandidate {
                    code: *code,
                    label: label.clone(),
                    score: round4(((score - best) / p.temperature).exp() / normaliser),
                    title_score: t,
                    text_score: b,
                }
            })
            .collect()
    }

    /// How many domains the métiers fall in.
    fn domain_count(&self) -> usize {
        self.domain_of.iter().max().map_or(0, |&d| d as usize + 1)
    }

    /// The parent fiche of a specialised one (ROME 4.0's `code_rome_parent`, M1805 for
    /// M1855), `None` for a fiche that is its own parent.
    pub fn parent_of(&self, occupation: u32) -> Option<u32> {
        self.parents
            .get(occupation as usize)
            .copied()
            .flatten()
            .filter(|&p| p != occupation)
    }

    /// Best appellation F-measure per métier, over the whole title and its parts.
    fn title_scores(&self, title: &str) -> HashMap<u32, f32> {
        let whole = self.title_scores_of(title);
        let parts = title_segments(title);
        if parts.len() < 2 {
            return whole;
        }
        let p = &self.params;
        let mut best: HashMap<u32, f32> = whole
            .into_iter()
            .map(|(o, score)| (o, p.whole_title_share * score))
            .collect();
        let mut share = 1.0;
        for part in parts {
            let scores = self.title_scores_of(part);
            if scores.is_empty() {
                continue;
            }
            for (o, score) in scores {
                let slot = best.entry(o).or_insert(0.0);
                *slot = slot.max(share * score);
            }
            share = p.later_part_share;
        }
        best
    }

    /// Best appellation F-measure per métier for one title.
    fn title_scores_of(&self, title: &str) -> HashMap<u32, f32> {
        let mut terms: Vec<u32> = title_words(title)
            .iter()
            .filter(|t| !TITLE_NOISE.contains(&t.as_str()))
            .filter_map(|t| self.title_terms.get(t).copied())
            .collect();
        terms.sort_unstable();
        terms.dedup();
        let title_mass: f32 = terms.iter().map(|&t| self.title_idf[t as usize]).sum();
        // The IDF mass each appellation shares with the title, summed in term order.
        let mut shared: HashMap<u32, f32> = HashMap::with_capacity_and_hasher(
            terms
                .iter()
                .map(|&t| self.title_postings[t as usize].len())
                .sum(),
            Default::default(),
        );
        for &t in &terms {
            for &a in &self.title_postings[t as usize] {
                *shared.entry(a).or_insert(0.0) += self.title_idf[t as usize];
            }
        }
        let alpha = self.params.appellation_coverage;
        let mut best: HashMap<u32, f32> =
            HashMap::with_capacity_and_hasher(shared.len(), Default::default());
        for (a, overlap) in shared {
            let appellation = &self.appellations[a as usize];
            let precision = overlap / appellation.mass;
            let recall = overlap / title_mass;
            let score = precision.powf(alpha) * recall.powf(1.0 - alpha);
            let slot = best.entry(appellation.occupation).or_insert(0.0);
            if score > *slot {
                *slot = score;
            }
        }
        best
    }

    /// The text (title repeated) as a normalised TF-IDF vector.
    fn body_query(&self, title: &[Token], body: &[Token]) -> Vec<(u32, f32)> {
        let mut counts: HashMap<u32, f32> = HashMap::default();
        for (tokens, weight) in [(title, self.params.title_repeat), (body, 1.0)] {
            for token in tokens {
                if token.is_content()
                    && let Some(&id) = self.body_terms.get(token.term.as_str())
                {
                    *counts.entry(id).or_insert(0.0) += weight;
                }
            }
        }
        let query: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(t, tf)| (t, (1.0 + tf.ln().max(0.0)) * self.body_idf[t as usize]))
            .collect();
        let norm = query
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt()
            .max(1e-6);
        query.into_iter().map(|(t, w)| (t, w / norm)).collect()
    }
}

/// Rounds a probability to four decimals, for readable output.
fn round4(value: f32) -> f32 {
    (value * 1e4).round() / 1e4
}

/// Cosine scores of documents: `values` by document (0 for those no query term is
/// in), `touched` the documents some query term is in, in the order first met.
struct Scores {
    values: Vec<f32>,
    touched: Vec<u32>,
}

/// Cosine of a normalised query against `documents` normalised profiles stored as
/// postings, each document's terms summed in query order.
fn cosine(query: &[(u32, f32)], postings: &[Vec<(u32, f32)>], documents: usize) -> Scores {
    // Dense: a posting list of a common term names most métiers.
    let mut values = vec![0.0f32; documents];
    let mut seen = vec![false; documents];
    let mut touched = Vec::new();
    for &(t, w) in query {
        for &(document, weight) in &postings[t as usize] {
            let at = document as usize;
            if !seen[at] {
                seen[at] = true;
                touched.push(document);
            }
            values[at] += w * weight;
        }
    }
    Scores { values, touched }
}

/// Sublinear TF-IDF weights of term-count profiles, L2-normalised, as postings lists.
fn weighted_postings(profiles: &[HashMap<u32, f32>], idf: &[f32]) -> Vec<Vec<(u32, f32)>> {
    let mut postings = vec![Vec::new(); idf.len()];
    for (index, profile) in profiles.iter().enumerate() {
        let weights: Vec<(u32, f32)> = profile
            .iter()
            .map(|(&t, &tf)| (t, (1.0 + tf.ln().max(0.0)) * idf[t as usize]))
            .collect();
        let norm = weights
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt()
            .max(1e-6);
        for (t, w) in weights {
            postings[t as usize].push((index as u32, w / norm));
        }
    }
    postings
}

/// "Développeur / Développeuse web" → ["Développeur web", "Développeuse web"] when
/// the slash separates gendered forms; any other title unchanged.
fn split_gendered(title: &str) -> Vec<String> {
    let parts: Vec<&str> = title.split(" / ").collect();
    if parts.len() != 2 {
        return vec![title.to_string()];
    }
    // The shared tail ("web") follows the feminine form; the masculine form lacks it.
    let masculine = parts[0].trim();
    let feminine = parts[1].trim();
    let masculine_words = masculine.split_whitespace().count();
    let feminine_words: Vec<&str> = feminine.split_whitespace().collect();
    if feminine_words.len() > masculine_words {
        let tail = feminine_words[masculine_words..].join(" ");
        vec![format!("{masculine} {tail}"), feminine.to_string()]
    } else {
        vec![masculine.to_string(), feminine.to_string()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_posting_gets_the_same_scores_every_time() {
        // Scores are sums over the posting's terms: summed in an order that changed from
        // one map to the next, their last bits did too.
        let taxonomy = crate::builtin_lexicon().expect("built-in lexicon");
        let classifier = OccupationClassifier::new(&taxonomy, ClassifierParams::default())
            .expect("the lexicon has métiers");
        let title = "Développeur web full stack JavaScript / PHP";
        let body = "Vous développez des applications web en JavaScript, PHP et SQL, \
                    déployées sous Linux avec Docker ; tests, revue de code, API REST.";
        let scores = |_| -> Vec<(String, u32, u32, u32)> {
            (classifier.classify(title, body, 20).into_iter())
                .map(|c| {
                    let bits = (c.score.to_bits(), c.title_score.to_bits());
                    (c.code.to_string(), bits.0, bits.1, c.text_score.to_bits())
                })
                .collect()
        };
        let first = scores(0);
        assert!(first.len() >= 3, "{first:?}");
        for round in 1..30 {
            assert_eq!(scores(round), first, "round {round}");
        }
    }

    #[test]
    fn english_title_words_meet_french_appellations() {
        let words = |title: &str| {
            let mut words = title_words(title);
            words.sort();
            words
        };
        assert_eq!(words("Cloud Architect"), words("Architecte cloud"));
        assert_eq!(words("Data Engineer"), words("Ingénieur data"));
        assert_eq!(
            words("Développeur fullstack"),
            words("Développeur full-stack")
        );
        assert_eq!(
            words("Développeur BI"),
            words("Développeur business intelligence")
        );
        assert_ne!(words("Cloud Architect"), words("Cloud engineer"));
    }

    #[test]
    fn web_technologies_in_a_title_name_the_web_specialisation() {
        let check = |title: &str, web: bool| {
            assert_eq!(
                title_words(title).iter().any(|w| w == "web"),
                web,
                "{title}: {:?}",
                title_words(title)
            );
        };
        check("Développeur Angular", true);
        check("Développeur React.JS / Node.js", true);
        check("Développeur VueJS", true);
        check("Développeur PHP Symfony", true);
        check("Développeur Java J2EE", true);
        check("Développeur Java", false);
        check("Développeur Python", false);
        check("Opérateur prise de vue", false);
    }

    #[test]
    fn titles_split_into_parts() {
        assert_eq!(
            title_segments("Alternance - Développeur Java - Services financiers"),
            vec!["Alternance", "Développeur Java", "Services financiers"]
        );
        assert_eq!(
            title_segments("Chef de projet | SI – Lyon"),
            vec!["Chef de projet", "SI", "Lyon"]
        );
        // A hyphen inside a word is not a separator.
        assert_eq!(
            title_segments("Développeur full-stack"),
            vec!["Développeur full-stack"]
        );
    }

    #[test]
    fn gendered_titles_split() {
        assert_eq!(
            split_gendered("Développeur / Développeuse web"),
            vec!["Développeur web", "Développeuse web"]
        );
        assert_eq!(split_gendered("Data analyst"), vec!["Data analyst"]);
    }
}
