//! Skill vectors: each document as TF-IDF weights over taxonomy skill ids (required
//! skills weigh more), L2-normalised; a seeded random projection to a small dense space
//! for clustering and nearest neighbours; and skill relatedness learned from
//! co-occurrence (pointwise mutual information).
//!
//! **Architecture invariant:** this module does no IO.

use std::collections::HashMap;

use ndarray::Array2;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};

use crate::extract::Extraction;
use crate::model::SkillId;
use crate::taxonomy::Taxonomy;

/// The skills of one document with their weights before IDF (best mention score times
/// the requirement factor).
pub type SkillBag = Vec<(SkillId, f32)>;

/// Tunables of vector building.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VectorParams {
    /// Factor for a skill the text says is required (exigé).
    pub required_factor: f32,
    /// Factor for a skill the text says is only wished (souhaité).
    pub wished_factor: f32,
    /// Factor for a transversal skill (autonomie, rigueur): they are asked for
    /// everywhere and should not decide which need a posting answers.
    pub transversal_factor: f32,
    /// Mentions scored below this are ignored.
    pub min_score: f32,
    /// Skills in fewer documents than this are left out of the vocabulary.
    pub min_documents: usize,
    /// Dimensions of the dense projection.
    pub dimensions: usize,
    /// Seed of the projection.
    pub seed: u64,
}

impl Default for VectorParams {
    fn default() -> VectorParams {
        VectorParams {
            required_factor: 1.5,
            wished_factor: 0.7,
            transversal_factor: 0.3,
            min_score: 0.5,
            min_documents: 2,
            dimensions: 64,
            seed: 42,
        }
    }
}

/// The skill bag of an extraction: each skill once, with its best score times its
/// requirement factor (and the transversal factor for savoir-être).
pub fn skill_bag(extraction: &Extraction, params: &VectorParams, taxonomy: &Taxonomy) -> SkillBag {
    let mut best: HashMap<&SkillId, f32> = HashMap::new();
    for mention in &extraction.skills {
        if mention.score < params.min_score {
            continue;
        }
        let factor = match mention.required {
            Some(true) => params.required_factor,
            Some(false) => params.wished_factor,
            None => 1.0,
        };
        let transversal = taxonomy
            .skill(&mention.skill)
            .is_some_and(|s| s.kind.is_transversal());
        let weight = mention.score
            * factor
            * if transversal {
                params.transversal_factor
            } else {
                1.0
            };
        let slot = best.entry(&mention.skill).or_insert(0.0);
        *slot = slot.max(weight);
    }
    let mut bag: SkillBag = best.into_iter().map(|(id, w)| (id.clone(), w)).collect();
    bag.sort_by(|a, b| a.0.cmp(&b.0));
    bag
}

/// Cosine similarity of two sparse skill vectors (0 when either is empty).
pub(crate) fn sparse_cosine(a: &[(SkillId, f32)], b: &[(SkillId, f32)]) -> f32 {
    let norm = |v: &[(SkillId, f32)]| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let index: HashMap<&SkillId, f32> = b.iter().map(|(id, w)| (id, *w)).collect();
    let dot: f32 = a
        .iter()
        .filter_map(|(id, w)| index.get(id).map(|v| v * w))
        .sum();
    // Rounding can put a vector's cosine with itself a hair above 1.
    (dot / (na * nb)).clamp(-1.0, 1.0)
}

/// The skills that vectors are built over, with their IDF.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillVocabulary {
    pub skills: Vec<SkillId>,
    pub idf: Vec<f32>,
    #[serde(skip)]
    index: HashMap<SkillId, u32>,
}

