//! Learning at run time from labelled offers that the user supplies: how often
//! recruiters tick each skill of a métier, and which title words name which métier.
//!
//! France Travail offers carry their `romeCode` and, for about half of them, the
//! skills the recruiter ticked (`competences[]`). A batch of such offers teaches what
//! the référentiel cannot: among the sixty items of a métier, the few that recruiters
//! actually ask for, and the métier that a bare title such as "Agent d'entretien" or
//! "Chauffeur PL" usually means. Nothing learned here ships in the repository; it is
//! fitted on the offers given at run time and lives in memory.

use rustc_hash::FxHashMap;

use super::occupation::title_words;
use crate::model::{JobPosting, RomeCode, SkillId};
use crate::taxonomy::Taxonomy;

/// Tunables of what is learned and how much it weighs.
#[derive(Debug, Clone, Copy)]
pub struct LearnParams {
    /// Pseudo-offers of the référentiel prior mixed into each métier's tick rates.
    pub rate_smoothing: f32,
    /// Scale that turns the référentiel prior of an item (its category's, see
    /// `category_prior` in the linking module) into a tick rate.
    pub prior_rate: f32,
    /// Share of the learned title model in the occupation probabilities, at most.
    pub title_weight: f32,
    /// Labelled titles of a métier at which the title model gets its full weight.
    pub title_confidence: f32,
    /// Dirichlet smoothing of the title model's word probabilities.
    pub title_smoothing: f32,
    /// Exponent of the métiers' shares of labelled titles in the title model (1 is naive
    /// Bayes; lower trusts the batch's mix of métiers less, which matters when the
    /// offers to read are not drawn like the ones learned from).
    pub title_prior_exponent: f32,
}

impl Default for LearnParams {
    fn default() -> LearnParams {
        LearnParams {
            rate_smoothing: 2.0,
            prior_rate: 0.3,
            title_weight: 0.5,
            title_confidence: 20.0,
            title_smoothing: 100.0,
            title_prior_exponent: 1.0,
        }
    }
}

/// What a batch of labelled offers taught, per métier of the référentiel.
#[derive(Debug, Clone)]
pub struct Learned {
    params: LearnParams,
    /// Per occupation index: offers with ticked skills, and ticks per skill index.
    ticks: Vec<(u32, FxHashMap<u32, u32>)>,
    /// Title word → (occupation index → count).
    words: FxHashMap<String, FxHashMap<u32, u32>>,
    /// Per occupation index: labelled titles and their word count.
    titles: Vec<(u32, u32)>,
    /// Word count of all labelled titles.
    total_words: u32,
    /// Occupation index of each métier code.
    index: FxHashMap<RomeCode, u32>,
    report: LearnReport,
}

/// How much a batch taught.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct LearnReport {
    /// Offers read.
    pub offers: usize,
    /// Offers whose `romeCode` is a métier of the référentiel (they teach titles).
    pub titled: usize,
    /// Of those, offers with ticked skills known to the référentiel (they teach rates).
    pub with_skills: usize,
    /// Distinct métiers seen.
    pub occupations: usize,
}

