//! Passerelle's k-means (the `partition` call its build makes, with the build's
//! settings and k fixed) on a seeded dense matrix shaped like the engine's (unit rows
//! of 64 dimensions around 30 centres), beside linfa's k-means with the same settings;
//! `benches/kmeans_sklearn.py` then fits scikit-learn on the same file.
//!
//! Run: `cargo bench -p passerelle-benches --bench kmeans`, or
//! `bash benches/run_kmeans_peer.sh` for the comparison with scikit-learn. Writes
//! `target/bench-data/kmeans.f32` (rows × cols little-endian f32, row-major),
//! `kmeans.json` (its header and the settings) and `kmeans-passerelle.json` (the
//! figures below).
//! Env: `PASSERELLE_KMEANS_ROWS` (default 100000), `PASSERELLE_KMEANS_NOISE` (0.15).

use std::io::Write;
use std::path::{Path, PathBuf};

use linfa::prelude::*;
use linfa_clustering::KMeans;
use ndarray::{Array2, ArrayView2};
use passerelle_benches::median_seconds;
use passerelle_engine::{ClusterParams, partition};
use rand::{Rng, SeedableRng};
use rand_xoshiro::{Xoshiro256Plus, Xoshiro256PlusPlus};

const COLS: usize = 64;
const K: usize = 30;
/// Timings per contender (the median is reported).
const TIMINGS: usize = 3;

fn main() {
    let rows: usize = env_or("PASSERELLE_KMEANS_ROWS", 100_000);
    let noise: f32 = env_or("PASSERELLE_KMEANS_NOISE", 0.15);
    // The build's settings, with k fixed as the peers need it.
    let params = ClusterParams {
        k: Some(K),
        ..ClusterParams::default()
    };
    let data = matrix(rows, COLS, K, noise, params.seed);
    println!(
        "load average at start: {}",
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    export(&folder, &data, noise, &params);
    println!(
        "data: {rows} x {COLS} unit rows around {K} seeded centres (noise {noise}), \
         {} rayon threads; written to {}",
        rayon::current_num_threads(),
        folder.join("kmeans.f32").display()
    );
    println!(
        "settings (the build's): k = {K}, {} runs from k-means++ starts, at most {} \
         iterations, tolerance {}, seed {}",
        params.runs, params.max_iterations, params.tolerance, params.seed
    );

    let valid = params.check().expect("the build's settings are valid");
    let mut found = None;
    let seconds = median_seconds(TIMINGS, || {
        found = Some(partition(&data, &valid).expect("partition"));
    });
    let found = found.expect("fitted");
    let (labels, inertia) = assign_dot(data.view(), &found.centroids);
    let sizes = cluster_sizes(&labels, K);
    println!(
        "passerelle k-means: {seconds:.3}s (median of {TIMINGS}), best run stopped after {} \
         iterations; inertia {inertia:.2} (its own {:.2}); cluster sizes {}..{}",
        found.iterations,
        found.inertia,
        sizes.iter().min().expect("k > 0"),
        sizes.iter().max().expect("k > 0")
    );
    // Fast but wrong must fail: the clusters must be real ones, the labels its own.
    assert!(sizes.iter().all(|&s| s > 0), "empty clusters: {sizes:?}");
    assert_eq!(labels, found.assignments, "labels of the final centroids");
    let mean = inertia / rows as f64;
    assert!(
        mean > 0.0 && mean < 1.0,
        "mean squared distance {mean} of unit rows"
    );

    // linfa with the same settings, one timing (it is the slow side).
    let dataset = DatasetBase::from(data.view());
    let started = std::time::Instant::now();
    let model = KMeans::params_with_rng(K, Xoshiro256Plus::seed_from_u64(params.seed))
        .max_n_iterations(params.max_iterations)
        .tolerance(params.tolerance)
        .n_runs(params.runs)
        .fit(&dataset)
        .expect("k-means");
    let linfa_seconds = started.elapsed().as_secs_f64();
    let (_, linfa_inertia) = assign_dot(data.view(), model.centroids());
    println!(
        "linfa 0.8.1 KMeans, same settings: {linfa_seconds:.3}s (one timing); inertia \
         {linfa_inertia:.2}"
    );

    let report = format!(
        "{{\"rows\": {rows}, \"cols\": {COLS}, \"k\": {K}, \"threads\": {}, \
         \"seconds\": {seconds}, \"iterations_run\": {}, \"inertia\": {inertia}, \
         \"linfa_seconds\": {linfa_seconds}, \"linfa_inertia\": {linfa_inertia}}}\n",
        rayon::current_num_threads(),
        found.iterations
    );
    std::fs::write(folder.join("kmeans-passerelle.json"), report).expect("kmeans-passerelle.json");
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
fn export(folder: &Path, data: &Array2<f32>, noise: f32, params: &ClusterParams) {
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
         \"k\": {K}, \"iterations\": {}, \"tolerance\": {}, \"runs\": {}, \
         \"seed\": {}, \"noise\": {noise}}}\n",
        data.nrows(),
        data.ncols(),
        params.max_iterations,
        params.tolerance,
        params.runs,
        params.seed
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