impl SkillVocabulary {
    /// Counts document frequencies over `bags` and keeps skills seen in at least
    /// `min_documents` documents, in id order.
    pub fn fit(bags: &[SkillBag], min_documents: usize) -> SkillVocabulary {
        let mut frequency: HashMap<&SkillId, usize> = HashMap::new();
        for bag in bags {
            for (id, _) in bag {
                *frequency.entry(id).or_insert(0) += 1;
            }
        }
        let mut kept: Vec<(&SkillId, usize)> = frequency
            .into_iter()
            .filter(|(_, df)| *df >= min_documents.max(1))
            .collect();
        kept.sort_by(|a, b| a.0.cmp(b.0));
        let n = bags.len().max(1) as f32;
        let skills: Vec<SkillId> = kept.iter().map(|(id, _)| (*id).clone()).collect();
        let idf = kept
            .iter()
            .map(|(_, df)| (1.0 + n / *df as f32).ln())
            .collect();
        SkillVocabulary::from_parts(skills, idf)
    }

    /// Rebuilds a vocabulary from saved parts.
    pub fn from_parts(skills: Vec<SkillId>, idf: Vec<f32>) -> SkillVocabulary {
        let index = skills
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i as u32))
            .collect();
        SkillVocabulary { skills, idf, index }
    }

    /// Restores the lookup table after deserialisation.
    pub fn reindex(&mut self) {
        self.index = self
            .skills
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i as u32))
            .collect();
    }

    pub fn len(&self) -> usize {
        self.skills.len()
    }

    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    /// Position of a skill in the vocabulary.
    pub fn position(&self, id: &SkillId) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// The L2-normalised sparse TF-IDF vector of a bag, sorted by position.
    pub fn sparse(&self, bag: &SkillBag) -> Vec<(u32, f32)> {
        let mut vector: Vec<(u32, f32)> = bag
            .iter()
            .filter_map(|(id, w)| {
                let position = self.position(id)?;
                Some((position, w * self.idf[position as usize]))
            })
            .collect();
        vector.sort_by_key(|(p, _)| *p);
        normalise_sparse(&mut vector);
        vector
    }
}

fn normalise_sparse(vector: &mut [(u32, f32)]) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in vector.iter_mut() {
            *w /= norm;
        }
    }
}

/// A seeded random projection from the vocabulary space to `dimensions` dense
/// dimensions (Achlioptas' ±1 entries), which keeps cosine similarities approximately.
#[derive(Debug, Clone)]
pub struct Projection {
    dimensions: usize,
    /// `vocabulary × dimensions`, row-major.
    matrix: Vec<f32>,
}

impl Projection {
    /// A projection for a vocabulary of `inputs` skills; the same seed gives the same
    /// projection.
    pub fn new(inputs: usize, dimensions: usize, seed: u64) -> Projection {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let scale = 1.0 / (dimensions as f32).sqrt();
        let matrix = (0..inputs * dimensions)
            .map(|_| if rng.r#gen::<bool>() { scale } else { -scale })
            .collect();
        Projection { dimensions, matrix }
    }

    pub fn dimensions(&self) -> usize {
        self.dimensions
    }

    /// Projects sparse vectors into an `n × dimensions` matrix with unit rows (a row
    /// without skills stays zero).
    pub fn project<R: AsRef<[(u32, f32)]>>(&self, rows: &[R]) -> Array2<f32> {
        let mut out = Array2::<f32>::zeros((rows.len(), self.dimensions));
        for (r, row) in rows.iter().enumerate() {
            let mut target = out.row_mut(r);
            for &(position, weight) in row.as_ref() {
                let start = position as usize * self.dimensions;
                for (d, value) in target.iter_mut().enumerate() {
                    *value += weight * self.matrix[start + d];
                }
            }
            let norm = target.iter().map(|v| v * v).sum::<f32>().sqrt();
            if norm > 0.0 {
                target.mapv_inplace(|v| v / norm);
            }
        }
        out
    }
}

/// A skill related to another, with the strength of the relation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedSkill {
    pub skill: SkillId,
    /// Positive pointwise mutual information, scaled by co-occurrence confidence.
    pub strength: f32,
    /// Documents where both appear.
    pub together: u32,
}

