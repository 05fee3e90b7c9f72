#!/usr/bin/env bash
# Use 3: JSON in a pipeline.  Extract to JSON Graph Format, rank the actors
# by PageRank with jq, list the edges of one relation with their evidence,
# then cut the graph down to that relation and render it again with
# `actorgraph convert`.
# usage: examples/pipeline-jq.sh [RELATION [OUTDIR]]   (default: quoted_by, .)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ACTORGRAPH:-build/actorgraph}
relation=${1:-quoted_by}
out=${2:-.}
export LC_ALL=C
command -v jq >/dev/null || { echo "pipeline-jq.sh: needs jq (apt-get install jq)" >&2; exit 1; }

"$bin" -o "$out/graph.json" examples/*.txt

echo "Actors by PageRank:"
jq -r '.graph.nodes | to_entries
       | sort_by(-.value.metadata.pagerank, .key) | .[:10][]
       | "\(.value.metadata.pagerank * 1000 | round / 1000)\t\(.value.label) (\(.value.metadata.type))"' \
    "$out/graph.json"

echo
echo "Edges of relation $relation:"
jq -r --arg rel "$relation" '.graph as $g | $g.edges[] | select(.relation == $rel)
       | "\($g.nodes[.source].label) -> \($g.nodes[.target].label)\t\(.metadata.evidence[0].doc): \(.metadata.evidence[0].text)"' \
    "$out/graph.json"

# Keep only that relation (and the actors it touches), then draw it.
jq --arg rel "$relation" '
    .graph.edges |= map(select(.relation == $rel))
    | ([.graph.edges[] | .source, .target] | unique) as $keep
    | .graph.nodes |= with_entries(select(.key | IN($keep[])))' \
    "$out/graph.json" > "$out/graph-$relation.json"
"$bin" convert -o "$out/graph-$relation.svg" "$out/graph-$relation.json"
echo
echo "wrote $out/graph.json, $out/graph-$relation.json, $out/graph-$relation.svg"
