# scikit-learn peer of benches/kmeans.rs: Lloyd k-means from k-means++ starts on the
# same seeded matrix (target/bench-data/kmeans.f32 + kmeans.json) with the settings of
# Passerelle's build (k, runs as n_init, max_iter, tol), median of 3, then the comparison
# with Passerelle's figures (kmeans-passerelle.json), ending with one line
# `kmeans_ratio=R inertia_delta=D%` (R: Passerelle's wall time over scikit-learn's;
# D: Passerelle's inertia over scikit-learn's, in percent).
#
# Usage: python benches/kmeans_sklearn.py --data target/bench-data
# (bash benches/run_kmeans_peer.sh runs the Rust bench, then this, in one invocation).
import argparse
import json
import os
import statistics
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_info

TIMINGS = 3


def median_seconds(runs, run):
    timings = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="target/bench-data")
    args = parser.parse_args()

    with open(os.path.join(args.data, "kmeans.json")) as f:
        header = json.load(f)
    rows, cols = header["rows"], header["cols"]
    k, iterations, runs = header["k"], header["iterations"], header["runs"]
    tolerance, seed = header["tolerance"], header["seed"]
    data = np.fromfile(os.path.join(args.data, header["file"]), dtype="<f4")
    assert data.size == rows * cols, f"{data.size} values, expected {rows} x {cols}"
    data = data.reshape(rows, cols)
    norms = np.linalg.norm(data, axis=1)
    assert np.allclose(norms, 1.0, atol=1e-4), "rows are not unit vectors"

    threads = sorted(
        {f"{i['internal_api']}={i['num_threads']}" for i in threadpool_info()}
    )
    print(
        f"sklearn {sklearn.__version__}, numpy {np.__version__}; thread pools: "
        f"{', '.join(threads)}; data {rows} x {cols} ({data.dtype})"
    )

    def fit(starts=runs):
        return KMeans(
            n_clusters=k,
            init="k-means++",
            n_init=starts,
            max_iter=iterations,
            tol=tolerance,
            algorithm="lloyd",
            random_state=seed,
        ).fit(data)

    seconds, model = median_seconds(TIMINGS, fit)
    # Inertia recomputed in float64 from the final centroids, as the Rust side does.
    centres = model.cluster_centers_.astype(np.float64)
    x = data.astype(np.float64)
    distances = (
        (x * x).sum(axis=1)[:, None] - 2.0 * x @ centres.T + (centres * centres).sum(axis=1)
    )
    inertia = float(np.maximum(distances.min(axis=1), 0.0).sum())
    sizes = np.bincount(model.labels_, minlength=k)
    print(
        f"sklearn KMeans k={k}, n_init {runs}, max_iter {iterations}, tol {tolerance}, "
        f"lloyd: {seconds:.3f}s (median of {TIMINGS}), n_iter_ {int(model.n_iter_)}; "
        f"inertia {inertia:.2f} (inertia_ {float(model.inertia_):.2f}); "
        f"cluster sizes {sizes.min()}..{sizes.max()}"
    )
    assert (sizes > 0).all(), f"empty clusters: {sizes}"
    assert 0.0 < inertia / rows < 1.0, f"mean squared distance {inertia / rows}"

    # For context: one start only (scikit-learn's default n_init for k-means++).
    single_seconds, single = median_seconds(TIMINGS, lambda: fit(1))
    print(
        f"sklearn KMeans, n_init 1: {single_seconds:.3f}s (median of {TIMINGS}), "
        f"inertia_ {float(single.inertia_):.2f}"
    )

    ours_path = os.path.join(args.data, "kmeans-passerelle.json")
    if not os.path.exists(ours_path):
        raise SystemExit(f"no {ours_path}: run the Rust bench first")
    with open(ours_path) as f:
        ours = json.load(f)
    if (ours["rows"], ours["cols"], ours["k"]) != (rows, cols, k):
        raise SystemExit("kmeans-passerelle.json is for other data: rerun the Rust bench")
    print()
    print(
        f"k-means, {rows} x {cols}, k={k}, {runs} runs from k-means++ starts, "
        f"at most {iterations} iterations, tol {tolerance}"
    )
    print(f"{'':<28} {'seconds':>9} {'ratio':>7} {'inertia':>12} {'delta':>8}")
    for name, s, i in [
        ("passerelle", ours["seconds"], ours["inertia"]),
        ("scikit-learn " + sklearn.__version__, seconds, inertia),
        ("scikit-learn, n_init 1", single_seconds, float(single.inertia_)),
        ("linfa 0.8.1 (one timing)", ours["linfa_seconds"], ours["linfa_inertia"]),
    ]:
        print(
            f"{name:<28} {s:>9.3f} {s / seconds:>6.2f}x {i:>12.2f} "
            f"{100 * (i / inertia - 1):>+7.2f}%"
        )
    ratio = ours["seconds"] / seconds
    delta = 100 * (ours["inertia"] / inertia - 1)
    print(f"kmeans_ratio={ratio:.2f} inertia_delta={delta:+.2f}%")


if __name__ == "__main__":
    main()
