#!/usr/bin/env bash
# Use 1: a figure for a report.  Draw the example articles as an SVG with the
# hierarchical `dot` layout (fine for a few dozen actors; larger graphs get
# sfdp by default) and keep only relations the rules are fairly sure of.
# Every edge's tooltip in the SVG holds the sentence it comes from.
# usage: examples/report-svg.sh [OUTPUT.svg]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ACTORGRAPH:-build/actorgraph}
out=${1:-report.svg}
export LC_ALL=C

"$bin" --layout dot --min-confidence 0.5 -o "$out" examples/*.txt
echo "wrote $out: open it in a browser, or include it in a document"
