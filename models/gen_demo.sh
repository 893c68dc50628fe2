#!/usr/bin/env bash
# Rebuilds models/needs-demo.json, the needs model embedded as the default build, from
# the demo postings of corpora/postings and the geography tables of ../shared/data/geo_fr.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
geo="${PASSERELLE_SHARED_DATA:-$root/../shared/data}/geo_fr"
out="$(mktemp -d)"
cargo run --release -q -p passerelle-server -- build \
  --offers corpora/postings/demo_offers.jsonl --trainings corpora/catalogue/trainings.jsonl \
  --geo "$geo" --out "$out" \
  --built-at 2026-11-29T00:00:00Z
# The build publishes version 1 of a fresh folder.
cp "$out/versions/v000001/needs-model.json" models/needs-demo.json
rm -rf "$out"
