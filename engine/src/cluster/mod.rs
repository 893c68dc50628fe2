//! Needs clusters: k-means (`kmeans.rs`) over the dense skill vectors of postings, k
//! chosen by silhouette on a seeded sample, and stable cluster identities across
//! refreshes.
//!
//! A refresh matches its clusters to the previous model's one to one (Hungarian
//! assignment on the cosine similarity of their skill centroids): matched clusters keep
//! their id and label; the others are reported as appeared, vanished, split or merged.
//!
//! **Architecture invariant:** this module does no IO; models are saved by `artifacts`.

use std::collections::HashMap;

mod kmeans;

use ndarray::{Array2, ArrayView1, Axis};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_xoshiro::Xoshiro256Plus;
use serde::{Deserialize, Serialize};

use crate::model::SkillId;
use crate::{Error, Result};

/// Tunables of clustering, checked by [`ClusterParams::check`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClusterParams {
    /// A fixed number of clusters; `None` chooses it by silhouette.
    pub k: Option<usize>,
    /// Candidates for k when it is chosen: `k_min..=k_max` by `k_step`.
    pub k_min: usize,
    pub k_max: usize,
    pub k_step: usize,
    /// Relative silhouette loss accepted to prefer a smaller k.
    pub k_tolerance: f32,
    pub max_iterations: u64,
    pub tolerance: f32,
    /// K-means++ starts tried, each refined by Lloyd iterations (on a seeded tenth of
    /// the rows from 20,000 rows on, the best one then refined on all); the lowest
    /// inertia wins.
    pub runs: usize,
    pub seed: u64,
    /// Postings sampled to compute silhouettes (O(n²)).
    pub silhouette_sample: usize,
    /// Cosine similarity from which two clusters of successive refreshes are the same
    /// need, and from which a split or merge is reported.
    pub match_similarity: f32,
}

impl Default for ClusterParams {
    fn default() -> ClusterParams {
        ClusterParams {
            k: None,
            k_min: 6,
            k_max: 30,
            k_step: 2,
            k_tolerance: 0.1,
            max_iterations: 100,
            tolerance: 1e-4,
            runs: 10,
            seed: 42,
            silhouette_sample: 1500,
            match_similarity: 0.6,
        }
    }
}

/// Clustering parameters that passed [`ClusterParams::check`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValidClusterParams(ClusterParams);

impl ClusterParams {
    /// Checks the parameters, naming the faulty one.
    pub fn check(self) -> Result<ValidClusterParams> {
        let invalid = |field: &str, message: &str| Err(Error::invalid(field, message));
        if self.k == Some(0) {
            return invalid("k", "must be at least 1");
        }
        if self.k_min < 2 || self.k_max < self.k_min || self.k_step == 0 {
            return invalid(
                "k_min/k_max/k_step",
                "need 2 <= k_min <= k_max and k_step >= 1",
            );
        }
        if self.max_iterations == 0 || self.runs == 0 {
            return invalid("max_iterations/runs", "must be at least 1");
        }
        if self.tolerance.is_nan() || self.tolerance <= 0.0 {
            return invalid("tolerance", "must be positive");
        }
        if !(0.0..1.0).contains(&self.k_tolerance) {
            return invalid("k_tolerance", "must be in [0, 1)");
        }
        if !(0.0..=1.0).contains(&self.match_similarity) {
            return invalid("match_similarity", "must be in [0, 1]");
        }
        if self.silhouette_sample < 10 {
            return invalid("silhouette_sample", "must be at least 10");
        }
        Ok(ValidClusterParams(self))
    }
}

impl ValidClusterParams {
    pub fn get(&self) -> &ClusterParams {
        &self.0
    }
}

