//! linfa k-means on a seeded dense matrix shaped like the engine's (unit rows of 64
//! dimensions around 30 centres), against scikit-learn on the same file
//! (`benches/kmeans_sklearn.py`), and the assignment step written as a matrix product
//! (‖x‖² − 2x·c + ‖c‖²) beside linfa's `predict` on the same centroids.
//!
//! Run: `cargo bench -p passerelle-benches --bench kmeans`, or
//! `bash benches/run_kmeans_peer.sh` for the comparison with scikit-learn. Writes
//! `target/bench-data/kmeans.f32` (rows × cols little-endian f32, row-major),
//! `kmeans.json` (its header) and `kmeans-linfa.json` (the figures below).
//! Env: `PASSERELLE_KMEANS_ROWS` (default 100000), `PASSERELLE_KMEANS_NOISE` (0.15).

use std::io::Write;
use std::path::{Path, PathBuf};

use linfa::prelude::*;
use linfa_clustering::{KMeans, KMeansInit};
use ndarray::{Array1, Array2, ArrayView2, Axis, Slice};
use passerelle_benches::median_seconds;
use rand::{Rng, SeedableRng};
use rand_xoshiro::{Xoshiro256Plus, Xoshiro256PlusPlus};
use rayon::prelude::*;

const COLS: usize = 64;
const K: usize = 30;
const ITERATIONS: u64 = 30;
const TOLERANCE: f32 = 1e-4;
const SEED: u64 = 42;
const RUNS: usize = 3;

