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
use super::softmax::{Softmax, SoftmaxParams, Training};
use crate::model::{JobPosting, RomeCode, SkillId};
use crate::taxonomy::Taxonomy;
use crate::text;

/// Tunables of what is learned and how much it weighs.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
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
    /// Share of the learned text model in the occupation probabilities (0 turns it off).
    pub body_weight: f32,
    /// Dirichlet smoothing of the text model's word probabilities.
    pub body_smoothing: f32,
    /// Factor on the text model's log-likelihoods.
    pub body_temperature: f32,
    /// Share of the logistic regression over title and text words in the occupation
    /// probabilities, mixed last (0 turns it off and skips fitting it).
    pub softmax_weight: f32,
    /// How the logistic regression is fitted.
    pub softmax: SoftmaxParams,
}

impl Default for LearnParams {
    fn default() -> LearnParams {
        LearnParams {
            rate_smoothing: 2.0,
            prior_rate: 0.3,
            title_weight: 0.3,
            title_confidence: 20.0,
            title_smoothing: 100.0,
            title_prior_exponent: 1.0,
            body_weight: 0.1,
            body_smoothing: 300.0,
            body_temperature: 0.1,
            softmax_weight: 0.3,
            softmax: SoftmaxParams::default(),
        }
    }
}

/// Tunables of adaptation to an unlabelled batch ([`crate::Extractor::adapt`]).
#[derive(Debug, Clone, Copy)]
pub struct AdaptParams {
    /// Batches smaller than this are left alone: too few titles to learn from.
    pub min_postings: usize,
    /// Share of the batch, its most confidently classified postings, taken as
    /// pseudo-labels.
    pub share: f32,
    /// How the pseudo-labelled postings are learned from.
    pub learn: LearnParams,
}

impl Default for AdaptParams {
    fn default() -> AdaptParams {
        AdaptParams {
            min_postings: 200,
            share: 0.35,
            // The logistic regression learns the référentiel's own mistakes back from
            // pseudo-labels as readily as its right answers: it gained nothing there.
            learn: LearnParams {
                softmax_weight: 0.0,
                title_weight: 0.4,
                body_weight: 0.2,
                ..LearnParams::default()
            },
        }
    }
}

/// What a batch of labelled offers taught, per métier of the référentiel.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Learned {
    params: LearnParams,
    /// Per occupation index: offers with ticked skills, and ticks per skill index.
    ticks: Vec<(u32, FxHashMap<u32, u32>)>,
    /// Title words of each métier's labelled offers.
    titles: WordModel,
    /// Text words of each métier's labelled offers.
    bodies: WordModel,
    /// Logistic regression over title and text words, when fitted.
    softmax: Option<Softmax>,
    /// Occupation index of each métier code.
    index: FxHashMap<RomeCode, u32>,
    report: LearnReport,
}

