//! Multinomial logistic regression over a posting's title and text words, fitted at
//! run time on labelled offers.
//!
//! The naive-Bayes models of [`super::Learned`] weigh a word by how often each métier's
//! offers use it; this one weighs it by how well it separates métiers, so that a word
//! every métier uses ("technicien", "maintenance") counts little and the one that
//! decides ("industrielle", "automatismes") counts much. Features are TF-IDF vectors,
//! one L2-normalised block for the title and one for the text; weights are fitted by
//! stochastic gradient descent on the cross-entropy, in a fixed order so that a fit is
//! reproducible.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_xoshiro::Xoshiro256PlusPlus;
use rustc_hash::FxHashMap;

/// Tunables of the logistic regression.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
pub struct SoftmaxParams {
    /// Passes over the labelled offers.
    pub epochs: usize,
    /// Step size of the first pass; pass `e` uses `learning_rate / (1 + e·decay)`.
    pub learning_rate: f32,
    /// Decay of the step size per pass.
    pub decay: f32,
    /// L2 penalty on the weights a step touches.
    pub l2: f32,
    /// Norm of the text block against the title block's 1.
    pub text_scale: f32,
    /// A text word is a feature when at least this many labelled offers use it.
    pub min_text_documents: u32,
    /// At most this many features, the most widely used first (bounds the weights to
    /// `max_features × métiers`).
    pub max_features: usize,
    /// Métiers kept in a posterior, most probable first.
    pub keep: usize,
}

impl Default for SoftmaxParams {
    fn default() -> SoftmaxParams {
        SoftmaxParams {
            epochs: 20,
            learning_rate: 1.0,
            decay: 0.3,
            l2: 1e-5,
            text_scale: 1.0,
            min_text_documents: 2,
            max_features: 40_000,
            keep: 30,
        }
    }
}

/// A fitted model: one row of class weights per feature.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(super) struct Softmax {
    params: SoftmaxParams,
    /// Feature word (prefixed, see [`words`]) → its row and weight.
    features: FxHashMap<String, Feature>,
    /// Column → occupation index of the référentiel.
    classes: Vec<u32>,
    /// Row-major, `features × classes`.
    weights: Vec<f32>,
    bias: Vec<f32>,
}

/// A word the model has weights for.
#[derive(Debug, Clone, Copy, serde::Serialize, serde::Deserialize)]
struct Feature {
    row: u32,
    /// Inverse document frequency among the labelled postings.
    idf: f32,
    /// A title word, else a text term.
    title: bool,
}

fn is_title(word: &str) -> bool {
    word.starts_with('t')
}

/// Sparse TF-IDF vector of a posting's feature occurrences: sublinear term
/// frequencies, the title and the text blocks each L2-normalised, the text's scaled by
/// `text_scale`; sorted by row.
fn vector(found: impl Iterator<Item = Feature>, text_scale: f32) -> Vec<(u32, f32)> {
    let mut counts: FxHashMap<u32, (u32, Feature)> = FxHashMap::default();
    for feature in found {
        counts.entry(feature.row).or_insert((0, feature)).0 += 1;
    }
    let mut x: Vec<(u32, f32, bool)> = counts
        .into_values()
        .map(|(tf, f)| (f.row, (1.0 + (tf as f32).ln()) * f.idf, f.title))
        .collect();
    x.sort_unstable_by_key(|e| e.0);
    let norm = |title: bool| {
        x.iter()
            .filter(|e| e.2 == title)
            .map(|e| e.1 * e.1)
            .sum::<f32>()
            .sqrt()
    };
    let (title_norm, text_norm) = (norm(true), norm(false));
    x.into_iter()
        .map(|(row, value, title)| {
            let scale = if title {
                1.0 / title_norm
            } else {
                text_scale / text_norm
            };
            (row, value * scale)
        })
        .collect()
}

