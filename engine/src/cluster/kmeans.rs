//! Lloyd's k-means with a greedy k-means++ start, written for the engine's shape: many
//! dense rows of few dimensions and a few dozen clusters.
//!
//! Every distance pass (the start's candidates, each assignment step) is a matrix
//! product over blocks of rows, `‖x‖² − 2x·c + ‖c‖²`, the blocks run in parallel and
//! their partial sums are added in block order, so a fit is the same on any number of
//! threads. Convergence follows scikit-learn's rule: the squared shift of the centroids
//! under `tolerance` × the mean variance of the columns; an emptied cluster is moved to
//! the row farthest from its centroid.

use ndarray::{Array1, Array2, ArrayView2, Axis, Slice};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256Plus;
use rayon::prelude::*;

/// Rows per block of a distance pass: the block's products (rows × k) stay in cache.
const BLOCK: usize = 2048;

/// What a k-means fit found.
#[derive(Debug, Clone)]
pub(crate) struct Fit {
    pub assignments: Vec<usize>,
    pub centroids: Array2<f32>,
    /// Sum of squared distances of the rows to their centroid.
    pub inertia: f64,
    /// Lloyd iterations of the best run.
    pub iterations: usize,
}

/// Settings of one fit; `k` is at most the number of rows and at least 1.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    pub k: usize,
    pub max_iterations: usize,
    pub tolerance: f32,
    pub runs: usize,
    pub seed: u64,
}

/// From this many rows on, the starts are tried on a seeded sample.
const SAMPLED_FROM: usize = 20_000;
/// The least rows of that sample (else a tenth of the rows).
const SAMPLE_MIN: usize = 10_000;
/// Starts tried on the sample per run asked: a start on a tenth of the rows costs
/// about a tenth, so trying three times as many still costs a third of full starts.
const SAMPLED_STARTS: usize = 3;

/// Tries `settings.runs` seeded k-means++ starts, each followed by Lloyd iterations,
/// and keeps the lowest inertia. With many rows the starts run on a seeded tenth of
/// them, three per run asked, and only the best is refined on all rows: a start costs
/// a tenth, so more starts fit in the time, which is what avoids the local minima where
/// two groups share a centroid while another group is split.
pub(crate) fn fit(data: ArrayView2<f32>, settings: Settings) -> Fit {
    let n = data.nrows();
    let k = settings.k.clamp(1, n.max(1));
    let norms: Vec<f32> = data.rows().into_iter().map(|r| r.dot(&r)).collect();
    let threshold = settings.tolerance * mean_variance(data);
    let mut seeds = Xoshiro256Plus::seed_from_u64(settings.seed);
    if n < SAMPLED_FROM {
        return best_start(data, &norms, k, settings, threshold, &mut seeds);
    }
    let mut rows: Vec<usize> = (0..n).collect();
    let size = (n / 10).max(SAMPLE_MIN).min(n);
    rows.partial_shuffle(&mut seeds, size);
    rows.truncate(size);
    rows.sort_unstable();
    let sample = data.select(Axis(0), &rows);
    let sample_norms: Vec<f32> = rows.iter().map(|&r| norms[r]).collect();
    let sampled = Settings {
        runs: settings.runs.max(1) * SAMPLED_STARTS,
        ..settings
    };
    let started = best_start(
        sample.view(),
        &sample_norms,
        k,
        sampled,
        threshold,
        &mut seeds,
    );
    lloyd(
        data,
        &norms,
        started.centroids,
        settings.max_iterations,
        threshold,
    )
}