/// The result of k-means on a matrix.
#[derive(Debug, Clone)]
pub struct Partition {
    pub k: usize,
    /// Cluster of each row.
    pub assignments: Vec<usize>,
    pub centroids: Array2<f32>,
    pub inertia: f32,
    /// Lloyd iterations of the retained run.
    pub iterations: usize,
    /// Silhouette of each candidate k, when k was chosen.
    pub k_selection: Vec<(usize, f32)>,
}

/// Runs k-means with `k` clusters.
fn kmeans(data: &Array2<f32>, k: usize, params: &ClusterParams, seed: u64) -> Result<Partition> {
    let fit = kmeans::fit(
        data.view(),
        kmeans::Settings {
            k,
            max_iterations: usize::try_from(params.max_iterations).unwrap_or(usize::MAX),
            tolerance: params.tolerance,
            runs: params.runs,
            seed,
        },
    );
    Ok(Partition {
        k,
        assignments: fit.assignments,
        centroids: fit.centroids,
        inertia: fit.inertia as f32,
        iterations: fit.iterations,
        k_selection: Vec::new(),
    })
}

/// Mean silhouette (Euclidean distance) of labelled rows.
pub fn silhouette(data: &Array2<f32>, labels: &[usize]) -> f32 {
    let n = data.nrows();
    let k = labels.iter().copied().max().map_or(0, |m| m + 1);
    if n < 2 || k < 2 {
        return 0.0;
    }
    let mut sizes = vec![0usize; k];
    for &label in labels {
        sizes[label] += 1;
    }
    let distance = |a: ArrayView1<f32>, b: ArrayView1<f32>| -> f32 {
        a.iter()
            .zip(b.iter())
            .map(|(x, y)| (x - y) * (x - y))
            .sum::<f32>()
            .sqrt()
    };
    let mut total = 0.0;
    for i in 0..n {
        let mut sums = vec![0.0f32; k];
        for j in 0..n {
            if i != j {
                sums[labels[j]] += distance(data.row(i), data.row(j));
            }
        }
        let own = labels[i];
        if sizes[own] <= 1 {
            continue;
        }
        let a = sums[own] / (sizes[own] - 1) as f32;
        let b = (0..k)
            .filter(|&c| c != own && sizes[c] > 0)
            .map(|c| sums[c] / sizes[c] as f32)
            .fold(f32::INFINITY, f32::min);
        if b.is_finite() {
            total += (b - a) / a.max(b).max(1e-12);
        }
    }
    total / n as f32
}

/// Clusters the rows of `data` (unit vectors): with the given k, or choosing k among
/// the candidates by the best silhouette on a seeded sample.
pub fn partition(data: &Array2<f32>, params: &ValidClusterParams) -> Result<Partition> {
    let p = params.get();
    let n = data.nrows();
    if n == 0 {
        return Err(Error::invalid(
            "postings",
            "no posting with skills to cluster",
        ));
    }
    if let Some(k) = p.k {
        return kmeans(data, k.min(n), p, p.seed);
    }
    let mut rng = Xoshiro256Plus::seed_from_u64(p.seed);
    let mut rows: Vec<usize> = (0..n).collect();
    rows.shuffle(&mut rng);
    rows.truncate(p.silhouette_sample);
    rows.sort_unstable();
    let sample = data.select(Axis(0), &rows);
    let mut selection = Vec::new();
    let mut k = p.k_min;
    while k <= p.k_max && k < sample.nrows() {
        let fitted = kmeans(&sample, k, p, p.seed)?;
        selection.push((k, silhouette(&sample, &fitted.assignments)));
        k += p.k_step;
    }
    // Silhouettes of text clusters often creep up with k; the smallest k within
    // `k_tolerance` of the best one avoids splitting needs for a marginal gain.
    let best_silhouette = selection
        .iter()
        .map(|s| s.1)
        .fold(f32::NEG_INFINITY, f32::max);
    let best = selection
        .iter()
        .find(|(_, s)| *s >= best_silhouette - p.k_tolerance * best_silhouette.abs())
        .map_or(p.k_min.min(n), |(k, _)| *k);
    let mut partition = kmeans(data, best, p, p.seed)?;
    partition.k_selection = selection;
    Ok(partition)
}

