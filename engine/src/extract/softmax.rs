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

use super::occupation::title_words;
use crate::text;

/// Tunables of the logistic regression.
#[derive(Debug, Clone, Copy)]
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
            keep: 30,
        }
    }
}

/// A fitted model: one row of class weights per feature.
#[derive(Debug, Clone)]
pub(super) struct Softmax {
    params: SoftmaxParams,
    /// Feature → (row, inverse document frequency). Title words and text terms are
    /// kept apart by a one-letter prefix.
    features: FxHashMap<String, (u32, f32)>,
    /// Column → occupation index of the référentiel.
    classes: Vec<u32>,
    /// Row-major, `features × classes`.
    weights: Vec<f32>,
    bias: Vec<f32>,
}

/// A posting's title and text, as the model reads them.
pub(super) struct Document {
    title: Vec<String>,
    text: Vec<String>,
}

impl Document {
    pub(super) fn new(title: &str, body: &str) -> Document {
        Document {
            title: title_words(title)
                .into_iter()
                .map(|w| format!("t{w}"))
                .collect(),
            text: text::content_terms(body)
                .into_iter()
                .map(|w| format!("w{w}"))
                .collect(),
        }
    }
}

impl Softmax {
    /// Fits the model on `documents` labelled with occupation indices; `None` with fewer
    /// than two métiers to tell apart.
    pub(super) fn fit(documents: &[(Document, u32)], params: SoftmaxParams) -> Option<Softmax> {
        let mut classes: Vec<u32> = documents.iter().map(|d| d.1).collect();
        classes.sort_unstable();
        classes.dedup();
        if classes.len() < 2 {
            return None;
        }
        let column: FxHashMap<u32, usize> =
            classes.iter().enumerate().map(|(i, &c)| (c, i)).collect();
        let mut frequency: FxHashMap<&str, u32> = FxHashMap::default();
        for (document, _) in documents {
            let mut words: Vec<&str> = document
                .title
                .iter()
                .chain(&document.text)
                .map(String::as_str)
                .collect();
            words.sort_unstable();
            words.dedup();
            for word in words {
                *frequency.entry(word).or_insert(0) += 1;
            }
        }
        let n = documents.len() as f32;
        let mut kept: Vec<(&str, u32)> = frequency
            .into_iter()
            .filter(|&(word, df)| word.starts_with('t') || df >= params.min_text_documents)
            .collect();
        kept.sort_unstable();
        let features: FxHashMap<String, (u32, f32)> = kept
            .into_iter()
            .enumerate()
            .map(|(row, (word, df))| {
                let idf = ((n + 1.0) / (df as f32 + 1.0)).ln() + 1.0;
                (word.to_string(), (row as u32, idf))
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
        let samples: Vec<(Vec<(u32, f32)>, usize)> = documents
            .iter()
            .map(|(document, class)| (model.vector(document), column[class]))
            .collect();
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

    /// Occupation probabilities of a posting, most probable first; empty when none of
    /// its words is a feature.
    pub(super) fn posterior(&self, title: &str, body: &str) -> Vec<(u32, f32)> {
        let x = self.vector(&Document::new(title, body));
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

    /// Sparse TF-IDF vector of a document: sublinear term frequencies, each block
    /// L2-normalised, the text block scaled by `text_scale`.
    fn vector(&self, document: &Document) -> Vec<(u32, f32)> {
        let mut x = self.block(&document.title, 1.0);
        x.extend(self.block(&document.text, self.params.text_scale));
        x
    }

    fn block(&self, words: &[String], scale: f32) -> Vec<(u32, f32)> {
        let mut counts: FxHashMap<u32, (u32, f32)> = FxHashMap::default();
        for word in words {
            if let Some(&(row, idf)) = self.features.get(word) {
                counts.entry(row).or_insert((0, idf)).0 += 1;
            }
        }
        let mut block: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(row, (tf, idf))| (row, (1.0 + (tf as f32).ln()) * idf))
            .collect();
        block.sort_unstable_by_key(|e| e.0);
        let norm = block.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for e in &mut block {
                e.1 *= scale / norm;
            }
        }
        block
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
        let documents: Vec<(Document, u32)> = labelled
            .iter()
            .map(|&(title, body, class)| (Document::new(title, body), class))
            .collect();
        let model = Softmax::fit(&documents, SoftmaxParams::default()).unwrap();
        let best = |title: &str, body: &str| model.posterior(title, body)[0].0;
        assert_eq!(best("Technicien maintenance automatismes", ""), 1);
        assert_eq!(best("Technicien de maintenance industrielle", ""), 0);
        assert_eq!(best("Technicien de maintenance", "automates"), 1);
        let posterior = model.posterior("Agent d'entretien", "");
        let total: f32 = posterior.iter().map(|p| p.1).sum();
        assert!((total - 1.0).abs() < 1e-4, "{posterior:?}");
        assert!(model.posterior("Boulanger", "pain").is_empty());
        // One métier gives nothing to tell apart.
        assert!(Softmax::fit(&documents[..1], SoftmaxParams::default()).is_none());
    }
}