/// Features words of a posting's title words and text terms (as the naive-Bayes models
/// read them), kept apart by a one-letter prefix.
fn words<'a>(title: &'a [String], text: &'a [String]) -> impl Iterator<Item = String> + 'a {
    let title = title.iter().map(|w| format!("t{w}"));
    title.chain(text.iter().map(|w| format!("w{w}")))
}

/// Labelled postings gathered for a fit, their words interned (a batch of offers
/// repeats its words: an id per occurrence is a fraction of a string's size).
#[derive(Debug, Default)]
pub(super) struct Training {
    /// Word → id.
    ids: FxHashMap<String, u32>,
    /// Per id: labelled postings using the word.
    frequency: Vec<u32>,
    /// Word ids of each posting, with its occupation index.
    postings: Vec<(Vec<u32>, u32)>,
}

impl Training {
    /// Adds a posting, its title words and text terms, labelled with an occupation
    /// index.
    pub(super) fn add(&mut self, title: &[String], text: &[String], occupation: u32) {
        let mut ids: Vec<u32> = words(title, text)
            .map(|word| {
                let next = self.ids.len() as u32;
                *self.ids.entry(word).or_insert(next)
            })
            .collect();
        self.frequency.resize(self.ids.len(), 0);
        let mut distinct = ids.clone();
        distinct.sort_unstable();
        distinct.dedup();
        for id in distinct {
            self.frequency[id as usize] += 1;
        }
        ids.shrink_to_fit();
        self.postings.push((ids, occupation));
    }
}

impl Softmax {
    /// Fits the model on the gathered postings; `None` with fewer than two métiers to
    /// tell apart.
    pub(super) fn fit(training: Training, params: SoftmaxParams) -> Option<Softmax> {
        let Training {
            ids,
            frequency,
            postings,
        } = training;
        let mut classes: Vec<u32> = postings.iter().map(|p| p.1).collect();
        classes.sort_unstable();
        classes.dedup();
        if classes.len() < 2 {
            return None;
        }
        let column: FxHashMap<u32, usize> =
            classes.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        // Features: every title word and the text words used often enough, the most
        // widely used first up to the cap; rows in word order, not hashing order.
        let mut kept: Vec<(String, u32)> = ids
            .into_iter()
            .filter(|(word, id)| {
                is_title(word) || frequency[*id as usize] >= params.min_text_documents
            })
            .collect();
        kept.sort_unstable_by(|a, b| {
            frequency[b.1 as usize]
                .cmp(&frequency[a.1 as usize])
                .then_with(|| a.0.cmp(&b.0))
        });
        kept.truncate(params.max_features);
        kept.sort_unstable();
        let n = postings.len() as f32;
        let mut by_id: Vec<Option<Feature>> = vec![None; frequency.len()];
        let mut features = FxHashMap::default();
        for (row, (word, id)) in kept.into_iter().enumerate() {
            let feature = Feature {
                row: row as u32,
                idf: ((n + 1.0) / (frequency[id as usize] as f32 + 1.0)).ln() + 1.0,
                title: is_title(&word),
            };
            by_id[id as usize] = Some(feature);
            features.insert(word, feature);
        }
        let samples: Vec<(Vec<(u32, f32)>, usize)> = postings
            .into_iter()
            .map(|(words, class)| {
                let found = words.iter().filter_map(|&id| by_id[id as usize]);
                (vector(found, params.text_scale), column[&class])
            })
            .collect();
        let width = classes.len();
        let mut model = Softmax {
            params,
            weights: vec![0.0; features.len() * width],
            bias: vec![0.0; width],
            features,
            classes,
        };
        let mut order: Vec<usize> = (0..samples.len()).collect();
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(0x5041_5353);
        let mut gradient = vec![0.0f32; width];
        for epoch in 0..params.epochs {
            order.shuffle(&mut rng);
            let rate = params.learning_rate / (1.0 + epoch as f32 * params.decay);
            for &i in &order {
                let (x, y) = &samples[i];
                model.probabilities(x, &mut gradient);
                gradient[*y] -= 1.0;
                for &(row, value) in x {
                    let start = row as usize * width;
                    let weights = &mut model.weights[start..start + width];
                    for (w, g) in weights.iter_mut().zip(&gradient) {
                        *w -= rate * (value * g + params.l2 * *w);
                    }
                }
                for (b, g) in model.bias.iter_mut().zip(&gradient) {
                    *b -= rate * g;
                }
            }
        }
        Some(model)
    }