/// Normalised mutual information (arithmetic mean normalisation) and adjusted Rand
/// index between two labelings of the same items.
pub fn agreement<A: std::hash::Hash + Eq, B: std::hash::Hash + Eq>(a: &[A], b: &[B]) -> (f64, f64) {
    let n = a.len().min(b.len());
    if n == 0 {
        return (0.0, 0.0);
    }
    let mut joint: HashMap<(&A, &B), f64> = HashMap::new();
    let mut left: HashMap<&A, f64> = HashMap::new();
    let mut right: HashMap<&B, f64> = HashMap::new();
    for i in 0..n {
        *joint.entry((&a[i], &b[i])).or_insert(0.0) += 1.0;
        *left.entry(&a[i]).or_insert(0.0) += 1.0;
        *right.entry(&b[i]).or_insert(0.0) += 1.0;
    }
    let total = n as f64;
    let entropy = |counts: Vec<f64>| -> f64 {
        counts
            .into_iter()
            .map(|c| {
                let p = c / total;
                -p * p.ln()
            })
            .sum()
    };
    let mutual: f64 = joint
        .iter()
        .map(|((x, y), &c)| {
            let p = c / total;
            p * (p / ((left[x] / total) * (right[y] / total))).ln()
        })
        .sum();
    let (ha, hb) = (
        entropy(left.values().copied().collect()),
        entropy(right.values().copied().collect()),
    );
    let nmi = if ha + hb > 0.0 {
        2.0 * mutual / (ha + hb)
    } else {
        1.0
    };
    let pairs = |c: f64| c * (c - 1.0) / 2.0;
    let index: f64 = joint.values().map(|&c| pairs(c)).sum();
    let sum_a: f64 = left.values().map(|&c| pairs(c)).sum();
    let sum_b: f64 = right.values().map(|&c| pairs(c)).sum();
    let expected = sum_a * sum_b / pairs(total).max(1.0);
    let maximum = (sum_a + sum_b) / 2.0;
    let ari = if (maximum - expected).abs() < 1e-12 {
        1.0
    } else {
        (index - expected) / (maximum - expected)
    };
    (nmi, ari)
}

/// A cluster's identity and description, as kept in a needs model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterIdentity {
    pub id: String,
    pub label: String,
    /// Centroid in skill space, its heaviest skills first.
    pub skills: Vec<(SkillId, f32)>,
}

/// What a refresh did to the previous model's clusters.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RefreshReport {
    /// (new id kept from the previous model, similarity).
    pub matched: Vec<(String, f32)>,
    pub appeared: Vec<String>,
    pub vanished: Vec<String>,
    /// Previous cluster → the new clusters it resembles.
    pub split: Vec<(String, Vec<String>)>,
    /// New cluster → the previous clusters it resembles.
    pub merged: Vec<(String, Vec<String>)>,
}