fn main() {
    let rows: usize = env_or("PASSERELLE_KMEANS_ROWS", 100_000);
    let noise: f32 = env_or("PASSERELLE_KMEANS_NOISE", 0.15);
    let data = matrix(rows, COLS, K, noise, SEED);
    println!(
        "load average at start: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    export(&folder, &data, noise);
    println!(
        "data: {rows} x {COLS} unit rows around {K} seeded centres (noise {noise}), \
         {} rayon threads; written to {}",
        rayon::current_num_threads(),
        folder.join("kmeans.f32").display()
    );

    let dataset = DatasetBase::from(data.view());
    let fit = |iterations: u64| {
        KMeans::params_with_rng(K, Xoshiro256Plus::seed_from_u64(SEED))
            .max_n_iterations(iterations)
            .tolerance(TOLERANCE)
            .n_runs(1)
            .fit(&dataset)
            .expect("k-means")
    };
    let mut model = None;
    let seconds = median_seconds(RUNS, || model = Some(fit(ITERATIONS)));
    let model = model.expect("fitted");
    // One iteration (k-means++ init + one Lloyd step) gives the per-iteration cost.
    let one = median_seconds(RUNS, || {
        fit(1);
    });
    let centroids = model.centroids().clone();
    let iterations = stopped_at(|m| fit(m).centroids().clone(), &centroids);
    let per_iteration = if iterations > 1 {
        (seconds - one) / (iterations - 1) as f64
    } else {
        f64::NAN
    };
    let (labels, inertia) = assign_dot(data.view(), &centroids);
    let sizes = cluster_sizes(&labels, K);
    println!(
        "linfa KMeans k={K}, max {ITERATIONS} iterations, tol {TOLERANCE}, 1 run: \
         {seconds:.3}s (median of {RUNS}), stopped after {iterations} iterations; \
         capped at 1 iteration (k-means++ init + 1 step) {one:.3}s; \
         ~{per_iteration:.4}s per further iteration"
    );
    println!(
        "  inertia (sum of squared distances to the final centroids) {inertia:.2}; \
         linfa's own inertia() {:.5} (mean, before the last update); \
         cluster sizes {}..{}",
        model.inertia(),
        sizes.iter().min().expect("k > 0"),
        sizes.iter().max().expect("k > 0")
    );
    // Fast but wrong must fail: the clusters must be real ones.
    assert!(sizes.iter().all(|&s| s > 0), "empty clusters: {sizes:?}");
    let mean = inertia / rows as f64;
    assert!(
        mean > 0.0 && mean < 1.0,
        "mean squared distance {mean} of unit rows"
    );

    // The same start for both libraries (the first k rows; sklearn: `init=X[:k]`), so
    // that the iterations are compared without the initialisations.
    let start = data.slice_axis(Axis(0), Slice::from(0..K)).to_owned();
    let fit_from = |iterations: u64| {
        KMeans::params_with_rng(K, Xoshiro256Plus::seed_from_u64(SEED))
            .init_method(KMeansInit::Precomputed(start.clone()))
            .max_n_iterations(iterations)
            .tolerance(TOLERANCE)
            .n_runs(1)
            .fit(&dataset)
            .expect("k-means")
    };
    let mut same = None;
    let same_seconds = median_seconds(RUNS, || same = Some(fit_from(ITERATIONS)));
    let same = same.expect("fitted").centroids().clone();
    let same_iterations = stopped_at(|m| fit_from(m).centroids().clone(), &same);
    let (same_labels, same_inertia) = assign_dot(data.view(), &same);
    println!(
        "linfa from the first {K} rows: {same_seconds:.3}s (median of {RUNS}), stopped after \
         {same_iterations} iterations, {:.4}s per iteration; inertia {same_inertia:.2}",
        same_seconds / same_iterations as f64
    );
    assert!(
        cluster_sizes(&same_labels, K)
            .iter()
            .filter(|&&s| s > 0)
            .count()
            > K / 2,
        "clusters from the first rows"
    );

    // The lever: one assignment pass, linfa's predict against a matrix product.
    let mut predicted = Array1::zeros(0);
    let linfa_predict = median_seconds(5, || predicted = model.predict(&data));
    let mut dot_labels = Vec::new();
    let dot_one = median_seconds(5, || dot_labels = assign_dot(data.view(), &centroids).0);
    let dot_rayon = median_seconds(5, || dot_labels = assign_dot_par(data.view(), &centroids));
    let agree = predicted
        .iter()
        .zip(&dot_labels)
        .filter(|(a, b)| a == b)
        .count();
    assert!(
        agree * 1000 >= rows * 999,
        "matrix-product assignment agrees with predict on {agree} of {rows} rows"
    );
    println!("assignment pass, {rows} rows x {K} centroids:");
    println!(
        "  {:<44} {:>9.4}s {:>6.2}x",
        format!(
            "linfa predict (rayon, {} threads)",
            rayon::current_num_threads()
        ),
        linfa_predict,
        1.0
    );
    println!(
        "  {:<44} {:>9.4}s {:>6.2}x",
        "ndarray dot (‖c‖² − 2x·c), 1 thread",
        dot_one,
        linfa_predict / dot_one
    );
    println!(
        "  {:<44} {:>9.4}s {:>6.2}x",
        "ndarray dot, rayon over row blocks",
        dot_rayon,
        linfa_predict / dot_rayon
    );
    println!("  labels agree with predict on {agree} of {rows} rows");

    let report = format!(
        "{{\"rows\": {rows}, \"cols\": {COLS}, \"k\": {K}, \"iterations\": {ITERATIONS}, \
         \"threads\": {}, \"seconds\": {seconds}, \"iterations_run\": {iterations}, \
         \"one_iteration_seconds\": {one}, \"per_iteration_seconds\": {per_iteration}, \
         \"inertia\": {inertia}, \"linfa_inertia_mean\": {}, \"predict_seconds\": {linfa_predict}, \
         \"dot_seconds\": {dot_one}, \"dot_rayon_seconds\": {dot_rayon}, \
         \"same_init_seconds\": {same_seconds}, \"same_init_iterations\": {same_iterations}, \
         \"same_init_inertia\": {same_inertia}}}\n",
        rayon::current_num_threads(),
        model.inertia()
    );
    std::fs::write(folder.join("kmeans-linfa.json"), report).expect("kmeans-linfa.json");
}

/// The iteration a deterministic fit stopped at: the smallest cap that gives the same
/// centroids (linfa does not report it).
fn stopped_at(fit: impl Fn(u64) -> Array2<f32>, centroids: &Array2<f32>) -> u64 {
    let (mut low, mut high) = (1, ITERATIONS);
    while low < high {
        let middle = (low + high) / 2;
        if fit(middle) == centroids {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    low
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut Xoshiro256PlusPlus) -> f32 {
    let u: f64 = rng.gen_range(f64::EPSILON..1.0);
    let v: f64 = rng.r#gen();
    ((-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()) as f32
}

fn normalise(mut row: ndarray::ArrayViewMut1<f32>) {
    let norm = row.iter().map(|v| v * v).sum::<f32>().sqrt();
    if norm > 0.0 {
        row.mapv_inplace(|v| v / norm);
    }
}

/// `rows` unit vectors: a seeded random centre (of `k`, themselves unit vectors) plus
/// Gaussian noise of deviation `noise` per coordinate, normalised.
fn matrix(rows: usize, cols: usize, k: usize, noise: f32, seed: u64) -> Array2<f32> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut centres = Array2::<f32>::zeros((k, cols));
    for mut centre in centres.rows_mut() {
        centre.mapv_inplace(|_| normal(&mut rng));
        normalise(centre);
    }
    let mut data = Array2::<f32>::zeros((rows, cols));
    for mut row in data.rows_mut() {
        let centre = centres.row(rng.gen_range(0..k));
        for (value, c) in row.iter_mut().zip(centre) {
            *value = c + noise * normal(&mut rng);
        }
        normalise(row);
    }
    data
}

/// Writes the matrix (little-endian f32, row-major) and its JSON header.
fn export(folder: &Path, data: &Array2<f32>, noise: f32) {
    std::fs::create_dir_all(folder).expect("bench-data folder");
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(folder.join("kmeans.f32")).expect("kmeans.f32"),
    );
    for value in data.iter() {
        file.write_all(&value.to_le_bytes()).expect("write");
    }
    file.flush().expect("flush");
    let header = format!(
        "{{\"file\": \"kmeans.f32\", \"dtype\": \"<f4\", \"rows\": {}, \"cols\": {}, \
         \"k\": {K}, \"iterations\": {ITERATIONS}, \"tolerance\": {TOLERANCE}, \
         \"seed\": {SEED}, \"noise\": {noise}}}\n",
        data.nrows(),
        data.ncols()
    );
    std::fs::write(folder.join("kmeans.json"), header).expect("kmeans.json");
}

/// Nearest centroid of each row by ‖x‖² − 2x·c + ‖c‖² with one matrix product, and
/// the sum of squared distances (f64).
fn assign_dot(data: ArrayView2<f32>, centroids: &Array2<f32>) -> (Vec<usize>, f64) {
    let centroid_norms: Vec<f32> = centroids.rows().into_iter().map(|c| c.dot(&c)).collect();
    let products = data.dot(&centroids.t());
    let mut labels = Vec::with_capacity(data.nrows());
    let mut inertia = 0.0f64;
    for (row, x) in products.rows().into_iter().zip(data.rows()) {
        let (best, score) = argmin(row.iter().zip(&centroid_norms).map(|(p, n)| n - 2.0 * p));
        labels.push(best);
        inertia += f64::from((x.dot(&x) + score).max(0.0));
    }
    (labels, inertia)
}

/// The same, over blocks of rows in parallel.
fn assign_dot_par(data: ArrayView2<f32>, centroids: &Array2<f32>) -> Vec<usize> {
    let centroid_norms: Vec<f32> = centroids.rows().into_iter().map(|c| c.dot(&c)).collect();
    let t = centroids.t();
    let block = 4096;
    let blocks: Vec<usize> = (0..data.nrows()).step_by(block).collect();
    blocks
        .par_iter()
        .flat_map_iter(|&start| {
            let end = (start + block).min(data.nrows());
            let products = data.slice_axis(Axis(0), Slice::from(start..end)).dot(&t);
            products
                .axis_iter(Axis(0))
                .map(|row| argmin(row.iter().zip(&centroid_norms).map(|(p, n)| n - 2.0 * p)).0)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn argmin(values: impl Iterator<Item = f32>) -> (usize, f32) {
    values.enumerate().fold(
        (0, f32::INFINITY),
        |best, (i, v)| if v < best.1 { (i, v) } else { best },
    )
}

fn cluster_sizes(labels: &[usize], k: usize) -> Vec<usize> {
    let mut sizes = vec![0; k];
    for &l in labels {
        sizes[l] += 1;
    }
    sizes
}