    /// Occupation probabilities of a posting's title words and text terms, most probable
    /// first; empty when none of its words is a feature.
    pub(super) fn posterior(&self, title: &[String], text: &[String]) -> Vec<(u32, f32)> {
        let found = words(title, text).filter_map(|w| self.features.get(&w).copied());
        let x = vector(found, self.params.text_scale);
        if x.is_empty() {
            return Vec::new();
        }
        let mut p = vec![0.0; self.classes.len()];
        self.probabilities(&x, &mut p);
        let mut ranked: Vec<(u32, f32)> = self.classes.iter().copied().zip(p).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(self.params.keep);
        ranked
    }

    /// Softmax of the class scores of `x`, written into `out`.
    fn probabilities(&self, x: &[(u32, f32)], out: &mut [f32]) {
        let width = self.classes.len();
        out.copy_from_slice(&self.bias);
        for &(row, value) in x {
            let start = row as usize * width;
            for (s, w) in out.iter_mut().zip(&self.weights[start..start + width]) {
                *s += value * w;
            }
        }
        let best = out.iter().copied().fold(f32::MIN, f32::max);
        let mut sum = 0.0;
        for s in out.iter_mut() {
            *s = (*s - best).exp();
            sum += *s;
        }
        for s in out.iter_mut() {
            *s /= sum;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::occupation::title_words;
    use crate::text::content_terms;

    fn ranked(model: &Softmax, title: &str, body: &str) -> Vec<(u32, f32)> {
        model.posterior(&title_words(title), &content_terms(body))
    }

    #[test]
    fn separates_occupations_by_the_words_that_decide() {
        let labelled = [
            (
                "Technicien de maintenance industrielle",
                "moteurs et pompes",
                0,
            ),
            (
                "Technicien maintenance industrielle",
                "mécanique, pompes",
                0,
            ),
            (
                "Technicien de maintenance automatismes",
                "automates programmables",
                1,
            ),
            (
                "Technicien maintenance automatismes",
                "automates, supervision",
                1,
            ),
            ("Agent d'entretien", "nettoyage des bureaux", 2),
        ];
        let training = |postings: &[(&str, &str, u32)]| {
            let mut training = Training::default();
            for &(title, body, class) in postings {
                training.add(&title_words(title), &content_terms(body), class);
            }
            training
        };
        let model = Softmax::fit(training(&labelled), SoftmaxParams::default()).unwrap();
        let best = |title: &str, body: &str| ranked(&model, title, body)[0].0;
        assert_eq!(best("Technicien maintenance automatismes", ""), 1);
        assert_eq!(best("Technicien de maintenance industrielle", ""), 0);
        assert_eq!(best("Technicien de maintenance", "automates"), 1);
        let posterior = ranked(&model, "Agent d'entretien", "");
        let total: f32 = posterior.iter().map(|p| p.1).sum();
        assert!((total - 1.0).abs() < 1e-4, "{posterior:?}");
        assert!(ranked(&model, "Boulanger", "pain").is_empty());
        // One métier gives nothing to tell apart.
        assert!(Softmax::fit(training(&labelled[..1]), SoftmaxParams::default()).is_none());
        // The cap keeps the most widely used words: "technicien" and "maintenance" (in
        // four postings) before any word of a single one.
        let capped = SoftmaxParams {
            max_features: 2,
            ..SoftmaxParams::default()
        };
        let model = Softmax::fit(training(&labelled), capped).unwrap();
        assert_eq!(model.features.len(), 2);
        assert!(
            model.features.contains_key("ttechnicien"),
            "{:?}",
            model.features.keys()
        );
        assert!(ranked(&model, "Agent d'entretien", "").is_empty());
    }
}
