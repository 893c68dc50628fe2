# scikit-learn peer of benches/kmeans.rs: Lloyd k-means on the same seeded matrix
# (target/bench-data/kmeans.f32 + kmeans.json), median of 3, then the comparison with
# linfa's figures (kmeans-linfa.json).
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

RUNS = 3


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
    k, iterations = header["k"], header["iterations"]
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

    def fit(max_iter, init="k-means++"):
        return KMeans(
            n_clusters=k,
            init=init,
            n_init=1,
            max_iter=max_iter,
            tol=tolerance,
            algorithm="lloyd",
            random_state=seed,
        ).fit(data)

    seconds, model = median_seconds(RUNS, lambda: fit(iterations))
    one, _ = median_seconds(RUNS, lambda: fit(1))
    n_iter = int(model.n_iter_)
    per_iteration = (seconds - one) / (n_iter - 1) if n_iter > 1 else float("nan")
    inertia = float(model.inertia_)
    sizes = np.bincount(model.labels_, minlength=k)
    print(
        f"sklearn KMeans k={k}, max_iter {iterations}, tol {tolerance}, n_init 1, lloyd: "
        f"{seconds:.3f}s (median of {RUNS}), n_iter_ {n_iter}; capped at 1 iteration "
        f"{one:.3f}s; ~{per_iteration:.4f}s per further iteration"
    )
    print(
        f"  inertia_ (sum of squared distances) {inertia:.2f}; "
        f"cluster sizes {sizes.min()}..{sizes.max()}"
    )
    assert (sizes > 0).all(), f"empty clusters: {sizes}"
    assert 0.0 < inertia / rows < 1.0, f"mean squared distance {inertia / rows}"
    predict, _ = median_seconds(5, lambda: model.predict(data))
    print(f"  predict (one assignment pass): {predict:.4f}s (median of 5)")

    # The same start as the Rust bench: the first k rows.
    start = data[:k].copy()
    same_seconds, same = median_seconds(RUNS, lambda: fit(iterations, init=start))
    same_iterations = int(same.n_iter_)
    same_inertia = float(same.inertia_)
    print(
        f"sklearn from the first {k} rows: {same_seconds:.3f}s (median of {RUNS}), "
        f"n_iter_ {same_iterations}, {same_seconds / same_iterations:.4f}s per iteration; "
        f"inertia_ {same_inertia:.2f}"
    )

    linfa_path = os.path.join(args.data, "kmeans-linfa.json")
    if not os.path.exists(linfa_path):
        print(f"no {linfa_path}: run the Rust bench first for the comparison")
        return
    with open(linfa_path) as f:
        linfa = json.load(f)
    if (linfa["rows"], linfa["cols"], linfa["k"]) != (rows, cols, k):
        print("kmeans-linfa.json is for other data: rerun the Rust bench")
        return
    print()
    print(f"k-means, {rows} x {cols}, k={k}, max {iterations} iterations, tol {tolerance}")
    print(
        f"{'':<24} {'seconds':>9} {'iterations':>11} {'1-iteration s':>14} "
        f"{'s/iteration':>12} {'predict s':>10} {'inertia':>12}"
    )
    print(
        f"{'linfa 0.8.1':<24} {linfa['seconds']:>9.3f} {linfa['iterations_run']:>11} "
        f"{linfa['one_iteration_seconds']:>14.3f} {linfa['per_iteration_seconds']:>12.4f} "
        f"{linfa['predict_seconds']:>10.4f} {linfa['inertia']:>12.2f}"
    )
    print(
        f"{'scikit-learn ' + sklearn.__version__:<24} {seconds:>9.3f} {n_iter:>11} "
        f"{one:>14.3f} {per_iteration:>12.4f} {predict:>10.4f} {inertia:>12.2f}"
    )
    if "same_init_seconds" in linfa:
        ls, li = linfa["same_init_seconds"], linfa["same_init_iterations"]
        print(
            f"{'linfa, first k rows':<24} {ls:>9.3f} {li:>11} {'':>14} "
            f"{ls / li:>12.4f} {'':>10} {linfa['same_init_inertia']:>12.2f}"
        )
        print(
            f"{'sklearn, first k rows':<24} {same_seconds:>9.3f} {same_iterations:>11} "
            f"{'':>14} {same_seconds / same_iterations:>12.4f} {'':>10} {same_inertia:>12.2f}"
        )
    print(
        f"{'ndarray dot assignment':<24} {'':>9} {'':>11} {'':>14} {'':>12} "
        f"{linfa['dot_rayon_seconds']:>10.4f}"
    )
    print(
        f"linfa / sklearn: {linfa['seconds'] / seconds:.2f}x the time "
        f"(per iteration {linfa['per_iteration_seconds'] / per_iteration:.2f}x, "
        f"1-iteration fit {linfa['one_iteration_seconds'] / one:.2f}x, "
        f"predict {linfa['predict_seconds'] / predict:.2f}x); "
        f"inertia linfa {linfa['inertia']:.2f} vs sklearn {inertia:.2f} "
        f"({100 * (linfa['inertia'] / inertia - 1):+.2f}%)"
    )
    if "same_init_seconds" in linfa:
        ls, li = linfa["same_init_seconds"], linfa["same_init_iterations"]
        print(
            f"from the same first {k} rows: linfa / sklearn {ls / same_seconds:.2f}x the time, "
            f"{(ls / li) / (same_seconds / same_iterations):.2f}x per iteration; "
            f"inertia linfa {linfa['same_init_inertia']:.2f} vs sklearn {same_inertia:.2f} "
            f"({100 * (linfa['same_init_inertia'] / same_inertia - 1):+.2f}%)"
        )


if __name__ == "__main__":
    main()