/// For every skill of the vocabulary, the `top` skills that co-occur with it more
/// than chance (positive PMI), among pairs seen together at least `min_together` times.
pub fn related_skills(
    vocabulary: &SkillVocabulary,
    bags: &[SkillBag],
    top: usize,
    min_together: u32,
) -> HashMap<SkillId, Vec<RelatedSkill>> {
    let n = bags.len().max(1) as f32;
    let mut single = vec![0u32; vocabulary.len()];
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    for bag in bags {
        let mut positions: Vec<u32> = bag
            .iter()
            .filter_map(|(id, _)| vocabulary.position(id))
            .collect();
        positions.sort_unstable();
        positions.dedup();
        for (i, &a) in positions.iter().enumerate() {
            single[a as usize] += 1;
            for &b in &positions[i + 1..] {
                *pairs.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut related: HashMap<u32, Vec<(u32, f32, u32)>> = HashMap::new();
    for (&(a, b), &together) in &pairs {
        if together < min_together {
            continue;
        }
        let pa = single[a as usize] as f32 / n;
        let pb = single[b as usize] as f32 / n;
        let pab = together as f32 / n;
        let pmi = (pab / (pa * pb)).ln();
        if pmi <= 0.0 {
            continue;
        }
        // Damp rare pairs: PMI favours them.
        let strength = (pmi * (1.0 - 1.0 / (1.0 + together as f32)) * 1e4).round() / 1e4;
        related.entry(a).or_default().push((b, strength, together));
        related.entry(b).or_default().push((a, strength, together));
    }
    related
        .into_iter()
        .map(|(skill, mut list)| {
            list.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            list.truncate(top);
            let list = list
                .into_iter()
                .map(|(other, strength, together)| RelatedSkill {
                    skill: vocabulary.skills[other as usize].clone(),
                    strength,
                    together,
                })
                .collect();
            (vocabulary.skills[skill as usize].clone(), list)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bag(ids: &[&str]) -> SkillBag {
        ids.iter()
            .map(|id| (SkillId::passerelle(id), 1.0))
            .collect()
    }

    #[test]
    fn vocabulary_keeps_frequent_skills_and_vectors_are_unit() {
        let bags = vec![bag(&["java", "sql"]), bag(&["java", "git"]), bag(&["rare"])];
        let vocabulary = SkillVocabulary::fit(&bags, 2);
        assert_eq!(vocabulary.skills, vec![SkillId::passerelle("java")]);
        let vocabulary = SkillVocabulary::fit(&bags, 1);
        assert_eq!(vocabulary.len(), 4);
        let vector = vocabulary.sparse(&bags[0]);
        let norm: f32 = vector.iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        // The rarer skill weighs more.
        assert!(vector[1].1 > vector[0].1, "{vector:?}");
    }

    #[test]
    fn projection_is_seeded_and_rows_are_unit() {
        let rows = vec![vec![(0, 0.6), (2, 0.8)], vec![], vec![(1, 1.0)]];
        let a = Projection::new(3, 16, 7).project(&rows);
        let b = Projection::new(3, 16, 7).project(&rows);
        assert_eq!(a, b);
        let c = Projection::new(3, 16, 8).project(&rows);
        assert_ne!(a, c);
        for (i, row) in a.rows().into_iter().enumerate() {
            let norm: f32 = row.iter().map(|v| v * v).sum();
            let expected = if i == 1 { 0.0 } else { 1.0 };
            assert!((norm - expected).abs() < 1e-5, "row {i}: {norm}");
        }
    }

    #[test]
    fn related_skills_follow_co_occurrence() {
        let mut bags = Vec::new();
        for _ in 0..10 {
            bags.push(bag(&["react", "javascript"]));
            bags.push(bag(&["python", "pandas"]));
        }
        bags.push(bag(&["react", "python"]));
        let vocabulary = SkillVocabulary::fit(&bags, 1);
        let related = related_skills(&vocabulary, &bags, 3, 2);
        let react = &related[&SkillId::passerelle("react")];
        assert_eq!(react[0].skill, SkillId::passerelle("javascript"));
        assert!(
            react
                .iter()
                .all(|r| r.skill != SkillId::passerelle("python"))
        );
    }
}