/// The best of `settings.runs` k-means++ starts refined by Lloyd iterations.
fn best_start(
    data: ArrayView2<f32>,
    norms: &[f32],
    k: usize,
    settings: Settings,
    threshold: f32,
    seeds: &mut Xoshiro256Plus,
) -> Fit {
    let mut best: Option<Fit> = None;
    for _ in 0..settings.runs.max(1) {
        let mut rng = Xoshiro256Plus::seed_from_u64(seeds.r#gen());
        let start = plus_plus(data, norms, k, &mut rng);
        let fitted = lloyd(data, norms, start, settings.max_iterations, threshold);
        if best.as_ref().is_none_or(|b| fitted.inertia < b.inertia) {
            best = Some(fitted);
        }
    }
    best.expect("at least one run")
}

/// Mean over the columns of their variance (scikit-learn's scale for `tol`).
fn mean_variance(data: ArrayView2<f32>) -> f32 {
    if data.nrows() == 0 || data.ncols() == 0 {
        return 0.0;
    }
    let mean = data.mean_axis(Axis(0)).expect("rows");
    let mut total = 0.0f64;
    for row in data.rows() {
        for (v, m) in row.iter().zip(&mean) {
            total += f64::from((v - m) * (v - m));
        }
    }
    (total / (data.nrows() * data.ncols()) as f64) as f32
}

/// Blocks of rows, as (start, end).
fn blocks(n: usize) -> Vec<(usize, usize)> {
    (0..n)
        .step_by(BLOCK)
        .map(|s| (s, (s + BLOCK).min(n)))
        .collect()
}

/// Squared distance of every row to every centre, block by block, handed to `visit`
/// with the block's first row; the visits' results come back in block order.
fn distances<T: Send>(
    data: ArrayView2<f32>,
    norms: &[f32],
    centres: &Array2<f32>,
    visit: impl Fn(usize, &mut Array2<f32>) -> T + Sync,
) -> Vec<T> {
    let centre_norms: Array1<f32> = centres.rows().into_iter().map(|c| c.dot(&c)).collect();
    let transposed = centres.t();
    blocks(data.nrows())
        .into_par_iter()
        .map(|(start, end)| {
            let mut products = data
                .slice_axis(Axis(0), Slice::from(start..end))
                .dot(&transposed);
            for (i, mut row) in products.rows_mut().into_iter().enumerate() {
                let x = norms[start + i];
                for (p, c) in row.iter_mut().zip(&centre_norms) {
                    *p = (x + c - 2.0 * *p).max(0.0);
                }
            }
            visit(start, &mut products)
        })
        .collect()
}

/// Greedy k-means++ (as scikit-learn does it): each new centre is the best, by the
/// total squared distance it leaves, of `2 + ln k` rows drawn in proportion to their
/// squared distance to the nearest centre so far.
fn plus_plus(
    data: ArrayView2<f32>,
    norms: &[f32],
    k: usize,
    rng: &mut Xoshiro256Plus,
) -> Array2<f32> {
    let n = data.nrows();
    let trials = 2 + (k as f64).ln() as usize;
    let mut centres = Array2::<f32>::zeros((k, data.ncols()));
    let first = rng.gen_range(0..n);
    centres.row_mut(0).assign(&data.row(first));
    let mut closest: Vec<f32> = distances(
        data,
        norms,
        &centres.slice_axis(Axis(0), Slice::from(0..1)).to_owned(),
        |_, d| d.column(0).to_vec(),
    )
    .concat();
    for c in 1..k {
        let total: f64 = closest.iter().map(|&d| f64::from(d)).sum();
        let mut cumulative = Vec::with_capacity(n);
        let mut running = 0.0f64;
        for &d in &closest {
            running += f64::from(d);
            cumulative.push(running);
        }
        let candidates: Vec<usize> = (0..trials)
            .map(|_| {
                if total <= 0.0 {
                    return rng.gen_range(0..n);
                }
                let target = rng.r#gen::<f64>() * total;
                cumulative.partition_point(|&v| v <= target).min(n - 1)
            })
            .collect();
        let rows = data.select(Axis(0), &candidates);
        // Per block: for each candidate, the potential it leaves, and the new closest.
        let partials = distances(data, norms, &rows, |start, d| {
            let mut potentials = vec![0.0f64; trials];
            for (i, row) in d.rows().into_iter().enumerate() {
                let current = closest[start + i];
                for (t, &v) in row.iter().enumerate() {
                    potentials[t] += f64::from(v.min(current));
                }
            }
            potentials
        });
        let mut potentials = vec![0.0f64; trials];
        for partial in &partials {
            for (p, v) in potentials.iter_mut().zip(partial) {
                *p += v;
            }
        }
        let best = (0..trials)
            .min_by(|&a, &b| potentials[a].total_cmp(&potentials[b]))
            .unwrap_or(0);
        let chosen = rows.row(best);
        centres.row_mut(c).assign(&chosen);
        let single = chosen.to_owned().insert_axis(Axis(0));
        let updated = distances(data, norms, &single, |start, d| {
            d.column(0)
                .iter()
                .enumerate()
                .map(|(i, &v)| v.min(closest[start + i]))
                .collect::<Vec<f32>>()
        });
        closest = updated.concat();
    }
    centres
}

/// One assignment pass: each row's nearest centre and squared distance, and per
/// cluster the sum of its rows and their count.
struct Assignment {
    labels: Vec<usize>,
    distances: Vec<f32>,
    sums: Array2<f64>,
    counts: Vec<usize>,
    inertia: f64,
}

fn assign(data: ArrayView2<f32>, norms: &[f32], centres: &Array2<f32>) -> Assignment {
    let (k, cols) = centres.dim();
    let partials = distances(data, norms, centres, |start, d| {
        let mut labels = Vec::with_capacity(d.nrows());
        let mut nearest = Vec::with_capacity(d.nrows());
        let mut sums = Array2::<f64>::zeros((k, cols));
        let mut counts = vec![0usize; k];
        let mut inertia = 0.0f64;
        for (i, row) in d.rows().into_iter().enumerate() {
            let (label, distance) =
                row.iter()
                    .enumerate()
                    .fold(
                        (0, f32::INFINITY),
                        |best, (c, &v)| if v < best.1 { (c, v) } else { best },
                    );
            labels.push(label);
            nearest.push(distance);
            counts[label] += 1;
            inertia += f64::from(distance);
            for (s, &v) in sums.row_mut(label).iter_mut().zip(data.row(start + i)) {
                *s += f64::from(v);
            }
        }
        (labels, nearest, sums, counts, inertia)
    });
    let mut total = Assignment {
        labels: Vec::with_capacity(data.nrows()),
        distances: Vec::with_capacity(data.nrows()),
        sums: Array2::zeros((k, cols)),
        counts: vec![0; k],
        inertia: 0.0,
    };
    for (labels, nearest, sums, counts, inertia) in partials {
        total.labels.extend(labels);
        total.distances.extend(nearest);
        total.sums += &sums;
        for (t, c) in total.counts.iter_mut().zip(counts) {
            *t += c;
        }
        total.inertia += inertia;
    }
    total
}

/// Lloyd iterations from `centres` until the centroids move less than `threshold`
/// (sum of squared shifts) or `max_iterations`; the labels are those of the final
/// centroids.
fn lloyd(
    data: ArrayView2<f32>,
    norms: &[f32],
    mut centres: Array2<f32>,
    max_iterations: usize,
    threshold: f32,
) -> Fit {
    let mut iterations = 0;
    while iterations < max_iterations.max(1) {
        iterations += 1;
        let assignment = assign(data, norms, &centres);
        let mut updated = Array2::<f32>::zeros(centres.dim());
        let mut far: Vec<usize> = (0..data.nrows()).collect();
        let mut relocated = 0;
        for c in 0..centres.nrows() {
            if assignment.counts[c] > 0 {
                let count = assignment.counts[c] as f64;
                for (u, s) in updated.row_mut(c).iter_mut().zip(assignment.sums.row(c)) {
                    *u = (s / count) as f32;
                }
            } else {
                // An emptied cluster takes the row farthest from its centroid.
                if relocated == 0 {
                    far.sort_by(|&a, &b| {
                        assignment.distances[b].total_cmp(&assignment.distances[a])
                    });
                }
                let row = far.get(relocated).copied().unwrap_or(0);
                relocated += 1;
                updated.row_mut(c).assign(&data.row(row));
            }
        }
        let shift: f32 = (&updated - &centres).iter().map(|v| v * v).sum();
        centres = updated;
        if shift <= threshold {
            break;
        }
    }
    let last = assign(data, norms, &centres);
    Fit {
        assignments: last.labels,
        centroids: centres,
        inertia: last.inertia,
        iterations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `per` unit rows around each of the axes of `dims` dimensions.
    fn groups(dims: usize, per: usize) -> Array2<f32> {
        let mut rng = Xoshiro256Plus::seed_from_u64(7);
        let mut data = Array2::<f32>::zeros((dims * per, dims));
        for (i, mut row) in data.rows_mut().into_iter().enumerate() {
            for v in row.iter_mut() {
                *v = rng.gen_range(-0.05..0.05);
            }
            row[i / per] += 1.0;
            let norm = row.dot(&row).sqrt();
            row.mapv_inplace(|v| v / norm);
        }
        data
    }

    fn settings(k: usize) -> Settings {
        Settings {
            k,
            max_iterations: 100,
            tolerance: 1e-4,
            runs: 2,
            seed: 3,
        }
    }

    /// Asserts that each of the `groups` runs of `per` rows (as [`groups`] makes them)
    /// is in one cluster.
    fn assert_groups_whole(assignments: &[usize], groups: usize, per: usize) {
        for group in 0..groups {
            let labels: std::collections::HashSet<usize> = assignments
                [group * per..(group + 1) * per]
                .iter()
                .copied()
                .collect();
            assert_eq!(labels.len(), 1, "group {group} split: {labels:?}");
        }
    }

    #[test]
    fn finds_well_separated_groups() {
        let data = groups(8, 500);
        let fit = fit(data.view(), settings(8));
        assert_groups_whole(&fit.assignments, 8, 500);
        let distinct: std::collections::HashSet<usize> = fit.assignments.iter().copied().collect();
        assert_eq!(distinct.len(), 8);
        assert!(
            fit.inertia > 0.0 && fit.inertia / 4000.0 < 0.01,
            "{}",
            fit.inertia
        );
    }

    #[test]
    fn inertia_is_the_sum_of_squared_distances_to_the_centroids() {
        let data = groups(5, 300);
        let fit = fit(data.view(), settings(5));
        let direct: f64 = data
            .rows()
            .into_iter()
            .zip(&fit.assignments)
            .map(|(row, &c)| {
                let diff = &row - &fit.centroids.row(c);
                f64::from(diff.dot(&diff))
            })
            .sum();
        assert!(
            (direct - fit.inertia).abs() < 1e-3 * direct.max(1.0),
            "{direct} vs {}",
            fit.inertia
        );
        // Each centroid is the mean of its rows.
        for c in 0..5 {
            let members: Vec<usize> = (0..data.nrows())
                .filter(|&i| fit.assignments[i] == c)
                .collect();
            let mean = data.select(Axis(0), &members).mean_axis(Axis(0)).unwrap();
            let gap = (&mean - &fit.centroids.row(c)).mapv(f32::abs).sum();
            assert!(gap < 1e-3, "centroid {c} off its mean by {gap}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_fit_on_any_thread_count() {
        let data = groups(6, 1000);
        let many = fit(data.view(), settings(6));
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| fit(data.view(), settings(6)));
        assert_eq!(many.assignments, one.assignments);
        assert_eq!(many.centroids, one.centroids);
    }

    #[test]
    fn many_rows_start_on_a_sample_and_end_on_all_rows() {
        let data = groups(10, 2500);
        assert!(data.nrows() >= SAMPLED_FROM);
        let fit = fit(data.view(), settings(10));
        assert_groups_whole(&fit.assignments, 10, 2500);
        assert_eq!(fit.assignments.len(), data.nrows());
    }

    #[test]
    fn more_clusters_than_distinct_rows_still_fill_every_cluster() {
        // 4 distinct rows repeated: k = 6 leaves clusters to relocate.
        let mut data = Array2::<f32>::zeros((40, 4));
        for (i, mut row) in data.rows_mut().into_iter().enumerate() {
            row[i % 4] = 1.0;
        }
        let fit = fit(data.view(), settings(6));
        assert_eq!(fit.assignments.len(), 40);
        assert!(fit.inertia < 1e-6, "{}", fit.inertia);
        assert!(fit.assignments.iter().all(|&c| c < 6));
    }
}