/// How much a batch taught.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LearnReport {
    /// Offers read.
    pub offers: usize,
    /// Offers whose `romeCode` is a métier of the référentiel (they teach titles).
    pub titled: usize,
    /// Of those, offers with ticked skills known to the référentiel (they teach rates).
    pub with_skills: usize,
    /// Distinct métiers seen.
    pub occupations: usize,
    /// The labels were the référentiel's own confident predictions on an unlabelled
    /// batch ([`crate::Extractor::adapt`]), not a source's `romeCode`.
    pub pseudo: bool,
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
            titles: WordModel::new(count),
            bodies: WordModel::new(count),
            softmax: None,
            index,
            report: LearnReport::default(),
        };
        let mut training = Training::default();
        for posting in postings {
            learned.report.offers += 1;
            let Some(&occupation) = posting.rome.as_ref().and_then(|c| learned.index.get(c)) else {
                continue;
            };
            learned.report.titled += 1;
            // Each posting is analysed once for the models that read it.
            let title = title_words(&posting.title);
            let text = if params.body_weight > 0.0 || params.softmax_weight > 0.0 {
                text::content_terms(&posting.description)
            } else {
                Vec::new()
            };
            if params.softmax_weight > 0.0 {
                training.add(&title, &text, occupation);
            }
            learned.titles.add(occupation, distinct(title));
            if params.body_weight > 0.0 {
                learned.bodies.add(occupation, distinct(text));
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
        learned.report.occupations = learned.titles.documents.iter().filter(|&&d| d > 0).count();
        if params.softmax_weight > 0.0 {
            learned.softmax = Softmax::fit(training, params.softmax);
        }
        learned
    }

    /// True when this was learned against `rome` (same métiers at the same indices):
    /// a model read from disk is only used with the référentiel it was fitted on.
    pub fn fits(&self, rome: &Taxonomy) -> bool {
        let occupations = rome.occupations();
        !self.index.is_empty()
            && self
                .index
                .iter()
                .all(|(code, &i)| occupations.get(i as usize).is_some_and(|o| o.code == *code))
    }

    /// The occupation index of a métier code of the référentiel.
    pub fn occupation_index(&self, code: &RomeCode) -> Option<u32> {
        self.index.get(code).copied()
    }

    /// True when labelled offers of this métier were learned from.
    pub fn seen(&self, occupation: u32) -> bool {
        self.titles
            .documents
            .get(occupation as usize)
            .is_some_and(|&d| d > 0)
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

    /// Records that the labels learned from were pseudo-labels.
    pub(super) fn mark_pseudo(&mut self) {
        self.report.pseudo = true;
    }

    /// Whether some offers taught which skills recruiters tick.
    pub fn knows_ticks(&self) -> bool {
        self.report.with_skills > 0
    }

    /// Occupation probabilities of a posting by each learned model, with the weight each
    /// deserves in a mix; the title and the text are analysed once for all three.
    pub fn posteriors(&self, title: &str, body: &str) -> Posteriors {
        let p = &self.params;
        let title = title_words(title);
        let text = if p.body_weight > 0.0 || self.softmax.is_some() {
            text::content_terms(body)
        } else {
            Vec::new()
        };
        let softmax = match &self.softmax {
            Some(model) => {
                let posterior = model.posterior(&title, &text);
                let weight = if posterior.is_empty() {
                    0.0
                } else {
                    p.softmax_weight
                };
                (posterior, weight)
            }
            None => (Vec::new(), 0.0),
        };
        Posteriors {
            title: self.title_posterior(distinct(title)),
            text: self.text_posterior(distinct(text)),
            softmax,
        }
    }

    /// Naive Bayes among the métiers seen over the distinct title words, weighted none
    /// without a known word, more as the best métier has more labelled titles.
    fn title_posterior(&self, words: Vec<String>) -> (Vec<(u32, f32)>, f32) {
        let p = &self.params;
        let posterior =
            self.titles
                .posterior(&words, p.title_smoothing, p.title_prior_exponent, 1.0);
        let weight = posterior.first().map_or(0.0, |&(best, _)| {
            let support = self.titles.documents[best as usize] as f32;
            p.title_weight * (support / p.title_confidence).min(1.0)
        });
        (posterior, weight)
    }

    /// Naive Bayes over the distinct text terms, tempered (over many words it is
    /// overconfident).
    fn text_posterior(&self, words: Vec<String>) -> (Vec<(u32, f32)>, f32) {
        let p = &self.params;
        if p.body_weight <= 0.0 {
            return (Vec::new(), 0.0);
        }
        let posterior = self.bodies.posterior(
            &words,
            p.body_smoothing,
            p.title_prior_exponent,
            p.body_temperature,
        );
        let weight = if posterior.is_empty() {
            0.0
        } else {
            p.body_weight
        };
        (posterior, weight)
    }
}

/// What each learned model says of a posting: occupation indices with their
/// probabilities, most probable first, and the model's weight in the mix (0 when it
/// has nothing to say).
#[derive(Debug, Clone, Default)]
pub struct Posteriors {
    /// Naive Bayes over the title words.
    pub title: (Vec<(u32, f32)>, f32),
    /// Naive Bayes over the text terms.
    pub text: (Vec<(u32, f32)>, f32),
    /// Logistic regression over both.
    pub softmax: (Vec<(u32, f32)>, f32),
}

/// Word counts per métier, for a multinomial naive Bayes.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct WordModel {
    /// Word → (occupation index → documents of that métier holding it).
    words: FxHashMap<String, FxHashMap<u32, u32>>,
    /// Per occupation index: documents.
    documents: Vec<u32>,
    /// Per occupation index: words over its documents.
    lengths: Vec<u32>,
    /// Words over all documents.
    total: u32,
}

