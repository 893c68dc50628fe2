#!/usr/bin/env bash
# Runs Passerelle's k-means bench (cargo bench --bench kmeans, with linfa beside it),
# then scikit-learn on the matrix it exports with the same settings, and prints the
# comparison, ending with the line `kmeans_ratio=R inertia_delta=D%`.
#
# Usage: bash benches/run_kmeans_peer.sh   (from any directory)
# Makes a venv in target/kmeans-venv with pinned numpy and scikit-learn from PyPI.
# SKIP_RUST=1 reuses the last export and Passerelle's figures.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

echo "run_kmeans_peer: load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

# The Rust side first, in the same invocation: it writes the matrix and its figures.
if [[ "${SKIP_RUST:-0}" != 1 || ! -s "$root/target/bench-data/kmeans-passerelle.json" ]]; then
    cargo bench -p passerelle-benches --bench kmeans
fi

venv="$root/target/kmeans-venv"
python="${PYTHON:-python3}"
if [[ ! -x "$venv/bin/python" ]]; then
    echo "run_kmeans_peer: creating venv $venv with $("$python" --version 2>&1)"
    mkdir -p "$root/target"
    "$python" -m venv "$venv"
fi
vpy="$venv/bin/python"
"$vpy" -m pip install --quiet --disable-pip-version-check \
    "numpy==2.4.6" "scikit-learn==1.9.1"

echo "run_kmeans_peer: load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$vpy" "$root/benches/kmeans_sklearn.py" --data "$root/target/bench-data" "$@"