/// Cosine similarity of two sparse skill vectors.
pub fn skill_similarity(a: &[(SkillId, f32)], b: &[(SkillId, f32)]) -> f32 {
    let index: HashMap<&SkillId, f32> = b.iter().map(|(id, w)| (id, *w)).collect();
    let dot: f32 = a
        .iter()
        .filter_map(|(id, w)| index.get(id).map(|v| v * w))
        .sum();
    let norm = |v: &[(SkillId, f32)]| v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let denominator = norm(a) * norm(b);
    if denominator > 0.0 {
        // Rounding can put a vector's cosine with itself a hair above 1.
        (dot / denominator).clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

/// Gives the new clusters their identities: those matched one to one with a previous
/// cluster (similarity at least `threshold`) keep its id and label, the others get
/// fresh ids after the highest previous one. Returns the report.
pub fn match_identities(
    previous: &[ClusterIdentity],
    current: &mut [ClusterIdentity],
    threshold: f32,
) -> RefreshReport {
    let size = previous.len().max(current.len());
    let mut report = RefreshReport::default();
    let similarity: Vec<Vec<f32>> = current
        .iter()
        .map(|c| {
            previous
                .iter()
                .map(|p| skill_similarity(&c.skills, &p.skills))
                .collect()
        })
        .collect();
    let mut assigned: Vec<Option<usize>> = vec![None; current.len()];
    if size > 0 && !previous.is_empty() && !current.is_empty() {
        // Square matrix of scaled similarities; padding rows and columns weigh nothing.
        let mut weights = vec![0i64; size * size];
        for (i, row) in similarity.iter().enumerate() {
            for (j, s) in row.iter().enumerate() {
                weights[i * size + j] = (s * 1_000_000.0) as i64;
            }
        }
        let matrix = pathfinding::matrix::Matrix::from_vec(size, size, weights)
            .expect("square matrix of the right size");
        let (_, assignment) = pathfinding::kuhn_munkres::kuhn_munkres(&matrix);
        for (i, &j) in assignment.iter().enumerate().take(current.len()) {
            if j < previous.len() && similarity[i][j] >= threshold {
                assigned[i] = Some(j);
            }
        }
    }
    let mut next = previous
        .iter()
        .chain(current.iter())
        .filter_map(|c| {
            c.id.strip_prefix("besoin-")
                .and_then(|n| n.parse::<u32>().ok())
        })
        .max()
        .unwrap_or(0)
        + 1;
    for (i, cluster) in current.iter_mut().enumerate() {
        match assigned[i] {
            Some(j) => {
                cluster.id = previous[j].id.clone();
                cluster.label = previous[j].label.clone();
                report.matched.push((cluster.id.clone(), similarity[i][j]));
            }
            None => {
                cluster.id = format!("besoin-{next:02}");
                next += 1;
                report.appeared.push(cluster.id.clone());
            }
        }
    }
    for (j, old) in previous.iter().enumerate() {
        if !assigned.contains(&Some(j)) {
            report.vanished.push(old.id.clone());
        }
        let resembling: Vec<String> = (0..current.len())
            .filter(|&i| similarity[i][j] >= threshold)
            .map(|i| current[i].id.clone())
            .collect();
        if resembling.len() >= 2 {
            report.split.push((old.id.clone(), resembling));
        }
    }
    for (i, new) in current.iter().enumerate() {
        let resembling: Vec<String> = (0..previous.len())
            .filter(|&j| similarity[i][j] >= threshold)
            .map(|j| previous[j].id.clone())
            .collect();
        if resembling.len() >= 2 {
            report.merged.push((new.id.clone(), resembling));
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_cosine_is_never_above_one(weights in prop::collection::vec(0.001f32..1000.0, 1..40)) {
            let vector: Vec<(SkillId, f32)> = weights
                .iter()
                .enumerate()
                .map(|(i, w)| (SkillId::parse(&format!("passerelle:s{i}")).unwrap(), *w))
                .collect();
            let similarity = skill_similarity(&vector, &vector);
            prop_assert!(similarity <= 1.0 && similarity > 0.999, "{}", similarity);
        }
    }

    fn blobs() -> Array2<f32> {
        // Three tight groups of unit vectors in 3 dimensions.
        let mut rows = Vec::new();
        for i in 0..30 {
            let e = (i % 10) as f32 * 0.01;
            let (a, b, c) = match i / 10 {
                0 => (1.0, e, 0.0),
                1 => (e, 1.0, 0.0),
                _ => (0.0, e, 1.0),
            };
            let norm: f32 = (a * a + b * b + c * c).sqrt();
            rows.extend([a / norm, b / norm, c / norm]);
        }
        Array2::from_shape_vec((30, 3), rows).unwrap()
    }

    #[test]
    fn silhouette_chooses_the_true_k_and_is_reproducible() {
        let params = ClusterParams {
            k_min: 2,
            k_max: 6,
            k_step: 1,
            silhouette_sample: 30,
            ..ClusterParams::default()
        }
        .check()
        .unwrap();
        let a = partition(&blobs(), &params).unwrap();
        assert_eq!(a.k, 3, "{:?}", a.k_selection);
        let b = partition(&blobs(), &params).unwrap();
        assert_eq!(a.assignments, b.assignments);
        assert!(silhouette(&blobs(), &a.assignments) > 0.9);
    }

    #[test]
    fn agreement_of_identical_and_independent_labelings() {
        let a = [0, 0, 1, 1, 2, 2];
        let (nmi, ari) = agreement(&a, &["x", "x", "y", "y", "z", "z"]);
        assert!((nmi - 1.0).abs() < 1e-9 && (ari - 1.0).abs() < 1e-9);
        let (nmi, ari) = agreement(&[0, 0, 1, 1], &[0, 1, 0, 1]);
        assert!(nmi.abs() < 1e-9, "{nmi}");
        assert!(ari <= 0.0, "{ari}");
    }

    #[test]
    fn params_are_checked() {
        assert!(
            ClusterParams {
                k: Some(0),
                ..ClusterParams::default()
            }
            .check()
            .is_err()
        );
        assert!(
            ClusterParams {
                k_min: 10,
                k_max: 5,
                ..ClusterParams::default()
            }
            .check()
            .is_err()
        );
        assert!(
            ClusterParams {
                tolerance: -1.0,
                ..ClusterParams::default()
            }
            .check()
            .is_err()
        );
        assert!(ClusterParams::default().check().is_ok());
    }

    fn identity(id: &str, skills: &[(&str, f32)]) -> ClusterIdentity {
        ClusterIdentity {
            id: id.to_string(),
            label: format!("label {id}"),
            skills: skills
                .iter()
                .map(|(s, w)| (SkillId::passerelle(s), *w))
                .collect(),
        }
    }

    #[test]
    fn identities_persist_and_changes_are_reported() {
        let previous = vec![
            identity("besoin-01", &[("java", 1.0), ("sql", 0.5)]),
            identity("besoin-02", &[("python", 1.0), ("pandas", 0.8)]),
            identity("besoin-03", &[("figma", 1.0)]),
        ];
        let mut current = vec![
            identity("", &[("python", 1.0), ("pandas", 0.7)]),
            identity("", &[("java", 1.0), ("sql", 0.6)]),
            identity("", &[("docker", 1.0)]),
        ];
        let report = match_identities(&previous, &mut current, 0.5);
        assert_eq!(current[0].id, "besoin-02");
        assert_eq!(current[0].label, "label besoin-02");
        assert_eq!(current[1].id, "besoin-01");
        assert_eq!(current[2].id, "besoin-04");
        assert_eq!(report.appeared, vec!["besoin-04"]);
        assert_eq!(report.vanished, vec!["besoin-03"]);
    }

    #[test]
    fn splits_and_merges_are_reported() {
        let previous = vec![identity("besoin-01", &[("java", 1.0), ("react", 1.0)])];
        let mut current = vec![
            identity("", &[("java", 1.0), ("react", 0.9)]),
            identity("", &[("react", 1.0), ("java", 0.8)]),
        ];
        let report = match_identities(&previous, &mut current, 0.5);
        assert_eq!(report.split.len(), 1, "{report:?}");
        assert_eq!(report.split[0].1.len(), 2);
        let previous = vec![
            identity("besoin-01", &[("java", 1.0), ("react", 0.9)]),
            identity("besoin-02", &[("react", 1.0), ("java", 0.8)]),
        ];
        let mut current = vec![identity("", &[("java", 1.0), ("react", 1.0)])];
        let report = match_identities(&previous, &mut current, 0.5);
        assert_eq!(report.merged.len(), 1, "{report:?}");
        assert_eq!(report.vanished.len(), 1);
    }
}