impl WordModel {
    fn new(occupations: usize) -> WordModel {
        WordModel {
            words: FxHashMap::default(),
            documents: vec![0; occupations],
            lengths: vec![0; occupations],
            total: 0,
        }
    }

    fn add(&mut self, occupation: u32, words: Vec<String>) {
        self.documents[occupation as usize] += 1;
        self.lengths[occupation as usize] += words.len() as u32;
        self.total += words.len() as u32;
        for word in words {
            *self
                .words
                .entry(word)
                .or_default()
                .entry(occupation)
                .or_insert(0) += 1;
        }
    }

    /// Posterior over the métiers that share a word with `words` (Dirichlet-smoothed
    /// word probabilities, the class prior raised to `prior_exponent`, log-likelihoods
    /// multiplied by `temperature`), most probable first; empty without a known word.
    fn posterior(
        &self,
        words: &[String],
        smoothing: f32,
        prior_exponent: f32,
        temperature: f32,
    ) -> Vec<(u32, f32)> {
        let known: Vec<(&FxHashMap<u32, u32>, f32)> = words
            .iter()
            .filter_map(|w| self.words.get(w))
            .map(|counts| {
                let background = counts.values().sum::<u32>() as f32 / self.total as f32;
                (counts, background)
            })
            .collect();
        if known.is_empty() {
            return Vec::new();
        }
        let mut candidates: Vec<u32> = known
            .iter()
            .flat_map(|(counts, _)| counts.keys().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let documents: u32 = self.documents.iter().sum();
        let mut scored: Vec<(u32, f32)> = candidates
            .into_iter()
            .map(|o| {
                let length = self.lengths[o as usize] as f32;
                let mut log =
                    prior_exponent * (self.documents[o as usize] as f32 / documents as f32).ln();
                for (counts, background) in &known {
                    let c = counts.get(&o).copied().unwrap_or(0) as f32;
                    log += temperature * ((c + smoothing * background) / (length + smoothing)).ln();
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
        scored
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
            taxonomy.add_occupation(Occupation::new(RomeCode::parse(code).unwrap(), label));
        }
        taxonomy
    }

    fn posting(title: &str, rome: &str, skills: &[&str]) -> JobPosting {
        JobPosting {
            id: title.to_string(),
            title: title.to_string(),
            description: title.to_string(),
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
        let (posterior, weight) = learned.posteriors("Agent d'entretien", "").title;
        assert_eq!(posterior[0].0 as usize, k2205, "{posterior:?}");
        assert!(weight > 0.0 && weight <= learned.params().title_weight);
        // The text model says the same from the text's words, with its own weight.
        let (posterior, weight) = learned.posteriors("", "Entretien de bureaux").text;
        assert_eq!(posterior[0].0 as usize, k2205, "{posterior:?}");
        assert_eq!(weight, learned.params().body_weight);
        // Words never seen give nothing to mix.
        assert_eq!(learned.posteriors("Boulanger", "").title.1, 0.0);
        assert_eq!(learned.posteriors("", "Boulanger").text.1, 0.0);
    }
}
