#!/usr/bin/env bash
# The main job: extract the graph of the example articles and write it in
# every format into graphs/.  The README's first command runs this, and
# tests/e2e regenerates it to check that graphs/ is not stale.
# usage: examples/build-graphs.sh [ACTORGRAPH [OUTDIR]]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${ACTORGRAPH:-build/actorgraph}}
out=${2:-graphs}
export LC_ALL=C # a stable glob order, so document order never depends on the locale

mkdir -p "$out"
for fmt in json dot svg graphml; do
    "$bin" -q -o "$out/graph.$fmt" examples/*.txt
done
echo "wrote $out/graph.json, graph.dot, graph.svg, graph.graphml from $(ls examples/*.txt | wc -l) articles"