impl Learned {
    /// Learns from `postings` against the référentiel `rome` (the taxonomy whose
    /// métiers the extractor classifies into and links skills from).
    pub fn fit<'a>(
        rome: &Taxonomy,
        postings: impl IntoIterator<Item = &'a JobPosting>,
        params: LearnParams,
    ) -> Learned {
        let count = rome.occupations().len();
        let index: FxHashMap<_, u32> = rome
            .occupations()
            .iter()
            .enumerate()
            .map(|(i, o)| (o.code, i as u32))
            .collect();
        let mut learned = Learned {
            params,
            ticks: vec![(0, FxHashMap::default()); count],
            words: FxHashMap::default(),
            titles: vec![(0, 0); count],
            total_words: 0,
            index,
            report: LearnReport::default(),
        };
        for posting in postings {
            learned.report.offers += 1;
            let Some(&occupation) = posting.rome.as_ref().and_then(|c| learned.index.get(c)) else {
                continue;
            };
            learned.report.titled += 1;
            let words = distinct(title_words(&posting.title));
            let slot = &mut learned.titles[occupation as usize];
            slot.0 += 1;
            slot.1 += words.len() as u32;
            learned.total_words += words.len() as u32;
            for word in words {
                *learned
                    .words
                    .entry(word)
                    .or_default()
                    .entry(occupation)
                    .or_insert(0) += 1;
            }
            let mut skills: Vec<u32> = posting
                .labelled_skills
                .iter()
                .filter_map(|s| rome.skill_index(&SkillId::rome(&s.code)))
                .collect();
            skills.sort_unstable();
            skills.dedup();
            if skills.is_empty() {
                continue;
            }
            learned.report.with_skills += 1;
            let (offers, ticks) = &mut learned.ticks[occupation as usize];
            *offers += 1;
            for skill in skills {
                *ticks.entry(skill).or_insert(0) += 1;
            }
        }
        learned.report.occupations = learned.titles.iter().filter(|t| t.0 > 0).count();
        learned
    }

    /// The occupation index of a métier code of the référentiel.
    pub fn occupation_index(&self, code: &RomeCode) -> Option<u32> {
        self.index.get(code).copied()
    }

    /// What the batch taught.
    pub fn report(&self) -> &LearnReport {
        &self.report
    }

    /// The parameters in force.
    pub fn params(&self) -> &LearnParams {
        &self.params
    }

    /// Skills recruiters ticked for a métier, whether or not the référentiel links them.
    pub fn ticked(&self, occupation: usize) -> impl Iterator<Item = u32> + '_ {
        self.ticks[occupation].1.keys().copied()
    }

    /// Smoothed share of the métier's labelled offers that ticked `skill`, given the
    /// référentiel's prior for it (in [0, 1]).
    pub fn tick_rate(&self, occupation: usize, skill: u32, prior: f32) -> f32 {
        let (offers, ticks) = &self.ticks[occupation];
        let ticked = ticks.get(&skill).copied().unwrap_or(0) as f32;
        let a = self.params.rate_smoothing;
        (ticked + a * prior * self.params.prior_rate) / (*offers as f32 + a)
    }

    /// Occupation probabilities from the title alone (naive Bayes over title words,
    /// among the métiers seen), with the weight they deserve in a mix: none without
    /// a known word, more as the best métier has more labelled titles.
    pub fn title_posterior(&self, title: &str) -> (Vec<(u32, f32)>, f32) {
        let words: Vec<String> = distinct(title_words(title))
            .into_iter()
            .filter(|w| self.words.contains_key(w))
            .collect();
        if words.is_empty() || self.total_words == 0 {
            return (Vec::new(), 0.0);
        }
        let mut candidates: Vec<u32> = words
            .iter()
            .flat_map(|w| self.words[w].keys().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mu = self.params.title_smoothing;
        let total_titles: u32 = self.titles.iter().map(|t| t.0).sum();
        let background: Vec<f32> = words
            .iter()
            .map(|w| self.words[w].values().sum::<u32>() as f32 / self.total_words as f32)
            .collect();
        let mut scored: Vec<(u32, f32)> = candidates
            .into_iter()
            .map(|o| {
                let (titles, length) = self.titles[o as usize];
                let mut log =
                    self.params.title_prior_exponent * (titles as f32 / total_titles as f32).ln();
                for (w, p) in words.iter().zip(&background) {
                    let c = self.words[w].get(&o).copied().unwrap_or(0) as f32;
                    log += ((c + mu * p) / (length as f32 + mu)).ln();
                }
                (o, log)
            })
            .collect();
        let best = scored.iter().map(|s| s.1).fold(f32::MIN, f32::max);
        let sum: f32 = scored.iter().map(|s| (s.1 - best).exp()).sum();
        for s in &mut scored {
            s.1 = (s.1 - best).exp() / sum;
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let support = self.titles[scored[0].0 as usize].0 as f32;
        let weight = self.params.title_weight * (support / self.params.title_confidence).min(1.0);
        (scored, weight)
    }
}

fn distinct(mut words: Vec<String>) -> Vec<String> {
    words.sort_unstable();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LabelledSkill, RomeCode};
    use crate::taxonomy::{Occupation, Skill, SkillKind};

    fn referential() -> Taxonomy {
        let mut taxonomy = Taxonomy::new("rome", "test");
        for (code, label) in [("1", "Nettoyer des locaux"), ("2", "Réparer une chaudière")] {
            taxonomy
                .add_skill(Skill {
                    id: SkillId::rome(code),
                    label: label.to_string(),
                    kind: SkillKind::KnowHow,
                    family: None,
                    surfaces: Vec::new(),
                    links: Vec::new(),
                    related: Vec::new(),
                })
                .unwrap();
        }
        for (code, label) in [
            ("K2204", "Agent / Agente de nettoyage industriel"),
            ("K2205", "Agent / Agente de propreté de locaux"),
            ("I1203", "Agent / Agente d'entretien du bâtiment"),
        ] {
            taxonomy.add_occupation(Occupation {
                code: RomeCode::parse(code).unwrap(),
                label: label.to_string(),
                parent: None,
                appellations: Vec::new(),
                skills: Vec::new(),
                definition: String::new(),
                domain: None,
                grand_domain: None,
                mobility: Vec::new(),
            });
        }
        taxonomy
    }

    fn posting(title: &str, rome: &str, skills: &[&str]) -> JobPosting {
        JobPosting {
            id: title.to_string(),
            title: title.to_string(),
            rome: Some(RomeCode::parse(rome).unwrap()),
            labelled_skills: skills
                .iter()
                .map(|code| LabelledSkill {
                    code: code.to_string(),
                    label: String::new(),
                    requirement: None,
                })
                .collect(),
            ..JobPosting::default()
        }
    }

    #[test]
    fn learns_tick_rates_and_titles_from_labelled_offers() {
        let rome = referential();
        let postings = vec![
            posting("Agent d'entretien (H/F)", "K2205", &["1"]),
            posting("Agent d'entretien H/F", "K2205", &["1"]),
            posting("Agent d'entretien bureaux", "K2205", &[]),
            posting("Agent d'entretien bâtiment", "I1203", &["2", "unknown"]),
            posting("Sans métier", "Z9999", &["1"]),
        ];
        let learned = Learned::fit(&rome, &postings, LearnParams::default());
        let report = learned.report();
        assert_eq!(
            (
                report.offers,
                report.titled,
                report.with_skills,
                report.occupations
            ),
            (5, 4, 3, 2)
        );
        let k2205 = learned
            .occupation_index(&RomeCode::parse("K2205").unwrap())
            .unwrap() as usize;
        let nettoyer = rome.skill_index(&SkillId::rome("1")).unwrap();
        let reparer = rome.skill_index(&SkillId::rome("2")).unwrap();
        assert!(learned.tick_rate(k2205, nettoyer, 0.5) > learned.tick_rate(k2205, reparer, 0.5));
        assert_eq!(learned.ticked(k2205).collect::<Vec<_>>(), vec![nettoyer]);
        // A bare title goes to the métier that most often bears it.
        let (posterior, weight) = learned.title_posterior("Agent d'entretien");
        assert_eq!(posterior[0].0 as usize, k2205, "{posterior:?}");
        assert!(weight > 0.0 && weight <= learned.params().title_weight);
        // Words never seen give nothing to mix.
        assert_eq!(learned.title_posterior("Boulanger").1, 0.0);
    }
}
